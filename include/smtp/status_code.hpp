// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
// <smtp/status_code.hpp>: the basic three-digit reply codes of RFC 5321 and
// its extensions, their names and meanings, and their classification.
//
// Everything here is constexpr, noexcept and allocation free, and gives a
// defined answer for any input: any int, any enum value cast from an int and
// any string.
#ifndef SMTP_STATUS_CODE_HPP
#define SMTP_STATUS_CODE_HPP

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace smtp {

/// The basic reply codes. Names and values of the first 32 enumerators are
/// exactly those of Aspose.Email's SmtpStatusCode (including its spelling
/// "AuthenticationMechanismIsToWeak"), so code ported from .NET keeps its
/// names; the four standard codes it lacks follow their own RFCs.
///
/// A server may send a code that is not listed here (571, 299): keep such a
/// code as an int, or cast it to this type; every function below accepts it.
enum class SmtpStatusCode : int {
    // Sentinels of the Aspose.Email API; they are not reply codes.

    /// Aspose.Email sentinel: no reply code has been recorded.
    NotDefined = 0,
    /// Aspose.Email sentinel: the operation failed without a usable reply.
    GeneralFailure = -1,

    // 2yz: positive completion (RFC 5321 section 4.2.1).

    /// RFC 5321 section 4.2.2: system status, or system help reply.
    SystemStatus = 211,
    /// RFC 5321 section 4.2.2: help message.
    HelpMessage = 214,
    /// RFC 5321 section 4.2.2 (greeting); RFC 3207 section 4 (STARTTLS).
    ServiceReady = 220,
    /// RFC 5321 section 4.2.2: service closing transmission channel.
    ServiceClosingTransmissionChannel = 221,
    /// RFC 4954 section 6: authentication succeeded.
    AuthenticationSucceeded = 235,
    /// RFC 5321 section 4.2.2: requested mail action okay, completed.
    Ok = 250,
    /// RFC 5321 section 4.2.2 and 3.4: user not local, will forward.
    UserNotLocalWillForward = 251,
    /// RFC 5321 section 4.2.2 and 3.5.3: cannot verify, will attempt delivery.
    CannotVerifyUserWillAttemptDelivery = 252,

    // 3yz: positive intermediate (RFC 5321 section 4.2.1).

    /// RFC 4954 section 4: server challenge during AUTH.
    Base64Response = 334,
    /// RFC 5321 section 4.2.2: start mail input.
    StartMailInput = 354,

    // 4yz: transient negative completion (RFC 5321 section 4.2.1).

    /// RFC 5321 section 4.2.2 and 3.8: service not available, closing.
    ServiceNotAvailable = 421,
    /// RFC 4954 section 6: a password transition is needed.
    PasswordTransitionNeeded = 432,
    /// RFC 5321 section 4.2.2: mailbox unavailable (busy, blocked).
    MailboxBusy = 450,
    /// RFC 5321 section 4.2.2: local error in processing.
    LocalErrorInProcessing = 451,
    /// RFC 5321 section 4.2.2 and 4.5.3.1.10: insufficient system storage.
    InsufficientStorage = 452,
    /// RFC 3207 section 4 (TLS) and RFC 4954 section 6 (AUTH): temporary failure.
    ClientNotPermitted = 454,
    /// RFC 5321 section 4.2.2: server unable to accommodate parameters.
    ServerUnableToAccommodateParameters = 455,

    // 5yz: permanent negative completion (RFC 5321 section 4.2.1).

    /// RFC 5321 section 4.2.2: syntax error, command unrecognized.
    CommandUnrecognized = 500,
    /// RFC 5321 section 4.2.2: syntax error in parameters or arguments.
    SyntaxError = 501,
    /// RFC 5321 section 4.2.2: command not implemented.
    CommandNotImplemented = 502,
    /// RFC 5321 section 4.2.2: bad sequence of commands.
    CommandNotPermitted = 503,
    /// RFC 5321 section 4.2.2; RFC 4954 section 4 (unknown mechanism).
    UnrecognizedAuthenticationType = 504,
    /// RFC 7504 section 3: host does not accept mail.
    HostDoesNotAcceptMail = 521,
    /// RFC 4954 section 6; RFC 3207 section 4: authentication required.
    AuthenticationRequired = 530,
    /// RFC 4954 section 6: authentication mechanism is too weak.
    AuthenticationMechanismIsToWeak = 534,
    /// RFC 4954 section 4 and 6: authentication credentials invalid.
    CredentialsInvalid = 535,
    /// RFC 4954 section 6: encryption required for requested mechanism.
    EncryptionRequiredRequestedMechanism = 538,
    /// RFC 5321 section 4.2.2: mailbox unavailable.
    MailboxUnavailable = 550,
    /// RFC 5321 section 4.2.2 and 3.4: user not local, try another path.
    UserNotLocalTryAlternatePath = 551,
    /// RFC 5321 section 4.2.2 and 4.5.3.1.10: exceeded storage allocation.
    ExceededStorageAllocation = 552,
    /// RFC 5321 section 4.2.2: mailbox name not allowed.
    MailboxNameNotAllowed = 553,
    /// RFC 5321 section 4.2.2 and 3.1: transaction failed.
    TransactionFailed = 554,
    /// RFC 5321 section 4.2.2 and 4.1.1.11: parameters not recognized.
    ParametersNotRecognizedOrNotImplemented = 555,
    /// RFC 7504 section 3: domain does not accept mail.
    DomainDoesNotAcceptMail = 556,
};

/// The class of a reply, from its first digit (RFC 5321 section 4.2.1).
enum class ReplyClass : int {
    /// Not a reply code: outside 200..599, or a sentinel.
    None = 0,
    /// 2yz: the requested action was completed.
    PositiveCompletion = 2,
    /// 3yz: accepted, the server waits for more from the client.
    PositiveIntermediate = 3,
    /// 4yz: not done now; the same command may succeed later.
    TransientNegative = 4,
    /// 5yz: not done; do not repeat the command unchanged.
    PermanentNegative = 5,
};

namespace detail {

struct CodeText {
    std::string_view name;
    std::string_view description;
};

// The one place each code's spelling and meaning are written. Every lookup
// below is derived from this function at compile time. There is no default
// case, so -Wswitch reports an enumerator added without its text.
constexpr CodeText code_text(SmtpStatusCode code) noexcept {
    using C = SmtpStatusCode;
    using namespace std::string_view_literals;
    switch (code) {
    case C::NotDefined:
        return {"NotDefined"sv,
                "No reply code has been recorded yet. This is a placeholder "
                "value of the API, not a code a server sends."sv};
    case C::GeneralFailure:
        return {"GeneralFailure"sv,
                "The operation failed without a usable server reply, for "
                "example because the connection broke or the reply could not "
                "be read. This is a placeholder value of the API, not a code "
                "a server sends."sv};
    case C::SystemStatus:
        return {"SystemStatus"sv,
                "A system status or system help reply. The text is "
                "information for the client; no action is needed."sv};
    case C::HelpMessage:
        return {"HelpMessage"sv,
                "Help text meant for a person, usually the answer to HELP. It "
                "explains how to use the server or a command."sv};
    case C::ServiceReady:
        return {"ServiceReady"sv,
                "The server is ready. As the greeting it invites the client "
                "to start the session; in answer to STARTTLS it means the TLS "
                "handshake may begin now."sv};
    case C::ServiceClosingTransmissionChannel:
        return {"ServiceClosingTransmissionChannel"sv,
                "The server is closing the connection, normally in answer to "
                "QUIT. The client should close its side as well."sv};
    case C::AuthenticationSucceeded:
        return {"AuthenticationSucceeded"sv,
                "Authentication succeeded. The client may go on and send mail "
                "as the authenticated user."sv};
    case C::Ok:
        return {"Ok"sv,
                "The requested action was completed. After the end of the "
                "message data it means the server has taken responsibility "
                "for delivering the message."sv};
    case C::UserNotLocalWillForward:
        return {"UserNotLocalWillForward"sv,
                "The recipient is not local, but the server accepts the "
                "message and will forward it. Treat it as a success."sv};
    case C::CannotVerifyUserWillAttemptDelivery:
        return {"CannotVerifyUserWillAttemptDelivery"sv,
                "The server cannot or will not confirm that the mailbox "
                "exists, but it will accept a message for it and try to "
                "deliver it."sv};
    case C::Base64Response:
        return {"Base64Response"sv,
                "An authentication challenge: the text is a base64-encoded "
                "server challenge, possibly empty. The client answers with a "
                "base64-encoded line, or with \"*\" to cancel."sv};
    case C::StartMailInput:
        return {"StartMailInput"sv,
                "The server is ready for the message content. The client "
                "sends it and ends it with a line holding a single dot."sv};
    case C::ServiceNotAvailable:
        return {"ServiceNotAvailable"sv,
                "The service is not available and the server is closing the "
                "connection, for example because it is shutting down or "
                "overloaded. It may answer any command. Try again later on a "
                "new connection."sv};
    case C::PasswordTransitionNeeded:
        return {"PasswordTransitionNeeded"sv,
                "The user's password must be moved to the new mechanism: "
                "authenticate once with a plaintext mechanism over an "
                "encrypted connection, then retry."sv};
    case C::MailboxBusy:
        return {"MailboxBusy"sv,
                "The mailbox is unavailable for now, for example busy, locked "
                "or held back by the server's policy (greylisting). Nothing "
                "was done; try again later."sv};
    case C::LocalErrorInProcessing:
        return {"LocalErrorInProcessing"sv,
                "The server gave up because of an error on its side while "
                "processing the request. Nothing was accepted; try again "
                "later."sv};
    case C::InsufficientStorage:
        return {"InsufficientStorage"sv,
                "The server has too little storage to take the request now. "
                "In answer to RCPT it also means too many recipients for this "
                "transaction: send the others in a later transaction."sv};
    case C::ClientNotPermitted:
        return {"ClientNotPermitted"sv,
                "A temporary failure with two meanings: in answer to STARTTLS, "
                "TLS is not available for now; in answer to AUTH, "
                "authentication failed because of a temporary problem on the "
                "server. Try again later."sv};
    case C::ServerUnableToAccommodateParameters:
        return {"ServerUnableToAccommodateParameters"sv,
                "The server cannot accommodate the parameters given with MAIL "
                "FROM or RCPT TO at the moment. The same parameters may be "
                "accepted later."sv};
    case C::CommandUnrecognized:
        return {"CommandUnrecognized"sv,
                "Syntax error: the server did not recognize the command, or "
                "the command line was too long. Do not send it again "
                "unchanged."sv};
    case C::SyntaxError:
        return {"SyntaxError"sv,
                "Syntax error in the command's parameters or arguments, such "
                "as a malformed address. During AUTH it also answers a client "
                "that cancelled the exchange or sent invalid base64."sv};
    case C::CommandNotImplemented:
        return {"CommandNotImplemented"sv,
                "The server knows the command but does not implement it. Do "
                "not send it again; use an alternative if there is one."sv};
    case C::CommandNotPermitted:
        return {"CommandNotPermitted"sv,
                "Bad sequence of commands: the command is valid but not "
                "allowed at this point of the session, such as RCPT before "
                "MAIL. Send the missing commands first."sv};
    case C::UnrecognizedAuthenticationType:
        return {"UnrecognizedAuthenticationType"sv,
                "A parameter of the command is not implemented. In answer to "
                "AUTH it means the server does not support the requested "
                "mechanism: choose another one it advertises."sv};
    case C::HostDoesNotAcceptMail:
        return {"HostDoesNotAcceptMail"sv,
                "This host never accepts mail, and says so instead of a "
                "greeting or in answer to any command. Do not retry here."sv};
    case C::AuthenticationRequired:
        return {"AuthenticationRequired"sv,
                "The server requires authentication before this command. "
                "Some servers also use it to demand STARTTLS first. "
                "Authenticate (after STARTTLS if needed), then retry."sv};
    case C::AuthenticationMechanismIsToWeak:
        return {"AuthenticationMechanismIsToWeak"sv,
                "The requested authentication mechanism is weaker than the "
                "server's policy allows. Choose a stronger mechanism."sv};
    case C::CredentialsInvalid:
        return {"CredentialsInvalid"sv,
                "Authentication failed because the server rejected the "
                "credentials. Do not retry with the same credentials."sv};
    case C::EncryptionRequiredRequestedMechanism:
        return {"EncryptionRequiredRequestedMechanism"sv,
                "The requested authentication mechanism may only be used over "
                "an encrypted connection. Issue STARTTLS, then authenticate."sv};
    case C::MailboxUnavailable:
        return {"MailboxUnavailable"sv,
                "The action was not taken because the mailbox is unavailable: "
                "it does not exist, access is denied, or the server's policy "
                "refuses it. Do not retry unchanged."sv};
    case C::UserNotLocalTryAlternatePath:
        return {"UserNotLocalTryAlternatePath"sv,
                "The recipient is not local and this server will not forward "
                "the message; the text may name another address to try."sv};
    case C::ExceededStorageAllocation:
        return {"ExceededStorageAllocation"sv,
                "The action was aborted because it exceeds a storage limit, "
                "such as a full mailbox or a message over the size limit. "
                "Older servers also send it in answer to RCPT for too many "
                "recipients, which is to be treated as temporary."sv};
    case C::MailboxNameNotAllowed:
        return {"MailboxNameNotAllowed"sv,
                "The action was not taken because the mailbox name is not "
                "allowed, for example its syntax is invalid. Correct the "
                "address before trying again."sv};
    case C::TransactionFailed:
        return {"TransactionFailed"sv,
                "The transaction failed, or, in place of a greeting, there is "
                "no SMTP service here. The text usually gives the reason. Do "
                "not retry unchanged."sv};
    case C::ParametersNotRecognizedOrNotImplemented:
        return {"ParametersNotRecognizedOrNotImplemented"sv,
                "The server does not recognize or does not implement the "
                "parameters given with MAIL FROM or RCPT TO. Send the command "
                "without them."sv};
    case C::DomainDoesNotAcceptMail:
        return {"DomainDoesNotAcceptMail"sv,
                "The recipient's domain does not accept mail at all, for "
                "example because it publishes a null MX record. Do not "
                "retry."sv};
    }
    return {};
}

struct CodeEntry {
    SmtpStatusCode code;
    std::string_view name;
    std::string_view description;
};

// Row 0 of every table below is empty: a lookup of a value that is no
// enumerator lands there, so the lookups need no branch on the result, and
// zero-initialised index arrays already mean "not found".
inline constexpr std::size_t code_capacity = 64;

struct CodeTable {
    std::array<CodeEntry, code_capacity> rows{};
    std::size_t count = 0; // enumerators, in rows 1..count
};

// The candidates for an enumerator: the two sentinels, and every reply code
// whose second digit is 0 to 5, the only categories RFC 5321 section 4.2.1
// defines. Scanning those (not all of -1..599) keeps compile time low; the
// unit tests check that no enumerator lies outside them.
constexpr CodeTable make_code_table() noexcept {
    CodeTable table{};
    const auto add = [&table](int v) {
        const auto code = static_cast<SmtpStatusCode>(v);
        const CodeText text = code_text(code);
        if (!text.name.empty()) {
            table.rows[++table.count] = CodeEntry{code, text.name, text.description};
        }
    };
    add(-1);
    add(0);
    for (int first = 2; first <= 5; ++first) {
        for (int second = 0; second <= 5; ++second) {
            for (int third = 0; third <= 9; ++third) {
                add(first * 100 + second * 10 + third);
            }
        }
    }
    return table;
}

inline constexpr CodeTable code_table = make_code_table();
inline constexpr std::size_t code_count = code_table.count;
static_assert(code_count < code_capacity, "raise code_capacity");

// Dense index from (value - lowest_code_value) to a row of code_table: one
// byte per possible value, so a lookup is one load and no branch mispredicts.
inline constexpr int lowest_code_value = -1;
inline constexpr int highest_code_value = 599;
inline constexpr std::size_t code_value_span =
    static_cast<std::size_t>(highest_code_value - lowest_code_value + 1);
using CodeSlot = std::uint8_t;

constexpr std::array<CodeSlot, code_value_span> make_slot_of_value() noexcept {
    std::array<CodeSlot, code_value_span> slots{};
    for (std::size_t row = 1; row <= code_count; ++row) {
        const int v = static_cast<int>(code_table.rows[row].code);
        slots[static_cast<std::size_t>(v - lowest_code_value)] =
            static_cast<CodeSlot>(row);
    }
    return slots;
}

inline constexpr std::array<CodeSlot, code_value_span> slot_of_value =
    make_slot_of_value();

// The row for any int, 0 for a value that is no enumerator. Unsigned
// arithmetic makes every int, INT_MIN and INT_MAX included, one bounds check
// without overflow.
constexpr std::size_t row_of_value(int v) noexcept {
    const std::size_t offset = static_cast<std::size_t>(
        static_cast<unsigned>(v) - static_cast<unsigned>(lowest_code_value));
    return offset < code_value_span ? slot_of_value[offset] : 0;
}

// from_name: a perfect hash over the names, checked at compile time. It
// reads the length and three characters, so it costs the same for any
// input; a string_view comparison then confirms the match.
inline constexpr std::size_t name_hash_bits = 8;
inline constexpr std::size_t name_slot_count = std::size_t{1} << name_hash_bits;

constexpr std::uint32_t name_hash(std::string_view s,
                                  std::uint32_t seed) noexcept {
    // Callers pass a non-empty string.
    constexpr std::uint32_t prime = 16777619u; // FNV-1a's 32-bit prime
    std::uint32_t h = seed ^ static_cast<std::uint32_t>(s.size());
    h = (h ^ static_cast<unsigned char>(s[0])) * prime;
    h = (h ^ static_cast<unsigned char>(s[s.size() / 2])) * prime;
    h = (h ^ static_cast<unsigned char>(s[s.size() - 1])) * prime;
    return h >> (32 - name_hash_bits);
}

struct NameIndex {
    std::array<CodeSlot, name_slot_count> slot_of_name{};
    std::uint32_t seed = 0; // 0: no perfect seed was found
};

// The slots for one seed, or seed 0 when two names collide.
constexpr NameIndex try_name_seed(std::uint32_t seed) noexcept {
    NameIndex index{};
    for (std::size_t row = 1; row <= code_count; ++row) {
        CodeSlot& slot = index.slot_of_name[name_hash(code_table.rows[row].name, seed)];
        if (slot != 0) {
            return {};
        }
        slot = static_cast<CodeSlot>(row);
    }
    index.seed = seed;
    return index;
}

// Searches onward from a seed known to work, so adding a code costs a few
// compile-time iterations at most.
constexpr NameIndex make_name_index(std::uint32_t start) noexcept {
    for (std::uint32_t seed = start; seed < start + 4096u; ++seed) {
        const NameIndex index = try_name_seed(seed);
        if (index.seed != 0) {
            return index;
        }
    }
    return {};
}

inline constexpr NameIndex name_index = make_name_index(2166136292u);
static_assert(name_index.seed != 0, "no perfect hash seed for the code names");

constexpr std::size_t longest_name() noexcept {
    std::size_t longest = 0;
    for (std::size_t row = 1; row <= code_count; ++row) {
        if (code_table.rows[row].name.size() > longest) {
            longest = code_table.rows[row].name.size();
        }
    }
    return longest;
}

inline constexpr std::size_t longest_name_length = longest_name();

constexpr std::array<SmtpStatusCode, code_count> make_all_status_codes() noexcept {
    std::array<SmtpStatusCode, code_count> codes{};
    for (std::size_t i = 0; i < code_count; ++i) {
        codes[i] = code_table.rows[i + 1].code;
    }
    return codes;
}

} // namespace detail

/// Every enumerator of SmtpStatusCode once, ascending by value.
inline constexpr std::array<SmtpStatusCode, detail::code_count>
    all_status_codes = detail::make_all_status_codes();

/// The int value of a code.
constexpr int value(SmtpStatusCode code) noexcept {
    return static_cast<int>(code);
}

/// The enumerator's spelling ("MailboxBusy"); empty for a value that is no
/// enumerator.
constexpr std::string_view name(SmtpStatusCode code) noexcept {
    return detail::code_table.rows[detail::row_of_value(value(code))].name;
}

/// What the code means and what a client should do, in one or two English
/// sentences; empty for a value that is no enumerator.
constexpr std::string_view description(SmtpStatusCode code) noexcept {
    return detail::code_table.rows[detail::row_of_value(value(code))].description;
}

/// Whether the value is one of the enumerators.
constexpr bool is_defined(SmtpStatusCode code) noexcept {
    return detail::row_of_value(value(code)) != 0;
}

/// The enumerator with this value, or std::nullopt for any other int.
constexpr std::optional<SmtpStatusCode> from_value(int v) noexcept {
    const std::size_t row = detail::row_of_value(v);
    if (row == 0) {
        return std::nullopt;
    }
    return detail::code_table.rows[row].code;
}

/// The enumerator spelled exactly (case-sensitive) as `text`, or std::nullopt.
constexpr std::optional<SmtpStatusCode> from_name(std::string_view text) noexcept {
    if (text.empty() || text.size() > detail::longest_name_length) {
        return std::nullopt;
    }
    const std::uint32_t slot = detail::name_hash(text, detail::name_index.seed);
    const detail::CodeEntry& entry =
        detail::code_table.rows[detail::name_index.slot_of_name[slot]];
    // Row 0 has an empty name, which never equals the non-empty text.
    if (entry.name != text) {
        return std::nullopt;
    }
    return entry.code;
}

/// The class of any int: from its first digit for 200..599, else None.
constexpr ReplyClass reply_class(int code) noexcept {
    return code >= 200 && code <= 599 ? static_cast<ReplyClass>(code / 100)
                                      : ReplyClass::None;
}

/// The class of a code; None for NotDefined and GeneralFailure.
constexpr ReplyClass reply_class(SmtpStatusCode code) noexcept {
    return reply_class(value(code));
}

/// 2yz: the requested action was completed.
constexpr bool is_success(int code) noexcept {
    return reply_class(code) == ReplyClass::PositiveCompletion;
}
/// 2yz: the requested action was completed.
constexpr bool is_success(SmtpStatusCode code) noexcept {
    return is_success(value(code));
}

/// 3yz: accepted so far; the server waits for more (DATA, AUTH).
constexpr bool is_intermediate(int code) noexcept {
    return reply_class(code) == ReplyClass::PositiveIntermediate;
}
/// 3yz: accepted so far; the server waits for more (DATA, AUTH).
constexpr bool is_intermediate(SmtpStatusCode code) noexcept {
    return is_intermediate(value(code));
}

/// 4yz: not done now; the same command may succeed later.
constexpr bool is_transient(int code) noexcept {
    return reply_class(code) == ReplyClass::TransientNegative;
}
/// 4yz: not done now; the same command may succeed later.
constexpr bool is_transient(SmtpStatusCode code) noexcept {
    return is_transient(value(code));
}

/// 5yz: not done; do not repeat the command unchanged.
constexpr bool is_permanent(int code) noexcept {
    return reply_class(code) == ReplyClass::PermanentNegative;
}
/// 5yz: not done; do not repeat the command unchanged.
constexpr bool is_permanent(SmtpStatusCode code) noexcept {
    return is_permanent(value(code));
}

/// The class's spelling ("TransientNegative"); empty for a value that is no
/// enumerator.
constexpr std::string_view name(ReplyClass reply) noexcept {
    switch (reply) {
    case ReplyClass::None: return "None";
    case ReplyClass::PositiveCompletion: return "PositiveCompletion";
    case ReplyClass::PositiveIntermediate: return "PositiveIntermediate";
    case ReplyClass::TransientNegative: return "TransientNegative";
    case ReplyClass::PermanentNegative: return "PermanentNegative";
    }
    return {};
}

} // namespace smtp

#endif // SMTP_STATUS_CODE_HPP
