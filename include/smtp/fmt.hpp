// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/fmt.hpp>`: {fmt} support that works from fmt 9 on. Needs fmt on the
/// include path; not part of `<smtp/smtp.hpp>`.
///
/// With fmt 10 and later, `<smtp/format.hpp>` alone is enough: fmt finds its
/// format_as overloads, and this header adds nothing to them. fmt 9 (the
/// version Debian 12 ships) honours format_as only for an enum that converts
/// to an integer, so for fmt 9 this header specialises fmt::formatter for the
/// three types instead. Each version sees exactly one route per type, never
/// both a formatter and format_as.
#ifndef SMTP_FMT_HPP
#define SMTP_FMT_HPP

#include <smtp/enhanced_code.hpp>
#include <smtp/format.hpp>
#include <smtp/status_code.hpp>

#include <fmt/format.h>

#if FMT_VERSION < 90000
#error "<smtp/fmt.hpp> needs {fmt} 9 or later"
#elif FMT_VERSION < 100000

namespace smtp::detail {

// Formats the to_text() of a value as a string, so format specs such as
// "{:>24}" apply to the whole text.
template <typename T>
struct FmtTextFormatter : fmt::formatter<fmt::string_view> {
    template <typename FormatContext>
    auto format(const T& value, FormatContext& context) const -> decltype(context.out()) {
        const auto text = to_text(value);
        return fmt::formatter<fmt::string_view>::format(
            fmt::string_view(text.data, text.size), context);
    }
};

} // namespace smtp::detail

template <>
struct fmt::formatter<smtp::SmtpStatusCode>
    : smtp::detail::FmtTextFormatter<smtp::SmtpStatusCode> {};

template <>
struct fmt::formatter<smtp::ReplyClass> : smtp::detail::FmtTextFormatter<smtp::ReplyClass> {};

template <>
struct fmt::formatter<smtp::EnhancedStatusCode>
    : smtp::detail::FmtTextFormatter<smtp::EnhancedStatusCode> {};

#endif // FMT_VERSION

#endif // SMTP_FMT_HPP
