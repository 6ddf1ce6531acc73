// Tests for <smtp/command.hpp>. It is included first to prove that it
// compiles on its own.
#include <smtp/command.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <set>
#include <string>
#include <string_view>

namespace {

using smtp::Command;

struct CommandRow {
    Command command;
    std::string_view name;
    std::string_view verb; // RFC 5321 section 4.1.1 and the extensions; "" for none
};

// Written out by hand, in declaration order.
constexpr CommandRow command_rows[] = {
    {Command::Greeting, "Greeting", ""},
    {Command::Helo, "Helo", "HELO"},
    {Command::Ehlo, "Ehlo", "EHLO"},
    {Command::Mail, "Mail", "MAIL"},
    {Command::Rcpt, "Rcpt", "RCPT"},
    {Command::Data, "Data", "DATA"},
    {Command::DataEnd, "DataEnd", ""},
    {Command::Bdat, "Bdat", "BDAT"},
    {Command::Rset, "Rset", "RSET"},
    {Command::Vrfy, "Vrfy", "VRFY"},
    {Command::Expn, "Expn", "EXPN"},
    {Command::Help, "Help", "HELP"},
    {Command::Noop, "Noop", "NOOP"},
    {Command::Quit, "Quit", "QUIT"},
    {Command::Auth, "Auth", "AUTH"},
    {Command::StartTls, "StartTls", "STARTTLS"},
    {Command::Other, "Other", ""},
};

struct LineRow {
    std::string_view line;
    Command command;
};

// Client lines as they go over the wire or into a log.
constexpr LineRow line_rows[] = {
    {"HELO client.example.net\r\n", Command::Helo},
    {"helo client.example.net", Command::Helo},
    {"EHLO client.example.net\r\n", Command::Ehlo},
    {"Ehlo [192.0.2.1]", Command::Ehlo},
    {"LHLO client.example.net\r\n", Command::Ehlo}, // LMTP, RFC 2033
    {"lhlo x", Command::Ehlo},
    {"MAIL FROM:<a@example.org> SIZE=1000\r\n", Command::Mail},
    {"mail from:<>", Command::Mail},
    {"MAIL", Command::Mail}, // no argument: still MAIL, answered by 501
    {"RCPT TO:<b@example.net>\r\n", Command::Rcpt},
    {"rcpt to:<a@b>", Command::Rcpt},
    {"rCpT TO:<a@b>\n", Command::Rcpt},
    {"DATA\r\n", Command::Data},
    {"data", Command::Data},
    {"DATA\n", Command::Data},
    {"BDAT 1000 LAST\r\n", Command::Bdat},
    {"RSET\r\n", Command::Rset},
    {"VRFY postmaster\r\n", Command::Vrfy},
    {"EXPN staff\r\n", Command::Expn},
    {"HELP\r\n", Command::Help},
    {"HELP MAIL", Command::Help},
    {"NOOP\r\n", Command::Noop},
    {"QUIT\r\n", Command::Quit},
    {"quit\r", Command::Quit},
    {"AUTH PLAIN AGFsaWNlAHNlY3JldA==\r\n", Command::Auth},
    {"STARTTLS\r\n", Command::StartTls},
    {"starttls", Command::StartTls},
    // Other: extensions, unknown verbs, no verb, and the end of the data.
    {"ETRN example.org\r\n", Command::Other},
    {"XCLIENT ADDR=192.0.2.1\r\n", Command::Other},
    {"", Command::Other},
    {"\r\n", Command::Other},
    {" ", Command::Other},
    {".\r\n", Command::Other},
    {".", Command::Other},
    {" RCPT TO:<a@b>", Command::Other}, // the verb starts the line
    {"RCPT\tTO:<a@b>", Command::Other}, // SP separates, RFC 5321 section 4.1.1
    {"RCPT:", Command::Other},
    {"RCP TO:<a@b>", Command::Other},
    {"RCPTT TO:<a@b>", Command::Other},
    {"MAILFROM:<a@b>", Command::Other},
    {"STARTTLSX", Command::Other},
    {"HELO\xc3\xa9", Command::Other},
    {"Greeting", Command::Other}, // names of the enum are no verbs
    {"DataEnd", Command::Other},
    {"Other", Command::Other},
};

} // namespace

TEST_CASE("all_commands") {
    REQUIRE(smtp::all_commands.size() == std::size(command_rows));
    for (std::size_t i = 0; i < smtp::all_commands.size(); ++i) {
        CAPTURE(i);
        CHECK(smtp::all_commands[i] == command_rows[i].command);
        CHECK(static_cast<std::size_t>(smtp::all_commands[i]) == i);
    }
}

TEST_CASE("name and verb of Command") {
    for (const CommandRow& row : command_rows) {
        CAPTURE(row.name);
        CHECK(smtp::name(row.command) == row.name);
        CHECK(smtp::verb(row.command) == row.verb);
    }
    for (const int v : {-1, 17, 18, 1000}) {
        CAPTURE(v);
        CHECK(smtp::name(static_cast<Command>(v)).empty());
        CHECK(smtp::verb(static_cast<Command>(v)).empty());
    }
}

TEST_CASE("parse_command") {
    SUBCASE("every line of the table") {
        for (const LineRow& row : line_rows) {
            CAPTURE(row.line);
            CHECK(smtp::parse_command(row.line) == row.command);
        }
    }
    SUBCASE("every verb, alone and with an argument, in three cases") {
        for (const CommandRow& row : command_rows) {
            if (row.verb.empty()) {
                continue;
            }
            CAPTURE(row.verb);
            std::string lower(row.verb);
            for (char& c : lower) {
                c = static_cast<char>(c + 32); // verbs are upper-case letters
            }
            CHECK(smtp::parse_command(row.verb) == row.command);
            CHECK(smtp::parse_command(lower) == row.command);
            CHECK(smtp::parse_command(std::string(row.verb) + " x\r\n") == row.command);
            CHECK(smtp::parse_command(lower + "\r\n") == row.command);
            CHECK(smtp::parse_command(std::string(row.verb.substr(1))) == Command::Other);
            CHECK(smtp::parse_command(std::string(row.verb) + "S") == Command::Other);
        }
    }
    SUBCASE("only the line's bytes are read") {
        const std::string buffer = "QUIT";
        CHECK(smtp::parse_command(std::string_view(buffer).substr(0, 3)) == Command::Other);
        CHECK(smtp::parse_command(std::string_view("DATAEND").substr(0, 4)) == Command::Data);
    }
    SUBCASE("is a constant expression") {
        static_assert(smtp::parse_command("rcpt to:<a@b>") == Command::Rcpt);
        // A string_view already made: libc++ does not mark the conversion from
        // "" noexcept, and the guarantee is parse_command's.
        static_assert(noexcept(smtp::parse_command(std::string_view{})));
    }
}

TEST_CASE("command_from_name") {
    for (const CommandRow& row : command_rows) {
        CAPTURE(row.name);
        std::string upper(row.name);
        for (char& c : upper) {
            c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
        }
        CHECK(smtp::command_from_name(row.name) == row.command);
        CHECK(smtp::command_from_name(row.name, smtp::case_insensitive) == row.command);
        CHECK(smtp::command_from_name(upper, smtp::case_insensitive) == row.command);
        CHECK_FALSE(smtp::command_from_name(upper));
        CHECK_FALSE(smtp::command_from_name(std::string(row.name) + " "));
        CHECK_FALSE(smtp::command_from_name(std::string(row.name) + " ", smtp::case_insensitive));
    }
    for (const std::string_view text : {"", "RCPT TO", "StartTLS ", "Command::Rcpt", "end-of-data"}) {
        CAPTURE(text);
        CHECK_FALSE(smtp::command_from_name(text));
        CHECK_FALSE(smtp::command_from_name(text, smtp::case_insensitive));
    }
    CHECK(smtp::command_from_name("starttls", smtp::case_insensitive) == Command::StartTls);
    static_assert(smtp::command_from_name("dataend", smtp::case_insensitive) == Command::DataEnd);
}
