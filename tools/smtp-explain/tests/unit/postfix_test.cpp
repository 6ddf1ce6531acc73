// Tests of src/extract/formats/postfix.hpp: Postfix's notices without a DSN part, read from the
// fixtures of tests/data/bounces/formats/.
#include "extract/formats/postfix.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::postfix;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::extract_with;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("postfix: each paragraph: 'said:' with the command, an alias expansion and a connect "
          "timeout, a DNS failure, a reply at the end of DATA") {
    CHECK(read_with(postfix, "postfix-no-dsn.eml") ==
          Lines{
              "bob@example.jp postfix failed code=550 reply=5.1.1 cmd=Rcpt "
              "mta=mx1.example.jp[192.0.2.25]",
              "carol@example.net postfix failed mta=mx.example.net[198.51.100.7]",
              "dave@nowhere.example.test postfix failed",
              "erin@example.org postfix failed code=552 reply=5.3.4 cmd=DataEnd "
              "mta=mail.example.org[203.0.113.9]",
          });
    CHECK(diagnostics(postfix, "postfix-no-dsn.eml") ==
          Lines{
              "550 5.1.1 The mailbox <bob@example.jp> does not exist here. Please check the "
              "address and try again, or ask the recipient for a new one.",
              "connect to mx.example.net[198.51.100.7]:25: Connection timed out",
              "Host or domain name not found. Name service error for name=nowhere.example.test "
              "type=A: Host not found",
              "552 5.3.4 Message size exceeds fixed limit",
          });
}

TEST_CASE("postfix: an alias's expansion gives the address the sender wrote") {
    const auto recipients = extract_with(postfix, fixture("postfix-no-dsn.eml"));
    REQUIRE(recipients.size() == 4);
    CHECK(recipients[0].original_recipient.empty());
    CHECK(recipients[1].original_recipient == "team@example.com");
}

TEST_CASE("postfix: other formats' bounces are not its own") {
    CHECK_FALSE(postfix.recognises(fixture("sendgrid.eml")));
    CHECK_FALSE(postfix.recognises(fixture("exim-no-dsn.eml")));
    CHECK_FALSE(postfix.recognises(fixture("courier.eml")));
}

} // namespace
