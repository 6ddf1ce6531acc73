// Tests of src/extract/formats/exim.hpp: Exim's bounces and warnings in plain text, and mail.ru's,
// read from the fixtures of tests/data/bounces/formats/.
#include "extract/formats/exim.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

using smtp_explain::formats::exim;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("exim: each address and what happened to it: the reply after RCPT, a multiline reply at "
          "the end of data, Exim's own words") {
    CHECK(read_with(exim, "exim-no-dsn.eml") ==
          Lines{
              "bob@example.jp exim failed code=550 reply=5.1.1 cmd=Rcpt mta=mx1.example.jp "
              "[192.0.2.153]",
              "carol@example.net exim failed code=554 reply=5.7.1 cmd=DataEnd mta=mx.example.net "
              "[198.51.100.7]",
              "nobody@example.com exim failed",
          });
    CHECK(diagnostics(exim, "exim-no-dsn.eml") ==
          Lines{
              "550 5.1.1 <bob@example.jp>: Recipient address rejected: User unknown",
              "554 5.7.1 The message was refused by the content filter. Please remove the "
              "attachment and send it again.",
              "Unrouteable address",
          });
}

TEST_CASE("exim: a warning: the delay reason's reply, delayed") {
    CHECK(read_with(exim, "exim-delayed.eml") ==
          Lines{
              "frank@example.jp exim delayed code=452 reply=4.2.2 cmd=Rcpt mta=mx1.example.jp "
              "[192.0.2.153]",
          });
    CHECK(diagnostics(exim, "exim-delayed.eml") ==
          Lines{
              "452 4.2.2 <frank@example.jp>: mailbox is over quota",
          });
}

TEST_CASE("exim: mail.ru's Russian preface tells the recipient a second time: reported once") {
    CHECK(read_with(exim, "mailru.eml") == Lines{
                                               "bob@example.jp exim failed code=550 reply=5.1.1 "
                                               "cmd=Rcpt mta=mx1.example.jp [192.0.2.153]",
                                           });
    CHECK(diagnostics(exim, "mailru.eml") ==
          Lines{
              "550 5.1.1 <bob@example.jp>: Recipient address rejected: User unknown",
          });
}

TEST_CASE("exim: the notice on malformed addresses: the address in brackets, a syntax error") {
    CHECK(read_with(exim, "exim-malformed.eml") ==
          Lines{"carol@example.jp exim failed reason=syntaxerror"});
    CHECK(diagnostics(exim, "exim-malformed.eml") ==
          Lines{"malformed address: <carol@example.jp> may not follow bob@example.jp"});
}

std::vector<std::string> read_generated(const smtp_explain::BounceFormat& format,
                                        std::string_view mta, std::string_view name) {
    std::vector<std::string> out;
    for (const auto& recipient :
         smtp_explain::testing::extract_with(format, smtp_explain::testing::generated(mta, name))) {
        out.push_back(smtp_explain::testing::describe(recipient));
    }
    return out;
}

TEST_CASE("exim: real notices with a DSN part: the text's reply and stage, the DSN's action") {
    // tests/bounces/generated: Debian's Exim 4.96 on loopback.
    CHECK(read_generated(exim, "exim", "exim-policy-failed.eml") ==
          Lines{"policy@sink.example.test exim failed status=5.0.0 code=554 reply=5.7.1 cmd=Rcpt "
                "mta=127.0.0.1 [127.0.0.1]"});
    CHECK(read_generated(exim, "exim", "exim-busy-delayed.eml") ==
          Lines{"busy@busy.example.test exim delayed status=4.0.0 code=421 reply=4.3.2 cmd=Rcpt "
                "mta=127.0.0.11 [127.0.0.11]"});
}

TEST_CASE("exim: other formats' bounces are not its own") {
    CHECK_FALSE(exim.recognises(fixture("gmx.eml")));
    CHECK_FALSE(exim.recognises(fixture("postfix-no-dsn.eml")));
    CHECK_FALSE(exim.recognises(fixture("qmail.eml")));
}

} // namespace
