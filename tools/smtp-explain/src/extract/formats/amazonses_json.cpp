// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/amazonses_json.hpp"

#include "extract/formats/notice.hpp"
#include "text.hpp"

#include <smtp/bounce_reason.hpp>
#include <smtp/delivery_status.hpp>
#include <smtp/enhanced_status_code.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain::formats {

namespace {

using Json = nlohmann::json;

// The text of a string member, or empty.
std::string_view text_of(const Json& object, const char* name) {
    if (!object.is_object()) {
        return {};
    }
    const auto member = object.find(name);
    if (member == object.end() || !member->is_string()) {
        return {};
    }
    return member->get_ref<const std::string&>();
}

const Json* member_of(const Json& object, const char* name) {
    if (!object.is_object()) {
        return nullptr;
    }
    const auto member = object.find(name);
    return member == object.end() ? nullptr : &*member;
}

// The notification in a report's text: lines broken as "!", line break,
// space joined again; from the first '{' to the last '}'; parsed without
// exceptions (a discarded value for what is no JSON).
Json parse_object(std::string_view text) {
    std::string joined;
    joined.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '!') {
            std::size_t next = i + 1;
            if (next < text.size() && text[next] == '\r') {
                ++next;
            }
            if (next + 1 < text.size() && text[next] == '\n' && text[next + 1] == ' ') {
                i = next + 1;
                continue;
            }
        }
        joined += text[i];
    }
    const std::size_t first = joined.find('{');
    const std::size_t last = joined.rfind('}');
    if (first == std::string::npos || last == std::string::npos || last < first) {
        return Json(Json::value_t::discarded);
    }
    return Json::parse(joined.begin() + static_cast<std::ptrdiff_t>(first),
                       joined.begin() + static_cast<std::ptrdiff_t>(last) + 1, nullptr, false);
}

// The SES notification itself: the object, or the JSON string that an SNS
// envelope ("Type": "Notification") carries as its "Message".
Json notification_of(std::string_view text) {
    Json object = parse_object(text);
    const std::string_view message = text_of(object, "Message");
    if (!message.empty()) {
        object = Json::parse(message.begin(), message.end(), nullptr, false);
    }
    return object;
}

std::string_view type_of(const Json& notification) {
    const std::string_view type = text_of(notification, "notificationType");
    return type.empty() ? text_of(notification, "eventType") : type;
}

smtp::DsnAction action_named(std::string_view word) noexcept {
    constexpr smtp::DsnAction actions[] = {smtp::DsnAction::Failed, smtp::DsnAction::Delayed,
                                           smtp::DsnAction::Delivered, smtp::DsnAction::Relayed,
                                           smtp::DsnAction::Expanded};
    for (const smtp::DsnAction action : actions) {
        if (iequals(word, smtp::name(action))) {
            return action;
        }
    }
    return smtp::DsnAction::Unknown;
}

// A diagnosticCode or smtpResponse: "smtp; 550 5.1.1 ..." (a DSN's
// Diagnostic-Code with its type), or the reply alone.
void set_diagnostic(BounceRecipient& recipient, std::string_view diagnostic) {
    const std::size_t semicolon = diagnostic.find(';');
    if (semicolon != std::string_view::npos && semicolon < 12 &&
        diagnostic.substr(0, semicolon).find(' ') == std::string_view::npos) {
        diagnostic.remove_prefix(semicolon + 1);
    }
    if (!trim(diagnostic).empty()) {
        notice::set_reply(recipient, diagnostic);
    }
}

// The bounce subtypes whose words state the reason (the Developer Guide's
// table of bounce types): the address does not exist, the mailbox is full,
// the message is too large.
std::optional<smtp::BounceReason> subtype_reason(std::string_view subtype) noexcept {
    if (subtype == "NoEmail") {
        return smtp::BounceReason::UserUnknown;
    }
    if (subtype == "MailboxFull") {
        return smtp::BounceReason::MailboxFull;
    }
    if (subtype == "MessageTooLarge") {
        return smtp::BounceReason::MesgTooBig;
    }
    return std::nullopt;
}

// Bounce and DeliveryDelay: an array of recipient objects.
void recipients_of(const Json& event, const char* array, smtp::DsnAction fallback,
                   std::optional<smtp::BounceReason> reason, std::vector<BounceRecipient>& found) {
    const Json* list = member_of(event, array);
    if (list == nullptr || !list->is_array()) {
        return;
    }
    const std::string_view remote = text_of(event, "remoteMtaIp");
    for (const Json& item : *list) {
        const std::string_view address = text_of(item, "emailAddress");
        if (address.empty()) {
            continue;
        }
        const smtp::DsnAction stated = action_named(text_of(item, "action"));
        BounceRecipient recipient =
            notice::recipient_for(address, stated != smtp::DsnAction::Unknown ? stated : fallback);
        recipient.status = smtp::parse_enhanced_status_code(text_of(item, "status"));
        set_diagnostic(recipient, text_of(item, "diagnosticCode"));
        recipient.remote_mta = std::string(remote);
        recipient.reason = reason;
        found.push_back(std::move(recipient));
    }
}

bool recognises(const DecodedMessage& message) {
    const std::string whole = notice::report_text(message);
    const std::string_view text = trim_left(whole);
    return !text.empty() && text.front() == '{' &&
           (notice::icontains(text, "notificationType") || notice::icontains(text, "eventType")) &&
           notice::icontains(text, "mail");
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const Json notification = notification_of(notice::report_text(message));
    const std::string_view type = type_of(notification);
    std::vector<BounceRecipient> found;
    if (type == "Bounce") {
        const Json* bounce = member_of(notification, "bounce");
        if (bounce != nullptr) {
            const std::string_view kind = text_of(*bounce, "bounceType");
            const smtp::DsnAction fallback = kind == "Permanent"   ? smtp::DsnAction::Failed
                                             : kind == "Transient" ? smtp::DsnAction::Delayed
                                                                   : smtp::DsnAction::Unknown;
            recipients_of(*bounce, "bouncedRecipients", fallback,
                          subtype_reason(text_of(*bounce, "bounceSubType")), found);
        }
    } else if (type == "DeliveryDelay") {
        const Json* delay = member_of(notification, "deliveryDelay");
        if (delay != nullptr) {
            recipients_of(*delay, "delayedRecipients", smtp::DsnAction::Delayed, std::nullopt,
                          found);
        }
    } else if (type == "Complaint") {
        const Json* complaint = member_of(notification, "complaint");
        const Json* list =
            complaint != nullptr ? member_of(*complaint, "complainedRecipients") : nullptr;
        if (list != nullptr && list->is_array()) {
            for (const Json& item : *list) {
                const std::string_view address = text_of(item, "emailAddress");
                if (!address.empty()) {
                    BounceRecipient recipient =
                        notice::recipient_for(address, smtp::DsnAction::Unknown);
                    recipient.reason = smtp::BounceReason::Feedback;
                    found.push_back(std::move(recipient));
                }
            }
        }
    } else if (type == "Delivery") {
        const Json* delivery = member_of(notification, "delivery");
        const Json* list = delivery != nullptr ? member_of(*delivery, "recipients") : nullptr;
        if (list != nullptr && list->is_array()) {
            for (const Json& item : *list) {
                if (!item.is_string() || item.get_ref<const std::string&>().empty()) {
                    continue;
                }
                BounceRecipient recipient = notice::recipient_for(
                    item.get_ref<const std::string&>(), smtp::DsnAction::Delivered);
                set_diagnostic(recipient, text_of(*delivery, "smtpResponse"));
                recipient.remote_mta = std::string(text_of(*delivery, "remoteMtaIp"));
                recipient.reason = smtp::BounceReason::Delivered;
                found.push_back(std::move(recipient));
            }
        }
    }
    notice::hand_on(message, found, sink);
}

} // namespace

const BounceFormat amazonses_json = {"amazonses_json", recognises, extract};

} // namespace smtp_explain::formats
