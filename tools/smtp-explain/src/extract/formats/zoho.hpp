// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Zoho Mail's notices, from mailer-daemon@mail.zoho.com: Exim's first
// sentence, then per recipient one line "a@b Invalid Address, ERROR_CODE
// :550, ERROR_CODE :<the reply's text>".
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_ZOHO_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_ZOHO_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The zoho format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat zoho;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_ZOHO_HPP
