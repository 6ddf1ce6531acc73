// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Symantec MessageLabs (Email Security.cloud): "This is the mail delivery
// agent at messagelabs.com." (or "at Symantec Email Security.cloud."), "I
// was unable to deliver your message to the following addresses:", the
// addresses, and "Reason: " with the remote server's reply.
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_MESSAGELABS_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_MESSAGELABS_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The messagelabs format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat messagelabs;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_MESSAGELABS_HPP
