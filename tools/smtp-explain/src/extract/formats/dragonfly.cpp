// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/dragonfly.hpp"

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

constexpr std::string_view banner = "This is the DragonFly Mail Agent ";
constexpr std::string_view error_to = "There was an error delivering your mail to ";
// What dma writes between its server's name and the stage it failed at.
constexpr std::string_view did_not_like = " did not like our ";

// The lines that open the returned original (dma's mail.c, bounce()).
constexpr std::string_view original_follows[] = {
    "Message headers follow.",
    "Original message follows.",
};

// dma's own words for a failure no server answered (net.c, dma.c), and the
// reason each states.
constexpr StatedReason own_words[] = {
    {"DNS lookup failure: host ", smtp::BounceReason::HostUnknown},
    {"Could not deliver for the last ", smtp::BounceReason::Expired},
};

bool opens_original(std::string_view line) {
    for (const std::string_view marker : original_follows) {
        if (iequals(line, marker)) {
            return true;
        }
    }
    return false;
}

bool recognises(const DecodedMessage& message) {
    return notice::report_says(message, banner) && notice::report_says(message, error_to);
}

// "mx.example.jp [192.0.2.25] did not like our RCPT TO:": the server and the
// command its reply answers.
void read_stage(std::string_view line, BounceRecipient& recipient) {
    const std::size_t at = notice::ifind(line, did_not_like);
    std::string_view host = trim(line.substr(0, at));
    if (const std::size_t space = host.find(' '); space != std::string_view::npos) {
        host = host.substr(0, space); // the address in brackets left out
    }
    recipient.remote_mta = std::string(host);
    std::string_view stage = trim(line.substr(at + did_not_like.size()));
    if (ends_with(stage, ":")) {
        stage.remove_suffix(1);
    }
    recipient.command = command_from_verb(stage);
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const std::string text = notice::report_text(message);
    std::vector<BounceRecipient> found;
    std::string reason;
    bool started = false;
    for (const std::string_view raw : notice::lines_of(text)) {
        const std::string_view line = trim(raw);
        if (istarts_with(line, banner)) {
            started = true;
            continue;
        }
        if (!started) {
            continue;
        }
        if (opens_original(line)) {
            break; // the returned original is never the verdict
        }
        if (istarts_with(line, error_to)) {
            if (!found.empty()) {
                notice::set_reply_or_own_words(found.back(), reason, own_words);
            }
            reason.clear();
            const std::string_view address = notice::find_address(line.substr(error_to.size()));
            found.push_back(notice::recipient_for(address, smtp::DsnAction::Failed));
            continue;
        }
        // The reason's lines; the blank lines dma leaves inside a multiline
        // reply (the server's CR of each CRLF kept) are no break in it.
        if (found.empty() || line.empty()) {
            continue;
        }
        if (reason.empty() && notice::icontains(line, did_not_like) && ends_with(line, ":")) {
            read_stage(line, found.back());
            continue;
        }
        reason += line;
        reason += '\n';
    }
    if (!found.empty()) {
        notice::set_reply_or_own_words(found.back(), reason, own_words);
    }
    notice::hand_on(message, found, sink);
}

} // namespace

const BounceFormat dragonfly = {"dragonfly", recognises, extract};

} // namespace smtp_explain::formats
