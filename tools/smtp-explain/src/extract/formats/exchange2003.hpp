// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The notices of Exchange 5.5, 2000 and 2003 (its Internet Mail Connector
// and Service), as Microsoft's knowledge base shows them (KB 168557, 246881,
// 251152): "Your message did not reach some or all of the intended
// recipients." or "Your message ... did not reach the following
// recipient(s):", then per recipient "a@b on <date>" and, indented, the
// reason ("The recipient name is not recognized", "Recipient Not Found")
// and Exchange's diagnostic ("MSEXCH:IMS:org:site:server 0 (000C05A6)
// Unknown Recipient", "... 3902 Host Unknown"), whose last words state the
// reason.
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_EXCHANGE2003_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_EXCHANGE2003_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The exchange2003 format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat exchange2003;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_EXCHANGE2003_HPP
