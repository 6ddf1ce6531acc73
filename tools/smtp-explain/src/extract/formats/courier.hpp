// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The Courier mail server's notices: "This is a delivery status
// notification from host, running the Courier mail server, version ...",
// "UNDELIVERABLE MAIL" (or "DELAYED MAIL"), then per recipient "<a@b>:",
// the server ("mx.example.jp [192.0.2.1]:") and the session (">>> RCPT
// TO:<a@b>", "<<< 550 ..."), or Courier's own "<<< No such domain.".
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_COURIER_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_COURIER_HPP

#include "extract/bounce_format.hpp"

namespace smtp_explain::formats {

/// The courier format: recognises() and extract(), as the dispatch calls them.
extern const BounceFormat courier;

} // namespace smtp_explain::formats

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_COURIER_HPP
