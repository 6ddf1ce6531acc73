// Tests of src/extract/auto_reply.hpp: auto-replies (RFC 3834).
#include "extract/auto_reply.hpp"

#include "support/messages.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using namespace smtp_explain;
using smtp_explain::testing::Collect;
using smtp_explain::testing::email;
using smtp_explain::testing::part;

DecodedMessage with(std::vector<HeaderField> headers) {
    return email(std::move(headers), {part("text/plain", "I am away.")}, "text/plain");
}

TEST_CASE("is_auto_reply: RFC 3834's field, the vendors' fields and the usual subjects") {
    CHECK(is_auto_reply(with({{"From", "fred@example.com"}, {"Auto-Submitted", "auto-replied"}})));
    CHECK(is_auto_reply(with({{"From", "fred@example.com"},
                              {"Auto-Submitted", "Auto-Replied (vacation)"}})));
    CHECK(is_auto_reply(with({{"From", "fred@example.com"}, {"X-Autoreply", "yes"}})));
    CHECK(is_auto_reply(with({{"From", "fred@example.com"}, {"X-Autorespond", "x"}})));
    CHECK(is_auto_reply(with({{"From", "fred@example.com"}, {"Precedence", "auto_reply"}})));
    CHECK(is_auto_reply(with({{"From", "f@example.com"}, {"Subject", "Out of Office: turtles"}})));
    CHECK(is_auto_reply(with({{"From", "f@example.com"},
                              {"Subject", "AUTO: Smith is out of the office"}})));
    CHECK(is_auto_reply(with({{"From", "f@example.com"}, {"Subject", "Re: x (Automatic Response)"}})));
    CHECK(is_auto_reply(with({{"From", "f@example.jp"}, {"Subject", "\xe8\x87\xaa\xe5\x8b\x95\xe5\xbf\x9c\xe7\xad\x94"}})));
    // Not an auto-reply: no mark, or a mark that is no reply's.
    CHECK_FALSE(is_auto_reply(with({{"From", "fred@example.com"}, {"Subject", "Hello"}})));
    CHECK_FALSE(is_auto_reply(with({{"From", "f@example.com"}, {"Auto-Submitted", "auto-generated"}})));
    CHECK_FALSE(is_auto_reply(with({{"From", "f@example.com"}, {"Auto-Submitted", "no"}})));
    // MTAs mark their bounces auto-replied: those are failure notices.
    CHECK_FALSE(is_auto_reply(with({{"From", "Mail Delivery System <Mailer-Daemon@x.example>"},
                                    {"Auto-Submitted", "auto-replied"}})));
    CHECK_FALSE(is_auto_reply(with({{"From", "robot@example.com"},
                                    {"Subject", "Undeliverable: Out of Office"}})));
    // Auto-replies go out with the null return path too (RFC 3834 section 3.3).
    CHECK(is_auto_reply(with({{"Return-Path", "<>"}, {"From", "f@example.com"},
                              {"Subject", "Out of Office"}})));
}

TEST_CASE("is_auto_reply: other languages, challenge-response requests, unmarked answers") {
    // Outlook's and others' subjects in other languages (format fact: a
    // wp.pl auto-reply, the Mail::DeliveryStatus::BounceParser test set,
    // polish-autoreply).
    CHECK(is_auto_reply(with({{"From", "f@example.pl"},
                              {"Subject", "[Automatyczna odpowied\xc5\xba] test"}})));
    CHECK(is_auto_reply(with({{"From", "f@example.de"}, {"Subject", "Automatische Antwort: x"}})));
    // An answer with the null return path from a person that says nothing
    // of a failure (format fact: an unmarked thank-you auto-reply, the same
    // test set, autoreply).
    CHECK(is_auto_reply(with({{"Return-Path", "<>"}, {"From", "f@example.com"},
                              {"Subject", "Thank you for your e-mail"}})));
    CHECK_FALSE(is_auto_reply(with({{"Return-Path", "<s@example.com>"}, {"From", "f@example.com"},
                                    {"Subject", "Thank you"}})));
    // ... but not one that says the mail failed, or quotes a failure reply.
    CHECK_FALSE(is_auto_reply(email({{"Return-Path", "<>"}, {"From", "gw@example.com"}},
                                    {part("text/plain", "Your mail could not be delivered.")},
                                    "text/plain")));
    CHECK_FALSE(is_auto_reply(email({{"Return-Path", "<>"}, {"From", "gw@example.com"}},
                                    {part("text/plain", "a@example.com: 550 5.1.1 unknown")},
                                    "text/plain")));
    CHECK_FALSE(is_auto_reply(email({{"Return-Path", "<>"}, {"From", "gw@example.com"}},
                                    {part("text/plain", "a@example.com: permanent error")},
                                    "text/plain")));
    CHECK_FALSE(is_auto_reply(email({{"Return-Path", "<>"}, {"From", "gw@example.com"}},
                                    {part("text/plain", "a@example.com: will retry")},
                                    "text/plain")));
}

TEST_CASE("is_challenge: the marks of challenge-response systems") {
    // Format facts: Bluebottle's and Boxbe's requests (the
    // Mail::DeliveryStatus::BounceParser test set, challenge and boxbe-cr);
    // TMDA's X-Delivery-Agent.
    CHECK(is_challenge(with({{"From", "f@example.com"}, {"X-Bluebottle-Request", "<1>"}})));
    CHECK(is_challenge(with({{"From", "f@example.com"}, {"X-Delivery-Agent", "TMDA/1.1.12"}})));
    CHECK(is_challenge(with({{"From", "noreply@boxbe.com"}})));
    CHECK_FALSE(is_challenge(with({{"From", "f@example.com"}, {"X-Delivery-Agent", "other"}})));
    CHECK_FALSE(is_challenge(with({{"From", "f@example.com"}, {"Subject", "Out of Office"}})));
}

TEST_CASE("a challenge's recipients: those of its DSN part, else the address that answered") {
    Collect bluebottle;
    CHECK(extract_challenge(
              with({{"From", "f@example.com"}, {"X-Bluebottle-Request", "<1>"}}), bluebottle) ==
          1);
    CHECK(bluebottle.lines() == std::vector<std::string>{"f@example.com challenge reason=vacation"});
    // Boxbe: a DSN whose per-message fields stand in a group without a
    // recipient, then the protected address with Status 4.7.0.
    Collect boxbe;
    CHECK(extract_challenge(
              email({{"From", "noreply@boxbe.com"}},
                    {part("text/plain", "Your message has been waitlisted."),
                     part("message/delivery-status",
                          "Reporting-MTA: dns; boxbe.example\nAction: failed\n\n"
                          "Final-Recipient: rfc822; p@example.com\nDiagnostic-Code: "
                          "X-Boxbe-Notice; Sender not pre-approved\nStatus: 4.7.0\n")}),
              boxbe) == 1);
    CHECK(boxbe.lines() ==
          std::vector<std::string>{"p@example.com challenge status=4.7.0 reason=vacation"});
}

TEST_CASE("the recipient of an auto-reply is the address that answered") {
    Collect sink;
    CHECK(extract_auto_reply(with({{"From", "Fred Somebody <fred@example.com>"},
                                   {"Subject", "Out of Office: turtles"}}),
                             sink) == 1);
    CHECK(sink.lines() == std::vector<std::string>{"fred@example.com autoreply reason=vacation"});
    CHECK(sink.recipients[0].diagnostic == "Out of Office: turtles");
    Collect none;
    extract_auto_reply(with({}), none);
    CHECK(none.lines() == std::vector<std::string>{"- autoreply reason=vacation"});
}

} // namespace
