// Tests of src/analyse/arguments.hpp: what a command-line argument names.
#include "analyse/arguments.hpp"

#include <doctest/doctest.h>

#include <smtp/enhanced_status_code.hpp>
#include <smtp/semantics.hpp>
#include <smtp/status_code.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace {

using smtp_explain::CodeArgument;
using smtp_explain::parse_code_argument;
using Kind = CodeArgument::Kind;

TEST_CASE("looks_like_path: a separator, a leading '~' or '.', or a short extension") {
    using smtp_explain::looks_like_path;
    for (const char* path : {"bounce.eml", "mail.log", "samples/x", "C:\\mail\\x",
                             "~/bounce", "./550", "..", "reply.TXT", "x.mbox", "a.b2"}) {
        CAPTURE(path);
        CHECK(looks_like_path(path));
    }
    for (const char* word : {"", "MailboxBsy", "hello", "x.", "x.longer", "v1.2", "e.g.",
                             "5.1.1", "a.b-c"}) {
        CAPTURE(word);
        CHECK_FALSE(looks_like_path(word));
    }
}

TEST_CASE("reply codes: three digits, the first 2 to 5, and the placeholders 0 and -1") {
    for (int code = 200; code <= 599; ++code) {
        const CodeArgument argument = parse_code_argument(std::to_string(code));
        CAPTURE(code);
        CHECK(argument.kind == Kind::Basic);
        CHECK(argument.code == code);
        CHECK(argument.matched.empty());
    }
    CHECK(parse_code_argument("0").kind == Kind::Basic);
    CHECK(parse_code_argument("0").code == 0);
    CHECK(parse_code_argument("-1").kind == Kind::Basic);
    CHECK(parse_code_argument("-1").code == -1);
    for (const std::string_view text : {"199", "600", "55", "5500", "-2", "1", "-550", "0550"}) {
        CAPTURE(text);
        const CodeArgument argument = parse_code_argument(text);
        CHECK(argument.kind == Kind::Invalid);
        CHECK(argument.reason.find("three digits, the first 2 to 5") != std::string::npos);
    }
}

TEST_CASE("classes: 2xx to 5xx in either case") {
    CHECK(parse_code_argument("5xx").kind == Kind::Class);
    CHECK(parse_code_argument("5xx").reply_class == smtp::ReplyClass::PermanentNegative);
    CHECK(parse_code_argument("4XX").reply_class == smtp::ReplyClass::TransientNegative);
    CHECK(parse_code_argument("2xX").reply_class == smtp::ReplyClass::PositiveCompletion);
    CHECK(parse_code_argument("6xx").kind == Kind::NotACode);
    CHECK(parse_code_argument("5xxx").kind == Kind::NotACode);
}

TEST_CASE("enhanced codes, with leading zeros noticed") {
    const CodeArgument plain = parse_code_argument("5.1.1");
    CHECK(plain.kind == Kind::Enhanced);
    CHECK(plain.enhanced == smtp::EnhancedStatusCode{5, 1, 1});
    CHECK_FALSE(plain.leading_zeros);
    const CodeArgument zeros = parse_code_argument("5.01.001");
    CHECK(zeros.kind == Kind::Enhanced);
    CHECK(zeros.enhanced == smtp::EnhancedStatusCode{5, 1, 1});
    CHECK(zeros.leading_zeros);
    CHECK(parse_code_argument("4.7.500").enhanced == smtp::EnhancedStatusCode{4, 7, 500});
}

TEST_CASE("dotted arguments that are no enhanced code say why (RFC 3463 section 2)") {
    const std::pair<std::string_view, std::string_view> cases[] = {
        {"5.1", "has three parts"},
        {"4.16.55.1", "this has 4"},
        {"5..1", "one to three digits"},
        {"5.1.1000", "one to three digits"},
        {"6.1.1", "class of an enhanced status code is 2, 4 or 5"},
        {"3.1.1", "class of an enhanced status code is 2, 4 or 5"},
    };
    for (const auto& c : cases) {
        const std::string_view text = c.first;
        const std::string_view reason = c.second;
        CAPTURE(text);
        const CodeArgument argument = parse_code_argument(text);
        CHECK(argument.kind == Kind::Invalid);
        CHECK(argument.reason.find(reason) != std::string::npos);
    }
    // Digits and dots with something else: maybe a file name.
    CHECK(parse_code_argument("192.0.2.1/x").kind == Kind::NotACode);
    CHECK(parse_code_argument("1.2.3.log").kind == Kind::NotACode);
}

TEST_CASE("registry entries: X.subject.detail in either case") {
    const CodeArgument entry = parse_code_argument("X.7.1");
    CHECK(entry.kind == Kind::Registry);
    REQUIRE(entry.entry != nullptr);
    CHECK(entry.entry->subject == 7);
    CHECK(entry.entry->detail == 1);
    CHECK(parse_code_argument("x.1.1").kind == Kind::Registry);
    const CodeArgument missing = parse_code_argument("X.9.9");
    CHECK(missing.kind == Kind::Invalid);
    CHECK(missing.reason.find("has no entry X.9.9") != std::string::npos);
    const CodeArgument malformed = parse_code_argument("X.1");
    CHECK(malformed.kind == Kind::Invalid);
    CHECK(malformed.reason.find("three parts") != std::string::npos);
    CHECK(parse_code_argument("X.a.b").reason.find("digits and dots only") != std::string::npos);
}

TEST_CASE("names: exact, in any case, and the names of other libraries") {
    const CodeArgument exact = parse_code_argument("MailboxBusy");
    CHECK(exact.kind == Kind::Basic);
    CHECK(exact.code == 450);
    CHECK(exact.matched.empty());

    const CodeArgument any_case = parse_code_argument("mailboxBUSY");
    CHECK(any_case.code == 450);
    CHECK(any_case.matched == "case-insensitive match for MailboxBusy");

    const CodeArgument mailkit = parse_code_argument("BadCommandSequence");
    CHECK(mailkit.code == 503);
    CHECK(mailkit.matched == "the name BadCommandSequence of .NET and MailKit");
    const CodeArgument lower = parse_code_argument("errorinprocessing");
    CHECK(lower.code == 451);
    CHECK(lower.matched.rfind("the name ErrorInProcessing of ", 0) == 0);

    const CodeArgument unknown = parse_code_argument("MailboxBsy");
    CHECK(unknown.kind == Kind::Invalid);
    CHECK(unknown.reason.find("no reply code has this name") != std::string::npos);
}

TEST_CASE("what has no shape of a code is NotACode: a file, reply text") {
    for (const std::string_view text :
         {"", "mail.log", "-", "550 5.1.1 text", "./550", "_name", "name-with-dash"}) {
        CAPTURE(text);
        CHECK(parse_code_argument(text).kind == Kind::NotACode);
    }
}

TEST_CASE("names_a_code: everything but Invalid and NotACode") {
    CHECK(smtp_explain::names_a_code(parse_code_argument("550")));
    CHECK(smtp_explain::names_a_code(parse_code_argument("5.1.1")));
    CHECK(smtp_explain::names_a_code(parse_code_argument("X.1.1")));
    CHECK(smtp_explain::names_a_code(parse_code_argument("5xx")));
    CHECK_FALSE(smtp_explain::names_a_code(parse_code_argument("600")));
    CHECK_FALSE(smtp_explain::names_a_code(parse_code_argument("mail.log")));
    CodeArgument stray;
    stray.kind = static_cast<Kind>(42);
    CHECK_FALSE(smtp_explain::names_a_code(stray));
}

TEST_CASE("command_from_option: the library's names in any case, and a few verbs") {
    using smtp::Command;
    using smtp_explain::command_from_option;
    for (const Command command : smtp::all_commands) {
        CAPTURE(smtp::name(command));
        CHECK(command_from_option(smtp::name(command)) == command);
    }
    CHECK(command_from_option("rcpt") == Command::Rcpt);
    CHECK(command_from_option("STARTTLS") == Command::StartTls);
    CHECK(command_from_option("dataend") == Command::DataEnd);
    CHECK(command_from_option("end-of-data") == Command::DataEnd);
    CHECK(command_from_option("EOD") == Command::DataEnd);
    CHECK(command_from_option(".") == Command::DataEnd);
    CHECK(command_from_option("lhlo") == Command::Ehlo);
    CHECK(command_from_option("connect") == Command::Greeting);
    CHECK(command_from_option("Banner") == Command::Greeting);
    CHECK(command_from_option("bogus") == std::nullopt);
    CHECK(command_from_option("") == std::nullopt);
}

} // namespace
