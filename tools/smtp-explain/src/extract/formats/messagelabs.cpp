// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/messagelabs.hpp"

#include "extract/formats/notice.hpp"
#include "text.hpp"

#include <smtp/delivery_status.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain::formats {

namespace {

constexpr std::string_view unable =
    "I was unable to deliver your message to the following addresses:";

bool recognises(const DecodedMessage& message) {
    return notice::report_says(message, "This is the mail delivery agent at") &&
           notice::report_says(message, unable);
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const std::string text = notice::report_text(message);
    std::vector<BounceRecipient> found;
    std::string reason;
    bool listing = false;
    bool reasoning = false;
    for (const std::string_view raw : notice::lines_of(text)) {
        const std::string_view line = trim(raw);
        if (notice::icontains(line, unable)) {
            listing = true;
            continue;
        }
        if (istarts_with(line, "Reason:")) {
            reasoning = true;
            reason += line.substr(7);
            reason += '\n';
            continue;
        }
        if (reasoning) {
            // The reply's further lines, up to the message's details.
            if (line.empty() || istarts_with(line, "The message ")) {
                break;
            }
            reason += line;
            reason += '\n';
        } else if (listing && notice::is_address_line(line)) {
            found.push_back(
                notice::recipient_for(notice::find_address(line), smtp::DsnAction::Failed));
        }
    }
    for (BounceRecipient& recipient : found) {
        notice::set_reply(recipient, reason);
    }
    notice::hand_on(message, found, sink);
}

} // namespace

const BounceFormat messagelabs = {"messagelabs", recognises, extract};

} // namespace smtp_explain::formats
