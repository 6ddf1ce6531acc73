// Tests of src/extract/formats/amazonses.hpp: Amazon SES's text notices, read from the fixtures of
// tests/data/bounces/formats/.
#include "extract/formats/amazonses.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::amazonses;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("amazonses: SES's status, and the remote reply quoted after its code") {
    CHECK(read_with(amazonses, "amazonses-dsn-text.eml") ==
          Lines{
              "ivan@example.jp amazonses failed status=5.1.0 code=550 reply=5.1.1",
          });
    CHECK(diagnostics(amazonses, "amazonses-dsn-text.eml") ==
          Lines{
              "550 5.1.1 <ivan@example.jp>... User unknown",
          });
}

TEST_CASE("amazonses: other formats' bounces are not its own") {
    CHECK_FALSE(amazonses.recognises(fixture("amazonses-bounce.eml")));
    CHECK_FALSE(amazonses.recognises(fixture("messagelabs.eml")));
}

} // namespace
