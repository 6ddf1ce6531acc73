// Tests of src/extract/formats/gmx.hpp: GMX's and 1&1's notices, read from the fixtures of
// tests/data/bounces/formats/.
#include "extract/formats/gmx.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::gmx;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("gmx: quoted addresses, the stage, the host and an enhanced code without a reply code") {
    CHECK(read_with(gmx, "gmx.eml") ==
          Lines{
              "bob@example.jp gmx failed status=5.1.1 cmd=Rcpt mta=mx1.example.jp",
              "carol@example.jp gmx failed status=5.2.2 cmd=Rcpt mta=mx1.example.jp",
          });
    CHECK(diagnostics(gmx, "gmx.eml") ==
          Lines{
              "5.1.1 <bob@example.jp>: Recipient address rejected: User unknown",
              "5.2.2 <carol@example.jp>: Mailbox full",
          });
}

TEST_CASE("gmx: 1&1's form, the reason in words after 'For the following reason:'") {
    CHECK(read_with(gmx, "einsundeins.eml") ==
          Lines{"dave@example.org gmx failed reason=mesgtoobig"});
    CHECK(diagnostics(gmx, "einsundeins.eml") ==
          Lines{"Mail size limit exceeded. For explanation visit "
                "https://postmaster.example.de/en/error-messages"});
}

TEST_CASE("gmx: other formats' bounces are not its own") {
    CHECK_FALSE(gmx.recognises(fixture("exim-no-dsn.eml")));
    CHECK_FALSE(gmx.recognises(fixture("mailru.eml")));
}

} // namespace
