// Tests of src/extract/formats/messagingserver.hpp: Sun / Oracle Messaging Server's notices, read
// from the fixtures of tests/data/bounces/formats/.
#include "extract/formats/messagingserver.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::messagingserver;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("messagingserver: each 'Recipient address:' block: the reply in 'Diagnostic code:', the "
          "host of 'Remote system:'") {
    CHECK(read_with(messagingserver, "messagingserver.eml") ==
          Lines{
              "bob@example.jp messagingserver failed code=550 reply=5.1.1 mta=mx1.example.jp",
              "carol@example.jp messagingserver failed code=552 reply=5.2.2 mta=mx1.example.jp",
          });
    CHECK(diagnostics(messagingserver, "messagingserver.eml") ==
          Lines{
              "550 5.1.1 <bob@example.jp>... User unknown",
              "552 5.2.2 <carol@example.jp>... Mailbox full",
          });
}

TEST_CASE("messagingserver: 'Original address:' is the recipient the sender wrote; the DSN's "
          "Status joins it") {
    CHECK(read_with(messagingserver, "pmdf.eml") ==
          Lines{
              "jane.doe@example.org messagingserver failed status=5.2.2",
              "kim@example.org messagingserver failed status=5.2.2",
          });
    CHECK(diagnostics(messagingserver, "pmdf.eml") ==
          Lines{"recipient reached disk quota", "recipient reached disk quota"});
}

TEST_CASE("messagingserver: other formats' bounces are not its own") {
    CHECK_FALSE(messagingserver.recognises(fixture("sendmail-no-dsn.eml")));
    CHECK_FALSE(messagingserver.recognises(fixture("exchange2007.eml")));
}

} // namespace
