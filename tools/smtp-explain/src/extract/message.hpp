// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// An email as the bounce extractors read it: plain data, already decoded.
// The program builds it with GMime (src/mime/), a WebAssembly page with a
// JavaScript MIME parser; the core reads it and never parses MIME itself.
//
//   - the top-level header fields, in order, each value unfolded and its
//     RFC 2047 encoded words decoded to UTF-8;
//   - the top-level content type (multipart/report; report-type=...);
//   - the leaf parts in tree order (a depth-first walk of the MIME tree,
//     multipart containers left out), each with its content type, its text
//     (transfer encoding undone, charset converted to UTF-8) and whether it
//     lies inside the returned original message.
//
// A returned original (message/rfc822, message/global, RFC 6533) is a leaf
// of its own type whose text is the original's header section, one field per
// line as text/rfc822-headers has it; its body's parts follow it, inside the
// original too. Nothing inside the original is judged: it is the message that
// bounced, not the report on it.
#ifndef SMTP_EXPLAIN_EXTRACT_MESSAGE_HPP
#define SMTP_EXPLAIN_EXTRACT_MESSAGE_HPP

#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain {

/// A header field.
struct HeaderField {
    /// The name as written ("Content-Type").
    std::string name;
    /// The value: unfolded (RFC 5322 section 2.2.3), without the white space
    /// around it, RFC 2047 encoded words decoded to UTF-8.
    std::string value;
};

/// A parameter of a content type (RFC 2045 section 5.1).
struct Parameter {
    /// Lower case ("report-type").
    std::string name;
    /// Without quotes; RFC 2231 continuations and charsets decoded.
    std::string value;
};

/// A MIME content type.
struct ContentType {
    /// "type/subtype", lower case. A part without a Content-Type is
    /// text/plain (RFC 2045 section 5.2).
    std::string type = "text/plain";
    std::vector<Parameter> parameters;

    /// Whether the type is `type_subtype` ("message/delivery-status"),
    /// ignoring ASCII case.
    bool is(std::string_view type_subtype) const noexcept;
    /// Whether the media type (before the '/') is `media` ("text").
    bool is_media(std::string_view media) const noexcept;
    /// The value of the parameter `name` (any case); empty when absent.
    std::string_view parameter(std::string_view name) const noexcept;
};

/// One leaf of the MIME tree.
struct MessagePart {
    ContentType content_type;
    /// The content as UTF-8: the transfer encoding (base64,
    /// quoted-printable) undone and the charset converted. Empty for
    /// content that is no text (images, application/octet-stream).
    std::string text;
    /// The part is, or lies below, a returned original message
    /// (is_original_type), so no verdict may be read from it.
    bool in_original = false;
    /// The text before a multipart's first boundary (RFC 2046 section
    /// 5.1.1's preamble), kept as a text/plain leaf because some MTAs write
    /// their notice there; mostly "This is a multi-part message in MIME
    /// format.", which is no text part of the notice's own.
    bool preamble = false;
};

/// A whole email, decoded.
struct DecodedMessage {
    /// The top-level header fields, in order.
    std::vector<HeaderField> headers;
    /// The top-level content type.
    ContentType content_type;
    /// The leaf parts in tree order; a message that is no multipart has one.
    std::vector<MessagePart> parts;

    /// The value of the first top-level field named `name` (any case), or
    /// nullptr.
    const std::string* header(std::string_view name) const noexcept;
};

/// The content types that hold a returned original message, or its header
/// section: message/rfc822, message/global (RFC 6533), text/rfc822-headers
/// (RFC 6522) and message/global-headers. A part of one of them, or below
/// one, is inside the original.
bool is_original_type(const ContentType& type) noexcept;

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_EXTRACT_MESSAGE_HPP
