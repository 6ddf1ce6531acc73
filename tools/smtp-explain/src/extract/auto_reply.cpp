// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/auto_reply.hpp"

#include "extract/bounce_text.hpp"
#include "extract/dsn.hpp"
#include "extract/formats/notice.hpp"
#include "text.hpp"

#include <smtp/bounce_reason.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace smtp_explain {

namespace {

bool has_field(const DecodedMessage& message, std::string_view name,
               std::string_view value_prefix = {}) {
    const std::string* value = message.header(name);
    return value != nullptr && istarts_with(trim(*value), value_prefix);
}

bool subject_says_auto_reply(const DecodedMessage& message) {
    const std::string* subject = message.header("Subject");
    if (subject == nullptr) {
        return false;
    }
    static constexpr std::string_view words[] = {
        "out of office",        "out of the office", "automatic reply", "automatic response",
        "auto reply",           "autoreply",         "auto-reply",      "auto response",
        "vacation",             "abwesenheitsnotiz", "réponse automatique",
        "respuesta automática", "automatische antwort", "risposta automatica",
        "resposta automática",  "automatisch antwoord", "automatyczna odpowied",
        "自動応答",             "自動返信",          "不在"};
    const std::string lower = [&] {
        std::string out(*subject);
        for (char& c : out) {
            c = ascii_lower(c);
        }
        return out;
    }();
    for (const std::string_view word : words) {
        if (lower.find(word) != std::string::npos) {
            return true;
        }
    }
    return istarts_with(trim(*subject), "auto:");
}

// An answer sent with the null return path, as RFC 3834 section 3.3 asks of
// automatic responses, by a person's address, that says nothing of a
// failure.
bool is_unmarked_auto_reply(const DecodedMessage& message) {
    const std::string* path = message.header("Return-Path");
    if (path == nullptr || trim(*path) != "<>") {
        return false;
    }
    const std::string notice = notice_text(message);
    return !says_failed(notice) && !says_permanent(notice) && !says_delayed(notice) &&
           !find_text_reply(notice).found();
}

} // namespace

bool is_challenge(const DecodedMessage& message) {
    return has_field(message, "X-Bluebottle-Request") ||
           has_field(message, "X-Delivery-Agent", "TMDA") ||
           notice::from_ends_with(message, "@boxbe.com");
}

bool is_auto_reply(const DecodedMessage& message) {
    const bool marked = has_field(message, "Auto-Submitted", "auto-replied") ||
                        has_field(message, "X-Autoreply") || has_field(message, "X-Autorespond") ||
                        has_field(message, "Precedence", "auto_reply") ||
                        subject_says_auto_reply(message);
    return !written_by_mail_system(message) && (marked || is_unmarked_auto_reply(message));
}

std::size_t extract_auto_reply(const DecodedMessage& message, BounceSink& sink) {
    BounceRecipient recipient;
    recipient.format = "autoreply";
    recipient.reason = smtp::BounceReason::Vacation;
    if (const std::string* from = message.header("From")) {
        recipient.recipient = std::string(first_address(*from));
    }
    if (const std::string* subject = message.header("Subject")) {
        recipient.diagnostic = *subject;
    }
    sink.add(std::move(recipient));
    return 1;
}

std::size_t extract_challenge(const DecodedMessage& message, BounceSink& sink) {
    // The protected addresses a challenge written as a DSN names (Boxbe's
    // Final-Recipient, with Status 4.7.0); else the one that answered.
    KeptRecipients dsn;
    extract_dsn(message, dsn);
    std::vector<BounceRecipient> found;
    for (BounceRecipient& recipient : dsn.recipients) {
        if (!recipient.recipient.empty()) {
            found.push_back(std::move(recipient));
        }
    }
    if (found.empty()) {
        KeptRecipients answer;
        extract_auto_reply(message, answer);
        found = std::move(answer.recipients);
    }
    for (BounceRecipient& recipient : found) {
        recipient.format = "challenge";
        recipient.reason = smtp::BounceReason::Vacation;
        sink.add(std::move(recipient));
    }
    return found.size();
}

} // namespace smtp_explain
