// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Amazon SES notifications (Amazon SES Developer Guide, "Amazon SNS
// notification contents for Amazon SES"): a JSON object, alone or as the
// string "Message" of an SNS envelope, whose "notificationType" (or
// "eventType" for event publishing) is Bounce ("bounce.bouncedRecipients":
// emailAddress, action, status, diagnosticCode; "bounceType" Permanent,
// Transient or Undetermined), Complaint (a feedback report: no failure),
// Delivery, or DeliveryDelay. E-mail deliveries of SNS break lines longer
// than the mail path allows with "!", a line break and a space; those are
// undone first. The JSON is read with nlohmann/json.
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_AMAZONSES_JSON_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_AMAZONSES_JSON_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The amazonses_json format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat amazonses_json;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_AMAZONSES_JSON_HPP
