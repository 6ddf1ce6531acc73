// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/enhanced_status_code_registry.hpp>`: the IANA registry of enhanced
/// status codes (RFC 5248) as constexpr data: titles, associated basic reply
/// codes, defining RFCs, and what the registry says of a basic code and an
/// enhanced code sent together (pairing). Snapshot: 2024-12-06; see the
/// comment above `enhanced_status_code_registry` for how each entry was
/// checked and which facts we could not confirm.
///
/// Everything here is constexpr, noexcept and allocation free.
#ifndef SMTP_ENHANCED_STATUS_CODE_REGISTRY_HPP
#define SMTP_ENHANCED_STATUS_CODE_REGISTRY_HPP

#include <smtp/enhanced_code.hpp>
#include <smtp/detail/sv_literals.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace smtp {

// ---------------------------------------------------------------------------
// The IANA "Simple Mail Transfer Protocol (SMTP) Enhanced Status Codes"
// registry (RFC 5248).
//
// Snapshot: the registry as last updated 2024-12-06 (the date its stored
// copy carries), X.0.0 to X.7.30, 81 entries. How each entry was checked:
//
// - X.0.0 to X.7.28: titles, associated basic codes and references against
//   a stored CSV export of the registry's "Enumerated Status Codes" table
//   (an earlier export, which ends at X.7.28); X.0.0 to X.7.7 also against
//   the text of RFC 3463 (titles), X.6.7 to X.6.10 against RFC 6531 section
//   4.2; the subject titles against RFC 3463 section 2.
// - X.7.29 and X.7.30: title and defining RFC confirmed (RFC 8617 section
//   5.2.2 names 5.7.29 "ARC validation failure"; X.7.30 "REQUIRETLS support
//   required" is RFC 8689's). NOT confirmed: their associated basic code,
//   550 here, which we could not read in the registry or the RFCs' IANA
//   sections; and whatever the 2024-12-06 update changed, which the copies
//   we could read do not show.
//
// Quirks of the registry kept as they are:
// - X.6.10 has no title and no basic codes; the registry says it duplicates
//   X.6.8 and is deprecated. It is registered, and title() is empty for it.
// - X.7.28's reference is an Internet-Draft (draft-levine-mailbomb-header),
//   not an RFC, and its "associated basic status code" column holds a
//   sentence instead of codes: we record no basic codes for it.
// - Titles keep the registry's capitalisation ("Other undefined Status",
//   "Conversion Failed", "Encryption Needed").
// - The registry is class-agnostic ("X.1.1"): 2.1.1, 4.1.1 and 5.1.1 are all
//   registered and share one entry.
//
// Codes servers send that are not in the registry (vendor codes) parse like
// any other code and are simply not registered; some vendors also use a
// registered number for a meaning of their own. vendor_notes
// (<smtp/vendor_notes.hpp>) holds what is known of both, and vendor_note()
// finds the one for a code. Not kept as data, for want of a primary source: Google's
// 5.7.40, and reports that Gmail sends X.7.27 and X.7.30 for failed SPF and
// DKIM checks. Yahoo's pseudo-codes in the text ("[#4.16.1]", "4.16.55.1")
// are no codes of a reply: parse_reply never takes them.
// ---------------------------------------------------------------------------

/// The date of the registry snapshot the data below reflects.
inline constexpr std::string_view enhanced_status_code_registry_updated = "2024-12-06";

/// How far the basic reply codes an entry is associated with reach beyond
/// the codes it lists, as the registry's "Associated basic status code"
/// column says.
enum class BasicCodeScope : int {
    /// Only the listed codes; none listed means the registry gives none
    /// ("Not given").
    Listed = 0,
    /// The listed codes, and any other 4yz or 5yz code (X.7.15, X.7.16:
    /// "other 4XX or 5XX codes are allowed").
    ListedOrAny4yz5yz = 1,
    /// Any 5yz code (X.7.17 to X.7.19: "5XX").
    Any5yz = 2,
    /// Any reply code (X.0.0: "Any").
    Any = 3,
};

/// The enumerator's spelling ("Any5yz"); empty for a value that is no
/// enumerator.
[[nodiscard]] constexpr std::string_view name(BasicCodeScope scope) noexcept {
    switch (scope) {
    case BasicCodeScope::Listed: return "Listed";
    case BasicCodeScope::ListedOrAny4yz5yz: return "ListedOrAny4yz5yz";
    case BasicCodeScope::Any5yz: return "Any5yz";
    case BasicCodeScope::Any: return "Any";
    }
    return {};
}

/// The basic reply codes the registry associates with an entry: a small
/// fixed array, ascending, plus how far beyond the list the entry reaches.
/// Iterate it like a container: `for (int basic : associated_basic_codes(c))`.
struct AssociatedBasicCodes {
    /// The most codes any entry lists (X.5.0 lists 14).
    static constexpr std::size_t capacity = 14;

    /// The codes, ascending, then zeros.
    std::array<int, capacity> codes;
    /// How many of `codes` are listed.
    std::size_t count;
    /// How far beyond the list the entry reaches.
    BasicCodeScope scope;

    /// The first listed code.
    [[nodiscard]] constexpr const int* begin() const noexcept { return codes.data(); }
    /// Past the last listed code.
    [[nodiscard]] constexpr const int* end() const noexcept { return codes.data() + count; }
    /// How many codes are listed.
    [[nodiscard]] constexpr std::size_t size() const noexcept { return count; }
    /// Whether none is listed.
    [[nodiscard]] constexpr bool empty() const noexcept { return count == 0; }
    /// The i-th listed code; 0 when `i` is not below size().
    [[nodiscard]] constexpr int operator[](std::size_t i) const noexcept {
        return i < count ? codes[i] : 0;
    }
    /// Whether the registry lists `basic` for the entry.
    [[nodiscard]] constexpr bool contains(int basic) const noexcept {
        for (std::size_t i = 0; i < count; ++i) {
            if (codes[i] == basic) {
                return true;
            }
        }
        return false;
    }
    /// Whether `basic` is listed or inside the entry's scope (any 5yz for
    /// "5XX", any 4yz or 5yz for "other 4XX or 5XX codes are allowed", any
    /// code in 200..599 for "Any"). Says nothing about class agreement:
    /// 4.1.1 with 550 is "permitted" here because X.1.1 lists 550.
    [[nodiscard]] constexpr bool permits(int basic) const noexcept {
        switch (scope) {
        case BasicCodeScope::Listed: return contains(basic);
        case BasicCodeScope::ListedOrAny4yz5yz:
            return contains(basic) || (basic >= 400 && basic <= 599);
        case BasicCodeScope::Any5yz: return contains(basic) || (basic >= 500 && basic <= 599);
        case BasicCodeScope::Any: return basic >= 200 && basic <= 599;
        }
        return false; // a value cast from an int that is no enumerator
    }
};

/// One entry of the registry: the code X.subject.detail for any class.
struct EnhancedStatusCodeEntry {
    int subject; ///< The subject of X.subject.detail.
    int detail;  ///< The detail of X.subject.detail.
    /// The registry's "Sample Text" (empty for X.6.10, which has none).
    std::string_view title;
    /// The registry's "Associated basic status code" column.
    AssociatedBasicCodes basic_codes;
    /// The defining RFC: the first RFC of the registry's reference column;
    /// 0 when the reference is no RFC (X.7.28, see `draft`).
    int rfc;
    /// A second RFC the registry's reference column names, else 0
    /// (X.1.10: 7504; X.3.2: 7504; X.7.20 to X.7.25: 6376, 7208 or 7601).
    int also_rfc;
    /// The Internet-Draft the registry names when there is no RFC (X.7.28).
    std::string_view draft;
    /// True for X.6.10 only, which the registry marks as deprecated.
    bool deprecated;

    /// This entry's code in the given class: `entry.code(5)` is 5.s.d.
    [[nodiscard]] constexpr EnhancedStatusCode code(int status_class) const noexcept {
        return {status_class, subject, detail};
    }
};

namespace detail {

template <class... Codes>
constexpr AssociatedBasicCodes basic_codes(BasicCodeScope scope, Codes... codes) noexcept {
    static_assert(sizeof...(Codes) <= AssociatedBasicCodes::capacity,
                  "an entry lists more basic codes than AssociatedBasicCodes holds");
    return AssociatedBasicCodes{{{codes...}}, sizeof...(Codes), scope};
}
template <class... Codes>
constexpr AssociatedBasicCodes listed(Codes... codes) noexcept {
    return basic_codes(BasicCodeScope::Listed, codes...);
}

} // namespace detail

/// The whole registry, ascending by subject, then detail. The one place its
/// facts are written; every lookup below is derived from it.
inline constexpr std::array<EnhancedStatusCodeEntry, 81> enhanced_status_code_registry = {{
    // subject, detail, title, associated basic codes, RFC, also RFC, draft, deprecated
    // X.0.YYY Other or Undefined Status (RFC 3463 section 3.1)
    {0, 0, "Other undefined Status"sv, detail::basic_codes(BasicCodeScope::Any), 3463, 0, {}, false},
    // X.1.YYY Addressing Status (RFC 3463 section 3.2)
    {1, 0, "Other address status"sv, detail::listed(), 3463, 0, {}, false},
    {1, 1, "Bad destination mailbox address"sv, detail::listed(451, 550), 3463, 0, {}, false},
    {1, 2, "Bad destination system address"sv, detail::listed(), 3463, 0, {}, false},
    {1, 3, "Bad destination mailbox address syntax"sv, detail::listed(501), 3463, 0, {}, false},
    {1, 4, "Destination mailbox address ambiguous"sv, detail::listed(), 3463, 0, {}, false},
    {1, 5, "Destination address valid"sv, detail::listed(250), 3463, 0, {}, false},
    {1, 6, "Destination mailbox has moved, No forwarding address"sv, detail::listed(), 3463, 0, {}, false},
    {1, 7, "Bad sender's mailbox address syntax"sv, detail::listed(), 3463, 0, {}, false},
    {1, 8, "Bad sender's system address"sv, detail::listed(451, 501), 3463, 0, {}, false},
    {1, 9, "Message relayed to non-compliant mailer"sv, detail::listed(), 3886, 0, {}, false},
    {1, 10, "Recipient address has null MX"sv, detail::listed(556), 7505, 7504, {}, false},
    // X.2.YYY Mailbox Status (RFC 3463 section 3.3)
    {2, 0, "Other or undefined mailbox status"sv, detail::listed(), 3463, 0, {}, false},
    {2, 1, "Mailbox disabled, not accepting messages"sv, detail::listed(), 3463, 0, {}, false},
    {2, 2, "Mailbox full"sv, detail::listed(552), 3463, 0, {}, false},
    {2, 3, "Message length exceeds administrative limit"sv, detail::listed(552), 3463, 0, {}, false},
    {2, 4, "Mailing list expansion problem"sv, detail::listed(450, 452), 3463, 0, {}, false},
    // X.3.YYY Mail System Status (RFC 3463 section 3.4)
    {3, 0, "Other or undefined mail system status"sv,
     detail::listed(221, 250, 421, 451, 550, 554), 3463, 0, {}, false},
    {3, 1, "Mail system full"sv, detail::listed(452), 3463, 0, {}, false},
    {3, 2, "System not accepting network messages"sv, detail::listed(453, 521), 3463, 7504, {}, false},
    {3, 3, "System not capable of selected features"sv, detail::listed(), 3463, 0, {}, false},
    {3, 4, "Message too big for system"sv, detail::listed(552, 554), 3463, 0, {}, false},
    {3, 5, "System incorrectly configured"sv, detail::listed(), 3463, 0, {}, false},
    {3, 6, "Requested priority was changed"sv, detail::listed(250, 251), 6710, 0, {}, false},
    // X.4.YYY Network and Routing Status (RFC 3463 section 3.5)
    {4, 0, "Other or undefined network or routing status"sv, detail::listed(), 3463, 0, {}, false},
    {4, 1, "No answer from host"sv, detail::listed(451), 3463, 0, {}, false},
    {4, 2, "Bad connection"sv, detail::listed(421), 3463, 0, {}, false},
    {4, 3, "Directory server failure"sv, detail::listed(451, 550), 3463, 0, {}, false},
    {4, 4, "Unable to route"sv, detail::listed(), 3463, 0, {}, false},
    {4, 5, "Mail system congestion"sv, detail::listed(451), 3463, 0, {}, false},
    {4, 6, "Routing loop detected"sv, detail::listed(), 3463, 0, {}, false},
    {4, 7, "Delivery time expired"sv, detail::listed(), 3463, 0, {}, false},
    // X.5.YYY Mail Delivery Protocol Status (RFC 3463 section 3.6)
    {5, 0, "Other or undefined protocol status"sv,
     detail::listed(220, 250, 251, 252, 253, 451, 452, 454, 458, 459, 501, 502, 503, 554),
     3463, 0, {}, false},
    {5, 1, "Invalid command"sv, detail::listed(430, 500, 501, 503, 530, 550, 554, 555),
     3463, 0, {}, false},
    {5, 2, "Syntax error"sv, detail::listed(500, 501, 502, 550, 555), 3463, 0, {}, false},
    {5, 3, "Too many recipients"sv, detail::listed(451), 3463, 0, {}, false},
    {5, 4, "Invalid command arguments"sv, detail::listed(451, 501, 502, 503, 504, 550, 555),
     3463, 0, {}, false},
    {5, 5, "Wrong protocol version"sv, detail::listed(), 3463, 0, {}, false},
    {5, 6, "Authentication Exchange line is too long"sv, detail::listed(500), 4954, 0, {}, false},
    // X.6.YYY Message Content or Media Status (RFC 3463 section 3.7)
    {6, 0, "Other or undefined media error"sv, detail::listed(), 3463, 0, {}, false},
    {6, 1, "Media not supported"sv, detail::listed(), 3463, 0, {}, false},
    {6, 2, "Conversion required and prohibited"sv, detail::listed(), 3463, 0, {}, false},
    {6, 3, "Conversion required but not supported"sv, detail::listed(554), 3463, 0, {}, false},
    {6, 4, "Conversion with loss performed"sv, detail::listed(250), 3463, 0, {}, false},
    {6, 5, "Conversion Failed"sv, detail::listed(), 3463, 0, {}, false},
    {6, 6, "Message content not available"sv, detail::listed(554), 4468, 0, {}, false},
    {6, 7, "Non-ASCII addresses not permitted for that sender/recipient"sv,
     detail::listed(550, 553), 6531, 0, {}, false},
    {6, 8, "UTF-8 string reply is required, but not permitted by the SMTP client"sv,
     detail::listed(252, 550, 553), 6531, 0, {}, false},
    {6, 9, "UTF-8 header message cannot be transferred to one or more recipients, "sv
           "so the message must be rejected",
     detail::listed(550), 6531, 0, {}, false},
    {6, 10, {}, detail::listed(), 6531, 0, {}, true},
    // X.7.YYY Security or Policy Status (RFC 3463 section 3.8)
    {7, 0, "Other or undefined security status"sv,
     detail::listed(220, 235, 450, 454, 500, 501, 503, 504, 530, 535, 550), 3463, 0, {}, false},
    {7, 1, "Delivery not authorized, message refused"sv,
     detail::listed(451, 454, 502, 503, 533, 550, 551), 3463, 0, {}, false},
    {7, 2, "Mailing list expansion prohibited"sv, detail::listed(550), 3463, 0, {}, false},
    {7, 3, "Security conversion required but not possible"sv, detail::listed(), 3463, 0, {}, false},
    {7, 4, "Security features not supported"sv, detail::listed(504), 3463, 0, {}, false},
    {7, 5, "Cryptographic failure"sv, detail::listed(), 3463, 0, {}, false},
    {7, 6, "Cryptographic algorithm not supported"sv, detail::listed(), 3463, 0, {}, false},
    {7, 7, "Message integrity failure"sv, detail::listed(), 3463, 0, {}, false},
    {7, 8, "Authentication credentials invalid"sv, detail::listed(535, 554), 4954, 0, {}, false},
    {7, 9, "Authentication mechanism is too weak"sv, detail::listed(534), 4954, 0, {}, false},
    {7, 10, "Encryption Needed"sv, detail::listed(523), 5248, 0, {}, false},
    {7, 11, "Encryption required for requested authentication mechanism"sv,
     detail::listed(524, 538), 4954, 0, {}, false},
    {7, 12, "A password transition is needed"sv, detail::listed(422, 432), 4954, 0, {}, false},
    {7, 13, "User Account Disabled"sv, detail::listed(525), 5248, 0, {}, false},
    {7, 14, "Trust relationship required"sv, detail::listed(535, 554), 5248, 0, {}, false},
    {7, 15, "Priority Level is too low"sv,
     detail::basic_codes(BasicCodeScope::ListedOrAny4yz5yz, 450, 550), 6710, 0, {}, false},
    {7, 16, "Message is too big for the specified priority"sv,
     detail::basic_codes(BasicCodeScope::ListedOrAny4yz5yz, 552), 6710, 0, {}, false},
    {7, 17, "Mailbox owner has changed"sv, detail::basic_codes(BasicCodeScope::Any5yz), 7293, 0, {}, false},
    {7, 18, "Domain owner has changed"sv, detail::basic_codes(BasicCodeScope::Any5yz), 7293, 0, {}, false},
    {7, 19, "RRVS test cannot be completed"sv, detail::basic_codes(BasicCodeScope::Any5yz), 7293, 0, {}, false},
    {7, 20, "No passing DKIM signature found"sv, detail::listed(550), 7372, 6376, {}, false},
    {7, 21, "No acceptable DKIM signature found"sv, detail::listed(550), 7372, 6376, {}, false},
    {7, 22, "No valid author-matched DKIM signature found"sv, detail::listed(550), 7372, 6376, {}, false},
    {7, 23, "SPF validation failed"sv, detail::listed(550), 7372, 7208, {}, false},
    {7, 24, "SPF validation error"sv, detail::listed(451, 550), 7372, 7208, {}, false},
    {7, 25, "Reverse DNS validation failed"sv, detail::listed(550), 7372, 7601, {}, false},
    {7, 26, "Multiple authentication checks failed"sv, detail::listed(550), 7372, 0, {}, false},
    {7, 27, "Sender address has null MX"sv, detail::listed(550), 7505, 0, {}, false},
    {7, 28, "Mail flood detected"sv, detail::listed(), 0, 0, "draft-levine-mailbomb-header"sv, false},
    {7, 29, "ARC validation failure"sv, detail::listed(550), 8617, 0, {}, false},
    {7, 30, "REQUIRETLS support required"sv, detail::listed(550), 8689, 0, {}, false},
}};

namespace detail {

// Compile-time checks that keep the table honest.
constexpr bool registry_is_strictly_ascending() noexcept {
    for (std::size_t i = 1; i < enhanced_status_code_registry.size(); ++i) {
        const EnhancedStatusCodeEntry& a = enhanced_status_code_registry[i - 1];
        const EnhancedStatusCodeEntry& b = enhanced_status_code_registry[i];
        // Strictly ascending by (subject, detail) also rules out duplicates.
        if (!(a.subject < b.subject || (a.subject == b.subject && a.detail < b.detail))) {
            return false;
        }
    }
    return true;
}

constexpr bool registry_entries_are_well_formed() noexcept {
    std::size_t deprecated = 0;
    for (const EnhancedStatusCodeEntry& e : enhanced_status_code_registry) {
        if (e.subject < 0 || e.subject > 7 || e.detail < 0 || e.detail > 999) {
            return false;
        }
        // Every listed code is a reply code, ascending, without repeats.
        for (std::size_t i = 0; i < e.basic_codes.count; ++i) {
            const int basic = e.basic_codes.codes[i];
            if (basic < 200 || basic > 599 || (i != 0 && e.basic_codes.codes[i - 1] >= basic)) {
                return false;
            }
        }
        for (std::size_t i = e.basic_codes.count; i < AssociatedBasicCodes::capacity; ++i) {
            if (e.basic_codes.codes[i] != 0) {
                return false;
            }
        }
        // An entry names an RFC or, failing that, a draft; never both.
        if ((e.rfc == 0) == e.draft.empty() || (e.rfc == 0 && e.also_rfc != 0)) {
            return false;
        }
        // Only the deprecated entry goes without a title.
        if (e.title.empty() != e.deprecated) {
            return false;
        }
        deprecated += e.deprecated ? 1u : 0u;
    }
    return deprecated == 1;
}

// The registry's details are contiguous from 0 within each subject (X.1.0
// to X.1.10, X.2.0 to X.2.4, ...), so an entry's position is the first
// position of its subject plus its detail. subject_start[s] is the position
// of X.s.0 and subject_start[s + 1] the end of subject s; derived from the
// table by one pass from the back, and checked against it by
// registry_is_contiguous() in tests/compile/table_consistency.cpp (with the
// checks above: evaluated once per test build, not in every translation
// unit that includes this header, BENCHMARKS.md).
inline constexpr std::size_t registry_subjects = 8;

struct SubjectStarts {
    std::uint8_t at[registry_subjects + 1];
};

constexpr SubjectStarts make_subject_starts() noexcept {
    SubjectStarts starts{};
    starts.at[registry_subjects] = static_cast<std::uint8_t>(enhanced_status_code_registry.size());
    for (std::size_t i = enhanced_status_code_registry.size(); i-- > 0;) {
        starts.at[enhanced_status_code_registry[i].subject] = static_cast<std::uint8_t>(i);
    }
    return starts;
}

inline constexpr SubjectStarts subject_starts = make_subject_starts();

constexpr bool registry_is_contiguous() noexcept {
    for (std::size_t s = 0; s < registry_subjects; ++s) {
        if (subject_starts.at[s] >= subject_starts.at[s + 1]) {
            return false; // a subject without entries
        }
        for (std::size_t i = subject_starts.at[s]; i < subject_starts.at[s + 1]; ++i) {
            const EnhancedStatusCodeEntry& e = enhanced_status_code_registry[i];
            if (static_cast<std::size_t>(e.subject) != s ||
                static_cast<std::size_t>(e.detail) != i - subject_starts.at[s]) {
                return false;
            }
        }
    }
    return enhanced_status_code_registry.size() == 81;
}

} // namespace detail

namespace detail {

inline constexpr std::size_t no_registry_position = enhanced_status_code_registry.size();

// The position of the code's entry in the registry, or no_registry_position.
// The lookups below work on this position rather than on a pointer: GCC's
// -fsanitize=undefined makes comparing the address of a constexpr object
// with nullptr "not a constant expression".
constexpr std::size_t registry_position(const EnhancedStatusCode& code) noexcept {
    // Negative numbers become large unsigned ones and fail the bounds checks.
    const auto subject = static_cast<std::size_t>(static_cast<unsigned>(code.subject));
    const auto detail_ = static_cast<std::size_t>(static_cast<unsigned>(code.detail));
    if (!is_enhanced_class(code.status_class) || subject >= registry_subjects ||
        detail_ >= std::size_t{subject_starts.at[subject + 1]} - subject_starts.at[subject]) {
        return no_registry_position;
    }
    return subject_starts.at[subject] + detail_;
}

} // namespace detail

/// The registry entry for a code, or nullptr when the code is not
/// registered (class other than 2, 4 or 5, or no such subject and detail).
/// 2.1.1, 4.1.1 and 5.1.1 all give the X.1.1 entry.
[[nodiscard]] constexpr const EnhancedStatusCodeEntry*
registry_entry(const EnhancedStatusCode& code) noexcept {
    const std::size_t at = detail::registry_position(code);
    return at == detail::no_registry_position ? nullptr : &enhanced_status_code_registry[at];
}

/// Whether the code is in the registry, in any of the classes 2, 4 and 5.
/// False for vendor-only numbers (5.7.500, 4.7.32) and for invalid codes.
[[nodiscard]] constexpr bool is_registered(const EnhancedStatusCode& code) noexcept {
    return detail::registry_position(code) != detail::no_registry_position;
}

/// The registry's title for a registered code ("Bad destination mailbox
/// address" for 2.1.1, 4.1.1 and 5.1.1); empty for an unregistered code, and
/// for X.6.10, which the registry lists without a title.
[[nodiscard]] constexpr std::string_view title(const EnhancedStatusCode& code) noexcept {
    const std::size_t at = detail::registry_position(code);
    return at == detail::no_registry_position ? std::string_view{}
                                              : enhanced_status_code_registry[at].title;
}

/// The basic reply codes the registry associates with a registered code;
/// empty (scope Listed) for an unregistered one.
[[nodiscard]] constexpr AssociatedBasicCodes associated_basic_codes(const EnhancedStatusCode& code) noexcept {
    const std::size_t at = detail::registry_position(code);
    return at == detail::no_registry_position
               ? AssociatedBasicCodes{{}, 0, BasicCodeScope::Listed}
               : enhanced_status_code_registry[at].basic_codes;
}

/// Whether the registry marks the code deprecated (X.6.10 only).
[[nodiscard]] constexpr bool is_deprecated(const EnhancedStatusCode& code) noexcept {
    const std::size_t at = detail::registry_position(code);
    return at != detail::no_registry_position && enhanced_status_code_registry[at].deprecated;
}

/// The RFC that defines a registered code (3463 for 5.1.1); 0 for an
/// unregistered code and for X.7.28, which an Internet-Draft defines.
[[nodiscard]] constexpr int defining_rfc(const EnhancedStatusCode& code) noexcept {
    const std::size_t at = detail::registry_position(code);
    return at == detail::no_registry_position ? 0 : enhanced_status_code_registry[at].rfc;
}

/// The registry's title of a subject sub-code, `X.<subject>.YYY` (RFC 3463
/// section 2): "Addressing Status" for 1; empty for subjects beyond 0..7.
[[nodiscard]] constexpr std::string_view subject_title(int subject) noexcept {
    switch (subject) {
    case 0: return "Other or Undefined Status";
    case 1: return "Addressing Status";
    case 2: return "Mailbox Status";
    case 3: return "Mail System Status";
    case 4: return "Network and Routing Status";
    case 5: return "Mail Delivery Protocol Status";
    case 6: return "Message Content or Media Status";
    case 7: return "Security or Policy Status";
    default: return {}; // a switch over an int, not our enum
    }
}
/// The subject title of a code, whatever its class and detail: 5.1.99 gives
/// "Addressing Status". Clients should report it when they do not know the
/// detail (RFC 3463 section 2).
[[nodiscard]] constexpr std::string_view subject_title(const EnhancedStatusCode& code) noexcept {
    return subject_title(code.subject);
}

/// The registry's title of a class sub-code (RFC 3463 section 2): "Success"
/// for 2, "Persistent Transient Failure" for 4, "Permanent Failure" for 5;
/// empty otherwise.
[[nodiscard]] constexpr std::string_view class_title(int status_class) noexcept {
    switch (status_class) {
    case 2: return "Success";
    case 4: return "Persistent Transient Failure";
    case 5: return "Permanent Failure";
    default: return {}; // a switch over an int, not our enum
    }
}
/// The title of the code's class, as class_title(code.status_class).
[[nodiscard]] constexpr std::string_view class_title(const EnhancedStatusCode& code) noexcept {
    return class_title(code.status_class);
}

/// What a vendor is known to mean by an enhanced code the registry does not


// ---------------------------------------------------------------------------
// Whether an enhanced code goes with a basic code
// ---------------------------------------------------------------------------

/// How the IANA registry of enhanced status codes (RFC 5248) judges a basic
/// reply code and an enhanced code sent together. Advice for logs and
/// linters: a server may pair them as it likes, and a reader should still
/// take both.
enum class Pairing : int {
    /// The registry associates the basic code with the enhanced code's
    /// entry (550 with 5.1.1; any code with X.0.0).
    Usual,
    /// The entry lists other basic codes (552 with 5.1.1, where X.1.1 lists
    /// 451 and 550).
    Unusual,
    /// The entry is registered but the registry gives no basic code for it
    /// (X.1.2, for example), so no pairing is unusual.
    NotGiven,
    /// A valid enhanced code of the right class that is not in the registry
    /// (vendor codes such as 5.7.500).
    Unregistered,
    /// The enhanced code's class differs from the basic code's first digit,
    /// which RFC 3463 section 2 and RFC 2034 section 3 forbid (550 with
    /// 4.1.1; any 3yz code, which has no enhanced class).
    ClassMismatch,
    /// The basic code is outside 200..599, or the enhanced code could not be
    /// parsed (class other than 2, 4 or 5, subject or detail outside 0..999).
    Invalid,
};

/// The enumerator's spelling ("Unusual"); empty for a value that is no
/// enumerator.
[[nodiscard]] constexpr std::string_view name(Pairing pairing) noexcept {
    switch (pairing) {
    case Pairing::Usual: return "Usual";
    case Pairing::Unusual: return "Unusual";
    case Pairing::NotGiven: return "NotGiven";
    case Pairing::Unregistered: return "Unregistered";
    case Pairing::ClassMismatch: return "ClassMismatch";
    case Pairing::Invalid: return "Invalid";
    }
    return {};
}

/// Judges basic code `basic` sent with `enhanced` against the registry's
/// "associated basic status code" column (see Pairing). The registry is
/// class-agnostic, so 4.1.1 and 5.1.1 share X.1.1's list; the class must
/// match the basic code's first digit first.
[[nodiscard]] constexpr Pairing pairing(int basic, const EnhancedStatusCode& enhanced) noexcept {
    if (basic < 200 || basic > 599 || !is_valid(enhanced)) {
        return Pairing::Invalid;
    }
    if (enhanced.status_class != basic / 100) {
        return Pairing::ClassMismatch;
    }
    if (!is_registered(enhanced)) {
        return Pairing::Unregistered;
    }
    const AssociatedBasicCodes associated = associated_basic_codes(enhanced);
    if (associated.empty() && associated.scope == BasicCodeScope::Listed) {
        return Pairing::NotGiven;
    }
    return associated.permits(basic) ? Pairing::Usual : Pairing::Unusual;
}

/// Whether the registry calls the pairing usual: pairing(basic, enhanced)
/// is Pairing::Usual.
[[nodiscard]] constexpr bool is_usual_pairing(int basic, const EnhancedStatusCode& enhanced) noexcept {
    return pairing(basic, enhanced) == Pairing::Usual;
}

} // namespace smtp

#endif // SMTP_ENHANCED_STATUS_CODE_REGISTRY_HPP
