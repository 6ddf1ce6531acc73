// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The extractors of MTA and provider bounce formats: one unit per format in
// src/extract/formats/ (qmail, Exim's plain text, Exchange, Gmail, Amazon
// SES, ...), each a pair of plain functions, and the list of them in
// bounce_formats.cpp, the one place the dispatch (bounce.hpp) finds them.
//
// The dispatch (bounce.hpp) asks the formats in list order, after the
// feedback report reader and before the generic readers; the first one that
// recognises the email and reports a recipient decides it. So a format
// recognises only emails its MTA or provider wrote, by marks that other
// bounces do not have (a From address, a header field, a fixed sentence),
// and only where it reads them better than the generic readers do: a
// standard RFC 3464 report is the DSN reader's (dsn.hpp), and a notice with
// "said: 550 ..." after each address the plain-text reader's. What the
// generic readers use is there for the formats too: bounce_text.hpp (the
// notice's text, quote markers, addresses, recipient paragraphs, the reply
// in them) and dsn.hpp.
#ifndef SMTP_EXPLAIN_EXTRACT_BOUNCE_FORMAT_HPP
#define SMTP_EXPLAIN_EXTRACT_BOUNCE_FORMAT_HPP

#include "extract/events.hpp"
#include "extract/message.hpp"

#include <string_view>
#include <vector>

namespace smtp_explain {

/// One MTA's or provider's bounce format.
struct BounceFormat {
    /// Lower case, one word: "qmail", "exchange2007". The dispatch writes it
    /// into the `format` of each recipient that `extract` leaves without one.
    std::string_view name;
    /// Whether the email is one of this format's. Cheap: the dispatch asks
    /// every format about every email.
    bool (*recognises)(const DecodedMessage& message);
    /// Hands each recipient the email reports on to `sink`, in the order the
    /// email lists them. Reads nothing inside the returned original
    /// (MessagePart::in_original) as the verdict.
    void (*extract)(const DecodedMessage& message, BounceSink& sink);
};

/// Every format, in the order the dispatch asks them (more specific formats
/// before those whose marks they share).
const std::vector<BounceFormat>& bounce_formats();

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_EXTRACT_BOUNCE_FORMAT_HPP
