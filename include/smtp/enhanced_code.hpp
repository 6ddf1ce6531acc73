// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/enhanced_code.hpp>`: the enhanced status code of RFC 3463 ("5.1.1"),
/// which servers put at the start of a reply's text (RFC 2034): the value,
/// its grammar, its class and its text. The registry of the codes is in
/// `<smtp/enhanced_status_code_registry.hpp>`; `<smtp/enhanced_status_code.hpp>`
/// gives all of it.
///
/// Everything here is constexpr, noexcept and allocation free.
#ifndef SMTP_ENHANCED_CODE_HPP
#define SMTP_ENHANCED_CODE_HPP

#include <smtp/fixed_text.hpp>
#include <smtp/status_code.hpp>

#include <cstddef>
#include <optional>
#include <string_view>

namespace smtp {

/// An enhanced status code, RFC 3463 section 2: class.subject.detail.
/// `EnhancedStatusCode{5, 1, 1}` is 5.1.1. A parsed code always has class 2,
/// 4 or 5 and subject and detail in 0..999; one built by hand may hold any
/// ints, and every function here still gives a defined answer for it.
struct EnhancedStatusCode {
    int status_class; ///< The class: 2 success, 4 persistent transient, 5 permanent failure.
    int subject;      ///< The subject: 0 other, 1 addressing, ... 7 security (RFC 3463 section 3).
    int detail;       ///< The detail within the subject.
};

/// @{
/// Comparisons order by class, then subject, then detail.
[[nodiscard]] constexpr bool operator==(const EnhancedStatusCode& a, const EnhancedStatusCode& b) noexcept {
    return a.status_class == b.status_class && a.subject == b.subject && a.detail == b.detail;
}
[[nodiscard]] constexpr bool operator!=(const EnhancedStatusCode& a, const EnhancedStatusCode& b) noexcept {
    return !(a == b);
}
[[nodiscard]] constexpr bool operator<(const EnhancedStatusCode& a, const EnhancedStatusCode& b) noexcept {
    if (a.status_class != b.status_class) {
        return a.status_class < b.status_class;
    }
    if (a.subject != b.subject) {
        return a.subject < b.subject;
    }
    return a.detail < b.detail;
}
[[nodiscard]] constexpr bool operator>(const EnhancedStatusCode& a, const EnhancedStatusCode& b) noexcept {
    return b < a;
}
[[nodiscard]] constexpr bool operator<=(const EnhancedStatusCode& a, const EnhancedStatusCode& b) noexcept {
    return !(b < a);
}
[[nodiscard]] constexpr bool operator>=(const EnhancedStatusCode& a, const EnhancedStatusCode& b) noexcept {
    return !(a < b);
}
/// @}

namespace detail {
// The classes RFC 3463 section 3.1 defines: 2 (success), 4 and 5.
constexpr bool is_enhanced_class(int status_class) noexcept {
    return status_class == 2 || status_class == 4 || status_class == 5;
}
} // namespace detail

/// Whether the code could come out of parse_enhanced_status_code: class 2,
/// 4 or 5, subject and detail in 0..999 (RFC 3463 section 2).
[[nodiscard]] constexpr bool is_valid(const EnhancedStatusCode& code) noexcept {
    return detail::is_enhanced_class(code.status_class) && code.subject >= 0 && code.subject <= 999 &&
           code.detail >= 0 && code.detail <= 999;
}

namespace detail {

// Reads 1 to 3 ASCII digits of `text` from `pos`, the RFC 3463 grammar for
// subject and detail; advances `pos` past them. False when there are none.
// RFC 3463 section 2 tells senders not to write leading zeros; a reader
// accepts them ("5.01.1" is 5.1.1), as the grammar's 1*3digit allows.
constexpr bool read_enhanced_field(std::string_view text, std::size_t& pos,
                                   int& out) noexcept {
    int value = 0;
    std::size_t digits = 0;
    while (pos < text.size() && digits < 3 && text[pos] >= '0' && text[pos] <= '9') {
        value = value * 10 + (text[pos] - '0');
        ++pos;
        ++digits;
    }
    out = value;
    return digits != 0;
}

} // namespace detail

/// Parses the whole of `text` as class "." subject "." detail: class 2, 4 or
/// 5, subject and detail 1 to 3 ASCII digits (RFC 3463 section 2). Anything
/// else, such as signs, spaces, "5.1", "511", "5.1.1.1" or "5.1000.1", gives
/// std::nullopt. Only the bytes of `text` are read. Leading zeros, which
/// senders must not write, are read as the number ("5.01.1" is 5.1.1), so a
/// parsed code prints back as `text` unless `text` had them.
[[nodiscard]] constexpr std::optional<EnhancedStatusCode>
parse_enhanced_status_code(std::string_view text) noexcept {
    if (text.size() < 5 || text.size() > 9) {
        return std::nullopt;
    }
    const int status_class = text[0] - '0';
    if (!detail::is_enhanced_class(status_class) || text[1] != '.') {
        return std::nullopt;
    }
    EnhancedStatusCode code{status_class, 0, 0};
    std::size_t pos = 2;
    if (!detail::read_enhanced_field(text, pos, code.subject) ||
        pos == text.size() || text[pos] != '.') {
        return std::nullopt;
    }
    ++pos;
    if (!detail::read_enhanced_field(text, pos, code.detail) || pos != text.size()) {
        return std::nullopt;
    }
    return code;
}

/// The class of an enhanced code: its first number, when that is 2, 4 or 5
/// (RFC 3463 section 3.1); None otherwise.
[[nodiscard]] constexpr ReplyClass reply_class(const EnhancedStatusCode& code) noexcept {
    switch (code.status_class) {
    case 2: return ReplyClass::PositiveCompletion;
    case 4: return ReplyClass::TransientNegative;
    case 5: return ReplyClass::PermanentNegative;
    default: return ReplyClass::None; // a switch over an int, not our enum
    }
}

/// X is 2: success.
[[nodiscard]] constexpr bool is_success(const EnhancedStatusCode& code) noexcept {
    return reply_class(code) == ReplyClass::PositiveCompletion;
}
/// X is 4: persistent transient failure; the same message may go later.
[[nodiscard]] constexpr bool is_transient(const EnhancedStatusCode& code) noexcept {
    return reply_class(code) == ReplyClass::TransientNegative;
}
/// X is 5: permanent failure; do not resend unchanged.
[[nodiscard]] constexpr bool is_permanent(const EnhancedStatusCode& code) noexcept {
    return reply_class(code) == ReplyClass::PermanentNegative;
}


/// The most characters to_text and to_chars write for any
/// EnhancedStatusCode, including codes built by hand with negative or large
/// numbers ("-2147483648" three times, two dots).
inline constexpr std::size_t enhanced_status_code_max_chars = 3 * detail::int_max_chars + 2;

/// The text of a code in a small buffer of its own, for printing without a
/// caller's buffer: `to_text(code).view()` is "5.1.1".
using EnhancedStatusCodeText = FixedText<enhanced_status_code_max_chars>;

/// "5.1.1": the three numbers with dots between, as written in a reply; the
/// same text that operator<<, {fmt} and std::format print.
[[nodiscard]] constexpr EnhancedStatusCodeText to_text(const EnhancedStatusCode& code) noexcept {
    EnhancedStatusCodeText text{};
    char* out = detail::write_decimal(text.data, code.status_class);
    *out++ = '.';
    out = detail::write_decimal(out, code.subject);
    *out++ = '.';
    out = detail::write_decimal(out, code.detail);
    text.size = static_cast<std::size_t>(out - text.data);
    return text;
}

} // namespace smtp

#endif // SMTP_ENHANCED_CODE_HPP
