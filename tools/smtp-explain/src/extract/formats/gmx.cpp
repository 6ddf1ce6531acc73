// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/gmx.hpp"

#include "extract/bounce_text.hpp"
#include "extract/commands.hpp"
#include "extract/formats/notice.hpp"
#include "text.hpp"

#include <smtp/bounce_reason.hpp>
#include <smtp/delivery_status.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain::formats {

namespace {

constexpr std::string_view error_after = "SMTP error from remote server after ";
constexpr std::string_view reason_is = "For the following reason:";

bool recognises(const DecodedMessage& message) {
    if (!notice::report_says(message,
                             "This message was created automatically by mail delivery software.")) {
        return false;
    }
    const std::string words = collapse_space(notice::report_text(message));
    return notice::icontains(words, "The following address failed:") &&
           (notice::icontains(words, error_after) || notice::icontains(words, reason_is));
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const std::string text = notice::report_text(message);
    std::vector<BounceRecipient> found;
    std::string reply;
    bool listing = false;
    const auto close = [&] {
        if (!found.empty() && !reply.empty()) {
            notice::set_reply(found.back(), reply);
        }
        reply.clear();
    };
    for (const std::string_view raw : notice::lines_of(text)) {
        const std::string_view line = trim(raw);
        if (notice::icontains(line, "failed:")) {
            listing = true;
            continue;
        }
        if (!listing) {
            continue;
        }
        if (starts_with(line, "---")) {
            break; // the original's header follows
        }
        if (notice::is_address_line(line) && !istarts_with(line, "host:")) {
            close();
            found.push_back(
                notice::recipient_for(notice::find_address(line), smtp::DsnAction::Failed));
            continue;
        }
        if (found.empty() || line.empty()) {
            continue;
        }
        if (istarts_with(line, error_after)) {
            std::string_view phrase = trim(line.substr(error_after.size()));
            if (ends_with(phrase, ":")) {
                phrase.remove_suffix(1);
            }
            found.back().command = command_from_verb(phrase);
        } else if (istarts_with(line, "host:")) {
            found.back().remote_mta = std::string(trim(line.substr(5)));
        } else if (!iequals(line, reason_is)) {
            reply += line;
            reply += '\n';
        }
    }
    close();
    // 1&1's words for a message over the recipient's size limit.
    for (BounceRecipient& recipient : found) {
        if (recipient.code == 0 && notice::icontains(recipient.diagnostic, "size limit exceeded")) {
            recipient.reason = smtp::BounceReason::MesgTooBig;
        }
    }
    notice::hand_on(message, found, sink);
}

} // namespace

const BounceFormat gmx = {"gmx", recognises, extract};

} // namespace smtp_explain::formats
