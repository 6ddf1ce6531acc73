// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Sun Java System / Oracle Communications Messaging Server (and PMDF
// before it): "This report relates to a message you sent with the
// following header fields:", then "Your message cannot be delivered to the
// following recipients:" (or "has been enqueued and undeliverable" in a
// delay), and per recipient "Recipient address:", "Reason:", "Diagnostic
// code: smtp; 550 ..." and "Remote system: dns; host (...)": RFC 3464's
// fields written as prose.
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_MESSAGINGSERVER_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_MESSAGINGSERVER_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The messagingserver format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat messagingserver;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_MESSAGINGSERVER_HPP
