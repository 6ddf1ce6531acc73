// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "analyse/bounce_verdict.hpp"

#include <smtp/bounce_reason.hpp>
#include <smtp/delivery_status.hpp>
#include <smtp/enhanced_status_code.hpp>
#include <smtp/semantics.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace smtp_explain {

namespace {

std::optional<smtp::EnhancedStatusCode> reported_status(const BounceRecipient& recipient) {
    return recipient.reply_status ? recipient.reply_status : recipient.status;
}

smtp::Action action_of_class(int status_class) noexcept {
    switch (status_class) {
    case 2: return smtp::Action::Proceed;
    case 4: return smtp::Action::Retry;
    default: return smtp::Action::Fail; // an int, not our enum
    }
}

// The words of a diagnostic without its codes, a multiline reply's lines
// joined with spaces and their markers left out ("550-5.1.1 No such 550
// 5.1.1 user" gives "No such user"), as classify_bounce reads them. When the
// reply's words tell no reason, the reporting MTA's own words before it do
// (Postfix's "connect to mx[192.0.2.1]: server refused to talk to me: 421
// Service not available"): they come first, so a wording of theirs is found.
std::string reply_words(std::string_view diagnostic) {
    const smtp::DiagnosticReply reply = smtp::read_diagnostic(diagnostic);
    if (!reply.found()) {
        return std::string(diagnostic);
    }
    std::string out;
    for (const std::string_view piece : reply.pieces()) {
        if (!out.empty()) {
            out += ' ';
        }
        out.append(piece.data(), piece.size());
    }
    if (smtp::find_bounce_phrase(out) == smtp::bounce_phrase_count &&
        smtp::find_bounce_phrase(reply.before()) != smtp::bounce_phrase_count) {
        out.insert(0, std::string(reply.before()) + ' ');
    }
    return out;
}

bool is_delivery(smtp::DsnAction action) noexcept {
    return action == smtp::DsnAction::Delivered || action == smtp::DsnAction::Relayed ||
           action == smtp::DsnAction::Expanded;
}

// What the notice says of the attempts, for classify_bounce.
smtp::DeliveryOutcome outcome_of(smtp::DsnAction action) noexcept {
    switch (action) {
    case smtp::DsnAction::Failed: return smtp::DeliveryOutcome::Failed;
    case smtp::DsnAction::Delayed: return smtp::DeliveryOutcome::Delayed;
    case smtp::DsnAction::Delivered:
    case smtp::DsnAction::Relayed:
    case smtp::DsnAction::Expanded:
    case smtp::DsnAction::Unknown: return smtp::DeliveryOutcome::Unknown;
    }
    return smtp::DeliveryOutcome::Unknown;
}

} // namespace

bool is_transient_reason(smtp::BounceReason reason) noexcept {
    using R = smtp::BounceReason;
    return reason == R::MailboxFull || reason == R::SystemFull || reason == R::TooManyConn ||
           reason == R::RateLimited || reason == R::Speeding || reason == R::NetworkError ||
           reason == R::Expired || reason == R::SystemError;
}

std::string_view action_word(smtp::DsnAction action) noexcept {
    switch (action) {
    case smtp::DsnAction::Failed: return "failed";
    case smtp::DsnAction::Delayed: return "delayed";
    case smtp::DsnAction::Delivered: return "delivered";
    case smtp::DsnAction::Relayed: return "relayed";
    case smtp::DsnAction::Expanded: return "expanded";
    case smtp::DsnAction::Unknown: return {};
    }
    return {};
}

BounceJudgement judge_bounce(const BounceRecipient& recipient) {
    BounceJudgement out{};
    out.status = reported_status(recipient);
    out.code = recipient.code;
    if (recipient.reason) {
        // A reason the bounce states, qualified by the class it reports.
        out.reason = smtp::reason_in_class(*recipient.reason, out.code, out.status);
        out.hard = smtp::is_hard_bounce(out.reason, out.code, out.status);
        out.basis = smtp::BounceBasis::None;
    } else if (is_delivery(recipient.action)) {
        out.reason = smtp::BounceReason::Delivered;
        out.hard = false;
        out.basis = smtp::BounceBasis::None;
    } else {
        const smtp::BounceVerdict verdict =
            smtp::classify_bounce(out.code, out.status,
                                  recipient.command.value_or(smtp::Command::Other),
                                  reply_words(recipient.diagnostic),
                                  outcome_of(recipient.action));
        out.reason = verdict.reason;
        out.hard = smtp::is_hard_bounce(out.reason, out.code, out.status);
        out.basis = verdict.basis;
    }
    if (!smtp::is_failure(out.reason) || is_delivery(recipient.action)) {
        out.next_action = smtp::Action::Proceed;
    } else if (recipient.action == smtp::DsnAction::Delayed) {
        out.next_action = smtp::Action::Retry;
    } else if (out.status) {
        out.next_action = action_of_class(out.status->status_class);
    } else if (out.code != 0) {
        out.next_action = action_of_class(out.code / 100);
    } else if (recipient.action == smtp::DsnAction::Failed) {
        out.next_action = smtp::Action::Fail; // the MTA has given up, and says no more
    } else {
        out.next_action =
            is_transient_reason(out.reason) ? smtp::Action::Retry : smtp::Action::Fail;
    }
    return out;
}

} // namespace smtp_explain
