// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The notices of Exchange 2007 and later, Exchange Online and Office 365:
// the people's part ("Delivery has failed to these recipients or groups:"),
// then "Diagnostic information for administrators:", "Generating server:
// ...", and per recipient its address alone on a line and the diagnostic on
// the next: "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##", a remote
// server's "mx.example #552 5.2.2 ... ##" or "#< #5.0.0 smtp; 554 ...>
// #SMTP#", or "Remote Server returned '550 5.1.10 ...'". The section's
// headings are in the sender's language; the layout is not.
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_EXCHANGE2007_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_EXCHANGE2007_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The exchange2007 format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat exchange2007;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_EXCHANGE2007_HPP
