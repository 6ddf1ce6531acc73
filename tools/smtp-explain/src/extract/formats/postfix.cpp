// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/postfix.hpp"

#include "extract/bounce_text.hpp"
#include "extract/commands.hpp"
#include "extract/formats/notice.hpp"
#include "text.hpp"

#include <smtp/delivery_status.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain::formats {

namespace {

// "mx.example.jp[192.0.2.1]" (":25" left out) right after `prefix` in
// `text`, or empty.
std::string_view host_after(std::string_view text, std::string_view prefix) noexcept {
    const std::size_t at = notice::ifind(text, prefix);
    if (at == std::string_view::npos) {
        return {};
    }
    const std::string_view rest = text.substr(at + prefix.size());
    const std::size_t close = rest.find(']');
    return close == std::string_view::npos ? std::string_view() : rest.substr(0, close + 1);
}

// What Postfix says of one recipient, its wrapped lines joined.
void read_paragraph(BounceRecipient& recipient, std::string_view wrapped) {
    const std::string joined = collapse_space(wrapped);
    const std::string_view text = joined;
    const std::size_t said = notice::ifind(text, " said: ");
    const std::size_t refused = notice::ifind(text, " refused to talk to me: ");
    if (said != std::string_view::npos) {
        recipient.remote_mta = std::string(host_after(text, "host "));
        notice::set_reply(recipient, notice::in_reply_to(text.substr(said + 7), recipient));
        return;
    }
    if (refused != std::string_view::npos) {
        recipient.remote_mta = std::string(host_after(text, "host "));
        recipient.command = smtp::Command::Greeting;
        notice::set_reply(recipient, text.substr(refused + 24));
        return;
    }
    // Postfix's own words: a connection that failed, a DNS error, a
    // timeout "while sending RCPT TO".
    for (const std::string_view prefix :
         {std::string_view("connect to "), std::string_view("conversation with "),
          std::string_view("lost connection with ")}) {
        if (recipient.remote_mta.empty()) {
            recipient.remote_mta = std::string(host_after(text, prefix));
        }
    }
    const std::size_t sending = notice::ifind(text, " while sending ");
    if (sending != std::string_view::npos) {
        recipient.command = command_from_verb(text.substr(sending + 15));
    }
    recipient.diagnostic = collapse_space(text);
}

bool recognises(const DecodedMessage& message) {
    return !notice::has_delivery_status(message) && !notice::pastes_delivery_status(message) &&
           (notice::report_says(message, "This is the Postfix program at host") ||
            notice::report_says(message, "This is the mail system at host"));
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const std::string text = notice::report_text(message);
    const smtp::DsnAction action =
        notice::icontains(text, "THIS IS A WARNING ONLY")       ? smtp::DsnAction::Delayed
        : notice::icontains(text, "was successfully delivered") ? smtp::DsnAction::Delivered
                                                                : smtp::DsnAction::Failed;
    std::vector<BounceRecipient> found;
    std::string paragraph;
    const auto close = [&] {
        if (!found.empty() && !paragraph.empty()) {
            read_paragraph(found.back(), paragraph);
        }
        paragraph.clear();
    };
    bool open = false;
    for (const std::string_view raw : notice::lines_of(text)) {
        const std::string_view line = trim(raw);
        // A recipient's paragraph starts at the start of a line (some sites
        // indent it by a space) with the address in angle brackets.
        const notice::LeadingAddress leading = notice::leading_address(line);
        // "<a@b>:" or "<a@b> (expanded from <c@d>):" at the start of a line
        // (some sites indent it by a space): not an address in a sentence.
        if (raw.size() - line.size() <= 1 && !leading.address.empty() &&
            (starts_with(leading.rest, ":") || istarts_with(leading.rest, "(expanded from"))) {
            close();
            BounceRecipient recipient = notice::recipient_for(leading.address, action);
            std::string_view rest = leading.rest;
            const std::size_t expanded = notice::ifind(rest, "(expanded from ");
            if (expanded != std::string_view::npos) {
                recipient.original_recipient =
                    std::string(notice::find_address(rest.substr(expanded)));
                const std::size_t end = rest.find(')', expanded);
                rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
            }
            rest = trim(rest);
            if (!rest.empty() && rest.front() == ':') {
                rest.remove_prefix(1);
            }
            found.push_back(std::move(recipient));
            paragraph = std::string(trim(rest));
            open = true;
            continue;
        }
        if (line.empty() || starts_with(line, "--")) {
            close();
            open = false;
            continue;
        }
        if (open) {
            paragraph += '\n';
            paragraph += line;
        }
    }
    close();
    notice::hand_on(message, found, sink);
}

} // namespace

const BounceFormat postfix = {"postfix", recognises, extract};

} // namespace smtp_explain::formats
