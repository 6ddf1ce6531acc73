// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Auto-replies (RFC 3834): a vacation or out-of-office answer. No bounce:
// the message was delivered, and its recipient answered by itself.
#ifndef SMTP_EXPLAIN_EXTRACT_AUTO_REPLY_HPP
#define SMTP_EXPLAIN_EXTRACT_AUTO_REPLY_HPP

#include "extract/events.hpp"
#include "extract/message.hpp"

#include <cstddef>

namespace smtp_explain {

/// Whether the email is a challenge-response system's request that the
/// sender confirm itself before the message is delivered: an automatic
/// answer, no failure. Bluebottle marks its requests X-Bluebottle-Request,
/// TMDA its own "X-Delivery-Agent: TMDA/..."; Boxbe sends them from
/// boxbe.com, as a DSN ("Status: 4.7.0", "Sender not pre-approved").
bool is_challenge(const DecodedMessage& message);

/// Whether the email is an auto-reply: "Auto-Submitted: auto-replied" (RFC
/// 3834 section 5), X-Autoreply, X-Autorespond or "Precedence: auto_reply",
/// a subject that says so ("Out of Office", "Automatic reply", "AUTO:",
/// "Vacation", the same in other languages), or an answer with the null
/// return path (RFC 3834 section 3.3) whose text says nothing of a failure
/// and quotes no failure reply; and not written by a mail system
/// (written_by_mail_system), since MTAs mark their bounces auto-replied too.
bool is_auto_reply(const DecodedMessage& message);

/// Hands the one recipient of an auto-reply to `sink`: the address that
/// answered (From), reason Vacation, `format` "autoreply", the subject as
/// the diagnostic. Returns 1.
std::size_t extract_auto_reply(const DecodedMessage& message, BounceSink& sink);

/// Hands the recipients of a challenge-response request (is_challenge) to
/// `sink`, reason Vacation, `format` "challenge": those its DSN part names,
/// else the address that answered, as for an auto-reply. Returns how many.
std::size_t extract_challenge(const DecodedMessage& message, BounceSink& sink);

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_EXTRACT_AUTO_REPLY_HPP
