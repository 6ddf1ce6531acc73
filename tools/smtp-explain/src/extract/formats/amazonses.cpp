// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/amazonses.hpp"

#include "extract/formats/notice.hpp"
#include "text.hpp"

#include <smtp/delivery_status.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain::formats {

namespace {

constexpr std::string_view following = "The following message to ";
constexpr std::string_view reason_for = "The reason for the problem:";

bool recognises(const DecodedMessage& message) {
    return notice::report_says(message, "was undeliverable.") &&
           notice::report_says(message, reason_for);
}

// "5.1.0 - Unknown address error 550-'5.1.1 <a@b>... User unknown'": SES's
// status, its words, and the remote reply in quotes after its code.
void read_reason(BounceRecipient& recipient, std::string_view text) {
    text = trim(text);
    const std::size_t dash = text.find(" - ");
    if (dash != std::string_view::npos) {
        recipient.status = notice::status_token(text.substr(0, dash));
        text = text.substr(dash + 3);
    }
    const std::size_t quote = text.find("-'");
    if (quote != std::string_view::npos && quote >= 3 && is_digit(text[quote - 1])) {
        std::size_t code = quote - 3;
        std::string reply(text.substr(code, 3));
        std::string_view quoted = text.substr(quote + 2);
        if (!quoted.empty() && quoted.back() == '\'') {
            quoted.remove_suffix(1);
        }
        reply += ' ';
        reply += quoted;
        notice::set_reply(recipient, reply);
        return;
    }
    notice::set_reply(recipient, text);
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const std::string text = notice::report_text(message);
    std::vector<BounceRecipient> found;
    bool reason = false;
    for (const std::string_view raw : notice::lines_of(text)) {
        const std::string_view line = trim(raw);
        if (istarts_with(line, following)) {
            found.push_back(notice::recipient_for(
                notice::find_address(line.substr(following.size())), smtp::DsnAction::Failed));
        } else if (iequals(line, reason_for)) {
            reason = true;
        } else if (reason && !line.empty() && !found.empty()) {
            read_reason(found.back(), line);
            reason = false;
        }
    }
    notice::hand_on(message, found, sink);
}

} // namespace

const BounceFormat amazonses = {"amazonses", recognises, extract};

} // namespace smtp_explain::formats
