// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/courier.hpp"

#include "extract/commands.hpp"
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
    return notice::report_says(message, "running the Courier mail server");
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const std::string text = notice::report_text(message);
    const smtp::DsnAction action =
        notice::icontains(text, "DELAYED MAIL") || notice::icontains(text, "DELAYS IN DELIVERING")
            ? smtp::DsnAction::Delayed
            : smtp::DsnAction::Failed;
    std::vector<BounceRecipient> found;
    std::string reply;
    const auto close = [&] {
        if (!found.empty() && !reply.empty()) {
            notice::set_reply(found.back(), reply);
            // Courier's own words (no server answered): the domain has no
            // mail host.
            if (found.back().code == 0 && notice::icontains(reply, "No such domain")) {
                found.back().reason = smtp::BounceReason::HostUnknown;
            }
        }
        reply.clear();
    };
    bool listing = false;
    for (const std::string_view raw : notice::lines_of(text)) {
        const std::string_view line = trim(raw);
        // The report lies between two rules of dashes.
        if (starts_with(line, "-----")) {
            close();
            if (listing) {
                break;
            }
            listing = true;
            continue;
        }
        if (!listing) {
            continue;
        }
        if (line.size() > 3 && line.front() == '<' && ends_with(line, ">:") &&
            notice::is_address_line(line)) {
            close();
            found.push_back(notice::recipient_for(notice::find_address(line), action));
        } else if (found.empty() || line.empty()) {
            continue;
        } else if (starts_with(line, ">>> ")) {
            found.back().command = command_from_line(line.substr(4), false);
        } else if (starts_with(line, "<<< ")) {
            reply += line.substr(4);
            reply += '\n';
        } else if (ends_with(line, ":") && line.find(' ') != std::string_view::npos) {
            // "mx.example.jp [192.0.2.1]:": the server that answered.
            found.back().remote_mta = std::string(line.substr(0, line.size() - 1));
        }
    }
    close();
    notice::hand_on(message, found, sink);
}

} // namespace

const BounceFormat courier = {"courier", recognises, extract};

} // namespace smtp_explain::formats
