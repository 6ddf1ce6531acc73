// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
// <smtp/fixed_text.hpp>: the small buffer the to_text functions return, so
// that printing a code needs no allocation and works in constant expressions.
#ifndef SMTP_FIXED_TEXT_HPP
#define SMTP_FIXED_TEXT_HPP

#include <cstddef>
#include <string_view>

namespace smtp {

/// Text held in a buffer of its own: `to_text(code).view()`. The view points
/// into the object, so keep the object alive while the view is used (a view
/// taken from a temporary is fine within the same full expression).
template <std::size_t Capacity>
struct FixedText {
    char data[Capacity] = {};
    std::size_t size = 0;
    constexpr std::string_view view() const noexcept { return {data, size}; }
};

} // namespace smtp

#endif // SMTP_FIXED_TEXT_HPP
