// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// GMX's and 1&1's notices: Exim's first sentence, then "The following
// address failed:", each address in quotes ("\"a@b\":"), "SMTP error from
// remote server after RCPT command:", "host: mx.example.jp" and the reply
// (often its enhanced code alone); or, at 1&1, the address and "For the
// following reason:" with the words.
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_GMX_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_GMX_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The gmx format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat gmx;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_GMX_HPP
