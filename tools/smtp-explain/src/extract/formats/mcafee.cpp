// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/mcafee.hpp"

#include "extract/formats/notice.hpp"
#include "text.hpp"

#include <smtp/delivery_status.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain::formats {

namespace {

constexpr std::string_view problems = "--- The following addresses had delivery problems ---";

bool recognises(const DecodedMessage& message) {
    // The marker line as McAfee writes it, not the longer rules of others.
    for (const std::string_view part : notice::report_texts(message)) {
        for (const std::string_view line : notice::lines_of(part)) {
            if (trim(line) == problems) {
                return true;
            }
        }
    }
    return false;
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const std::string text = notice::report_text(message);
    std::vector<BounceRecipient> found;
    bool listing = false;
    for (const std::string_view raw : notice::lines_of(text)) {
        const std::string_view line = trim(raw);
        if (line == problems) {
            listing = true;
            continue;
        }
        // "<a@b>   (Unknown user a@b)"
        const notice::LeadingAddress leading = notice::leading_address(line);
        if (!listing || leading.address.empty()) {
            continue;
        }
        BounceRecipient recipient = notice::recipient_for(leading.address, smtp::DsnAction::Failed);
        std::string_view reason = leading.rest;
        if (starts_with(reason, "(") && ends_with(reason, ")")) {
            reason = reason.substr(1, reason.size() - 2);
        }
        notice::set_reply(recipient, reason);
        found.push_back(std::move(recipient));
    }
    notice::hand_on(message, found, sink);
}

} // namespace

const BounceFormat mcafee = {"mcafee", recognises, extract};

} // namespace smtp_explain::formats
