// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/kddi.hpp"

#include "extract/bounce_text.hpp"
#include "extract/formats/notice.hpp"
#include "text.hpp"

#include <smtp/bounce_reason.hpp>
#include <smtp/delivery_status.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain::formats {

namespace {

constexpr std::string_view could_not = "Could not be delivered to:";

bool recognises(const DecodedMessage& message) {
    return notice::report_says(message, "Your mail sent on:") &&
           notice::report_says(message, could_not);
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const std::string text = notice::report_text(message);
    std::vector<BounceRecipient> found;
    for (const std::string_view raw : notice::lines_of(text)) {
        const std::string_view line = trim(raw);
        if (istarts_with(line, could_not)) {
            found.push_back(notice::recipient_for(
                notice::find_address(line.substr(could_not.size())), smtp::DsnAction::Failed));
        } else if (!found.empty() && found.back().diagnostic.empty() && !line.empty()) {
            // The reason, in words, on the line after the address.
            found.back().diagnostic = collapse_space(line);
            if (notice::icontains(line, "mailbox is full")) {
                found.back().reason = smtp::BounceReason::MailboxFull;
            }
        }
    }
    notice::hand_on(message, found, sink);
}

} // namespace

const BounceFormat kddi = {"kddi", recognises, extract};

} // namespace smtp_explain::formats
