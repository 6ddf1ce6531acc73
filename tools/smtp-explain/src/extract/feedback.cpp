// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/feedback.hpp"

#include "extract/bounce_text.hpp"
#include "text.hpp"

#include <smtp/bounce_reason.hpp>
#include <smtp/delivery_status.hpp>

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace smtp_explain {

namespace {

// Microsoft's Junk Mail Reporting Program sends a complaint from
// staff@hotmail.com as the reported message attached whole ("RFC822
// Attachment", the MSN Hotmail JMRP partner FAQ), with no feedback-report
// part: Hotmail stamps the complainant's address on the copy's header in
// this field, the one line of the copy that is the report's and not the
// original's.
constexpr std::string_view jmrp_recipient_field = "X-HmXmrOriginalRecipient";

} // namespace

bool is_feedback_report(const DecodedMessage& message) noexcept {
    if (message.content_type.is("multipart/report") &&
        iequals(message.content_type.parameter("report-type"), "feedback-report")) {
        return true;
    }
    for (const MessagePart& part : message.parts) {
        if (!part.in_original && part.content_type.is("message/feedback-report")) {
            return true;
        }
    }
    const MessagePart* header = returned_header(message);
    return header != nullptr &&
           smtp::parse_delivery_status(header->text).field(jmrp_recipient_field).has_value();
}

std::size_t extract_feedback(const DecodedMessage& message, BounceSink& sink) {
    std::string feedback_type;
    std::vector<std::string> rcpt_to;
    std::vector<std::string> removal;
    for (const MessagePart& part : message.parts) {
        if (part.in_original || !part.content_type.is("message/feedback-report")) {
            continue;
        }
        // One block of fields (RFC 5965 section 3.1); the DSN reader takes
        // it as its per-message block.
        const smtp::DeliveryStatus report = smtp::parse_delivery_status(part.text);
        for (const smtp::DsnField field : report.fields()) {
            const std::string value = collapse_space(field.value.raw());
            if (iequals(field.name, "Feedback-Type") && feedback_type.empty()) {
                feedback_type = value;
            } else if (iequals(field.name, "Original-Rcpt-To")) {
                rcpt_to.emplace_back(first_address(value));
            } else if (iequals(field.name, "Removal-Recipient")) {
                removal.emplace_back(first_address(value));
            }
        }
    }
    std::vector<std::string> recipients = !rcpt_to.empty() ? rcpt_to : removal;
    const MessagePart* header = returned_header(message);
    if (recipients.empty() && header != nullptr) {
        const std::string jmrp = section_field(header->text, jmrp_recipient_field);
        if (!jmrp.empty()) {
            recipients.emplace_back(first_address(jmrp));
        }
    }
    bool from_original = false;
    if (recipients.empty()) {
        if (header != nullptr) {
            const std::string to = section_field(header->text, "To");
            for (const std::string_view address : addresses(to)) {
                recipients.emplace_back(address);
                from_original = true;
            }
        }
    }
    if (recipients.empty()) {
        recipients.emplace_back();
    }
    std::size_t count = 0;
    std::set<std::string> seen;
    for (std::string& address : recipients) {
        std::string key = address;
        for (char& c : key) {
            c = ascii_lower(c);
        }
        if (!seen.insert(std::move(key)).second) {
            continue; // named twice
        }
        BounceRecipient recipient;
        recipient.format = "arf";
        recipient.recipient = std::move(address);
        recipient.reason = smtp::BounceReason::Feedback;
        recipient.diagnostic = feedback_type;
        if (from_original) {
            recipient.problems.push_back(
                {"recipient_from_original",
                 "the report names no recipient; this one is the To of the reported message"});
        }
        sink.add(std::move(recipient));
        ++count;
    }
    return count;
}

} // namespace smtp_explain
