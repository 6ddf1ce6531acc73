// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
// <smtp/semantics.hpp>: a reply judged in the context of the command it
// answers (what to do next, whether the RFCs list it for that command, whether
// it ends the connection), writing replies for server authors, and the names
// other ecosystems give the reply codes.
//
// Everything here is constexpr and noexcept (write_reply_to as far as the
// caller's iterator allows), allocation free, and gives a defined answer for
// any input.
#ifndef SMTP_SEMANTICS_HPP
#define SMTP_SEMANTICS_HPP

#include <smtp/command.hpp>
#include <smtp/enhanced_status_code.hpp>
#include <smtp/status_code.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

namespace smtp {

// ---------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------

/// What a client does after a reply.
enum class Action : int {
    /// 2yz: done; go on with the next command.
    Proceed,
    /// 3yz: the server waits for more (the mail data after 354, the next
    /// AUTH line after 334).
    Continue,
    /// Not done now; the same thing may succeed later (requeue, try again).
    Retry,
    /// Not done; do not repeat it unchanged.
    Fail,
};

/// The enumerator's spelling ("Retry"); empty for a value that is no
/// enumerator.
constexpr std::string_view name(Action action) noexcept {
    switch (action) {
    case Action::Proceed: return "Proceed";
    case Action::Continue: return "Continue";
    case Action::Retry: return "Retry";
    case Action::Fail: return "Fail";
    }
    return {};
}

namespace detail {

// RFC 5321 section 4.5.3.1.10: a 552 answering RCPT is the old "too many
// recipients" code and is temporary. An enhanced code can say the 552 means
// something else; only a class 5 code counts (RFC 2034 section 3: the class
// must match the reply's). These keep the temporary reading:
//   X.0.0  says nothing more (RFC 3463 section 3.1);
//   X.5.3  too many recipients (RFC 3463 section 3.6);
//   X.2.2  mailbox full and X.3.1 mail system full, which RFC 3463 sections
//          3.3 and 3.4 call persistent transient failures.
// Any other class 5 code names a lasting cause, for example X.2.3 or X.3.4
// for a message too big for this recipient, which RFC 1870 section 6.4 says
// not to requeue.
constexpr bool rcpt_552_is_temporary(const std::optional<EnhancedStatusCode>& enhanced) noexcept {
    if (!enhanced || enhanced->status_class != 5) {
        return true;
    }
    const int subject = enhanced->subject;
    const int detail = enhanced->detail;
    return (subject == 0 && detail == 0) || (subject == 5 && detail == 3) ||
           (subject == 2 && detail == 2) || (subject == 3 && detail == 1);
}

} // namespace detail

/// What to do after reply `code` to `answered`: 2yz Proceed, 3yz Continue,
/// 4yz Retry, 5yz Fail, and Fail for anything that is no reply code (outside
/// 200..599). One exception, RFC 5321 section 4.5.3.1.10: 552 answering RCPT
/// means "too many recipients" and is Retry (send the remaining recipients in
/// a later transaction), unless `enhanced` is a class 5 code naming another
/// cause (such as 5.3.4, message too big: RFC 1870 section 6.4); 5.5.3,
/// 5.2.2, 5.3.1 and 5.0.0 keep it Retry. `enhanced` changes nothing else.
constexpr Action next_action(int code, Command answered,
                             std::optional<EnhancedStatusCode> enhanced = {}) noexcept {
    switch (reply_class(code)) {
    case ReplyClass::None: return Action::Fail;
    case ReplyClass::PositiveCompletion: return Action::Proceed;
    case ReplyClass::PositiveIntermediate: return Action::Continue;
    case ReplyClass::TransientNegative: return Action::Retry;
    case ReplyClass::PermanentNegative:
        if (code == 552 && answered == Command::Rcpt &&
            detail::rcpt_552_is_temporary(enhanced)) {
            return Action::Retry;
        }
        return Action::Fail;
    }
    return Action::Fail;
}

/// Whether the server closes the connection after this reply: 221 (closing,
/// normally after QUIT) and 421 (service not available, whatever it answers;
/// RFC 5321 section 3.8).
constexpr bool closes_connection(int code) noexcept {
    return code == 221 || code == 421;
}

// ---------------------------------------------------------------------------
// Which replies the RFCs list for each command
// ---------------------------------------------------------------------------

/// A set of Commands, one bit each.
struct CommandSet {
    std::uint32_t bits = 0;

    /// Whether `command` is in the set (false for a value that is no
    /// enumerator).
    constexpr bool contains(Command command) const noexcept {
        const auto index = static_cast<unsigned>(command);
        return index < all_commands.size() && ((bits >> index) & 1u) != 0;
    }
};

namespace detail {

constexpr std::uint32_t command_bit(Command command) noexcept {
    return std::uint32_t{1} << static_cast<unsigned>(command);
}

constexpr CommandSet only(std::initializer_list<Command> commands) noexcept {
    CommandSet set{};
    for (const Command c : commands) {
        set.bits |= command_bit(c);
    }
    return set;
}

constexpr CommandSet all_but(std::initializer_list<Command> commands) noexcept {
    CommandSet set{};
    for (const Command c : all_commands) {
        set.bits |= command_bit(c);
    }
    for (const Command c : commands) {
        set.bits &= ~command_bit(c);
    }
    return set;
}

} // namespace detail

/// One row of the expected-reply table: some reply codes that the cited
/// RFC section lists for some commands.
struct ExpectedReplyRule {
    /// The most codes one row lists; unused places are 0.
    static constexpr std::size_t capacity = 12;

    CommandSet commands;
    /// The codes, then zeros.
    std::array<int, capacity> codes;
    /// Every code 200..599 instead of `codes` (for Command::Other).
    bool every_code;
    /// Where the RFCs say so ("RFC 5321 section 4.3.2").
    std::string_view source;

    /// Whether this row lists `code`.
    constexpr bool lists(int code) const noexcept {
        if (code < 200 || code > 599) {
            return false;
        }
        if (every_code) {
            return true;
        }
        for (const int listed : codes) {
            if (listed == code) {
                return true;
            }
        }
        return false;
    }
};

/// The replies the RFCs list for each command: the one source of truth for
/// is_expected_reply and expected_reply_source. A reply is expected for a
/// command when any row for that command lists it.
///
/// How the three entries that are not ordinary commands are treated:
/// - Greeting is no command, so the rows for any command line (500 and 501;
///   503 of RFC 5321 section 3.1; 530 and 554 of RFC 3207) leave it out. It
///   has 220 and 554 (RFC 5321 section 4.3.2), and 421, which RFC 5321
///   section 3.8 lets a server send at any time.
/// - DataEnd is the end of the mail data, no command line either, so those
///   rows leave it out too. It has RFC 5321 section 4.3.2's list for the
///   reply after the data, the SIZE codes of RFC 1870 section 6.2, and 421.
/// - Other (a command this table does not cover) has every code 200..599:
///   its own extension defines its replies, so none is unexpected.
inline constexpr ExpectedReplyRule expected_reply_rules[] = {
    // RFC 5321 section 4.3.2, command by command.
    {detail::only({Command::Greeting}), {220, 554}, false,
     "RFC 5321 section 4.3.2 (connection establishment)"},
    {detail::only({Command::Helo, Command::Ehlo}), {250, 504, 550, 502}, false,
     "RFC 5321 section 4.3.2"},
    {detail::only({Command::Mail}), {250, 552, 451, 452, 550, 553, 503, 455, 555}, false,
     "RFC 5321 section 4.3.2"},
    {detail::only({Command::Rcpt}), {250, 251, 550, 551, 552, 553, 450, 451, 452, 503, 455, 555},
     false, "RFC 5321 section 4.3.2"},
    {detail::only({Command::Data}), {354, 503, 554}, false, "RFC 5321 section 4.3.2"},
    {detail::only({Command::DataEnd}), {250, 552, 554, 451, 452, 450, 550}, false,
     "RFC 5321 section 4.3.2 (after the mail data)"},
    {detail::only({Command::Rset}), {250}, false, "RFC 5321 section 4.3.2"},
    {detail::only({Command::Vrfy}), {250, 251, 252, 550, 551, 553, 502, 504}, false,
     "RFC 5321 section 4.3.2"},
    {detail::only({Command::Expn}), {250, 252, 550, 500, 502, 504}, false,
     "RFC 5321 section 4.3.2"},
    {detail::only({Command::Help}), {211, 214, 502, 504}, false, "RFC 5321 section 4.3.2"},
    {detail::only({Command::Noop}), {250}, false, "RFC 5321 section 4.3.2"},
    {detail::only({Command::Quit}), {221}, false, "RFC 5321 section 4.3.2"},
    // RFC 5321, replies not tied to one command.
    {detail::all_but({Command::Greeting, Command::DataEnd}), {500, 501}, false,
     "RFC 5321 section 4.3.2 (any command)"},
    {detail::all_but({}), {421}, false,
     "RFC 5321 sections 4.3.2 and 3.8 (any command, or unprompted at shutdown)"},
    {detail::all_but({Command::Greeting, Command::DataEnd, Command::Quit}), {503}, false,
     "RFC 5321 section 3.1 (after a 554 greeting, until QUIT)"},
    {detail::only({Command::Bdat, Command::Auth, Command::StartTls}), {502}, false,
     "RFC 5321 section 4.2.4 (a recognised command the server does not implement)"},
    // RFC 7504: a host that accepts no mail says 521 instead of the greeting
    // and may answer every command but QUIT with it; a relay that finds the
    // recipient's domain takes no mail (a null MX, RFC 7505) answers RCPT
    // with 556.
    {detail::only({Command::Greeting}), {521}, false,
     "RFC 7504 (521 in place of the greeting)"},
    {detail::all_but({Command::Greeting, Command::DataEnd, Command::Quit}), {521}, false,
     "RFC 7504 (521 from a host that accepts no mail, until QUIT)"},
    {detail::only({Command::Rcpt}), {556}, false,
     "RFC 7504 (556: the recipient's domain accepts no mail)"},
    // RFC 1870, SIZE.
    {detail::only({Command::Mail}), {452, 552}, false, "RFC 1870 section 6.1"},
    {detail::only({Command::Rcpt}), {452, 552}, false, "RFC 1870 section 6.4"},
    {detail::only({Command::Data, Command::DataEnd, Command::Bdat}), {452, 552}, false,
     "RFC 1870 section 6.2"},
    // RFC 3030, CHUNKING: a chunk gets 250, a BDAT after BDAT LAST gets 503,
    // and a failed chunk gets the 4yz or 5yz the mail data would get.
    {detail::only({Command::Bdat}), {250, 503}, false, "RFC 3030 section 2"},
    {detail::only({Command::Bdat}), {450, 451, 452, 550, 552, 554}, false,
     "RFC 3030 section 2 (as RFC 5321 section 4.3.2 after the mail data)"},
    // RFC 3207, STARTTLS.
    {detail::only({Command::StartTls}), {220, 501, 454}, false, "RFC 3207 section 4"},
    {detail::all_but({Command::Greeting, Command::DataEnd, Command::Noop, Command::Ehlo,
                      Command::StartTls, Command::Quit}),
     {530}, false, "RFC 3207 section 4 (STARTTLS required first)"},
    {detail::all_but({Command::Greeting, Command::DataEnd, Command::Quit}), {554}, false,
     "RFC 3207 section 4.1 (security too weak after TLS negotiation)"},
    // RFC 4954, AUTH.
    {detail::only({Command::Auth}), {235, 334, 500, 501, 503, 504, 535}, false,
     "RFC 4954 section 4"},
    {detail::only({Command::Auth}), {432, 454, 534, 538}, false, "RFC 4954 section 6"},
    {detail::all_but({Command::Greeting, Command::DataEnd, Command::Auth, Command::Ehlo,
                      Command::Helo, Command::Noop, Command::Rset, Command::Quit}),
     {530}, false, "RFC 4954 section 6 (authentication required)"},
    // A command the table does not cover.
    {detail::only({Command::Other}), {}, true,
     "no RFC table: the command's own extension defines its replies"},
};

namespace detail {

inline constexpr std::size_t expected_reply_words = 7; // 400 codes, 64 per word

using ExpectedReplyBits =
    std::array<std::array<std::uint64_t, expected_reply_words>, all_commands.size()>;

// The table as one bit per (command, code 200..599), so that a lookup is a
// bounds check and a bit test.
constexpr ExpectedReplyBits make_expected_reply_bits() noexcept {
    ExpectedReplyBits bits{};
    for (const ExpectedReplyRule& rule : expected_reply_rules) {
        for (std::size_t c = 0; c < all_commands.size(); ++c) {
            if (!rule.commands.contains(all_commands[c])) {
                continue;
            }
            // Whole words at a time: constant evaluation pays per statement.
            for (std::size_t word = 0; rule.every_code && word < expected_reply_words; ++word) {
                const std::size_t first_bit = word * 64;
                bits[c][word] |= first_bit + 64 <= 400 ? ~std::uint64_t{0}
                               : (std::uint64_t{1} << (400 - first_bit)) - 1;
            }
            for (const int code : rule.codes) {
                if (code == 0) {
                    break; // the rest is padding
                }
                if (code >= 200 && code <= 599) {
                    const auto offset = static_cast<std::size_t>(code - 200);
                    bits[c][offset / 64] |= std::uint64_t{1} << (offset % 64);
                }
            }
        }
    }
    return bits;
}

inline constexpr ExpectedReplyBits expected_reply_bits = make_expected_reply_bits();

// Compile-time checks on the table: codes are reply codes packed at the
// front, every row names a source and a command, and every command has a
// positive reply.
constexpr bool expected_reply_rules_are_well_formed() noexcept {
    for (const ExpectedReplyRule& rule : expected_reply_rules) {
        if (rule.source.empty() || rule.commands.bits == 0 ||
            (rule.commands.bits >> all_commands.size()) != 0) {
            return false;
        }
        bool padding = false;
        std::size_t listed = 0;
        for (const int code : rule.codes) {
            if (code == 0) {
                padding = true;
            } else if (padding || code < 200 || code > 599) {
                return false;
            } else {
                ++listed;
            }
        }
        if ((listed == 0) != rule.every_code) {
            return false;
        }
    }
    for (std::size_t c = 0; c < all_commands.size(); ++c) {
        bool positive = false; // some 2yz or 3yz reply
        for (std::size_t offset = 0; offset < 200; ++offset) {
            positive = positive || ((expected_reply_bits[c][offset / 64] >> (offset % 64)) & 1u) != 0;
        }
        if (!positive) {
            return false;
        }
    }
    return true;
}

// expected_reply_rules_are_well_formed() is asserted in
// tests/compile/table_consistency.cpp, once per test build rather than in
// every translation unit that includes this header (BENCHMARKS.md).

} // namespace detail

/// Whether the RFCs list `code` as a reply to `answered` (see
/// expected_reply_rules): RFC 5321 section 4.3.2 and the extensions AUTH
/// (RFC 4954), STARTTLS (RFC 3207), CHUNKING (RFC 3030) and SIZE (RFC 1870),
/// plus 421, 500 and 501, which may answer any command. False for a code
/// outside 200..599 and for a value that is no Command.
///
/// An unexpected reply is still a reply: classify it by its first digit
/// (next_action) as RFC 5321 section 4.3.2 tells clients to; this only says
/// the server strays from the tables, which is worth logging.
constexpr bool is_expected_reply(Command answered, int code) noexcept {
    const auto index = static_cast<unsigned>(answered);
    if (index >= all_commands.size() || code < 200 || code > 599) {
        return false;
    }
    const auto offset = static_cast<std::size_t>(code - 200);
    return ((detail::expected_reply_bits[index][offset / 64] >> (offset % 64)) & 1u) != 0;
}

/// The citation of the first row of expected_reply_rules that lists `code`
/// for `answered` ("RFC 4954 section 6"); empty when the reply is not
/// expected.
constexpr std::string_view expected_reply_source(Command answered, int code) noexcept {
    if (!is_expected_reply(answered, code)) {
        return {};
    }
    for (const ExpectedReplyRule& rule : expected_reply_rules) {
        if (rule.commands.contains(answered) && rule.lists(code)) {
            return rule.source;
        }
    }
    return {};
}

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
constexpr std::string_view name(Pairing pairing) noexcept {
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
constexpr Pairing pairing(int basic, const EnhancedStatusCode& enhanced) noexcept {
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
constexpr bool is_usual_pairing(int basic, const EnhancedStatusCode& enhanced) noexcept {
    return pairing(basic, enhanced) == Pairing::Usual;
}

// ---------------------------------------------------------------------------
// Names from other ecosystems
// ---------------------------------------------------------------------------

/// A library whose SMTP status enumeration code may be ported from.
enum class ForeignApi : int {
    /// .NET's System.Net.Mail.SmtpStatusCode.
    DotNet,
    /// MailKit's MailKit.Net.Smtp.SmtpStatusCode.
    MailKit,
    /// Aspose.Email's SmtpStatusCode, whose names SmtpStatusCode keeps.
    Aspose,
};

/// The enumerator's spelling ("MailKit"); empty for a value that is no
/// enumerator.
constexpr std::string_view name(ForeignApi api) noexcept {
    switch (api) {
    case ForeignApi::DotNet: return "DotNet";
    case ForeignApi::MailKit: return "MailKit";
    case ForeignApi::Aspose: return "Aspose";
    }
    return {};
}

/// One enumerator name of another library, with its value and the libraries
/// that spell it so (one bit per ForeignApi, 1 << value).
struct ForeignName {
    std::string_view name;
    int value;
    unsigned apis;

    /// Whether `api` spells a code this way.
    constexpr bool used_by(ForeignApi api) const noexcept {
        const auto index = static_cast<unsigned>(api);
        return index < 3 && ((apis >> index) & 1u) != 0;
    }
};

namespace detail {
inline constexpr unsigned dotnet = 1u << static_cast<unsigned>(ForeignApi::DotNet);
inline constexpr unsigned mailkit = 1u << static_cast<unsigned>(ForeignApi::MailKit);
inline constexpr unsigned aspose = 1u << static_cast<unsigned>(ForeignApi::Aspose);
} // namespace detail

/// Every name of the three libraries, each once, with the value the library
/// gives it (checked against the libraries' documentation and source): the
/// one table behind from_foreign_name and foreign_name. Where two libraries
/// share a name they also share its value.
inline constexpr ForeignName foreign_names[] = {
    {"GeneralFailure", -1, detail::dotnet | detail::aspose},
    {"NotDefined", 0, detail::aspose},
    {"SystemStatus", 211, detail::dotnet | detail::mailkit | detail::aspose},
    {"HelpMessage", 214, detail::dotnet | detail::mailkit | detail::aspose},
    {"ServiceReady", 220, detail::dotnet | detail::mailkit | detail::aspose},
    {"ServiceClosingTransmissionChannel", 221, detail::dotnet | detail::mailkit | detail::aspose},
    {"AuthenticationSuccessful", 235, detail::mailkit},
    {"AuthenticationSucceeded", 235, detail::aspose},
    {"Ok", 250, detail::dotnet | detail::mailkit | detail::aspose},
    {"UserNotLocalWillForward", 251, detail::dotnet | detail::mailkit | detail::aspose},
    {"CannotVerifyUserWillAttemptDelivery", 252, detail::dotnet | detail::mailkit | detail::aspose},
    {"AuthenticationChallenge", 334, detail::mailkit},
    {"Base64Response", 334, detail::aspose},
    {"StartMailInput", 354, detail::dotnet | detail::mailkit | detail::aspose},
    {"ServiceNotAvailable", 421, detail::dotnet | detail::mailkit | detail::aspose},
    {"PasswordTransitionNeeded", 432, detail::mailkit | detail::aspose},
    {"MailboxBusy", 450, detail::dotnet | detail::mailkit | detail::aspose},
    {"ErrorInProcessing", 451, detail::mailkit},
    {"LocalErrorInProcessing", 451, detail::dotnet | detail::aspose},
    {"InsufficientStorage", 452, detail::dotnet | detail::mailkit | detail::aspose},
    {"TemporaryAuthenticationFailure", 454, detail::mailkit},
    {"ClientNotPermitted", 454, detail::dotnet | detail::aspose},
    {"CommandUnrecognized", 500, detail::dotnet | detail::mailkit | detail::aspose},
    {"SyntaxError", 501, detail::dotnet | detail::mailkit | detail::aspose},
    {"CommandNotImplemented", 502, detail::dotnet | detail::mailkit | detail::aspose},
    {"BadCommandSequence", 503, detail::dotnet | detail::mailkit},
    {"CommandNotPermitted", 503, detail::aspose},
    {"CommandParameterNotImplemented", 504, detail::dotnet | detail::mailkit},
    {"UnrecognizedAuthenticationType", 504, detail::aspose},
    {"MustIssueStartTlsFirst", 530, detail::dotnet},
    {"AuthenticationRequired", 530, detail::mailkit | detail::aspose},
    {"AuthenticationMechanismTooWeak", 534, detail::mailkit},
    {"AuthenticationMechanismIsToWeak", 534, detail::aspose},
    {"AuthenticationInvalidCredentials", 535, detail::mailkit},
    {"CredentialsInvalid", 535, detail::aspose},
    {"EncryptionRequiredForAuthenticationMechanism", 538, detail::mailkit},
    {"EncryptionRequiredRequestedMechanism", 538, detail::aspose},
    {"MailboxUnavailable", 550, detail::dotnet | detail::mailkit | detail::aspose},
    {"UserNotLocalTryAlternatePath", 551, detail::dotnet | detail::mailkit | detail::aspose},
    {"ExceededStorageAllocation", 552, detail::dotnet | detail::mailkit | detail::aspose},
    {"MailboxNameNotAllowed", 553, detail::dotnet | detail::mailkit | detail::aspose},
    {"TransactionFailed", 554, detail::dotnet | detail::mailkit | detail::aspose},
    {"MailFromOrRcptToParametersNotRecognizedOrNotImplemented", 555, detail::mailkit},
};

namespace detail {

// Compile-time checks on foreign_names: names are unique, each row belongs to
// some library, each library gives each value one name, and the Aspose rows
// are exactly the spellings SmtpStatusCode keeps.
constexpr bool foreign_names_are_consistent() noexcept {
    constexpr std::size_t rows = sizeof(foreign_names) / sizeof(foreign_names[0]);
    std::size_t aspose_rows = 0;
    for (std::size_t i = 0; i < rows; ++i) {
        const ForeignName& row = foreign_names[i];
        if (row.name.empty() || row.apis == 0 || (row.apis & ~(dotnet | mailkit | aspose)) != 0) {
            return false;
        }
        if ((row.apis & aspose) != 0) {
            ++aspose_rows;
            if (smtp::name(static_cast<SmtpStatusCode>(row.value)) != row.name) {
                return false;
            }
        }
        for (std::size_t j = i + 1; j < rows; ++j) {
            const ForeignName& other = foreign_names[j];
            if (other.name == row.name ||
                (other.value == row.value && (other.apis & row.apis) != 0)) {
                return false;
            }
        }
    }
    // The 32 enumerators SmtpStatusCode takes from Aspose.Email.
    return aspose_rows == 32;
}

// Asserted in tests/compile/table_consistency.cpp (see above).

} // namespace detail

/// The SmtpStatusCode for a name of .NET's, MailKit's or Aspose.Email's
/// SmtpStatusCode (exact, case-sensitive): "ErrorInProcessing" (MailKit) and
/// "LocalErrorInProcessing" (.NET, Aspose) both give LocalErrorInProcessing,
/// "BadCommandSequence" gives CommandNotPermitted. std::nullopt for any other
/// text, and for a name whose value has no enumerator here.
constexpr std::optional<SmtpStatusCode> from_foreign_name(std::string_view text) noexcept {
    for (const ForeignName& row : foreign_names) {
        if (row.name == text) {
            return from_value(row.value);
        }
    }
    return std::nullopt;
}

/// As from_foreign_name(text), but only names that `api` uses: "Ok" is
/// accepted for every library, "ErrorInProcessing" only for MailKit.
constexpr std::optional<SmtpStatusCode> from_foreign_name(std::string_view text,
                                                          ForeignApi api) noexcept {
    for (const ForeignName& row : foreign_names) {
        if (row.name == text) {
            return row.used_by(api) ? from_value(row.value) : std::nullopt;
        }
    }
    return std::nullopt;
}

/// The row of foreign_names spelled as `text` by `equal`, a comparison of
/// two chars: `foreign_name_entry("errorinprocessing", case_insensitive)` is
/// MailKit's {"ErrorInProcessing", 451}, which says whose name it is (for a
/// message such as "the name ErrorInProcessing of MailKit"). std::nullopt
/// for any other text. (A copy, not a pointer, as for vendor_note.)
template <class BinaryPredicate>
[[nodiscard]] constexpr std::optional<ForeignName>
foreign_name_entry(std::string_view text,
                   const BinaryPredicate& equal) noexcept(noexcept(equal('a', 'a'))) {
    for (const ForeignName& row : foreign_names) {
        if (detail::same_text(row.name, text, equal)) {
            return row;
        }
    }
    return std::nullopt;
}

/// The name `api` gives `code` ("ErrorInProcessing" for 451 in MailKit);
/// empty when that library has no name for it.
constexpr std::string_view foreign_name(SmtpStatusCode code, ForeignApi api) noexcept {
    for (const ForeignName& row : foreign_names) {
        if (row.value == value(code) && row.used_by(api)) {
            return row.name;
        }
    }
    return {};
}

// ---------------------------------------------------------------------------
// Writing replies (for servers)
// ---------------------------------------------------------------------------

/// RFC 5321 section 4.5.3.1.5: the longest reply line, code and CRLF
/// included, that every client must accept.
inline constexpr std::size_t rfc5321_reply_line_limit = 512;

/// Options of write_reply.
struct ReplyWriteOptions {
    /// The most octets a written line may have, counting its code,
    /// separator, enhanced code, text and CRLF.
    std::size_t max_line_length = rfc5321_reply_line_limit;
};

/// Why write_reply refused. Nothing is written when it refuses.
enum class ReplyWriteError : int {
    /// Written.
    None = 0,
    /// The code is outside 200..599, so it is not three digits with a first
    /// digit of 2 to 5 (RFC 5321 section 4.2).
    InvalidCode,
    /// The enhanced code could not come out of parse_enhanced_status_code:
    /// class 2, 4 or 5 and subject and detail 0..999 (RFC 3463 section 2).
    InvalidEnhancedCode,
    /// The enhanced code's class differs from the reply code's first digit
    /// (RFC 3463 section 2, RFC 2034 section 3).
    EnhancedClassMismatch,
    /// An enhanced code for a 3yz reply, which never carries one (RFC 2034
    /// section 3 covers 2yz, 4yz and 5yz only).
    EnhancedOnIntermediate,
    /// No lines (or a null pointer to them): a reply has at least one line.
    NoLines,
    /// A line's text holds CR or LF, which would end the line early and let
    /// the text forge more reply lines. `line` says which.
    LineBreakInText,
    /// A line would be longer than ReplyWriteOptions::max_line_length.
    /// `line` says which.
    LineTooLong,
    /// The output range is too small; `size` is the room the reply needs.
    BufferTooSmall,
};

/// The enumerator's spelling ("LineTooLong"); empty for a value that is no
/// enumerator.
constexpr std::string_view name(ReplyWriteError error) noexcept {
    switch (error) {
    case ReplyWriteError::None: return "None";
    case ReplyWriteError::InvalidCode: return "InvalidCode";
    case ReplyWriteError::InvalidEnhancedCode: return "InvalidEnhancedCode";
    case ReplyWriteError::EnhancedClassMismatch: return "EnhancedClassMismatch";
    case ReplyWriteError::EnhancedOnIntermediate: return "EnhancedOnIntermediate";
    case ReplyWriteError::NoLines: return "NoLines";
    case ReplyWriteError::LineBreakInText: return "LineBreakInText";
    case ReplyWriteError::LineTooLong: return "LineTooLong";
    case ReplyWriteError::BufferTooSmall: return "BufferTooSmall";
    }
    return {};
}

/// The answer of write_reply and measure_reply.
struct ReplyWriteResult {
    ReplyWriteError error;
    /// With None, the bytes written (measure_reply: the bytes the reply
    /// takes); with BufferTooSmall, the bytes needed; otherwise 0.
    std::size_t size;
    /// With LineBreakInText and LineTooLong, the index of the offending
    /// line; otherwise 0.
    std::size_t line;

    /// Whether the reply was (or can be) written.
    constexpr bool ok() const noexcept { return error == ReplyWriteError::None; }
};

/// The answer of write_reply_to: as ReplyWriteResult, and the iterator past
/// the last character written (the given iterator when nothing was).
template <class OutputIt>
struct ReplyWriteToResult {
    ReplyWriteError error;
    std::size_t size;
    std::size_t line;
    OutputIt out;

    constexpr bool ok() const noexcept { return error == ReplyWriteError::None; }
};

namespace detail {

// Checks a reply and measures it: the one place the writer's rules live.
// `lines` is only read when `count` is not 0; the callers that take a
// pointer map a null one to count 0 (comparing an initializer_list's array
// with nullptr is not a constant expression for g++).
constexpr ReplyWriteResult check_reply(int code, const std::optional<EnhancedStatusCode>& enhanced,
                                       const std::string_view* lines, std::size_t count,
                                       const ReplyWriteOptions& options) noexcept {
    if (code < 200 || code > 599) {
        return {ReplyWriteError::InvalidCode, 0, 0};
    }
    std::size_t prefix = 4; // code and separator
    if (enhanced) {
        if (!is_valid(*enhanced)) {
            return {ReplyWriteError::InvalidEnhancedCode, 0, 0};
        }
        if (code / 100 == 3) {
            return {ReplyWriteError::EnhancedOnIntermediate, 0, 0};
        }
        if (enhanced->status_class != code / 100) {
            return {ReplyWriteError::EnhancedClassMismatch, 0, 0};
        }
        prefix += to_text(*enhanced).size;
    }
    if (count == 0) {
        return {ReplyWriteError::NoLines, 0, 0};
    }
    std::size_t total = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string_view text = lines[i];
        for (const char c : text) {
            if (c == '\r' || c == '\n') {
                return {ReplyWriteError::LineBreakInText, 0, i};
            }
        }
        // The space between enhanced code and text is only there when both are.
        const std::size_t fixed = prefix + (enhanced && !text.empty() ? 1 : 0) + 2;
        if (fixed > options.max_line_length || text.size() > options.max_line_length - fixed) {
            return {ReplyWriteError::LineTooLong, 0, i};
        }
        const std::size_t length = fixed + text.size();
        // A reply this long cannot be in memory; saturate rather than wrap.
        total = total > static_cast<std::size_t>(-1) - length ? static_cast<std::size_t>(-1)
                                                              : total + length;
    }
    return {ReplyWriteError::None, total, 0};
}

// Writes a reply check_reply accepted.
template <class OutputIt>
constexpr OutputIt emit_reply(OutputIt out, int code,
                              const std::optional<EnhancedStatusCode>& enhanced,
                              const std::string_view* lines, std::size_t count) {
    const char digits[3] = {static_cast<char>('0' + code / 100),
                            static_cast<char>('0' + code / 10 % 10),
                            static_cast<char>('0' + code % 10)};
    EnhancedStatusCodeText enhanced_text{};
    if (enhanced) {
        enhanced_text = to_text(*enhanced);
    }
    for (std::size_t i = 0; i < count; ++i) {
        // RFC 5321 section 4.2.1: the code on every line, '-' after it on all
        // but the last, a space on the last (sent even before empty text).
        for (const char d : digits) {
            *out = d;
            ++out;
        }
        *out = i + 1 == count ? ' ' : '-';
        ++out;
        // RFC 2034 section 4: the enhanced code starts the text of every line.
        const std::string_view text = lines[i];
        if (enhanced) {
            for (const char c : enhanced_text.view()) {
                *out = c;
                ++out;
            }
            if (!text.empty()) {
                *out = ' ';
                ++out;
            }
        }
        for (const char c : text) {
            *out = c;
            ++out;
        }
        *out = '\r';
        ++out;
        *out = '\n';
        ++out;
    }
    return out;
}

// write_reply after the null pointer check.
constexpr ReplyWriteResult write_reply(char* first, char* last, int code,
                                       const std::optional<EnhancedStatusCode>& enhanced,
                                       const std::string_view* lines, std::size_t count,
                                       const ReplyWriteOptions& options) noexcept {
    const ReplyWriteResult check = check_reply(code, enhanced, lines, count, options);
    if (!check.ok()) {
        return check;
    }
    if (first == nullptr || last == nullptr || last < first ||
        static_cast<std::size_t>(last - first) < check.size) {
        return {ReplyWriteError::BufferTooSmall, check.size, 0};
    }
    emit_reply(first, code, enhanced, lines, count);
    return check;
}

template <class OutputIt>
inline constexpr bool is_nothrow_char_output_v =
    std::is_nothrow_copy_constructible_v<OutputIt> &&
    std::is_nothrow_move_constructible_v<OutputIt> &&
    noexcept(*std::declval<OutputIt&>() = char{}) && noexcept(++std::declval<OutputIt&>());

} // namespace detail

/// Checks a reply as write_reply would, and measures it without writing:
/// `size` is the bytes it takes. The same errors as write_reply, never
/// BufferTooSmall.
constexpr ReplyWriteResult measure_reply(int code, std::optional<EnhancedStatusCode> enhanced,
                                         const std::string_view* lines, std::size_t line_count,
                                         ReplyWriteOptions options = {}) noexcept {
    return detail::check_reply(code, enhanced, lines, lines == nullptr ? 0 : line_count, options);
}

/// measure_reply for lines given in braces.
constexpr ReplyWriteResult measure_reply(int code, std::optional<EnhancedStatusCode> enhanced,
                                         std::initializer_list<std::string_view> lines,
                                         ReplyWriteOptions options = {}) noexcept {
    return detail::check_reply(code, enhanced, lines.begin(), lines.size(), options);
}

/// Writes a reply into [first, last), like std::to_chars, for server authors:
///
///     250-mx.example.org greets client.example.net
///     250-SIZE 35882577
///     250 8BITMIME
///
/// The code on every line, '-' after it on all but the last line and a space
/// on the last, CRLF after each (RFC 5321 section 4.2.1); with `enhanced`,
/// the enhanced code and a space at the start of every line's text (RFC 2034
/// section 4; just the code when the text is empty). Refuses, writing
/// nothing (see ReplyWriteError): a code outside 200..599, an enhanced code
/// that is invalid, of another class or on a 3yz reply, no lines, a CR or LF
/// in the text, a line over options.max_line_length (512 octets by default,
/// RFC 5321 section 4.5.3.1.5), a range too small. Other bytes are written
/// as given (UTF-8 for SMTPUTF8, RFC 6531).
///
/// On success `size` is the bytes written from `first`. parse_reply reads
/// the reply back with the same code, enhanced code and lines (a line's
/// text after the enhanced code), within its limits. One caveat: without
/// `enhanced`, text that itself starts with an enhanced code of the reply's
/// class ("5.1.1 unknown user") reads back as that enhanced code.
constexpr ReplyWriteResult write_reply(char* first, char* last, int code,
                                       std::optional<EnhancedStatusCode> enhanced,
                                       const std::string_view* lines, std::size_t line_count,
                                       ReplyWriteOptions options = {}) noexcept {
    return detail::write_reply(first, last, code, enhanced, lines,
                               lines == nullptr ? 0 : line_count, options);
}

/// write_reply for lines given in braces:
/// `write_reply(buf, buf + sizeof buf, 550, EnhancedStatusCode{5, 1, 1}, {"No such user"})`.
constexpr ReplyWriteResult write_reply(char* first, char* last, int code,
                                       std::optional<EnhancedStatusCode> enhanced,
                                       std::initializer_list<std::string_view> lines,
                                       ReplyWriteOptions options = {}) noexcept {
    return detail::write_reply(first, last, code, enhanced, lines.begin(), lines.size(), options);
}

namespace detail {

// write_reply_to after the null pointer check.
template <class OutputIt>
constexpr ReplyWriteToResult<OutputIt>
write_reply_to(OutputIt out, int code, const std::optional<EnhancedStatusCode>& enhanced,
               const std::string_view* lines, std::size_t count,
               const ReplyWriteOptions& options) noexcept(is_nothrow_char_output_v<OutputIt>) {
    const ReplyWriteResult check = check_reply(code, enhanced, lines, count, options);
    if (!check.ok()) {
        return {check.error, check.size, check.line, std::move(out)};
    }
    OutputIt end = emit_reply(std::move(out), code, enhanced, lines, count);
    return {check.error, check.size, check.line, std::move(end)};
}

} // namespace detail

/// write_reply through an output iterator (a std::back_inserter, a stream
/// iterator, a pointer): checks everything first and writes nothing when it
/// refuses, so never BufferTooSmall. noexcept when writing through the
/// iterator cannot throw; a std::back_inserter into a std::string may.
template <class OutputIt>
constexpr ReplyWriteToResult<OutputIt>
write_reply_to(OutputIt out, int code, std::optional<EnhancedStatusCode> enhanced,
               const std::string_view* lines, std::size_t line_count,
               ReplyWriteOptions options = {}) noexcept(detail::is_nothrow_char_output_v<OutputIt>) {
    return detail::write_reply_to(std::move(out), code, enhanced, lines,
                                  lines == nullptr ? 0 : line_count, options);
}

/// write_reply_to for lines given in braces.
template <class OutputIt>
constexpr ReplyWriteToResult<OutputIt>
write_reply_to(OutputIt out, int code, std::optional<EnhancedStatusCode> enhanced,
               std::initializer_list<std::string_view> lines,
               ReplyWriteOptions options = {}) noexcept(detail::is_nothrow_char_output_v<OutputIt>) {
    return detail::write_reply_to(std::move(out), code, enhanced, lines.begin(), lines.size(),
                                  options);
}

} // namespace smtp

#endif // SMTP_SEMANTICS_HPP
