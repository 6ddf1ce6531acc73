// Tests of src/extract/formats/ezweb.hpp: au (KDDI) EZweb notices, read from the fixtures of
// tests/data/bounces/formats/.
#include "extract/formats/ezweb.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::ezweb;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("ezweb: ISO-2022-JP decoded: the recipient, the command of the session and the reply") {
    CHECK(read_with(ezweb, "au-ezweb.eml") == Lines{
                                                  "bob@example.jp ezweb failed code=550 cmd=Rcpt",
                                              });
    CHECK(diagnostics(ezweb, "au-ezweb.eml") == Lines{
                                                    "550 <bob@example.jp>: User unknown",
                                                });
}

TEST_CASE("ezweb: an account au disabled, each address alone or with the reply after it") {
    using smtp_explain::testing::email;
    using smtp_explain::testing::extract_with;
    using smtp_explain::testing::part;
    const auto message =
        email({{"From", "Postmaster@ezweb.ne.jp"}},
              {part("text/plain",
                    "The user(s) account is disabled.\n\n<a@ezweb.example.jp>: 550 user unknown "
                    "(in reply to RCPT TO command)\n<b@ezweb.example.jp>\nnot <an address>\n"
                    "---------------------------------------------------\n<c@example.jp>\n")},
              "text/plain");
    const auto recipients = extract_with(ezweb, message);
    std::vector<std::string> lines;
    for (const auto& recipient : recipients) {
        lines.push_back(smtp_explain::testing::describe(recipient));
    }
    CHECK(lines == Lines{"a@ezweb.example.jp ezweb failed code=550 cmd=Rcpt reason=suspend",
                         "b@ezweb.example.jp ezweb failed reason=suspend"});
    REQUIRE(recipients.size() == 2);
    CHECK(recipients[0].diagnostic == "550 user unknown");
    CHECK(recipients[1].diagnostic == "The user(s) account is disabled.");
}

TEST_CASE("ezweb: other formats' bounces are not its own") {
    CHECK_FALSE(ezweb.recognises(fixture("kddi.eml")));
    CHECK_FALSE(ezweb.recognises(fixture("sendmail-no-dsn.eml")));
    CHECK_FALSE(ezweb.recognises(fixture("courier.eml")));
}

} // namespace
