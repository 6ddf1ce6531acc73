// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/gmail.hpp"

#include "extract/bounce_text.hpp"
#include "extract/formats/notice.hpp"
#include "text.hpp"

#include <smtp/bounce_reason.hpp>
#include <smtp/delivery_status.hpp>
#include <smtp/enhanced_code.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain::formats {

namespace {

// The first sentences of each kind of notice, and what they say was done.
struct Opening {
    std::string_view words;
    smtp::DsnAction action;
};
constexpr Opening legacy_openings[] = {
    {"Delivery to the following recipient failed permanently:", smtp::DsnAction::Failed},
    {"Delivery to the following recipients failed permanently:", smtp::DsnAction::Failed},
    {"Delivery to the following recipient has been delayed:", smtp::DsnAction::Delayed},
    {"Delivery to the following recipients have been delayed:", smtp::DsnAction::Delayed},
};
constexpr Opening openings[] = {
    {"Your message wasn't delivered to ", smtp::DsnAction::Failed},
    {"There was a temporary problem delivering your message to ", smtp::DsnAction::Delayed},
};

// The topic of the notice's "Learn more here:" link to Gmail's help
// (support.google.com/mail/?p=TOPIC), where it states the reason and no
// reply does: CustomFromDenied, "** Message not delivered **" to a sender
// whose "Send mail as" address Gmail could not send through (its own SMTP
// server refused it): the sender refused, not the recipient's address. The
// notice names no address in its text, only in X-Failed-Recipients.
struct HelpTopic {
    std::string_view link;
    smtp::BounceReason reason;
};
constexpr HelpTopic help_topics[] = {
    {"support.google.com/mail/?p=CustomFromDenied", smtp::BounceReason::Rejected},
};

const HelpTopic* help_topic(std::string_view text) noexcept {
    for (const HelpTopic& topic : help_topics) {
        if (notice::icontains(text, topic.link)) {
            return &topic;
        }
    }
    return nullptr;
}

// The technical details when no server took the connection.
constexpr std::string_view no_connection = "did not accept our requests to connect";

bool is_end(std::string_view line) noexcept {
    return starts_with(line, "----- Original message -----") ||
           starts_with(line, "----- Message header follows -----");
}

// The reply after "The error that the other server returned was:": Gmail
// writes its state after it ("(state 14)."), no part of the reply (nor is
// the code Gmail writes twice, "550 550 5.1.1", which set_reply reads once).
std::string legacy_reply(std::string_view text) {
    text = trim(text);
    const std::size_t state = text.rfind("(state ");
    if (state != std::string_view::npos) {
        text = trim(text.substr(0, state));
    }
    return std::string(text);
}

// "... by mx1.example.jp. [192.0.2.153]." in the technical details.
std::string remote_host(std::string_view text) {
    const std::size_t by = text.rfind(" by ");
    const std::size_t open = text.find('[', by == std::string_view::npos ? 0 : by);
    if (by == std::string_view::npos || open == std::string_view::npos) {
        return {};
    }
    const std::size_t close = text.find(']', open);
    if (close == std::string_view::npos) {
        return {};
    }
    std::string host(trim(text.substr(by + 4, open - by - 4)));
    while (!host.empty() && (host.back() == '.' || host.back() == ' ')) {
        host.pop_back();
    }
    return host + " " + std::string(text.substr(open, close - open + 1));
}

void legacy(const DecodedMessage& message, const std::vector<std::string_view>& lines,
            BounceSink& sink) {
    std::vector<BounceRecipient> found;
    smtp::DsnAction action = smtp::DsnAction::Unknown;
    bool listing = false;
    bool details = false;
    std::string technical;
    for (const std::string_view raw : lines) {
        const std::string_view line = trim(raw);
        if (is_end(line)) {
            break;
        }
        for (const Opening& opening : legacy_openings) {
            if (istarts_with(line, opening.words)) {
                action = opening.action;
                listing = true;
            }
        }
        if (listing && notice::is_address_line(line)) {
            found.push_back(notice::recipient_for(notice::find_address(line), action));
            continue;
        }
        if (istarts_with(line, "Technical details of ")) {
            listing = false;
            details = true;
            continue;
        }
        if (details) {
            technical += line;
            technical += '\n';
        }
    }
    const std::size_t said =
        notice::ifind(technical, "The error that the other server returned was:");
    for (BounceRecipient& recipient : found) {
        if (said != std::string::npos) {
            notice::set_reply(recipient,
                              legacy_reply(std::string_view(technical).substr(said + 46)));
            recipient.remote_mta = remote_host(std::string_view(technical).substr(0, said));
        } else {
            recipient.diagnostic = collapse_space(technical);
            // No server answered: Gmail kept connecting (its help article
            // 7720, which the notice links) until it gave up, or still tries;
            // a host that cannot be reached is Expired either way.
            if (notice::icontains(technical, no_connection)) {
                recipient.reason = smtp::BounceReason::Expired;
            }
        }
    }
    notice::hand_on(message, found, sink);
}

void current(const DecodedMessage& message, const std::vector<std::string_view>& lines,
             BounceSink& sink) {
    std::vector<BounceRecipient> found;
    std::string response;
    bool responding = false;
    // Gmail's own sentence after the address states why: "because the
    // address couldn't be found", "because the domain example.jp couldn't be
    // found".
    std::string_view reason_words;
    smtp::BounceReason reason = smtp::BounceReason::Undefined;
    const HelpTopic* topic = nullptr;
    for (const std::string_view raw : lines) {
        const std::string_view line = trim(raw);
        if (is_end(line)) {
            break;
        }
        if (topic == nullptr) {
            topic = help_topic(line);
        }
        for (const Opening& opening : openings) {
            const std::size_t at = notice::ifind(line, opening.words);
            if (at != std::string_view::npos) {
                const std::string_view address =
                    notice::find_address(line.substr(at + opening.words.size()));
                if (!address.empty()) {
                    found.push_back(notice::recipient_for(address, opening.action));
                }
                if (notice::icontains(line, "because the address couldn't be found")) {
                    reason_words = "address";
                    reason = smtp::BounceReason::UserUnknown;
                } else if (notice::icontains(line, "because the domain ") &&
                           notice::icontains(line, "couldn't be found")) {
                    reason_words = "domain";
                    reason = smtp::BounceReason::HostUnknown;
                }
            }
        }
        if (istarts_with(line, "The response from the remote server was:") ||
            istarts_with(line, "The response was:")) {
            responding = true;
            continue;
        }
        if (responding) {
            if (line.empty() && !response.empty()) {
                responding = false;
                continue;
            }
            response += line;
            response += '\n';
        }
    }
    if (found.empty() && topic != nullptr) {
        for (const std::string_view address : failed_recipients(message)) {
            found.push_back(notice::recipient_for(address, smtp::DsnAction::Failed));
        }
    }
    for (BounceRecipient& recipient : found) {
        notice::set_reply(recipient, response);
        if (topic != nullptr) {
            recipient.reason = topic->reason;
            if (!recipient.status && recipient.action == smtp::DsnAction::Failed) {
                recipient.status = smtp::EnhancedStatusCode{5, 0, 0};
            }
            continue;
        }
        // The server's own words, when they tell another reason, say more
        // than Gmail's sentence: "couldn't be found" also covers a domain
        // whose null MX (RFC 7505) says it accepts no mail.
        const std::size_t row = smtp::find_bounce_phrase(response);
        if (!reason_words.empty() &&
            (row == smtp::bounce_phrase_count || smtp::bounce_phrases[row].reason == reason)) {
            recipient.reason = reason;
        }
    }
    notice::hand_on(message, found, sink);
}

bool recognises(const DecodedMessage& message) {
    if (!notice::from_ends_with(message, "@googlemail.com") &&
        !notice::from_ends_with(message, "@google.com")) {
        return false;
    }
    for (const Opening& opening : legacy_openings) {
        if (notice::report_says(message, opening.words)) {
            return true;
        }
    }
    for (const Opening& opening : openings) {
        if (notice::report_says(message, opening.words)) {
            return true;
        }
    }
    for (const HelpTopic& topic : help_topics) {
        if (notice::report_says(message, topic.link)) {
            return true;
        }
    }
    return false;
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const std::string text = notice::report_text(message);
    const std::vector<std::string_view> lines = notice::lines_of(text);
    for (const Opening& opening : legacy_openings) {
        if (notice::icontains(text, opening.words)) {
            legacy(message, lines, sink);
            return;
        }
    }
    current(message, lines, sink);
}

} // namespace

const BounceFormat gmail = {"gmail", recognises, extract};

} // namespace smtp_explain::formats
