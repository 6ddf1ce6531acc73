// Tests of src/extract/formats/gmail.hpp: Gmail's bounces, read from the fixtures of
// tests/data/bounces/formats/.
#include "extract/formats/gmail.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::gmail;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("gmail: before 2016: the recipient under 'failed permanently', the multiline reply and "
          "the server") {
    CHECK(read_with(gmail, "gmail-legacy.eml") ==
          Lines{
              "bob@example.jp gmail failed code=550 reply=5.1.1 mta=mx1.example.jp [192.0.2.153]",
          });
    CHECK(diagnostics(gmail, "gmail-legacy.eml") ==
          Lines{
              "550 5.1.1 <bob@example.jp>: Recipient address rejected: User unknown in virtual "
              "mailbox table",
          });
}

TEST_CASE(
    "gmail: a delay: the code Gmail writes twice and its '(state 14)' are no part of the reply") {
    CHECK(read_with(gmail, "gmail-delayed-legacy.eml") ==
          Lines{
              "frank@example.jp gmail delayed code=452 reply=4.2.2",
          });
    CHECK(diagnostics(gmail, "gmail-delayed-legacy.eml") ==
          Lines{
              "452 4.2.2 <frank@example.jp>... Mailbox full",
          });
}

TEST_CASE("gmail: since 2016: 'Your message wasn't delivered to a@b' and 'The response from the "
          "remote server was:'") {
    CHECK(read_with(gmail, "gmail.eml") ==
          Lines{
              "carol@example.net gmail failed code=550 reply=5.1.1 reason=userunknown",
          });
    CHECK(diagnostics(gmail, "gmail.eml") == Lines{
                                                 "550 5.1.1 <carol@example.net>: Recipient address "
                                                 "rejected: User unknown in local recipient table",
                                             });
}

TEST_CASE("gmail: Gmail's own words when no server answered") {
    CHECK(read_with(gmail, "gmail-dns.eml") ==
          Lines{
              "dave@nowhere.example.test gmail failed reason=hostunknown",
          });
    CHECK(diagnostics(gmail, "gmail-dns.eml") ==
          Lines{
              "DNS Error: 2460411 DNS type 'mx' lookup of nowhere.example.test responded with code "
              "NXDOMAIN Domain name not found: nowhere.example.test",
          });
}

TEST_CASE("gmail: the response's own words decide over Gmail's sentence: a null MX") {
    // "couldn't be found", but the DNS answer was a null MX (RFC 7505): the
    // reason is left to the reply's words, which say NotAccept.
    CHECK(read_with(gmail, "gmail-null-mx.eml") ==
          Lines{
              "erin@nullmx.example.test gmail failed",
          });
}

TEST_CASE("gmail: no server took the connection: expired, whether Gmail gave up or still "
          "tries") {
    CHECK(read_with(gmail, "gmail-no-connection-legacy.eml") ==
          Lines{
              "gina@mx-down.example.jp gmail failed reason=expired",
          });
    CHECK(read_with(gmail, "gmail-no-connection-delayed-legacy.eml") ==
          Lines{
              "hank@mx-down.example.jp gmail delayed reason=expired",
          });
}

TEST_CASE("gmail: 'Send mail as' refused (help topic CustomFromDenied): the sender is refused, the "
          "recipient of X-Failed-Recipients, the text names none") {
    CHECK(read_with(gmail, "gmail-custom-from.eml") ==
          Lines{"team@example.org gmail failed status=5.0.0 reason=rejected"});
    CHECK(diagnostics(gmail, "gmail-custom-from.eml") ==
          Lines{"Unspecified Error (SENT_SECOND_EHLO): Smtp server does not advertise AUTH "
                "capability"});
}

TEST_CASE("gmail: other formats' bounces are not its own") {
    CHECK_FALSE(gmail.recognises(fixture("exim-no-dsn.eml")));
    CHECK_FALSE(gmail.recognises(fixture("yahoo.eml")));
    CHECK_FALSE(gmail.recognises(fixture("office365.eml")));
}

} // namespace
