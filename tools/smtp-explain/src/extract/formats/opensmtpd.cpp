// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/opensmtpd.hpp"

#include "extract/formats/notice.hpp"
#include "text.hpp"

#include <smtp/bounce_reason.hpp>
#include <smtp/delivery_status.hpp>

#include <cstddef>
#include <string_view>
#include <vector>

namespace smtp_explain::formats {

namespace {

// OpenSMTPD's own words for a failure no server answered (its MTA's errors),
// and the reason each states.
constexpr StatedReason own_words[] = {
    {"Domain does not exist", smtp::BounceReason::HostUnknown},
    {"Network error on destination MXs", smtp::BounceReason::NetworkError},
    {"Envelope expired", smtp::BounceReason::Expired},
};

bool recognises(const DecodedMessage& message) {
    return notice::report_says(message, "This is the MAILER-DAEMON, please DO NOT REPLY to this");
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const std::string text = notice::report_text(message);
    const smtp::DsnAction action = notice::icontains(text, "A message is delayed for more than")
                                       ? smtp::DsnAction::Delayed
                                       : smtp::DsnAction::Failed;
    std::vector<BounceRecipient> found;
    for (const std::string_view line : notice::lines_of(text)) {
        if (notice::icontains(line, "Below is a copy of the original message")) {
            break;
        }
        // One recipient a line, at its start, its address before ": ".
        if (line.empty() || is_blank(line.front())) {
            continue;
        }
        const std::size_t colon = line.find(": ");
        if (colon == std::string_view::npos || !notice::is_address_line(line.substr(0, colon))) {
            continue;
        }
        BounceRecipient recipient = notice::recipient_for(line.substr(0, colon), action);
        notice::set_reply_or_own_words(recipient, line.substr(colon + 2), own_words);
        found.push_back(std::move(recipient));
    }
    notice::hand_on(message, found, sink);
}

} // namespace

const BounceFormat opensmtpd = {"opensmtpd", recognises, extract};

} // namespace smtp_explain::formats
