// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The Lotus Notes SMTP MTA's "Undeliverable message": "------- Failure
// Reasons  --------", the reason in words, the address, then "-------
// Returned Message --------" and the original.
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_NOTES_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_NOTES_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The notes format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat notes;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_NOTES_HPP
