// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/delivery_status.hpp>`: reading bounces. The content of a
/// message/delivery-status MIME part (RFC 3464 section 2: per-message fields,
/// then one group of fields per recipient), and the SMTP reply inside a
/// diagnostic text ("smtp; 550 5.1.1 <a@b>: Recipient address rejected").
///
/// The MIME structure of the bounce is not read here: the caller hands over
/// the decoded body of the message/delivery-status part. Everything is a view
/// into that text: constexpr, noexcept, allocation free, linear in the size
/// of the input, and it never reads outside the input. Where MTAs break RFC
/// 3464 the reader takes what is clear and says what was wrong (DsnProblem).
#ifndef SMTP_DELIVERY_STATUS_HPP
#define SMTP_DELIVERY_STATUS_HPP

#include <smtp/detail/deferred.hpp>
#include <smtp/dsn_error.hpp>
#include <smtp/enhanced_code.hpp>
#include <smtp/reply.hpp>
#include <smtp/status_code.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace smtp {

namespace detail {
struct DsnAccess;
struct RecipientAccess;
struct DiagnosticAccess;

// The iterator of every range in this header: a forward iterator that
// yields, by value, what its cursor stands on. A Cursor has a `value_type`,
// `value()`, `advance()` and `position()`; iterators are equal when their
// cursors' positions are.
template <class Cursor>
class CursorIterator {
public:
    /// What the range holds.
    using value_type = typename Cursor::value_type;
    /// Distance between iterators.
    using difference_type = std::ptrdiff_t;
    /// Elements are yielded by value: views, or small values.
    using reference = value_type;

    /// An iterator of an empty range.
    constexpr CursorIterator() noexcept = default;
    /// An iterator that stands where `cursor` does.
    constexpr explicit CursorIterator(const Cursor& cursor) noexcept : cursor_(cursor) {}

    /// The element.
    [[nodiscard]] constexpr value_type operator*() const noexcept { return cursor_.value(); }
    /// The next element.
    constexpr CursorIterator& operator++() noexcept {
        cursor_.advance();
        return *this;
    }
    /// The next element; returns the iterator as it was.
    constexpr CursorIterator operator++(int) noexcept {
        CursorIterator before = *this;
        cursor_.advance();
        return before;
    }
    /// Whether both iterators stand at the same element.
    friend constexpr bool operator==(const CursorIterator& a, const CursorIterator& b) noexcept {
        return a.cursor_.position() == b.cursor_.position();
    }
    /// Whether the iterators stand at different elements.
    friend constexpr bool operator!=(const CursorIterator& a, const CursorIterator& b) noexcept {
        return !(a == b);
    }

private:
    Cursor cursor_{};
};

// The flags of a FlagSet, lowest value first.
template <class Flag>
struct FlagCursor {
    using value_type = Flag;
    std::uint32_t bits = 0;

    constexpr Flag value() const noexcept {
        int index = 0;
        while (index < 31 && ((bits >> index) & 1u) == 0u) {
            ++index;
        }
        return static_cast<Flag>(index);
    }
    constexpr void advance() noexcept { bits &= bits - 1u; }
    constexpr std::uint32_t position() const noexcept { return bits; }
};

} // namespace detail

// ---------------------------------------------------------------------------
// Sets of flags

/// A set of enumerators of `Flag`, an enum whose enumerators are 0, 1, 2, ...
/// (below 32): the problems a reader noticed. Iterating gives the flags in the
/// set, lowest value first.
template <class Flag>
class FlagSet {
public:
    /// Walks the flags in a set, lowest value first; yields `Flag` by value.
    using iterator = detail::CursorIterator<detail::FlagCursor<Flag>>;
    /// The same as iterator: a set is not changed through its iterators.
    using const_iterator = iterator;

    /// The empty set.
    constexpr FlagSet() noexcept = default;

    /// Whether `flag` is in the set.
    [[nodiscard]] constexpr bool contains(Flag flag) const noexcept {
        return (bits_ & bit(flag)) != 0u;
    }
    /// Whether the set is empty: nothing was wrong.
    [[nodiscard]] constexpr bool empty() const noexcept { return bits_ == 0u; }
    /// How many flags are in the set.
    [[nodiscard]] constexpr std::size_t size() const noexcept {
        std::size_t count = 0;
        for (std::uint32_t rest = bits_; rest != 0u; rest &= rest - 1u) {
            ++count;
        }
        return count;
    }
    /// Adds `flag` to the set.
    constexpr void insert(Flag flag) noexcept { bits_ |= bit(flag); }
    /// Adds every flag of `other` to the set.
    constexpr FlagSet& operator|=(const FlagSet& other) noexcept {
        bits_ |= other.bits_;
        return *this;
    }
    /// Bit `i` set for the enumerator of value `i`.
    [[nodiscard]] constexpr std::uint32_t bits() const noexcept { return bits_; }
    /// The lowest flag in the set.
    [[nodiscard]] constexpr iterator begin() const noexcept {
        return iterator(detail::FlagCursor<Flag>{bits_});
    }
    /// Past the highest flag in the set.
    [[nodiscard]] constexpr iterator end() const noexcept {
        return iterator(detail::FlagCursor<Flag>{0u});
    }

    /// Whether both sets hold the same flags.
    friend constexpr bool operator==(const FlagSet& a, const FlagSet& b) noexcept {
        return a.bits_ == b.bits_;
    }
    /// Whether the sets differ.
    friend constexpr bool operator!=(const FlagSet& a, const FlagSet& b) noexcept {
        return !(a == b);
    }

private:
    static constexpr std::uint32_t bit(Flag flag) noexcept {
        const int index = static_cast<int>(flag);
        return index >= 0 && index < 32 ? std::uint32_t{1} << index : 0u;
    }
    std::uint32_t bits_ = 0;
};

// ---------------------------------------------------------------------------
// Vocabulary

/// The fields RFC 3464 defines (sections 2.2 and 2.3), extension fields
/// ("X-", section 2.4) and the rest.
enum class DsnFieldKind : int {
    // Per-message fields (section 2.2).
    /// Original-Envelope-Id (2.2.1): the ENVID the sender gave (RFC 3461).
    OriginalEnvelopeId,
    /// Reporting-MTA (2.2.2): the MTA that wrote the DSN. Required.
    ReportingMta,
    /// DSN-Gateway (2.2.3): the gateway that translated a foreign report.
    DsnGateway,
    /// Received-From-MTA (2.2.4): the MTA the message came from.
    ReceivedFromMta,
    /// Arrival-Date (2.2.5): when the reporting MTA received the message.
    ArrivalDate,
    // Per-recipient fields (section 2.3).
    /// Original-Recipient (2.3.1): the recipient as the sender gave it (ORCPT).
    OriginalRecipient,
    /// Final-Recipient (2.3.2): the recipient this group reports on. Required.
    FinalRecipient,
    /// Action (2.3.3): what the reporting MTA did. Required.
    Action,
    /// Status (2.3.4): an RFC 3463 enhanced status code. Required.
    Status,
    /// Remote-MTA (2.3.5): the MTA that gave the diagnostic.
    RemoteMta,
    /// Diagnostic-Code (2.3.6): the diagnostic as the transport gave it.
    DiagnosticCode,
    /// Last-Attempt-Date (2.3.7).
    LastAttemptDate,
    /// Final-Log-ID (2.3.8): the final MTA's log id of the message.
    FinalLogId,
    /// Will-Retry-Until (2.3.9): when a delayed message will be given up.
    WillRetryUntil,
    /// A field whose name starts with "X-" (section 2.4), such as
    /// X-Postfix-Queue-ID.
    Extension,
    /// Any other name: not RFC 3464's, and not an extension.
    Unknown,
};

/// The enumerator's spelling ("FinalRecipient"); empty for a value that is
/// no enumerator.
[[nodiscard]] constexpr std::string_view name(DsnFieldKind kind) noexcept {
    switch (kind) {
    case DsnFieldKind::OriginalEnvelopeId: return "OriginalEnvelopeId";
    case DsnFieldKind::ReportingMta: return "ReportingMta";
    case DsnFieldKind::DsnGateway: return "DsnGateway";
    case DsnFieldKind::ReceivedFromMta: return "ReceivedFromMta";
    case DsnFieldKind::ArrivalDate: return "ArrivalDate";
    case DsnFieldKind::OriginalRecipient: return "OriginalRecipient";
    case DsnFieldKind::FinalRecipient: return "FinalRecipient";
    case DsnFieldKind::Action: return "Action";
    case DsnFieldKind::Status: return "Status";
    case DsnFieldKind::RemoteMta: return "RemoteMta";
    case DsnFieldKind::DiagnosticCode: return "DiagnosticCode";
    case DsnFieldKind::LastAttemptDate: return "LastAttemptDate";
    case DsnFieldKind::FinalLogId: return "FinalLogId";
    case DsnFieldKind::WillRetryUntil: return "WillRetryUntil";
    case DsnFieldKind::Extension: return "Extension";
    case DsnFieldKind::Unknown: return "Unknown";
    }
    return {};
}

/// The field's name as RFC 3464 spells it ("Final-Recipient"); empty for
/// Extension, Unknown and a value that is no enumerator.
[[nodiscard]] constexpr std::string_view field_name(DsnFieldKind kind) noexcept {
    switch (kind) {
    case DsnFieldKind::OriginalEnvelopeId: return "Original-Envelope-Id";
    case DsnFieldKind::ReportingMta: return "Reporting-MTA";
    case DsnFieldKind::DsnGateway: return "DSN-Gateway";
    case DsnFieldKind::ReceivedFromMta: return "Received-From-MTA";
    case DsnFieldKind::ArrivalDate: return "Arrival-Date";
    case DsnFieldKind::OriginalRecipient: return "Original-Recipient";
    case DsnFieldKind::FinalRecipient: return "Final-Recipient";
    case DsnFieldKind::Action: return "Action";
    case DsnFieldKind::Status: return "Status";
    case DsnFieldKind::RemoteMta: return "Remote-MTA";
    case DsnFieldKind::DiagnosticCode: return "Diagnostic-Code";
    case DsnFieldKind::LastAttemptDate: return "Last-Attempt-Date";
    case DsnFieldKind::FinalLogId: return "Final-Log-ID";
    case DsnFieldKind::WillRetryUntil: return "Will-Retry-Until";
    case DsnFieldKind::Extension:
    case DsnFieldKind::Unknown: return {};
    }
    return {};
}

/// The value of the Action field (RFC 3464 section 2.3.3), read without
/// regard to case ("Failed" and "FAILED" are Failed, as the RFC allows).
enum class DsnAction : int {
    /// The message could not be delivered; the MTA has given up.
    Failed,
    /// Not delivered yet; the MTA keeps trying.
    Delayed,
    /// Delivered to the recipient (not necessarily read).
    Delivered,
    /// Passed on into an environment that sends no DSNs on success.
    Relayed,
    /// Delivered to an alias and forwarded to several addresses.
    Expanded,
    /// No Action field, or a value that is none of the five.
    Unknown,
};

/// The enumerator's spelling ("Failed"); empty for a value that is no
/// enumerator.
[[nodiscard]] constexpr std::string_view name(DsnAction action) noexcept {
    switch (action) {
    case DsnAction::Failed: return "Failed";
    case DsnAction::Delayed: return "Delayed";
    case DsnAction::Delivered: return "Delivered";
    case DsnAction::Relayed: return "Relayed";
    case DsnAction::Expanded: return "Expanded";
    case DsnAction::Unknown: return "Unknown";
    }
    return {};
}


/// What was wrong with the per-message fields or with one recipient's group,
/// measured against RFC 3464. The reader goes on after each: these are
/// warnings. Field names, type names and Action values in any case, bare LF
/// line ends, trailing white space and a comment after the Status code are
/// all allowed by the RFCs and are not problems.
enum class DsnProblem : int {
    /// A line that is not a field ("Name: value"), not a continuation of one
    /// and not blank: skipped. Also a block of such lines between groups.
    MalformedLine,
    /// White space between a field's name and its colon ("Status : 5.0.0"):
    /// RFC 822 allowed it, RFC 5322 section 3.6.8 does not. Read as usual.
    SpaceBeforeColon,
    /// The group starts right after the previous block's last field, without
    /// the blank line RFC 3464 section 2.1 puts before each group. Seen when
    /// a field the current block already has (a second Final-Recipient, say)
    /// or a per-recipient field in the per-message block appears.
    MissingSeparator,
    /// A per-message field given twice; the first one counts.
    DuplicateField,
    /// A per-message field inside a recipient's group; not read there.
    MisplacedField,
    /// A field name RFC 3464 does not define and that does not start with
    /// "X-" (section 2.4 reserves "X-" for extensions); kept, see fields().
    UnknownField,
    /// A field that needs a type has none ("Final-Recipient: a@b",
    /// "Diagnostic-Code: 550 ..."): the whole value is read as the value.
    MissingType,
    /// A standard field with nothing in it (after its type, for typed fields).
    EmptyValue,
    /// A comment "(" or a quoted string '"' in a structured field that does
    /// not end before the field does: it runs to the field's end.
    UnclosedComment,
    /// An address written in angle brackets ("rfc822; <a@b>"), which RFC 3464
    /// section 2.3.2 does not use: the brackets are left out of the value.
    AddressInBrackets,
    /// No Reporting-MTA in the per-message fields (section 2.2.2: required).
    MissingReportingMta,
    /// No Final-Recipient in the group (section 2.3.2: MUST).
    MissingFinalRecipient,
    /// No Action in the group (section 2.3.3: MUST). action() is Unknown.
    MissingAction,
    /// An Action value that is none of the five (section 2.3.3); action() is
    /// Unknown.
    UnknownAction,
    /// No Status in the group (section 2.3.4: MUST).
    MissingStatus,
    /// The Status value does not start with an RFC 3463 code: "550", "failed",
    /// "6.0.0". If it holds a reply with an enhanced code ("550 5.1.1"),
    /// status() gives that code; otherwise std::nullopt.
    StatusNotEnhanced,
    /// Text after the Status code that is not in a comment ("5.1.1 user
    /// unknown"): the RFC allows only a comment ("5.1.1 (user unknown)").
    StatusHasText,
};

/// The enumerator's spelling ("MissingType"); empty for a value that is no
/// enumerator.
[[nodiscard]] constexpr std::string_view name(DsnProblem problem) noexcept {
    switch (problem) {
    case DsnProblem::MalformedLine: return "MalformedLine";
    case DsnProblem::SpaceBeforeColon: return "SpaceBeforeColon";
    case DsnProblem::MissingSeparator: return "MissingSeparator";
    case DsnProblem::DuplicateField: return "DuplicateField";
    case DsnProblem::MisplacedField: return "MisplacedField";
    case DsnProblem::UnknownField: return "UnknownField";
    case DsnProblem::MissingType: return "MissingType";
    case DsnProblem::EmptyValue: return "EmptyValue";
    case DsnProblem::UnclosedComment: return "UnclosedComment";
    case DsnProblem::AddressInBrackets: return "AddressInBrackets";
    case DsnProblem::MissingReportingMta: return "MissingReportingMta";
    case DsnProblem::MissingFinalRecipient: return "MissingFinalRecipient";
    case DsnProblem::MissingAction: return "MissingAction";
    case DsnProblem::UnknownAction: return "UnknownAction";
    case DsnProblem::MissingStatus: return "MissingStatus";
    case DsnProblem::StatusNotEnhanced: return "StatusNotEnhanced";
    case DsnProblem::StatusHasText: return "StatusHasText";
    }
    return {};
}

/// A short English sentence on the problem, for a person reading a report;
/// empty for a value that is no enumerator.
[[nodiscard]] constexpr std::string_view description(DsnProblem problem) noexcept {
    switch (problem) {
    case DsnProblem::MalformedLine: return "a line that is not a header field was skipped";
    case DsnProblem::SpaceBeforeColon: return "white space between a field name and its colon";
    case DsnProblem::MissingSeparator: return "no blank line before this group of fields";
    case DsnProblem::DuplicateField: return "a per-message field appears twice; the first counts";
    case DsnProblem::MisplacedField: return "a per-message field inside a recipient's group";
    case DsnProblem::UnknownField: return "a field name that RFC 3464 does not define and that lacks \"X-\"";
    case DsnProblem::MissingType: return "a field lacks its type (\"rfc822;\", \"dns;\", \"smtp;\")";
    case DsnProblem::EmptyValue: return "a field has no value";
    case DsnProblem::UnclosedComment: return "a comment or quoted string is not closed";
    case DsnProblem::AddressInBrackets: return "an address is written in angle brackets";
    case DsnProblem::MissingReportingMta: return "no Reporting-MTA field";
    case DsnProblem::MissingFinalRecipient: return "no Final-Recipient field";
    case DsnProblem::MissingAction: return "no Action field";
    case DsnProblem::UnknownAction: return "an Action that is not failed, delayed, delivered, relayed or expanded";
    case DsnProblem::MissingStatus: return "no Status field";
    case DsnProblem::StatusNotEnhanced: return "the Status is not an enhanced status code";
    case DsnProblem::StatusHasText: return "text after the Status code outside a comment";
    }
    return {};
}

/// The problems of one block of fields.
using DsnProblems = FlagSet<DsnProblem>;

// ---------------------------------------------------------------------------
// Field values

namespace detail {
// The lines of a folded value, without their line ends.
struct LineCursor {
    using value_type = std::string_view;
    const char* at = nullptr;
    const char* next = nullptr;
    const char* end = nullptr;
    std::string_view line{};

    constexpr LineCursor() noexcept = default;
    constexpr LineCursor(const char* first, const char* last) noexcept : end(last) { load(first); }
    constexpr std::string_view value() const noexcept { return line; }
    constexpr void advance() noexcept { load(next); }
    constexpr const char* position() const noexcept { return at; }
    constexpr void load(const char* p) noexcept {
        at = p;
        if (p == end) {
            line = {};
            next = end;
            return;
        }
        const char* lf = find_lf(p, end);
        const char* line_end = lf != end && lf != p && lf[-1] == '\r' ? lf - 1 : lf;
        line = std::string_view(p, static_cast<std::size_t>(line_end - p));
        next = lf == end ? end : lf + 1;
    }
};
} // namespace detail

/// A field's value as it stands in the input: possibly folded over several
/// lines (RFC 5322 section 2.2.3: a line break followed by a space or tab
/// continues the field). raw() keeps the bytes, line breaks included; lines()
/// and copy_unfolded() give the unfolded text, which is the raw text without
/// its line breaks (the white space after each stays, as RFC 5322 unfolds).
class FoldedText {
public:
    /// The pieces of the value between its line breaks, as std::string_view,
    /// without the line ends (CRLF or LF): their concatenation is the
    /// unfolded value. Iterating allocates nothing.
    class Lines {
    public:
        /// Walks the pieces; yields std::string_view by value.
        using iterator = detail::CursorIterator<detail::LineCursor>;
        /// The same as iterator.
        using const_iterator = iterator;

        /// The first piece.
        [[nodiscard]] constexpr iterator begin() const noexcept {
            return iterator(detail::LineCursor(raw_.data(), raw_.data() + raw_.size()));
        }
        /// Past the last piece.
        [[nodiscard]] constexpr iterator end() const noexcept {
            const char* last = raw_.data() + raw_.size();
            return iterator(detail::LineCursor(last, last));
        }
        /// Whether there are no pieces (the value is empty).
        [[nodiscard]] constexpr bool empty() const noexcept { return raw_.empty(); }

    private:
        friend class FoldedText;
        constexpr explicit Lines(std::string_view raw) noexcept : raw_(raw) {}
        std::string_view raw_{};
    };

    /// An empty value.
    constexpr FoldedText() noexcept = default;
    /// A view of `raw`, which may hold line breaks (CRLF or LF).
    constexpr explicit FoldedText(std::string_view raw) noexcept : raw_(raw) {}

    /// The bytes as they stand in the input, line breaks included.
    [[nodiscard]] constexpr std::string_view raw() const noexcept { return raw_; }
    /// Whether the value is empty.
    [[nodiscard]] constexpr bool empty() const noexcept { return raw_.empty(); }
    /// Whether the value spans more than one line.
    [[nodiscard]] constexpr bool is_folded() const noexcept {
        return raw_.find('\n') != std::string_view::npos;
    }
    /// The pieces between the line breaks; concatenated, the unfolded value.
    [[nodiscard]] constexpr Lines lines() const noexcept { return Lines(raw_); }
    /// The size of the unfolded value: raw().size() less its line ends.
    [[nodiscard]] constexpr std::size_t unfolded_size() const noexcept {
        std::size_t size = 0;
        for (const std::string_view line : lines()) {
            size += line.size();
        }
        return size;
    }
    /// Writes the unfolded value into [first, last), as much as fits, and
    /// returns its whole size (unfolded_size()): the value was cut short when
    /// that is more than last - first. Nothing is written when first or last
    /// is null or last < first. No terminating NUL is written.
    constexpr std::size_t copy_unfolded(char* first, char* last) const noexcept {
        const bool writable = first != nullptr && last != nullptr && first <= last;
        std::size_t size = 0;
        for (const std::string_view line : lines()) {
            for (const char c : line) {
                if (writable && first != last) {
                    *first++ = c;
                }
                ++size;
            }
        }
        return size;
    }

private:
    std::string_view raw_{};
};

/// The value of a typed field, `type ";" value` (RFC 3464 section 2.1.2:
/// "rfc822; a@b", "dns; mx.example", "smtp; 550 5.1.1 ..."). When the type
/// is missing (DsnProblem::MissingType) the whole field is the value.
class DsnTypedValue {
public:
    /// An empty value without a type.
    constexpr DsnTypedValue() noexcept = default;

    /// Whether the field had a type before a ';'.
    [[nodiscard]] constexpr bool has_type() const noexcept { return has_type_; }
    /// The type as written ("rfc822", "RFC822", "X-Postfix"); empty without
    /// one. Types are compared without regard to case: use is_type().
    [[nodiscard]] constexpr std::string_view type() const noexcept { return type_; }
    /// Whether the type is `name`, ignoring ASCII case: `is_type("smtp")`.
    [[nodiscard]] constexpr bool is_type(std::string_view name) const noexcept;
    /// Whether it is a local program's exit status rather than an SMTP
    /// reply: Sendmail writes a failed delivery to a program as
    /// "Diagnostic-Code: X-Unix; 67", a sysexits.h status that has a reply
    /// code's form but is none.
    [[nodiscard]] constexpr bool is_exit_status() const noexcept;
    /// The value after the ';', without the white space around it; for
    /// addresses and MTA names also without the comments around it and
    /// without angle brackets around an address. A long value may be folded.
    [[nodiscard]] constexpr FoldedText value() const noexcept { return value_; }

private:
    friend struct detail::DsnAccess;
    std::string_view type_{};
    FoldedText value_{};
    bool has_type_ = false;
};

/// One field of a block: its name as written, what it is, and its value
/// (the bytes after the colon, without the white space around them).
struct DsnField {
    /// The name as written ("final-recipient" stays lower case).
    std::string_view name;
    /// Which field it is, found without regard to case.
    DsnFieldKind kind;
    /// The value, possibly folded.
    FoldedText value;
};

// ---------------------------------------------------------------------------
// The SMTP reply in a diagnostic text

/// What read_diagnostic noticed about the reply it found.
enum class DiagnosticFlag : int {
    /// The lines of a multiline reply were joined into one line: the
    /// "550-" markers of later lines stand inside the text ("550-5.1.1 The
    /// email account ... 550-5.1.1 double-checking ... 550 5.1.1 https://...").
    /// pieces() gives the text without them.
    JoinedLines,
    /// A multiline reply without its last line: "550-" but never "550 ".
    MissingLastLine,
    /// The enhanced code after the reply code has another class ("550 4.1.1
    /// ..."): not taken, as RFC 2034 section 4 ties the two classes.
    EnhancedClassMismatch,
    /// The enhanced code was written with a '#' before it ("550 #5.1.0
    /// Address rejected"); taken.
    EnhancedWithHash,
};

/// The enumerator's spelling ("JoinedLines"); empty for a value that is no
/// enumerator.
[[nodiscard]] constexpr std::string_view name(DiagnosticFlag flag) noexcept {
    switch (flag) {
    case DiagnosticFlag::JoinedLines: return "JoinedLines";
    case DiagnosticFlag::MissingLastLine: return "MissingLastLine";
    case DiagnosticFlag::EnhancedClassMismatch: return "EnhancedClassMismatch";
    case DiagnosticFlag::EnhancedWithHash: return "EnhancedWithHash";
    }
    return {};
}

/// A short English sentence on the flag; empty for a value that is no
/// enumerator.
[[nodiscard]] constexpr std::string_view description(DiagnosticFlag flag) noexcept {
    switch (flag) {
    case DiagnosticFlag::JoinedLines: return "the lines of a multiline reply were joined into one";
    case DiagnosticFlag::MissingLastLine: return "a multiline reply lacks its last line";
    case DiagnosticFlag::EnhancedClassMismatch: return "the enhanced code's class differs from the reply code's";
    case DiagnosticFlag::EnhancedWithHash: return "the enhanced code is written with a '#' before it";
    }
    return {};
}

/// The flags of one diagnostic text.
using DiagnosticFlags = FlagSet<DiagnosticFlag>;

namespace detail {

constexpr bool is_wsp(char c) noexcept { return c == ' ' || c == '\t'; }
// White space, line breaks included: what separates words in a folded field.
constexpr bool is_fws(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
constexpr bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr std::string_view view(const char* first, const char* last) noexcept {
    return std::string_view(first, static_cast<std::size_t>(last - first));
}
constexpr const char* skip_fws(const char* p, const char* end) noexcept {
    while (p != end && is_fws(*p)) {
        ++p;
    }
    return p;
}
constexpr std::string_view trim_fws(const char* first, const char* last) noexcept {
    first = skip_fws(first, last);
    while (last != first && is_fws(last[-1])) {
        --last;
    }
    return view(first, last);
}
// A field of a block is present when its view points into the input, even
// if it is empty; an absent one is a default view.
constexpr bool present(std::string_view value) noexcept { return value.data() != nullptr; }

// A reply code at p: three ASCII digits, the first 2 to 5 (RFC 5321 section
// 4.2), followed by the end, white space or '-'. p starts a word.
constexpr bool is_reply_code_at(const char* p, const char* end) noexcept {
    if (end - p < 3 || !is_code_digit(0, p[0], false) || !is_digit(p[1]) || !is_digit(p[2])) {
        return false;
    }
    return end - p == 3 || is_fws(p[3]) || p[3] == '-';
}

// The enhanced code of a token that starts at p: "5.1.1" or "#5.1.1", the
// token ending at white space or the end (RFC 2034 section 4). `class_digit`
// '\0' takes any class. `next` is the first byte after the token.
struct EnhancedToken {
    std::uint32_t packed; // 0: no code of that class
    bool valid;           // a code of any class
    bool hash;
    const char* next;
};
constexpr EnhancedToken enhanced_token_at(const char* p, const char* end, char class_digit) noexcept {
    const char* start = p;
    bool hash = false;
    if (p != end && *p == '#') {
        ++p;
        hash = true;
    }
    const char* token_end = p;
    while (token_end != end && !is_fws(*token_end) && token_end - p <= 9) {
        ++token_end;
    }
    if (token_end - p > 9) {
        return {0, false, false, start};
    }
    const std::optional<EnhancedStatusCode> code = parse_enhanced_status_code(view(p, token_end));
    if (!code) {
        return {0, false, false, start};
    }
    if (class_digit != '\0') {
        // The reply parser's rule: the code starts the text and has the
        // reply's class.
        const std::uint32_t packed = enhanced_at_start(p, token_end, class_digit);
        return {packed, true, hash && packed != 0, packed != 0 ? token_end : start};
    }
    return {pack_enhanced(*code), true, hash, token_end};
}

// After a reply code at p (is_reply_code_at): the separator, the enhanced
// code that follows it if it has the code's class, and where the text
// starts.
struct AfterCode {
    const char* text;
    std::uint32_t enhanced;
    bool multiline; // the separator is '-'
    bool hash;
    bool mismatch; // an enhanced code of another class follows
};
constexpr AfterCode after_code(const char* p, const char* end) noexcept {
    const char* q = p + 3;
    const bool multiline = q != end && *q == '-';
    if (q != end) {
        ++q;
    }
    q = skip_fws(q, end);
    const EnhancedToken token = enhanced_token_at(q, end, p[0]);
    if (token.packed != 0) {
        return {skip_fws(token.next, end), token.packed, multiline, token.hash, false};
    }
    return {q, 0, multiline, false, token.valid};
}

// A later line's marker of a multiline reply with `code` at p, which follows
// white space: the code's digits, then '-', white space or the end.
constexpr bool is_marker_at(const char* p, const char* end, int code) noexcept {
    return is_reply_code_at(p, end) && (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0') == code;
}

// The pieces of a diagnostic's text: split at line breaks and at the
// markers of a multiline reply with `code` that stand before `markers_end`.
struct PieceCursor {
    using value_type = std::string_view;
    const char* at = nullptr;
    const char* next = nullptr;
    const char* end = nullptr;
    const char* markers_end = nullptr;
    int code = 0;
    std::string_view piece{};

    constexpr PieceCursor() noexcept = default;
    constexpr PieceCursor(const char* first, const char* last, const char* markers,
                          int reply_code) noexcept
        : end(last), markers_end(markers), code(reply_code) {
        load(first);
    }
    constexpr std::string_view value() const noexcept { return piece; }
    constexpr void advance() noexcept { load(next); }
    constexpr const char* position() const noexcept { return at; }
    constexpr bool marker_at(const char* p) const noexcept {
        return p < markers_end && is_fws(p[-1]) && is_marker_at(p, end, code);
    }
    constexpr void load(const char* p) noexcept {
        // Skip white space and markers to the piece's start.
        for (;;) {
            p = skip_fws(p, end);
            if (p == end) {
                at = next = end;
                piece = {};
                return;
            }
            if (!marker_at(p)) {
                break;
            }
            p = after_code(p, end).text;
        }
        const char* const start = p;
        while (p != end && *p != '\n' && !marker_at(p)) {
            ++p;
        }
        at = start;
        next = p;
        piece = trim_fws(start, p);
    }
};

} // namespace detail

/// The pieces of a diagnostic's text, as std::string_view: the text split at
/// its line breaks and at the markers of a multiline reply ("550-",
/// "550 5.1.1"), each piece without the white space around it, empty pieces
/// left out. Joined with single spaces they give the message.
class DiagnosticPieces {
public:
    /// Walks the pieces; yields std::string_view by value.
    using iterator = detail::CursorIterator<detail::PieceCursor>;
    /// The same as iterator.
    using const_iterator = iterator;

    /// The first piece.
    [[nodiscard]] constexpr iterator begin() const noexcept {
        return iterator(
            detail::PieceCursor(text_.data(), text_.data() + text_.size(), markers_end_, code_));
    }
    /// Past the last piece.
    [[nodiscard]] constexpr iterator end() const noexcept {
        const char* last = text_.data() + text_.size();
        return iterator(detail::PieceCursor(last, last, markers_end_, code_));
    }
    /// Whether there are no pieces.
    [[nodiscard]] constexpr bool empty() const noexcept { return begin() == end(); }

private:
    friend class DiagnosticReply;
    constexpr DiagnosticPieces(std::string_view text, const char* markers_end, int code) noexcept
        : text_(text), markers_end_(markers_end), code_(code) {}
    std::string_view text_{};
    const char* markers_end_ = nullptr;
    int code_ = 0;
};

/// The SMTP reply that read_diagnostic found in a text, as views into it.
/// A default-constructed one found nothing.
class DiagnosticReply {
public:
    /// Nothing found, no text.
    constexpr DiagnosticReply() noexcept = default;

    /// Whether a reply code or an enhanced code was found.
    [[nodiscard]] constexpr bool found() const noexcept { return code_ != 0 || enhanced_ != 0; }
    /// The reply code, 200 to 599, or std::nullopt when the text has none
    /// ("5.1.1 user unknown", "DNS Error: ...").
    template <class Deferral = void>
    [[nodiscard]] constexpr detail::Later<std::optional<int>, Deferral> code() const noexcept {
        if (code_ == 0) {
            return std::nullopt;
        }
        return code_;
    }
    /// The code as the enumerator that lists it; std::nullopt without a code
    /// or for a code no enumerator lists (571).
    [[nodiscard]] constexpr std::optional<SmtpStatusCode> status() const noexcept {
        if (code_ == 0) {
            return std::nullopt;
        }
        return from_value(code_);
    }
    /// The enhanced status code: the one right after the reply code if its
    /// class is the code's first digit, or, without a reply code, one that
    /// starts the text or follows a colon. std::nullopt otherwise.
    [[nodiscard]] constexpr std::optional<EnhancedStatusCode> enhanced() const noexcept {
        if (enhanced_ == 0) {
            return std::nullopt;
        }
        return detail::unpack_enhanced(enhanced_);
    }
    /// What stands before the reply, without the white space around it:
    /// "host mx.example[192.0.2.1] said:". Empty when the reply starts the
    /// text; the whole text when nothing was found.
    [[nodiscard]] constexpr std::string_view before() const noexcept { return before_; }
    /// The reply's text: what follows the code and the enhanced code, to the
    /// end of the input, as it stands (a multiline reply's later markers and
    /// line breaks included). Empty when nothing was found.
    [[nodiscard]] constexpr std::string_view text() const noexcept { return text_; }
    /// text() without line breaks and without the markers of a multiline
    /// reply: pieces to join with spaces.
    [[nodiscard]] constexpr DiagnosticPieces pieces() const noexcept {
        return DiagnosticPieces(text_, markers_end_, code_);
    }
    /// What was odd about the reply.
    [[nodiscard]] constexpr DiagnosticFlags flags() const noexcept { return flags_; }

private:
    friend struct detail::DiagnosticAccess;
    std::string_view before_{};
    std::string_view text_{};
    const char* markers_end_ = nullptr; // a multiline reply's markers stand before here
    int code_ = 0;
    std::uint32_t enhanced_ = 0; // detail::pack_enhanced, 0 for none
    DiagnosticFlags flags_{};
};

/// Finds the SMTP reply in a diagnostic text: the value of a Diagnostic-Code
/// field after its type ("550 5.1.1 <a@b>: Recipient address rejected"), or
/// a line of a plain-text bounce ("host mx.example[192.0.2.1] said: 550 ...").
/// Line breaks count as white space, so a folded field value may be given
/// as it stands.
///
/// The rule: the first reply code or, failing that, enhanced code in the text
/// that is in a reply's place wins; what follows it, other replies quoted in
/// it included ("421 4.4.2 ... 554 ..." gives 421), is its text. A reply
/// code is three digits, the first 2 to 5, standing as a word and followed
/// by white space, '-' or the end, that
/// - starts the text (after white space or an opening '#', '"', ''', '(' or
///   '['), or
/// - follows a colon ("said: 550", "RCPT TO:<a@b>: 550"), or
/// - is followed by an enhanced code of its class ("... 550 5.1.1 ...").
/// An enhanced code alone ("5.1.1 user unknown") counts where it starts the
/// text or follows a colon. The enhanced code of a reply is the one right
/// after its code, as parse_reply takes it (followed by white space or the
/// end; also written "#5.1.0"). After "550-", the text is searched for the
/// same code again as a word followed by '-' (a further line) or white
/// space or the end (the last line): the lines of a multiline reply that an
/// MTA joined into one, or kept on lines of their own.
///
/// A text with neither (DNS errors, timeouts) is no error: found() is false
/// and before() is the whole text. The work is linear in the text's size.
[[nodiscard]] constexpr DiagnosticReply read_diagnostic(std::string_view input) noexcept;

namespace detail {

struct DiagnosticAccess {
    static constexpr DiagnosticReply make(std::string_view before, std::string_view text,
                                          const char* markers_end, int code,
                                          std::uint32_t enhanced, DiagnosticFlags flags) noexcept {
        DiagnosticReply reply;
        reply.before_ = before;
        reply.text_ = text;
        reply.markers_end_ = markers_end;
        reply.code_ = code;
        reply.enhanced_ = enhanced;
        reply.flags_ = flags;
        return reply;
    }
};

// Bytes after which a word may start besides white space.
constexpr bool opens_word(char c) noexcept {
    return c == '#' || c == '"' || c == '\'' || c == '(' || c == '[' || c == '<' || c == ':' ||
           c == '=';
}
// Bytes that may stand before a reply that starts the text.
constexpr bool opens_text(char c) noexcept {
    return c == '#' || c == '"' || c == '\'' || c == '(' || c == '[';
}

// The reply code at `at` (is_reply_code_at) and the rest of the text.
constexpr DiagnosticReply reply_at(const char* first, const char* at, const char* last) noexcept {
    const AfterCode after = after_code(at, last);
    const int code = (at[0] - '0') * 100 + (at[1] - '0') * 10 + (at[2] - '0');
    DiagnosticFlags flags;
    if (after.hash) {
        flags.insert(DiagnosticFlag::EnhancedWithHash);
    }
    if (after.mismatch) {
        flags.insert(DiagnosticFlag::EnhancedClassMismatch);
    }
    const char* markers_end = after.text;
    if (after.multiline) {
        // Look for the later lines' markers: "550-" for one more line,
        // "550 " (or "550" at the end) for the last.
        markers_end = last;
        bool line_start = false;  // only white space since the last line break
        bool last_line = false;
        for (const char* p = at + 3; p != last; ++p) {
            const char c = *p;
            if (is_fws(p[-1]) && is_marker_at(p, last, code)) {
                if (!line_start) {
                    flags.insert(DiagnosticFlag::JoinedLines);
                }
                const AfterCode marker = after_code(p, last);
                if (!marker.multiline) {
                    markers_end = marker.text;
                    last_line = true;
                    break;
                }
                p = marker.text - 1;
                line_start = false;
                continue;
            }
            if (c == '\n') {
                line_start = true;
            } else if (!is_fws(c)) {
                line_start = false;
            }
        }
        if (!last_line) {
            flags.insert(DiagnosticFlag::MissingLastLine);
        }
    }
    return DiagnosticAccess::make(trim_fws(first, at), view(after.text, last), markers_end, code,
                                  after.enhanced, flags);
}

} // namespace detail

constexpr DiagnosticReply read_diagnostic(std::string_view input) noexcept {
    const char* first = input.data();
    const char* last = first + input.size();
    first = detail::skip_fws(first, last);
    while (last != first && detail::is_fws(last[-1])) {
        --last;
    }
    bool leading = true;  // only white space and opening marks so far
    char previous = '\0'; // the last byte before p that is not white space
    bool word_start = true;
    for (const char* p = first; p != last; ++p) {
        const char c = *p;
        if (word_start) {
            const bool in_place = leading || previous == ':';
            if (detail::is_reply_code_at(p, last)) {
                if (in_place || detail::after_code(p, last).enhanced != 0) {
                    return detail::reply_at(first, p, last);
                }
            } else if (in_place) {
                const detail::EnhancedToken token = detail::enhanced_token_at(p, last, '\0');
                if (token.valid) {
                    DiagnosticFlags flags;
                    if (token.hash) {
                        flags.insert(DiagnosticFlag::EnhancedWithHash);
                    }
                    const char* text = detail::skip_fws(token.next, last);
                    return detail::DiagnosticAccess::make(detail::trim_fws(first, p),
                                                          detail::view(text, last), text, 0,
                                                          token.packed, flags);
                }
            }
        }
        if (detail::is_fws(c)) {
            word_start = true;
            continue;
        }
        word_start = detail::opens_word(c);
        leading = leading && detail::opens_text(c);
        previous = c;
    }
    return detail::DiagnosticAccess::make(detail::view(first, last), detail::view(last, last), last,
                                          0, 0, DiagnosticFlags{});
}

// ---------------------------------------------------------------------------
// Reading the fields

namespace detail {

// The kind of field a name is, without regard to case.
constexpr DsnFieldKind field_kind(std::string_view field) noexcept {
    for (int k = 0; k <= static_cast<int>(DsnFieldKind::WillRetryUntil); ++k) {
        const auto kind = static_cast<DsnFieldKind>(k);
        if (iequals(field, field_name(kind))) {
            return kind;
        }
    }
    if (field.size() > 2 && ascii_lower(field[0]) == 'x' && field[1] == '-') {
        return DsnFieldKind::Extension;
    }
    return DsnFieldKind::Unknown;
}
constexpr bool is_per_message(DsnFieldKind kind) noexcept {
    return static_cast<int>(kind) <= static_cast<int>(DsnFieldKind::ArrivalDate);
}
constexpr bool is_per_recipient(DsnFieldKind kind) noexcept {
    return static_cast<int>(kind) >= static_cast<int>(DsnFieldKind::OriginalRecipient) &&
           static_cast<int>(kind) <= static_cast<int>(DsnFieldKind::WillRetryUntil);
}
inline constexpr std::size_t message_slots = 5;
inline constexpr std::size_t recipient_slots = 9;
constexpr std::size_t recipient_slot(DsnFieldKind kind) noexcept {
    return static_cast<std::size_t>(static_cast<int>(kind) -
                                    static_cast<int>(DsnFieldKind::OriginalRecipient));
}

// One line: [begin, content) without its line end, `next` after it.
struct DsnLine {
    const char* begin;
    const char* content_end;
    const char* next;
};
constexpr DsnLine read_line(const char* p, const char* end) noexcept {
    const char* lf = find_lf(p, end);
    const char* content_end = lf != end && lf != p && lf[-1] == '\r' ? lf - 1 : lf;
    return {p, content_end, lf == end ? end : lf + 1};
}
// A line of nothing but spaces, tabs and CRs separates blocks. (RFC 5322
// would read a white-space line as a continuation; MTAs that write one mean
// a blank line.)
constexpr bool is_blank(const DsnLine& line) noexcept {
    for (const char* p = line.begin; p != line.content_end; ++p) {
        if (!is_fws(*p)) {
            return false;
        }
    }
    return true;
}
constexpr const char* skip_blank_lines(const char* p, const char* end) noexcept {
    while (p != end) {
        const DsnLine line = read_line(p, end);
        if (!is_blank(line)) {
            break;
        }
        p = line.next;
    }
    return p;
}
// RFC 5322 section 3.6.8: a field name is printable US-ASCII but ':'.
constexpr bool is_name_char(char c) noexcept { return c >= 33 && c <= 126 && c != ':'; }

enum class ItemKind { End, Blank, Malformed, Field };
// One field with its continuation lines, a blank line or a malformed line.
struct DsnItem {
    ItemKind kind;
    const char* next;
    std::string_view name;
    std::string_view value; // without the white space around it
    bool space_before_colon;
};
constexpr DsnItem read_item(const char* p, const char* end) noexcept {
    if (p == end) {
        return {ItemKind::End, end, {}, {}, false};
    }
    const DsnLine line = read_line(p, end);
    if (is_blank(line)) {
        return {ItemKind::Blank, line.next, {}, {}, false};
    }
    const char* name_end = p;
    while (name_end != line.content_end && is_name_char(*name_end)) {
        ++name_end;
    }
    const char* colon = name_end;
    while (colon != line.content_end && is_wsp(*colon)) {
        ++colon;
    }
    if (name_end == p || colon == line.content_end || *colon != ':') {
        return {ItemKind::Malformed, line.next, {}, {}, false};
    }
    // Continuation lines: they start with a space or tab and are not blank.
    const char* value_end = line.content_end;
    const char* next = line.next;
    while (next != end && is_wsp(*next)) {
        const DsnLine more = read_line(next, end);
        if (is_blank(more)) {
            break;
        }
        value_end = more.content_end;
        next = more.next;
    }
    return {ItemKind::Field, next, view(p, name_end), trim_fws(colon + 1, value_end),
            colon != name_end};
}

// Skips comments and white space (RFC 5322 CFWS). `unclosed` is set when a
// comment runs to `end`.
constexpr const char* skip_cfws(const char* p, const char* end, bool& unclosed) noexcept {
    for (;;) {
        p = skip_fws(p, end);
        if (p == end || *p != '(') {
            return p;
        }
        std::size_t depth = 0;
        while (p != end) {
            const char c = *p++;
            if (c == '\\') {
                if (p != end) {
                    ++p;
                }
            } else if (c == '(') {
                ++depth;
            } else if (c == ')' && --depth == 0) {
                break;
            }
        }
        if (depth != 0) {
            unclosed = true;
        }
    }
}

// The part of a structured value that is neither white space nor a comment
// at either end: comments between its words stay in it. Quoted strings are
// kept whole (a '(' in one is text).
struct Core {
    std::string_view value;
    bool unclosed;
};
constexpr Core value_core(const char* p, const char* end) noexcept {
    bool unclosed = false;
    const char* first = nullptr;
    const char* last = nullptr;
    for (;;) {
        p = skip_cfws(p, end, unclosed);
        if (p == end) {
            break;
        }
        const char* word = p;
        if (*p == '"') {
            ++p;
            bool closed = false;
            while (p != end) {
                const char c = *p++;
                if (c == '\\') {
                    if (p != end) {
                        ++p;
                    }
                } else if (c == '"') {
                    closed = true;
                    break;
                }
            }
            unclosed = unclosed || !closed;
        } else {
            while (p != end && !is_fws(*p) && *p != '(' && *p != '"') {
                ++p;
            }
        }
        if (first == nullptr) {
            first = word;
        }
        last = p;
    }
    if (first == nullptr) {
        return {view(end, end), unclosed};
    }
    return {view(first, last), unclosed};
}

// Type names (RFC 3464 section 2.1.2: an atom): a letter, then letters,
// digits and '-', '_', '.', '+'.
constexpr bool is_type_char(char c) noexcept {
    return is_alpha(c) || is_digit(c) || c == '-' || c == '_' || c == '.' || c == '+';
}

enum class ValueForm {
    Address, // comments read, angle brackets taken off
    MtaName, // comments read
    Text,    // *text: parentheses are text (Diagnostic-Code)
};

struct TypedScan {
    std::string_view type;
    std::string_view value;
    bool has_type;
    DsnProblems problems;
};
// DsnTypedValue::is_exit_status: type X-Unix and nothing but digits.
constexpr bool is_exit_status(bool has_type, std::string_view type,
                              std::string_view value) noexcept {
    const std::string_view digits = trim_fws(value.data(), value.data() + value.size());
    if (!has_type || !iequals(type, "x-unix") || digits.empty()) {
        return false;
    }
    for (const char c : digits) {
        if (!is_digit(c)) {
            return false;
        }
    }
    return true;
}
constexpr TypedScan scan_typed(std::string_view raw, ValueForm form) noexcept {
    const char* p = raw.data();
    const char* const end = p + raw.size();
    const bool structured = form != ValueForm::Text;
    bool unclosed = false;
    if (structured) {
        p = skip_cfws(p, end, unclosed);
    }
    TypedScan scan{{}, {}, false, {}};
    const char* rest = p;
    if (p != end && is_alpha(*p)) {
        const char* type_end = p;
        while (type_end != end && is_type_char(*type_end)) {
            ++type_end;
        }
        bool ignored = false;
        const char* semicolon =
            structured ? skip_cfws(type_end, end, ignored) : skip_fws(type_end, end);
        if (semicolon != end && *semicolon == ';') {
            scan.type = view(p, type_end);
            scan.has_type = true;
            rest = semicolon + 1;
        }
    }
    if (!scan.has_type) {
        scan.problems.insert(DsnProblem::MissingType);
    }
    if (structured) {
        const Core core = value_core(rest, end);
        scan.value = core.value;
        unclosed = unclosed || core.unclosed;
    } else {
        scan.value = trim_fws(rest, end);
    }
    if (form == ValueForm::Address && scan.value.size() >= 2 && scan.value.front() == '<' &&
        scan.value.back() == '>') {
        scan.value = scan.value.substr(1, scan.value.size() - 2);
        scan.problems.insert(DsnProblem::AddressInBrackets);
    }
    if (unclosed) {
        scan.problems.insert(DsnProblem::UnclosedComment);
    }
    if (scan.value.empty()) {
        scan.problems.insert(DsnProblem::EmptyValue);
    }
    return scan;
}

constexpr ValueForm form_of(DsnFieldKind kind) noexcept {
    return kind == DsnFieldKind::OriginalRecipient || kind == DsnFieldKind::FinalRecipient
               ? ValueForm::Address
               : kind == DsnFieldKind::DiagnosticCode ? ValueForm::Text : ValueForm::MtaName;
}
constexpr bool is_typed(DsnFieldKind kind) noexcept {
    return kind == DsnFieldKind::ReportingMta || kind == DsnFieldKind::DsnGateway ||
           kind == DsnFieldKind::ReceivedFromMta || kind == DsnFieldKind::OriginalRecipient ||
           kind == DsnFieldKind::FinalRecipient || kind == DsnFieldKind::RemoteMta ||
           kind == DsnFieldKind::DiagnosticCode;
}

struct ActionScan {
    DsnAction action;
    DsnProblems problems;
};
constexpr ActionScan scan_action(std::string_view raw) noexcept {
    const Core core = value_core(raw.data(), raw.data() + raw.size());
    ActionScan scan{DsnAction::Unknown, {}};
    if (core.unclosed) {
        scan.problems.insert(DsnProblem::UnclosedComment);
    }
    if (core.value.empty()) {
        scan.problems.insert(DsnProblem::EmptyValue);
        return scan;
    }
    constexpr DsnAction actions[] = {DsnAction::Failed, DsnAction::Delayed, DsnAction::Delivered,
                                     DsnAction::Relayed, DsnAction::Expanded};
    for (const DsnAction action : actions) {
        if (iequals(core.value, name(action))) {
            scan.action = action;
            return scan;
        }
    }
    scan.problems.insert(DsnProblem::UnknownAction);
    return scan;
}

struct StatusScan {
    std::uint32_t packed; // 0 for none
    DsnProblems problems;
};
// RFC 3464 section 2.3.4: status-code = DIGIT "." 1*3DIGIT "." 1*3DIGIT,
// which a comment may follow.
constexpr StatusScan scan_status(std::string_view raw) noexcept {
    const char* const end = raw.data() + raw.size();
    bool unclosed = false;
    const char* p = skip_cfws(raw.data(), end, unclosed);
    StatusScan scan{0, {}};
    if (p == end) {
        scan.problems.insert(DsnProblem::EmptyValue);
    } else {
        const char* token_end = p;
        while (token_end != end && !is_fws(*token_end) && *token_end != '(') {
            ++token_end;
        }
        if (const std::optional<EnhancedStatusCode> code =
                parse_enhanced_status_code(view(p, token_end))) {
            scan.packed = pack_enhanced(*code);
            const Core rest = value_core(token_end, end);
            unclosed = unclosed || rest.unclosed;
            if (!rest.value.empty()) {
                scan.problems.insert(DsnProblem::StatusHasText);
            }
        } else {
            // "550", "550 5.1.1": take an enhanced code a reply carries.
            scan.problems.insert(DsnProblem::StatusNotEnhanced);
            const DiagnosticReply reply = read_diagnostic(view(p, end));
            if (const std::optional<EnhancedStatusCode> carried = reply.enhanced()) {
                scan.packed = pack_enhanced(*carried);
            }
        }
    }
    if (unclosed) {
        scan.problems.insert(DsnProblem::UnclosedComment);
    }
    return scan;
}

// The problems of a field's value, for the standard fields.
constexpr DsnProblems value_problems(DsnFieldKind kind, std::string_view raw) noexcept {
    if (is_typed(kind)) {
        return scan_typed(raw, form_of(kind)).problems;
    }
    if (kind == DsnFieldKind::Action) {
        return scan_action(raw).problems;
    }
    if (kind == DsnFieldKind::Status) {
        return scan_status(raw).problems;
    }
    DsnProblems problems;
    if (raw.empty()) {
        problems.insert(DsnProblem::EmptyValue);
    }
    return problems;
}

// One block of fields: the per-message fields, or one recipient's group.
template <std::size_t Slots>
struct BlockScan {
    const char* begin = nullptr;
    const char* end = nullptr;  // after the block's last line
    const char* next = nullptr; // where the next block starts
    bool next_split = false;    // the next block follows without a blank line
    bool has_field = false;
    DsnProblems problems{};
    std::array<std::string_view, Slots> slots{};
};

// The per-message fields (RFC 3464 section 2.2), from the start of the
// content. Blocks of malformed lines before them are skipped; a per-recipient
// field ends them, and the content may start with one (no per-message
// fields at all).
constexpr BlockScan<message_slots> scan_message(const char* p, const char* end) noexcept {
    BlockScan<message_slots> scan;
    p = skip_blank_lines(p, end);
    scan.begin = p;
    for (;;) {
        const DsnItem item = read_item(p, end);
        if (item.kind == ItemKind::End) {
            scan.end = scan.next = p;
            break;
        }
        if (item.kind == ItemKind::Blank) {
            if (!scan.has_field) {
                p = skip_blank_lines(p, end);
                scan.begin = p;
                continue;
            }
            scan.end = p;
            scan.next = skip_blank_lines(p, end);
            break;
        }
        if (item.kind == ItemKind::Malformed) {
            scan.problems.insert(DsnProblem::MalformedLine);
            p = item.next;
            continue;
        }
        const DsnFieldKind kind = field_kind(item.name);
        if (is_per_recipient(kind)) {
            if (!scan.has_field) {
                scan.begin = p;
            }
            scan.end = scan.next = p;
            scan.next_split = scan.has_field;
            break;
        }
        if (is_per_message(kind)) {
            std::string_view& slot = scan.slots[static_cast<std::size_t>(kind)];
            if (present(slot)) {
                scan.problems.insert(DsnProblem::DuplicateField);
            } else {
                slot = item.value;
            }
        } else if (kind == DsnFieldKind::Unknown) {
            scan.problems.insert(DsnProblem::UnknownField);
        }
        if (item.space_before_colon) {
            scan.problems.insert(DsnProblem::SpaceBeforeColon);
        }
        scan.has_field = true;
        p = item.next;
    }
    if (!scan.has_field) {
        scan.begin = scan.end;
    }
    for (std::size_t i = 0; i < message_slots; ++i) {
        if (present(scan.slots[i])) {
            scan.problems |= value_problems(static_cast<DsnFieldKind>(i), scan.slots[i]);
        }
    }
    if (!present(scan.slots[static_cast<std::size_t>(DsnFieldKind::ReportingMta)])) {
        scan.problems.insert(DsnProblem::MissingReportingMta);
    }
    return scan;
}

// One recipient's group (RFC 3464 section 2.3), from a line that is not
// blank. It ends at a blank line, or before a per-recipient field it already
// has: MTAs that leave out the blank lines start each group with the same
// field, whatever order they write them in.
constexpr BlockScan<recipient_slots> scan_recipient(const char* p, const char* end,
                                                    bool split) noexcept {
    BlockScan<recipient_slots> scan;
    scan.begin = p;
    if (split) {
        scan.problems.insert(DsnProblem::MissingSeparator);
    }
    for (;;) {
        const DsnItem item = read_item(p, end);
        if (item.kind == ItemKind::End) {
            scan.end = scan.next = p;
            break;
        }
        if (item.kind == ItemKind::Blank) {
            scan.end = p;
            scan.next = skip_blank_lines(p, end);
            break;
        }
        if (item.kind == ItemKind::Malformed) {
            scan.problems.insert(DsnProblem::MalformedLine);
            p = item.next;
            continue;
        }
        const DsnFieldKind kind = field_kind(item.name);
        if (is_per_recipient(kind)) {
            std::string_view& slot = scan.slots[recipient_slot(kind)];
            if (present(slot)) {
                scan.end = scan.next = p;
                scan.next_split = true;
                break;
            }
            slot = item.value;
        } else if (is_per_message(kind)) {
            scan.problems.insert(DsnProblem::MisplacedField);
        } else if (kind == DsnFieldKind::Unknown) {
            scan.problems.insert(DsnProblem::UnknownField);
        }
        if (item.space_before_colon) {
            scan.problems.insert(DsnProblem::SpaceBeforeColon);
        }
        scan.has_field = true;
        p = item.next;
    }
    for (std::size_t i = 0; i < recipient_slots; ++i) {
        const auto kind = static_cast<DsnFieldKind>(static_cast<int>(DsnFieldKind::OriginalRecipient) +
                                                    static_cast<int>(i));
        if (present(scan.slots[i])) {
            scan.problems |= value_problems(kind, scan.slots[i]);
        }
    }
    if (!present(scan.slots[recipient_slot(DsnFieldKind::FinalRecipient)])) {
        scan.problems.insert(DsnProblem::MissingFinalRecipient);
    }
    if (!present(scan.slots[recipient_slot(DsnFieldKind::Action)])) {
        scan.problems.insert(DsnProblem::MissingAction);
    }
    if (!present(scan.slots[recipient_slot(DsnFieldKind::Status)])) {
        scan.problems.insert(DsnProblem::MissingStatus);
    }
    return scan;
}

// The next group that has a field, from p; blocks of malformed lines only
// are skipped and reported through `stray`.
constexpr BlockScan<recipient_slots> next_recipient(const char* p, const char* end, bool split,
                                                    bool& stray) noexcept {
    for (;;) {
        BlockScan<recipient_slots> scan = scan_recipient(p, end, split);
        if (scan.has_field || scan.next == p) {
            return scan;
        }
        stray = stray || scan.problems.contains(DsnProblem::MalformedLine);
        p = scan.next;
        split = false;
    }
}

// The first field of [p, end) named `field`, ignoring case.
template <class Deferral = void>
constexpr detail::Later<std::optional<FoldedText>, Deferral> find_field(const char* p, const char* end,
                                               std::string_view field) noexcept {
    while (p != end) {
        const DsnItem item = read_item(p, end);
        if (item.kind == ItemKind::Field && iequals(item.name, field)) {
            return FoldedText(item.value);
        }
        p = item.next;
    }
    return std::nullopt;
}

template <class Deferral = void>
constexpr detail::Later<std::optional<FoldedText>, Deferral> text_slot(std::string_view slot) noexcept {
    if (!present(slot)) {
        return std::nullopt;
    }
    return FoldedText(slot);
}

} // namespace detail

namespace detail {
// Builds a typed value from what scan_typed found.
struct DsnAccess {
    static constexpr DsnTypedValue typed(const TypedScan& scan) noexcept {
        DsnTypedValue value;
        value.type_ = scan.type;
        value.value_ = FoldedText(scan.value);
        value.has_type_ = scan.has_type;
        return value;
    }
};

// The typed value of a present field, or std::nullopt.
template <class Deferral = void>
constexpr detail::Later<std::optional<DsnTypedValue>, Deferral> typed_value(std::string_view raw, DsnFieldKind kind) noexcept {
    if (!present(raw)) {
        return std::nullopt;
    }
    return DsnAccess::typed(scan_typed(raw, form_of(kind)));
}
// The fields of a block, in order; other lines are left out.
struct FieldCursor {
    using value_type = DsnField;
    const char* at = nullptr;
    const char* next = nullptr;
    const char* end = nullptr;
    DsnField field{{}, DsnFieldKind::Unknown, FoldedText{}};

    constexpr FieldCursor() noexcept = default;
    constexpr FieldCursor(const char* first, const char* last) noexcept : end(last) { load(first); }
    constexpr DsnField value() const noexcept { return field; }
    constexpr void advance() noexcept { load(next); }
    constexpr const char* position() const noexcept { return at; }
    constexpr void load(const char* p) noexcept {
        while (p != end) {
            const DsnItem item = read_item(p, end);
            if (item.kind == ItemKind::Field) {
                at = p;
                next = item.next;
                field = DsnField{item.name, field_kind(item.name), FoldedText(item.value)};
                return;
            }
            p = item.next;
        }
        at = next = end;
        field = DsnField{{}, DsnFieldKind::Unknown, FoldedText{}};
    }
};
} // namespace detail

/// The fields of one block, in order, as DsnField; lines that are no field
/// are left out. Iterating allocates nothing; each step reads one field.
class DsnFields {
public:
    /// Walks the fields; yields DsnField by value.
    using iterator = detail::CursorIterator<detail::FieldCursor>;
    /// The same as iterator.
    using const_iterator = iterator;

    /// An empty block.
    constexpr DsnFields() noexcept = default;
    /// The first field.
    [[nodiscard]] constexpr iterator begin() const noexcept {
        return iterator(detail::FieldCursor(raw_.data(), raw_.data() + raw_.size()));
    }
    /// Past the last field.
    [[nodiscard]] constexpr iterator end() const noexcept {
        const char* last = raw_.data() + raw_.size();
        return iterator(detail::FieldCursor(last, last));
    }
    /// Whether the block has no field.
    [[nodiscard]] constexpr bool empty() const noexcept { return begin() == end(); }

private:
    friend class DeliveryStatus;
    friend class DsnRecipient;
    constexpr explicit DsnFields(std::string_view raw) noexcept : raw_(raw) {}
    std::string_view raw_{};
};

/// One recipient's group of fields (RFC 3464 section 2.3), as views into the
/// parsed input. The standard fields are read when asked for; problems()
/// were found when the group was read.
class DsnRecipient {
public:
    /// A group with no fields.
    constexpr DsnRecipient() noexcept = default;

    /// Original-Recipient: the address the sender gave (ORCPT), if present.
    template <class Deferral = void>
    [[nodiscard]] constexpr detail::Later<std::optional<DsnTypedValue>, Deferral> original_recipient() const noexcept {
        return typed<Deferral>(DsnFieldKind::OriginalRecipient);
    }
    /// Final-Recipient: the address this group reports on, if present.
    template <class Deferral = void>
    [[nodiscard]] constexpr detail::Later<std::optional<DsnTypedValue>, Deferral> final_recipient() const noexcept {
        return typed<Deferral>(DsnFieldKind::FinalRecipient);
    }
    /// Action: what the reporting MTA did; Unknown when missing or not one
    /// of the five values (problems() says which).
    [[nodiscard]] constexpr DsnAction action() const noexcept {
        const std::string_view raw = slot(DsnFieldKind::Action);
        return detail::present(raw) ? detail::scan_action(raw).action : DsnAction::Unknown;
    }
    /// Status: the RFC 3463 code, without any comment after it. When the
    /// value is not such a code but a reply that carries one ("550 5.1.1"),
    /// that one (with DsnProblem::StatusNotEnhanced); otherwise std::nullopt.
    [[nodiscard]] constexpr std::optional<EnhancedStatusCode> status() const noexcept {
        const std::string_view raw = slot(DsnFieldKind::Status);
        if (!detail::present(raw)) {
            return std::nullopt;
        }
        const std::uint32_t packed = detail::scan_status(raw).packed;
        if (packed == 0) {
            return std::nullopt;
        }
        return detail::unpack_enhanced(packed);
    }
    /// Remote-MTA: the MTA that gave the diagnostic, if present.
    template <class Deferral = void>
    [[nodiscard]] constexpr detail::Later<std::optional<DsnTypedValue>, Deferral> remote_mta() const noexcept {
        return typed<Deferral>(DsnFieldKind::RemoteMta);
    }
    /// Diagnostic-Code: type ("smtp") and text, if present. The text keeps
    /// its parentheses: it is free text (RFC 3464 section 2.3.6).
    template <class Deferral = void>
    [[nodiscard]] constexpr detail::Later<std::optional<DsnTypedValue>, Deferral> diagnostic_code() const noexcept {
        return typed<Deferral>(DsnFieldKind::DiagnosticCode);
    }
    /// The SMTP reply in the Diagnostic-Code's text (read_diagnostic), of
    /// any type: "smtp", "X-Postfix" and missing types all carry replies.
    /// Nothing found without a Diagnostic-Code, or for a program's exit
    /// status (DsnTypedValue::is_exit_status).
    [[nodiscard]] constexpr DiagnosticReply diagnostic() const noexcept {
        const std::string_view raw = slot(DsnFieldKind::DiagnosticCode);
        if (!detail::present(raw)) {
            return DiagnosticReply{};
        }
        const detail::TypedScan scan = detail::scan_typed(raw, detail::ValueForm::Text);
        if (detail::is_exit_status(scan.has_type, scan.type, scan.value)) {
            return DiagnosticReply{};
        }
        return read_diagnostic(scan.value);
    }
    /// Last-Attempt-Date, as text, if present.
    template <class Deferral = void>
    [[nodiscard]] constexpr detail::Later<std::optional<FoldedText>, Deferral> last_attempt_date() const noexcept {
        return detail::text_slot<Deferral>(slot(DsnFieldKind::LastAttemptDate));
    }
    /// Final-Log-ID, as text, if present.
    template <class Deferral = void>
    [[nodiscard]] constexpr detail::Later<std::optional<FoldedText>, Deferral> final_log_id() const noexcept {
        return detail::text_slot<Deferral>(slot(DsnFieldKind::FinalLogId));
    }
    /// Will-Retry-Until, as text, if present.
    template <class Deferral = void>
    [[nodiscard]] constexpr detail::Later<std::optional<FoldedText>, Deferral> will_retry_until() const noexcept {
        return detail::text_slot<Deferral>(slot(DsnFieldKind::WillRetryUntil));
    }
    /// The value of the group's first field named `wanted` (ignoring
    /// case): extension fields ("X-Postfix-Sender") or any other.
    template <class Deferral = void>
    [[nodiscard]] constexpr detail::Later<std::optional<FoldedText>, Deferral> field(std::string_view wanted) const noexcept {
        return detail::find_field<Deferral>(raw_.data(), raw_.data() + raw_.size(), wanted);
    }
    /// Every field of the group, in order.
    [[nodiscard]] constexpr DsnFields fields() const noexcept { return DsnFields(raw_); }
    /// What was wrong with the group.
    [[nodiscard]] constexpr DsnProblems problems() const noexcept { return problems_; }
    /// The group's bytes, from its first line to the end of its last one.
    [[nodiscard]] constexpr std::string_view raw() const noexcept { return raw_; }

private:
    friend struct detail::RecipientAccess;
    constexpr std::string_view slot(DsnFieldKind kind) const noexcept {
        return slots_[detail::recipient_slot(kind)];
    }
    template <class Deferral = void>
    constexpr detail::Later<std::optional<DsnTypedValue>, Deferral> typed(DsnFieldKind kind) const noexcept {
        return detail::typed_value<Deferral>(slot(kind), kind);
    }

    std::string_view raw_{};
    std::array<std::string_view, detail::recipient_slots> slots_{};
    DsnProblems problems_{};
};

namespace detail {
// Builds a recipient's group from its scan.
struct RecipientAccess {
    static constexpr DsnRecipient recipient(const BlockScan<recipient_slots>& scan) noexcept {
        DsnRecipient group;
        group.raw_ = view(scan.begin, scan.end);
        group.slots_ = scan.slots;
        group.problems_ = scan.problems;
        return group;
    }
};

// The recipients' groups of a DSN, in order; blocks without fields are
// skipped.
struct RecipientCursor {
    using value_type = DsnRecipient;
    const char* at = nullptr;
    const char* next = nullptr;
    const char* end = nullptr;
    bool next_split = false;
    DsnRecipient group{};

    constexpr RecipientCursor() noexcept = default;
    constexpr RecipientCursor(const char* first, const char* last, bool split) noexcept : end(last) {
        load(first, split);
    }
    constexpr DsnRecipient value() const noexcept { return group; }
    constexpr void advance() noexcept { load(next, next_split); }
    constexpr const char* position() const noexcept { return at; }
    constexpr void load(const char* p, bool split) noexcept {
        bool stray = false;
        const BlockScan<recipient_slots> scan = next_recipient(p, end, split, stray);
        if (!scan.has_field) {
            at = next = end;
            next_split = false;
            group = DsnRecipient{};
            return;
        }
        at = scan.begin;
        next = scan.next;
        next_split = scan.next_split;
        group = RecipientAccess::recipient(scan);
    }
};
} // namespace detail

constexpr bool DsnTypedValue::is_type(std::string_view type_name) const noexcept {
    return has_type_ && detail::iequals(type_, type_name);
}

constexpr bool DsnTypedValue::is_exit_status() const noexcept {
    return detail::is_exit_status(has_type_, type_, value_.raw());
}

/// The recipients' groups of a DSN, in the order the DSN lists them, as
/// DsnRecipient. Iterating allocates nothing; each step reads one group.
class DsnRecipients {
public:
    /// Walks the groups; yields DsnRecipient by value.
    using iterator = detail::CursorIterator<detail::RecipientCursor>;
    /// The same as iterator.
    using const_iterator = iterator;

    /// No recipients.
    constexpr DsnRecipients() noexcept = default;
    /// The first group.
    [[nodiscard]] constexpr iterator begin() const noexcept {
        return iterator(detail::RecipientCursor(first_, end_, split_));
    }
    /// Past the last group.
    [[nodiscard]] constexpr iterator end() const noexcept {
        return iterator(detail::RecipientCursor(end_, end_, false));
    }
    /// Whether there are no groups.
    [[nodiscard]] constexpr bool empty() const noexcept { return begin() == end(); }

private:
    friend class DeliveryStatus;
    constexpr DsnRecipients(const char* first, const char* end, bool split) noexcept
        : first_(first), end_(end), split_(split) {}
    const char* first_ = nullptr;
    const char* end_ = nullptr;
    bool split_ = false;
};

class DeliveryStatus;
/// Reads the content of a message/delivery-status part; see the definition
/// below.
[[nodiscard]] constexpr DeliveryStatus parse_delivery_status(std::string_view content) noexcept;

/// The content of a message/delivery-status part (RFC 3464 section 2), as
/// views into the parsed input: valid only while the input's bytes are.
class DeliveryStatus {
public:
    /// Nothing parsed: error() is Empty.
    constexpr DeliveryStatus() noexcept = default;

    /// Why there is nothing to report on, or DsnError::None.
    [[nodiscard]] constexpr DsnError error() const noexcept { return error_; }
    /// Whether the content has at least one recipient's group.
    [[nodiscard]] constexpr bool ok() const noexcept { return error_ == DsnError::None; }

    /// Original-Envelope-Id: the sender's envelope id (RFC 3461 ENVID), as
    /// text, if present.
    template <class Deferral = void>
    [[nodiscard]] constexpr detail::Later<std::optional<FoldedText>, Deferral> original_envelope_id() const noexcept {
        return detail::text_slot<Deferral>(slot(DsnFieldKind::OriginalEnvelopeId));
    }
    /// Reporting-MTA: the MTA that wrote the DSN ("dns; mx.example"), if
    /// present.
    template <class Deferral = void>
    [[nodiscard]] constexpr detail::Later<std::optional<DsnTypedValue>, Deferral> reporting_mta() const noexcept {
        return typed<Deferral>(DsnFieldKind::ReportingMta);
    }
    /// DSN-Gateway, if present.
    template <class Deferral = void>
    [[nodiscard]] constexpr detail::Later<std::optional<DsnTypedValue>, Deferral> dsn_gateway() const noexcept {
        return typed<Deferral>(DsnFieldKind::DsnGateway);
    }
    /// Received-From-MTA, if present.
    template <class Deferral = void>
    [[nodiscard]] constexpr detail::Later<std::optional<DsnTypedValue>, Deferral> received_from_mta() const noexcept {
        return typed<Deferral>(DsnFieldKind::ReceivedFromMta);
    }
    /// Arrival-Date, as text, if present.
    template <class Deferral = void>
    [[nodiscard]] constexpr detail::Later<std::optional<FoldedText>, Deferral> arrival_date() const noexcept {
        return detail::text_slot<Deferral>(slot(DsnFieldKind::ArrivalDate));
    }
    /// The value of the first per-message field named `wanted` (ignoring
    /// case): extension fields ("X-Postfix-Queue-ID") or any other.
    template <class Deferral = void>
    [[nodiscard]] constexpr detail::Later<std::optional<FoldedText>, Deferral> field(std::string_view wanted) const noexcept {
        return detail::find_field<Deferral>(message_.data(), message_.data() + message_.size(), wanted);
    }
    /// Every per-message field, in order.
    [[nodiscard]] constexpr DsnFields fields() const noexcept { return DsnFields(message_); }
    /// What was wrong with the per-message fields, and MalformedLine for
    /// blocks of text between the groups that hold no field at all.
    [[nodiscard]] constexpr DsnProblems problems() const noexcept { return problems_; }
    /// The recipients' groups, in order.
    [[nodiscard]] constexpr DsnRecipients recipients() const noexcept {
        return DsnRecipients(first_recipient_, end_, first_split_);
    }
    /// How many groups recipients() gives.
    [[nodiscard]] constexpr std::size_t recipient_count() const noexcept { return recipient_count_; }

private:
    friend constexpr DeliveryStatus parse_delivery_status(std::string_view content) noexcept;
    constexpr std::string_view slot(DsnFieldKind kind) const noexcept {
        return slots_[static_cast<std::size_t>(kind)];
    }
    template <class Deferral = void>
    constexpr detail::Later<std::optional<DsnTypedValue>, Deferral> typed(DsnFieldKind kind) const noexcept {
        return detail::typed_value<Deferral>(slot(kind), kind);
    }

    std::string_view message_{};
    std::array<std::string_view, detail::message_slots> slots_{};
    const char* first_recipient_ = nullptr;
    const char* end_ = nullptr;
    std::size_t recipient_count_ = 0;
    DsnProblems problems_{};
    DsnError error_ = DsnError::Empty;
    bool first_split_ = false;
};

/// Reads the content of a message/delivery-status part (RFC 3464 section
/// 2.1): per-message fields, then groups of per-recipient fields, each
/// preceded by a blank line. `content` is the part's decoded body.
///
/// Field names are matched without regard to case; a field continues on
/// lines that start with a space or tab; lines end with CRLF or a bare LF.
/// A line of only white space counts as blank. A group also starts, without
/// a blank line, where a per-recipient field repeats one its group already
/// has or ends the per-message fields (DsnProblem::MissingSeparator). Lines
/// that are no field are skipped (MalformedLine).
///
/// Reads every byte once to count the groups and set error(); recipients()
/// reads them again, one group per step. Never reads outside `content`.
constexpr DeliveryStatus parse_delivery_status(std::string_view content) noexcept {
    DeliveryStatus status;
    const char* const begin = content.data();
    const char* const end = begin + content.size();
    status.end_ = end;
    status.first_recipient_ = end;
    if (detail::skip_blank_lines(begin, end) == end) {
        status.message_ = detail::view(end, end);
        return status; // DsnError::Empty
    }
    const detail::BlockScan<detail::message_slots> message = detail::scan_message(begin, end);
    status.message_ = detail::view(message.begin, message.end);
    status.slots_ = message.slots;
    status.problems_ = message.problems;
    status.first_recipient_ = message.next;
    status.first_split_ = message.next_split;

    bool stray = false;
    std::size_t count = 0;
    const char* p = message.next;
    bool split = message.next_split;
    for (;;) {
        const auto group = detail::next_recipient(p, end, split, stray);
        if (!group.has_field) {
            break;
        }
        ++count;
        p = group.next;
        split = group.next_split;
    }
    if (stray) {
        status.problems_.insert(DsnProblem::MalformedLine);
    }
    status.recipient_count_ = count;
    if (count != 0) {
        status.error_ = DsnError::None;
    } else {
        status.error_ = message.has_field ? DsnError::NoRecipients : DsnError::NoFields;
    }
    return status;
}

} // namespace smtp

#endif // SMTP_DELIVERY_STATUS_HPP
