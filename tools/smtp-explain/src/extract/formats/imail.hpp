// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Ipswitch IMail's "Undeliverable Mail" from Postmaster: one line per
// recipient, the reason in words, a colon and the address ("Unknown user:
// a@b", "User mailbox exceeds allowed size: a@b"), then "Original message
// follows."
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_IMAIL_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_IMAIL_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The imail format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat imail;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_IMAIL_HPP
