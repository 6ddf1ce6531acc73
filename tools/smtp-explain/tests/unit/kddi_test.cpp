// Tests of src/extract/formats/kddi.hpp: au one net (KDDI) notices, read from the fixtures of
// tests/data/bounces/formats/.
#include "extract/formats/kddi.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::kddi;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("kddi: ISO-2022-JP decoded: the address after 'Could not be delivered to:' and the "
          "reason its words state") {
    CHECK(read_with(kddi, "kddi.eml") == Lines{
                                             "carol@dion.example.jp kddi failed reason=mailboxfull",
                                         });
    CHECK(diagnostics(kddi, "kddi.eml") == Lines{
                                               "As their mailbox is full.",
                                           });
}

TEST_CASE("kddi: other formats' bounces are not its own") {
    CHECK_FALSE(kddi.recognises(fixture("au-ezweb.eml")));
    CHECK_FALSE(kddi.recognises(fixture("imail.eml")));
}

} // namespace
