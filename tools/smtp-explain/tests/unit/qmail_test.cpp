// Tests of src/extract/formats/qmail.hpp: qmail-send's bounce format (QSBMF), read from the
// fixtures of tests/data/bounces/formats/.
#include "extract/formats/qmail.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::qmail;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("qmail: each '<a@b>:' paragraph: the remote reply and the stage, qmail's own status") {
    CHECK(read_with(qmail, "qmail.eml") ==
          Lines{
              "bob@example.jp qmail failed code=550 reply=5.1.1 cmd=Rcpt mta=192.0.2.153",
              "carol@example.net qmail failed code=552 reply=5.3.4 cmd=DataEnd mta=198.51.100.7",
              "dave@nowhere.example.test qmail failed status=5.1.2",
              "erin@example.org qmail failed status=4.4.1",
          });
    CHECK(diagnostics(qmail, "qmail.eml") ==
          Lines{
              "550 5.1.1 <bob@example.jp>... User unknown",
              "552 5.3.4 Message too big for this mailbox",
              "Sorry, I couldn't find any host named nowhere.example.test. (#5.1.2)",
              "Sorry, I wasn't able to establish an SMTP connection. (#4.4.1) I'm not going to try "
              "again; this message has been in the queue too long.",
          });
}

TEST_CASE("qmail: other formats' bounces are not its own") {
    CHECK_FALSE(qmail.recognises(fixture("yahoo.eml")));
    CHECK_FALSE(qmail.recognises(fixture("exim-no-dsn.eml")));
    CHECK_FALSE(qmail.recognises(fixture("opensmtpd-error.eml")));
}

} // namespace
