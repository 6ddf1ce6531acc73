// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/dsn.hpp"

#include "extract/bounce_text.hpp"
#include "text.hpp"

#include <smtp/delivery_status.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace smtp_explain {

namespace {

std::string value_text(const std::optional<smtp::DsnTypedValue>& field) {
    return field ? collapse_space(field->value().raw()) : std::string();
}

// PowerMTA states its reading of each failure in a recipient field of its
// own, X-PowerMTA-BounceCategory (the bounce categories of its
// documentation, which Momentum and KumoMTA share): the reason, where the
// category names one ("other" and unknown names do not).
constexpr StatedReason bounce_categories[] = {
    {"bad-mailbox", smtp::BounceReason::UserUnknown},
    {"bad-domain", smtp::BounceReason::HostUnknown},
    {"inactive-mailbox", smtp::BounceReason::Suspend},
    {"quota-issues", smtp::BounceReason::MailboxFull},
    {"no-answer-from-host", smtp::BounceReason::Expired},
    {"message-expired", smtp::BounceReason::Expired},
    {"bad-connection", smtp::BounceReason::NetworkError},
    {"routing-errors", smtp::BounceReason::NetworkError},
    {"spam-related", smtp::BounceReason::SpamDetected},
    {"virus-related", smtp::BounceReason::VirusDetected},
    {"policy-related", smtp::BounceReason::PolicyViolation},
    {"content-related", smtp::BounceReason::ContentError},
    {"relaying-issues", smtp::BounceReason::NoRelaying},
    {"invalid-sender", smtp::BounceReason::Rejected},
    {"protocol-errors", smtp::BounceReason::SyntaxError},
    {"bad-configuration", smtp::BounceReason::SystemError},
};

std::optional<smtp::BounceReason> category_reason(const smtp::DsnRecipient& group) {
    const auto field = group.field("X-PowerMTA-BounceCategory");
    if (!field) {
        return std::nullopt;
    }
    const std::string category = collapse_space(field->raw());
    for (const StatedReason& known : bounce_categories) {
        if (iequals(category, known.words)) {
            return known.reason;
        }
    }
    return std::nullopt;
}

// Sendmail names a recipient it handed to a program by the program
// ("X-Actual-Recipient: X-Unix; |/usr/local/bin/filter"): a failure there is
// the local mailer's.
bool delivered_to_program(const smtp::DsnRecipient& group) {
    const auto field = group.field("X-Actual-Recipient");
    if (!field) {
        return false;
    }
    const std::string_view raw = trim(field->raw());
    const std::size_t semicolon = raw.find(';');
    return semicolon != std::string_view::npos &&
           iequals(trim(raw.substr(0, semicolon)), "x-unix") &&
           starts_with(trim(raw.substr(semicolon + 1)), "|");
}

// Whether a Final-Recipient names an Internet mailbox: of the address type
// rfc822 or utf-8 (RFC 3464 section 2.3.2, RFC 6533 section 3), or untyped,
// with an '@'. A gateway's X.400 O/R address ("x400; /S=bob/C=GB/") or a
// local account ("LOCAL; bob", CommuniGate Pro) is none: the address the
// sender wrote is then the Original-Recipient.
bool is_internet_address(const std::optional<smtp::DsnTypedValue>& field) {
    if (!field) {
        return false;
    }
    const bool internet_type =
        !field->has_type() || field->is_type("rfc822") || field->is_type("utf-8");
    return internet_type && field->value().raw().find('@') != std::string_view::npos;
}

// Whether a recipient's group names its recipient at all.
bool names_recipient(const smtp::DsnRecipient& group) {
    return group.final_recipient().has_value() || group.original_recipient().has_value();
}

// The offset of the line of `text` that starts with `name` (any case), or npos.
std::size_t line_starting(std::string_view text, std::string_view name) {
    for (std::size_t at = 0; at < text.size();) {
        if (istarts_with(text.substr(at), name)) {
            return at;
        }
        const std::size_t lf = text.find('\n', at);
        at = lf == std::string_view::npos ? text.size() : lf + 1;
    }
    return std::string_view::npos;
}

// The DSN fields an old MTA wrote into its plain text (Sendmail 8 without
// MIME, MMDF): from "Reporting-MTA:" or the first "Final-Recipient:" to the
// returned original.
std::string_view embedded_dsn(std::string_view text) {
    const std::size_t recipient = line_starting(text, "Final-Recipient:");
    if (recipient == std::string_view::npos) {
        return {};
    }
    const std::size_t reporting = line_starting(text, "Reporting-MTA:");
    const std::size_t start = reporting < recipient ? reporting : recipient;
    return before_quoted_original(text.substr(start));
}

// The reply the notice gives a recipient: in its paragraph; else in the
// text before the first recipient's (a reply or transcript for all); else,
// for a DSN's only recipient, anywhere in the notice.
TextReply notice_reply(std::string_view notice, const std::vector<NoticeBlock>& blocks,
                       const NoticeBlock* block, bool only_recipient) {
    if (block != nullptr) {
        if (TextReply own = find_text_reply(block->text); own.found()) {
            return own;
        }
    }
    if (!blocks.empty()) {
        if (TextReply shared = find_text_reply(notice_head(notice, blocks)); shared.found()) {
            return shared;
        }
    }
    return only_recipient ? find_text_reply(notice) : TextReply{};
}

// The DSN contents of the email: its delivery-status parts outside the
// original; failing those, DSN fields written into a text part.
std::vector<std::string_view> dsn_contents(const DecodedMessage& message) {
    std::vector<std::string_view> out;
    for (const MessagePart& part : message.parts) {
        if (!part.in_original && is_delivery_status_type(part.content_type)) {
            out.emplace_back(part.text);
        }
    }
    if (out.empty()) {
        for (const MessagePart& part : message.parts) {
            if (!part.in_original && part.content_type.is("text/plain")) {
                if (const std::string_view fields = embedded_dsn(part.text); !fields.empty()) {
                    out.push_back(fields);
                }
            }
        }
    }
    return out;
}

} // namespace

bool is_delivery_status_type(const ContentType& type) noexcept {
    return type.is("message/delivery-status") || type.is("message/global-delivery-status");
}

std::size_t extract_dsn(const DecodedMessage& message, BounceSink& sink) {
    std::size_t count = 0;
    std::string notice;
    std::vector<NoticeBlock> blocks;
    NoticeIndex index;
    bool notice_read = false;
    for (const std::string_view content : dsn_contents(message)) {
        const smtp::DeliveryStatus dsn = smtp::parse_delivery_status(content);
        if (!dsn.ok()) {
            continue;
        }
        if (!notice_read) {
            notice = notice_text(message);
            blocks = notice_blocks(notice, own_addresses(message));
            index = index_blocks(blocks);
            notice_read = true;
        }
        bool any_named = false;
        for (const smtp::DsnRecipient group : dsn.recipients()) {
            any_named = any_named || names_recipient(group);
        }
        for (const smtp::DsnRecipient group : dsn.recipients()) {
            // A group that names no recipient beside groups that do is the
            // per-message fields written without their blank line (Boxbe).
            if (any_named && !names_recipient(group)) {
                continue;
            }
            BounceRecipient recipient;
            recipient.format = "dsn";
            recipient.recipient = value_text(group.final_recipient());
            recipient.original_recipient = value_text(group.original_recipient());
            if (!is_internet_address(group.final_recipient()) &&
                !first_address(recipient.original_recipient).empty()) {
                recipient.recipient = recipient.original_recipient;
            }
            if (recipient.recipient.empty()) {
                recipient.recipient = recipient.original_recipient;
            }
            // Only the address: "rfc822; Name <a@b>" and stray words happen.
            if (const std::string_view address = first_address(recipient.recipient);
                !address.empty()) {
                recipient.recipient = std::string(address);
            }
            if (const auto actual = group.field("X-Actual-Recipient")) {
                recipient.actual_recipient = std::string(first_address(actual->raw()));
            }
            recipient.action = group.action();
            recipient.status = group.status();
            recipient.remote_mta = value_text(group.remote_mta());
            bool expired = false;
            if (const auto diagnostic = group.diagnostic_code();
                diagnostic && !diagnostic->is_exit_status()) {
                recipient.diagnostic = collapse_space(diagnostic->value().raw());
                std::string_view input;
                const smtp::DiagnosticReply reply =
                    read_reply_text(diagnostic->value().raw(), input);
                // The reply's codes; or an enhanced code the diagnostic states
                // alone ("5.4.7 - Delivery expired"), as specific as a reply's.
                recipient.code = reply.code().value_or(0);
                recipient.reply_status = reply.enhanced();
                // An expiry (X.4.7, RFC 3463) that quotes the reply it last
                // got: that reply is why it failed.
                if (const auto stated =
                        recipient.reply_status ? recipient.reply_status : recipient.status;
                    stated && stated->subject == 4 && stated->detail == 7) {
                    const smtp::DiagnosticReply cause =
                        quoted_cause(diagnostic->value().raw());
                    if (cause.found()) {
                        recipient.code = cause.code().value_or(0);
                        recipient.reply_status = cause.enhanced();
                        expired = true;
                    }
                }
                // A relayed qmail reply states its status "(#5.7.1)".
                if (const auto hashed = hashed_status(diagnostic->value().raw());
                    !recipient.reply_status && hashed && recipient.code != 0 &&
                    hashed->status_class == recipient.code / 100) {
                    recipient.reply_status = hashed;
                }
                add_diagnostic_problems(recipient, reply.flags());
            }
            recipient.reason = category_reason(group);
            // The quoted reply says why the host was never reached; what
            // happened to the message is that its time ran out.
            if (expired && !recipient.reason) {
                recipient.reason = smtp::BounceReason::Expired;
            }
            if (!recipient.reason && delivered_to_program(group)) {
                recipient.reason = smtp::BounceReason::MailerError;
            }
            // A Status that holds a reply code and no enhanced code
            // ("Status: 553 Exceeded maximum inbound message size", NTMail).
            if (const auto status = group.field("Status");
                status && !recipient.status && recipient.code == 0) {
                std::string_view input;
                const smtp::DiagnosticReply reply = read_reply_text(status->raw(), input);
                const int code = reply.code().value_or(0);
                if (code / 100 == 4 || code / 100 == 5) {
                    recipient.code = code;
                    if (recipient.diagnostic.empty()) {
                        recipient.diagnostic = collapse_space(status->raw());
                    }
                }
            }
            for (const smtp::DsnProblem problem : group.problems()) {
                recipient.problems.push_back(
                    {std::string(smtp::name(problem)), std::string(smtp::description(problem))});
            }
            // What the DSN leaves out, from the recipient's paragraph of the
            // notice (or the whole notice when it reports on one recipient).
            const NoticeBlock* block = find_block(index, recipient.recipient);
            if (block == nullptr && !recipient.original_recipient.empty()) {
                block = find_block(index, first_address(recipient.original_recipient));
            }
            const bool delivered = recipient.action == smtp::DsnAction::Delivered ||
                                   recipient.action == smtp::DsnAction::Relayed ||
                                   recipient.action == smtp::DsnAction::Expanded;
            if (!delivered) {
                apply_text_reply(recipient, notice_reply(notice, blocks, block,
                                                         dsn.recipient_count() == 1));
            }
            // Without a diagnostic, the paragraph's words tell the reason
            // ("Unrouteable address", "retry timeout exceeded").
            if (recipient.diagnostic.empty() && block != nullptr) {
                recipient.diagnostic = paragraph_words(block->text);
            }
            sink.add(std::move(recipient));
            ++count;
        }
    }
    return count;
}

} // namespace smtp_explain
