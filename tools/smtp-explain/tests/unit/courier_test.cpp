// Tests of src/extract/formats/courier.hpp: the Courier mail server's notices, read from the
// fixtures of tests/data/bounces/formats/.
#include "extract/formats/courier.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::courier;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("courier: each recipient's server, session and reply, joined with the DSN's action and "
          "status") {
    CHECK(read_with(courier, "courier.eml") ==
          Lines{
              "bob@example.jp courier failed status=5.0.0 code=550 reply=5.1.1 cmd=Rcpt "
              "mta=mx1.example.jp [192.0.2.153]",
              "carol@nowhere.example.test courier failed status=5.0.0 reason=hostunknown",
          });
    CHECK(diagnostics(courier, "courier.eml") == Lines{
                                                     "550 5.1.1 <bob@example.jp>... User unknown",
                                                     "No such domain.",
                                                 });
}

TEST_CASE("courier: other formats' bounces are not its own") {
    CHECK_FALSE(courier.recognises(fixture("sendmail-no-dsn.eml")));
    CHECK_FALSE(courier.recognises(fixture("au-ezweb.eml")));
    CHECK_FALSE(courier.recognises(fixture("postfix-no-dsn.eml")));
}

} // namespace
