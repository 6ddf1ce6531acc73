// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The generic reader of delivery status notifications (RFC 3464, and RFC
// 6533's message/global-delivery-status): every such part outside the
// returned original (or, in an email without one, DSN fields that an old
// MTA wrote into its plain text), read with smtp::parse_delivery_status, one
// recipient per group of per-recipient fields, the reply in each
// Diagnostic-Code found with smtp::read_diagnostic.
//
// Where the DSN leaves the reply out (OpenSMTPD writes no Diagnostic-Code,
// Exim none for its own failures, Sendmail an empty one after a 421), the
// reply is taken from the recipient's paragraph of the human-readable part,
// which also tells the command it answered ("in reply to RCPT TO command",
// "after RCPT TO:<a@b>", ">>> DATA"), something a DSN never says.
#ifndef SMTP_EXPLAIN_EXTRACT_DSN_HPP
#define SMTP_EXPLAIN_EXTRACT_DSN_HPP

#include "extract/events.hpp"
#include "extract/message.hpp"

#include <cstddef>

namespace smtp_explain {

/// Whether `type` is a DSN's: message/delivery-status or
/// message/global-delivery-status.
bool is_delivery_status_type(const ContentType& type) noexcept;

/// Hands each recipient of each DSN part outside the original to `sink`, in
/// order, with `format` "dsn"; returns how many.
std::size_t extract_dsn(const DecodedMessage& message, BounceSink& sink);

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_EXTRACT_DSN_HPP
