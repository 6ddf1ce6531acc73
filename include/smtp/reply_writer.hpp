// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/reply_writer.hpp>`: writing a reply to the wire, for server authors:
/// the counterpart of `<smtp/reply.hpp>`, which reads what this writes.
///
/// Everything here is constexpr and noexcept (write_reply_to as far as the
/// caller's iterator allows), allocation free, and gives a defined answer
/// for any input.
#ifndef SMTP_REPLY_WRITER_HPP
#define SMTP_REPLY_WRITER_HPP

#include <smtp/enhanced_code.hpp>
#include <smtp/reply_write_error.hpp>

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

namespace smtp {

/// RFC 5321 section 4.5.3.1.5: the longest reply line, code and CRLF
/// included, that every client must accept.
inline constexpr std::size_t rfc5321_reply_line_limit = 512;

/// Options of write_reply.
struct ReplyWriteOptions {
    /// The most octets a written line may have, counting its code,
    /// separator, enhanced code, text and CRLF.
    std::size_t max_line_length = rfc5321_reply_line_limit;
};


/// The answer of write_reply and measure_reply.
struct [[nodiscard]] ReplyWriteResult {
    /// None when the reply was (or can be) written; otherwise why not.
    ReplyWriteError error;
    /// With None, the bytes written (measure_reply: the bytes the reply
    /// takes); with BufferTooSmall, the bytes needed; otherwise 0.
    std::size_t size;
    /// With LineBreakInText and LineTooLong, the index of the offending
    /// line; otherwise 0.
    std::size_t line;

    /// Whether the reply was (or can be) written.
    [[nodiscard]] constexpr bool ok() const noexcept { return error == ReplyWriteError::None; }
};

/// The answer of write_reply_to: as ReplyWriteResult, and the iterator past
/// the last character written (the given iterator when nothing was).
template <class OutputIt>
struct [[nodiscard]] ReplyWriteToResult {
    ReplyWriteError error; ///< As ReplyWriteResult::error.
    std::size_t size;      ///< As ReplyWriteResult::size.
    std::size_t line;      ///< As ReplyWriteResult::line.
    OutputIt out;          ///< Past the last character written.

    /// Whether the reply was written.
    [[nodiscard]] constexpr bool ok() const noexcept { return error == ReplyWriteError::None; }
};

namespace detail {

// Checks a reply and measures it: the one place the writer's rules live.
// `lines` is only read when `count` is not 0; the callers that take a
// pointer map a null one to count 0 (comparing an initializer_list's array
// with nullptr is not a constant expression for g++).
constexpr ReplyWriteResult check_reply(int code, const std::optional<EnhancedStatusCode>& enhanced,
                                       const std::string_view* lines, std::size_t count,
                                       const ReplyWriteOptions& options) noexcept {
    if (code < 200 || code > 599) {
        return {ReplyWriteError::InvalidCode, 0, 0};
    }
    std::size_t prefix = 4; // code and separator
    if (enhanced) {
        if (!is_valid(*enhanced)) {
            return {ReplyWriteError::InvalidEnhancedCode, 0, 0};
        }
        if (code / 100 == 3) {
            return {ReplyWriteError::EnhancedOnIntermediate, 0, 0};
        }
        if (enhanced->status_class != code / 100) {
            return {ReplyWriteError::EnhancedClassMismatch, 0, 0};
        }
        prefix += to_text(*enhanced).size;
    }
    if (count == 0) {
        return {ReplyWriteError::NoLines, 0, 0};
    }
    std::size_t total = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string_view text = lines[i];
        for (const char c : text) {
            if (c == '\r' || c == '\n') {
                return {ReplyWriteError::LineBreakInText, 0, i};
            }
        }
        // The space between enhanced code and text is only there when both are.
        const std::size_t fixed = prefix + (enhanced && !text.empty() ? 1 : 0) + 2;
        if (fixed > options.max_line_length || text.size() > options.max_line_length - fixed) {
            return {ReplyWriteError::LineTooLong, 0, i};
        }
        const std::size_t length = fixed + text.size();
        // A reply this long cannot be in memory; saturate rather than wrap.
        total = total > static_cast<std::size_t>(-1) - length ? static_cast<std::size_t>(-1)
                                                              : total + length;
    }
    return {ReplyWriteError::None, total, 0};
}

// Writes a reply check_reply accepted.
template <class OutputIt>
constexpr OutputIt emit_reply(OutputIt out, int code,
                              const std::optional<EnhancedStatusCode>& enhanced,
                              const std::string_view* lines, std::size_t count) {
    const char digits[3] = {static_cast<char>('0' + code / 100),
                            static_cast<char>('0' + code / 10 % 10),
                            static_cast<char>('0' + code % 10)};
    EnhancedStatusCodeText enhanced_text{};
    if (enhanced) {
        enhanced_text = to_text(*enhanced);
    }
    for (std::size_t i = 0; i < count; ++i) {
        // RFC 5321 section 4.2.1: the code on every line, '-' after it on all
        // but the last, a space on the last (sent even before empty text).
        for (const char d : digits) {
            *out = d;
            ++out;
        }
        *out = i + 1 == count ? ' ' : '-';
        ++out;
        // RFC 2034 section 4: the enhanced code starts the text of every line.
        const std::string_view text = lines[i];
        if (enhanced) {
            for (const char c : enhanced_text.view()) {
                *out = c;
                ++out;
            }
            if (!text.empty()) {
                *out = ' ';
                ++out;
            }
        }
        for (const char c : text) {
            *out = c;
            ++out;
        }
        *out = '\r';
        ++out;
        *out = '\n';
        ++out;
    }
    return out;
}

// write_reply after the null pointer check.
constexpr ReplyWriteResult write_reply(char* first, char* last, int code,
                                       const std::optional<EnhancedStatusCode>& enhanced,
                                       const std::string_view* lines, std::size_t count,
                                       const ReplyWriteOptions& options) noexcept {
    const ReplyWriteResult check = check_reply(code, enhanced, lines, count, options);
    if (!check.ok()) {
        return check;
    }
    if (first == nullptr || last == nullptr || last < first ||
        static_cast<std::size_t>(last - first) < check.size) {
        return {ReplyWriteError::BufferTooSmall, check.size, 0};
    }
    emit_reply(first, code, enhanced, lines, count);
    return check;
}

template <class OutputIt>
inline constexpr bool is_nothrow_char_output_v =
    std::is_nothrow_copy_constructible_v<OutputIt> &&
    std::is_nothrow_move_constructible_v<OutputIt> &&
    noexcept(*std::declval<OutputIt&>() = char{}) && noexcept(++std::declval<OutputIt&>());

} // namespace detail

/// Checks a reply as write_reply would, and measures it without writing:
/// `size` is the bytes it takes. The same errors as write_reply, never
/// BufferTooSmall.
[[nodiscard]] constexpr ReplyWriteResult measure_reply(int code, std::optional<EnhancedStatusCode> enhanced,
                                         const std::string_view* lines, std::size_t line_count,
                                         ReplyWriteOptions options = {}) noexcept {
    return detail::check_reply(code, enhanced, lines, lines == nullptr ? 0 : line_count, options);
}

/// measure_reply for lines given in braces.
[[nodiscard]] constexpr ReplyWriteResult measure_reply(int code, std::optional<EnhancedStatusCode> enhanced,
                                         std::initializer_list<std::string_view> lines,
                                         ReplyWriteOptions options = {}) noexcept {
    return detail::check_reply(code, enhanced, lines.begin(), lines.size(), options);
}

/// Writes a reply into [first, last), like std::to_chars, for server authors:
///
///     250-mx.example.org greets client.example.net
///     250-SIZE 35882577
///     250 8BITMIME
///
/// The code on every line, '-' after it on all but the last line and a space
/// on the last, CRLF after each (RFC 5321 section 4.2.1); with `enhanced`,
/// the enhanced code and a space at the start of every line's text (RFC 2034
/// section 4; just the code when the text is empty). Refuses, writing
/// nothing (see ReplyWriteError): a code outside 200..599, an enhanced code
/// that is invalid, of another class or on a 3yz reply, no lines, a CR or LF
/// in the text, a line over options.max_line_length (512 octets by default,
/// RFC 5321 section 4.5.3.1.5), a range too small. Other bytes are written
/// as given (UTF-8 for SMTPUTF8, RFC 6531).
///
/// On success `size` is the bytes written from `first`. parse_reply reads
/// the reply back with the same code, enhanced code and lines (a line's
/// text after the enhanced code), within its limits. One caveat: without
/// `enhanced`, text that itself starts with an enhanced code of the reply's
/// class ("5.1.1 unknown user") reads back as that enhanced code.
[[nodiscard]] constexpr ReplyWriteResult write_reply(char* first, char* last, int code,
                                       std::optional<EnhancedStatusCode> enhanced,
                                       const std::string_view* lines, std::size_t line_count,
                                       ReplyWriteOptions options = {}) noexcept {
    return detail::write_reply(first, last, code, enhanced, lines,
                               lines == nullptr ? 0 : line_count, options);
}

/// write_reply for lines given in braces:
/// `write_reply(buf, buf + sizeof buf, 550, EnhancedStatusCode{5, 1, 1}, {"No such user"})`.
[[nodiscard]] constexpr ReplyWriteResult write_reply(char* first, char* last, int code,
                                       std::optional<EnhancedStatusCode> enhanced,
                                       std::initializer_list<std::string_view> lines,
                                       ReplyWriteOptions options = {}) noexcept {
    return detail::write_reply(first, last, code, enhanced, lines.begin(), lines.size(), options);
}

namespace detail {

// write_reply_to after the null pointer check.
template <class OutputIt>
constexpr ReplyWriteToResult<OutputIt>
write_reply_to(OutputIt out, int code, const std::optional<EnhancedStatusCode>& enhanced,
               const std::string_view* lines, std::size_t count,
               const ReplyWriteOptions& options) noexcept(is_nothrow_char_output_v<OutputIt>) {
    const ReplyWriteResult check = check_reply(code, enhanced, lines, count, options);
    if (!check.ok()) {
        return {check.error, check.size, check.line, std::move(out)};
    }
    OutputIt end = emit_reply(std::move(out), code, enhanced, lines, count);
    return {check.error, check.size, check.line, std::move(end)};
}

} // namespace detail

/// write_reply through an output iterator (a std::back_inserter, a stream
/// iterator, a pointer): checks everything first and writes nothing when it
/// refuses, so never BufferTooSmall. noexcept when writing through the
/// iterator cannot throw; a std::back_inserter into a std::string may.
template <class OutputIt>
[[nodiscard]] constexpr ReplyWriteToResult<OutputIt>
write_reply_to(OutputIt out, int code, std::optional<EnhancedStatusCode> enhanced,
               const std::string_view* lines, std::size_t line_count,
               ReplyWriteOptions options = {}) noexcept(detail::is_nothrow_char_output_v<OutputIt>) {
    return detail::write_reply_to(std::move(out), code, enhanced, lines,
                                  lines == nullptr ? 0 : line_count, options);
}

/// write_reply_to for lines given in braces.
template <class OutputIt>
[[nodiscard]] constexpr ReplyWriteToResult<OutputIt>
write_reply_to(OutputIt out, int code, std::optional<EnhancedStatusCode> enhanced,
               std::initializer_list<std::string_view> lines,
               ReplyWriteOptions options = {}) noexcept(detail::is_nothrow_char_output_v<OutputIt>) {
    return detail::write_reply_to(std::move(out), code, enhanced, lines.begin(), lines.size(),
                                  options);
}

} // namespace smtp

#endif // SMTP_REPLY_WRITER_HPP
