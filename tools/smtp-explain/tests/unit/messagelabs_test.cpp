// Tests of src/extract/formats/messagelabs.hpp: Symantec MessageLabs notices, read from the
// fixtures of tests/data/bounces/formats/.
#include "extract/formats/messagelabs.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::messagelabs;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("messagelabs: the addresses and the reply after 'Reason:'") {
    CHECK(read_with(messagelabs, "messagelabs.eml") ==
          Lines{
              "bob@example.jp messagelabs failed code=550 reply=5.1.1",
          });
    CHECK(diagnostics(messagelabs, "messagelabs.eml") ==
          Lines{
              "550 5.1.1 <bob@example.jp>... User unknown",
          });
}

TEST_CASE("messagelabs: other formats' bounces are not its own") {
    CHECK_FALSE(messagelabs.recognises(fixture("qmail.eml")));
    CHECK_FALSE(messagelabs.recognises(fixture("exim-no-dsn.eml")));
}

} // namespace
