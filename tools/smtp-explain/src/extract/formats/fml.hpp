// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// fml's notices (the mailing list manager common in Japan; its messages
// carry "X-MLServer: fml ..."): a list that refused a post says so in one
// sentence that names the list, "You are not a member of this mailing list
// <ml@b>." or "Duplicated Message-ID in <ml@b>." (a loop alert), then the
// post it refused. The list is the recipient that refused the message.
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_FML_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_FML_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The fml format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat fml;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_FML_HPP
