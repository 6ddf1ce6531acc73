// Tests of src/extract/formats/notes.hpp: the Lotus Notes SMTP MTA's notices, read from the
// fixtures of tests/data/bounces/formats/.
#include "extract/formats/notes.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::notes;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("notes: the words under 'Failure Reasons' and the address after them") {
    CHECK(read_with(notes, "notes.eml") == Lines{
                                               "erin@example.com notes failed reason=userunknown",
                                           });
    CHECK(diagnostics(notes, "notes.eml") == Lines{
                                                 "User not listed in public Name & Address Book",
                                             });
}

TEST_CASE("notes: other formats' bounces are not its own") {
    CHECK_FALSE(notes.recognises(fixture("domino.eml")));
    CHECK_FALSE(notes.recognises(fixture("imail.eml")));
}

} // namespace
