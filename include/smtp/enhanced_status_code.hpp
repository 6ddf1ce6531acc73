// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/enhanced_status_code.hpp>`: everything about the enhanced status
/// codes of RFC 3463 ("5.1.1"), which servers put at the start of a reply's
/// text (RFC 2034):
///
///     <smtp/enhanced_code.hpp>                  EnhancedStatusCode, parsing,
///                                             its class, to_text
///     <smtp/enhanced_status_code_registry.hpp>  the IANA registry (RFC 5248):
///                                             titles, associated basic codes,
///                                             pairing
///     <smtp/vendor_notes.hpp>                   vendors' own meanings
///
/// and, here, to_chars, which writes a code into a caller's buffer like
/// std::to_chars (and so needs `<charconv>`, which the others do without).
///
/// Everything here is constexpr, noexcept and allocation free.
#ifndef SMTP_ENHANCED_STATUS_CODE_HPP
#define SMTP_ENHANCED_STATUS_CODE_HPP

#include <smtp/enhanced_code.hpp>
#include <smtp/enhanced_status_code_registry.hpp>
#include <smtp/fixed_text.hpp>
#include <smtp/vendor_notes.hpp>

#include <charconv>
#include <cstddef>

namespace smtp {

namespace detail {

constexpr std::size_t decimal_length(int value) noexcept {
    unsigned magnitude = static_cast<unsigned>(value);
    std::size_t length = 1;
    if (value < 0) {
        magnitude = 0u - magnitude;
        ++length;
    }
    while (magnitude >= 10u) {
        magnitude /= 10u;
        ++length;
    }
    return length;
}

} // namespace detail

/// Writes the code as text ("5.1.1") into [first, last), like std::to_chars:
/// on success `ptr` is one past the last character written and `ec` is
/// std::errc(); if the range is too small, `ptr` is `last`, `ec` is
/// std::errc::value_too_large and nothing is written.
[[nodiscard]] constexpr std::to_chars_result to_chars(char* first, char* last,
                                        const EnhancedStatusCode& code) noexcept {
    const std::size_t needed = detail::decimal_length(code.status_class) +
                               detail::decimal_length(code.subject) +
                               detail::decimal_length(code.detail) + 2;
    if (first == nullptr || last == nullptr || last < first ||
        static_cast<std::size_t>(last - first) < needed) {
        return {last, std::errc::value_too_large};
    }
    char* out = detail::write_decimal(first, code.status_class);
    *out++ = '.';
    out = detail::write_decimal(out, code.subject);
    *out++ = '.';
    out = detail::write_decimal(out, code.detail);
    return {out, std::errc()};
}

/// The text of a code in a small buffer of its own, for printing without a

} // namespace smtp

#endif // SMTP_ENHANCED_STATUS_CODE_HPP
