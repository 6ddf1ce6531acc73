// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Feedback reports (RFC 5965, the Abuse Reporting Format): a recipient
// complained about a message, or a mailbox provider reports one. No bounce:
// each reported recipient is reason Feedback, and nothing to retry or drop.
#ifndef SMTP_EXPLAIN_EXTRACT_FEEDBACK_HPP
#define SMTP_EXPLAIN_EXTRACT_FEEDBACK_HPP

#include "extract/events.hpp"
#include "extract/message.hpp"

#include <cstddef>

namespace smtp_explain {

/// Whether the email is a feedback report: a message/feedback-report part
/// outside the original, or multipart/report; report-type=feedback-report,
/// or a Microsoft JMRP complaint (the reported message attached, stamped
/// with X-HmXmrOriginalRecipient).
bool is_feedback_report(const DecodedMessage& message) noexcept;

/// Hands each recipient the report names to `sink`, with reason Feedback
/// and `format` "arf": the Original-Rcpt-To fields (RFC 5965 section 3.2),
/// else the Removal-Recipient ones, else a JMRP complaint's
/// X-HmXmrOriginalRecipient, else the To of the reported message's
/// header (problem "recipient_from_original"), else one without an address.
/// The diagnostic is the Feedback-Type ("abuse"). Returns how many.
std::size_t extract_feedback(const DecodedMessage& message, BounceSink& sink);

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_EXTRACT_FEEDBACK_HPP
