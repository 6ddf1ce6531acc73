// Compile-time proof for <smtp/bounce_reason.hpp>: every function is usable
// in a constant expression and is noexcept, and its tables are consistent:
// one reason per registry entry, in the registry's order; well-formed cited
// wordings; every reason reachable. Compiling this file is the test. The
// checks live here, not in the header, so that translation units including
// the header do not pay for them (BENCHMARKS.md, compile cost).
#include <smtp/bounce_reason.hpp>

#include <climits>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

namespace {

using smtp::BounceBasis;
using smtp::BounceReason;
using smtp::Command;
using smtp::EnhancedStatusCode;

// Types.
static_assert(std::is_same_v<std::underlying_type_t<BounceReason>, int>);
static_assert(static_cast<int>(BounceReason::Undefined) == 0);
static_assert(std::is_same_v<decltype(smtp::name(BounceReason::Blocked)), std::string_view>);
static_assert(
    std::is_same_v<decltype(smtp::bounce_reason_from_name("")), std::optional<BounceReason>>);
static_assert(std::is_same_v<decltype(smtp::bounce_reason(550, std::nullopt, Command::Rcpt, "")),
                             BounceReason>);

// noexcept is the library's guarantee, not the standard library's: the
// arguments are objects already made (copying a string_view or an optional
// never throws), since libc++, unlike libstdc++, does not mark the
// conversions from "" or from an EnhancedStatusCode noexcept.
constexpr std::string_view no_text{};
constexpr std::optional<EnhancedStatusCode> no_code{};
constexpr EnhancedStatusCode c511{5, 1, 1};
static_assert(noexcept(smtp::name(BounceReason::Blocked)));
static_assert(noexcept(smtp::description(BounceReason::Blocked)));
static_assert(noexcept(smtp::bounce_reason_from_name(no_text)));
static_assert(noexcept(smtp::is_failure(BounceReason::Blocked)));
static_assert(noexcept(smtp::is_hard_bounce(BounceReason::Blocked)));
static_assert(noexcept(smtp::is_hard_bounce(BounceReason::Blocked, 550, no_code)));
static_assert(noexcept(smtp::code_verdict(c511)));
static_assert(noexcept(smtp::bounce_reason(c511)));
static_assert(noexcept(smtp::name(smtp::CodeWeight::Hint)));
static_assert(noexcept(smtp::name(smtp::PhraseSource::Gmail)));
static_assert(noexcept(smtp::citation(smtp::PhraseSource::Gmail)));
static_assert(noexcept(smtp::find_bounce_phrase(no_text)));
static_assert(noexcept(smtp::name(BounceBasis::Text)));
static_assert(noexcept(smtp::classify_bounce(550, no_code, Command::Rcpt, no_text)));
static_assert(noexcept(smtp::bounce_reason(550, no_code, Command::Rcpt, no_text)));

// Everything works in a constant expression.
static_assert(smtp::name(BounceReason::UserUnknown) == "userunknown");
static_assert(smtp::name(BounceReason::NotCompliantRfc) == "notcompliantrfc");
static_assert(smtp::name(static_cast<BounceReason>(99)).empty());
static_assert(smtp::bounce_reason_from_name("mailboxfull") == BounceReason::MailboxFull);
static_assert(!smtp::bounce_reason_from_name("MailboxFull"));
static_assert(!smtp::description(BounceReason::Suspend).empty());
static_assert(smtp::is_hard_bounce(BounceReason::HostUnknown));
static_assert(!smtp::is_hard_bounce(BounceReason::MailboxFull, 552));
static_assert(!smtp::is_hard_bounce(BounceReason::NotAccept, 450));
static_assert(smtp::bounce_reason(EnhancedStatusCode{5, 1, 1}) == BounceReason::UserUnknown);
static_assert(smtp::bounce_reason(EnhancedStatusCode{4, 4, 4}) == BounceReason::NetworkError);
static_assert(smtp::bounce_reason(EnhancedStatusCode{5, 7, 508}) == BounceReason::RateLimited);
static_assert(smtp::bounce_reason(EnhancedStatusCode{INT_MIN, 1, 1}) == BounceReason::Undefined);
static_assert(smtp::bounce_phrases[smtp::find_bounce_phrase("Relay access denied")].reason ==
              BounceReason::NoRelaying);
static_assert(smtp::find_bounce_phrase("Ok") == smtp::bounce_phrase_count);
static_assert(smtp::bounce_reason(450, EnhancedStatusCode{4, 1, 1}, Command::Rcpt, "") ==
              BounceReason::UserUnknown);
static_assert(smtp::classify_bounce(550, std::nullopt, Command::Rcpt, "No such user here").hard);
static_assert(smtp::classify_bounce(550, std::nullopt, Command::Mail, "User unknown").reason ==
              BounceReason::Rejected);

// ---------------------------------------------------------------------------
// The tables
// ---------------------------------------------------------------------------

// One row per registry entry, in the same order, so registry_position()
// finds a code's row directly.
constexpr bool code_reasons_follow_the_registry() {
    if (smtp::enhanced_code_reasons.size() != smtp::enhanced_status_code_registry.size()) {
        return false;
    }
    for (std::size_t i = 0; i < smtp::enhanced_code_reasons.size(); ++i) {
        const auto& row = smtp::enhanced_code_reasons[i];
        const auto& entry = smtp::enhanced_status_code_registry[i];
        if (row.subject != entry.subject || row.detail != entry.detail ||
            smtp::name(row.permanent).empty() || smtp::name(row.transient).empty() ||
            smtp::name(row.weight).empty() || !smtp::is_failure(row.permanent) ||
            !smtp::is_failure(row.transient)) {
            return false;
        }
    }
    return true;
}
static_assert(code_reasons_follow_the_registry(),
              "enhanced_code_reasons: one valid row per registry entry, in its order");

// Vendor rows: valid codes, none registered (a registered code has its row
// above), a known reason, and none hidden by an earlier row that covers it.
constexpr bool vendor_rows_are_well_formed() {
    const auto& rows = smtp::vendor_code_reasons;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& row = rows[i];
        const int any_class = row.status_class == 0 ? 5 : row.status_class;
        if ((row.status_class != 0 && row.status_class != 4 && row.status_class != 5) ||
            row.first_detail > row.last_detail ||
            !smtp::is_valid(EnhancedStatusCode{any_class, row.subject, row.first_detail}) ||
            !smtp::is_valid(EnhancedStatusCode{any_class, row.subject, row.last_detail}) ||
            smtp::name(row.reason).empty() || !smtp::is_failure(row.reason) || row.vendor.empty()) {
            return false;
        }
        for (int detail = row.first_detail; detail <= row.last_detail; ++detail) {
            if (smtp::is_registered(EnhancedStatusCode{any_class, row.subject, detail})) {
                return false;
            }
        }
        for (std::size_t j = 0; j < i; ++j) {
            const auto& earlier = rows[j];
            const bool same_class =
                earlier.status_class == 0 || earlier.status_class == row.status_class;
            if (same_class && earlier.subject == row.subject &&
                earlier.first_detail <= row.first_detail &&
                earlier.last_detail >= row.last_detail) {
                return false; // never reached
            }
        }
    }
    return true;
}
static_assert(vendor_rows_are_well_formed(),
              "vendor_code_reasons: a malformed, registered or unreachable row");

constexpr bool is_phrase_char(char c) {
    // Lower-case ASCII letters, digits, single spaces and punctuation.
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= ' ' && c <= '/') ||
           (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

// Every wording: non-empty, lower case, no space at either end and none
// doubled (a space in a phrase stands for any white space), a failure reason
// that words can tell, a source with a citation, and no duplicate.
constexpr bool phrases_are_well_formed() {
    for (std::size_t i = 0; i < smtp::bounce_phrase_count; ++i) {
        const smtp::BouncePhrase& row = smtp::bounce_phrases[i];
        const std::string_view text = row.text;
        if (text.size() < 3 || text.front() == ' ' || text.back() == ' ' ||
            text.find("  ") != std::string_view::npos || smtp::name(row.reason).empty() ||
            !smtp::is_failure(row.reason) || row.reason == BounceReason::Undefined ||
            row.reason == BounceReason::OnHold || smtp::citation(row.source).empty()) {
            return false;
        }
        for (const char c : text) {
            if (!is_phrase_char(c)) {
                return false;
            }
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (smtp::bounce_phrases[j].text == text) {
                return false;
            }
        }
    }
    return true;
}
static_assert(phrases_are_well_formed(), "bounce_phrases: a malformed or repeated wording");

// Every reason is given by something: a reply code class (Delivered), an
// enhanced code or a wording. Feedback and Vacation are told by the bounce
// message itself (RFC 5965 reports, RFC 3834 auto-replies), not by a reply.
// TooManyConn and Speeding stay words of the vocabulary, but the classifier
// says RateLimited for both, as sisimai 5.6 does: no row may give them.
constexpr bool reason_is_reachable(BounceReason reason) {
    if (reason == BounceReason::Delivered || reason == BounceReason::Feedback ||
        reason == BounceReason::Vacation) {
        return true;
    }
    const bool merged = reason == BounceReason::TooManyConn || reason == BounceReason::Speeding;
    for (const auto& row : smtp::enhanced_code_reasons) {
        if (row.permanent == reason || row.transient == reason) {
            return !merged;
        }
    }
    for (const auto& row : smtp::vendor_code_reasons) {
        if (row.reason == reason) {
            return !merged;
        }
    }
    for (const smtp::BouncePhrase& row : smtp::bounce_phrases) {
        if (row.reason == reason) {
            return !merged;
        }
    }
    return merged;
}

constexpr bool every_reason_is_reachable() {
    for (const BounceReason reason : smtp::all_bounce_reasons) {
        if (!reason_is_reachable(reason)) {
            return false;
        }
    }
    return true;
}
static_assert(every_reason_is_reachable(), "a reason no code and no wording gives");

// The vocabulary: unique lower-case words, and no enumerator at or beyond the
// capacity the derived list scans.
constexpr bool words_are_well_formed() {
    for (std::size_t i = 0; i < smtp::all_bounce_reasons.size(); ++i) {
        const std::string_view word = smtp::name(smtp::all_bounce_reasons[i]);
        if (word.empty() || smtp::description(smtp::all_bounce_reasons[i]).empty()) {
            return false;
        }
        for (const char c : word) {
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (smtp::name(smtp::all_bounce_reasons[j]) == word) {
                return false;
            }
        }
    }
    return true;
}
static_assert(words_are_well_formed(), "reason words: empty, not lower case or repeated");
static_assert(smtp::all_bounce_reasons.size() == 36, "the shared vocabulary has 36 words");

// The phrase index lists every row exactly once, in its bucket, ascending.
constexpr bool phrase_index_is_complete() {
    namespace d = smtp::detail;
    bool seen[smtp::bounce_phrase_count] = {};
    for (std::size_t bucket = 0; bucket < d::phrase_buckets; ++bucket) {
        std::size_t previous = 0;
        bool first = true;
        for (std::size_t link = d::phrase_index.head[bucket]; link != 0;
             link = d::phrase_index.next[link - 1]) {
            const std::size_t row = link - 1;
            const std::string_view text = smtp::bounce_phrases[row].text;
            const std::size_t its_bucket = d::phrase_bucket(static_cast<unsigned char>(text[0]),
                                                            static_cast<unsigned char>(text[1]));
            if (seen[row] || its_bucket != bucket || (!first && row <= previous)) {
                return false;
            }
            seen[row] = true;
            previous = row;
            first = false;
        }
    }
    for (const bool s : seen) {
        if (!s) {
            return false;
        }
    }
    return true;
}
static_assert(phrase_index_is_complete(), "the phrase index misses or misplaces a row");

} // namespace
