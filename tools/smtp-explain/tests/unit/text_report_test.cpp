// Tests of src/report/text_report.hpp: the report for people, in blocks and
// with --brief one line per item.
#include "report/text_report.hpp"

#include "explain.hpp"
#include "report/output.hpp"
#include "support/messages.hpp"
#include "support/output_checks.hpp"

#include <doctest/doctest.h>

#include <smtp/enhanced_status_code.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace {

using smtp_explain::Format;
using smtp_explain::Input;

std::string report(const std::vector<Input>& inputs, Format format = Format::Text,
                   std::optional<smtp::Command> command = std::nullopt) {
    smtp_explain::Options options;
    options.format = format;
    options.command = command;
    return smtp_explain::explain(options, inputs).report;
}

Input argument(std::string_view text) { return {Input::Kind::Argument, text}; }
Input stdin_text(std::string_view text) { return {Input::Kind::Text, text, "-"}; }

bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

// Whether `part` is in `text` once the wrapping is undone (blanks and line
// breaks between words count as one space).
bool has_words(const std::string& text, std::string_view part) {
    std::string flat;
    for (const char c : text) {
        const bool blank = c == ' ' || c == '\n';
        if (!(blank && !flat.empty() && flat.back() == ' ')) {
            flat += blank ? ' ' : c;
        }
    }
    return flat.find(part) != std::string::npos;
}

TEST_CASE("a class argument (4xx): its class, what it means and what to do") {
    CHECK(report({argument("4xx")}) ==
          "4xx\n"
          "  class     transient negative (4yz): not done now; the same command may\n"
          "            succeed later\n"
          "  next      Retry: keep the message and try again later (requeue it); nothing\n"
          "            was done.\n");
    CHECK(report({argument("2XX")}, Format::Brief) == "2XX: positive completion (2yz), Proceed\n");
}

TEST_CASE("a reply code: class, meaning, the next step and the commands it answers") {
    const std::string text = report({argument("550")});
    CHECK(text.rfind("550 MailboxUnavailable\n"
                     "  class     permanent negative (5yz): not done; repeating the command\n"
                     "            unchanged will fail again\n"
                     "  meaning   ",
                     0) == 0);
    CHECK(has(text, "\n  next      Fail: give up on this command as it is;"));
    CHECK(has(text, "\n  answers   listed by the RFCs as a reply to "));
    // No summary line for arguments only.
    CHECK_FALSE(has(text, "understood"));
}

TEST_CASE("codes that answer any command say so instead of listing them all") {
    CHECK(has_words(report({argument("421")}),
                    "answers listed by the RFCs as a reply to any command, the greeting, end "
                    "of data note"));
    CHECK(has(report({argument("299")}), "answers   no command the RFCs list it for"));
}

TEST_CASE("a code judged as the answer to --command") {
    const std::string text = report({argument("552")}, Format::Text, smtp::Command::Rcpt);
    CHECK(has(text, "  answers   RCPT TO (from --command)\n"));
    CHECK(has(text, "  next      Retry:"));
    CHECK(has(text, "  note      552 answering RCPT TO means too many recipients"));
    CHECK(report({argument("552")}, Format::Brief, smtp::Command::Rcpt) ==
          "552 ExceededStorageAllocation: permanent negative (5yz), Retry\n");
}

TEST_CASE("the placeholders 0 and -1 have no class and no next step") {
    const std::string text = report({argument("0")});
    CHECK(text == "0 NotDefined\n"
                  "  class     not a reply code: not an SMTP reply\n"
                  "  meaning   No reply code has been recorded yet. This is a placeholder value\n"
                  "            of the API, not a code a server sends.\n");
    CHECK(report({argument("-1")}, Format::Brief) == "-1 GeneralFailure\n");
}

TEST_CASE("names matched other than exactly say how") {
    CHECK(has(report({argument("mailboxbusy")}),
              "450 MailboxBusy\n  matched   case-insensitive match for MailboxBusy\n"));
}

TEST_CASE("enhanced codes and registry entries") {
    CHECK(report({argument("5.1.1")}) ==
          "5.1.1 Bad destination mailbox address\n"
          "  class     5 Permanent Failure\n"
          "  subject   1 Addressing Status\n"
          "  registry  X.1.1 \"Bad destination mailbox address\", RFC 3463\n"
          "  basic     sent with 451, 550\n"
          "  next      Fail: give up on this command as it is; bounce the message, or fix\n"
          "            the cause before trying again.\n");
    CHECK(
        has(report({argument("5.6.10")}), "  registry  X.6.10 (no title), RFC 6531, deprecated\n"));
    CHECK(has(report({argument("4.9.999")}), "  subject   9 (no such subject in RFC 3463)\n"));
    CHECK(report({argument("X.7.1")}) ==
          "X.7.1 Delivery not authorized, message refused\n"
          "  subject   7 Security or Policy Status\n"
          "  registry  X.7.1 \"Delivery not authorized, message refused\", RFC 3463\n"
          "  basic     sent with 451, 454, 502, 503, 533, 550, 551\n");
    CHECK(report({argument("X.6.10")}).rfind("X.6.10\n", 0) == 0);
    CHECK(report({argument("4.7.500"), argument("5.6.10")}, Format::Brief) ==
          "4.7.500 (not in the registry), Retry\n"
          "5.6.10 (registered without a title), Fail [1 warning]\n");
}

TEST_CASE("a registry entry of a draft, and of two RFCs") {
    CHECK(has(report({argument("X.7.28")}), "registry  X.7.28 \"Mail flood detected\", "
                                            "draft-levine-mailbomb-header\n"));
    bool two_rfcs = false;
    for (const smtp::EnhancedStatusCodeEntry& entry : smtp::enhanced_status_code_registry) {
        if (entry.also_rfc != 0) {
            const std::string code =
                "X." + std::to_string(entry.subject) + "." + std::to_string(entry.detail);
            CHECK(has_words(report({argument(code)}), "RFC " + std::to_string(entry.rfc) +
                                                          " and RFC " +
                                                          std::to_string(entry.also_rfc)));
            two_rfcs = true;
        }
    }
    CHECK(two_rfcs);
}

TEST_CASE("arguments that are not understood") {
    CHECK(report({argument("600")}) ==
          "600: not understood\n"
          "  error     an SMTP reply code is three digits, the first 2 to 5 (RFC 5321\n"
          "            section 4.2)\n");
    CHECK(report({argument("bad\x1b[31m")}, Format::Brief) ==
          "bad\\x1b[31m: not understood: not a reply code, an enhanced code, a code's name "
          "or a file\n");
}

TEST_CASE("a reply from the input: quoted, explained, and a summary at the end") {
    CHECK(report({stdin_text("550-5.1.1 a\r\n550 5.1.1 b\r\n")}) ==
          "reply at stdin line 1: 550 5.1.1 (2 lines)\n"
          "  | 550-5.1.1 a\n"
          "  | 550 5.1.1 b\n"
          "  code      550 MailboxUnavailable, permanent negative (5yz)\n"
          "  meaning   The action was not taken because the mailbox is unavailable: it\n"
          "            does not exist, access is denied, or the server's policy refuses\n"
          "            it. Do not retry unchanged.\n"
          "  enhanced  5.1.1 Bad destination mailbox address (Permanent Failure,\n"
          "            Addressing Status; RFC 3463)\n"
          "  next      Fail: give up on this command as it is; bounce the message, or fix\n"
          "            the cause before trying again.\n"
          "\n"
          "1 reply, 0 warnings; everything understood.\n");
}

TEST_CASE("a reply with an unlisted code, an unregistered enhanced code and a log's context") {
    const std::string text = report(
        {stdin_text("postfix/smtp[1]: A: to=<a@b>, status=deferred (host mx said: 471 4.7.500 "
                    "busy (in reply to RCPT TO command))\n")});
    CHECK(has(text, "reply at stdin line 1 (postfix): 471 4.7.500 (1 line)\n"));
    CHECK(has(text, "  code      471 (not in the table), transient negative (4yz)\n"));
    CHECK(has_words(text, "meaning A transient negative (4yz) reply: not done now; the same "
                          "command may succeed later. The text says more."));
    CHECK(has(text, "  enhanced  4.7.500, not in the registry (Persistent Transient Failure,\n"));
    CHECK(has(text, "  answers   RCPT TO\n"));
    CHECK(has(text, "  log       to=<a@b>, status=deferred\n"));
    CHECK(has(text, "  note      471 is in no RFC's table"));
    // The RFCs list no 471 for RCPT TO: a warning (notes are not counted).
    CHECK(report({stdin_text("host mx said: 471 4.7.500 busy (in reply to RCPT TO command)\n")},
                 Format::Brief) ==
          "stdin:1 (postfix): 471 4.7.500 (not in the table), Retry (answers RCPT TO) [1 "
          "warning]\n"
          "1 reply, 1 warning; everything understood.\n");
}

TEST_CASE("the command a reply answers, as the input shows it or as --command assumes") {
    const std::string shown = report({stdin_text("C: RCPT TO:<a@b>\nS: 250 ok\n")});
    CHECK(has(shown, "  answers   RCPT TO:<a@b>\n"));
    const std::string assumed =
        report({stdin_text("552 5.5.3 too many\n")}, Format::Text, smtp::Command::Rcpt);
    CHECK(has(assumed, "  answers   RCPT TO (from --command)\n"));
    CHECK(report({stdin_text("C: RCPT TO:<a@b>\nS: 250 ok\nC: DATA\nS: 354 go\n")},
                 Format::Brief) == "stdin:2: 250 Ok, Proceed (answers RCPT TO:<a@b>)\n"
                                   "stdin:4: 354 StartMailInput, Continue (answers DATA)\n"
                                   "2 replies, 0 warnings; everything understood.\n");
    CHECK(has(report({stdin_text("C: DATA\nS: 354 go\nC: .\nS: 250 ok\n")}, Format::Brief),
              "stdin:4: 250 Ok, Proceed (answers end of data)\n"));
}

TEST_CASE("warnings are counted in the brief line and the summary") {
    CHECK(report({stdin_text("450 5.1.1 mismatch\n354 2.0.0 go\n")}, Format::Brief) ==
          "stdin:1: 450 MailboxBusy, Retry [1 warning]\n"
          "stdin:2: 354 StartMailInput, Continue [1 warning]\n"
          "2 replies, 2 warnings; everything understood.\n");
    CHECK(has(report({stdin_text("250 ok\n")}), "\n1 reply, 0 warnings; everything understood.\n"));
    CHECK(has(report({stdin_text("C: QUIT\nS: 250 5.1.1 ok\n")}, Format::Brief), "[2 warnings]\n"));
}

TEST_CASE("text: one line of a multiline reply, pasted alone, is explained with a note") {
    const std::string text = report({stdin_text("421-4.7.28 unusual rate\n")});
    CHECK(has(text, "reply at stdin line 1: 421 4.7.28 (1 line)\n  | 421-4.7.28 unusual rate\n"));
    CHECK(has(text, "  note      Only one line of a multiline reply: the input ends where the reply\n"));
    CHECK(has(text, "\n1 reply, 0 warnings; everything understood.\n"));
}

TEST_CASE("text: invalid replies, statuses and inputs with nothing in them") {
    CHECK(report({stdin_text("S: 250-first\nC: QUIT\n")}) ==
          "not a valid reply at stdin line 1: Incomplete\n"
          "  | 250-first\n"
          "  error     The reply is cut off: every line so far says more follow ('-'\n"
          "            after the code), but the input ends, or the client speaks, before\n"
          "            the last line.\n"
          "\n"
          "0 replies, 0 warnings, 1 not understood.\n");
    CHECK(report({stdin_text("250-first\n251 x\n")}, Format::Brief) ==
          "stdin:1: not a valid reply (CodeMismatch): Line 2: another code than the first "
          "line's; RFC 5321 section 4.2.1 requires the same code on every line of a reply.\n"
          "0 replies, 0 warnings, 1 not understood.\n");
    CHECK(report({stdin_text("Status: 4.4.1\nStatus: 5.1.1\n")}, Format::Brief) ==
          "stdin:1 (dsn): status 4.4.1 No answer from host, Retry\n"
          "stdin:2 (dsn): status 5.1.1 Bad destination mailbox address, Fail\n"
          "0 replies, 2 statuses, 0 warnings; everything understood.\n");
    CHECK(has(report({stdin_text("x dsn=4.4.1, status=deferred (timeout)\n")}),
              "status at stdin line 1 (postfix): 4.4.1 No answer from host\n"
              "  context   status=deferred (timeout)\n"));
    CHECK(report({stdin_text("hello\n")}, Format::Brief) ==
          "stdin: no SMTP reply found (1 line)\n0 replies, 0 warnings, 1 not understood.\n");
    CHECK(report({stdin_text("a\nb\n")}, Format::Brief) ==
          "stdin: no SMTP reply found (2 lines)\n0 replies, 0 warnings, 1 not understood.\n");
    CHECK(report({stdin_text("\x01\x02\x03\n")})
              .rfind("no SMTP reply found in stdin (1 line, looks binary)\n"
                     "  error     Nothing in it is a reply line",
                     0) == 0);
    CHECK(report({{Input::Kind::Text, "x",
                   "my\x1b"
                   "file"}},
                 Format::Brief) ==
          "my\\x1bfile: no SMTP reply found (1 line)\n0 replies, 0 warnings, 1 not understood.\n");
}

TEST_CASE("a reply's lines are quoted escaped, at most 20 of 300 bytes each") {
    std::string many;
    for (int i = 0; i < 25; ++i) {
        many += "250-line " + std::to_string(i) + "\n";
    }
    many += "250 " + std::string(400, 'z') + "\n";
    const std::string text = report({stdin_text(many)});
    CHECK(has(text, "  | 250-line 19\n  | ... (6 more lines)\n"));
    CHECK_FALSE(has(text, "250-line 20"));
    const std::string wide = report({stdin_text("250 " + std::string(400, 'z') + "\n")});
    CHECK(has(wide, "  | 250 " + std::string(296, 'z') + "... (104 more bytes)\n"));
    CHECK(
        has(report({stdin_text("250 red\x1b[31m \xC3\xA9\n")}), "  | 250 red\\x1b[31m \xC3\xA9\n"));
}

TEST_CASE("the lists: reply codes, and the registry") {
    smtp_explain::StringSink sink;
    {
        smtp_explain::Output output(sink);
        smtp_explain::Options options;
        smtp_explain::Explanation explanation(options, output);
        explanation.list_codes();
        CHECK(explanation.finish());
    }
    const std::string& codes = sink.text();
    CHECK(codes.rfind("-1   GeneralFailure                           ---  ---      The operation",
                      0) == 0);
    CHECK(has(codes, "\n550  MailboxUnavailable                       5yz  Fail     The action"));
    CHECK(has(codes, "\n556  DomainDoesNotAcceptMail                  5yz  Fail     "));
    CHECK(has(codes, "\n534  AuthenticationMechanismIsToWeak          5yz  Fail     "));

    smtp_explain::StringSink registry_sink;
    {
        smtp_explain::Output output(registry_sink);
        smtp_explain::Options options;
        options.format = Format::Brief;
        smtp_explain::Explanation explanation(options, output);
        explanation.list_registry();
        CHECK(explanation.finish());
    }
    const std::string& registry = registry_sink.text();
    CHECK(registry.rfind("X.0.0   Other undefined Status                                  any "
                         "code                                RFC 3463\n",
                         0) == 0);
    CHECK(has(registry, "\nX.6.10  (no title) (deprecated)"));
    CHECK(has(registry, "draft-"));
}

TEST_CASE("whatever the input, the text report is safe for a terminal") {
    std::string noise;
    for (int byte = 0; byte < 256; ++byte) {
        noise += "250-";
        noise += static_cast<char>(byte);
        noise += "\xC2\x9B\xED\xA0\x80\n";
    }
    noise += "250 end\n";
    for (const Format format : {Format::Text, Format::Brief}) {
        const std::string text = report({stdin_text(noise), argument(noise)}, format);
        CHECK(smtp_explain::testing::terminal_safe(text));
        CHECK(smtp_explain::testing::valid_utf8(text));
    }
}

TEST_CASE("text: a block per bounce recipient, a line with --brief") {
    using smtp_explain::testing::email;
    using smtp_explain::testing::part;
    const std::string block = smtp_explain::testing::explain_email(
                                  smtp_explain::testing::postfix_bounce(), Format::Text)
                                  .report;
    CHECK(block == "bounce in bounce.eml: nobody@example.net\n"
                   "  status    5.1.1 Bad destination mailbox address\n"
                   "  reply     550-5.1.1 The mailbox does not exist. 550 5.1.1 Bye\n"
                   "  answers   RCPT TO\n"
                   "  server    mx.example.net\n"
                   "  action    failed\n"
                   "  reason    userunknown: The recipient's mailbox does not exist at its domain.\n"
                   "  address   bad (a hard bounce): do not send to it again.\n"
                   "  next      Fail: the message was not delivered to this address and will not\n"
                   "            be; do not send it again unchanged.\n"
                   "  format    dsn\n"
                   "  problem   the lines of a multiline reply were joined into one (JoinedLines)\n"
                   "\n"
                   "1 bounce recipient, 0 warnings; everything understood.\n");
    // Without a reply: the diagnosis; without a recipient: said so; and the
    // bytes of the email escaped for the terminal.
    const std::string bare =
        smtp_explain::testing::explain_email(
            email({{"From", "MAILER-DAEMON@x.example"}},
                  {part("message/delivery-status",
                        "Reporting-MTA: dns; x\n\nAction: delayed\nStatus: 4.4.1\n"
                        "Diagnostic-Code: smtp; no answer \x1b[31m\n")}),
            Format::Text)
            .report;
    CHECK(has(bare, "bounce in bounce.eml: (no recipient named)\n"));
    CHECK(has(bare, "  diagnosis no answer \\x1b[31m\n"));
    CHECK(has(bare, "  next      Retry: delivery failed for now; the message may go through"));
    CHECK(smtp_explain::testing::terminal_safe(bare));
    CHECK(smtp_explain::testing::explain_email(smtp_explain::testing::postfix_bounce(),
                                               Format::Brief, "-")
              .report == "stdin: nobody@example.net: 550 5.1.1 userunknown (hard), Fail\n"
                         "1 bounce recipient, 0 warnings; everything understood.\n");
}

TEST_CASE("text: an email without a bounce") {
    const std::string report = smtp_explain::testing::explain_email(
                                   smtp_explain::testing::email({}, {}), Format::Text, "x.eml")
                                   .report;
    CHECK(report == "no bounce found in x.eml (0 parts)\n"
                    "  error     The email is no delivery status notification, failure notice,\n"
                    "            feedback report or auto-reply the tool can read.\n"
                    "\n"
                    "0 replies, 0 warnings, 1 not understood.\n");
}

} // namespace
