// Tests of src/extract/commands.hpp: the command of a client's line and of
// a mail log's words.
#include "extract/commands.hpp"

#include <doctest/doctest.h>

#include <smtp/command.hpp>

#include <optional>
#include <string_view>

namespace {

using smtp::Command;
using smtp_explain::command_from_line;
using smtp_explain::command_from_verb;

struct LineCase {
    std::string_view line;
    std::optional<Command> marked;   // the line carries the client's mark
    std::optional<Command> unmarked; // typed by hand: only exact shapes count
};

TEST_CASE("command_from_line: verbs in any case, shapes checked on unmarked lines") {
    const std::optional<Command> none;
    const LineCase cases[] = {
        {"EHLO client.example.org", Command::Ehlo, Command::Ehlo},
        {"ehlo client.example.org", Command::Ehlo, Command::Ehlo},
        {"LHLO client", Command::Ehlo, Command::Ehlo}, // LMTP, RFC 2033
        {"HELO x", Command::Helo, Command::Helo},
        {"  MAIL FROM:<a@example.org> SIZE=100  ", Command::Mail, Command::Mail},
        {"mail from:<>", Command::Mail, Command::Mail},
        {"RCPT TO:<b@example.net>", Command::Rcpt, Command::Rcpt},
        {"Mail me later", none, none},  // MAIL needs FROM:
        {"RCPT something", none, none}, // RCPT needs TO:
        {"DATA", Command::Data, Command::Data},
        {"Data is everything", Command::Data, none},
        {"BDAT 86 LAST", Command::Bdat, Command::Bdat},
        {"BDAT", Command::Bdat, none},
        {"RSET", Command::Rset, Command::Rset},
        {"VRFY postmaster", Command::Vrfy, Command::Vrfy},
        {"EXPN list", Command::Expn, Command::Expn},
        {"HELP", Command::Help, Command::Help},
        {"Help me with this", Command::Help, Command::Help},
        {"NOOP", Command::Noop, Command::Noop},
        {"QUIT", Command::Quit, Command::Quit},
        {"Quit it", Command::Quit, none},
        {"AUTH PLAIN AGFsaWNlAHNlY3JldA==", Command::Auth, Command::Auth},
        {"AUTH", Command::Auth, none},
        {"STARTTLS", Command::StartTls, Command::StartTls},
        {"ETRN example.org", Command::Other, Command::Other},
        {"XCLIENT ADDR=192.0.2.1", Command::Other, Command::Other},
        {"ETRN", Command::Other, none},
        {"XFORWARD NAME=x", Command::Other, none}, // rarer verbs: only when marked
        {"TURN", Command::Other, none},
        {"HELLO there", none, none}, // no SMTP verb
        {"250 OK", none, none},
        {"EHLO:x", none, none}, // a verb ends at a space
        {"EHLO\tx", none, none},
        {"", none, none},
        {"   ", none, none},
    };
    for (const LineCase& c : cases) {
        CAPTURE(c.line);
        CHECK(command_from_line(c.line, false) == c.marked);
        CHECK(command_from_line(c.line, true) == c.unmarked);
    }
}

TEST_CASE("command_from_verb: the words Postfix and Exim log for a command") {
    const std::optional<Command> none;
    const std::pair<std::string_view, std::optional<Command>> cases[] = {
        {"RCPT TO", Command::Rcpt},
        {"RCPT", Command::Rcpt},
        {"rcpt to:<a@b>", Command::Rcpt},
        {"MAIL FROM:<alice@example.org> SIZE=1234", Command::Mail},
        {"pipelined MAIL FROM:<a@b>", Command::Mail},
        {"end of DATA", Command::DataEnd},
        {"end of data", Command::DataEnd},
        {"END-OF-MESSAGE", Command::DataEnd},
        {"final DATA", Command::DataEnd},
        {"connect", Command::Greeting},
        {"DATA", Command::Data},
        {"CONNECT", Command::Greeting},
        {"initial connection", Command::Greeting},
        {"initial greeting", Command::Greeting},
        {"  EHLO  ", Command::Ehlo},
        {"STARTTLS", Command::StartTls},
        {"XYZZY", Command::Other},
        {"", none},
        {":", none},
    };
    for (const auto& c : cases) {
        const std::string_view phrase = c.first;
        const std::optional<Command> expected = c.second;
        CAPTURE(phrase);
        CHECK(command_from_verb(phrase) == expected);
    }
}

} // namespace
