// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// OpenSMTPD's notices: "This is the MAILER-DAEMON, please DO NOT REPLY to
// this email." ("e-mail" in older releases), then "An error has occurred
// while attempting to deliver a message for the following list of
// recipients:" (or "A message is delayed for more than ..." in a warning),
// and one line per recipient, "a@b: 550 5.1.1 ..." with the server's reply
// or OpenSMTPD's own words, up to "Below is a copy of the original
// message:". Its DSN part has no Diagnostic-Code.
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_OPENSMTPD_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_OPENSMTPD_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The opensmtpd format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat opensmtpd;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_OPENSMTPD_HPP
