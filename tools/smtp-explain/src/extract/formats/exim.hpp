// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Exim's bounce and delay warning in plain text (its default templates,
// Exim specification, "Customizing bounce and warning messages"), and the
// mail.ru notices that wrap the same text in a Russian preface: "This message
// was created automatically by mail delivery software.", then each address
// indented by two spaces and what happened to it indented by four ("SMTP
// error from remote mail server after RCPT TO:<a@b>:", "host mx [ip]: 550
// ...", "Delay reason: ..."). A DSN part, when Exim adds one, fills in the
// action; its Status (5.0.0) says less than the reply the text quotes.
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_EXIM_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_EXIM_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The exim format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat exim;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_EXIM_HPP
