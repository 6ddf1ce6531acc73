// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// McAfee's (MxLogic's successor, SaaS Email Protection) notices: "---
// The following addresses had delivery problems ---" and per recipient
// "<a@b>   (reason)".
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_MCAFEE_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_MCAFEE_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The mcafee format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat mcafee;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_MCAFEE_HPP
