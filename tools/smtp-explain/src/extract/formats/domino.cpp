// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/domino.hpp"

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

bool recognises(const DecodedMessage& message) {
    return notice::report_says(message, "was not delivered to:") &&
           notice::report_says(message, "because:");
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const std::string text = notice::report_text(message);
    enum class Section { Before, Addresses, Reason };
    Section section = Section::Before;
    std::vector<BounceRecipient> found;
    std::string reason;
    for (const std::string_view raw : notice::lines_of(text)) {
        const std::string_view line = trim(raw);
        if (iequals(line, "was not delivered to:")) {
            section = Section::Addresses;
        } else if (iequals(line, "because:")) {
            section = Section::Reason;
        } else if (section == Section::Addresses && notice::is_address_line(line)) {
            found.push_back(
                notice::recipient_for(notice::find_address(line), smtp::DsnAction::Failed));
        } else if (section == Section::Reason) {
            if (line.empty() && !reason.empty()) {
                break;
            }
            reason += line;
            reason += ' ';
        }
    }
    for (BounceRecipient& recipient : found) {
        recipient.diagnostic = collapse_space(reason);
        // Domino's words for an address its directory does not know, in
        // English and in Japanese ("... is not found in the Domino
        // directory").
        if (notice::icontains(reason, "not listed in Domino Directory") ||
            notice::icontains(reason, "not listed in public Name & Address Book") ||
            reason.find("ディレクトリには見つかりません") != std::string::npos) {
            recipient.reason = smtp::BounceReason::UserUnknown;
        }
    }
    notice::hand_on(message, found, sink);
}

} // namespace

const BounceFormat domino = {"domino", recognises, extract};

} // namespace smtp_explain::formats
