// Tests of src/extract/formats/fml.hpp: the notices of the fml mailing list manager, read from
// the fixtures of tests/data/bounces/formats/.
#include "extract/formats/fml.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::fml;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("fml: a post from a non-member is rejected by the list, the quoted post left alone") {
    CHECK(read_with(fml, "fml-not-member.eml") ==
          Lines{"cats@example.org fml failed reason=rejected"});
    CHECK(diagnostics(fml, "fml-not-member.eml") ==
          Lines{"You are not a member of this mailing list <cats@example.org>."});
}

TEST_CASE("fml: a loop alert refuses a post whose Message-ID the list has seen") {
    CHECK(read_with(fml, "fml-loop.eml") ==
          Lines{"dogs@example.com fml failed reason=notcompliantrfc"});
}

TEST_CASE("fml: other formats' bounces are not its own") {
    CHECK_FALSE(fml.recognises(fixture("kddi.eml")));
    CHECK_FALSE(fml.recognises(fixture("sendmail-no-dsn.eml")));
}

} // namespace
