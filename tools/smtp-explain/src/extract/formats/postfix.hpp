// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Postfix's notices without a DSN part (releases before 2.3, and sites that
// turned it off): "This is the Postfix program at host ..." or "This is the
// mail system at host ...", then a paragraph per recipient, "<a@b>:" or
// "<a@b> (expanded from <c@d>):" and what happened, wrapped on lines
// indented by four spaces: "host mx[192.0.2.1] said: 550 ... (in reply to
// RCPT TO command)", "connect to mx[192.0.2.1]:25: Connection timed out",
// "Host or domain name not found. ...". A notice with a DSN part is the DSN
// reader's, which takes the same paragraph for what the DSN leaves out.
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_POSTFIX_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_POSTFIX_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The postfix format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat postfix;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_POSTFIX_HPP
