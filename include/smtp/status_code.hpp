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

#include <smtp/case_insensitive.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>  // std::in_place

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

// Plain pointers to string literals, not string_views: the switch below is
// evaluated for every candidate value at compile time, and a miss that
// returns two null pointers costs the compiler far less than one that builds
// string_views (see BENCHMARKS.md, compile cost).
struct CodeText {
    const char* name;        // null for a value that is no enumerator
    const char* description; // null for a value that is no enumerator
};

// The one place each code's spelling and meaning are written. Every lookup
// below is derived from this function at compile time. There is no default
// case, so -Wswitch reports an enumerator added without its text.
constexpr CodeText code_text(SmtpStatusCode code) noexcept {
    using C = SmtpStatusCode;
    switch (code) {
    case C::NotDefined:
        return {"NotDefined",
                "No reply code has been recorded yet. This is a placeholder "
                "value of the API, not a code a server sends."};
    case C::GeneralFailure:
        return {"GeneralFailure",
                "The operation failed without a usable server reply, for "
                "example because the connection broke or the reply could not "
                "be read. This is a placeholder value of the API, not a code "
                "a server sends."};
    case C::SystemStatus:
        return {"SystemStatus",
                "A system status or system help reply. The text is "
                "information for the client; no action is needed."};
    case C::HelpMessage:
        return {"HelpMessage",
                "Help text meant for a person, usually the answer to HELP. It "
                "explains how to use the server or a command."};
    case C::ServiceReady:
        return {"ServiceReady",
                "The server is ready. As the greeting it invites the client "
                "to start the session; in answer to STARTTLS it means the TLS "
                "handshake may begin now."};
    case C::ServiceClosingTransmissionChannel:
        return {"ServiceClosingTransmissionChannel",
                "The server is closing the connection, normally in answer to "
                "QUIT. The client should close its side as well."};
    case C::AuthenticationSucceeded:
        return {"AuthenticationSucceeded",
                "Authentication succeeded. The client may go on and send mail "
                "as the authenticated user."};
    case C::Ok:
        return {"Ok",
                "The requested action was completed. After the end of the "
                "message data it means the server has taken responsibility "
                "for delivering the message."};
    case C::UserNotLocalWillForward:
        return {"UserNotLocalWillForward",
                "The recipient is not local, but the server accepts the "
                "message and will forward it. Treat it as a success."};
    case C::CannotVerifyUserWillAttemptDelivery:
        return {"CannotVerifyUserWillAttemptDelivery",
                "The server cannot or will not confirm that the mailbox "
                "exists, but it will accept a message for it and try to "
                "deliver it."};
    case C::Base64Response:
        return {"Base64Response",
                "An authentication challenge: the text is a base64-encoded "
                "server challenge, possibly empty. The client answers with a "
                "base64-encoded line, or with \"*\" to cancel."};
    case C::StartMailInput:
        return {"StartMailInput",
                "The server is ready for the message content. The client "
                "sends it and ends it with a line holding a single dot."};
    case C::ServiceNotAvailable:
        return {"ServiceNotAvailable",
                "The service is not available and the server is closing the "
                "connection, for example because it is shutting down or "
                "overloaded. It may answer any command. Try again later on a "
                "new connection."};
    case C::PasswordTransitionNeeded:
        return {"PasswordTransitionNeeded",
                "The user's password must be moved to the new mechanism: "
                "authenticate once with a plaintext mechanism over an "
                "encrypted connection, then retry."};
    case C::MailboxBusy:
        return {"MailboxBusy",
                "The mailbox is unavailable for now, for example busy, locked "
                "or held back by the server's policy (greylisting). Nothing "
                "was done; try again later."};
    case C::LocalErrorInProcessing:
        return {"LocalErrorInProcessing",
                "The server gave up because of an error on its side while "
                "processing the request. Nothing was accepted; try again "
                "later."};
    case C::InsufficientStorage:
        return {"InsufficientStorage",
                "The server has too little storage to take the request now. "
                "In answer to RCPT it also means too many recipients for this "
                "transaction: send the others in a later transaction."};
    case C::ClientNotPermitted:
        return {"ClientNotPermitted",
                "A temporary failure with two meanings: in answer to STARTTLS, "
                "TLS is not available for now; in answer to AUTH, "
                "authentication failed because of a temporary problem on the "
                "server. Try again later."};
    case C::ServerUnableToAccommodateParameters:
        return {"ServerUnableToAccommodateParameters",
                "The server cannot accommodate the parameters given with MAIL "
                "FROM or RCPT TO at the moment. The same parameters may be "
                "accepted later."};
    case C::CommandUnrecognized:
        return {"CommandUnrecognized",
                "Syntax error: the server did not recognize the command, or "
                "the command line was too long. Do not send it again "
                "unchanged."};
    case C::SyntaxError:
        return {"SyntaxError",
                "Syntax error in the command's parameters or arguments, such "
                "as a malformed address. During AUTH it also answers a client "
                "that cancelled the exchange or sent invalid base64."};
    case C::CommandNotImplemented:
        return {"CommandNotImplemented",
                "The server knows the command but does not implement it. Do "
                "not send it again; use an alternative if there is one."};
    case C::CommandNotPermitted:
        return {"CommandNotPermitted",
                "Bad sequence of commands: the command is valid but not "
                "allowed at this point of the session, such as RCPT before "
                "MAIL. Send the missing commands first."};
    case C::UnrecognizedAuthenticationType:
        return {"UnrecognizedAuthenticationType",
                "A parameter of the command is not implemented. In answer to "
                "AUTH it means the server does not support the requested "
                "mechanism: choose another one it advertises."};
    case C::HostDoesNotAcceptMail:
        return {"HostDoesNotAcceptMail",
                "This host never accepts mail, and says so instead of a "
                "greeting or in answer to any command. Do not retry here."};
    case C::AuthenticationRequired:
        return {"AuthenticationRequired",
                "The server requires authentication before this command. "
                "Some servers also use it to demand STARTTLS first. "
                "Authenticate (after STARTTLS if needed), then retry."};
    case C::AuthenticationMechanismIsToWeak:
        return {"AuthenticationMechanismIsToWeak",
                "The requested authentication mechanism is weaker than the "
                "server's policy allows. Choose a stronger mechanism."};
    case C::CredentialsInvalid:
        return {"CredentialsInvalid",
                "Authentication failed because the server rejected the "
                "credentials. Do not retry with the same credentials."};
    case C::EncryptionRequiredRequestedMechanism:
        return {"EncryptionRequiredRequestedMechanism",
                "The requested authentication mechanism may only be used over "
                "an encrypted connection. Issue STARTTLS, then authenticate."};
    case C::MailboxUnavailable:
        return {"MailboxUnavailable",
                "The action was not taken because the mailbox is unavailable: "
                "it does not exist, access is denied, or the server's policy "
                "refuses it. Do not retry unchanged."};
    case C::UserNotLocalTryAlternatePath:
        return {"UserNotLocalTryAlternatePath",
                "The recipient is not local and this server will not forward "
                "the message; the text may name another address to try."};
    case C::ExceededStorageAllocation:
        return {"ExceededStorageAllocation",
                "The action was aborted because it exceeds a storage limit, "
                "such as a full mailbox or a message over the size limit. "
                "Older servers also send it in answer to RCPT for too many "
                "recipients, which is to be treated as temporary."};
    case C::MailboxNameNotAllowed:
        return {"MailboxNameNotAllowed",
                "The action was not taken because the mailbox name is not "
                "allowed, for example its syntax is invalid. Correct the "
                "address before trying again."};
    case C::TransactionFailed:
        return {"TransactionFailed",
                "The transaction failed, or, in place of a greeting, there is "
                "no SMTP service here. The text usually gives the reason. Do "
                "not retry unchanged."};
    case C::ParametersNotRecognizedOrNotImplemented:
        return {"ParametersNotRecognizedOrNotImplemented",
                "The server does not recognize or does not implement the "
                "parameters given with MAIL FROM or RCPT TO. Send the command "
                "without them."};
    case C::DomainDoesNotAcceptMail:
        return {"DomainDoesNotAcceptMail",
                "The recipient's domain does not accept mail at all, for "
                "example because it publishes a null MX record. Do not "
                "retry."};
    }
    return {nullptr, nullptr};
}

// The derived tables, built by one pass over the candidate values at compile
// time. Row 0 of `rows` is empty: a lookup of a value that is no enumerator
// lands there, so the lookups need no branch on the result, and
// zero-initialised indexes already mean "not found". Plain arrays and few
// statements per candidate keep that pass cheap for the compiler, which runs
// it in every translation unit that includes this header.
inline constexpr std::size_t code_capacity = 48;
inline constexpr int lowest_code_value = -1;
inline constexpr int highest_code_value = 599;
inline constexpr std::size_t code_value_span =
    static_cast<std::size_t>(highest_code_value - lowest_code_value + 1);
inline constexpr unsigned name_hash_bits = 8;
inline constexpr std::size_t name_slot_count = std::size_t{1} << name_hash_bits;
// The first odd multiplier after Knuth's 2654435761 for which name_hash
// gives every name a slot of its own; a static_assert below checks it. If a
// new name collides, try the following odd numbers: about one in four works
// for 36 names in 256 slots.
inline constexpr std::uint32_t name_hash_multiplier = 2654435767u;

struct CodeEntry {
    const char* name;
    const char* description;
    std::uint16_t name_size;
    std::uint16_t description_size;
    SmtpStatusCode code;
};

struct CodeTables {
    CodeEntry rows[code_capacity];
    // Dense index from (value - lowest_code_value) to a row: one byte per
    // possible value, and a last byte (0) that every value out of range is
    // clamped to, so a lookup is one load and no branch to mispredict.
    std::uint8_t row_of_value[code_value_span + 1];
    std::uint8_t row_of_name[name_slot_count];
    std::size_t count;
    std::size_t name_collisions;
    std::size_t longest_name;
};

constexpr std::size_t text_length(const char* text) noexcept {
#if defined(__GNUC__)
    // g++ and clang++ evaluate this directly; libstdc++'s char_traits counts
    // character by character in a constant expression.
    return __builtin_strlen(text);
#else
    return std::string_view(text).size();
#endif
}

// from_name's perfect hash: the length and two characters of a non-empty
// string, packed into 32 bits and hashed by one multiplication, so it costs
// the same for any input (and little to evaluate at compile time).
constexpr std::size_t name_hash(const char* s, std::size_t n) noexcept {
    const std::uint32_t key = static_cast<std::uint32_t>(n) ^
                              (std::uint32_t{static_cast<unsigned char>(s[0])} << 8) ^
                              (std::uint32_t{static_cast<unsigned char>(s[n / 2])} << 16);
    return (key * name_hash_multiplier) >> (32 - name_hash_bits);
}

// The candidates for an enumerator: the two sentinels, and every reply code
// whose second digit is 0 to 5, the only categories RFC 5321 section 4.2.1
// defines. Scanning those (not all of -1..599) keeps compile time low; the
// unit tests check that no enumerator lies outside them.
constexpr CodeTables make_code_tables() noexcept {
    CodeTables t{};
    for (int block = 0; block < 5; ++block) {
        // -1..0, then 200..259, 300..359, 400..459, 500..559
        const int first = block == 0 ? lowest_code_value : 100 * (block + 1);
        const int last = block == 0 ? 0 : first + 59;
        for (int v = first; v <= last; ++v) {
            const CodeText text = code_text(static_cast<SmtpStatusCode>(v));
            if (text.name != nullptr) {
                const std::size_t row = ++t.count;
                const std::size_t size = text_length(text.name);
                t.rows[row] = {text.name, text.description, static_cast<std::uint16_t>(size),
                               static_cast<std::uint16_t>(text_length(text.description)),
                               static_cast<SmtpStatusCode>(v)};
                t.row_of_value[v - lowest_code_value] = static_cast<std::uint8_t>(row);
                const std::size_t slot = name_hash(text.name, size);
                t.name_collisions += t.row_of_name[slot]; // 0 while every slot is free
                t.row_of_name[slot] = static_cast<std::uint8_t>(row);
                t.longest_name = size > t.longest_name ? size : t.longest_name;
            }
        }
    }
    return t;
}

inline constexpr CodeTables code_tables = make_code_tables();
inline constexpr std::size_t code_count = code_tables.count;
static_assert(code_count < code_capacity, "raise code_capacity");
static_assert(code_tables.name_collisions == 0, "find another name_hash_multiplier");
// The longest name (format.hpp sizes its buffers with it).
inline constexpr std::size_t longest_name_length = code_tables.longest_name;
static_assert(longest_name_length <= 40, "byte_difference compares at most 40 bytes");
static_assert(code_tables.rows[1].name != nullptr, "from_name compares empty slots with row 1");

// The row for any int, 0 for a value that is no enumerator. Unsigned
// arithmetic makes every int, INT_MIN and INT_MAX included, one bounds check
// without overflow; clamping instead of branching keeps random codes free of
// branch mispredictions.
constexpr std::size_t row_of_value(int v) noexcept {
    const std::size_t offset = static_cast<std::size_t>(
        static_cast<unsigned>(v) - static_cast<unsigned>(lowest_code_value));
    return code_tables.row_of_value[offset < code_value_span ? offset : code_value_span];
}

// Eight bytes from p as one number; g++ and clang++ compile it to one load.
constexpr std::uint64_t byte_at(const char* p, int i) noexcept {
    return static_cast<unsigned char>(p[i]);
}
constexpr std::uint64_t load8(const char* p) noexcept {
    return byte_at(p, 0) | byte_at(p, 1) << 8 | byte_at(p, 2) << 16 | byte_at(p, 3) << 24 |
           byte_at(p, 4) << 32 | byte_at(p, 5) << 40 | byte_at(p, 6) << 48 | byte_at(p, 7) << 56;
}

// Zero if and only if the first n bytes (n <= 40) of a and b are equal. From
// eight bytes on, five overlapping 8-byte words cover them whatever n is, so
// there is no branch on n or on the bytes (memcmp branches on the length,
// and from_name on random text would mispredict).
constexpr std::uint64_t byte_difference(const char* a, const char* b, std::size_t n) noexcept {
    std::uint64_t diff = 0;
    if (n < 8) {
        for (std::size_t i = 0; i < n; ++i) {
            diff |= static_cast<unsigned char>(a[i] ^ b[i]);
        }
        return diff;
    }
    const std::size_t last = n - 8;
    diff = load8(a + last) ^ load8(b + last);
    for (std::size_t at = 0; at < 32; at += 8) {
        const std::size_t word = at < last ? at : last;
        diff |= load8(a + word) ^ load8(b + word);
    }
    return diff;
}

#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 9
// g++ builds a std::optional that depends on a condition with a branch,
// which random input mispredicts, but copies one from a table without. The
// table costs g++ about 3 % more compile time; it would cost clang++ 6 %,
// which needs no table.
struct OptionalCodes {
    std::optional<SmtpStatusCode> of_row[code_capacity];
};

constexpr OptionalCodes make_optional_codes() noexcept {
    OptionalCodes codes{};
    for (std::size_t row = 1; row <= code_count; ++row) {
        codes.of_row[row] =
            std::optional<SmtpStatusCode>(std::in_place, code_tables.rows[row].code);
    }
    return codes;
}

inline constexpr OptionalCodes optional_codes = make_optional_codes();
#endif

// The answer of from_value and from_name for a row (0: none).
constexpr std::optional<SmtpStatusCode> code_of_row(std::size_t row,
                                                    SmtpStatusCode code) noexcept {
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 9
    // g++ 12 rejects the copy from the table in a constant expression.
    if (!__builtin_is_constant_evaluated()) {
        return optional_codes.of_row[row];
    }
#endif
    // clang++ turns this branch into straight-line code.
    if (row == 0) {
        return {};
    }
    return std::optional<SmtpStatusCode>(std::in_place, code);
}

constexpr std::array<SmtpStatusCode, code_count> make_all_status_codes() noexcept {
    std::array<SmtpStatusCode, code_count> codes{};
    SmtpStatusCode* out = codes.data();
    for (std::size_t row = 1; row <= code_count; ++row) {
        out[row - 1] = code_tables.rows[row].code;
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
    const detail::CodeEntry& entry =
        detail::code_tables.rows[detail::row_of_value(static_cast<int>(code))];
    return {entry.name, entry.name_size};
}

/// What the code means and what a client should do, in one or two English
/// sentences; empty for a value that is no enumerator.
constexpr std::string_view description(SmtpStatusCode code) noexcept {
    const detail::CodeEntry& entry =
        detail::code_tables.rows[detail::row_of_value(static_cast<int>(code))];
    return {entry.description, entry.description_size};
}

/// Whether the value is one of the enumerators.
constexpr bool is_defined(SmtpStatusCode code) noexcept {
    return detail::row_of_value(static_cast<int>(code)) != 0;
}

/// The enumerator with this value, or std::nullopt for any other int.
constexpr std::optional<SmtpStatusCode> from_value(int v) noexcept {
    return detail::code_of_row(detail::row_of_value(v), static_cast<SmtpStatusCode>(v));
}

/// The enumerator spelled exactly (case-sensitive) as `text`, or std::nullopt.
constexpr std::optional<SmtpStatusCode> from_name(std::string_view text) noexcept {
    // One path for every input, with no branch on the text: random input
    // would mispredict any (see BENCHMARKS.md). The hash reads the first and
    // the middle byte; an empty text reads those of "" instead.
    const std::size_t size = text.size();
    const char* const bytes = size != 0 ? text.data() : "";
    // An empty slot compares with row 1, whose name cannot match: a text
    // equal to it hashes to its own slot.
    const std::size_t slot = detail::code_tables.row_of_name[detail::name_hash(bytes, size)];
    const std::size_t row = slot + (slot == 0);
    const detail::CodeEntry& entry = detail::code_tables.rows[row];
    const std::size_t common = size < entry.name_size ? size : entry.name_size;
    const std::uint64_t difference =
        (size ^ entry.name_size) | detail::byte_difference(entry.name, bytes, common);
    // The row if equal, else 0, by a mask: g++ makes a conditional a branch.
    const std::size_t found = row & (std::size_t{0} - std::size_t{difference == 0});
    return detail::code_of_row(found, entry.code);
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
constexpr ReplyClass reply_class(int code) noexcept {
    return code >= 200 && code <= 599 ? static_cast<ReplyClass>(code / 100)
                                      : ReplyClass::None;
}

/// The class of a code; None for NotDefined and GeneralFailure.
constexpr ReplyClass reply_class(SmtpStatusCode code) noexcept {
    return reply_class(static_cast<int>(code));
}

/// 2yz: the requested action was completed.
constexpr bool is_success(int code) noexcept {
    return code >= 200 && code <= 299;
}
/// 2yz: the requested action was completed.
constexpr bool is_success(SmtpStatusCode code) noexcept {
    return is_success(static_cast<int>(code));
}

/// 3yz: accepted so far; the server waits for more (DATA, AUTH).
constexpr bool is_intermediate(int code) noexcept {
    return code >= 300 && code <= 399;
}
/// 3yz: accepted so far; the server waits for more (DATA, AUTH).
constexpr bool is_intermediate(SmtpStatusCode code) noexcept {
    return is_intermediate(static_cast<int>(code));
}

/// 4yz: not done now; the same command may succeed later.
constexpr bool is_transient(int code) noexcept {
    return code >= 400 && code <= 499;
}
/// 4yz: not done now; the same command may succeed later.
constexpr bool is_transient(SmtpStatusCode code) noexcept {
    return is_transient(static_cast<int>(code));
}

/// 5yz: not done; do not repeat the command unchanged.
constexpr bool is_permanent(int code) noexcept {
    return code >= 500 && code <= 599;
}
/// 5yz: not done; do not repeat the command unchanged.
constexpr bool is_permanent(SmtpStatusCode code) noexcept {
    return is_permanent(static_cast<int>(code));
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

/// The class in words, as RFC 5321 section 4.2.1 names it, for messages and
/// reports: "positive completion", "positive intermediate", "transient
/// negative", "permanent negative", and "not a reply code" for None; empty
/// for a value that is no enumerator.
constexpr std::string_view description(ReplyClass reply) noexcept {
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
