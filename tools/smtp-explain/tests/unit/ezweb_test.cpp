// Tests of src/extract/formats/ezweb.hpp: au (KDDI) EZweb notices, read from the fixtures of
// tests/data/bounces/formats/.
#include "extract/formats/ezweb.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::ezweb;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("ezweb: ISO-2022-JP decoded: the recipient, the command of the session and the reply") {
    CHECK(read_with(ezweb, "au-ezweb.eml") == Lines{
                                                  "bob@example.jp ezweb failed code=550 cmd=Rcpt",
                                              });
    CHECK(diagnostics(ezweb, "au-ezweb.eml") == Lines{
                                                    "550 <bob@example.jp>: User unknown",
                                                });
}

TEST_CASE("ezweb: other formats' bounces are not its own") {
    CHECK_FALSE(ezweb.recognises(fixture("kddi.eml")));
    CHECK_FALSE(ezweb.recognises(fixture("sendmail-no-dsn.eml")));
    CHECK_FALSE(ezweb.recognises(fixture("courier.eml")));
}

} // namespace
