// Tests of src/extract/formats/zoho.hpp: Zoho Mail's notices, read from the fixtures of
// tests/data/bounces/formats/.
#include "extract/formats/zoho.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::zoho;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("zoho: the address, its verdict (Invalid Address) and the reply from its two ERROR_CODE fields") {
    CHECK(read_with(zoho, "zoho.eml") == Lines{
                                             "bob@example.jp zoho failed code=550 reply=5.1.1 reason=userunknown",
                                         });
    CHECK(diagnostics(zoho, "zoho.eml") ==
          Lines{
              "550 5.1.1 <bob@example.jp>: Recipient address rejected: User unknown",
          });
}

TEST_CASE("zoho: other formats' bounces are not its own") {
    CHECK_FALSE(zoho.recognises(fixture("exim-no-dsn.eml")));
    CHECK_FALSE(zoho.recognises(fixture("gmx.eml")));
}

} // namespace
