// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/std_format.hpp>`: std::format (and std::print, std::format_to, ...)
/// for SmtpStatusCode, ReplyClass and EnhancedStatusCode, printing the same
/// text as to_text(), operator<< and {fmt} (`<smtp/format.hpp>`):
///
///     std::format("{}", smtp::SmtpStatusCode::MailboxBusy)   "450 MailboxBusy"
///     std::format("[{:*>7}]", smtp::EnhancedStatusCode{5, 1, 1})   "[**5.1.1]"
///
/// The text is formatted as a string, so fill, alignment, width and precision
/// ("{:<24}", "{:.3}") apply to all of it, as they do for fmt and streams.
/// For char (the text is ASCII; a wchar_t formatter would need a widened copy).
///
/// Only where the standard library has `<format>` (`__cpp_lib_format`: libc++ 17
/// and later, libstdc++ 13 and later, MSVC 19.29 and later, in C++20 or
/// later); elsewhere this header declares nothing, so it can be included
/// unconditionally. `<smtp/format.hpp>` (and so `<smtp/smtp.hpp>`) includes it:
/// one include gives every route of printing.
#ifndef SMTP_STD_FORMAT_HPP
#define SMTP_STD_FORMAT_HPP

#include <smtp/enhanced_code.hpp>
#include <smtp/format.hpp>
#include <smtp/status_code.hpp>

#if __has_include(<version>)
#include <version>
#endif

#if defined(__cpp_lib_format)

#include <format>
#include <string_view>

namespace smtp::detail {

/// Formats the to_text() of a value as a std::string_view, so the standard
/// format specs for strings apply to the whole text.
template <typename T>
struct StdTextFormatter : std::formatter<std::string_view, char> {
    /// Writes to_text(value) to the context's output, padded, aligned and
    /// truncated as the parsed spec says.
    template <typename FormatContext>
    auto format(const T& value, FormatContext& context) const -> decltype(context.out()) {
        const auto text = to_text(value);
        return std::formatter<std::string_view, char>::format(text.view(), context);
    }
};

} // namespace smtp::detail

/// std::format for SmtpStatusCode: "550 MailboxUnavailable", or the number
/// alone for a value that is no enumerator.
template <>
struct std::formatter<smtp::SmtpStatusCode, char>
    : smtp::detail::StdTextFormatter<smtp::SmtpStatusCode> {};

/// std::format for ReplyClass: "TransientNegative", or the number.
template <>
struct std::formatter<smtp::ReplyClass, char> : smtp::detail::StdTextFormatter<smtp::ReplyClass> {};

/// std::format for EnhancedStatusCode: "5.1.1".
template <>
struct std::formatter<smtp::EnhancedStatusCode, char>
    : smtp::detail::StdTextFormatter<smtp::EnhancedStatusCode> {};

#endif // __cpp_lib_format

#endif // SMTP_STD_FORMAT_HPP
