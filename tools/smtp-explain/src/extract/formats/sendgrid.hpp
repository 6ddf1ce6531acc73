// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// SendGrid's notices: "This is an automatically generated message from
// SendGrid.", then per recipient one line of fields separated by " : ":
// "local:queue:<a@b> : client ip : mx.example.jp:[192.0.2.1] : 550 ...  in
// RCPT TO", the last field the reply and the stage it answered.
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_SENDGRID_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_SENDGRID_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The sendgrid format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat sendgrid;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_SENDGRID_HPP
