// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/format.hpp>`: the text of SmtpStatusCode, ReplyClass and
/// EnhancedStatusCode, the same through every route:
///
///     SmtpStatusCode::MailboxUnavailable   "550 MailboxUnavailable"
///     static_cast<SmtpStatusCode>(571)     "571"          (no enumerator: the number)
///     ReplyClass::TransientNegative        "TransientNegative"
///     static_cast<ReplyClass>(7)           "7"
///     EnhancedStatusCode{5, 1, 1}          "5.1.1"
///
/// Routes: to_text() (constexpr, no allocation, the one source of the text),
/// operator<< for std::ostream, and format_as() for {fmt} 10 and later, which
/// finds it by argument-dependent lookup without this header including fmt.
/// {fmt} 9 (Debian 12's) only honours format_as for enums that turn into
/// integers, so for fmt 9 include `<smtp/fmt.hpp>` as well.
///
/// std::format: `<smtp/std_format.hpp>` (kept apart, as `<format>` is heavy).
#ifndef SMTP_FORMAT_HPP
#define SMTP_FORMAT_HPP

#include <smtp/enhanced_code.hpp>
#include <smtp/fixed_text.hpp>
#include <smtp/status_code.hpp>

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

namespace smtp {

namespace detail {

inline constexpr ReplyClass all_reply_classes[] = {
    ReplyClass::None, ReplyClass::PositiveCompletion, ReplyClass::PositiveIntermediate,
    ReplyClass::TransientNegative, ReplyClass::PermanentNegative};

constexpr std::size_t reply_class_text_capacity() noexcept {
    std::size_t longest = int_max_chars;
    for (const ReplyClass reply : all_reply_classes) {
        if (name(reply).size() > longest) {
            longest = name(reply).size();
        }
    }
    return longest;
}

constexpr std::size_t longest_code_name() noexcept {
    std::size_t longest = 0;
    for (const SmtpStatusCode code : all_status_codes) {
        longest = name(code).size() > longest ? name(code).size() : longest;
    }
    return longest;
}

constexpr char* write_text(char* out, std::string_view text) noexcept {
    for (const char c : text) {
        *out++ = c;
    }
    return out;
}

} // namespace detail

/// The longest text to_text(SmtpStatusCode) writes: a number, a space and
/// the longest name.
inline constexpr std::size_t status_code_max_chars =
    detail::int_max_chars + 1 + detail::longest_code_name();

/// The longest text to_text(ReplyClass) writes.
inline constexpr std::size_t reply_class_max_chars = detail::reply_class_text_capacity();

/// The buffer to_text(SmtpStatusCode) returns.
using StatusCodeText = FixedText<status_code_max_chars>;
/// The buffer to_text(ReplyClass) returns.
using ReplyClassText = FixedText<reply_class_max_chars>;

/// "550 MailboxUnavailable": the number, a space and the enumerator's name,
/// as a reply line starts with the number; for a value that is no
/// enumerator, the number alone ("571").
[[nodiscard]] constexpr StatusCodeText to_text(SmtpStatusCode code) noexcept {
    StatusCodeText text{};
    char* out = detail::write_decimal(text.data, value(code));
    const std::string_view label = name(code);
    if (!label.empty()) {
        *out++ = ' ';
        out = detail::write_text(out, label);
    }
    text.size = static_cast<std::size_t>(out - text.data);
    return text;
}

/// The class's name ("TransientNegative"); for a value that is no
/// enumerator, its number.
[[nodiscard]] constexpr ReplyClassText to_text(ReplyClass reply) noexcept {
    ReplyClassText text{};
    const std::string_view label = name(reply);
    char* const out = label.empty()
                          ? detail::write_decimal(text.data, static_cast<int>(reply))
                          : detail::write_text(text.data, label);
    text.size = static_cast<std::size_t>(out - text.data);
    return text;
}

// Streams: the text as one string, so width and fill apply to all of it.
// Templates on the stream's traits, so that this header needs only <iosfwd>:
// <ostream>, which a program that prints has included anyway, is needed
// where they are used, not here.

namespace detail {
template <class Traits, class Text>
std::basic_ostream<char, Traits>& print(std::basic_ostream<char, Traits>& out, const Text& text) {
    return out << std::basic_string_view<char, Traits>(text.data, text.size);
}
} // namespace detail

/// "550 MailboxUnavailable", or the number alone for a value that is no
/// enumerator.
template <class Traits>
std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& out,
                                             SmtpStatusCode code) {
    return detail::print(out, to_text(code));
}

/// "TransientNegative", or the number for a value that is no enumerator.
template <class Traits>
std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& out,
                                             ReplyClass reply) {
    return detail::print(out, to_text(reply));
}

/// "5.1.1".
template <class Traits>
std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& out,
                                             const EnhancedStatusCode& code) {
    return detail::print(out, to_text(code));
}

/// @{
/// to_text(value) as a std::string, for {fmt} 10 and later, which finds it
/// by argument-dependent lookup: fmt::format("{}", code) prints it, and
/// format specs such as "{:>24}" apply as for a string. (For fmt 9, see
/// `<smtp/fmt.hpp>`.)
[[nodiscard]] inline std::string format_as(SmtpStatusCode code) {
    return std::string(to_text(code).view());
}

[[nodiscard]] inline std::string format_as(ReplyClass reply) {
    return std::string(to_text(reply).view());
}

[[nodiscard]] inline std::string format_as(const EnhancedStatusCode& code) {
    return std::string(to_text(code).view());
}
/// @}

} // namespace smtp

// std::formatter too, where the standard library has <format> (the header
// declares nothing elsewhere, so C++17 and libstdc++ 12 pay only <version>).
#include <smtp/std_format.hpp>

#endif // SMTP_FORMAT_HPP
