// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/googlegroups.hpp"

#include "extract/bounce_text.hpp"
#include "extract/formats/notice.hpp"
#include "text.hpp"

#include <smtp/bounce_reason.hpp>
#include <smtp/delivery_status.hpp>
#include <smtp/enhanced_code.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace smtp_explain::formats {

namespace {

// The notice is a letter in the sender's language (English, Japanese and
// others): it is known by what every language keeps, Google's mailer, the
// group's address in X-Failed-Recipients, and the Help Center link or the
// signature in the letter (before the original it returns).
constexpr std::string_view help_center = "groups.google.com/support";
constexpr std::string_view signature = "Google Groups";

bool signed_by_groups(std::string_view letter) {
    if (notice::icontains(letter, help_center)) {
        return true;
    }
    for (const std::string_view line : notice::lines_of(letter)) {
        if (iequals(trim(line), signature)) {
            return true;
        }
    }
    return false;
}

bool recognises(const DecodedMessage& message) {
    if (!notice::from_ends_with(message, "mailer-daemon@googlemail.com") &&
        !notice::from_ends_with(message, "mailer-daemon@google.com")) {
        return false;
    }
    if (failed_recipients(message).empty()) {
        return false;
    }
    return signed_by_groups(notice_text(message));
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const std::string letter = notice_text(message);
    std::vector<BounceRecipient> found;
    for (const std::string_view address : failed_recipients(message)) {
        BounceRecipient recipient = notice::recipient_for(address, smtp::DsnAction::Failed);
        // The group refused the post: it does not exist, or the sender may
        // not post to it. The letter says which of those only as a guess,
        // and no SMTP reply is behind it: a permanent failure of no
        // particular kind (RFC 3463's X.0.0), the sender refused.
        recipient.status = smtp::EnhancedStatusCode{5, 0, 0};
        recipient.reason = smtp::BounceReason::Rejected;
        recipient.diagnostic = paragraph_words(letter);
        found.push_back(std::move(recipient));
    }
    notice::hand_on(message, found, sink);
}

} // namespace

const BounceFormat googlegroups = {"googlegroups", recognises, extract};

} // namespace smtp_explain::formats
