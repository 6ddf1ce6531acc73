// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/fml.hpp"

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

// fml's sentences that refuse a post, each before the list's address, and
// what they state: the poster may not post (rejected); the post repeats a
// Message-ID the list has seen, which RFC 5322 section 3.6.4 makes unique
// to one message (notcompliantrfc).
constexpr StatedReason refusals[] = {
    {"You are not a member of this mailing list", smtp::BounceReason::Rejected},
    {"Duplicated Message-ID in", smtp::BounceReason::NotCompliantRfc},
};

bool recognises(const DecodedMessage& message) {
    return istarts_with(trim(notice::header(message, "X-MLServer")), "fml");
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const std::string text = notice::report_text(message);
    std::vector<BounceRecipient> found;
    for (const std::string_view raw : notice::lines_of(text)) {
        const std::string_view line = trim(raw);
        for (const StatedReason& refusal : refusals) {
            if (!istarts_with(line, refusal.words)) {
                continue;
            }
            const std::string_view list = notice::find_address(line.substr(refusal.words.size()));
            if (!list.empty()) {
                BounceRecipient recipient = notice::recipient_for(list, smtp::DsnAction::Failed);
                recipient.diagnostic = collapse_space(line);
                recipient.reason = refusal.reason;
                found.push_back(std::move(recipient));
            }
        }
        if (!found.empty()) {
            break; // one sentence, then the post it refused
        }
    }
    notice::hand_on(message, found, sink);
}

} // namespace

const BounceFormat fml = {"fml", recognises, extract};

} // namespace smtp_explain::formats
