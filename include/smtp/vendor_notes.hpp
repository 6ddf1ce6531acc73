// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/vendor_notes.hpp>`: what vendors are known to mean by enhanced
/// status codes that the registry lacks (Microsoft's 4.7.500 to 4.7.699,
/// Google's 4.7.32) or defines otherwise (Microsoft's 5.1.10).
///
/// Everything here is constexpr, noexcept and allocation free.
#ifndef SMTP_VENDOR_NOTES_HPP
#define SMTP_VENDOR_NOTES_HPP

#include <smtp/detail/deferred.hpp>
#include <smtp/detail/sv_literals.hpp>
#include <smtp/enhanced_code.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace smtp {

/// define, or defines otherwise: codes status_class.subject.first_detail to
/// status_class.subject.last_detail.
struct VendorNote {
    int status_class; ///< The class of the codes covered (4 or 5).
    int subject;      ///< Their subject.
    int first_detail; ///< The first detail covered.
    int last_detail;  ///< The last detail covered (inclusive).
    /// Who documents the codes: "Microsoft", "Google".
    std::string_view vendor;
    /// What the vendor means, and what to do, in our words.
    std::string_view text;

    /// Whether `code` is one of the codes the note covers.
    [[nodiscard]] constexpr bool covers(const EnhancedStatusCode& code) const noexcept {
        return code.status_class == status_class && code.subject == subject &&
               code.detail >= first_detail && code.detail <= last_detail;
    }
};

/// Vendor usage known from the vendors' own documentation and their replies
/// as seen in the wild. Where the registry also has the number
/// (is_registered() is true), the vendor's meaning differs from the
/// registry's title: read the reply text too.
inline constexpr std::array<VendorNote, 7> vendor_notes = {{
    {4, 7, 500, 699, "Microsoft"sv,
     "Exchange Online refuses for now (access denied for the moment); try again later."sv},
    {5, 7, 500, 599, "Microsoft"sv,
     "Exchange Online rejects for a reason of its own, such as 5.7.515 for a sender "
     "that fails its authentication requirements."sv},
    {5, 7, 700, 750, "Microsoft"sv,
     "Exchange Online has blocked the sending tenant, for example for exceeding a "
     "sending threshold."sv},
    {4, 7, 32, 32, "Google"sv,
     "The From: domain is not aligned with the domains the message was "
     "authenticated for."sv},
    {5, 1, 10, 10, "Microsoft"sv,
     "Recipient not found (RESOLVER.ADR.RecipientNotFound), not the registry's "
     "null-MX meaning."sv},
    {5, 7, 3, 3, "Microsoft"sv,
     "Microsoft 365 answers a failed SMTP AUTH with 535 5.7.3, not the registry's "
     "meaning: the credentials were refused."sv},
    {5, 7, 9, 9, "Yahoo"sv,
     "The message failed the sender domain's DMARC policy, not the registry's "
     "meaning."sv},
}};

/// The vendor note that covers `code`, or std::nullopt. (A copy, not a
/// pointer: GCC's -fsanitize=undefined cannot compare the address of a
/// constexpr object with nullptr in a constant expression.) A template only
/// so that std::optional<VendorNote> is instantiated where vendor_note is
/// called, not in every file that includes this header; call it as a
/// function, `vendor_note(code)`.
template <class Deferral = void>
[[nodiscard]] constexpr typename detail::Deferred<std::optional<VendorNote>, Deferral>::type
vendor_note(const EnhancedStatusCode& code) noexcept {
    for (const VendorNote& note : vendor_notes) {
        if (note.covers(code)) {
            return note;
        }
    }
    return std::nullopt;
}

namespace detail {

// No code is covered by two notes, each range is a real range of valid
// codes, and every note has a vendor and a text.
constexpr bool vendor_notes_are_well_formed() noexcept {
    for (std::size_t i = 0; i < vendor_notes.size(); ++i) {
        const VendorNote& a = vendor_notes[i];
        if (a.vendor.empty() || a.text.empty() || a.first_detail > a.last_detail ||
            !is_valid({a.status_class, a.subject, a.first_detail}) ||
            !is_valid({a.status_class, a.subject, a.last_detail})) {
            return false;
        }
        for (std::size_t j = i + 1; j < vendor_notes.size(); ++j) {
            const VendorNote& b = vendor_notes[j];
            if (a.status_class == b.status_class && a.subject == b.subject &&
                a.first_detail <= b.last_detail && b.first_detail <= a.last_detail) {
                return false;
            }
        }
    }
    return true;
}

} // namespace detail

} // namespace smtp

#endif // SMTP_VENDOR_NOTES_HPP
