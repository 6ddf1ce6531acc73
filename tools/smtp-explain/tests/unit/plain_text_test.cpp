// Tests of src/extract/plain_text.hpp: the generic reader of plain-text
// failure notices.
#include "extract/plain_text.hpp"

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

const std::vector<HeaderField> daemon{{"From", "MAILER-DAEMON@mx.example.org"},
                                      {"Subject", "failure notice"}};

Collect read(const std::string& text, const std::vector<HeaderField>& headers = daemon) {
    Collect sink;
    const std::size_t count =
        extract_plain_text(email(headers, {part("text/plain", text)}, "text/plain"), sink);
    CHECK(count == sink.recipients.size());
    return sink;
}

TEST_CASE("qmail: each recipient's paragraph, the original left alone") {
    CHECK(read("Hi. This is the qmail-send program at example.jp.\nThis is a permanent error; I've "
               "given up. Sorry it didn't work out.\n\n<a@example.jp>:\n192.0.2.153 does not like "
               "recipient.\nRemote host said: 550 5.1.1 <a@example.jp>... User Unknown\nGiving up "
               "on 192.0.2.153.\n\n<b@example.jp>:\nSorry, no mailbox here by that name. "
               "(#5.1.1)\n\n--- Below this line is a copy of the message.\n\nTo: "
               "quoted@example.com\n\n<quoted2@example.com>:\nsaid: 421 no\n")
              .lines() == Lines{"a@example.jp text failed code=550 reply=5.1.1",
                                "b@example.jp text failed status=5.1.1"});
}

TEST_CASE("Exim's delay warning, OpenSMTPD's list and a reply shared by all recipients") {
    CHECK(read("A message that you sent has not yet been delivered to one or more of its\n"
               "recipients after more than 24 hours on the queue.\n\n  a@example.net\n    host "
               "mx.example.net [192.0.2.1]: 451 4.7.1 Greylisted\n")
              .lines() == Lines{"a@example.net text delayed code=451 reply=4.7.1 "
                                "mta=mx.example.net"});
    CHECK(read("    An error has occurred while attempting to deliver a message for\n    the "
               "following list of recipients:\n\na@example.jp: 550 5.2.2 <a@example.jp>... "
               "Mailbox Full\nb@example.jp: 550 5.1.1 <b@example.jp>... User Unknown\n")
              .lines() == Lines{"a@example.jp text code=550 reply=5.2.2",
                                "b@example.jp text code=550 reply=5.1.1"});
    CHECK(read("Your message:\n   Subject: hi\n\nCould not be delivered because of\n\n550 5.1.1 "
               "User unknown\n\nThe following recipients were affected:\n    a@example.com\n")
              .lines() == Lines{"a@example.com text failed code=550 reply=5.1.1"});
}

TEST_CASE("a notice that names no recipient, and one without a reply") {
    const Collect nameless =
        read("   ----- Transcript of session follows -----\n550 neko.example.org (smtp)... 550 "
             "Host unknown\n");
    CHECK(nameless.lines() == Lines{"- text code=550"});
    // No reply: the paragraph's words are the diagnostic, for the reason.
    const Collect words = read("Unknown user: a@example.com\n");
    REQUIRE(words.recipients.size() == 1);
    CHECK(words.recipients[0].code == 0);
    CHECK(words.recipients[0].diagnostic == "Unknown user: a@example.com");
}

TEST_CASE("a notice that says the mail could not be delivered reports a failure, not a delay") {
    // Format facts: Prodigy's Sendmail notice and Yahoo's old one (GNU
    // Mailman 2's bouncer test set, simple_07, yahoo_04): a full mailbox
    // in words, no code; the MTA returned the message, so it has given up.
    CHECK(read("User's mailbox is full: <a@example.net>\nUnable to deliver mail.\n")
              .lines() == Lines{"a@example.net text failed"});
    // Words of neither kind leave the action unknown.
    CHECK(read("User's mailbox is full: <a@example.net>\n").lines() ==
          Lines{"a@example.net text"});
}

TEST_CASE("a mail system's failure notice that names no recipient: one without an address") {
    // Format facts: InterScan VirusWall NT's notice (GNU Mailman 2's bouncer
    // test set, dumbass_01) names none; JetMail's (bounce_01) and
    // GroupWise's (the Mail::DeliveryStatus::BounceParser test set,
    // novell-no-rhs) a bare local part.
    const Collect nameless = read("The following mail could not be delivered.\nReason:  Too "
                                  "many attempts.\n");
    CHECK(nameless.lines() == Lines{"- text failed"});
    REQUIRE(nameless.recipients.size() == 1);
    CHECK(nameless.recipients[0].diagnostic ==
          "The following mail could not be delivered. Reason: Too many attempts.");
    // Not from a mail system, or not saying the mail failed: nothing.
    const std::vector<HeaderField> person{{"From", "bob@example.com"}, {"Subject", "lunch"}};
    CHECK(read("The following mail could not be delivered.\n", person).recipients.empty());
    CHECK(read("Your mail reached us.\n").recipients.empty());
}

TEST_CASE("a notice's words are read across its line wraps") {
    // Format fact: Postfix writes "--- Delivery report unavailable ---"
    // where its list of recipients would be when it lost its record of them
    // (a sample in sisimai's set, lhost-postfix-64), and wraps "could
    // not\nbe delivered": a failure, of a recipient it does not name. (The
    // returned original's To is not taken for it: nothing the report says
    // comes from the original.)
    Collect sink;
    const DecodedMessage message = email(
        daemon,
        {part("text/plain",
              "I'm sorry to have to inform you that your message could not\nbe delivered to one "
              "or more recipients. It's attached below.\n\n\t--- Delivery report unavailable "
              "---\n"),
         part("message/delivery-status", ""),
         part("message/rfc822", "From: s@example.fr\nTo: a@example.fr\n", true)},
        "multipart/report");
    const std::size_t count = extract_plain_text(message, sink);
    CHECK(count == 1);
    CHECK(sink.lines() == Lines{"- text failed"});
}

TEST_CASE("X-Failed-Recipients names the recipients a notice's text does not") {
    // Format fact: Google Groups' notice names the group in words only
    // ("the group you tried to contact (name)") and greets the sender by
    // address; Gmail's X-Failed-Recipients field lists the group's address
    // (sisimai's Google Groups samples; Exim adds the same field).
    const std::vector<HeaderField> groups{
        {"From", "Mail Delivery Subsystem <mailer-daemon@example.com>"},
        {"X-Failed-Recipients", "team@groups.example.com, x@example.org"}};
    CHECK(read("Hello s@example.jp,\n\nthe group you tried to contact (team) may not exist.\n",
               groups)
              .lines() == Lines{"team@groups.example.com text", "x@example.org text"});
    // A text that names a listed address keeps its own recipients.
    CHECK(read("x@example.org: 550 5.1.1 unknown\ny@example.org: 552 full\n", groups).lines() ==
          (Lines{"x@example.org text code=550 reply=5.1.1", "y@example.org text code=552"}));
}

TEST_CASE("an email that is no failure notice is left alone") {
    const std::vector<HeaderField> person{{"From", "bob@example.com"}, {"Subject", "lunch"}};
    CHECK(read("Hi,\n\nalice@example.com\nis my new address.\n", person).recipients.empty());
    // ... unless it quotes a failure reply, or says the mail failed.
    CHECK(read("FYI:\n\n<a@example.com>: host mx.example.com said: 550 5.1.1 no such user\n",
               person)
              .lines() == Lines{"a@example.com text code=550 reply=5.1.1 mta=mx.example.com"});
    CHECK(read("Your mail could not be delivered to:\n  a@example.com\n", person).lines() ==
          Lines{"a@example.com text failed"});
    // A failure notice with neither recipient nor reply: nothing to report.
    CHECK(read("Something went wrong.\n").recipients.empty());
}

} // namespace
