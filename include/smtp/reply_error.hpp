// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/reply_error.hpp>`: ReplyError, what parse_reply (`<smtp/reply.hpp>`)
/// found, and its enumerators' names. A header of its own, so that
/// `<smtp/error_code.hpp>` gets the enum without the reply parser.
#ifndef SMTP_REPLY_ERROR_HPP
#define SMTP_REPLY_ERROR_HPP

#include <string_view>

namespace smtp {

/// What parse_reply found. Every error other than Incomplete is final: no
/// bytes appended to the input can turn it into a valid reply, so a reader
/// should not wait for more.
enum class ReplyError : int {
    /// A whole reply was read; `consumed` bytes belong to it, and the next
    /// reply (RFC 2920 pipelining) starts right after them.
    None = 0,
    /// The input ends before the reply's last line does, and what there is
    /// could still become a valid reply. Read more bytes, append them, and
    /// call again with the whole buffer from the reply's first byte.
    Incomplete,
    /// A line does not start with exactly three ASCII digits, the first 2 to
    /// 5 (RFC 5321 section 4.2): a sign, a space, a fourth digit, a short
    /// code or no code at all. The peer does not speak SMTP or the stream is
    /// out of step; treat it as a broken connection and close it.
    InvalidCode,
    /// The code is followed by something other than a space, a '-' or the
    /// line's end (RFC 5321 section 4.2). Close the connection, as for
    /// InvalidCode.
    InvalidSeparator,
    /// A line of a multiline reply has a different code from the first line
    /// (RFC 5321 section 4.2.1 requires the same code on every line). Close
    /// the connection, as for InvalidCode.
    CodeMismatch,
    /// A line is longer than ReplyLimits::max_line_length. Reported as soon
    /// as the bytes already read prove it, before the line's end arrives, so
    /// an endless line is rejected after max_line_length + 2 bytes at most.
    /// Raise the limit if the peer is trusted; otherwise close.
    LineTooLong,
    /// The reply has more lines than ReplyLimits::max_lines. Reported as soon
    /// as a line that says more follow ('-') would be the last one allowed.
    /// Raise the limit if the peer is trusted; otherwise close.
    TooManyLines,
    /// With ReplyLimits::strict only: a line ends with a bare LF, not CRLF
    /// (RFC 5321 section 2.3.8). Close the connection, as for InvalidCode,
    /// or read again without strict.
    BareLineFeed,
};

/// The enumerator's spelling ("LineTooLong"); empty for a value that is no
/// enumerator.
[[nodiscard]] constexpr std::string_view name(ReplyError error) noexcept {
    switch (error) {
    case ReplyError::None: return "None";
    case ReplyError::Incomplete: return "Incomplete";
    case ReplyError::InvalidCode: return "InvalidCode";
    case ReplyError::InvalidSeparator: return "InvalidSeparator";
    case ReplyError::CodeMismatch: return "CodeMismatch";
    case ReplyError::LineTooLong: return "LineTooLong";
    case ReplyError::TooManyLines: return "TooManyLines";
    case ReplyError::BareLineFeed: return "BareLineFeed";
    }
    return {};
}

} // namespace smtp

#endif // SMTP_REPLY_ERROR_HPP
