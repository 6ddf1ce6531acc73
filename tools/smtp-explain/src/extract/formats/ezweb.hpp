// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// au's (KDDI's) EZweb notices, from Postmaster@ezweb.ne.jp, "Mail System
// Error - Returned Mail": Japanese sentences, then either "Each of the
// following recipients was rejected by a remote mail server." and for each
// "Recipient: <a@b>" with the session (">>> RCPT TO:<a@b>", "<<< 550 ...")
// or a "Reason:" (the form other Japanese ISPs send too), or "The user(s)
// account is disabled." and the addresses, each alone on its line or with the
// reply after it.
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_EZWEB_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_EZWEB_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The ezweb format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat ezweb;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_EZWEB_HPP
