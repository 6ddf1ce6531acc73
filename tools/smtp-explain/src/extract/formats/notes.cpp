// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/notes.hpp"

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

constexpr std::string_view failure_reasons = "------- Failure Reasons";

bool recognises(const DecodedMessage& message) {
    return notice::report_says(message, failure_reasons) &&
           notice::report_says(message, "------- Returned Message");
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const std::string text = notice::report_text(message);
    std::vector<BounceRecipient> found;
    std::string reason;
    bool reading = false;
    for (const std::string_view raw : notice::lines_of(text)) {
        const std::string_view line = trim(raw);
        if (starts_with(line, failure_reasons)) {
            reading = true;
            continue;
        }
        if (!reading || line.empty()) {
            continue;
        }
        if (starts_with(line, "-------")) {
            break;
        }
        // The reason's words come first, then the addresses they concern.
        if (notice::is_address_line(line)) {
            BounceRecipient recipient =
                notice::recipient_for(notice::find_address(line), smtp::DsnAction::Failed);
            recipient.diagnostic = collapse_space(reason);
            // The directory does not know the address (in English, and in
            // Japanese: "not in the directory's list").
            if (notice::icontains(reason, "not listed in public Name & Address Book") ||
                notice::icontains(reason, "not listed in Domino Directory") ||
                reason.find("ディレクトリのリストにありません") != std::string::npos) {
                recipient.reason = smtp::BounceReason::UserUnknown;
            }
            found.push_back(std::move(recipient));
        } else {
            if (!found.empty()) {
                reason.clear(); // a second reason, for the addresses after it
            }
            reason += line;
            reason += ' ';
        }
    }
    notice::hand_on(message, found, sink);
}

} // namespace

const BounceFormat notes = {"notes", recognises, extract};

} // namespace smtp_explain::formats
