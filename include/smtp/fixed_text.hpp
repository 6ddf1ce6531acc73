// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/fixed_text.hpp>`: the small buffer the to_text functions return, so
/// that printing a code needs no allocation and works in constant expressions,
/// and the decimal writing they share.
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
    /// The text's bytes (no terminating NUL is promised), then zeros.
    char data[Capacity] = {};
    /// How many bytes of `data` the text has.
    std::size_t size = 0;
    /// The text, as a view into this object.
    [[nodiscard]] constexpr std::string_view view() const noexcept { return {data, size}; }
};

namespace detail {

// Sign and digits of the longest int, "-2147483648": what write_decimal
// writes at most (its digit buffer holds the ten digits of a 32-bit int).
inline constexpr std::size_t int_max_chars = 11;
static_assert(sizeof(int) == 4, "write_decimal is written for 32-bit int");

// Writes `value` in decimal at `out`; returns the end of what it wrote.
constexpr char* write_decimal(char* out, int value) noexcept {
    // Work on the magnitude as unsigned, so INT_MIN does not overflow.
    unsigned magnitude = static_cast<unsigned>(value);
    if (value < 0) {
        *out++ = '-';
        magnitude = 0u - magnitude;
    }
    char digits[10] = {};
    std::size_t count = 0;
    do {
        digits[count++] = static_cast<char>('0' + magnitude % 10u);
        magnitude /= 10u;
    } while (magnitude != 0);
    while (count != 0) {
        *out++ = digits[--count];
    }
    return out;
}

} // namespace detail

} // namespace smtp

#endif // SMTP_FIXED_TEXT_HPP
