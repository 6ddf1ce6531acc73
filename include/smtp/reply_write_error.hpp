// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/reply_write_error.hpp>`: ReplyWriteError, why write_reply
/// (`<smtp/reply_writer.hpp>`) refused, and its enumerators' names. A header
/// of its own, so that `<smtp/error_code.hpp>` gets the enum without the reply
/// writer.
#ifndef SMTP_REPLY_WRITE_ERROR_HPP
#define SMTP_REPLY_WRITE_ERROR_HPP

#include <string_view>

namespace smtp {

/// Why write_reply refused. Nothing is written when it refuses.
enum class ReplyWriteError : int {
    /// Written.
    None = 0,
    /// The code is outside 200..599, so it is not three digits with a first
    /// digit of 2 to 5 (RFC 5321 section 4.2).
    InvalidCode,
    /// The enhanced code could not come out of parse_enhanced_status_code:
    /// class 2, 4 or 5 and subject and detail 0..999 (RFC 3463 section 2).
    InvalidEnhancedCode,
    /// The enhanced code's class differs from the reply code's first digit
    /// (RFC 3463 section 2, RFC 2034 section 3).
    EnhancedClassMismatch,
    /// An enhanced code for a 3yz reply, which never carries one (RFC 2034
    /// section 3 covers 2yz, 4yz and 5yz only).
    EnhancedOnIntermediate,
    /// No lines (or a null pointer to them): a reply has at least one line.
    NoLines,
    /// A line's text holds CR or LF, which would end the line early and let
    /// the text forge more reply lines. `line` says which.
    LineBreakInText,
    /// A line would be longer than ReplyWriteOptions::max_line_length.
    /// `line` says which.
    LineTooLong,
    /// The output range is too small; `size` is the room the reply needs.
    BufferTooSmall,
};

/// The enumerator's spelling ("LineTooLong"); empty for a value that is no
/// enumerator.
[[nodiscard]] constexpr std::string_view name(ReplyWriteError error) noexcept {
    switch (error) {
    case ReplyWriteError::None: return "None";
    case ReplyWriteError::InvalidCode: return "InvalidCode";
    case ReplyWriteError::InvalidEnhancedCode: return "InvalidEnhancedCode";
    case ReplyWriteError::EnhancedClassMismatch: return "EnhancedClassMismatch";
    case ReplyWriteError::EnhancedOnIntermediate: return "EnhancedOnIntermediate";
    case ReplyWriteError::NoLines: return "NoLines";
    case ReplyWriteError::LineBreakInText: return "LineBreakInText";
    case ReplyWriteError::LineTooLong: return "LineTooLong";
    case ReplyWriteError::BufferTooSmall: return "BufferTooSmall";
    }
    return {};
}

} // namespace smtp

#endif // SMTP_REPLY_WRITE_ERROR_HPP
