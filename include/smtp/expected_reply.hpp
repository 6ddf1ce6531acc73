// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/expected_reply.hpp>`: which replies the RFCs list for each command
/// (RFC 5321 section 4.3.2 and the extensions), with the section that says
/// so: an unexpected reply is still a reply, but worth a line in a log.
///
/// Everything here is constexpr, noexcept and allocation free, and gives a
/// defined answer for any input.
#ifndef SMTP_EXPECTED_REPLY_HPP
#define SMTP_EXPECTED_REPLY_HPP

#include <smtp/command.hpp>
#include <smtp/detail/sv_literals.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace smtp {

/// A set of Commands, one bit each.
struct CommandSet {
    /// Bit `static_cast<int>(command)` set for each command in the set.
    std::uint32_t bits = 0;

    /// Whether `command` is in the set (false for a value that is no
    /// enumerator).
    [[nodiscard]] constexpr bool contains(Command command) const noexcept {
        const auto index = static_cast<unsigned>(command);
        return index < all_commands.size() && ((bits >> index) & 1u) != 0;
    }
};

namespace detail {

constexpr std::uint32_t command_bit(Command command) noexcept {
    return std::uint32_t{1} << static_cast<unsigned>(command);
}

// The set of the commands given: only(Command::Helo, Command::Ehlo).
template <class... Commands>
constexpr CommandSet only(Commands... commands) noexcept {
    return CommandSet{(command_bit(commands) | ... | 0u)};
}

// The set of every command but those given.
template <class... Commands>
constexpr CommandSet all_but(Commands... commands) noexcept {
    constexpr std::uint32_t every = (std::uint32_t{1} << all_commands.size()) - 1;
    return CommandSet{every & ~(command_bit(commands) | ... | 0u)};
}

} // namespace detail

/// One row of the expected-reply table: some reply codes that the cited
/// RFC section lists for some commands.
struct ExpectedReplyRule {
    /// The most codes one row lists; unused places are 0.
    static constexpr std::size_t capacity = 12;

    /// The commands the row is about.
    CommandSet commands;
    /// The codes, then zeros.
    std::array<int, capacity> codes;
    /// Every code 200..599 instead of `codes` (for Command::Other).
    bool every_code;
    /// Where the RFCs say so ("RFC 5321 section 4.3.2").
    std::string_view source;

    /// Whether this row lists `code`.
    [[nodiscard]] constexpr bool lists(int code) const noexcept {
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
    {detail::only(Command::Greeting), {220, 554}, false,
     "RFC 5321 section 4.3.2 (connection establishment)"sv},
    {detail::only(Command::Helo, Command::Ehlo), {250, 504, 550, 502}, false,
     "RFC 5321 section 4.3.2"sv},
    {detail::only(Command::Mail), {250, 552, 451, 452, 550, 553, 503, 455, 555}, false,
     "RFC 5321 section 4.3.2"sv},
    {detail::only(Command::Rcpt), {250, 251, 550, 551, 552, 553, 450, 451, 452, 503, 455, 555},
     false, "RFC 5321 section 4.3.2"sv},
    {detail::only(Command::Data), {354, 503, 554}, false, "RFC 5321 section 4.3.2"sv},
    {detail::only(Command::DataEnd), {250, 552, 554, 451, 452, 450, 550}, false,
     "RFC 5321 section 4.3.2 (after the mail data)"sv},
    {detail::only(Command::Rset), {250}, false, "RFC 5321 section 4.3.2"sv},
    {detail::only(Command::Vrfy), {250, 251, 252, 550, 551, 553, 502, 504}, false,
     "RFC 5321 section 4.3.2"sv},
    {detail::only(Command::Expn), {250, 252, 550, 500, 502, 504}, false,
     "RFC 5321 section 4.3.2"sv},
    {detail::only(Command::Help), {211, 214, 502, 504}, false, "RFC 5321 section 4.3.2"sv},
    {detail::only(Command::Noop), {250}, false, "RFC 5321 section 4.3.2"sv},
    {detail::only(Command::Quit), {221}, false, "RFC 5321 section 4.3.2"sv},
    // RFC 5321, replies not tied to one command.
    {detail::all_but(Command::Greeting, Command::DataEnd), {500, 501}, false,
     "RFC 5321 section 4.3.2 (any command)"sv},
    {detail::all_but(), {421}, false,
     "RFC 5321 sections 4.3.2 and 3.8 (any command, or unprompted at shutdown)"sv},
    {detail::all_but(Command::Greeting, Command::DataEnd, Command::Quit), {503}, false,
     "RFC 5321 section 3.1 (after a 554 greeting, until QUIT)"sv},
    {detail::only(Command::Bdat, Command::Auth, Command::StartTls), {502}, false,
     "RFC 5321 section 4.2.4 (a recognised command the server does not implement)"sv},
    // RFC 7504: a host that accepts no mail says 521 instead of the greeting
    // and may answer every command but QUIT with it; a relay that finds the
    // recipient's domain takes no mail (a null MX, RFC 7505) answers RCPT
    // with 556.
    {detail::only(Command::Greeting), {521}, false,
     "RFC 7504 (521 in place of the greeting)"sv},
    {detail::all_but(Command::Greeting, Command::DataEnd, Command::Quit), {521}, false,
     "RFC 7504 (521 from a host that accepts no mail, until QUIT)"sv},
    {detail::only(Command::Rcpt), {556}, false,
     "RFC 7504 (556: the recipient's domain accepts no mail)"sv},
    // RFC 1870, SIZE.
    {detail::only(Command::Mail), {452, 552}, false, "RFC 1870 section 6.1"sv},
    {detail::only(Command::Rcpt), {452, 552}, false, "RFC 1870 section 6.4"sv},
    {detail::only(Command::Data, Command::DataEnd, Command::Bdat), {452, 552}, false,
     "RFC 1870 section 6.2"sv},
    // RFC 3030, CHUNKING: a chunk gets 250, a BDAT after BDAT LAST gets 503,
    // and a failed chunk gets the 4yz or 5yz the mail data would get.
    {detail::only(Command::Bdat), {250, 503}, false, "RFC 3030 section 2"sv},
    {detail::only(Command::Bdat), {450, 451, 452, 550, 552, 554}, false,
     "RFC 3030 section 2 (as RFC 5321 section 4.3.2 after the mail data)"sv},
    // RFC 3207, STARTTLS.
    {detail::only(Command::StartTls), {220, 501, 454}, false, "RFC 3207 section 4"sv},
    {detail::all_but(Command::Greeting, Command::DataEnd, Command::Noop, Command::Ehlo,
                      Command::StartTls, Command::Quit),
     {530}, false, "RFC 3207 section 4 (STARTTLS required first)"sv},
    {detail::all_but(Command::Greeting, Command::DataEnd, Command::Quit), {554}, false,
     "RFC 3207 section 4.1 (security too weak after TLS negotiation)"sv},
    // RFC 4954, AUTH.
    {detail::only(Command::Auth), {235, 334, 500, 501, 503, 504, 535}, false,
     "RFC 4954 section 4"sv},
    {detail::only(Command::Auth), {432, 454, 534, 538}, false, "RFC 4954 section 6"sv},
    {detail::all_but(Command::Greeting, Command::DataEnd, Command::Auth, Command::Ehlo,
                      Command::Helo, Command::Noop, Command::Rset, Command::Quit),
     {530}, false, "RFC 4954 section 6 (authentication required)"sv},
    // A command the table does not cover.
    {detail::only(Command::Other), {}, true,
     "no RFC table: the command's own extension defines its replies"sv},
};

namespace detail {

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
    for (const Command command : all_commands) {
        bool positive = false; // some 2yz or 3yz reply
        for (const ExpectedReplyRule& rule : expected_reply_rules) {
            for (const int code : rule.codes) {
                positive = positive || (rule.commands.contains(command) &&
                                        (rule.every_code || (code >= 200 && code <= 399)));
            }
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

/// The citation of the first row of expected_reply_rules that lists `code`
/// for `answered` ("RFC 4954 section 6"); empty when the reply is not
/// expected. A scan of the rows: a few dozen comparisons, once per reply.
[[nodiscard]] constexpr std::string_view expected_reply_source(Command answered,
                                                               int code) noexcept {
    for (const ExpectedReplyRule& rule : expected_reply_rules) {
        if (rule.commands.contains(answered) && rule.lists(code)) {
            return rule.source;
        }
    }
    return {};
}

/// Whether the RFCs list `code` as a reply to `answered` (see
/// expected_reply_rules): RFC 5321 section 4.3.2 and the extensions AUTH
/// (RFC 4954), STARTTLS (RFC 3207), CHUNKING (RFC 3030) and SIZE (RFC 1870),
/// plus 421, 500 and 501, which may answer any command. False for a code
/// outside 200..599 and for a value that is no Command.
///
/// An unexpected reply is still a reply: classify it by its first digit
/// (next_action) as RFC 5321 section 4.3.2 tells clients to; this only says
/// the server strays from the tables, which is worth logging.
[[nodiscard]] constexpr bool is_expected_reply(Command answered, int code) noexcept {
    return !expected_reply_source(answered, code).empty();
}

} // namespace smtp

#endif // SMTP_EXPECTED_REPLY_HPP
