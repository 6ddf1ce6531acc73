// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/command.hpp>`: what a reply answers (the greeting, a client's
/// command, the end of the mail data), and reading the command off a
/// client's command line (RFC 5321 section 4.1.1).
///
/// Everything here is constexpr, noexcept and allocation free, and gives a
/// defined answer for any input.
#ifndef SMTP_COMMAND_HPP
#define SMTP_COMMAND_HPP

#include <smtp/case_insensitive.hpp>
#include <smtp/detail/deferred.hpp>

#include <array>
#include <optional>
#include <string_view>

namespace smtp {

/// What a reply answers: the server's greeting, a command the client sent, or
/// the end of the mail data.
enum class Command : int {
    /// Not a command: the reply a server sends when the connection opens
    /// (RFC 5321 section 3.1).
    Greeting,
    /// HELO (RFC 5321 section 4.1.1.1).
    Helo,
    /// EHLO (RFC 5321 section 4.1.1.1), and LMTP's LHLO (RFC 2033).
    Ehlo,
    /// MAIL FROM (RFC 5321 section 4.1.1.2).
    Mail,
    /// RCPT TO (RFC 5321 section 4.1.1.3).
    Rcpt,
    /// The DATA command itself, answered by 354 when the server wants the data.
    Data,
    /// Not a command: the end of the mail data, "<CRLF>.<CRLF>" (RFC 5321
    /// section 4.1.1.4), whose reply says whether the server took the message.
    DataEnd,
    /// RFC 3030 CHUNKING; a BDAT LAST reply is the message's final answer.
    Bdat,
    /// RSET (RFC 5321 section 4.1.1.5).
    Rset,
    /// VRFY (RFC 5321 section 4.1.1.6).
    Vrfy,
    /// EXPN (RFC 5321 section 4.1.1.7).
    Expn,
    /// HELP (RFC 5321 section 4.1.1.8).
    Help,
    /// NOOP (RFC 5321 section 4.1.1.9).
    Noop,
    /// QUIT (RFC 5321 section 4.1.1.10).
    Quit,
    /// RFC 4954; the replies to the client's continuation lines count as
    /// replies to AUTH.
    Auth,
    /// RFC 3207.
    StartTls,
    /// Any other command (ETRN, XCLIENT, ...): its extension defines its
    /// replies, so this library judges none of them unexpected.
    Other,
};

/// Every Command once, in declaration order.
inline constexpr std::array<Command, 17> all_commands = {
    Command::Greeting, Command::Helo, Command::Ehlo,   Command::Mail,     Command::Rcpt,
    Command::Data,     Command::DataEnd, Command::Bdat, Command::Rset,    Command::Vrfy,
    Command::Expn,     Command::Help, Command::Noop,   Command::Quit,     Command::Auth,
    Command::StartTls, Command::Other,
};

/// The enumerator's spelling ("Rcpt"); empty for a value that is no
/// enumerator.
[[nodiscard]] constexpr std::string_view name(Command command) noexcept {
    switch (command) {
    case Command::Greeting: return "Greeting";
    case Command::Helo: return "Helo";
    case Command::Ehlo: return "Ehlo";
    case Command::Mail: return "Mail";
    case Command::Rcpt: return "Rcpt";
    case Command::Data: return "Data";
    case Command::DataEnd: return "DataEnd";
    case Command::Bdat: return "Bdat";
    case Command::Rset: return "Rset";
    case Command::Vrfy: return "Vrfy";
    case Command::Expn: return "Expn";
    case Command::Help: return "Help";
    case Command::Noop: return "Noop";
    case Command::Quit: return "Quit";
    case Command::Auth: return "Auth";
    case Command::StartTls: return "StartTls";
    case Command::Other: return "Other";
    }
    return {};
}

/// The verb a client sends for the command, as the RFCs spell it ("RCPT",
/// "STARTTLS"); empty for Greeting, DataEnd and Other, which have none, and
/// for a value that is no enumerator.
[[nodiscard]] constexpr std::string_view verb(Command command) noexcept {
    switch (command) {
    case Command::Greeting: return {};
    case Command::Helo: return "HELO";
    case Command::Ehlo: return "EHLO";
    case Command::Mail: return "MAIL";
    case Command::Rcpt: return "RCPT";
    case Command::Data: return "DATA";
    case Command::DataEnd: return {};
    case Command::Bdat: return "BDAT";
    case Command::Rset: return "RSET";
    case Command::Vrfy: return "VRFY";
    case Command::Expn: return "EXPN";
    case Command::Help: return "HELP";
    case Command::Noop: return "NOOP";
    case Command::Quit: return "QUIT";
    case Command::Auth: return "AUTH";
    case Command::StartTls: return "STARTTLS";
    case Command::Other: return {};
    }
    return {};
}

/// The command a client's command line carries, from its verb: the bytes
/// before the first space, CR or LF, compared without regard to ASCII case
/// (RFC 5321 section 2.4). "rcpt to:<a@b>" and "RCPT TO:<a@b>\r\n" are Rcpt,
/// "LHLO host" is Ehlo (LMTP, RFC 2033), "ETRN example.org" is Other. The
/// arguments are not checked: "MAIL" alone is still Mail, which the server
/// answers (with 501). A line with no known verb, an empty one included, is
/// Other; the end of the mail data (".") is a line of the data, not a
/// command, so it is Other too: only the caller knows it ends the data
/// (Command::DataEnd).
[[nodiscard]] constexpr Command parse_command(std::string_view line) noexcept {
    std::string_view::size_type end = 0;
    while (end < line.size() && line[end] != ' ' && line[end] != '\r' && line[end] != '\n') {
        ++end;
    }
    const std::string_view word = line.substr(0, end);
    if (detail::same_text(word, "LHLO", case_insensitive)) {
        return Command::Ehlo;
    }
    for (const Command command : all_commands) {
        const std::string_view known = verb(command);
        if (!known.empty() && detail::same_text(word, known, case_insensitive)) {
            return command;
        }
    }
    return Command::Other;
}

/// The enumerator spelled as `text` ("Rcpt"): exactly, or as `equal`, a
/// comparison of two chars, decides: `command_from_name("rcpt",
/// case_insensitive)` is Rcpt. std::nullopt for any other text.
template <class BinaryPredicate = detail::SameChar>
[[nodiscard]] constexpr typename detail::Deferred<std::optional<Command>, BinaryPredicate>::type
command_from_name(std::string_view text, const BinaryPredicate& equal = {}) noexcept(
    noexcept(equal('a', 'a'))) {
    for (const Command command : all_commands) {
        if (detail::same_text(name(command), text, equal)) {
            return command;
        }
    }
    return std::nullopt;
}

} // namespace smtp

#endif // SMTP_COMMAND_HPP
