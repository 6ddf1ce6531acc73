// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// au one net's (KDDI's) notices: Japanese sentences, then "Your mail sent
// on: <date>", "Could not be delivered to: <a@b>" and the reason in words
// ("As their mailbox is full.").
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_KDDI_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_KDDI_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The kddi format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat kddi;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_KDDI_HPP
