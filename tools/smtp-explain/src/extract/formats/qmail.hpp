// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// qmail-send's bounce message format (QSBMF, D. J. Bernstein): the body
// starts "Hi. This is the"; each recipient is a paragraph that starts
// "<address>:", and says what went wrong, often with the remote server's
// reply after "Remote host said:" and qmail's own status as "(#5.1.1)"; a
// paragraph starting "---" ends the report. Notices that keep this layout
// after another first sentence ("--- Below this line is a copy of the
// message.") are read the same way.
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_QMAIL_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_QMAIL_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The qmail format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat qmail;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_QMAIL_HPP
