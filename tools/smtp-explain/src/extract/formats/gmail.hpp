// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Gmail's bounces, from mailer-daemon@googlemail.com. Before 2016:
// "Delivery to the following recipient failed permanently:" (or "has been
// delayed:"), the addresses indented, then "Technical details of permanent
// failure:" and "The error that the other server returned was: 550 550
// 5.1.1 ... (state 14)." (the code said twice, Gmail's state after it).
// Since: "** Address not found **" (and the like), "Your message wasn't
// delivered to a@b because ...", then "The response from the remote server
// was:" (or "The response was:") and the reply or Gmail's own words; or
// "** Message not delivered **" with no address in the text (only in
// X-Failed-Recipients) when its help link's topic states the reason.
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_GMAIL_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_GMAIL_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The gmail format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat gmail;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_GMAIL_HPP
