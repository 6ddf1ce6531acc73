// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Amazon SES's own text notices, from MAILER-DAEMON@email-bounces.amazonses.com:
// "The following message to <a@b> was undeliverable.", "The reason for
// the problem:", then SES's status, its words, and the remote server's
// reply in quotes ("5.1.0 - Unknown address error 550-'5.1.1 ... User
// unknown'").
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_AMAZONSES_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_AMAZONSES_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The amazonses format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat amazonses;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_AMAZONSES_HPP
