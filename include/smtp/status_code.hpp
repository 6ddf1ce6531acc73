// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/status_code.hpp>`: the basic three-digit reply codes of RFC 5321 and
/// its extensions, their names and meanings, and their classification.
///
/// Everything here is constexpr, noexcept and allocation free, and gives a
/// defined answer for any input: any int, any enum value cast from an int and
/// any string.
#ifndef SMTP_STATUS_CODE_HPP
#define SMTP_STATUS_CODE_HPP

#include <smtp/case_insensitive.hpp>
#include <smtp/detail/sv_literals.hpp>

#include <array>
#include <cstddef>
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

// One enumerator, its spelling and its meaning.
struct CodeRow {
    SmtpStatusCode code;
    std::string_view name;
    std::string_view description;
};

// The one place each code's spelling and meaning are written, ascending by
// value; every lookup below is derived from it. Row 0 is empty: a lookup of
// a value that is no enumerator lands there, so name() and description()
// need no branch on the result. tests/compile/table_consistency.cpp checks the rows against a
// switch over the enum, so -Wswitch still catches an enumerator without a
// row.
inline constexpr CodeRow code_rows[] = {
    {SmtpStatusCode::NotDefined, {}, {}},
    {SmtpStatusCode::GeneralFailure, "GeneralFailure"sv,
     "The operation failed without a usable server reply, for "
     "example because the connection broke or the reply could not "
     "be read. This is a placeholder value of the API, not a code "
     "a server sends."sv},
    {SmtpStatusCode::NotDefined, "NotDefined"sv,
     "No reply code has been recorded yet. This is a placeholder "
     "value of the API, not a code a server sends."sv},
    {SmtpStatusCode::SystemStatus, "SystemStatus"sv,
     "A system status or system help reply. The text is "
     "information for the client; no action is needed."sv},
    {SmtpStatusCode::HelpMessage, "HelpMessage"sv,
     "Help text meant for a person, usually the answer to HELP. It "
     "explains how to use the server or a command."sv},
    {SmtpStatusCode::ServiceReady, "ServiceReady"sv,
     "The server is ready. As the greeting it invites the client "
     "to start the session; in answer to STARTTLS it means the TLS "
     "handshake may begin now."sv},
    {SmtpStatusCode::ServiceClosingTransmissionChannel, "ServiceClosingTransmissionChannel"sv,
     "The server is closing the connection, normally in answer to "
     "QUIT. The client should close its side as well."sv},
    {SmtpStatusCode::AuthenticationSucceeded, "AuthenticationSucceeded"sv,
     "Authentication succeeded. The client may go on and send mail "
     "as the authenticated user."sv},
    {SmtpStatusCode::Ok, "Ok"sv,
     "The requested action was completed. After the end of the "
     "message data it means the server has taken responsibility "
     "for delivering the message."sv},
    {SmtpStatusCode::UserNotLocalWillForward, "UserNotLocalWillForward"sv,
     "The recipient is not local, but the server accepts the "
     "message and will forward it. Treat it as a success."sv},
    {SmtpStatusCode::CannotVerifyUserWillAttemptDelivery, "CannotVerifyUserWillAttemptDelivery"sv,
     "The server cannot or will not confirm that the mailbox "
     "exists, but it will accept a message for it and try to "
     "deliver it."sv},
    {SmtpStatusCode::Base64Response, "Base64Response"sv,
     "An authentication challenge: the text is a base64-encoded "
     "server challenge, possibly empty. The client answers with a "
     "base64-encoded line, or with \"*\" to cancel."sv},
    {SmtpStatusCode::StartMailInput, "StartMailInput"sv,
     "The server is ready for the message content. The client "
     "sends it and ends it with a line holding a single dot."sv},
    {SmtpStatusCode::ServiceNotAvailable, "ServiceNotAvailable"sv,
     "The service is not available and the server is closing the "
     "connection, for example because it is shutting down or "
     "overloaded. It may answer any command. Try again later on a "
     "new connection."sv},
    {SmtpStatusCode::PasswordTransitionNeeded, "PasswordTransitionNeeded"sv,
     "The user's password must be moved to the new mechanism: "
     "authenticate once with a plaintext mechanism over an "
     "encrypted connection, then retry."sv},
    {SmtpStatusCode::MailboxBusy, "MailboxBusy"sv,
     "The mailbox is unavailable for now, for example busy, locked "
     "or held back by the server's policy (greylisting). Nothing "
     "was done; try again later."sv},
    {SmtpStatusCode::LocalErrorInProcessing, "LocalErrorInProcessing"sv,
     "The server gave up because of an error on its side while "
     "processing the request. Nothing was accepted; try again "
     "later."sv},
    {SmtpStatusCode::InsufficientStorage, "InsufficientStorage"sv,
     "The server has too little storage to take the request now. "
     "In answer to RCPT it also means too many recipients for this "
     "transaction: send the others in a later transaction."sv},
    {SmtpStatusCode::ClientNotPermitted, "ClientNotPermitted"sv,
     "A temporary failure with two meanings: in answer to STARTTLS, "
     "TLS is not available for now; in answer to AUTH, "
     "authentication failed because of a temporary problem on the "
     "server. Try again later."sv},
    {SmtpStatusCode::ServerUnableToAccommodateParameters, "ServerUnableToAccommodateParameters"sv,
     "The server cannot accommodate the parameters given with MAIL "
     "FROM or RCPT TO at the moment. The same parameters may be "
     "accepted later."sv},
    {SmtpStatusCode::CommandUnrecognized, "CommandUnrecognized"sv,
     "Syntax error: the server did not recognize the command, or "
     "the command line was too long. Do not send it again "
     "unchanged."sv},
    {SmtpStatusCode::SyntaxError, "SyntaxError"sv,
     "Syntax error in the command's parameters or arguments, such "
     "as a malformed address. During AUTH it also answers a client "
     "that cancelled the exchange or sent invalid base64."sv},
    {SmtpStatusCode::CommandNotImplemented, "CommandNotImplemented"sv,
     "The server knows the command but does not implement it. Do "
     "not send it again; use an alternative if there is one."sv},
    {SmtpStatusCode::CommandNotPermitted, "CommandNotPermitted"sv,
     "Bad sequence of commands: the command is valid but not "
     "allowed at this point of the session, such as RCPT before "
     "MAIL. Send the missing commands first."sv},
    {SmtpStatusCode::UnrecognizedAuthenticationType, "UnrecognizedAuthenticationType"sv,
     "A parameter of the command is not implemented. In answer to "
     "AUTH it means the server does not support the requested "
     "mechanism: choose another one it advertises."sv},
    {SmtpStatusCode::HostDoesNotAcceptMail, "HostDoesNotAcceptMail"sv,
     "This host never accepts mail, and says so instead of a "
     "greeting or in answer to any command. Do not retry here."sv},
    {SmtpStatusCode::AuthenticationRequired, "AuthenticationRequired"sv,
     "The server requires authentication before this command. "
     "Some servers also use it to demand STARTTLS first. "
     "Authenticate (after STARTTLS if needed), then retry."sv},
    {SmtpStatusCode::AuthenticationMechanismIsToWeak, "AuthenticationMechanismIsToWeak"sv,
     "The requested authentication mechanism is weaker than the "
     "server's policy allows. Choose a stronger mechanism."sv},
    {SmtpStatusCode::CredentialsInvalid, "CredentialsInvalid"sv,
     "Authentication failed because the server rejected the "
     "credentials. Do not retry with the same credentials."sv},
    {SmtpStatusCode::EncryptionRequiredRequestedMechanism, "EncryptionRequiredRequestedMechanism"sv,
     "The requested authentication mechanism may only be used over "
     "an encrypted connection. Issue STARTTLS, then authenticate."sv},
    {SmtpStatusCode::MailboxUnavailable, "MailboxUnavailable"sv,
     "The action was not taken because the mailbox is unavailable: "
     "it does not exist, access is denied, or the server's policy "
     "refuses it. Do not retry unchanged."sv},
    {SmtpStatusCode::UserNotLocalTryAlternatePath, "UserNotLocalTryAlternatePath"sv,
     "The recipient is not local and this server will not forward "
     "the message; the text may name another address to try."sv},
    {SmtpStatusCode::ExceededStorageAllocation, "ExceededStorageAllocation"sv,
     "The action was aborted because it exceeds a storage limit, "
     "such as a full mailbox or a message over the size limit. "
     "Older servers also send it in answer to RCPT for too many "
     "recipients, which is to be treated as temporary."sv},
    {SmtpStatusCode::MailboxNameNotAllowed, "MailboxNameNotAllowed"sv,
     "The action was not taken because the mailbox name is not "
     "allowed, for example its syntax is invalid. Correct the "
     "address before trying again."sv},
    {SmtpStatusCode::TransactionFailed, "TransactionFailed"sv,
     "The transaction failed, or, in place of a greeting, there is "
     "no SMTP service here. The text usually gives the reason. Do "
     "not retry unchanged."sv},
    {SmtpStatusCode::ParametersNotRecognizedOrNotImplemented, "ParametersNotRecognizedOrNotImplemented"sv,
     "The server does not recognize or does not implement the "
     "parameters given with MAIL FROM or RCPT TO. Send the command "
     "without them."sv},
    {SmtpStatusCode::DomainDoesNotAcceptMail, "DomainDoesNotAcceptMail"sv,
     "The recipient's domain does not accept mail at all, for "
     "example because it publishes a null MX record. Do not "
     "retry."sv},
};

inline constexpr std::size_t code_count = std::size(code_rows) - 1;
inline constexpr int lowest_code_value = -1;
inline constexpr int highest_code_value = 599;
inline constexpr std::size_t code_value_span =
    static_cast<std::size_t>(highest_code_value - lowest_code_value + 1);

// The dense index from (value - lowest_code_value) to a row: one byte per
// possible value, and a last byte (0) that every value out of range is
// clamped to, so a lookup is one load and no branch to mispredict.
struct ValueIndex {
    std::uint8_t row_of[code_value_span + 1];
};

constexpr ValueIndex make_value_index() noexcept {
    ValueIndex index{};
    for (std::size_t row = 1; row <= code_count; ++row) {
        index.row_of[static_cast<int>(code_rows[row].code) - lowest_code_value] =
            static_cast<std::uint8_t>(row);
    }
    return index;
}

inline constexpr ValueIndex value_index = make_value_index();

// The row for any int, 0 for a value that is no enumerator. Unsigned
// arithmetic makes every int, INT_MIN and INT_MAX included, one bounds check
// without overflow; clamping instead of branching keeps random codes free of
// branch mispredictions.
constexpr std::size_t row_of_value(int v) noexcept {
    const std::size_t offset = static_cast<std::size_t>(
        static_cast<unsigned>(v) - static_cast<unsigned>(lowest_code_value));
    return value_index.row_of[offset < code_value_span ? offset : code_value_span];
}

// from_name's index, a perfect hash: the length, first and middle byte of a
// text, multiplied by Knuth's constant (2654435761, about 2^32 divided by
// the golden ratio), pick one of 512 slots, and no two names share one
// (checked below; if a new name collides, widen name_hash_bits). 0 marks an
// empty slot. `text` must not be empty.
inline constexpr unsigned name_hash_bits = 9;
inline constexpr std::size_t name_slot_count = std::size_t{1} << name_hash_bits;

constexpr std::size_t name_slot(const char* text, std::size_t size) noexcept {
    const std::uint32_t key = static_cast<std::uint32_t>(size) ^
                              std::uint32_t{static_cast<unsigned char>(text[0])} << 8 ^
                              std::uint32_t{static_cast<unsigned char>(text[size / 2])} << 16;
    return (key * 2654435761u) >> (32 - name_hash_bits);
}

struct NameIndex {
    std::uint8_t row_at[name_slot_count];
    bool collision;
};

constexpr NameIndex make_name_index() noexcept {
    NameIndex index{};
    for (std::size_t row = 1; row <= code_count; ++row) {
        const std::string_view name = code_rows[row].name;
        std::uint8_t& slot = index.row_at[name_slot(name.data(), name.size())];
        index.collision = index.collision || slot != 0;
        slot = static_cast<std::uint8_t>(row);
    }
    return index;
}

inline constexpr NameIndex name_index = make_name_index();
static_assert(!name_index.collision, "two names share a slot: widen name_hash_bits");

constexpr std::array<SmtpStatusCode, code_count> make_all_status_codes() noexcept {
    std::array<SmtpStatusCode, code_count> codes{};
    for (std::size_t row = 1; row <= code_count; ++row) {
        codes[row - 1] = code_rows[row].code;
    }
    return codes;
}

} // namespace detail

/// Every enumerator of SmtpStatusCode once, ascending by value.
inline constexpr std::array<SmtpStatusCode, detail::code_count>
    all_status_codes = detail::make_all_status_codes();

/// The int value of a code.
[[nodiscard]] constexpr int value(SmtpStatusCode code) noexcept {
    return static_cast<int>(code);
}

/// The enumerator's spelling ("MailboxBusy"); empty for a value that is no
/// enumerator.
[[nodiscard]] constexpr std::string_view name(SmtpStatusCode code) noexcept {
    return detail::code_rows[detail::row_of_value(static_cast<int>(code))].name;
}

/// What the code means and what a client should do, in one or two English
/// sentences; empty for a value that is no enumerator.
[[nodiscard]] constexpr std::string_view description(SmtpStatusCode code) noexcept {
    return detail::code_rows[detail::row_of_value(static_cast<int>(code))].description;
}

/// Whether the value is one of the enumerators.
[[nodiscard]] constexpr bool is_defined(SmtpStatusCode code) noexcept {
    return detail::row_of_value(static_cast<int>(code)) != 0;
}

/// The enumerator with this value, or std::nullopt for any other int.
[[nodiscard]] constexpr std::optional<SmtpStatusCode> from_value(int v) noexcept {
    if (detail::row_of_value(v) == 0) {
        return std::nullopt;
    }
    return static_cast<SmtpStatusCode>(v);
}

/// The enumerator spelled exactly (case-sensitive) as `text`, or std::nullopt.
[[nodiscard]] constexpr std::optional<SmtpStatusCode> from_name(std::string_view text) noexcept {
    if (text.empty()) {
        return std::nullopt;
    }
    // The one row whose name the text can be; row 0 (an empty slot) has none.
    const detail::CodeRow& row =
        detail::code_rows[detail::name_index.row_at[detail::name_slot(text.data(), text.size())]];
    if (row.name != text) {
        return std::nullopt;
    }
    return row.code;
}

/// The enumerator whose spelling matches `text` by `equal`, a comparison of
/// two chars: `from_name("mailboxbusy", case_insensitive)` is MailboxBusy.
/// Compares with every name in turn, so it suits people's input (command
/// lines, configuration) rather than hot loops, where from_name(text) is
/// the lookup to use.
template <class BinaryPredicate>
[[nodiscard]] constexpr std::optional<SmtpStatusCode>
from_name(std::string_view text, const BinaryPredicate& equal) noexcept(noexcept(equal('a', 'a'))) {
    for (const SmtpStatusCode code : all_status_codes) {
        if (detail::same_text(name(code), text, equal)) {
            return code;
        }
    }
    return std::nullopt;
}

/// The class of any int: from its first digit for 200..599, else None.
[[nodiscard]] constexpr ReplyClass reply_class(int code) noexcept {
    return code >= 200 && code <= 599 ? static_cast<ReplyClass>(code / 100)
                                      : ReplyClass::None;
}

/// The class of a code; None for NotDefined and GeneralFailure.
[[nodiscard]] constexpr ReplyClass reply_class(SmtpStatusCode code) noexcept {
    return reply_class(static_cast<int>(code));
}

/// 2yz: the requested action was completed.
[[nodiscard]] constexpr bool is_success(int code) noexcept {
    return code >= 200 && code <= 299;
}
/// 2yz: the requested action was completed.
[[nodiscard]] constexpr bool is_success(SmtpStatusCode code) noexcept {
    return is_success(static_cast<int>(code));
}

/// 3yz: accepted so far; the server waits for more (DATA, AUTH).
[[nodiscard]] constexpr bool is_intermediate(int code) noexcept {
    return code >= 300 && code <= 399;
}
/// 3yz: accepted so far; the server waits for more (DATA, AUTH).
[[nodiscard]] constexpr bool is_intermediate(SmtpStatusCode code) noexcept {
    return is_intermediate(static_cast<int>(code));
}

/// 4yz: not done now; the same command may succeed later.
[[nodiscard]] constexpr bool is_transient(int code) noexcept {
    return code >= 400 && code <= 499;
}
/// 4yz: not done now; the same command may succeed later.
[[nodiscard]] constexpr bool is_transient(SmtpStatusCode code) noexcept {
    return is_transient(static_cast<int>(code));
}

/// 5yz: not done; do not repeat the command unchanged.
[[nodiscard]] constexpr bool is_permanent(int code) noexcept {
    return code >= 500 && code <= 599;
}
/// 5yz: not done; do not repeat the command unchanged.
[[nodiscard]] constexpr bool is_permanent(SmtpStatusCode code) noexcept {
    return is_permanent(static_cast<int>(code));
}

/// The class's spelling ("TransientNegative"); empty for a value that is no
/// enumerator.
[[nodiscard]] constexpr std::string_view name(ReplyClass reply) noexcept {
    switch (reply) {
    case ReplyClass::None: return "None";
    case ReplyClass::PositiveCompletion: return "PositiveCompletion";
    case ReplyClass::PositiveIntermediate: return "PositiveIntermediate";
    case ReplyClass::TransientNegative: return "TransientNegative";
    case ReplyClass::PermanentNegative: return "PermanentNegative";
    }
    return {};
}

/// The class in words, as RFC 5321 section 4.2.1 names it, for messages and
/// reports: "positive completion", "positive intermediate", "transient
/// negative", "permanent negative", and "not a reply code" for None; empty
/// for a value that is no enumerator.
[[nodiscard]] constexpr std::string_view description(ReplyClass reply) noexcept {
    switch (reply) {
    case ReplyClass::None: return "not a reply code";
    case ReplyClass::PositiveCompletion: return "positive completion";
    case ReplyClass::PositiveIntermediate: return "positive intermediate";
    case ReplyClass::TransientNegative: return "transient negative";
    case ReplyClass::PermanentNegative: return "permanent negative";
    }
    return {};
}

} // namespace smtp

#endif // SMTP_STATUS_CODE_HPP
