// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/case_insensitive.hpp>`: the character comparison that the name
/// lookups take to ignore ASCII case, as people type names:
///
///     smtp::from_name("mailboxbusy", smtp::case_insensitive)  // MailboxBusy
///
/// Any callable that compares two chars works in its place.
#ifndef SMTP_CASE_INSENSITIVE_HPP
#define SMTP_CASE_INSENSITIVE_HPP

#include <string_view>

namespace smtp {

namespace detail {

// ASCII lower case of one byte; every byte that is no upper-case ASCII
// letter stays itself.
constexpr char ascii_lower(char c) noexcept {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

} // namespace detail

/// Compares two characters as equal when they are the same letter in either
/// ASCII case ('A' and 'a'); every other byte equals only itself. Names,
/// verbs and keywords of SMTP are ASCII (RFC 5321 section 2.4: verbs are
/// not case sensitive), so no locale is involved.
struct CaseInsensitive {
    /// Whether `a` and `b` are the same byte, ignoring ASCII case.
    [[nodiscard]] constexpr bool operator()(char a, char b) const noexcept {
        return detail::ascii_lower(a) == detail::ascii_lower(b);
    }
};

/// The comparison to pass to a name lookup to ignore ASCII case.
inline constexpr CaseInsensitive case_insensitive{};

namespace detail {

// The exact comparison, the default of the lookups that take one.
struct SameChar {
    constexpr bool operator()(char a, char b) const noexcept { return a == b; }
};

// Whether `a` and `b` have the same length and `equal` holds for each pair
// of their characters.
template <class BinaryPredicate>
constexpr bool same_text(std::string_view a, std::string_view b,
                         const BinaryPredicate& equal) noexcept(noexcept(equal('a', 'a'))) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::string_view::size_type i = 0; i < a.size(); ++i) {
        if (!equal(a[i], b[i])) {
            return false;
        }
    }
    return true;
}

// Whether `a` and `b` are the same text but for ASCII case: header field
// names and keywords (RFC 5322 section 1.2.2, RFC 3464 section 2.1.2).
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
    return same_text(a, b, case_insensitive);
}

} // namespace detail

} // namespace smtp

#endif // SMTP_CASE_INSENSITIVE_HPP
