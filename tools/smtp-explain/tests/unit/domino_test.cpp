// Tests of src/extract/formats/domino.hpp: Lotus (HCL) Domino's delivery failure reports, read
// from the fixtures of tests/data/bounces/formats/.
#include "extract/formats/domino.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::domino;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("domino: the address after 'was not delivered to:', the words after 'because:' state the "
          "reason; the DSN adds its status") {
    CHECK(read_with(domino, "domino.eml") ==
          Lines{
              "bob@example.jp domino failed status=5.0.0 reason=userunknown",
          });
    CHECK(diagnostics(domino, "domino.eml") ==
          Lines{
              "User Bob Example (bob@example.jp) not listed in Domino Directory",
          });
}

TEST_CASE("domino: other formats' bounces are not its own") {
    CHECK_FALSE(domino.recognises(fixture("notes.eml")));
    CHECK_FALSE(domino.recognises(fixture("exchange2003.eml")));
}

} // namespace
