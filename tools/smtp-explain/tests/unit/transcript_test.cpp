// Tests of src/extract/transcript.hpp: session transcripts in every
// dialect, the session they follow, and credentials that never come out.
#include "extract/transcript.hpp"

#include "explain.hpp"
#include "extract/commands.hpp"
#include "support/printing.hpp"
#include "support/recorder.hpp"
#include "text.hpp"

#include <doctest/doctest.h>

#include <smtp/semantics.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using namespace std::string_literals;
using smtp_explain::ExtractOptions;
using smtp_explain::Line;
using smtp_explain::Transcript;
using smtp_explain::testing::Recorder;
using Events = std::vector<std::string>;

// The transcript's events for `text`, read as the input extractor hands it
// lines (no mail log in between).
Events transcript(std::string_view text, const ExtractOptions& options = {}) {
    Recorder recorder;
    Transcript session(recorder, "t", options);
    smtp_explain::testing::for_each_line(text, [&](const Line& line) {
        const std::string_view trimmed = smtp_explain::trim(line.text);
        if (!session.marked_line(trimmed, line)) {
            session.unmarked_line(trimmed, line);
        }
    });
    session.flush();
    return recorder.events;
}

// How a tool marks the two sides of a session.
struct Dialect {
    std::string_view name;
    std::string_view server; // the mark before a server line
    std::string_view client; // the mark before a client line
};

// Every dialect the transcript reads with marks; Python's and the unmarked
// one (telnet) are written by session() below.
const Dialect marked_dialects[] = {
    {"RFC examples", "S: ", "C: "},
    {"<<< >>>", "<<< ", ">>> "},
    {"msmtp", "<-- ", "--> "},
    {"swaks", "<-  ", " -> "},
    {"swaks over TLS", "<~  ", " ~> "},
    {"exim -d", "  SMTP<< ", "  SMTP>> "},
    {"curl -v", "< ", "> "},
};
const Dialect python{"Python smtplib", "reply: b'", "send: '"};
const Dialect telnet{"telnet", "", ""};

// A session in `dialect`: lines starting with 'S' are the server's, 'C' the
// client's; the rest of the line follows a space.
std::string session(const Dialect& dialect, const std::vector<std::string_view>& lines) {
    std::string out;
    for (const std::string_view line : lines) {
        const bool server = line[0] == 'S';
        const std::string_view text = line.substr(2);
        if (dialect.name == python.name) {
            out += server ? "reply: b'" : "send: '";
            out += text;
            out += "\\r\\n'\n";
        } else {
            out += server ? dialect.server : dialect.client;
            out += text;
            out += "\r\n";
        }
    }
    return out;
}

std::vector<Dialect> all_dialects() {
    std::vector<Dialect> out(std::begin(marked_dialects), std::end(marked_dialects));
    out.push_back(python);
    out.push_back(telnet);
    return out;
}

// --- every dialect ----------------------------------------------------------------

TEST_CASE("every dialect: each reply answers the command before it") {
    const std::vector<std::string_view> lines = {
        "S 220 mx.example.net ESMTP",
        "C EHLO client.example.org",
        "S 250-mx.example.net",
        "S 250 PIPELINING",
        "C MAIL FROM:<a@example.org>",
        "S 250 2.1.0 Ok",
        "C RCPT TO:<b@example.net>",
        "S 550 5.1.1 No such user",
        "C QUIT",
        "S 221 2.0.0 Bye",
    };
    for (const Dialect& dialect : all_dialects()) {
        CAPTURE(dialect.name);
        const bool is_python = dialect.name == python.name;
        const std::string origin = is_python ? "python" : "transcript";
        CHECK(
            transcript(session(dialect, lines)) ==
            Events{"reply 1 " + origin + " 220 lines=1 answers=Greeting",
                   "reply 3 " + origin + " 250 lines=2 answers=Ehlo cmd='EHLO client.example.org'",
                   "reply 6 " + origin +
                       " 250 2.1.0 lines=1 answers=Mail cmd='MAIL FROM:<a@example.org>'",
                   "reply 8 " + origin +
                       " 550 5.1.1 lines=1 answers=Rcpt cmd='RCPT TO:<b@example.net>'",
                   "reply 10 " + origin + " 221 2.0.0 lines=1 answers=Quit cmd='QUIT'"});
    }
}

TEST_CASE("every dialect: the message after 354 is skipped up to the lone dot") {
    const std::vector<std::string_view> lines = {
        "C DATA",
        "S 354 Go ahead",
        "C Subject: 250 looks like a reply",
        "C ",
        "C RCPT TO:<looks@like.a.command>",
        "C .",
        "S 250 2.0.0 Ok: queued",
    };
    for (const Dialect& dialect : all_dialects()) {
        CAPTURE(dialect.name);
        const Events events = transcript(session(dialect, lines));
        REQUIRE(events.size() == 2);
        CHECK(events[0].find(" 354 lines=1 answers=Data cmd='DATA'") != std::string::npos);
        CHECK(events[1].find(" 250 2.0.0 lines=1 answers=DataEnd") != std::string::npos);
    }
}

// --- AUTH: credentials never come out -----------------------------------------------

// PLAIN's initial response is "\0zq-user-4711\0Pa55-w0rd-9913"; LOGIN sends
// "zq-user-4711" and "Pa55-w0rd-9913" (RFC 4954, RFC 4616; base64 of RFC 4648).
const std::vector<std::string_view> auth_session = {
    "S 220 mx.example.net ESMTP",
    "C EHLO client.example.org",
    "S 250-mx.example.net",
    "S 250 AUTH PLAIN LOGIN",
    "C AUTH PLAIN AHpxLXVzZXItNDcxMQBQYTU1LXcwcmQtOTkxMw==",
    "S 235 2.7.0 Authentication successful",
    "C AUTH LOGIN",
    "S 334 VXNlcm5hbWU6",
    "C enEtdXNlci00NzEx",
    "S 334 UGFzc3dvcmQ6",
    "C UGE1NS13MHJkLTk5MTM=",
    "S 235 2.7.0 Authentication successful",
    "C QUIT",
    "S 221 2.0.0 Bye",
};
const std::string_view secrets[] = {
    "AHpxLXVz", "LXVzZXIt", "QBQYTU1", "enEtdXNlci00NzEx", "UGE1NS13MHJkLTk5MTM", "zq-user",
    "4711",     "Pa55",     "9913",
};

TEST_CASE("every dialect: AUTH PLAIN and AUTH LOGIN are followed, the credentials dropped") {
    for (const Dialect& dialect : all_dialects()) {
        CAPTURE(dialect.name);
        const Events events = transcript(session(dialect, auth_session));
        REQUIRE(events.size() == 7);
        CHECK(events[2].find("235 2.7.0 lines=1 answers=Auth cmd='AUTH PLAIN ...'") !=
              std::string::npos);
        CHECK(events[3].find("334 lines=1 answers=Auth cmd='AUTH LOGIN'") != std::string::npos);
        // The answers to 334 are Auth lines with no text at all.
        CHECK(events[4].find("334 lines=1 answers=Auth") != std::string::npos);
        CHECK(events[4].find("cmd=") == std::string::npos);
        CHECK(events[5].find("235 2.7.0 lines=1 answers=Auth") != std::string::npos);
        CHECK(events[5].find("cmd=") == std::string::npos);
        CHECK(events[6].find("221 2.0.0 lines=1 answers=Quit") != std::string::npos);
    }
}

TEST_CASE("every dialect, every report: no credential reaches the output") {
    for (const Dialect& dialect : all_dialects()) {
        for (const smtp_explain::Format format :
             {smtp_explain::Format::Text, smtp_explain::Format::Brief,
              smtp_explain::Format::Json}) {
            CAPTURE(dialect.name);
            CAPTURE(static_cast<int>(format));
            smtp_explain::Options options;
            options.format = format;
            const std::string input = session(dialect, auth_session);
            const smtp_explain::Explained result =
                smtp_explain::explain(options, {{smtp_explain::Input::Kind::Text, input}});
            CHECK(result.ok);
            CHECK(result.report.find("AUTH PLAIN ...") != std::string::npos);
            for (const std::string_view secret : secrets) {
                CAPTURE(secret);
                CHECK(result.report.find(secret) == std::string::npos);
            }
        }
    }
}

TEST_CASE("the answer to 334 is never a command, whatever it looks like") {
    // "QUIT" and "DATA" are valid base64 (RFC 4648 section 4), and a client
    // may send '*' to cancel (RFC 4954 section 4).
    for (const std::string_view answer : {"QUIT", "DATA", "RSET", "*"}) {
        for (const Dialect& dialect : all_dialects()) {
            CAPTURE(answer);
            CAPTURE(dialect.name);
            const std::string client = "C "s + std::string(answer);
            const Events events = transcript(session(
                dialect, {"C AUTH LOGIN", "S 334 VXNlcm5hbWU6", client, "S 501 5.5.2 bad"}));
            REQUIRE(events.size() == 2);
            CHECK(events[1].find("501 5.5.2 lines=1 answers=Auth") != std::string::npos);
            CHECK(events[1].find("cmd=") == std::string::npos);
        }
    }
}

TEST_CASE("typed by hand: after 334 a line that is no base64 is neither an answer nor a command") {
    CHECK(transcript("AUTH LOGIN\r\n334 VXNlcm5hbWU6\r\nhelp me please\r\n"
                     "enEtdXNlci00NzEx\r\n334 UGFzc3dvcmQ6\r\n") ==
          Events{"reply 2 transcript 334 lines=1 answers=Auth cmd='AUTH LOGIN'",
                 "reply 5 transcript 334 lines=1 answers=Auth"});
}

TEST_CASE("after 334, the server speaking again ends the wait for the answer") {
    // A broken reply after 334: the client's next line is a command again.
    CHECK(transcript("C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nS: 334-cut\nC: QUIT\nS: 221 Bye\n") ==
          Events{"reply 2 transcript 334 lines=1 answers=Auth cmd='AUTH LOGIN'",
                 "invalid 3 transcript Incomplete at=8",
                 "reply 5 transcript 221 lines=1 answers=Quit cmd='QUIT'"});
}

TEST_CASE("looks_like_auth_data: base64 or the asterisk that cancels, nothing else") {
    CHECK(smtp_explain::looks_like_auth_data("enEtdXNlci00NzEx"));
    CHECK(smtp_explain::looks_like_auth_data("UGE1NS13MHJkLTk5MTM="));
    CHECK(smtp_explain::looks_like_auth_data("AHpx/+=="));
    CHECK(smtp_explain::looks_like_auth_data("*"));
    CHECK_FALSE(smtp_explain::looks_like_auth_data(""));
    CHECK_FALSE(smtp_explain::looks_like_auth_data("two words"));
    CHECK_FALSE(smtp_explain::looks_like_auth_data("RCPT TO:<a@b>"));
    CHECK_FALSE(smtp_explain::looks_like_auth_data("user@example.org"));
    CHECK_FALSE(smtp_explain::looks_like_auth_data("a-b"));
}

TEST_CASE("without_credentials keeps the verb and the mechanism only") {
    CHECK(smtp_explain::without_credentials("AUTH PLAIN AHpxLXVz") == "AUTH PLAIN ...");
    CHECK(smtp_explain::without_credentials("  auth login  ") == "auth login");
    CHECK(smtp_explain::without_credentials("AUTH LOGIN enEtdXNlci00NzEx") == "AUTH LOGIN ...");
    CHECK(smtp_explain::without_credentials("AUTH") == "AUTH");
    CHECK(smtp_explain::without_credentials("AUTH  PLAIN   AHpxLXVz") == "AUTH PLAIN ...");
    CHECK(smtp_explain::without_credentials("AUTH PLAIN\tAHpxLXVz") == "AUTH PLAIN ...");
    CHECK(smtp_explain::without_credentials("AUTH PLAIN AHpx LXVz") == "AUTH PLAIN ...");
}

// --- marks ---------------------------------------------------------------------------

TEST_CASE("a mark counts only when a blank or the end follows it") {
    CHECK(transcript("S:250 OK\n") == Events{"reply 1 transcript 250 lines=1 answers=-"});
    CHECK(transcript("S:\n") == Events{"invalid 1 transcript InvalidCode at=0"});
    CHECK(transcript("->foo\nC:x\n<-x\n").empty());
    // "SMTP<<" needs its blank; "<**" is a swaks error reply.
    CHECK(transcript("SMTP<<250 x\n<** 550 5.7.1 denied\n") ==
          Events{"reply 2 transcript 550 5.7.1 lines=1 answers=-"});
}

TEST_CASE("curl's weak marks: '<' before a reply, '>' before a command or after 334") {
    CHECK(transcript("> hello there\n< not a reply\n> EHLO x\n< 250 ok\n") ==
          Events{"reply 4 transcript 250 lines=1 answers=Ehlo cmd='EHLO x'"});
}

// --- the session ----------------------------------------------------------------------

TEST_CASE("pipelined commands line up with their replies (RFC 2920)") {
    CHECK(transcript("C: MAIL FROM:<a@b>\nC: RCPT TO:<c@d>\nC: RCPT TO:<e@f>\nC: DATA\n"
                     "S: 250 ok\nS: 250 ok\nS: 550 no\nS: 354 go\nC: .\nS: 250 queued\n") ==
          Events{"reply 5 transcript 250 lines=1 answers=Mail cmd='MAIL FROM:<a@b>'",
                 "reply 6 transcript 250 lines=1 answers=Rcpt cmd='RCPT TO:<c@d>'",
                 "reply 7 transcript 550 lines=1 answers=Rcpt cmd='RCPT TO:<e@f>'",
                 "reply 8 transcript 354 lines=1 answers=Data cmd='DATA'",
                 "reply 10 transcript 250 lines=1 answers=DataEnd"});
}

TEST_CASE("at most max_queued_commands commands wait, older ones are forgotten") {
    std::string input;
    for (std::size_t i = 0; i < smtp_explain::max_queued_commands + 2; ++i) {
        input += "C: NOOP " + std::to_string(i) + "\n";
    }
    input += "S: 250 ok\n";
    CHECK(transcript(input) ==
          Events{"reply 259 transcript 250 lines=1 answers=Noop cmd='NOOP 2'"});
}

TEST_CASE("the greeting is the first reply, a 220 before any command") {
    CHECK(transcript("220 first\n220 second\n") ==
          Events{"reply 1 transcript 220 lines=1 answers=Greeting",
                 "reply 2 transcript 220 lines=1 answers=-"});
    CHECK(transcript("250 first\n220 second\n") ==
          Events{"reply 1 transcript 250 lines=1 answers=-",
                 "reply 2 transcript 220 lines=1 answers=-"});
}

TEST_CASE("STARTTLS and a closed connection start the session over") {
    CHECK(transcript("C: EHLO a\nC: STARTTLS\nS: 250 ok\nS: 220 go ahead\nS: 250 late\n") ==
          Events{"reply 3 transcript 250 lines=1 answers=Ehlo cmd='EHLO a'",
                 "reply 4 transcript 220 lines=1 answers=StartTls cmd='STARTTLS'",
                 "reply 5 transcript 250 lines=1 answers=-"});
    // After 421 the next 220 is a new connection's greeting.
    CHECK(transcript("C: NOOP\nC: NOOP\nS: 421 4.3.2 shutting down\nS: 220 again\n") ==
          Events{"reply 3 transcript 421 4.3.2 lines=1 answers=Noop cmd='NOOP'",
                 "reply 4 transcript 220 lines=1 answers=Greeting"});
}

TEST_CASE("--command stands in for a command the input does not show") {
    ExtractOptions options;
    options.default_command = smtp::Command::Rcpt;
    CHECK(transcript("552 5.5.3 too many\nC: DATA\nS: 354 go\n", options) ==
          Events{"reply 1 transcript 552 5.5.3 lines=1 answers=Rcpt assumed",
                 "reply 3 transcript 354 lines=1 answers=Data cmd='DATA'"});
}

TEST_CASE("a server line inside the data ends the data the transcript did not show ending") {
    CHECK(transcript("C: DATA\nS: 354 go\nC: text\nS: 250 queued\n") ==
          Events{"reply 2 transcript 354 lines=1 answers=Data cmd='DATA'",
                 "reply 4 transcript 250 lines=1 answers=DataEnd"});
}

TEST_CASE("typed by hand: unmarked data is skipped, prose is no command") {
    CHECK(transcript("220 mx ESMTP\nData is what we send\nDATA\n354 go\n250 not a reply\n"
                     "QUIT\n.\n250 queued\nQUIT\n221 bye\n") ==
          Events{"reply 1 transcript 220 lines=1 answers=Greeting",
                 "reply 4 transcript 354 lines=1 answers=Data cmd='DATA'",
                 "reply 8 transcript 250 lines=1 answers=DataEnd",
                 "reply 10 transcript 221 lines=1 answers=Quit cmd='QUIT'"});
}

TEST_CASE("once the client's lines are marked, unmarked lines are tool chatter") {
    CHECK(transcript("C: NOOP\nQUIT\nS: 250 ok\n") ==
          Events{"reply 3 transcript 250 lines=1 answers=Noop cmd='NOOP'"});
    // Unmarked lines inside a marked transcript's data are chatter too.
    CHECK(transcript("C: DATA\nS: 354 go\n250 chatter\nC: .\nS: 250 ok\n") ==
          Events{"reply 2 transcript 354 lines=1 answers=Data cmd='DATA'",
                 "reply 5 transcript 250 lines=1 answers=DataEnd"});
}

TEST_CASE("command text is kept up to max_command_text bytes") {
    const std::string address(300, 'a');
    const Events events = transcript("C: RCPT TO:<" + address + ">\nS: 250 ok\n");
    REQUIRE(events.size() == 1);
    CHECK(events[0] == "reply 2 transcript 250 lines=1 answers=Rcpt cmd='RCPT TO:<" +
                           address.substr(0, smtp_explain::max_command_text - 9) + "'");
}

// --- Python smtplib -------------------------------------------------------------------

TEST_CASE("Python literals: the escapes smtplib prints") {
    using smtp_explain::decode_python_literal;
    CHECK(decode_python_literal(R"(b'250-PIPELINING\r\n')") == "250-PIPELINING\r\n");
    CHECK(decode_python_literal(R"('ehlo x\r\n')") == "ehlo x\r\n");
    CHECK(decode_python_literal(R"(b"it's")") == "it's");
    CHECK(decode_python_literal(R"(B'tab\there')") == "tab\there");
    CHECK(decode_python_literal(R"('back\\slash \'q\' \"dq\"')") == R"(back\slash 'q' "dq")");
    CHECK(decode_python_literal(R"(b'caf\xc3\xa9 \x00\x1b')") == "caf\xC3\xA9 \0\x1b"s);
    CHECK(decode_python_literal(R"(b'\xA9\xfF')") == "\xA9\xFF");
    CHECK(decode_python_literal(R"(b'bad \xZZ hex \x4')") == R"(bad \xZZ hex \x4)");
    CHECK(decode_python_literal(R"(b'other \a \u00e9 kept')") == R"(other \a \u00e9 kept)");
    CHECK(decode_python_literal(R"(b'ends here' and not here')") == "ends here");
    CHECK(decode_python_literal(R"(b'unterminated)") == "unterminated");
    CHECK(decode_python_literal(R"(b'trailing backslash\)") == "trailing backslash\\");
    CHECK(decode_python_literal("no quote").empty());
    CHECK(decode_python_literal("b").empty());
    CHECK(decode_python_literal("").empty());
}

TEST_CASE("Python: a literal holding several lines gives each line") {
    CHECK(transcript("send: 'ehlo x\\r\\n'\n"
                     "reply: b'250-mx.example.net\\r\\n'\n"
                     "reply: b'250 SIZE 1000\\r\\n'\n"
                     "reply: retcode (250); Msg: b'mx.example.net\\nSIZE 1000'\n"
                     "send: 'mail FROM:<a@b>\\r\\nrcpt TO:<c@d>\\r\\n'\n"
                     "reply: b'250 ok\\r\\n250 ok\\r\\n'\n") ==
          Events{"reply 2 python 250 lines=2 answers=Ehlo cmd='ehlo x'",
                 "reply 6 python 250 lines=1 answers=Mail cmd='mail FROM:<a@b>'",
                 "reply 6 python 250 lines=1 answers=Rcpt cmd='rcpt TO:<c@d>'"});
}

} // namespace
