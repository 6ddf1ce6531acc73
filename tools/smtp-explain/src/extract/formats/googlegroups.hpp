// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Google Groups' notices that a post was not delivered: from
// mailer-daemon@googlemail.com (or @google.com), the group's address in the
// notice's X-Failed-Recipients field, a letter in the sender's language
// that names the group by its name alone ("The group you tried to contact
// (NAME) may not exist, or you may not have permission to post messages to
// the group."), the Help Center link https://groups.google.com/support/ and
// the signature "Google Groups", then "----- Original message -----".
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_GOOGLEGROUPS_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_GOOGLEGROUPS_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The googlegroups format: recognises() and extract(), as the dispatch
/// calls them.
extern const BounceFormat googlegroups;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_GOOGLEGROUPS_HPP
