// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Sendmail's notices: "----- The following addresses had permanent fatal
// errors -----" (or "transient non-fatal errors" in a warning), each address
// and "(reason: 550 ...)", then "----- Transcript of session follows -----":
// "... while talking to mx.example.jp.:", ">>> RCPT To:<a@b>", "<<< 550
// 5.1.1 ...", and Sendmail's own lines
// ("<a@b>... Deferred: ..."). The transcript's exchange for each address is
// the reply that failed, and it names the command; a DSN part adds Action and
// Status. Notices with DSN fields pasted into the text (old releases, broken
// MIME) are left to the generic readers.
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_SENDMAIL_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_SENDMAIL_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The sendmail format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat sendmail;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_SENDMAIL_HPP
