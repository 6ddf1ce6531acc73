// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The DragonFly Mail Agent's notices (dma: DragonFly BSD's MTA, packaged by
// Debian too): one notice per recipient, with no MIME structure and no DSN
// part. "This is the DragonFly Mail Agent v0.13 at HOST.", then "There was
// an error delivering your mail to <a@b>.", then the reason: the server's
// reply after "HOST [ADDRESS] did not like our RCPT TO:" (the stage is
// "connect", "MAIL FROM", "RCPT TO", "DATA" or "final DATA"), a multiline
// reply often with a blank line between its lines, or dma's own words
// ("DNS lookup failure: host X not found"). "Message headers follow." (or
// "Original message follows.", with dma's FULLBOUNCE) opens the returned
// original, inline in the same text.
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_DRAGONFLY_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_DRAGONFLY_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The dragonfly format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat dragonfly;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_DRAGONFLY_HPP
