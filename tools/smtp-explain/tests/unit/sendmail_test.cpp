// Tests of src/extract/formats/sendmail.hpp: Sendmail's notices without a DSN part, read from the
// fixtures of tests/data/bounces/formats/.
#include "extract/formats/sendmail.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

using smtp_explain::formats::sendmail;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_generated;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE(
    "sendmail: each address with the transcript's exchange: RCPT for one, DATA for the other") {
    CHECK(read_with(sendmail, "sendmail-no-dsn.eml") ==
          Lines{
              "bob@example.jp sendmail failed code=550 reply=5.1.1 cmd=Rcpt mta=mx1.example.jp",
              "carol@example.net sendmail failed code=554 reply=5.7.1 cmd=Data mta=mx.example.net",
          });
    CHECK(diagnostics(sendmail, "sendmail-no-dsn.eml") ==
          Lines{
              "550 5.1.1 <bob@example.jp>... User unknown",
              "554 5.7.1 Message rejected as spam",
          });
}

TEST_CASE("sendmail: a pipelined RCPT TO's reply, shown after DATA, is the recipient's") {
    // Sendmail shows only the last command it pipelined, DATA; its own
    // "<a@b>... User unknown" after the first reply says which recipient
    // that reply refused, at RCPT TO.
    CHECK(read_with(sendmail, "sendmail-pipelined.eml") ==
          Lines{"dave@example.net sendmail failed code=550 reply=5.5.0 cmd=Rcpt mta=mx.example.net"});
    CHECK(diagnostics(sendmail, "sendmail-pipelined.eml") ==
          Lines{"550 5.5.0 Invalid recipient"});
}

TEST_CASE("sendmail: a warning names its recipient in the transcript only: delayed") {
    CHECK(read_with(sendmail, "sendmail-warning.eml") ==
          Lines{
              "frank@example.jp sendmail delayed code=452 reply=4.2.2 cmd=Rcpt mta=mx1.example.jp",
          });
    CHECK(diagnostics(sendmail, "sendmail-warning.eml") ==
          Lines{
              "452 4.2.2 <frank@example.jp>... Mailbox full",
          });
}

TEST_CASE("sendmail: real notices with a DSN part: the transcript's exchange, the DSN's action "
          "and status") {
    // tests/bounces/generated: Debian's Sendmail 8.17 on loopback.
    CHECK(read_generated(sendmail, "sendmail", "sendmail-busy-delayed.eml") ==
          Lines{"busy@busy.example.test sendmail delayed status=4.0.0 code=421 reply=4.3.2 "
                "cmd=Rcpt mta=[127.0.0.11]"});
    CHECK(read_generated(sendmail, "sendmail", "sendmail-policy-failed.eml") ==
          Lines{"policy@sink.example.test sendmail failed status=5.0.0 code=554 reply=5.7.1 "
                "cmd=Rcpt mta=[127.0.0.1]"});
    CHECK(read_generated(sendmail, "sendmail", "sendmail-spam-failed.eml") ==
          Lines{"spam@sink.example.test sendmail failed status=5.2.0 code=550 reply=5.7.1 "
                "cmd=Data mta=[127.0.0.1]"});
}

TEST_CASE("sendmail: other formats' bounces are not its own") {
    CHECK_FALSE(sendmail.recognises(fixture("courier.eml")));
    CHECK_FALSE(sendmail.recognises(fixture("au-ezweb.eml")));
    CHECK_FALSE(sendmail.recognises(fixture("postfix-no-dsn.eml")));
}

} // namespace
