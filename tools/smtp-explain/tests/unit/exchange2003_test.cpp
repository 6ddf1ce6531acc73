// Tests of src/extract/formats/exchange2003.hpp: the notices of Exchange 5.5, 2000 and 2003, read
// from the fixtures of tests/data/bounces/formats/.
#include "extract/formats/exchange2003.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::exchange2003;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("exchange2003: each 'a@b on <date>' entry; Exchange's diagnostic words state the reason "
          "(Unknown Recipient, Host Unknown)") {
    CHECK(read_with(exchange2003, "exchange2003.eml") ==
          Lines{
              "bob@example.jp exchange2003 failed reason=userunknown",
              "carol@junk.example.test exchange2003 failed reason=hostunknown",
          });
    CHECK(
        diagnostics(exchange2003, "exchange2003.eml") ==
        Lines{
            "The recipient name is not recognized MSEXCH:IMS:Example:Tokyo:MAIL 0 (000C05A6) "
            "Unknown Recipient",
            "The recipient name is not recognized MSEXCH:IMS:Example:Tokyo:MAIL 3902 Host Unknown",
        });
}

TEST_CASE("exchange2003: the older form: 'The following recipient(s) could not be reached:' and "
          "'Recipient Not Found'") {
    CHECK(read_with(exchange2003, "exchange2000.eml") ==
          Lines{
              "dave@example.org exchange2003 failed reason=userunknown",
          });
    CHECK(diagnostics(exchange2003, "exchange2000.eml") ==
          Lines{
              "Recipient Not Found MSEXCH:IMC:EXAMPLE:NEWYORK:MAIL1",
          });
}

TEST_CASE("exchange2003: a recipient known by its X.400 address, its Internet address a "
          "domain-defined attribute ('dda:SMTP=a@b;')") {
    CHECK(read_with(exchange2003, "exchange55-x400.eml") ==
          Lines{
              "erin@example.com exchange2003 failed reason=userunknown",
          });
}

TEST_CASE("exchange2003: other formats' bounces are not its own") {
    CHECK_FALSE(exchange2003.recognises(fixture("exchange2007.eml")));
    CHECK_FALSE(exchange2003.recognises(fixture("office365.eml")));
    CHECK_FALSE(exchange2003.recognises(fixture("domino.eml")));
}

} // namespace
