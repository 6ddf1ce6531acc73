// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The generic reader of plain-text failure notices, for a bounce without a
// DSN that no format extractor recognises: the recipients the notice lists
// ("<a@b>:", "  a@b", "Unknown user: a@b"), each with the reply in its
// paragraph ("Remote host said: 550 ...", "host mx.example [192.0.2.1]: 550
// ...", "said: 550 ...", "<<< 550 ...", "(#5.1.1)"). Nothing below the quote
// marker of the returned original is read.
#ifndef SMTP_EXPLAIN_EXTRACT_PLAIN_TEXT_HPP
#define SMTP_EXPLAIN_EXTRACT_PLAIN_TEXT_HPP

#include "extract/events.hpp"
#include "extract/message.hpp"

#include <cstddef>

namespace smtp_explain {

/// Hands each recipient the notice lists to `sink`, with `format` "text",
/// the Delayed action when the notice says delivery goes on and Failed when
/// it says the failure is permanent; one
/// without an address when it lists none but quotes a reply. Reads only an
/// email that quotes a reply or presents itself as a failure notice
/// (looks_like_failure_notice). Returns how many.
std::size_t extract_plain_text(const DecodedMessage& message, BounceSink& sink);

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_EXTRACT_PLAIN_TEXT_HPP
