// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Lotus (HCL) Domino's delivery failure reports: "Your message", its
// subject, "was not delivered to:", the address, "because:" and the reason
// in words ("User ... not listed in Domino Directory"). Domino adds a DSN
// whose Status is 5.0.0; the words say more.
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_DOMINO_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_DOMINO_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The domino format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat domino;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_DOMINO_HPP
