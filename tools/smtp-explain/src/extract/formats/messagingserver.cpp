// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/messagingserver.hpp"

#include "extract/bounce_text.hpp"
#include "extract/formats/notice.hpp"
#include "text.hpp"

#include <smtp/delivery_status.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain::formats {

namespace {

// A field of a recipient's block ("  Reason: ..."): its value, or nothing.
bool field(std::string_view line, std::string_view name, std::string_view& value) noexcept {
    if (!istarts_with(line, name)) {
        return false;
    }
    value = trim(line.substr(name.size()));
    return true;
}

// "dns; mx.example.jp (TCP|...) (...)": the host.
std::string remote_system(std::string_view value) {
    const std::size_t semicolon = value.find(';');
    if (semicolon != std::string_view::npos) {
        value = trim(value.substr(semicolon + 1));
    }
    return std::string(value.substr(0, value.find(' ')));
}

bool recognises(const DecodedMessage& message) {
    return notice::report_says(
        message, "This report relates to a message you sent with the following header fields:");
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const std::string text = notice::report_text(message);
    const smtp::DsnAction action = notice::icontains(text, "undeliverable for")
                                       ? smtp::DsnAction::Delayed
                                       : smtp::DsnAction::Failed;
    std::vector<BounceRecipient> found;
    std::string reason;
    const auto close = [&] {
        if (!found.empty() && found.back().diagnostic.empty() && !reason.empty()) {
            found.back().diagnostic = collapse_space(reason);
        }
        reason.clear();
    };
    for (const std::string_view raw : notice::lines_of(text)) {
        const std::string_view line = trim(raw);
        std::string_view value;
        if (field(line, "Recipient address:", value)) {
            close();
            found.push_back(notice::recipient_for(notice::find_address(value), action));
        } else if (found.empty()) {
            continue;
        } else if (field(line, "Original address:", value)) {
            // The address the sender wrote; "Recipient address" is what the
            // MTA rewrote it to (an alias's target, an internal channel's
            // "user@sims-ms-daemon"), which the sender never used.
            found.back().original_recipient = std::string(notice::find_address(value));
            if (!found.back().original_recipient.empty()) {
                found.back().recipient = found.back().original_recipient;
            }
        } else if (field(line, "Reason:", value)) {
            reason = value;
        } else if (field(line, "Diagnostic code:", value)) {
            const std::size_t semicolon = value.find(';');
            if (semicolon != std::string_view::npos && semicolon < 12) {
                value.remove_prefix(semicolon + 1);
            }
            notice::set_reply(found.back(), value);
        } else if (field(line, "Remote system:", value)) {
            found.back().remote_mta = remote_system(value);
        }
    }
    close();
    notice::hand_on(message, found, sink);
}

} // namespace

const BounceFormat messagingserver = {"messagingserver", recognises, extract};

} // namespace smtp_explain::formats
