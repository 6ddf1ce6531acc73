// Tests of src/extract/formats/exchange2007.hpp: the notices of Exchange 2007 and later, Exchange
// Online and Office 365, read from the fixtures of tests/data/bounces/formats/.
#include "extract/formats/exchange2007.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::exchange2007;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("exchange2007: the administrators' section: Exchange's own '#550 5.1.1 ... ##' and a "
          "remote server's") {
    CHECK(read_with(exchange2007, "exchange2007.eml") ==
          Lines{
              "bob@example.jp exchange2007 failed code=550 reply=5.1.1",
              "carol@example.net exchange2007 failed code=552 reply=5.2.2 mta=mx.example.net",
          });
    CHECK(diagnostics(exchange2007, "exchange2007.eml") ==
          Lines{
              "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found",
              "552 5.2.2 mailbox full",
          });
}

TEST_CASE("exchange2007: '#< #5.0.0 smtp; 554 5.7.1 ...> #SMTP#': Exchange's status, the remote "
          "reply and server") {
    CHECK(read_with(exchange2007, "exchange2010.eml") ==
          Lines{
              "bob@example.jp exchange2007 failed status=5.0.0 code=554 reply=5.7.1 "
              "mta=mx1.example.jp",
          });
    CHECK(diagnostics(exchange2007, "exchange2010.eml") ==
          Lines{
              "554 5.7.1 <bob@example.jp>: Relay access denied",
          });
}

TEST_CASE("exchange2007: \"Remote Server returned '550 5.1.10 ...'\"") {
    CHECK(read_with(exchange2007, "office365.eml") ==
          Lines{
              "bob@example.jp exchange2007 failed code=550 reply=5.1.10",
          });
    CHECK(
        diagnostics(exchange2007, "office365.eml") ==
        Lines{
            "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
        });
}

TEST_CASE("exchange2007: other formats' bounces are not its own") {
    CHECK_FALSE(exchange2007.recognises(fixture("exchange2003.eml")));
    CHECK_FALSE(exchange2007.recognises(fixture("exim-no-dsn.eml")));
    CHECK_FALSE(exchange2007.recognises(fixture("gmail.eml")));
}

} // namespace
