// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/ezweb.hpp"

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

constexpr std::string_view rejected = "Each of the following recipients was rejected by a remote";
constexpr std::string_view disabled = "The user(s) account is disabled.";

void sessions(const std::vector<std::string_view>& lines, std::vector<BounceRecipient>& found) {
    std::string reply;
    const auto finish = [&] {
        if (!found.empty() && !reply.empty()) {
            notice::set_reply(found.back(), reply);
        }
        reply.clear();
    };
    for (const std::string_view raw : lines) {
        const std::string_view line = trim(raw);
        if (istarts_with(line, "Recipient:")) {
            finish();
            found.push_back(notice::recipient_for(notice::find_address(line.substr(10)),
                                                  smtp::DsnAction::Failed));
        } else if (found.empty()) {
            continue;
        } else if (starts_with(line, ">>> ")) {
            found.back().command = command_from_line(line.substr(4), false);
        } else if (starts_with(line, "<<< ") || istarts_with(line, "Reason:")) {
            reply += line.substr(line.front() == '<' ? 4 : 7);
            reply += '\n';
        } else if (line.empty() || starts_with(line, "---")) {
            finish();
        }
    }
    finish();
}

void addresses(const std::vector<std::string_view>& lines, bool account_disabled,
               std::vector<BounceRecipient>& found) {
    for (const std::string_view raw : lines) {
        const std::string_view line = trim(raw);
        if (starts_with(line, "---")) {
            break; // the returned message's header follows
        }
        const notice::LeadingAddress leading = notice::leading_address(line);
        if (leading.address.empty()) {
            continue;
        }
        BounceRecipient recipient = notice::recipient_for(leading.address, smtp::DsnAction::Failed);
        std::string_view rest = leading.rest;
        if (!rest.empty() && rest.front() == ':') {
            rest = notice::in_reply_to(trim(rest.substr(1)), recipient);
            notice::set_reply(recipient, rest);
        }
        if (account_disabled) {
            recipient.reason = smtp::BounceReason::Suspend;
            if (recipient.diagnostic.empty()) {
                recipient.diagnostic = std::string(disabled);
            }
        }
        found.push_back(std::move(recipient));
    }
}

bool recognises(const DecodedMessage& message) {
    return notice::from_ends_with(message, "@ezweb.ne.jp") ||
           notice::report_says(message, rejected);
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const std::string text = notice::report_text(message);
    const std::vector<std::string_view> lines = notice::lines_of(text);
    std::vector<BounceRecipient> found;
    sessions(lines, found);
    if (found.empty()) {
        addresses(lines, notice::icontains(text, disabled), found);
    }
    notice::hand_on(message, found, sink);
}

} // namespace

const BounceFormat ezweb = {"ezweb", recognises, extract};

} // namespace smtp_explain::formats
