// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Yahoo's bounces: "Sorry, we were unable to deliver your message to the
// following address.", then qmail's paragraphs ("<address>:", "Remote host
// said: 550 ... [RCPT_TO]"), where the bracketed tag at the end names the
// stage of the session that failed.
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_YAHOO_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_YAHOO_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The yahoo format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat yahoo;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_YAHOO_HPP
