// Tests of src/extract/formats/yahoo.hpp: Yahoo's bounces, read from the fixtures of
// tests/data/bounces/formats/.
#include "extract/formats/yahoo.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::yahoo;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("yahoo: qmail's paragraphs, the bracketed tag names the stage") {
    CHECK(read_with(yahoo, "yahoo.eml") ==
          Lines{
              "bob@example.jp yahoo failed code=550 reply=5.1.1 cmd=Rcpt",
              "carol@example.net yahoo failed code=554 reply=5.7.1 cmd=DataEnd",
          });
    CHECK(diagnostics(yahoo, "yahoo.eml") ==
          Lines{
              "550 5.1.1 <bob@example.jp>: Recipient address rejected: User unknown in virtual "
              "alias table",
              "554 5.7.1 Message rejected because of its content",
          });
}

TEST_CASE("yahoo: other formats' bounces are not its own") {
    CHECK_FALSE(yahoo.recognises(fixture("qmail.eml")));
    CHECK_FALSE(yahoo.recognises(fixture("gmail.eml")));
}

} // namespace
