// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/exchange2007.hpp"

#include "extract/formats/notice.hpp"
#include "text.hpp"

#include <smtp/delivery_status.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain::formats {

namespace {

// What Exchange wrote about one recipient in the administrators' section:
// the remote server when another one answered, Exchange's own status
// ("#5.0.0") and the reply.
void read_diagnostic_line(BounceRecipient& recipient, std::string_view text) {
    // "Remote Server returned '550 5.1.10 ...'"
    const std::size_t returned = notice::ifind(text, "returned '");
    if (returned != std::string_view::npos) {
        std::string_view inner = text.substr(returned + 10);
        const std::size_t quote = inner.rfind('\'');
        inner = quote == std::string_view::npos ? inner : inner.substr(0, quote);
        text = inner;
    }
    // "host #<host #5.0.0 smtp; 554 ...> #SMTP#"
    const std::size_t open = text.find("#<");
    if (open != std::string_view::npos) {
        const std::string_view host = trim(text.substr(0, open));
        if (!host.empty() && host.find(' ') == std::string_view::npos) {
            recipient.remote_mta = std::string(host);
        }
        std::string_view inner = text.substr(open + 2);
        const std::size_t close = inner.rfind('>');
        text = close == std::string_view::npos ? inner : inner.substr(0, close);
    }
    // "mx.example #552 5.2.2 text ##", "#550 5.1.1 RESOLVER... ##rfc822;a@b"
    const std::size_t end = text.find("##");
    if (end != std::string_view::npos) {
        text = text.substr(0, end);
    }
    text = trim(text);
    const std::size_t hash = text.find('#');
    if (hash != std::string_view::npos && hash > 0) {
        const std::string_view host = trim(text.substr(0, hash));
        if (!host.empty() && host.find(' ') == std::string_view::npos &&
            recipient.remote_mta.empty()) {
            recipient.remote_mta = std::string(host);
        }
        text = text.substr(hash);
    }
    if (!text.empty() && text.front() == '#') {
        text.remove_prefix(1);
    }
    // Exchange's own status before the remote reply: "5.0.0 smtp; 554 ...".
    const std::size_t smtp = notice::ifind(text, "smtp;");
    if (smtp != std::string_view::npos) {
        recipient.status = notice::status_token(trim(text.substr(0, smtp)));
        text = text.substr(smtp + 5);
    }
    notice::set_reply(recipient, text);
}

// The administrators' section: after the line that names the generating
// server, blocks of an address line and the diagnostic under it.
std::vector<BounceRecipient> administrators(const std::vector<std::string_view>& lines) {
    std::vector<BounceRecipient> found;
    // The first line to read: after the heading, or, in a notice in another
    // language, the first address line whose next line is a diagnostic of
    // Exchange's form.
    std::size_t start = 0;
    while (start < lines.size() && !notice::icontains(lines[start], "Generating server:") &&
           !notice::icontains(lines[start], "Diagnostic information for administrators")) {
        ++start;
    }
    if (start < lines.size()) {
        ++start;
    } else {
        for (start = 0; start + 1 < lines.size(); ++start) {
            const std::string_view next = trim(lines[start + 1]);
            if (notice::is_address_line(lines[start]) &&
                lines[start].find('<') == std::string_view::npos &&
                (starts_with(next, "#") || notice::icontains(next, "returned '"))) {
                break;
            }
        }
    }
    bool in_block = false;
    std::string diagnostic;
    const auto close = [&] {
        if (!found.empty() && !diagnostic.empty()) {
            read_diagnostic_line(found.back(), diagnostic);
        }
        diagnostic.clear();
        in_block = false;
    };
    for (std::size_t i = start; i < lines.size(); ++i) {
        const std::string_view line = trim(lines[i]);
        if (line.empty()) {
            close();
            continue;
        }
        if (!in_block && notice::is_address_line(line) &&
            line.find('<') == std::string_view::npos) {
            found.push_back(
                notice::recipient_for(notice::find_address(line), smtp::DsnAction::Failed));
            in_block = true;
            continue;
        }
        if (in_block) {
            diagnostic += line;
            diagnostic += ' ';
            continue;
        }
        if (!found.empty()) {
            break; // the original's headers follow, under a heading
        }
    }
    close();
    return found;
}

bool recognises(const DecodedMessage& message) {
    return message.header("X-MS-Exchange-Message-Is-Ndr") != nullptr ||
           notice::report_says(message, "Diagnostic information for administrators") ||
           notice::report_says(message, "Remote Server returned '");
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const std::string text = notice::report_text(message);
    std::vector<BounceRecipient> found = administrators(notice::lines_of(text));
    notice::hand_on(message, found, sink);
}

} // namespace

const BounceFormat exchange2007 = {"exchange2007", recognises, extract};

} // namespace smtp_explain::formats
