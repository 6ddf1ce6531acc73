// Tests of src/extract/mail_log.hpp: Postfix and Exim log lines and the
// text of bounces.
#include "extract/mail_log.hpp"

#include "extract/commands.hpp"
#include "support/printing.hpp"
#include "support/recorder.hpp"
#include "text.hpp"

#include <doctest/doctest.h>

#include <smtp/semantics.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace {

using smtp_explain::ExtractOptions;
using smtp_explain::Line;
using smtp_explain::MailLog;
using smtp_explain::testing::Recorder;
using Events = std::vector<std::string>;

// The mail log's events for `text`, and each line whether it took it.
struct Read {
    Events events;
    std::vector<bool> taken;
    std::vector<std::string> replies; // each reply's raw lines
};

Read mail_log(std::string_view text, const ExtractOptions& options = {}) {
    Recorder recorder;
    MailLog log(recorder, "log", options);
    Read out;
    smtp_explain::testing::for_each_line(text, [&](const Line& line) {
        out.taken.push_back(log.continuation(line) ||
                            log.line(smtp_explain::trim(line.text), line));
    });
    log.finish();
    out.events = recorder.events;
    out.replies = recorder.replies;
    return out;
}

Events events(std::string_view text, const ExtractOptions& options = {}) {
    return mail_log(text, options).events;
}

// --- Postfix ----------------------------------------------------------------------------

TEST_CASE("Postfix smtp: a reply the remote server said, joined into one line") {
    const Read read = mail_log(
        "Nov 28 10:00:01 relay postfix/smtp[4242]: 3F2A1C0123: to=<nobody@example.net>, "
        "relay=mx.example.net[192.0.2.25]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.1.1, "
        "status=bounced (host mx.example.net[192.0.2.25] said: 550-5.1.1 The mailbox does not "
        "exist. 550-5.1.1 Check the address. 550 5.1.1 https://mail.example.net/help/550 (in "
        "reply to RCPT TO command))\n");
    CHECK(read.events ==
          Events{"reply 1 postfix 550 5.1.1 lines=3 answers=Rcpt cmd='RCPT TO' "
                 "ctx='to=<nobody@example.net>, relay=mx.example.net[192.0.2.25]:25, "
                 "status=bounced'"});
    CHECK(read.replies ==
          std::vector<std::string>{"550-5.1.1 The mailbox does not exist.\n"
                                   "550-5.1.1 Check the address.\n"
                                   "550 5.1.1 https://mail.example.net/help/550\n"});
}

TEST_CASE("Postfix smtp: end of DATA, and a reply without the command it answered") {
    CHECK(events("postfix/smtp[1]: 7D: to=<erin@example.com>, relay=mx[198.51.100.7]:25, "
                 "dsn=5.7.1, status=bounced (host mx[198.51.100.7] said: 554 5.7.1 Spam (in "
                 "reply to end of DATA command))\n"
                 "postfix/smtp[2]: 8E: to=<f@example.com>, status=deferred (host mx said: 451 "
                 "4.3.0 try later)\n") ==
          Events{"reply 1 postfix 554 5.7.1 lines=1 answers=DataEnd cmd='end of DATA' "
                 "ctx='to=<erin@example.com>, relay=mx[198.51.100.7]:25, status=bounced'",
                 "reply 2 postfix 451 4.3.0 lines=1 answers=- "
                 "ctx='to=<f@example.com>, status=deferred'"});
}

TEST_CASE("Postfix: --command stands in for the command a log line does not name") {
    ExtractOptions options;
    options.default_command = smtp::Command::Mail;
    CHECK(events("postfix/smtp[2]: 8E: to=<f@example.com>, status=deferred (host mx said: "
                 "451 4.3.0 try later)\n",
                 options) == Events{"reply 1 postfix 451 4.3.0 lines=1 answers=Mail assumed "
                                    "ctx='to=<f@example.com>, status=deferred'"});
}

TEST_CASE("Postfix: a server that refused to talk answered the greeting") {
    CHECK(events("postfix/smtp[4246]: 8EA0: to=<frank@example.net>, "
                 "relay=mx.example.net[192.0.2.26]:25, dsn=5.7.1, status=bounced (host "
                 "mx.example.net[192.0.2.26] refused to talk to me: 554 5.7.1 Service "
                 "unavailable; client [203.0.113.50] blocked)\n"
                 "postfix/smtp[4247]: connect to mx[192.0.2.27]:25: mx refused to talk to me: "
                 "421 busy\n") ==
          Events{"reply 1 postfix 554 5.7.1 lines=1 answers=Greeting "
                 "ctx='to=<frank@example.net>, relay=mx.example.net[192.0.2.26]:25, "
                 "status=bounced'",
                 "reply 2 postfix 421 lines=1 answers=Greeting"});
}

TEST_CASE("Postfix smtpd: a reject with its reply, the envelope as context") {
    CHECK(events("Nov 28 10:00:06 mx postfix/smtpd[5150]: NOQUEUE: reject: RCPT from "
                 "unknown[203.0.113.77]: 554 5.7.1 <grace@example.org>: Relay access denied; "
                 "from=<spam@example.com> to=<grace@example.org> proto=ESMTP "
                 "helo=<bad.example.com>\n") ==
          Events{"reply 1 postfix 554 5.7.1 lines=1 answers=Rcpt "
                 "ctx='from=<spam@example.com>, to=<grace@example.org>'"});
}

TEST_CASE("Postfix cleanup: header and body checks give only an enhanced code") {
    const Read read = mail_log(
        "Nov 28 10:00:08 mx postfix/cleanup[5151]: 4F2A1C0123: reject: header Subject: Buy "
        "now from unknown[203.0.113.77]; from=<spam@example.com> to=<grace@example.org> "
        "proto=ESMTP helo=<bad.example.com>: 5.7.1 Message content rejected\n"
        "Nov 28 10:00:09 mx postfix/cleanup[5151]: 4F2A1C0124: reject: body Click here from "
        "unknown[203.0.113.77]; from=<spam@example.com> to=<grace@example.org> proto=ESMTP "
        "helo=<bad.example.com>: 5.7.1 Spam body\n"
        "Nov 28 10:00:10 mx postfix/cleanup[5151]: 4F2A1C0125: reject: header X-Bad: yes; "
        "from=<a@b> to=<c@d>: no code here\n");
    CHECK(read.events == Events{"status 1 postfix 5.7.1 ctx='5.7.1 Message content rejected'",
                                "status 2 postfix 5.7.1 ctx='5.7.1 Spam body'"});
    // A reject line without any code is no line of the mail log's.
    CHECK(read.taken == std::vector<bool>{true, true, false});
}

TEST_CASE("Postfix milters: with a reply, or with an enhanced code only") {
    CHECK(events("Nov 28 10:00:11 mx postfix/smtpd[5150]: NOQUEUE: milter-reject: RCPT from "
                 "unknown[192.0.2.1]: 451 4.7.1 Service unavailable - try again later; "
                 "from=<a@example.com> to=<b@example.org> proto=ESMTP helo=<x>\n"
                 "Nov 28 10:00:12 mx postfix/cleanup[5151]: 4F2A1C0126: milter-reject: "
                 "END-OF-MESSAGE from localhost[127.0.0.1]: 5.7.1 Spam message rejected; "
                 "from=<a@example.com> to=<b@example.org> proto=ESMTP helo=<x>\n"
                 "Nov 28 10:00:13 mx postfix/smtpd[5150]: 4F2A1C0127: milter-reject: "
                 "END-OF-MESSAGE from localhost[127.0.0.1]: 550 5.7.1 Rejected by policy; "
                 "from=<a@example.com> to=<b@example.org>\n") ==
          Events{"reply 1 postfix 451 4.7.1 lines=1 answers=Rcpt "
                 "ctx='from=<a@example.com>, to=<b@example.org>'",
                 "status 2 postfix 5.7.1 ctx='5.7.1 Spam message rejected; "
                 "from=<a@example.com> to=<b@example.org> proto=ESMTP helo=<x>'",
                 "reply 3 postfix 550 5.7.1 lines=1 answers=DataEnd "
                 "ctx='from=<a@example.com>, to=<b@example.org>'"});
}

TEST_CASE("Postfix delivery agents: dsn= without a reply is a status") {
    const Read read = mail_log(
        "postfix/smtp[4244]: 6C8E: to=<dave@example.org>, relay=none, delay=30, dsn=4.4.1, "
        "status=deferred (connect to mx.example.org[203.0.113.9]:25: Connection timed out)\n"
        "postfix/local[1]: 9A: to=<u@example.org>, dsn=2.0.0\n"
        "postfix/local[1]: 9B: to=<u@example.org>, dsn=9.9.9, status=odd\n");
    CHECK(read.events == Events{"status 1 postfix 4.4.1 ctx='status=deferred (connect to "
                                "mx.example.org[203.0.113.9]:25: Connection timed out)'",
                                "status 2 postfix 2.0.0"});
    CHECK(read.taken == std::vector<bool>{true, true, false});
}

// --- Exim --------------------------------------------------------------------------------

TEST_CASE("Exim: SMTP errors with the command they came after") {
    const Read read = mail_log(
        "2024-11-28 10:00:01 1tGk2a-000Abc-1X ** nobody@example.net R=dnslookup "
        "T=remote_smtp H=mx.example.net [192.0.2.25]: SMTP error from remote mail server "
        "after RCPT TO:<nobody@example.net>: 550 5.1.1 <nobody@example.net>: no such user\n"
        "2024-11-28 10:00:02 1tGk2b-000Abd-2Y == carol@example.com R=dnslookup "
        "T=remote_smtp defer (-44) H=mx.example.com [198.51.100.7]: SMTP error from remote "
        "mail server after pipelined MAIL FROM:<alice@example.org> SIZE=1234: 451-4.7.1 "
        "Greylisted.\\n451 4.7.1 See https://mx.example.com/greylisting\n"
        "2024-11-28 10:00:03 1tGk2c-000Abe-3Z ** erin@example.com: SMTP error from remote "
        "mail server after end of data: 554 5.7.1 Message rejected as spam\n"
        "2024-11-28 10:00:04 1tGk2d-000Abf-4A SMTP error from remote mail server after "
        "initial connection: 421 4.3.2 too busy\n"
        "2024-11-28 10:00:05 1tGk2e-000Abg-5B SMTP error from remote mail server: timeout\n");
    CHECK(read.events ==
          Events{"reply 1 exim 550 5.1.1 lines=1 answers=Rcpt cmd='RCPT TO:<nobody@example.net>' "
                 "ctx='nobody@example.net'",
                 "reply 2 exim 451 4.7.1 lines=2 answers=Mail "
                 "cmd='pipelined MAIL FROM:<alice@example.org> SIZE=1234' "
                 "ctx='carol@example.com'",
                 "reply 3 exim 554 5.7.1 lines=1 answers=DataEnd cmd='end of data' "
                 "ctx='erin@example.com:'",
                 "reply 4 exim 421 4.3.2 lines=1 answers=Greeting cmd='initial connection'"});
    CHECK(read.replies[1] ==
          "451-4.7.1 Greylisted.\n451 4.7.1 See https://mx.example.com/greylisting\n");
    // An Exim error without a reply is still Exim's line: nothing else reads it.
    CHECK(read.taken == std::vector<bool>{true, true, true, true, true});
}

// --- bounces ------------------------------------------------------------------------------

TEST_CASE("a bounce's 'said:' text wrapped over lines is read whole") {
    const Read read =
        mail_log("<nobody@example.net>: host mx.example.net[192.0.2.25] said: 550-5.1.1 The\n"
                 "    mailbox does not exist. 550 5.1.1 Check the address\n"
                 "    (in reply to RCPT TO command)\n"
                 "Next paragraph\n");
    CHECK(read.events == Events{"reply 1 postfix 550 5.1.1 lines=2 answers=Rcpt cmd='RCPT TO'"});
    CHECK(read.replies == std::vector<std::string>{"550-5.1.1 The mailbox does not exist.\n"
                                                   "550 5.1.1 Check the address\n"});
    CHECK(read.taken == std::vector<bool>{true, true, true, false});
}

TEST_CASE("a wrapped 'said:' ends at the first line that does not continue it") {
    CHECK(events("host mx said: 452 4.2.2 Mailbox\n    full\nLater text\n    indented\n") ==
          Events{"reply 1 postfix 452 4.2.2 lines=1 answers=-"});
}

TEST_CASE("RFC 3464 fields: Status: and a folded Diagnostic-Code:") {
    const Read read = mail_log("Final-Recipient: rfc822; nobody@example.net\n"
                               "Action: failed\n"
                               "Status: 5.1.1\n"
                               "Diagnostic-Code: smtp; 550-5.1.1 The mailbox does not exist.\n"
                               " 550 5.1.1 Check the address\n"
                               "status: 4.4.7 (delivery time expired)\n"
                               "Diagnostic-Code: X-Postfix; connect timed out\n"
                               "Status: 9.9.9\n"
                               "diagnostic-code: SMTP; 421 4.4.2 closed\n");
    CHECK(read.events == Events{"status 3 dsn 5.1.1", "reply 4 dsn 550 5.1.1 lines=2 answers=-",
                                "status 6 dsn 4.4.7", "reply 9 dsn 421 4.4.2 lines=1 answers=-"});
    CHECK(read.taken == std::vector<bool>{false, false, true, true, true, true, true, false, true});
}

TEST_CASE("a folded line holds at most max_input_line bytes") {
    std::string input = "Diagnostic-Code: smtp; 550-5.1.1 start\n";
    const std::string part(1000, 'x');
    for (int i = 0; i < 100; ++i) {
        input += " " + part + "\n";
    }
    const Read read = mail_log(input);
    REQUIRE(read.events.size() == 1);
    // Too long for the parser: an invalid reply, bounded all the same.
    CHECK(read.events[0].rfind("invalid 1 dsn LineTooLong", 0) == 0);
}

TEST_CASE("a reply in a log line that is no valid reply is reported as such") {
    // 551 is no repeat of 550: one line, which says more follow.
    CHECK(events("host mx said: 550-5.1.1 first 551 5.1.1 second (in reply to RCPT TO "
                 "command)\n") == Events{"invalid 1 postfix Incomplete at=33"});
}

// --- the helpers -------------------------------------------------------------------------

TEST_CASE("split_joined_reply: back into lines, as Postfix and Exim join them") {
    using smtp_explain::split_joined_reply;
    CHECK(split_joined_reply("550 5.1.1 one line") == "550 5.1.1 one line\n");
    CHECK(split_joined_reply("  550-5.1.1 a 550-5.1.1 b 550 5.1.1 c  ") ==
          "550-5.1.1 a\n550-5.1.1 b\n550 5.1.1 c\n");
    CHECK(split_joined_reply("451-4.7.1 a\\n451 4.7.1 b") == "451-4.7.1 a\n451 4.7.1 b\n");
    CHECK(split_joined_reply("451-4.7.1 a\\n   451 4.7.1 b") == "451-4.7.1 a\n451 4.7.1 b\n");
    CHECK(split_joined_reply("250-a\n250 b") == "250-a\n250 b\n");
    // Only the first line's code, followed by '-' or a space, splits.
    CHECK(split_joined_reply("550-see 5500 or 550x 550") == "550-see 5500 or 550x\n550\n");
    CHECK(split_joined_reply("550-no end") == "550-no end\n");
    CHECK(split_joined_reply("not a reply") == "not a reply\n");
}

TEST_CASE("log_context: Postfix's fields, else the address after Exim's flag") {
    using smtp_explain::log_context;
    CHECK(log_context("x: to=<a@b>, relay=mx[192.0.2.1]:25, delay=1, status=sent (ok)") ==
          "to=<a@b>, relay=mx[192.0.2.1]:25, status=sent");
    CHECK(log_context(" from=<s@t> to=<a@b> proto=ESMTP") == "from=<s@t>, to=<a@b>");
    CHECK(log_context("orig_to=<x@y>, to=<a@b>") == "to=<a@b>"); // whole keys only
    CHECK(log_context("1tGk2a-000Abc-1X => bob@example.org R=lookup") == "bob@example.org");
    CHECK(log_context("1tGk2a-000Abc-1X -> bob@example.org") == "bob@example.org");
    CHECK(log_context("x: to=<a@b> ** c@d") == "to=<a@b>"); // Postfix's fields first
    CHECK(log_context("to=<a@b> ** c@d") == "c@d");         // a key starts after a blank
    CHECK(log_context("nothing to say").empty());
    CHECK(log_context("x: to=<a@b>, status=sent") == "to=<a@b>, status=sent"); // at the end
    CHECK(log_context("x: to=<cut") == "to=<cut");
    const std::string long_address = "to=<" + std::string(300, 'a') + ">";
    CHECK(log_context(" " + long_address) ==
          long_address.substr(0, smtp_explain::max_command_text));
}

} // namespace
