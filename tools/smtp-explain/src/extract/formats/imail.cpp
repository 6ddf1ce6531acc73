// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/imail.hpp"

#include "extract/formats/notice.hpp"
#include "text.hpp"

#include <smtp/bounce_reason.hpp>
#include <smtp/delivery_status.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain::formats {

namespace {

// IMail's words before the address, and the reason each states.
struct Words {
    std::string_view words;
    std::optional<smtp::BounceReason> reason;
};
constexpr Words reasons[] = {
    {"Unknown user", smtp::BounceReason::UserUnknown},
    {"Invalid final delivery userid", smtp::BounceReason::UserUnknown},
    {"User mailbox exceeds allowed size", smtp::BounceReason::MailboxFull},
    // "Delivery failed 20 attempts: a@b": its retries ran out.
    {"Delivery failed", smtp::BounceReason::Expired},
    {"Requested mail action not taken: mailbox unavailable", std::nullopt},
    {"Recipient address rejected", std::nullopt},
};

bool recognises(const DecodedMessage& message) {
    return notice::report_says(message, "Original message follows.") &&
           notice::icontains(notice::header(message, "Subject"), "Undeliverable Mail") &&
           notice::icontains(notice::header(message, "From"), "postmaster");
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const std::string text = notice::report_text(message);
    std::vector<BounceRecipient> found;
    for (const std::string_view raw : notice::lines_of(text)) {
        const std::string_view line = trim(raw);
        if (istarts_with(line, "Original message follows")) {
            break;
        }
        // "<words>: <address>" with the address last on the line.
        const std::size_t colon = line.rfind(": ");
        if (colon == std::string_view::npos || !notice::is_address_line(line.substr(colon + 2))) {
            continue;
        }
        const std::string_view words = trim(line.substr(0, colon));
        BounceRecipient recipient = notice::recipient_for(
            notice::find_address(line.substr(colon + 2)), smtp::DsnAction::Failed);
        notice::set_reply(recipient, words);
        for (const Words& known : reasons) {
            if (istarts_with(words, known.words)) {
                recipient.reason = known.reason;
                break;
            }
        }
        found.push_back(std::move(recipient));
    }
    notice::hand_on(message, found, sink);
}

} // namespace

const BounceFormat imail = {"imail", recognises, extract};

} // namespace smtp_explain::formats
