// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The program's MIME reader: an email's bytes into the core's DecodedMessage
// (extract/message.hpp), with GMime 3. Kept out of the core, which parses no
// MIME, so that the core builds without GMime (for WebAssembly, say).
#ifndef SMTP_EXPLAIN_MIME_GMIME_MESSAGE_HPP
#define SMTP_EXPLAIN_MIME_GMIME_MESSAGE_HPP

#include "extract/message.hpp"

#include <string_view>

namespace smtp_explain {

/// Reads a whole email (RFC 5322, MIME): an mbox "From " first line is
/// skipped; header fields are unfolded and RFC 2047 words decoded; the MIME
/// tree is walked depth first into leaf parts, each with its transfer
/// encoding (base64, quoted-printable) undone and its charset (ISO-2022-JP,
/// Shift_JIS, ISO-8859-x, windows-125x, ...) converted to UTF-8. Text
/// without a charset is taken as UTF-8 when it is valid UTF-8, as
/// ISO-2022-JP when it has that charset's escape sequences, else by GMime's
/// fallback (ISO-8859-1). Bytes that still are no UTF-8 become U+FFFD.
/// Any bytes give a message: what GMime cannot read as headers is one
/// text/plain part.
DecodedMessage read_message(std::string_view bytes);

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_MIME_GMIME_MESSAGE_HPP
