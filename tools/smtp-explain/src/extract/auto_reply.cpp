// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/auto_reply.hpp"

#include "extract/bounce_text.hpp"
#include "text.hpp"

#include <smtp/bounce_reason.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

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
        "respuesta automática", "自動応答",          "自動返信",        "不在"};
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

} // namespace

bool is_auto_reply(const DecodedMessage& message) {
    const bool marked = has_field(message, "Auto-Submitted", "auto-replied") ||
                        has_field(message, "X-Autoreply") || has_field(message, "X-Autorespond") ||
                        has_field(message, "Precedence", "auto_reply") ||
                        subject_says_auto_reply(message);
    return marked && !written_by_mail_system(message);
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

} // namespace smtp_explain
