// Tests of src/extract/formats/dragonfly.hpp: the DragonFly Mail Agent's
// notices, read from the fixtures of tests/data/bounces/formats/.
#include "extract/formats/dragonfly.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <smtp/bounce_reason.hpp>
#include <smtp/command.hpp>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::dragonfly;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::email;
using smtp_explain::testing::extract_with;
using smtp_explain::testing::fixture;
using smtp_explain::testing::part;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

// A dma notice, in one text part as dma writes it, about `address` for
// `reason`, with the returned header after "Message headers follow.".
smtp_explain::DecodedMessage notice(const std::string& address, const std::string& reason) {
    return email({{"From", "MAILER-DAEMON <>"}, {"Subject", "Mail delivery failed"}},
                 {part("text/plain",
                       "This is the DragonFly Mail Agent v0.13 at host.example.com.\n\n"
                       "There was an error delivering your mail to <" +
                           address + ">.\n\n" + reason +
                           "\n\nMessage headers follow.\n\nReceived: from root (uid 0)\n"
                           "Subject: 550 5.1.1 in the original\nTo: <" +
                           address + ">\n")},
                 "text/plain");
}

TEST_CASE("dragonfly: the server's reply after 'did not like our RCPT TO:', its server and "
          "command") {
    CHECK(read_with(dragonfly, "dragonfly-rcpt.eml") ==
          Lines{"bob@example.jp dragonfly failed code=550 reply=5.1.1 cmd=Rcpt "
                "mta=mx1.example.jp"});
    // The returned header's subject ("452 4.2.2 over quota") and its other
    // recipient are the original's, not the notice's.
    CHECK(diagnostics(dragonfly, "dragonfly-rcpt.eml") ==
          Lines{"550 5.1.1 <bob@example.jp>: Recipient address rejected: User unknown in virtual "
                "mailbox table"});
}

TEST_CASE("dragonfly: a multiline reply at the end of the data, a blank line between its lines") {
    CHECK(read_with(dragonfly, "dragonfly-data-multiline.eml") ==
          Lines{"dave@example.net dragonfly failed code=550 reply=5.7.1 cmd=DataEnd "
                "mta=in.example.net"});
    CHECK(diagnostics(dragonfly, "dragonfly-data-multiline.eml") ==
          Lines{"550 5.7.1 Message rejected: the sending domain example.org publishes a DMARC "
                "policy of reject and this message failed its checks. See "
                "https://postmaster.example.net/dmarc for details"});
}

TEST_CASE("dragonfly: dma's own words for a failure no server answered state the reason") {
    CHECK(read_with(dragonfly, "dragonfly-dns.eml") ==
          Lines{"grace@nowhere.example.test dragonfly failed reason=hostunknown"});
    CHECK(diagnostics(dragonfly, "dragonfly-dns.eml") ==
          Lines{"DNS lookup failure: host nowhere.example.test not found"});

    const auto expired = extract_with(
        dragonfly, notice("heidi@example.jp",
                          "Could not deliver for the last 432000 seconds. Giving up."));
    REQUIRE(expired.size() == 1);
    CHECK(expired[0].recipient == "heidi@example.jp");
    CHECK(expired[0].reason == smtp::BounceReason::Expired);
    CHECK(expired[0].code == 0);

    // Words of dma's that state no reason are left to the classifier.
    const auto other = extract_with(dragonfly, notice("ivan@example.jp", "corrupted queue file"));
    REQUIRE(other.size() == 1);
    CHECK_FALSE(other[0].reason);
    CHECK(other[0].diagnostic == "corrupted queue file");
}

TEST_CASE("dragonfly: a server that refused the connection: its greeting") {
    const auto refused = extract_with(
        dragonfly, notice("judy@example.net", "mx.example.net [203.0.113.9] did not like our "
                                              "connect:\n554 5.7.1 Service unavailable; client "
                                              "host blocked"));
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].code == 554);
    CHECK(refused[0].command == smtp::Command::Greeting);
    CHECK(refused[0].remote_mta == "mx.example.net");
}

TEST_CASE("dragonfly: other formats' bounces are not its own, and its banner alone is no notice") {
    CHECK_FALSE(dragonfly.recognises(fixture("opensmtpd-error.eml")));
    CHECK_FALSE(dragonfly.recognises(fixture("exim-no-dsn.eml")));
    CHECK_FALSE(dragonfly.recognises(
        email({}, {part("text/plain", "This is the DragonFly Mail Agent v0.13 at a.example.\n")},
              "text/plain")));
    // Its sentences inside a returned original are no notice either.
    auto message = fixture("dragonfly-rcpt.eml");
    for (auto& each : message.parts) {
        each.in_original = true;
    }
    CHECK_FALSE(dragonfly.recognises(message));
}

} // namespace
