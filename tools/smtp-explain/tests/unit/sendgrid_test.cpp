// Tests of src/extract/formats/sendgrid.hpp: SendGrid's notices, read from the fixtures of
// tests/data/bounces/formats/.
#include "extract/formats/sendgrid.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::sendgrid;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::extract_with;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("sendgrid: the fields of the recipient's line: the server, the reply and its stage; the "
          "DSN's status") {
    CHECK(read_with(sendgrid, "sendgrid.eml") ==
          Lines{
              "bob@example.jp sendgrid failed status=5.1.1 code=550 reply=5.1.1 cmd=Rcpt "
              "mta=mx1.example.jp:[192.0.2.153]",
          });
    CHECK(diagnostics(sendgrid, "sendgrid.eml") ==
          Lines{
              "550 5.1.1 <bob@example.jp>: Recipient address rejected: User unknown",
          });
}

TEST_CASE("sendgrid: the DSN part adds the Original-Recipient") {
    const auto recipients = extract_with(sendgrid, fixture("sendgrid.eml"));
    REQUIRE(recipients.size() == 1);
    CHECK(recipients[0].original_recipient == "bob@example.jp");
}

TEST_CASE("sendgrid: other formats' bounces are not its own") {
    CHECK_FALSE(sendgrid.recognises(fixture("postfix-no-dsn.eml")));
    CHECK_FALSE(sendgrid.recognises(fixture("sendmail-no-dsn.eml")));
}

} // namespace
