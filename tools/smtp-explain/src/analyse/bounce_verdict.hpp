// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The verdict on one recipient of a bounce: the status and reply code to
// report, what to do with the message (next_action), why it failed (the
// reason, smtp::classify_bounce) and whether the address itself is bad (a
// hard bounce).
#ifndef SMTP_EXPLAIN_ANALYSE_BOUNCE_VERDICT_HPP
#define SMTP_EXPLAIN_ANALYSE_BOUNCE_VERDICT_HPP

#include "extract/events.hpp"

#include <smtp/bounce_reason.hpp>
#include <smtp/enhanced_status_code.hpp>
#include <smtp/semantics.hpp>

#include <optional>
#include <string_view>

namespace smtp_explain {

/// What the analysis concludes about one recipient.
struct BounceJudgement {
    /// The enhanced status to report: the one of the server's reply, when
    /// the bounce quotes a reply with one; else the one the bounce states (a
    /// DSN's Status). The reply is the receiving server's own word on the
    /// recipient; the reporting MTA's Status is its reading of it, often a
    /// class alone (Exim and OpenSMTPD write 5.0.0) or its own (Sendmail
    /// writes 5.2.0 for a 550 after DATA, 4.4.7 when it gave up).
    std::optional<smtp::EnhancedStatusCode> status;
    /// The reply code; 0 without one.
    int code;
    /// Proceed for a delivery (DSN action delivered, relayed or expanded),
    /// a feedback report or an auto-reply; Retry for a delay (action
    /// delayed); otherwise by the class of `status`, else of `code` (4
    /// Retry, 5 Fail), else Fail for a failed action, else by the reason (a
    /// transient one Retry, else Fail). A failed action with a 4.x.x status (an MTA that gave up on a
    /// transient error, 4.4.7 after its queue lifetime) is Retry: the
    /// address may take mail later.
    smtp::Action next_action;
    smtp::BounceReason reason;
    /// The address is bad: do not send to it again.
    bool hard;
    /// What decided the reason; None when the bounce stated it.
    smtp::BounceBasis basis;
};

/// The judgement on `recipient`.
BounceJudgement judge_bounce(const BounceRecipient& recipient);

/// Whether a reason names a passing state (a full mailbox, a busy or
/// unreachable host, a rate limit, an expired queue lifetime): the verdict
/// when a bounce gives neither an enhanced status nor a reply code.
bool is_transient_reason(smtp::BounceReason reason) noexcept;

/// "failed", "delayed", "delivered", "relayed", "expanded" (RFC 3464 section
/// 2.3.3's spelling); empty for Unknown.
std::string_view action_word(smtp::DsnAction action) noexcept;

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_ANALYSE_BOUNCE_VERDICT_HPP
