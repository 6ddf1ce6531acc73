// Tests of src/extract/dsn.hpp: the generic reader of delivery status
// notifications.
#include "extract/dsn.hpp"

#include "support/messages.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using namespace smtp_explain;
using smtp_explain::testing::Collect;
using smtp_explain::testing::email;
using smtp_explain::testing::part;
using Lines = std::vector<std::string>;

Lines read(const DecodedMessage& message) {
    Collect sink;
    const std::size_t count = extract_dsn(message, sink);
    CHECK(count == sink.recipients.size());
    return sink.lines();
}

const char* const postfix_dsn = "Reporting-MTA: dns; relay.example.org\n"
                                "\n"
                                "Final-Recipient: rfc822; nobody@example.net\n"
                                "Original-Recipient: rfc822;nobody@example.net\n"
                                "Action: failed\n"
                                "Status: 5.1.1\n"
                                "Remote-MTA: dns; mx.example.net\n"
                                "Diagnostic-Code: smtp; 550-5.1.1 The mailbox does not\n"
                                "    exist. 550 5.1.1 https://mail.example.net/help\n";

TEST_CASE("a DSN part: one recipient per group, with the reply of its Diagnostic-Code") {
    Collect sink;
    CHECK(extract_dsn(email({}, {part("text/plain", "<nobody@example.net>: host mx said: 550-5.1.1 "
                                                   "The mailbox (in reply to RCPT TO command)"),
                                 part("message/delivery-status", postfix_dsn)}),
                      sink) == 1);
    REQUIRE(sink.recipients.size() == 1);
    const BounceRecipient& r = sink.recipients[0];
    CHECK(testing::describe(r) ==
          "nobody@example.net dsn failed status=5.1.1 code=550 reply=5.1.1 cmd=Rcpt "
          "mta=mx.example.net");
    CHECK(r.original_recipient == "nobody@example.net");
    CHECK(r.diagnostic == "550-5.1.1 The mailbox does not exist. 550 5.1.1 "
                          "https://mail.example.net/help");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].kind == "JoinedLines"); // Postfix joins a reply's lines
}

TEST_CASE("what the DSN leaves out comes from the recipient's paragraph") {
    // OpenSMTPD: no Diagnostic-Code, the class alone in Status.
    CHECK(read(email({}, {part("text/plain", "    Hi!\n\nb@example.jp: 550 5.2.2 <b@example.jp>: "
                                             "full\nc@example.jp: 550 5.1.1 unknown\n"),
                          part("message/delivery-status",
                               "Reporting-MTA: dns; o.example\n\nFinal-Recipient: rfc822; "
                               "c@example.jp\nAction: failed\nStatus: 5.0.0\n\nFinal-Recipient: "
                               "rfc822; b@example.jp\nAction: failed\nStatus: 5.0.0\n")})) ==
          Lines{"c@example.jp dsn failed status=5.0.0 code=550 reply=5.1.1",
                "b@example.jp dsn failed status=5.0.0 code=550 reply=5.2.2"});
    // Exim's own failure: no Diagnostic-Code; the paragraph's words stand in.
    Collect sink;
    extract_dsn(email({}, {part("text/plain", "failed:\n\n  x@example.test\n    Unrouteable "
                                              "address\n"),
                           part("message/delivery-status",
                                "Reporting-MTA: dns; e\n\nAction: failed\nFinal-Recipient: "
                                "rfc822;x@example.test\nStatus: 5.0.0\n")}),
                sink);
    REQUIRE(sink.recipients.size() == 1);
    CHECK(sink.recipients[0].code == 0);
    CHECK(sink.recipients[0].diagnostic == "x@example.test Unrouteable address");
    // A Diagnostic-Code without a reply ("DNS Error") keeps its words; the
    // notice has no reply either.
    CHECK(read(email({}, {part("message/delivery-status",
                               "Reporting-MTA: dns; g\n\nFinal-Recipient: rfc822; d@example.org\n"
                               "Action: failed\nStatus: 5.1.2\nDiagnostic-Code: smtp; DNS Error: "
                               "Domain name not found\n")})) ==
          Lines{"d@example.org dsn failed status=5.1.2"});
    // An enhanced code the diagnostic states alone is as specific as a reply's.
    CHECK(read(email({}, {part("message/delivery-status",
                               "Reporting-MTA: dns; s\n\nFinal-Recipient: rfc822; e@example.org\n"
                               "Action: failed\nStatus: 5.0.0\nDiagnostic-Code: smtp; 5.4.7 - "
                               "Delivery expired (message too old)\n")})) ==
          Lines{"e@example.org dsn failed status=5.0.0 reply=5.4.7"});
}

TEST_CASE("a reply before the recipient's paragraph: a transcript, a reply for all") {
    // Sendmail's delay warning: the transcript, then the recipient's line.
    CHECK(read(email({}, {part("text/plain", "   ----- Transcript of session follows -----\n... "
                                             "while talking to [192.0.2.11]:\n>>> RCPT "
                                             "To:<b@example.test>\n<<< 421 4.3.2 busy\n"
                                             "<b@example.test>... Deferred: Connection reset\n"),
                          part("message/delivery-status",
                               "Reporting-MTA: dns; s\n\nFinal-Recipient: RFC822; b@example.test\n"
                               "Action: delayed\nStatus: 4.0.0\nDiagnostic-Code: SMTP; \n")})) ==
          Lines{"b@example.test dsn delayed status=4.0.0 code=421 reply=4.3.2 cmd=Rcpt"});
    // A reply before the list of recipients is each one's that has none.
    CHECK(read(email({}, {part("text/plain", "Could not be delivered because of\n\n550 5.1.1 "
                                             "User unknown\n\nRecipients:\n\nc@example.jp\n"
                                             "d@example.jp: 552 5.2.2 full\n"),
                          part("message/delivery-status",
                               "Reporting-MTA: dns; x\n\nFinal-Recipient: rfc822; c@example.jp\n"
                               "Action: failed\nStatus: 5.0.0\n\nFinal-Recipient: rfc822; "
                               "d@example.jp\nAction: failed\nStatus: 5.0.0\n")})) ==
          Lines{"c@example.jp dsn failed status=5.0.0 code=550 reply=5.1.1",
                "d@example.jp dsn failed status=5.0.0 code=552 reply=5.2.2"});
}

TEST_CASE("a success takes no reply from the text; a DSN's own code stays") {
    CHECK(read(email({}, {part("text/plain", "<ok@example.test>: delivery via mx: 250 2.1.5 Ok\n"),
                          part("message/delivery-status",
                               "Reporting-MTA: dns; p\n\nFinal-Recipient: rfc822; ok@example.test\n"
                               "Action: relayed (to non-dsn-aware mailer)\nStatus: 2.0.0\n")})) ==
          Lines{"ok@example.test dsn relayed status=2.0.0"});
}

TEST_CASE("the DSN's own oddities are problems; recipients keep the DSN's order") {
    Collect sink;
    extract_dsn(email({}, {part("message/delivery-status",
                                "Reporting-MTA: dns; x\n\nFinal-Recipient: <a@example.org>\n"
                                "Status: 5.1.1\nDiagnostic-Code: smtp; 550-5.1.1 first line only\n"
                                "\nOriginal-Recipient: rfc822; b@example.org\nAction: delayed\n"
                                "Status: 4.4.1\n")}),
                sink);
    REQUIRE(sink.recipients.size() == 2);
    CHECK(sink.recipients[0].recipient == "a@example.org");
    std::vector<std::string> kinds;
    for (const BounceProblem& problem : sink.recipients[0].problems) {
        kinds.push_back(problem.kind);
    }
    CHECK(kinds == std::vector<std::string>{"MissingLastLine", "MissingType", "AddressInBrackets",
                                            "MissingAction"});
    // No Final-Recipient: the Original-Recipient names the recipient.
    CHECK(testing::describe(sink.recipients[1]) == "b@example.org dsn delayed status=4.4.1");
}

TEST_CASE("a Final-Recipient that is no Internet address: the Original-Recipient names it") {
    // Format facts: an X.400 gateway's DSN (GNU Mailman 2's bouncer test set,
    // dsn_02 and dsn_09: "Final-Recipient: x400; /S=.../C=GB/") and
    // CommuniGate Pro's ("Final-Recipient: LOCAL;<account>", the
    // Mail::DeliveryStatus::BounceParser test set, quota-5).
    CHECK(read(email({}, {part("message/delivery-status",
                               "Reporting-MTA: x400; mta gw in /ADMD= /C=GB/\n\n"
                               "Original-Recipient: rfc822; pat@example.test\n"
                               "Final-Recipient: x400; /S=pat/OU=example/ADMD= /C=GB/\n"
                               "Action: failed\nStatus: 4.4.7\n\n"
                               "Original-Recipient: rfc822;<kim@example.test>\n"
                               "Final-Recipient: LOCAL;<kim>\nAction: failed\nStatus: 5.0.0\n\n"
                               "Original-Recipient: rfc822;lee@example.test\n"
                               "Final-Recipient: rfc822;lee\nAction: failed\nStatus: 5.0.0\n")})) ==
          Lines{"pat@example.test dsn failed status=4.4.7",
                "kim@example.test dsn failed status=5.0.0",
                "lee@example.test dsn failed status=5.0.0"});
    // An Internet Final-Recipient stays, whatever the Original-Recipient;
    // a foreign one without an Original-Recipient address stays too.
    CHECK(read(email({}, {part("message/delivery-status",
                               "Reporting-MTA: dns; m\n\n"
                               "Original-Recipient: rfc822;a@example.test\n"
                               "Final-Recipient: rfc822;b@example.test\nAction: failed\n"
                               "Status: 5.1.1\n\nOriginal-Recipient: rfc822;none\n"
                               "Final-Recipient: x400; /S=c/C=GB/\nAction: failed\n"
                               "Status: 5.1.1\n")})) ==
          Lines{"b@example.test dsn failed status=5.1.1", "/S=c/C=GB/ dsn failed status=5.1.1"});
}

TEST_CASE("a relayed qmail reply's '(#5.7.1)', and a reply code written as the Status") {
    // Format facts: Postfix relaying a qmail server's "553 sorry, ...
    // (#5.7.1)" with Status 5.0.0 (the Mail::DeliveryStatus::BounceParser
    // test set, badrcptto, rcpthosts); NTMail's "Status: 553 ..." (GNU
    // Mailman 2's bouncer test set, dsn_03).
    CHECK(read(email({}, {part("message/delivery-status",
                               "Reporting-MTA: dns; p\n\nFinal-Recipient: rfc822; a@example.net\n"
                               "Action: failed\nStatus: 5.0.0\nDiagnostic-Code: smtp; 553 sorry, "
                               "that domain isn't in my list (#5.7.1)\n\n"
                               "Final-Recipient: rfc822; b@example.net\nAction: failed\n"
                               "Status: 5.0.0\nDiagnostic-Code: smtp; 553 sorry (#4.3.0)\n")})) ==
          Lines{"a@example.net dsn failed status=5.0.0 code=553 reply=5.7.1",
                "b@example.net dsn failed status=5.0.0 code=553"});
    Collect sink;
    extract_dsn(email({}, {part("message/delivery-status",
                                "Reporting-MTA: dns;n.example.be\n\nFinal-Recipient: "
                                "rfc822;c@example.be\nAction: failure\nStatus: 553 Exceeded "
                                "maximum inbound message size\n\nFinal-Recipient: "
                                "rfc822;d@example.be\nAction: failed\nStatus: 250 fine\n")}),
                sink);
    REQUIRE(sink.recipients.size() == 2);
    CHECK(sink.recipients[0].code == 553);
    CHECK(sink.recipients[0].diagnostic == "553 Exceeded maximum inbound message size");
    CHECK(sink.recipients[1].code == 0);
}

TEST_CASE("an expiry that quotes the reply it last got: that reply, and the time ran out") {
    // Format fact: Amazon SES and WorkMail give up with "554 4.4.7 Message
    // expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed
    // out>", Status 4.4.7 (sisimai's samples lhost-amazonses-17,
    // lhost-amazonworkmail-07).
    const auto group = [](const std::string& status, const std::string& diagnostic) {
        return email({}, {part("message/delivery-status",
                               "Reporting-MTA: dns; a.example\n\nFinal-Recipient: rfc822; "
                               "a@example.com\nAction: failed\nStatus: " +
                                   status + "\nDiagnostic-Code: smtp; " + diagnostic + "\n")});
    };
    CHECK(read(group("4.4.7", "554 4.4.7 Message expired: unable to deliver in 840 "
                              "minutes.<421 4.4.2 Connection timed out>")) ==
          Lines{"a@example.com dsn failed status=4.4.7 code=421 reply=4.4.2 reason=expired"});
    // The last quoted reply is the cause; angle brackets around an address
    // are no reply.
    CHECK(read(group("5.4.7", "550 5.4.7 expired <a@example.com> <450 4.2.0 busy> "
                              "<451 4.3.0 try later>")) ==
          Lines{"a@example.com dsn failed status=5.4.7 code=451 reply=4.3.0 reason=expired"});
    // Not an expiry, or nothing quoted: the reply as it stands.
    CHECK(read(group("5.7.1", "554 5.7.1 rejected <421 4.4.2 timed out>")) ==
          Lines{"a@example.com dsn failed status=5.7.1 code=554 reply=5.7.1"});
    CHECK(read(group("4.4.7", "554 4.4.7 Message expired <a@example.com>")) ==
          Lines{"a@example.com dsn failed status=4.4.7 code=554"});
}

TEST_CASE("a group that names no recipient beside groups that do is left out") {
    // Format fact: Boxbe's DSN writes its per-message fields and "Action:
    // failed" without the blank line after them (the
    // Mail::DeliveryStatus::BounceParser test set, boxbe-cr).
    CHECK(read(email({}, {part("message/delivery-status",
                               "Reporting-MTA: dns; b.example\nAction: failed\n\n"
                               "Final-Recipient: rfc822; p@example.com\nAction: failed\n"
                               "Status: 5.1.1\n")})) ==
          Lines{"p@example.com dsn failed status=5.1.1"});
}

TEST_CASE("DSNs inside the returned original and DSN fields pasted into old text") {
    // Inside the original: not this bounce's.
    CHECK(read(email({}, {part("message/rfc822", "To: x@y.example\n", true),
                          part("message/delivery-status", postfix_dsn, true)}))
              .empty());
    // RFC 6533's type counts.
    CHECK(read(email({}, {part("message/global-delivery-status", postfix_dsn)})).size() == 1);
    // An old MTA's plain text with DSN fields, then the original pasted; the
    // one recipient's reply from the text before them.
    CHECK(read(email({}, {part("text/plain",
                               "   ----- Transcript of session follows -----\n554 \"|prog\"... "
                               "Service unavailable\n\nReporting-MTA: dns; m.example.edu\n\n"
                               "Final-Recipient: RFC822; k@m.example.edu\nAction: failed\n"
                               "Status: 5.5.0\n\nReturn-Path: <s@example.com>\nFinal-Recipient: "
                               "rfc822; quoted@example.com\n")},
                     "text/plain")) == Lines{"k@m.example.edu dsn failed status=5.5.0 code=554"});
    // Not DSN content, or a DSN without recipients: nothing.
    CHECK(read(email({}, {part("message/delivery-status", "just text\n")})).empty());
    CHECK(read(email({}, {part("message/delivery-status", "Reporting-MTA: dns; x\n")})).empty());
    CHECK(read(email({}, {})).empty());
}

TEST_CASE("PowerMTA's bounce category states the reason where it names one") {
    const auto powermta = [](const char* category) {
        return std::string("Reporting-MTA: dns;mail.example.net\n\n"
                           "Final-Recipient: rfc822;a@example.jp\nAction: failed\n"
                           "Status: 5.2.1 (mailbox disabled, not accepting messages)\n"
                           "Diagnostic-Code: smtp;550 5.2.1 <a@example.jp>... User Unknown\n") +
               category;
    };
    const auto reason_of = [&](const char* category) {
        Collect sink;
        extract_dsn(email({}, {part("message/delivery-status", powermta(category))}), sink);
        REQUIRE(sink.recipients.size() == 1);
        return sink.recipients[0].reason;
    };
    CHECK(reason_of("X-PowerMTA-BounceCategory: bad-mailbox\n") ==
          smtp::BounceReason::UserUnknown);
    CHECK(reason_of("X-PowerMTA-BounceCategory: Quota-Issues\n") ==
          smtp::BounceReason::MailboxFull);
    CHECK(reason_of("X-PowerMTA-BounceCategory: spam-related\n") ==
          smtp::BounceReason::SpamDetected);
    // "other", a name PowerMTA does not document, or no field: the reply decides.
    CHECK_FALSE(reason_of("X-PowerMTA-BounceCategory: other\n"));
    CHECK_FALSE(reason_of("X-PowerMTA-BounceCategory: bad-mailboxes\n"));
    CHECK_FALSE(reason_of(""));
}

TEST_CASE("a program's failure: an X-Unix exit status is no reply code; a pipe is the mailer's") {
    // Format facts (Sendmail 8, RFC 3464 section 2.3.6): a local delivery
    // names the program in "X-Actual-Recipient: X-Unix; |program" and its
    // exit status in "Diagnostic-Code: X-Unix; 255".
    const auto group = [](const char* actual, const char* diagnostic) {
        return std::string("Reporting-MTA: dns; mx.example.jp\n\n"
                           "Final-Recipient: RFC822; a@example.jp\n") +
               actual + "Action: failed\nStatus: 5.0.0\nDiagnostic-Code: X-Unix; " + diagnostic +
               "\n";
    };
    const auto read_one = [](const std::string& dsn) {
        Collect sink;
        extract_dsn(email({}, {part("message/delivery-status", dsn)}), sink);
        REQUIRE(sink.recipients.size() == 1);
        return sink.recipients[0];
    };
    const BounceRecipient piped =
        read_one(group("X-Actual-Recipient: X-Unix; |/usr/local/bin/filter\n", "255"));
    CHECK(piped.code == 0);
    CHECK(piped.diagnostic.empty()); // the notice's words, if any, say more
    CHECK(piped.reason == smtp::BounceReason::MailerError);
    // A file or mailbox, or no actual recipient: the words decide later.
    const BounceRecipient saved =
        read_one(group("X-Actual-Recipient: X-Unix; /var/mail/a\n", "Disk quota exceeded"));
    CHECK(saved.code == 0);
    CHECK_FALSE(saved.reason);
    CHECK_FALSE(read_one(group("", "71")).reason);
    // An SMTP diagnostic keeps its reply code.
    CHECK(read(email({}, {part("message/delivery-status",
                               "Reporting-MTA: dns; mx.example.jp\n\nFinal-Recipient: RFC822; "
                               "a@example.jp\nAction: failed\nStatus: 5.0.0\nDiagnostic-Code: "
                               "smtp; 550 no\n")})) ==
          Lines{"a@example.jp dsn failed status=5.0.0 code=550"});
}

TEST_CASE("is_delivery_status_type") {
    ContentType type;
    type.type = "message/delivery-status";
    CHECK(is_delivery_status_type(type));
    type.type = "Message/Global-Delivery-Status";
    CHECK(is_delivery_status_type(type));
    type.type = "message/feedback-report";
    CHECK_FALSE(is_delivery_status_type(type));
}

} // namespace
