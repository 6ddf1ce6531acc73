// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/bounce_reason.hpp>`: why a message bounced, and whether the address
/// is bad. The reply class says whether to retry; a bounce processor also
/// needs the reason (unknown user, full mailbox, sender blocked, ...) and
/// whether to drop the address from its list (a hard bounce) or only this
/// message (a soft one). The two disagree with the class by design:
/// "450 4.1.1" (an unknown user, told with a transient code) is a bad address,
/// "552 5.2.2" (a full mailbox) a permanent failure of a good one.
///
/// The reasons are the vocabulary bounce processors share, the one sisimai
/// established. What gives a reply its reason, strongest first:
///   1. a specific enhanced status code (RFC 3463): `enhanced_code_reasons`,
///
///      one row per IANA registry entry, and `vendor_code_reasons`;
///
///   2. the reply text: `bounce_phrases`, wordings of the big providers and
///
///      MTAs, each row with the source it was learnt from;
///
///   3. a generic enhanced code, the command the reply answers, and the
///
///      basic reply code.
///
/// classify_bounce() says which of them decided.
///
/// Everything here is constexpr, noexcept and allocation free, and gives a
/// defined answer for any input.
#ifndef SMTP_BOUNCE_REASON_HPP
#define SMTP_BOUNCE_REASON_HPP

#include <smtp/command.hpp>
#include <smtp/detail/deferred.hpp>
#include <smtp/enhanced_status_code_registry.hpp>
#include <smtp/status_code.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace smtp {

// ---------------------------------------------------------------------------
// The vocabulary
// ---------------------------------------------------------------------------

/// Why a message was not delivered, in the words bounce processors share
/// (sisimai's): name() gives "userunknown" for UserUnknown, description()
/// what each reason means (one place for both, so the enumerators carry no
/// comment of their own). Delivered, Feedback and Vacation are no failures;
/// Undefined (0, the value of `BounceReason{}`) says that nothing told the
/// reason.
enum class BounceReason : int {
    Undefined = 0,
    UserUnknown,
    HostUnknown,
    HasMoved,
    MailboxFull,
    MesgTooBig,
    ExceedLimit,
    Suspend,
    Filtered,
    Rejected,
    Blocked,
    SpamDetected,
    VirusDetected,
    PolicyViolation,
    SecurityError,
    AuthFailure,
    RequirePtr,
    BadReputation,
    RateLimited,
    TooManyConn,
    Speeding,
    NotAccept,
    NoRelaying,
    SyntaxError,
    ContentError,
    NotCompliantRfc,
    FailedStartTls,
    NetworkError,
    SystemError,
    SystemFull,
    MailerError,
    Expired,
    OnHold,
    Delivered,
    Feedback,
    Vacation,
};

namespace detail {

// A word and its meaning as plain pointers to literals (null for a value
// that is no enumerator): a miss costs the compiler two null pointers, not
// two string_views, in the loops below that try every candidate value.
struct NamedText {
    const char* name;
    const char* description;
};

// The one place each reason's word and meaning are written (null for a
// value that is no enumerator): make_all_bounce_reasons() evaluates
// this for every candidate value. No default case, so -Wswitch reports an
// enumerator added without its text.
constexpr NamedText reason_text(BounceReason reason) noexcept {
    using R = BounceReason;
    switch (reason) {
    case R::Undefined: return {"undefined", "Nothing in the reply tells why the message failed."};
    case R::UserUnknown:
        return {"userunknown", "The recipient's mailbox does not exist at its domain."};
    case R::HostUnknown:
        return {"hostunknown",
                "The recipient's domain does not exist or has no host to take its mail."};
    case R::HasMoved:
        return {"hasmoved",
                "The recipient's mailbox has moved or changed owner, with no forwarding."};
    case R::MailboxFull:
        return {"mailboxfull", "The recipient's mailbox is over its storage quota."};
    case R::MesgTooBig:
        return {"mesgtoobig", "The message is larger than the receiving system accepts."};
    case R::ExceedLimit:
        return {"exceedlimit",
                "The message exceeds a limit set for this mailbox or sender, such as the "
                "size allowed for this recipient."};
    case R::Suspend:
        return {"suspend", "The recipient's account is disabled, suspended or inactive."};
    case R::Filtered:
        return {"filtered",
                "The message was refused by the recipient's own settings or by a filter at "
                "the end of the data, without a more precise reason."};
    case R::Rejected:
        return {"rejected", "The envelope sender (MAIL FROM) or its domain was refused."};
    case R::Blocked:
        return {"blocked", "The sending host was refused: its IP address, host name or HELO is "
                           "blocked or listed."};
    case R::SpamDetected:
        return {"spamdetected", "The receiving system judged the message to be spam."};
    case R::VirusDetected:
        return {"virusdetected",
                "The message was found to carry a virus or other malicious content."};
    case R::PolicyViolation:
        return {"policyviolation",
                "The message breaks a policy of the receiving site, such as a banned "
                "attachment type or a rule of the recipient's organisation."};
    case R::SecurityError:
        return {"securityerror",
                "A security requirement was not met, such as authentication the server "
                "requires or credentials it refused."};
    case R::AuthFailure:
        return {"authfailure",
                "The message failed sender authentication: SPF, DKIM, DMARC or ARC."};
    case R::RequirePtr:
        return {"requireptr", "The sending IP address has no valid reverse DNS (PTR) record."};
    case R::BadReputation:
        return {"badreputation",
                "The sending IP address or domain has too poor a reputation with the "
                "receiver."};
    case R::RateLimited:
        return {"ratelimited",
                "The receiver limits how much mail it takes from this sender or for this "
                "recipient, in a period or at once (too many recipients), and that limit was "
                "reached."};
    case R::TooManyConn:
        return {"toomanyconn",
                "The sender opened more simultaneous connections than the receiver allows "
                "(classify_bounce() says ratelimited, as sisimai 5.6 does)."};
    case R::Speeding:
        return {"speeding", "The sender delivered too fast; the receiver asks it to slow down "
                            "(classify_bounce() says ratelimited, as sisimai 5.6 does)."};
    case R::NotAccept:
        return {"notaccept",
                "The recipient's domain or host accepts no mail at all, for example by a "
                "null MX record."};
    case R::NoRelaying:
        return {"norelaying",
                "The server refused to relay: it does not take mail for the recipient's "
                "domain from this client."};
    case R::SyntaxError:
        return {"syntaxerror",
                "The SMTP conversation went wrong: a command or its arguments were invalid "
                "or out of sequence."};
    case R::ContentError:
        return {"contenterror",
                "The content could not be handled: malformed, in an unsupported form or "
                "needing a conversion that was not possible."};
    case R::NotCompliantRfc:
        return {"notcompliantrfc",
                "The message does not follow the message format standards (RFC 5322), for "
                "example a missing or repeated header field."};
    case R::FailedStartTls:
        return {"failedstarttls",
                "The delivery needed TLS, and STARTTLS was not used or did not succeed."};
    case R::NetworkError:
        return {"networkerror",
                "A network, DNS or routing problem, such as a failed lookup, a connection "
                "that broke or a mail loop."};
    case R::SystemError:
        return {"systemerror",
                "The receiving system failed or is misconfigured; the message was not at "
                "fault."};
    case R::SystemFull:
        return {"systemfull", "The receiving system is out of storage or overloaded."};
    case R::MailerError:
        return {"mailererror",
                "The program that delivers to the mailbox (a local mailer or filter) "
                "failed."};
    case R::Expired:
        return {"expired",
                "The receiving host could not be reached (no answer, connection refused or "
                "timed out) while the message waited, or it stayed queued longer than "
                "allowed."};
    case R::OnHold:
        return {"onhold",
                "The recipient was refused without a reason precise enough to judge; check "
                "before dropping the address."};
    case R::Delivered: return {"delivered", "Not a failure: the message was delivered."};
    case R::Feedback:
        return {"feedback", "Not a failure: a complaint (feedback loop report) about the message."};
    case R::Vacation:
        return {"vacation", "Not a failure: an automatic reply such as a vacation notice."};
    }
    return {nullptr, nullptr};
}

// Enumerator values are below this; the unit tests check that every value
// from here on is no enumerator.
inline constexpr int bounce_reason_capacity = 64;

constexpr std::size_t count_bounce_reasons() noexcept {
    std::size_t count = 0;
    for (int v = 0; v < bounce_reason_capacity; ++v) {
        count += reason_text(static_cast<BounceReason>(v)).name != nullptr ? 1u : 0u;
    }
    return count;
}

inline constexpr std::size_t bounce_reason_count = count_bounce_reasons();

constexpr std::array<BounceReason, bounce_reason_count> make_all_bounce_reasons() noexcept {
    std::array<BounceReason, bounce_reason_count> reasons{};
    std::size_t at = 0;
    for (int v = 0; v < bounce_reason_capacity; ++v) {
        if (reason_text(static_cast<BounceReason>(v)).name != nullptr) {
            reasons[at++] = static_cast<BounceReason>(v);
        }
    }
    return reasons;
}

// A string_view of a text of reason_text or source_text; empty for null.
constexpr std::string_view text_or_empty(const char* text) noexcept {
    return text != nullptr ? std::string_view(text) : std::string_view();
}

} // namespace detail

/// Every BounceReason once, ascending by value (Undefined first).
inline constexpr std::array<BounceReason, detail::bounce_reason_count> all_bounce_reasons =
    detail::make_all_bounce_reasons();

/// The reason's word, lower case ("userunknown"); empty for a value that is
/// no enumerator.
[[nodiscard]] constexpr std::string_view name(BounceReason reason) noexcept {
    return detail::text_or_empty(detail::reason_text(reason).name);
}

/// What the reason means, in one English sentence; empty for a value that is
/// no enumerator.
[[nodiscard]] constexpr std::string_view description(BounceReason reason) noexcept {
    return detail::text_or_empty(detail::reason_text(reason).description);
}

/// The reason whose word is exactly `word` (case-sensitive, as name() gives
/// it: "mailboxfull"), or std::nullopt. (A template only so that
/// std::optional<BounceReason> is instantiated where it is called:
/// detail/deferred.hpp.)
template <class Deferral = void>
[[nodiscard]] constexpr detail::Later<std::optional<BounceReason>, Deferral>
bounce_reason_from_name(std::string_view word) noexcept {
    for (const BounceReason reason : all_bounce_reasons) {
        if (name(reason) == word) {
            return reason;
        }
    }
    return std::nullopt;
}

/// Whether the reason is a delivery failure: false for Delivered, Feedback
/// and Vacation only.
[[nodiscard]] constexpr bool is_failure(BounceReason reason) noexcept {
    return reason != BounceReason::Delivered && reason != BounceReason::Feedback &&
           reason != BounceReason::Vacation;
}

namespace detail {
// The class of a failure: the reply code's; without one (0: a DSN's Status
// field alone), the valid enhanced code's; else 0.
constexpr int failure_class(int code, const std::optional<EnhancedStatusCode>& enhanced) noexcept {
    const bool reply = code >= 200 && code <= 599;
    return reply ? code / 100 : (enhanced && is_valid(*enhanced) ? enhanced->status_class : 0);
}
} // namespace detail

/// A failure's reason as its class qualifies it: a domain not found in a
/// transient failure (class 4: Gmail's "4.0.0 DNS Error: ... NXDOMAIN") is a
/// lookup that failed for now, a NetworkError; only a permanent answer says
/// the domain does not exist (RFC 3463 section 3.5: X.4.3 and X.4.4 take
/// their class). The class is the reply code's; without one (0: a DSN's
/// Status field alone), the valid enhanced code's. Any other reason, or
/// class, is returned as it is.
[[nodiscard]] constexpr BounceReason
reason_in_class(BounceReason reason, int code,
                std::optional<EnhancedStatusCode> enhanced = {}) noexcept {
    return reason == BounceReason::HostUnknown && detail::failure_class(code, enhanced) == 4
               ? BounceReason::NetworkError
               : reason;
}

// ---------------------------------------------------------------------------
// Hard or soft
// ---------------------------------------------------------------------------

/// Whether the reason makes the address itself bad, so that it should not be
/// mailed again (a hard bounce): UserUnknown, HostUnknown, HasMoved, and
/// NotAccept (a domain that accepts no mail). Every other reason is soft:
/// the message failed, the address stays. As sisimai 5.2 and later
/// (Sisimai::SMTP::Failure->is_hardbounce): Undefined and OnHold are never
/// hard, whatever the class; a permanent failure nobody explained is no proof
/// that the address is bad. (sisimai before 5.2, soft_or_hard(), called a
/// permanent Undefined or OnHold "hard".)
[[nodiscard]] constexpr bool is_hard_bounce(BounceReason reason) noexcept {
    return reason == BounceReason::UserUnknown || reason == BounceReason::HostUnknown ||
           reason == BounceReason::HasMoved || reason == BounceReason::NotAccept;
}

/// As is_hard_bounce(reason), with the reply's codes: NotAccept is soft when
/// the failure is transient (a 4yz reply, or a class 4 enhanced code), since
/// a domain that accepts no mail for now may later. The address reasons stay
/// hard in any class: "450 4.1.1" still says the mailbox does not exist. The
/// class is the reply code's; without one (0: a DSN's Status field alone),
/// the valid enhanced code's.
[[nodiscard]] constexpr bool
is_hard_bounce(BounceReason reason, int code,
               std::optional<EnhancedStatusCode> enhanced = {}) noexcept {
    if (reason != BounceReason::NotAccept) {
        return is_hard_bounce(reason);
    }
    return detail::failure_class(code, enhanced) != 4;
}

// ---------------------------------------------------------------------------
// The reason an enhanced status code gives
// ---------------------------------------------------------------------------

/// How far an enhanced status code decides the reason on its own.
enum class CodeWeight : int {
    /// The code decides (5.1.1: the mailbox does not exist).
    Decisive,
    /// The text decides when it has a known wording; else the code's reason.
    /// For codes whose detail is generic (5.3.0) and for codes that vendors
    /// also send with a meaning of their own (Microsoft's 5.1.10).
    Hint,
    /// The text decides, then the command the reply answers, then the code's
    /// reason: codes that say almost nothing (5.0.0, 5.7.0, 5.7.1, 5.5.0).
    Vague,
};

/// The enumerator's spelling ("Hint"); empty for a value that is no
/// enumerator.
[[nodiscard]] constexpr std::string_view name(CodeWeight weight) noexcept {
    switch (weight) {
    case CodeWeight::Decisive: return "Decisive";
    case CodeWeight::Hint: return "Hint";
    case CodeWeight::Vague: return "Vague";
    }
    return {};
}

/// The reason of one IANA registry entry, X.subject.detail.
struct EnhancedCodeReason {
    /// The entry's subject (the 1 of X.1.1).
    int subject;
    /// The entry's detail (the last 1 of X.1.1).
    int detail;
    /// With class 5 (and, for a success-only entry, what its code says in a
    /// failure: Undefined).
    BounceReason permanent;
    /// With class 4; differs from `permanent` where RFC 3463 calls the code
    /// useful for permanent failures only (X.1.2, X.4.4: a transient one is a
    /// DNS problem), where a transient one is a passing state of the host
    /// (X.3.2: shutdown, load), and for X.4.1, transient only by RFC 3463.
    BounceReason transient;
    /// How far the code decides the reason.
    CodeWeight weight;
};

namespace detail {
constexpr EnhancedCodeReason code_row(int subject, int detail, BounceReason reason,
                                      CodeWeight weight) noexcept {
    return {subject, detail, reason, reason, weight};
}
constexpr EnhancedCodeReason code_row(int subject, int detail, BounceReason permanent,
                                      BounceReason transient, CodeWeight weight) noexcept {
    return {subject, detail, permanent, transient, weight};
}
} // namespace detail

/// The reason of every entry of `enhanced_status_code_registry`, in the same
/// order (tests/compile/bounce_reason_static.cpp proves it), decided from the
/// registry title and the defining RFC. A class 2 code is Delivered whatever
/// its row says.
///
/// Where the registry leaves room, the rows read a code as sisimai 5 does
/// (its table of status codes to reasons), the reading bounce processors
/// share. Decisions worth a word:
/// - X.1.3 (bad address syntax) is UserUnknown: the address as written can
///   never be delivered to. X.1.4 (ambiguous address) is Filtered: a mailbox
///   exists, the receiver declines to choose it.
/// - X.1.0 is OnHold: about an address, but not whether it is bad (and a
///   code X.1.y not registered takes X.1.0's reason).
/// - X.2.0, a permanent X.2.1 and X.2.4 are Filtered: the mailbox (or list)
///   exists and refuses the message, by its owner's settings as far as the
///   sender can tell. A transient X.2.1 is Suspend.
/// - X.7.1 "Delivery not authorized, message refused" is SecurityError
///   (transient: Blocked), but Vague: in practice servers send it for every
///   kind of policy refusal, so the text decides, then the command (after
///   EHLO it is Blocked, at the end of the data Filtered).
/// - A transient X.4.1 (no answer from host) is Expired: sisimai's word for
///   a host that could not be reached while the message waited; X.4.2 (a
///   connection that broke) stays NetworkError.
/// - X.4.3 (directory server failure), X.5.4 (invalid arguments) and X.5.5
///   (wrong protocol version) are SystemError: limits or faults of the
///   receiving system. X.7.28 (mail flood) is SpamDetected, transient (Gmail's
///   rate limit) RateLimited.
/// - X.7.17 and X.7.18 (mailbox or domain owner changed, RFC 7293) are
///   HasMoved: the address no longer reaches the person it was given for.
/// - Hint where a big provider documents another meaning for a registered
///   number: Microsoft X.1.10 (recipient not found), X.2.2 (submission
///   quota), X.3.2 (recipient thread limit), X.4.1 (recipient rejected, relay
///   denied), X.5.0 (mailbox unavailable), X.7.12 and X.7.13 (sender not
///   authenticated for the recipient); Gmail X.2.1 (receiving too fast),
///   X.4.5 (daily sending limit), X.7.23 (no PTR record), X.7.27 (SPF),
///   X.7.29 (TLS), X.7.30 (DKIM); Yahoo X.7.9 (DMARC). Sources: the
///   citations of Microsoft, Gmail and Yahoo in `citation(PhraseSource)`.
inline constexpr std::array<EnhancedCodeReason, 81> enhanced_code_reasons = {{
    // X.0.YYY Other or Undefined Status
    detail::code_row(0, 0, BounceReason::Undefined, CodeWeight::Vague),
    // X.1.YYY Addressing Status
    detail::code_row(1, 0, BounceReason::OnHold, CodeWeight::Hint),
    detail::code_row(1, 1, BounceReason::UserUnknown, CodeWeight::Decisive),
    // RFC 3463 section 3.2: "only useful for permanent failures"; Postfix
    // answers 450 4.1.2 when the DNS lookup failed for now.
    detail::code_row(1, 2, BounceReason::HostUnknown, BounceReason::NetworkError,
                     CodeWeight::Decisive),
    detail::code_row(1, 3, BounceReason::UserUnknown, CodeWeight::Decisive),
    // An ambiguous address names a mailbox that exists, among others: the
    // receiver's choice not to pick one (sisimai 5: filtered).
    detail::code_row(1, 4, BounceReason::Filtered, CodeWeight::Decisive),
    detail::code_row(1, 5, BounceReason::Undefined, CodeWeight::Hint), // success only
    detail::code_row(1, 6, BounceReason::HasMoved, CodeWeight::Decisive),
    detail::code_row(1, 7, BounceReason::Rejected, CodeWeight::Decisive),
    detail::code_row(1, 8, BounceReason::Rejected, CodeWeight::Decisive),
    detail::code_row(1, 9, BounceReason::SystemError, CodeWeight::Hint), // RFC 3886: relayed
    detail::code_row(1, 10, BounceReason::NotAccept, CodeWeight::Hint), // RFC 7505; Microsoft
    // X.2.YYY Mailbox Status
    // RFC 3463 section 3.3: the mailbox exists but refuses this message (a
    // permanent X.2.1: it takes none), the recipient's own setting as far as
    // the sender can tell (sisimai 5: filtered). Gmail sends X.2.1 for a
    // mailbox receiving too fast: its text decides.
    detail::code_row(2, 0, BounceReason::Filtered, CodeWeight::Hint),
    detail::code_row(2, 1, BounceReason::Filtered, BounceReason::Suspend, CodeWeight::Hint),
    detail::code_row(2, 2, BounceReason::MailboxFull, CodeWeight::Hint), // Microsoft: quota
    detail::code_row(2, 3, BounceReason::ExceedLimit, CodeWeight::Decisive),
    detail::code_row(2, 4, BounceReason::Filtered, CodeWeight::Decisive), // a list refused
    // X.3.YYY Mail System Status
    detail::code_row(3, 0, BounceReason::SystemError, CodeWeight::Hint),
    detail::code_row(3, 1, BounceReason::SystemFull, CodeWeight::Decisive),
    // RFC 7504: 521 with X.3.2 is a host that accepts no mail; a transient
    // X.3.2 is shutdown, load or maintenance (RFC 3463 section 3.4).
    detail::code_row(3, 2, BounceReason::NotAccept, BounceReason::SystemError, CodeWeight::Hint),
    detail::code_row(3, 3, BounceReason::SystemError, CodeWeight::Decisive),
    detail::code_row(3, 4, BounceReason::MesgTooBig, CodeWeight::Decisive),
    detail::code_row(3, 5, BounceReason::SystemError, CodeWeight::Decisive),
    detail::code_row(3, 6, BounceReason::Undefined, CodeWeight::Hint), // RFC 6710: success
    // X.4.YYY Network and Routing Status
    detail::code_row(4, 0, BounceReason::NetworkError, CodeWeight::Hint),
    // RFC 3463 section 3.5: no answer from host, useful only as a persistent
    // transient error: the host could not be reached while the message
    // waited (Expired, as sisimai reads a connection failure); a class 5
    // X.4.1 is Exchange Online's "Recipient address rejected: Access
    // denied", its directory-based edge blocking of an address its directory
    // does not hold (Microsoft's table of NDR codes).
    detail::code_row(4, 1, BounceReason::UserUnknown, BounceReason::Expired, CodeWeight::Hint),
    detail::code_row(4, 2, BounceReason::NetworkError, CodeWeight::Decisive),
    // A directory server failure is the receiving system's own.
    detail::code_row(4, 3, BounceReason::SystemError, CodeWeight::Decisive),
    // RFC 3463 section 3.5: no route for the domain (a DNS answer with only
    // an SOA record); transient, it is a DNS problem.
    detail::code_row(4, 4, BounceReason::HostUnknown, BounceReason::NetworkError,
                     CodeWeight::Decisive),
    detail::code_row(4, 5, BounceReason::SystemFull, CodeWeight::Hint), // Gmail: limit
    detail::code_row(4, 6, BounceReason::NetworkError, CodeWeight::Decisive),
    detail::code_row(4, 7, BounceReason::Expired, CodeWeight::Decisive),
    // X.5.YYY Mail Delivery Protocol Status
    detail::code_row(5, 0, BounceReason::SyntaxError, CodeWeight::Vague), // Microsoft: user
    detail::code_row(5, 1, BounceReason::SyntaxError, CodeWeight::Decisive),
    detail::code_row(5, 2, BounceReason::SyntaxError, CodeWeight::Decisive),
    // Too many recipients: the rest go in a later transaction (RFC 3463
    // section 3.6), a limit on how much is taken at once (sisimai 5 too).
    detail::code_row(5, 3, BounceReason::RateLimited, CodeWeight::Decisive),
    // Arguments out of range or unsupported, and a protocol version that
    // cannot be agreed, are limits of the receiving system, not a malformed
    // command (sisimai 5: systemerror).
    detail::code_row(5, 4, BounceReason::SystemError, CodeWeight::Decisive),
    detail::code_row(5, 5, BounceReason::SystemError, CodeWeight::Decisive),
    detail::code_row(5, 6, BounceReason::SyntaxError, CodeWeight::Decisive),
    // X.6.YYY Message Content or Media Status
    detail::code_row(6, 0, BounceReason::ContentError, CodeWeight::Hint),
    detail::code_row(6, 1, BounceReason::ContentError, CodeWeight::Decisive),
    detail::code_row(6, 2, BounceReason::ContentError, CodeWeight::Decisive),
    detail::code_row(6, 3, BounceReason::ContentError, CodeWeight::Decisive),
    detail::code_row(6, 4, BounceReason::ContentError, CodeWeight::Decisive),
    detail::code_row(6, 5, BounceReason::ContentError, CodeWeight::Decisive),
    detail::code_row(6, 6, BounceReason::ContentError, CodeWeight::Decisive),
    detail::code_row(6, 7, BounceReason::ContentError, CodeWeight::Decisive),
    detail::code_row(6, 8, BounceReason::ContentError, CodeWeight::Decisive),
    detail::code_row(6, 9, BounceReason::ContentError, CodeWeight::Decisive),
    detail::code_row(6, 10, BounceReason::ContentError, CodeWeight::Decisive),
    // X.7.YYY Security or Policy Status
    detail::code_row(7, 0, BounceReason::SecurityError, CodeWeight::Vague),
    detail::code_row(7, 1, BounceReason::SecurityError, BounceReason::Blocked, CodeWeight::Vague),
    detail::code_row(7, 2, BounceReason::SecurityError, CodeWeight::Decisive),
    detail::code_row(7, 3, BounceReason::SecurityError, CodeWeight::Decisive),
    detail::code_row(7, 4, BounceReason::SecurityError, CodeWeight::Decisive),
    detail::code_row(7, 5, BounceReason::SecurityError, CodeWeight::Decisive),
    detail::code_row(7, 6, BounceReason::SecurityError, CodeWeight::Decisive),
    detail::code_row(7, 7, BounceReason::SecurityError, CodeWeight::Decisive),
    detail::code_row(7, 8, BounceReason::SecurityError, CodeWeight::Decisive),
    detail::code_row(7, 9, BounceReason::SecurityError, CodeWeight::Hint), // Yahoo: DMARC
    detail::code_row(7, 10, BounceReason::FailedStartTls, CodeWeight::Decisive),
    detail::code_row(7, 11, BounceReason::SecurityError, CodeWeight::Decisive),
    detail::code_row(7, 12, BounceReason::SecurityError, CodeWeight::Hint), // Microsoft
    detail::code_row(7, 13, BounceReason::Suspend, CodeWeight::Hint),       // Microsoft
    detail::code_row(7, 14, BounceReason::SecurityError, CodeWeight::Decisive),
    detail::code_row(7, 15, BounceReason::PolicyViolation, CodeWeight::Decisive),
    detail::code_row(7, 16, BounceReason::MesgTooBig, CodeWeight::Decisive),
    detail::code_row(7, 17, BounceReason::HasMoved, CodeWeight::Decisive),
    detail::code_row(7, 18, BounceReason::HasMoved, CodeWeight::Decisive),
    detail::code_row(7, 19, BounceReason::SecurityError, CodeWeight::Decisive),
    detail::code_row(7, 20, BounceReason::AuthFailure, CodeWeight::Decisive),
    detail::code_row(7, 21, BounceReason::AuthFailure, CodeWeight::Decisive),
    detail::code_row(7, 22, BounceReason::AuthFailure, CodeWeight::Decisive),
    detail::code_row(7, 23, BounceReason::AuthFailure, CodeWeight::Hint), // Gmail: PTR
    detail::code_row(7, 24, BounceReason::AuthFailure, CodeWeight::Decisive),
    detail::code_row(7, 25, BounceReason::RequirePtr, CodeWeight::Decisive),
    detail::code_row(7, 26, BounceReason::AuthFailure, CodeWeight::Decisive),
    detail::code_row(7, 27, BounceReason::Rejected, CodeWeight::Hint), // Gmail: SPF
    // A mail flood of similar abusive messages; Gmail's transient 4.7.28 is
    // its rate limit for unusual volumes (its text decides).
    detail::code_row(7, 28, BounceReason::SpamDetected, BounceReason::RateLimited,
                     CodeWeight::Hint),
    detail::code_row(7, 29, BounceReason::AuthFailure, CodeWeight::Hint),    // Gmail: TLS
    detail::code_row(7, 30, BounceReason::FailedStartTls, CodeWeight::Hint), // Gmail: DKIM
}};

/// The reason of enhanced codes a vendor documents outside the registry:
/// codes status_class.subject.first_detail to .last_detail (status_class 0:
/// classes 4 and 5). The first row that covers a code counts, so a single
/// code is listed before the range around it.
struct VendorCodeReason {
    /// 4 or 5; 0 for both.
    int status_class;
    /// The subject of the codes covered.
    int subject;
    /// The first detail covered.
    int first_detail;
    /// The last detail covered (inclusive).
    int last_detail;
    /// The reason those codes give.
    BounceReason reason;
    /// How far the code decides the reason.
    CodeWeight weight;
    /// Who documents the codes: "Microsoft", "Google".
    std::string_view vendor;

    /// Whether the row covers `code`.
    [[nodiscard]] constexpr bool covers(const EnhancedStatusCode& code) const noexcept {
        return (status_class == 0 ? (code.status_class == 4 || code.status_class == 5)
                                  : code.status_class == status_class) &&
               code.subject == subject && code.detail >= first_detail && code.detail <= last_detail;
    }
};

namespace detail {
inline constexpr std::string_view microsoft("Microsoft", 9);
inline constexpr std::string_view google("Google", 6);
} // namespace detail

/// Vendor codes with a documented meaning. Microsoft: the table of "Email
/// non-delivery reports and SMTP errors in Exchange Online"; Google: "Gmail
/// SMTP errors and codes" (see `citation(PhraseSource)`). A code that is
/// neither registered nor here takes the reason of its subject's X.s.0 entry
/// (RFC 3463 section 2: the subject alone still says what kind of problem).
inline constexpr std::array<VendorCodeReason, 33> vendor_code_reasons = {{
    // Exchange Online's connection failures ("450 4.4.312 DNS query failed" to
    // "4.4.318 Connection was closed abruptly") and the expiry that ends
    // them ("550 5.4.316 Message expired, connection refused"): the network
    // is why, more precisely than the expiry.
    {0, 4, 312, 318, BounceReason::NetworkError, CodeWeight::Decisive, detail::microsoft},
    // Outlook.com's "451 4.7.650 (and 4.7.651) The mail server [IP] has been
    // temporarily rate limited due to IP reputation" (S775, S3113, S3114):
    // the address's reputation, before the range of blocks around it.
    {4, 7, 650, 651, BounceReason::BadReputation, CodeWeight::Decisive, detail::microsoft},
    {4, 7, 500, 699, BounceReason::Blocked, CodeWeight::Decisive, detail::microsoft},
    {4, 7, 850, 899, BounceReason::Blocked, CodeWeight::Decisive, detail::microsoft},
    {5, 1, 90, 90, BounceReason::RateLimited, CodeWeight::Decisive, detail::microsoft},
    {5, 2, 121, 122, BounceReason::RateLimited, CodeWeight::Decisive, detail::microsoft},
    {5, 4, 14, 14, BounceReason::NetworkError, CodeWeight::Decisive, detail::microsoft},
    {5, 4, 300, 300, BounceReason::Expired, CodeWeight::Decisive, detail::microsoft},
    {5, 6, 11, 11, BounceReason::NotCompliantRfc, CodeWeight::Decisive, detail::microsoft},
    {5, 7, 57, 57, BounceReason::SecurityError, CodeWeight::Decisive, detail::microsoft},
    {5, 7, 64, 64, BounceReason::NoRelaying, CodeWeight::Decisive, detail::microsoft},
    {5, 7, 124, 124, BounceReason::Filtered, CodeWeight::Decisive, detail::microsoft},
    {5, 7, 133, 136, BounceReason::Filtered, CodeWeight::Decisive, detail::microsoft},
    {5, 7, 321, 323, BounceReason::FailedStartTls, CodeWeight::Decisive, detail::microsoft},
    {5, 7, 324, 324, BounceReason::SecurityError, CodeWeight::Decisive, detail::microsoft},
    {5, 7, 501, 503, BounceReason::Rejected, CodeWeight::Decisive, detail::microsoft},
    {5, 7, 504, 505, BounceReason::UserUnknown, CodeWeight::Decisive, detail::microsoft},
    {5, 7, 506, 507, BounceReason::Blocked, CodeWeight::Decisive, detail::microsoft},
    {5, 7, 508, 508, BounceReason::RateLimited, CodeWeight::Decisive, detail::microsoft},
    {5, 7, 509, 509, BounceReason::AuthFailure, CodeWeight::Decisive, detail::microsoft},
    {5, 7, 510, 511, BounceReason::Blocked, CodeWeight::Decisive, detail::microsoft},
    {5, 7, 512, 512, BounceReason::NotCompliantRfc, CodeWeight::Decisive, detail::microsoft},
    {5, 7, 513, 513, BounceReason::Blocked, CodeWeight::Decisive, detail::microsoft},
    {5, 7, 515, 515, BounceReason::AuthFailure, CodeWeight::Decisive, detail::microsoft},
    {5, 7, 500, 599, BounceReason::Blocked, CodeWeight::Hint, detail::microsoft},
    {5, 7, 606, 649, BounceReason::Blocked, CodeWeight::Decisive, detail::microsoft},
    {5, 7, 700, 749, BounceReason::Blocked, CodeWeight::Decisive, detail::microsoft},
    {5, 7, 750, 750, BounceReason::Rejected, CodeWeight::Decisive, detail::microsoft},
    {4, 7, 32, 32, BounceReason::AuthFailure, CodeWeight::Decisive, detail::google},
    {5, 7, 32, 32, BounceReason::AuthFailure, CodeWeight::Decisive, detail::google},
    // Gmail: no DMARC record (421 4.7.40, 550 5.7.40); its submission
    // servers also answer "504 5.7.40 Unrecognized authentication type".
    {0, 7, 40, 40, BounceReason::AuthFailure, CodeWeight::Hint, detail::google},
    {5, 7, 80, 80, BounceReason::SecurityError, CodeWeight::Decisive, detail::google},
    {5, 7, 90, 90, BounceReason::SecurityError, CodeWeight::Decisive, detail::google},
}};

/// The reason an enhanced code gives, and how far it decides.
struct CodeVerdict {
    /// The reason; Undefined where the code gives none.
    BounceReason reason;
    /// How far it decides: whether a reply's wording may overrule it.
    CodeWeight weight;
};

namespace detail {

// The registry row of X.subject.0, the subject's generic entry.
constexpr CodeVerdict subject_verdict(int status_class, int subject) noexcept {
    const std::size_t at = registry_position({5, subject, 0});
    if (at == no_registry_position) {
        return {BounceReason::Undefined, CodeWeight::Vague};
    }
    const EnhancedCodeReason& row = enhanced_code_reasons[at];
    return {status_class == 4 ? row.transient : row.permanent, row.weight};
}

} // namespace detail

/// The reason of an enhanced code alone: Delivered for class 2; for classes 4
/// and 5 the registry entry's, else a vendor's, else its subject's (5.1.99
/// gives X.1.0's); Undefined (Vague) for an invalid code.
[[nodiscard]] constexpr CodeVerdict code_verdict(const EnhancedStatusCode& code) noexcept {
    if (!is_valid(code)) {
        return {BounceReason::Undefined, CodeWeight::Vague};
    }
    if (code.status_class == 2) {
        return {BounceReason::Delivered, CodeWeight::Decisive};
    }
    const std::size_t at = detail::registry_position(code);
    if (at != detail::no_registry_position) {
        const EnhancedCodeReason& row = enhanced_code_reasons[at];
        return {code.status_class == 4 ? row.transient : row.permanent, row.weight};
    }
    for (const VendorCodeReason& row : vendor_code_reasons) {
        if (row.covers(code)) {
            return {row.reason, row.weight};
        }
    }
    return detail::subject_verdict(code.status_class, code.subject);
}

/// code_verdict(code).reason: "5.1.1" is UserUnknown, "4.2.2" MailboxFull,
/// "5.7.26" AuthFailure, "2.0.0" Delivered.
[[nodiscard]] constexpr BounceReason bounce_reason(const EnhancedStatusCode& code) noexcept {
    return code_verdict(code).reason;
}

// ---------------------------------------------------------------------------
// The reason the reply text gives
// ---------------------------------------------------------------------------

/// Where a wording of `bounce_phrases` was learnt: name() gives a short name,
/// citation() the document (the one place for both).
enum class PhraseSource : int {
    Rfc3463,
    Rfc5321,
    Rfc7504,
    Gmail,
    Microsoft,
    OutlookCom,
    Yahoo,
    AmazonSes,
    Mimecast,
    Postfix,
    Exim,
    Sendmail,
    Qmail,
    OpenSmtpd,
    Dovecot,
    Amavis,
    Cox,
    Facebook,
    /// A wording seen in real bounces whose sender documents it nowhere we
    /// could find: the reply as the receiving server sent it.
    ObservedInBounces,
};

namespace detail {

// The one place each source's name and citation are written, as
// reason_text; no default case, so -Wswitch reports a source added without
// them.
constexpr NamedText source_text(PhraseSource source) noexcept {
    switch (source) {
    case PhraseSource::Rfc3463:
        return {"RFC 3463",
                "RFC 3463 and the IANA enhanced status code registry (RFC 5248): entry titles, "
                "which servers such as OpenSMTPD send as reply text"};
    case PhraseSource::Rfc5321:
        return {"RFC 5321",
                "RFC 5321: reply texts of section 4.2.2 and the scenario of appendix D.1"};
    case PhraseSource::Rfc7504:
        return {"RFC 7504", "RFC 7504 section 3: 521 and 556, host or domain does not accept mail"};
    case PhraseSource::Gmail:
        return {"Gmail", "Google Workspace Admin Help, Gmail SMTP errors and codes "
                         "(https://support.google.com/a/answer/3726730), as of 2026-02-12"};
    case PhraseSource::Microsoft:
        return {"Microsoft Exchange Online",
                "Microsoft Learn, Email non-delivery reports and SMTP errors in Exchange Online "
                "(https://learn.microsoft.com/exchange/mail-flow-best-practices/"
                "non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online)"};
    case PhraseSource::OutlookCom:
        return {"Outlook.com",
                "Outlook.com replies S3150 (block list) and S775 (IP reputation) as quoted in "
                "public delivery reports; Microsoft's sender support is https://aka.ms/postmaster"};
    case PhraseSource::Yahoo:
        return {
            "Yahoo",
            "Yahoo Sender Hub, SMTP Error Codes (https://senders.yahooinc.com/smtp-error-codes/) "
            "and Yahoo Help SLN3444 (https://help.yahoo.com/kb/SLN3444.html)"};
    case PhraseSource::AmazonSes:
        return {"Amazon SES",
                "Amazon SES Developer Guide, sending quota errors and sending errors "
                "(https://docs.aws.amazon.com/ses/latest/dg/manage-sending-quotas-errors.html, "
                "https://docs.aws.amazon.com/ses/latest/dg/troubleshoot-error-messages.html)"};
    case PhraseSource::Mimecast:
        return {"Mimecast",
                "Mimecast SMTP Error Codes "
                "(https://community.mimecast.com/s/article/Mimecast-SMTP-Error-Codes-842605754)"};
    case PhraseSource::Postfix:
        return {"Postfix",
                "Postfix 3.7 (Debian 12 package postfix 3.7.11): reply and DSN texts of smtpd, "
                "smtp, local, pipe, qmgr and libpostfix-dns"};
    case PhraseSource::Exim:
        return {"Exim",
                "Exim 4.96 (Debian 12 packages exim4-daemon-light and exim4-config): reply texts "
                "of the exim4 binary and of the default ACLs"};
    case PhraseSource::Sendmail:
        return {"Sendmail", "Sendmail 8.17.1 (Debian 12 packages sendmail-bin and sendmail-cf)"};
    case PhraseSource::Qmail:
        return {"qmail",
                "qmail 1.03 sources: qmail-smtpd.c, qmail-remote.c, qmail-local.c, qmail-send.c"};
    case PhraseSource::OpenSmtpd:
        return {"OpenSMTPD", "OpenSMTPD 6.8.0p2 (Debian 12 package opensmtpd)"};
    case PhraseSource::Dovecot:
        return {"Dovecot",
                "Dovecot 2.3.19 (Debian 12 packages dovecot-core and dovecot-lmtpd): quota and "
                "LMTP replies"};
    case PhraseSource::Amavis:
        return {"amavisd-new",
                "amavisd-new 2.13 (Debian 12): SMTP reasons by contents category in Amavis::Conf "
                "and its DSN templates"};
    case PhraseSource::Cox:
        return {"Cox", "Cox Postmaster, Error Codes "
                       "(http://postmaster.cox.net/confluence/display/postmaster/Error+Codes)"};
    case PhraseSource::Facebook:
        return {"Facebook", "Facebook Postmaster, SMTP Response Codes "
                            "(http://postmaster.facebook.com/response_codes)"};
    case PhraseSource::ObservedInBounces:
        return {"observed in real bounces",
                "Observed in real bounces: replies as receiving servers sent them, quoted in "
                "delivery status notifications; no documentation of the sender's found"};
    }
    return {nullptr, nullptr};
}

} // namespace detail

/// The source's short name ("Postfix"); empty for a value that is no
/// enumerator.
[[nodiscard]] constexpr std::string_view name(PhraseSource source) noexcept {
    return detail::text_or_empty(detail::source_text(source).name);
}

/// The document the source's wordings were taken from; empty for a value
/// that is no enumerator.
[[nodiscard]] constexpr std::string_view citation(PhraseSource source) noexcept {
    return detail::text_or_empty(detail::source_text(source).description);
}

/// One wording that tells a reason: `text` is lower-case ASCII, and matches
/// the reply text case-insensitively (ASCII folding), as a substring that
/// starts and ends at word boundaries where it starts or ends with a letter
/// or digit; a space in `text` matches any run of spaces, tabs, CR and LF
/// (a DSN's Diagnostic-Code is often folded over lines).
struct BouncePhrase {
    /// The wording, lower case: "user unknown".
    std::string_view text;
    /// The reason it tells.
    BounceReason reason;
    /// Where it was learnt.
    PhraseSource source;
    /// Whether the reporting MTA says it of an address it routes itself
    /// (Exim's "Unrouteable address", decided before any server was asked),
    /// rather than a receiving server in its reply: such a verdict is about
    /// the address whatever command the report names.
    bool reporter_verdict = false;
    /// Whether the receiving provider says it after the data, where it
    /// checks its recipients (Yahoo's "554 delivery error: dd This user
    /// doesn't have a yahoo.com account"): such words are about the address
    /// whatever command they answer.
    bool checked_after_data = false;
};

namespace detail {
// A row from a string literal, its length known from its type: building the
// string_view from a pointer would count the characters in every translation
// unit that includes this header, which costs the compiler more than all the
// rest of the table (see BENCHMARKS.md, compile cost).
template <std::size_t N>
constexpr BouncePhrase phrase(const char (&text)[N], BounceReason reason,
                              PhraseSource source) noexcept {
    return {std::string_view(text, N - 1), reason, source, false, false};
}
// A row the reporting MTA says of an address it routes (BouncePhrase::reporter_verdict).
template <std::size_t N>
constexpr BouncePhrase reporter_verdict(const char (&text)[N], BounceReason reason,
                                        PhraseSource source) noexcept {
    return {std::string_view(text, N - 1), reason, source, true, false};
}
// A row a provider says after the data (BouncePhrase::checked_after_data).
template <std::size_t N>
constexpr BouncePhrase checked_after_data(const char (&text)[N], BounceReason reason,
                                          PhraseSource source) noexcept {
    return {std::string_view(text, N - 1), reason, source, false, true};
}
} // namespace detail

/// The wordings, in priority order: when several occur in a text, the first
/// row wins. More precise rows come before those they contain or overlap
/// ("host not found, try again" before "host not found"; Gmail's "PTR
/// record" before "rate limited", which Gmail's PTR message also says).
/// Every phrase is a wording found in its source; none is copied from another
/// classifier. tests/compile/bounce_reason_static.cpp checks their form.
inline constexpr BouncePhrase bounce_phrases[] = {
    // Temporary lookup failures that contain wordings of permanent ones.
    detail::phrase("host not found, try again", BounceReason::NetworkError, PhraseSource::Postfix),
    detail::phrase("couldn't find any host by that name", BounceReason::NetworkError,
                   PhraseSource::Qmail),
    detail::phrase("temporary dns error", BounceReason::NetworkError, PhraseSource::Exim),
    detail::phrase("rate limited due to ip reputation", BounceReason::BadReputation,
                   PhraseSource::OutlookCom),
    // The recipient's own restrictions, before the sender and auth wordings.
    detail::phrase("allowed-senders list", BounceReason::Filtered, PhraseSource::Microsoft),
    detail::phrase("not authenticated for", BounceReason::Filtered, PhraseSource::Microsoft),
    detail::phrase("not authenticated by organization", BounceReason::Filtered,
                   PhraseSource::Microsoft),
    detail::phrase("envelope blocked - user entry", BounceReason::Filtered, PhraseSource::Mimecast),
    // Facebook's RCP-P2, "550 5.1.1 RCP-P2 ... Refused due to recipient
    // preferences": the recipient's settings, with an unknown user's code.
    detail::phrase("refused due to recipient preferences", BounceReason::Filtered,
                   PhraseSource::Facebook),
    // Reverse DNS. Gmail's texts also say "rate limited" and "spam".
    detail::phrase("ptr record", BounceReason::RequirePtr, PhraseSource::Gmail),
    detail::phrase("ptr records", BounceReason::RequirePtr, PhraseSource::Gmail),
    detail::phrase("reverse dns", BounceReason::RequirePtr, PhraseSource::Microsoft),
    detail::phrase("cannot find your hostname", BounceReason::RequirePtr, PhraseSource::Postfix),
    detail::phrase("cannot find your reverse hostname", BounceReason::RequirePtr,
                   PhraseSource::Postfix),
    detail::phrase("ip name lookup failed", BounceReason::RequirePtr,
                   PhraseSource::ObservedInBounces),
    detail::phrase("invalid rdns", BounceReason::RequirePtr, PhraseSource::ObservedInBounces),
    // GMX's "Bad DNS PTR resource record" (the record's name in RFC 1035).
    detail::phrase("ptr resource record", BounceReason::RequirePtr,
                   PhraseSource::ObservedInBounces),
    // GoDaddy's "service permits 2 unverifyable sending IPs - <host> is not
    // <ip>": the sending host's name does not resolve to its address.
    detail::phrase("unverifyable sending", BounceReason::RequirePtr,
                   PhraseSource::ObservedInBounces),
    // Message format (RFC 5322). Gmail's texts also say "spam".
    detail::phrase("rfc 5322 compliant", BounceReason::NotCompliantRfc, PhraseSource::Gmail),
    detail::phrase("rfc 2822 compliant", BounceReason::NotCompliantRfc, PhraseSource::OpenSmtpd),
    detail::phrase("rfc 5322 section 3.6.2 compliant", BounceReason::NotCompliantRfc,
                   PhraseSource::Microsoft),
    detail::phrase("valid address in the from: header", BounceReason::NotCompliantRfc,
                   PhraseSource::Gmail),
    detail::phrase("multiple addresses in the from: header", BounceReason::NotCompliantRfc,
                   PhraseSource::Gmail),
    detail::phrase("multiple addresses in from: header", BounceReason::NotCompliantRfc,
                   PhraseSource::Gmail),
    detail::phrase("valid message-id: header", BounceReason::NotCompliantRfc, PhraseSource::Gmail),
    detail::phrase("encoded-word syntax is not permitted", BounceReason::NotCompliantRfc,
                   PhraseSource::Gmail),
    detail::phrase("bad header", BounceReason::NotCompliantRfc, PhraseSource::Amavis),
    detail::phrase("maximum allowed line length is 998 octets", BounceReason::NotCompliantRfc,
                   PhraseSource::Exim),
    detail::phrase("header syntax", BounceReason::NotCompliantRfc, PhraseSource::Exim),
    detail::phrase("bare <lf> received", BounceReason::NotCompliantRfc, PhraseSource::Postfix),
    detail::phrase("duplicate header", BounceReason::NotCompliantRfc, PhraseSource::ObservedInBounces),
    // Sender authentication. Gmail's texts also say "rate limited".
    detail::phrase("sender policy framework", BounceReason::AuthFailure, PhraseSource::Microsoft),
    detail::phrase("spf", BounceReason::AuthFailure, PhraseSource::Gmail),
    detail::phrase("dkim", BounceReason::AuthFailure, PhraseSource::Gmail),
    detail::phrase("dmarc", BounceReason::AuthFailure, PhraseSource::Gmail),
    detail::phrase("unauthenticated email", BounceReason::AuthFailure, PhraseSource::Gmail),
    detail::phrase("sender is unauthenticated", BounceReason::AuthFailure, PhraseSource::Gmail),
    detail::phrase("authentication checks", BounceReason::AuthFailure, PhraseSource::Gmail),
    detail::phrase("does not have authentication information", BounceReason::AuthFailure,
                   PhraseSource::Gmail),
    detail::phrase("required authentication level", BounceReason::AuthFailure,
                   PhraseSource::Microsoft),
    detail::phrase("isn't aligned with", BounceReason::AuthFailure, PhraseSource::Gmail),
    detail::phrase("is not allowed to send mail from", BounceReason::AuthFailure,
                   PhraseSource::Exim),
    detail::phrase("anti-spoofing", BounceReason::AuthFailure, PhraseSource::Mimecast),
    // TLS.
    detail::phrase("refused to start tls", BounceReason::FailedStartTls, PhraseSource::Postfix),
    detail::phrase("must issue a starttls command first", BounceReason::FailedStartTls,
                   PhraseSource::Postfix),
    detail::phrase("tls required for rcpt domain", BounceReason::FailedStartTls,
                   PhraseSource::Gmail),
    detail::phrase("not using a tls connection", BounceReason::FailedStartTls, PhraseSource::Gmail),
    detail::phrase("sent over a tls connection", BounceReason::FailedStartTls, PhraseSource::Gmail),
    detail::phrase("must support tls", BounceReason::FailedStartTls, PhraseSource::Microsoft),
    detail::phrase("tls not available", BounceReason::FailedStartTls, PhraseSource::Postfix),
    detail::phrase("tls currently unavailable", BounceReason::FailedStartTls, PhraseSource::Exim),
    // The envelope sender, before the spam wordings ("spam abuse detected").
    detail::phrase("spam abuse detected", BounceReason::Rejected, PhraseSource::Microsoft),
    detail::phrase("bad outbound sender", BounceReason::Rejected, PhraseSource::Microsoft),
    detail::phrase("banned sender", BounceReason::Rejected, PhraseSource::Microsoft),
    detail::phrase("sender address rejected", BounceReason::Rejected, PhraseSource::Postfix),
    // "Sorry, you are sending to/from an address that has been blacklisted"
    // (an Exim ACL's message): an envelope address refused.
    detail::phrase("an address that has been blacklisted", BounceReason::Rejected,
                   PhraseSource::ObservedInBounces),
    // GoDaddy's IB506, "550 5.2.0 <a@b> From: Domain is invalid. Please
    // provide a valid From:": the sender's domain.
    detail::phrase("please provide a valid from", BounceReason::Rejected,
                   PhraseSource::ObservedInBounces),
    detail::phrase("sender verify failed", BounceReason::Rejected, PhraseSource::Exim),
    detail::phrase("sender verification failed", BounceReason::Rejected, PhraseSource::Exim),
    detail::phrase("sender envelope address", BounceReason::Rejected, PhraseSource::Exim),
    detail::phrase("badmailfrom", BounceReason::Rejected, PhraseSource::Qmail),
    detail::phrase("domain of sender address", BounceReason::Rejected, PhraseSource::Sendmail),
    detail::phrase("sender denied", BounceReason::Rejected, PhraseSource::Microsoft),
    detail::phrase("sending denied", BounceReason::Rejected, PhraseSource::Gmail),
    detail::phrase("email address is not verified", BounceReason::Rejected,
                   PhraseSource::AmazonSes),
    detail::phrase("no verifiable sender address", BounceReason::Rejected, PhraseSource::Exim),
    // Sender ID (RFC 4407): the purported responsible address is the sender
    // the headers name; Courier refuses mail without one.
    detail::phrase("purported responsible address", BounceReason::Rejected,
                   PhraseSource::ObservedInBounces),
    // Relaying.
    detail::phrase("relay access denied", BounceReason::NoRelaying, PhraseSource::Postfix),
    detail::phrase("relay not permitted", BounceReason::NoRelaying, PhraseSource::Exim),
    detail::phrase("relaying denied", BounceReason::NoRelaying, PhraseSource::Sendmail),
    detail::phrase("unable to relay", BounceReason::NoRelaying, PhraseSource::Microsoft),
    detail::phrase("relay denied", BounceReason::NoRelaying, PhraseSource::Gmail),
    detail::phrase("list of allowed rcpthosts", BounceReason::NoRelaying, PhraseSource::Qmail),
    detail::phrase("not configured to relay", BounceReason::NoRelaying,
                   PhraseSource::ObservedInBounces),
    detail::phrase("no relaying", BounceReason::NoRelaying, PhraseSource::ObservedInBounces),
    // Reputation.
    detail::phrase("low reputation", BounceReason::BadReputation, PhraseSource::Gmail),
    detail::phrase("user complaints", BounceReason::BadReputation, PhraseSource::Yahoo),
    detail::phrase("excessive unknown recipients", BounceReason::BadReputation,
                   PhraseSource::Yahoo),
    // The sending host refused or listed.
    detail::phrase("blocked using", BounceReason::Blocked, PhraseSource::Postfix),
    detail::phrase("listed at", BounceReason::Blocked, PhraseSource::Exim),
    detail::phrase("on our block list", BounceReason::Blocked, PhraseSource::OutlookCom),
    detail::phrase("banned sending ip", BounceReason::Blocked, PhraseSource::Microsoft),
    detail::phrase("customer block list", BounceReason::Blocked, PhraseSource::Microsoft),
    detail::phrase("traffic not accepted from this ip", BounceReason::Blocked,
                   PhraseSource::Microsoft),
    detail::phrase("rejected by recipient", BounceReason::Blocked, PhraseSource::Microsoft),
    detail::phrase("locally blacklisted", BounceReason::Blocked, PhraseSource::Exim),
    detail::phrase("ip address blacklisted", BounceReason::Blocked,
                   PhraseSource::ObservedInBounces),
    // A DNS block list named in the refusal (Proofpoint's "554 Blocked - see
    // .../dnsbl-lookup.cgi?ip=..."): the sending host is listed.
    detail::phrase("dnsbl", BounceReason::Blocked, PhraseSource::ObservedInBounces),
    detail::phrase("client host rejected", BounceReason::Blocked, PhraseSource::Postfix),
    detail::phrase("client host blocked", BounceReason::Blocked, PhraseSource::ObservedInBounces),
    // iCloud's greeting "554 <host> ESMTP not accepting connections": this
    // client's connection refused (RFC 5321 section 3.1, 554 at the greeting).
    detail::phrase("not accepting connections", BounceReason::Blocked,
                   PhraseSource::ObservedInBounces),
    detail::phrase("helo command rejected", BounceReason::Blocked, PhraseSource::Postfix),
    detail::phrase("bad helo", BounceReason::Blocked, PhraseSource::Microsoft),
    detail::phrase("refused to talk to me", BounceReason::Blocked, PhraseSource::Postfix),
    detail::phrase("ip not in whitelist", BounceReason::Blocked, PhraseSource::Gmail),
    detail::phrase("not authorized to send email directly", BounceReason::Blocked,
                   PhraseSource::Gmail),
    detail::phrase("sender address blocked", BounceReason::Blocked, PhraseSource::Mimecast),
    detail::phrase("unfortunately, messages from", BounceReason::Blocked, PhraseSource::OutlookCom),
    detail::phrase("aup#cxbl", BounceReason::Blocked, PhraseSource::Cox),
    detail::phrase("aup#cdrbl", BounceReason::Blocked, PhraseSource::Cox),
    detail::phrase("smtp server of your isp", BounceReason::Blocked, PhraseSource::ObservedInBounces),
    // The Spamhaus block lists (IP addresses and domains), named in the
    // refusals of servers that use them.
    detail::phrase("spamhaus", BounceReason::Blocked, PhraseSource::ObservedInBounces),
    // Connections and rates: one reason, RateLimited, for limits on
    // connections, messages and recipients in a period and on speed, as
    // sisimai 5.6 merged its toomanyconn and speeding.
    detail::phrase("too many concurrent smtp connections", BounceReason::RateLimited,
                   PhraseSource::Exim),
    detail::phrase("too many connections", BounceReason::RateLimited, PhraseSource::Postfix),
    detail::phrase("connection frequency limited", BounceReason::RateLimited,
                   PhraseSource::ObservedInBounces),
    detail::phrase("aup#in-1310", BounceReason::RateLimited, PhraseSource::ObservedInBounces),
    detail::phrase("maximum sending rate exceeded", BounceReason::RateLimited,
                   PhraseSource::AmazonSes),
    detail::phrase("receiving mail too quickly", BounceReason::RateLimited, PhraseSource::Gmail),
    detail::phrase("receiving email too quickly", BounceReason::RateLimited, PhraseSource::Gmail),
    detail::phrase("receiving mail at a rate", BounceReason::RateLimited, PhraseSource::Gmail),
    detail::phrase("receiving email at a rate", BounceReason::RateLimited, PhraseSource::Gmail),
    detail::phrase("too much mail from", BounceReason::RateLimited, PhraseSource::Postfix),
    // Too many recipients in one transaction (RFC 5321 section 4.5.3.1.10:
    // the rest are to be sent in another), from one client ("450 4.7.1
    // Error: too many recipients from 192.0.2.1"), or in an hour (GoDaddy's
    // "550 5.1.1 <a@b> - 192.0.2.1 has sent to too many recipients this
    // hour. IB607", answered with X.1.1).
    detail::phrase("too many recipients", BounceReason::RateLimited, PhraseSource::Postfix),
    detail::phrase("domain policy size per transaction exceeded", BounceReason::RateLimited,
                   PhraseSource::Gmail),
    detail::phrase("too many messages in this connection", BounceReason::RateLimited,
                   PhraseSource::Exim),
    detail::phrase("too many messages sent", BounceReason::RateLimited, PhraseSource::OpenSmtpd),
    detail::phrase("daily message quota exceeded", BounceReason::RateLimited,
                   PhraseSource::AmazonSes),
    detail::phrase("sending quota exceeded", BounceReason::RateLimited, PhraseSource::Gmail),
    detail::phrase("sending limit exceeded", BounceReason::RateLimited, PhraseSource::Gmail),
    detail::phrase("relay limit exceeded", BounceReason::RateLimited, PhraseSource::Gmail),
    detail::phrase("relay sending limit exceeded", BounceReason::RateLimited, PhraseSource::Gmail),
    detail::phrase("submission quota", BounceReason::RateLimited, PhraseSource::Microsoft),
    detail::phrase("daily limit for message recipients", BounceReason::RateLimited,
                   PhraseSource::Microsoft),
    detail::phrase("message receive limit", BounceReason::RateLimited, PhraseSource::Microsoft),
    detail::phrase("exceeded permitted limits", BounceReason::RateLimited, PhraseSource::Microsoft),
    detail::phrase("thread limit exceeded", BounceReason::RateLimited, PhraseSource::Microsoft),
    detail::phrase("unusual rate of", BounceReason::RateLimited, PhraseSource::Gmail),
    detail::phrase("unusual amount of unsolicited", BounceReason::RateLimited, PhraseSource::Gmail),
    detail::phrase("rate limited", BounceReason::RateLimited, PhraseSource::Gmail),
    detail::phrase("frequency limited", BounceReason::RateLimited, PhraseSource::ObservedInBounces),
    // Orange's "421 ... Service refused, please try later. OFR_999 [999]":
    // the sending IP held back for hours for its volume.
    detail::phrase("ofr_999", BounceReason::RateLimited, PhraseSource::ObservedInBounces),
    detail::phrase("rate limit exceeded", BounceReason::RateLimited,
                   PhraseSource::ObservedInBounces),
    // Judged by content.
    detail::phrase("likely unsolicited", BounceReason::SpamDetected, PhraseSource::Gmail),
    detail::phrase("classified as spam", BounceReason::SpamDetected, PhraseSource::Exim),
    detail::phrase("nature of the content or the links", BounceReason::SpamDetected,
                   PhraseSource::Gmail),
    detail::phrase("- spam", BounceReason::SpamDetected, PhraseSource::Amavis),
    detail::phrase("- spammy", BounceReason::SpamDetected, PhraseSource::Amavis),
    detail::phrase("content rejected, ube", BounceReason::SpamDetected, PhraseSource::ObservedInBounces),
    detail::phrase("mcspamsignature", BounceReason::SpamDetected, PhraseSource::ObservedInBounces),
    detail::phrase("blacklisted url", BounceReason::SpamDetected, PhraseSource::ObservedInBounces),
    detail::phrase("spam detected", BounceReason::SpamDetected, PhraseSource::ObservedInBounces),
    detail::phrase("scored as spam", BounceReason::SpamDetected, PhraseSource::ObservedInBounces),
    // Orange's refusal of the content at the end of the data, "550 5.2.0 Mail
    // rejete. Mail rejected. ofr_506 [506]".
    detail::phrase("ofr_506", BounceReason::SpamDetected, PhraseSource::ObservedInBounces),
    detail::phrase("infected", BounceReason::VirusDetected, PhraseSource::Amavis),
    detail::phrase("possible malware", BounceReason::VirusDetected, PhraseSource::Exim),
    detail::phrase("virus", BounceReason::VirusDetected, PhraseSource::Amavis),
    detail::phrase("banned:", BounceReason::PolicyViolation, PhraseSource::Amavis),
    // Gmail's refusal of content its attachment guidelines ban ("552 5.7.0
    // ... content presents a potential security issue"): a site policy, not
    // a virus found.
    detail::phrase("potential security issue", BounceReason::PolicyViolation, PhraseSource::Gmail),
    detail::phrase("policy violation", BounceReason::PolicyViolation, PhraseSource::Microsoft),
    detail::phrase("policy that prohibits", BounceReason::PolicyViolation, PhraseSource::Gmail),
    detail::phrase("policy that prohibited", BounceReason::PolicyViolation, PhraseSource::Gmail),
    detail::phrase("message violates", BounceReason::PolicyViolation, PhraseSource::Gmail),
    detail::phrase("administrative prohibition", BounceReason::PolicyViolation, PhraseSource::Exim),
    detail::phrase("not accepted for policy reasons", BounceReason::PolicyViolation,
                   PhraseSource::Yahoo),
    detail::phrase("denied by policy", BounceReason::PolicyViolation, PhraseSource::ObservedInBounces),
    detail::phrase("message is malformed", BounceReason::ContentError, PhraseSource::Gmail),
    detail::phrase("cannot send 8-bit data to 7-bit destination", BounceReason::ContentError,
                   PhraseSource::Sendmail),
    detail::phrase("unicode character in a disallowed header", BounceReason::ContentError,
                   PhraseSource::Gmail),
    detail::phrase("must declare smtputf8", BounceReason::ContentError, PhraseSource::Postfix),
    // Size and count limits.
    detail::phrase("message length exceeds administrative limit", BounceReason::ExceedLimit,
                   PhraseSource::Rfc3463),
    detail::phrase("recipsizelimit", BounceReason::ExceedLimit, PhraseSource::Microsoft),
    detail::phrase("message too large for this recipient", BounceReason::ExceedLimit,
                   PhraseSource::Microsoft),
    detail::phrase("message too large for this sender", BounceReason::ExceedLimit,
                   PhraseSource::Microsoft),
    detail::phrase("message size exceeds", BounceReason::MesgTooBig, PhraseSource::Postfix),
    detail::phrase("message exceeds maximum fixed size", BounceReason::MesgTooBig,
                   PhraseSource::Sendmail),
    detail::phrase("message size limit", BounceReason::MesgTooBig, PhraseSource::Postfix),
    detail::phrase("message size limits", BounceReason::MesgTooBig, PhraseSource::Gmail),
    detail::phrase("header size limits", BounceReason::MesgTooBig, PhraseSource::Gmail),
    detail::phrase("exceeds size limit", BounceReason::MesgTooBig, PhraseSource::Postfix),
    detail::phrase("message too big", BounceReason::MesgTooBig, PhraseSource::Rfc3463),
    // Storage.
    detail::phrase("mailbox for user is full", BounceReason::MailboxFull, PhraseSource::Dovecot),
    detail::phrase("mailbox full", BounceReason::MailboxFull, PhraseSource::Rfc3463),
    detail::phrase("mailbox is full", BounceReason::MailboxFull, PhraseSource::Exim),
    detail::phrase("mailfolder is full", BounceReason::MailboxFull, PhraseSource::ObservedInBounces),
    detail::phrase("mailbox exceeded the local limit", BounceReason::MailboxFull, PhraseSource::ObservedInBounces),
    detail::phrase("over quota", BounceReason::MailboxFull, PhraseSource::Exim),
    detail::phrase("quota exceeded", BounceReason::MailboxFull, PhraseSource::Exim),
    detail::phrase("out of storage space", BounceReason::MailboxFull, PhraseSource::Gmail),
    detail::phrase("exceeded storage allocation", BounceReason::MailboxFull, PhraseSource::Rfc5321),
    detail::phrase("insufficient system storage", BounceReason::SystemFull, PhraseSource::Rfc5321),
    detail::phrase("insufficient disk space", BounceReason::SystemFull, PhraseSource::Sendmail),
    detail::phrase("disk full", BounceReason::SystemFull, PhraseSource::Qmail),
    detail::phrase("mail system full", BounceReason::SystemFull, PhraseSource::Rfc3463),
    // The recipient: unknown, its domain unknown, moved, disabled.
    detail::phrase("user unknown", BounceReason::UserUnknown, PhraseSource::Postfix),
    detail::phrase("unknown user", BounceReason::UserUnknown, PhraseSource::Postfix),
    detail::phrase("addressee unknown", BounceReason::UserUnknown, PhraseSource::Sendmail),
    detail::phrase("no such user", BounceReason::UserUnknown, PhraseSource::Rfc5321),
    detail::phrase("no mailbox here by that name", BounceReason::UserUnknown, PhraseSource::Qmail),
    detail::phrase("account that you tried to reach does not exist", BounceReason::UserUnknown,
                   PhraseSource::Gmail),
    detail::phrase("recipient not found", BounceReason::UserUnknown, PhraseSource::Microsoft),
    // Exchange Online's directory-based edge blocking (550 5.4.1): the
    // directory holds no such recipient.
    detail::phrase("recipient address rejected: access denied", BounceReason::UserUnknown,
                   PhraseSource::Microsoft),
    detail::phrase("recipnotfound", BounceReason::UserUnknown, PhraseSource::Microsoft),
    detail::phrase("recipientnotfound", BounceReason::UserUnknown, PhraseSource::Microsoft),
    detail::phrase("user not found", BounceReason::UserUnknown, PhraseSource::ObservedInBounces),
    detail::phrase("mailbox not found", BounceReason::UserUnknown, PhraseSource::ObservedInBounces),
    detail::phrase("mailbox does not exist", BounceReason::UserUnknown, PhraseSource::ObservedInBounces),
    detail::phrase("no such recipient", BounceReason::UserUnknown, PhraseSource::ObservedInBounces),
    detail::phrase("recipient unknown", BounceReason::UserUnknown, PhraseSource::ObservedInBounces),
    detail::phrase("unknown recipient", BounceReason::UserUnknown, PhraseSource::ObservedInBounces),
    detail::phrase("address unknown", BounceReason::UserUnknown, PhraseSource::ObservedInBounces),
    detail::phrase("invalid recipient", BounceReason::UserUnknown, PhraseSource::OpenSmtpd),
    detail::reporter_verdict("unrouteable address", BounceReason::UserUnknown, PhraseSource::Exim),
    detail::phrase("user doesn't exist", BounceReason::UserUnknown, PhraseSource::Dovecot),
    detail::phrase("user not exist", BounceReason::UserUnknown, PhraseSource::ObservedInBounces),
    detail::checked_after_data("this user doesn't have a", BounceReason::UserUnknown,
                               PhraseSource::Yahoo),
    detail::phrase("bad destination mailbox address", BounceReason::UserUnknown,
                   PhraseSource::Rfc3463),
    detail::phrase("host or domain name not found", BounceReason::HostUnknown,
                   PhraseSource::Postfix),
    detail::phrase("host not found", BounceReason::HostUnknown, PhraseSource::Postfix),
    detail::phrase("domain not found", BounceReason::HostUnknown, PhraseSource::Postfix),
    detail::phrase("domain name not found", BounceReason::HostUnknown, PhraseSource::Gmail),
    detail::phrase("couldn't find any host named", BounceReason::HostUnknown, PhraseSource::Qmail),
    detail::phrase("host unknown", BounceReason::HostUnknown, PhraseSource::Sendmail),
    detail::phrase("find the recipient domain", BounceReason::HostUnknown, PhraseSource::Gmail),
    detail::phrase("the domain is not reachable", BounceReason::HostUnknown, PhraseSource::ObservedInBounces),
    // cPanel's Exim, when its check of the address fails: "The account or
    // domain may not exist, they may be blacklisted, or missing the proper
    // dns entries."
    detail::phrase("account or domain may not exist", BounceReason::HostUnknown,
                   PhraseSource::ObservedInBounces),
    detail::phrase("bad destination system address", BounceReason::HostUnknown,
                   PhraseSource::Rfc3463),
    detail::phrase("mailbox has moved", BounceReason::HasMoved, PhraseSource::Rfc3463),
    detail::phrase("mailbox owner has changed", BounceReason::HasMoved, PhraseSource::Rfc3463),
    detail::phrase("user not local", BounceReason::HasMoved, PhraseSource::Rfc5321),
    detail::phrase("tried to reach is disabled", BounceReason::Suspend, PhraseSource::Gmail),
    detail::phrase("tried to reach is inactive", BounceReason::Suspend, PhraseSource::Gmail),
    detail::phrase("mailbox disabled", BounceReason::Suspend, PhraseSource::Rfc3463),
    detail::phrase("account disabled", BounceReason::Suspend, PhraseSource::Rfc3463),
    detail::phrase("mailbox is frozen", BounceReason::Suspend, PhraseSource::ObservedInBounces),
    detail::phrase("account has been disabled", BounceReason::Suspend, PhraseSource::ObservedInBounces),
    detail::phrase("mailbox is disabled", BounceReason::Suspend, PhraseSource::ObservedInBounces),
    detail::phrase("temporary locked", BounceReason::Suspend, PhraseSource::ObservedInBounces),
    detail::phrase("recipient account is blocked", BounceReason::Suspend,
                   PhraseSource::ObservedInBounces),
    detail::phrase("does not accept mail", BounceReason::NotAccept, PhraseSource::Rfc7504),
    detail::phrase("nullmx", BounceReason::NotAccept, PhraseSource::Postfix),
    // No mail exchanger and no address (qmail: "Sorry, I couldn't find a mail
    // exchanger or IP address"; OpenSMTPD: "No MX found for domain"): the
    // domain names no host to take mail (RFC 5321 section 5.1).
    detail::phrase("couldn't find a mail exchanger", BounceReason::NotAccept, PhraseSource::Qmail),
    detail::phrase("no mx found for domain", BounceReason::NotAccept, PhraseSource::OpenSmtpd),
    detail::phrase("null mx", BounceReason::NotAccept, PhraseSource::Rfc3463),
    detail::phrase("not accepting network messages", BounceReason::NotAccept,
                   PhraseSource::Rfc3463),
    // Network, routing, expiry. A connection that broke is NetworkError; a
    // host that could not be reached at all (no answer, refused or timed
    // out: RFC 3463 X.4.1) is Expired, sisimai's word for the time to
    // deliver running out on a connection failure.
    detail::phrase("lost connection with", BounceReason::NetworkError, PhraseSource::Postfix),
    detail::phrase("timed out while", BounceReason::NetworkError, PhraseSource::Postfix),
    detail::phrase("connection refused", BounceReason::Expired, PhraseSource::Microsoft),
    detail::phrase("connection timed out", BounceReason::Expired, PhraseSource::Postfix),
    detail::phrase("establish an smtp connection", BounceReason::Expired, PhraseSource::Qmail),
    detail::phrase("no answer from host", BounceReason::Expired, PhraseSource::Rfc3463),
    detail::phrase("routing loop detected", BounceReason::NetworkError, PhraseSource::Rfc3463),
    detail::phrase("mail forwarding loop", BounceReason::NetworkError, PhraseSource::Postfix),
    detail::phrase("loops back to myself", BounceReason::NetworkError, PhraseSource::Postfix),
    detail::phrase("loops back to me", BounceReason::NetworkError, PhraseSource::Sendmail),
    detail::phrase("too many hops", BounceReason::NetworkError, PhraseSource::Postfix),
    detail::phrase("suspected mail loop", BounceReason::NetworkError, PhraseSource::Exim),
    detail::phrase("email loop", BounceReason::NetworkError, PhraseSource::Gmail),
    detail::phrase("message expired", BounceReason::Expired, PhraseSource::Microsoft),
    detail::phrase("retry timeout exceeded", BounceReason::Expired, PhraseSource::Exim),
    detail::phrase("in the queue too long", BounceReason::Expired, PhraseSource::Qmail),
    detail::phrase("cannot send message for", BounceReason::Expired, PhraseSource::Sendmail),
    detail::phrase("could not be delivered for", BounceReason::Expired, PhraseSource::Sendmail),
    detail::phrase("delivery time expired", BounceReason::Expired, PhraseSource::Rfc3463),
    detail::phrase("administratively expired", BounceReason::Expired, PhraseSource::Postfix),
    // The receiving system and its local mailer.
    detail::phrase("temporary system problem", BounceReason::SystemError, PhraseSource::Gmail),
    detail::phrase("local error in processing", BounceReason::SystemError, PhraseSource::Rfc5321),
    detail::phrase("server configuration error", BounceReason::SystemError, PhraseSource::Postfix),
    detail::phrase("mail system error", BounceReason::SystemError, PhraseSource::Postfix),
    detail::phrase("internal server error", BounceReason::SystemError, PhraseSource::OpenSmtpd),
    detail::phrase("resources temporarily unavailable", BounceReason::SystemError,
                   PhraseSource::Yahoo),
    detail::phrase("server busy", BounceReason::SystemError, PhraseSource::Gmail),
    detail::phrase("service currently unavailable", BounceReason::SystemError,
                   PhraseSource::ObservedInBounces),
    detail::phrase("system incorrectly configured", BounceReason::SystemError,
                   PhraseSource::Rfc3463),
    detail::phrase("command died with", BounceReason::MailerError, PhraseSource::Postfix),
    detail::phrase("command time limit exceeded", BounceReason::MailerError, PhraseSource::Postfix),
    detail::phrase("unknown mailer error", BounceReason::MailerError, PhraseSource::Sendmail),
    detail::phrase("procmail", BounceReason::MailerError, PhraseSource::ObservedInBounces),
    // The SMTP conversation and client authentication, last: their words are
    // the most general.
    detail::phrase("smtp protocol violation", BounceReason::SyntaxError, PhraseSource::Gmail),
    detail::phrase("protocol synchronization", BounceReason::SyntaxError, PhraseSource::Postfix),
    detail::phrase("improper use of smtp command pipelining", BounceReason::SyntaxError,
                   PhraseSource::Postfix),
    detail::phrase("syntax error", BounceReason::SyntaxError, PhraseSource::Gmail),
    detail::phrase("command not recognized", BounceReason::SyntaxError, PhraseSource::Postfix),
    detail::phrase("unrecognized command", BounceReason::SyntaxError, PhraseSource::Gmail),
    detail::phrase("bad sequence of commands", BounceReason::SyntaxError, PhraseSource::Rfc5321),
    detail::phrase("authentication required", BounceReason::SecurityError, PhraseSource::Gmail),
    detail::phrase("authentication failed", BounceReason::SecurityError, PhraseSource::Postfix),
    detail::phrase("password not accepted", BounceReason::SecurityError, PhraseSource::Gmail),
    detail::phrase("client was not authenticated", BounceReason::SecurityError,
                   PhraseSource::Microsoft),
    detail::phrase("unrecognized authentication type", BounceReason::SecurityError,
                   PhraseSource::Gmail),
    detail::phrase("must issue an auth command first", BounceReason::SecurityError,
                   PhraseSource::OpenSmtpd),
    detail::phrase("insufficient authorization", BounceReason::SecurityError,
                   PhraseSource::Postfix),
    detail::phrase("too many unauthenticated commands", BounceReason::SecurityError,
                   PhraseSource::Gmail),
    detail::phrase("turn on smtp authentication", BounceReason::SecurityError, PhraseSource::ObservedInBounces),
    // X.7.1's registry title, "Delivery not authorized, message refused".
    detail::phrase("delivery not authorized", BounceReason::SecurityError, PhraseSource::Rfc3463),
    detail::phrase("unauthenticated senders", BounceReason::SecurityError,
                   PhraseSource::ObservedInBounces),
};

/// The number of rows of `bounce_phrases`.
inline constexpr std::size_t bounce_phrase_count = sizeof bounce_phrases / sizeof bounce_phrases[0];

namespace detail {

constexpr unsigned char fold_ascii(char c) noexcept {
    return static_cast<unsigned char>(ascii_lower(c));
}

constexpr bool is_ascii_alnum(unsigned char u) noexcept {
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
}

constexpr bool is_text_space(unsigned char u) noexcept {
    return u == ' ' || u == '\t' || u == '\r' || u == '\n';
}

// The rows grouped by their first two characters (a letter, or any other
// byte; a letter, white space, or any other byte), so that the matcher only
// tries the rows that can start where it stands. A list per group, in
// priority order, built by one pass over the rows at compile time. Measured
// (BENCHMARKS.md): grouping by two characters instead of one halves the
// matcher's instructions; building the lists costs the compiler about 1 % of
// the header's translation unit, a third of what a counting sort over all
// 256 first bytes cost.
static_assert(bounce_phrase_count < 65535, "the phrase lists hold row numbers in two bytes");

inline constexpr std::size_t phrase_first_kinds = 27;  // 'a'..'z', other
inline constexpr std::size_t phrase_second_kinds = 28; // 'a'..'z', space, other
inline constexpr std::size_t phrase_buckets = phrase_first_kinds * phrase_second_kinds;

// The bucket of a phrase, or of a text position, from its first two
// characters (folded to lower case; any white space counts as a space).
constexpr std::size_t phrase_bucket(unsigned char first, unsigned char second) noexcept {
    const std::size_t kind1 = first >= 'a' && first <= 'z' ? std::size_t{first} - 'a' : 26u;
    const std::size_t kind2 = second >= 'a' && second <= 'z' ? std::size_t{second} - 'a'
                              : is_text_space(second)        ? 26u
                                                             : 27u;
    return kind1 * phrase_second_kinds + kind2;
}

// Lists of rows, each entry one more than the row number so that 0, the
// value every entry starts with, ends a list: building the index then writes
// only the 250-odd links, not 756 empty heads first.
struct PhraseIndex {
    // One more than the first row of each bucket; 0 for an empty bucket.
    std::uint16_t head[phrase_buckets];
    // One more than the next row of the same bucket; 0 after the last.
    std::uint16_t next[bounce_phrase_count];
};

constexpr PhraseIndex make_phrase_index() noexcept {
    PhraseIndex index{};
    for (std::size_t row = bounce_phrase_count; row-- != 0;) {
        const char* const text = bounce_phrases[row].text.data();
        const std::size_t b =
            phrase_bucket(static_cast<unsigned char>(text[0]), static_cast<unsigned char>(text[1]));
        index.next[row] = index.head[b];
        index.head[b] = static_cast<std::uint16_t>(row + 1);
    }
    return index;
}

inline constexpr PhraseIndex phrase_index = make_phrase_index();

// Whether `phrase` (lower case) occurs in `text` at `at`, ending at a word
// boundary when its last character is a letter or digit. The caller checks
// the boundary before `at`. A text never matches in fewer bytes than the
// phrase has (a run of white space only lengthens it), so one length check
// up front, and one after each run, keep every read inside the text.
constexpr bool phrase_at(std::string_view phrase, std::string_view text, std::size_t at) noexcept {
    if (text.size() - at < phrase.size()) {
        return false;
    }
    std::size_t t = at;
    for (std::size_t i = 0; i < phrase.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[t]);
        if (phrase[i] == ' ') {
            if (!is_text_space(c)) {
                return false;
            }
            do {
                ++t;
            } while (t != text.size() && is_text_space(static_cast<unsigned char>(text[t])));
            if (text.size() - t < phrase.size() - i - 1) {
                return false;
            }
        } else {
            if (fold_ascii(static_cast<char>(c)) != static_cast<unsigned char>(phrase[i])) {
                return false;
            }
            ++t;
        }
    }
    return !is_ascii_alnum(static_cast<unsigned char>(phrase.back())) || t == text.size() ||
           !is_ascii_alnum(static_cast<unsigned char>(text[t]));
}

// The first row of bounce_phrases (in priority order) that occurs in the
// text, or bounce_phrase_count. One pass over the text; at each position only
// the rows of its (folded) byte's bucket are tried, best first, and none that
// ranks below a row already found.
constexpr std::size_t find_phrase(std::string_view text) noexcept {
    std::size_t best = bounce_phrase_count;
    bool after_alnum = false;
    // Every phrase has at least two characters, so none starts at the last.
    for (std::size_t at = 0; at + 1 < text.size() && best != 0; ++at) {
        const unsigned char c = fold_ascii(text[at]);
        const bool alnum = is_ascii_alnum(c);
        // A row starting with a letter or digit must start a word.
        if (!(alnum && after_alnum)) {
            const std::size_t bucket = phrase_bucket(c, fold_ascii(text[at + 1]));
            for (std::size_t link = phrase_index.head[bucket]; link != 0 && link - 1 < best;
                 link = phrase_index.next[link - 1]) {
                if (phrase_at(bounce_phrases[link - 1].text, text, at)) {
                    best = link - 1;
                    break;
                }
            }
        }
        after_alnum = alnum;
    }
    return best;
}

} // namespace detail

/// The index in `bounce_phrases` of the first row (in priority order) whose
/// wording occurs in `text`, or `bounce_phrase_count` when none does:
/// "550 5.1.1 <a@b>: Recipient address rejected: User unknown in local
/// recipient table" finds {"user unknown", UserUnknown, Postfix}. Linear in
/// the text's length.
[[nodiscard]] constexpr std::size_t find_bounce_phrase(std::string_view text) noexcept {
    return detail::find_phrase(text);
}

// ---------------------------------------------------------------------------
// The reason of a whole reply
// ---------------------------------------------------------------------------

/// What decided a reply's reason.
enum class BounceBasis : int {
    /// Nothing precise did: the reason is Undefined, or (sisimai's last
    /// resort) Expired for a delay and OnHold for a text that no rule reads.
    None,
    /// The enhanced status code.
    EnhancedCode,
    /// A wording of the text (`BounceVerdict::phrase`).
    Text,
    /// The command the reply answers.
    Command,
    /// The basic reply code.
    ReplyCode,
};

/// The enumerator's spelling ("Text"); empty for a value that is no
/// enumerator.
[[nodiscard]] constexpr std::string_view name(BounceBasis basis) noexcept {
    switch (basis) {
    case BounceBasis::None: return "None";
    case BounceBasis::EnhancedCode: return "EnhancedCode";
    case BounceBasis::Text: return "Text";
    case BounceBasis::Command: return "Command";
    case BounceBasis::ReplyCode: return "ReplyCode";
    }
    return {};
}

/// What the report around a reply says of the delivery attempts, as a DSN's
/// Action field tells it (RFC 3464 section 2.3.3).
enum class DeliveryOutcome : int {
    /// Not known: a reply read on its own.
    Unknown,
    /// The reporting MTA keeps trying ("delayed").
    Delayed,
    /// The reporting MTA has given up ("failed").
    Failed,
};

/// The enumerator's spelling ("Failed"); empty for a value that is no
/// enumerator.
[[nodiscard]] constexpr std::string_view name(DeliveryOutcome outcome) noexcept {
    switch (outcome) {
    case DeliveryOutcome::Unknown: return "Unknown";
    case DeliveryOutcome::Delayed: return "Delayed";
    case DeliveryOutcome::Failed: return "Failed";
    }
    return {};
}

/// The answer of classify_bounce.
struct BounceVerdict {
    /// Why the message bounced.
    BounceReason reason;
    /// is_hard_bounce(reason, code, enhanced).
    bool hard;
    /// What decided the reason.
    BounceBasis basis;
    /// With basis Text, the row of `bounce_phrases` that matched; otherwise
    /// bounce_phrase_count.
    std::size_t phrase;
};

namespace detail {

// RFC 5321 section 3.3: MAIL gives the envelope sender, RCPT the recipients.
// A reply to MAIL, or to the greeting or HELO/EHLO before any address, is
// about the sender or its host, whatever its words say about "the user" or
// "the domain": Postfix's "Sender address rejected: Domain not found" after
// MAIL is Rejected, not HostUnknown. A host that accepts no mail at all
// (RFC 7504: 521 in place of the greeting) stays NotAccept.
constexpr BounceReason in_context(BounceReason reason, Command answered) noexcept {
    const bool about_recipient =
        reason == BounceReason::UserUnknown || reason == BounceReason::HostUnknown ||
        reason == BounceReason::HasMoved || reason == BounceReason::MailboxFull ||
        reason == BounceReason::Suspend || reason == BounceReason::OnHold;
    switch (answered) {
    case Command::Greeting:
    case Command::Helo:
    case Command::Ehlo: return about_recipient ? BounceReason::Blocked : reason;
    case Command::Mail:
        return about_recipient || reason == BounceReason::NotAccept ? BounceReason::Rejected
                                                                    : reason;
    case Command::Rcpt:
    case Command::Data:
    case Command::DataEnd:
    case Command::Bdat:
    case Command::Rset:
    case Command::Vrfy:
    case Command::Expn:
    case Command::Help:
    case Command::Noop:
    case Command::Quit:
    case Command::Auth:
    case Command::StartTls:
    case Command::Other: return reason;
    }
    return reason;
}

// A server's user-unknown wording proves a bad address only as the answer
// to the address: RCPT TO (RFC 5321 section 3.3 has the server check it
// there), VRFY or EXPN, or with an addressing code (X.1.y). Answering the
// message (DATA, the end of the data, BDAT), it is the server refusing this
// message in stock words (carriers such as NTT docomo answer their users'
// filters with "550 Unknown user"); answering a command the report does not
// name, it may be either. Both are Filtered, as sisimai reads them: soft,
// for a bounce processor must not drop an address on words it cannot place.
// A reporting MTA's own routing verdict on an address it knows (Exim's
// "Unrouteable address", BouncePhrase::reporter_verdict) is no server's
// reply: it stays UserUnknown, unless the report has it answer the message.
// A provider that checks its recipients after the data says so in its own
// words (Yahoo's "dd ... doesn't have a yahoo.com account",
// BouncePhrase::checked_after_data): UserUnknown at any command.
// (A reply to MAIL or before it is in_context()'s; an X.1.1 code decides
// before the text: an LMTP server answers each recipient after the data,
// RFC 2033 section 4.2.)
constexpr BounceReason text_in_context(const BouncePhrase& row, Command answered,
                                       const std::optional<EnhancedStatusCode>& counted) noexcept {
    const BounceReason reason = row.reason;
    const bool answers_message =
        answered == Command::Data || answered == Command::DataEnd || answered == Command::Bdat;
    const bool about_address = (!answers_message && row.reporter_verdict) ||
                               row.checked_after_data ||
                               answered == Command::Rcpt || answered == Command::Vrfy ||
                               answered == Command::Expn || answered == Command::Mail ||
                               answered == Command::Greeting || answered == Command::Helo ||
                               answered == Command::Ehlo || (counted && counted->subject == 1);
    return reason == BounceReason::UserUnknown && !about_address ? BounceReason::Filtered
                                                                 : reason;
}

// What is left when nothing told the reason (sisimai's last resort): a
// delay nobody explained is Expired (the message waits on a host it cannot
// deliver to); a failure whose report has words, none of them known, is
// OnHold (something was said, too little to judge the address); without
// any words, Undefined.
constexpr BounceReason unexplained(DeliveryOutcome outcome, std::string_view text) noexcept {
    if (outcome == DeliveryOutcome::Delayed) {
        return BounceReason::Expired;
    }
    for (const char c : text) {
        if (!is_text_space(static_cast<unsigned char>(c))) {
            return BounceReason::OnHold;
        }
    }
    return BounceReason::Undefined;
}

// What the answered command alone says of a failure. AUTH and STARTTLS say
// it before the basic reply code does (504 to AUTH is an unknown mechanism,
// RFC 4954 section 4; 454 to STARTTLS is TLS unavailable, RFC 3207
// section 4); the others only after it.
constexpr BounceReason strong_command_reason(Command answered) noexcept {
    return answered == Command::Auth       ? BounceReason::SecurityError
           : answered == Command::StartTls ? BounceReason::FailedStartTls
                                           : BounceReason::Undefined;
}

constexpr BounceReason weak_command_reason(Command answered) noexcept {
    switch (answered) {
    // Refused before any address: the client host (sisimai's "blocked").
    case Command::Greeting:
    case Command::Helo:
    case Command::Ehlo: return BounceReason::Blocked;
    case Command::Mail: return BounceReason::Rejected;
    // A recipient refused without a precise reason: hold, do not drop.
    case Command::Rcpt: return BounceReason::OnHold;
    // Refused after the content was sent (sisimai's "filtered").
    case Command::Data:
    case Command::DataEnd:
    case Command::Bdat: return BounceReason::Filtered;
    case Command::Auth: return BounceReason::SecurityError;
    case Command::StartTls: return BounceReason::FailedStartTls;
    case Command::Rset:
    case Command::Vrfy:
    case Command::Expn:
    case Command::Help:
    case Command::Noop:
    case Command::Quit:
    case Command::Other: return BounceReason::Undefined;
    }
    return BounceReason::Undefined;
}

// What a basic reply code alone says, where RFC 5321 section 4.2.2 (or the
// extension that defines the code) gives it one meaning.
constexpr BounceReason reply_code_reason(int code, Command answered) noexcept {
    switch (code) {
    case 451: return BounceReason::SystemError; // local error in processing
    case 452:
        // RFC 5321 section 4.5.3.1.10: to RCPT, too many recipients.
        return answered == Command::Rcpt ? BounceReason::RateLimited : BounceReason::SystemFull;
    case 455:
    case 500:
    case 501:
    case 502:
    case 503:
    case 504:
    case 555: return BounceReason::SyntaxError;
    case 521: // RFC 7504 section 3: host does not accept mail
    case 556: // RFC 7504 section 3: domain does not accept mail
        return BounceReason::NotAccept;
    case 432: // RFC 4954 section 6
    case 530:
    case 534:
    case 535:
    case 538: return BounceReason::SecurityError;
    case 551: return BounceReason::HasMoved; // RFC 5321 section 3.4: user not local
    case 552:
        // RFC 1870 section 6.1: to MAIL with SIZE, the message is too big;
        // RFC 5321 section 4.5.3.1.10: to RCPT, too many recipients;
        // otherwise "exceeded storage allocation".
        return answered == Command::Mail   ? BounceReason::MesgTooBig
               : answered == Command::Rcpt ? BounceReason::RateLimited
                                           : BounceReason::MailboxFull;
    default: return BounceReason::Undefined; // an int, not our enum
    }
}

// Servers answer other refusals of a recipient with an unknown user's code
// (X.1.1) too: a full mailbox ("552 ... over quota (#5.1.1)"), a relay or
// a sender refused, a moved mailbox, a host that takes no mail, a sender
// over its rate limit, the recipient's own filter (Facebook's RCP-P2). Words that
// tell one of those are more precise than the code (sisimai reads them so).
constexpr bool tells_other_refusal(BounceReason reason) noexcept {
    return reason == BounceReason::MailboxFull || reason == BounceReason::NoRelaying ||
           reason == BounceReason::Blocked || reason == BounceReason::Rejected ||
           reason == BounceReason::HasMoved || reason == BounceReason::NotAccept ||
           reason == BounceReason::RateLimited || reason == BounceReason::Filtered;
}

constexpr BounceVerdict verdict(BounceReason reason, BounceBasis basis, std::size_t phrase,
                                int code,
                                const std::optional<EnhancedStatusCode>& enhanced) noexcept {
    return {reason, is_hard_bounce(reason, code, enhanced), basis, phrase};
}

} // namespace detail

/// Why the reply failed, from everything it says together: the reply code,
/// its enhanced status code (if any), the command it answers and its text
/// (the text after the codes; join a multi-line reply's lines with a space).
/// `code` may be 0 when only a DSN's Status and Diagnostic-Code are known;
/// `answered` Command::Other when the command is unknown; `outcome` what the
/// report around the reply says of the attempts (a DSN's Action), Unknown
/// for a reply read on its own.
///
/// The rules, strongest first:
/// 1. A 2yz reply (or a class 2 code without a reply code) is Delivered; a
///    3yz is no failure and gives Undefined.
/// 2. The enhanced code counts only when its class is the reply's (RFC 3463
///    section 2, RFC 2034 section 3; Gmail's "421 5.7.32" is read by its
///    text), or stands alone without a reply code. A Decisive code decides,
///    but for an unknown user's (X.1.1) whose text tells another refusal:
///    a full mailbox, a relay or a sender refused, a moved mailbox, a host
///    that takes no mail, a rate limit, the recipient's filter
///    (tells_other_refusal).
/// 3. A wording of `bounce_phrases` in the text, the first in priority order;
///    but a user-unknown wording is Filtered unless it answers RCPT TO (or
///    VRFY, EXPN), comes with an addressing code (X.1.y) or is the reporting
///    MTA's own routing verdict (Exim's "Unrouteable address") or a
///    provider's that checks after the data (Yahoo's "dd" replies):
///    answering the message (DATA, the end of the data, BDAT) or an unnamed
///    command, it does not prove the address bad (RFC 5321 section 3.3 has
///    the address checked at RCPT TO).
/// 4. A Hint code's reason.
/// 5. After AUTH, SecurityError; after STARTTLS, FailedStartTls.
/// 6. The basic reply code where it has one meaning (521 and 556 NotAccept,
///    RFC 7504; 551 HasMoved; 552 by command, RFC 1870 and RFC 5321 section
///    4.5.3.1.10; 5yz syntax codes; RFC 4954's authentication codes).
/// 7. The command: after the greeting or HELO/EHLO Blocked, after MAIL
///    Rejected, after RCPT OnHold, after DATA or BDAT Filtered.
/// 8. A Vague code's reason; else, with `outcome` Delayed, Expired; else
///    OnHold when the text has any word, Undefined when it is blank.
/// Whatever decided, an unknown host in a class 4 failure is a NetworkError
/// (reason_in_class: the lookup failed for now). A network failure stays a
/// NetworkError when the MTA gave up (`outcome` Failed): its retries ran
/// out on it, and the code says what failed (X.4.2, a bad connection), not
/// that the time to deliver did (X.4.7). A recipient reason in a reply
/// to MAIL becomes Rejected, and in a reply to the greeting or HELO/EHLO
/// Blocked (RFC 5321 section 3.3: those commands carry no recipient).
[[nodiscard]] constexpr BounceVerdict
classify_bounce(int code, std::optional<EnhancedStatusCode> enhanced, Command answered,
                std::string_view text, DeliveryOutcome outcome = DeliveryOutcome::Unknown) noexcept {
    constexpr std::size_t no_phrase = bounce_phrase_count;
    const bool reply = code >= 200 && code <= 599;
    std::optional<EnhancedStatusCode> counted;
    if (enhanced && is_valid(*enhanced) && (!reply || enhanced->status_class == code / 100)) {
        counted = enhanced;
    }
    const int status_class = detail::failure_class(code, enhanced);
    if (status_class == 2) {
        return detail::verdict(BounceReason::Delivered,
                               reply ? BounceBasis::ReplyCode : BounceBasis::EnhancedCode,
                               no_phrase, code, counted);
    }
    if (status_class == 3) {
        return detail::verdict(BounceReason::Undefined, BounceBasis::ReplyCode, no_phrase, code,
                               counted);
    }
    const CodeVerdict by_code =
        counted ? code_verdict(*counted) : CodeVerdict{BounceReason::Undefined, CodeWeight::Vague};
    const auto decided = [&](BounceReason reason, BounceBasis basis, std::size_t phrase) {
        return detail::verdict(reason_in_class(detail::in_context(reason, answered), code, enhanced),
                               basis, phrase, code, counted);
    };
    const std::size_t phrase = detail::find_phrase(text);
    if (by_code.weight == CodeWeight::Decisive) {
        if (by_code.reason == BounceReason::UserUnknown && phrase != no_phrase &&
            detail::tells_other_refusal(bounce_phrases[phrase].reason)) {
            return decided(bounce_phrases[phrase].reason, BounceBasis::Text, phrase);
        }
        return decided(by_code.reason, BounceBasis::EnhancedCode, no_phrase);
    }
    if (phrase != no_phrase) {
        return decided(detail::text_in_context(bounce_phrases[phrase], answered, counted),
                       BounceBasis::Text, phrase);
    }
    if (by_code.weight == CodeWeight::Hint && by_code.reason != BounceReason::Undefined) {
        return decided(by_code.reason, BounceBasis::EnhancedCode, no_phrase);
    }
    if (status_class == 4 || status_class == 5) {
        const BounceReason strong = detail::strong_command_reason(answered);
        if (strong != BounceReason::Undefined) {
            return decided(strong, BounceBasis::Command, no_phrase);
        }
    }
    const BounceReason by_reply = detail::reply_code_reason(code, answered);
    if (by_reply != BounceReason::Undefined) {
        return decided(by_reply, BounceBasis::ReplyCode, no_phrase);
    }
    if (status_class == 4 || status_class == 5) {
        const BounceReason weak = detail::weak_command_reason(answered);
        if (weak != BounceReason::Undefined) {
            return decided(weak, BounceBasis::Command, no_phrase);
        }
    }
    if (by_code.reason != BounceReason::Undefined) {
        return decided(by_code.reason, BounceBasis::EnhancedCode, no_phrase);
    }
    return detail::verdict(detail::unexplained(outcome, text), BounceBasis::None, no_phrase, code,
                           counted);
}

/// classify_bounce(...).reason: the reason alone.
[[nodiscard]] constexpr BounceReason bounce_reason(int code,
                                                   std::optional<EnhancedStatusCode> enhanced,
                                                   Command answered,
                                                   std::string_view text) noexcept {
    return classify_bounce(code, enhanced, answered, text).reason;
}

} // namespace smtp

#endif // SMTP_BOUNCE_REASON_HPP
