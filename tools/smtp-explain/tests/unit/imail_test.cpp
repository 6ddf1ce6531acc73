// Tests of src/extract/formats/imail.hpp: Ipswitch IMail's notices, read from the fixtures of
// tests/data/bounces/formats/.
#include "extract/formats/imail.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::imail;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("imail: 'Unknown user: a@b': the words state the reason") {
    // "Delivery failed 20 attempts": IMail's retries ran out (expired).
    CHECK(read_with(imail, "imail.eml") == Lines{
                                               "bob@example.org imail failed reason=userunknown",
                                               "carol@example.org imail failed reason=expired",
                                           });
    CHECK(diagnostics(imail, "imail.eml") == Lines{
                                                 "Unknown user",
                                                 "Delivery failed 20 attempts",
                                             });
}

TEST_CASE("imail: other formats' bounces are not its own") {
    CHECK_FALSE(imail.recognises(fixture("notes.eml")));
    CHECK_FALSE(imail.recognises(fixture("kddi.eml")));
}

} // namespace
