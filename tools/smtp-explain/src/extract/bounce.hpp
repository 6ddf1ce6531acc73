// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The dispatch of an email to the bounce extractors. The first that reads
// recipients from it decides it, in this order:
//
//   1. a feedback report (feedback.hpp: RFC 5965);
//   2. a challenge-response request (auto_reply.hpp), which some write as a
//      DSN but is no failure;
//   3. the MTA and provider formats (bounce_format.hpp), in their order;
//   4. the delivery status notification (dsn.hpp: RFC 3464, RFC 6533);
//   5. an auto-reply (auto_reply.hpp: RFC 3834);
//   6. the plain-text notice (plain_text.hpp).
//
// Auto-replies come after the DSN because MTAs mark their bounces
// "Auto-Submitted: auto-replied" too.
#ifndef SMTP_EXPLAIN_EXTRACT_BOUNCE_HPP
#define SMTP_EXPLAIN_EXTRACT_BOUNCE_HPP

#include "extract/bounce_format.hpp"
#include "extract/events.hpp"
#include "extract/message.hpp"

#include <cstddef>
#include <vector>

namespace smtp_explain {

/// Hands each recipient `message` reports on to `sink`, in the order it
/// lists them; returns how many (0: no bounce, feedback report or
/// auto-reply found). `formats` are the MTA formats to ask (tests give
/// their own).
std::size_t extract_bounce(const DecodedMessage& message, BounceSink& sink,
                           const std::vector<BounceFormat>& formats = bounce_formats());

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_EXTRACT_BOUNCE_HPP
