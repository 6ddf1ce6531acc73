// Tests of src/extract/formats/mcafee.hpp: McAfee's notices, read from the fixtures of
// tests/data/bounces/formats/.
#include "extract/formats/mcafee.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::mcafee;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("mcafee: the address and the words in parentheses after it") {
    CHECK(read_with(mcafee, "mcafee.eml") == Lines{
                                                 "bob@example.jp mcafee failed",
                                             });
    CHECK(diagnostics(mcafee, "mcafee.eml") == Lines{
                                                   "Unknown user bob@example.jp",
                                               });
}

TEST_CASE("mcafee: other formats' bounces are not its own") {
    CHECK_FALSE(mcafee.recognises(fixture("sendmail-no-dsn.eml")));
    CHECK_FALSE(mcafee.recognises(fixture("qmail.eml")));
}

} // namespace
