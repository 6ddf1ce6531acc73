// Tests of src/extract/formats/opensmtpd.hpp: OpenSMTPD's notices, read from the fixtures of
// tests/data/bounces/formats/.
#include "extract/formats/opensmtpd.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <smtp/bounce_reason.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace {

using smtp_explain::formats::opensmtpd;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_generated;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("opensmtpd: one line per recipient: a reply, or OpenSMTPD's own words") {
    CHECK(read_with(opensmtpd, "opensmtpd-error.eml") ==
          Lines{
              "bob@example.jp opensmtpd failed code=550 reply=5.1.1",
              "carol@nowhere.example.test opensmtpd failed reason=hostunknown",
          });
    CHECK(diagnostics(opensmtpd, "opensmtpd-error.eml") ==
          Lines{
              "550 5.1.1 <bob@example.jp>: Recipient address rejected: User unknown",
              "Domain does not exist",
          });
}

TEST_CASE("opensmtpd: a warning ('this e-mail', older wording): delayed") {
    CHECK(read_with(opensmtpd, "opensmtpd-warning.eml") ==
          Lines{
              "frank@example.jp opensmtpd delayed code=421 reply=4.3.2",
          });
    CHECK(diagnostics(opensmtpd, "opensmtpd-warning.eml") ==
          Lines{
              "421 4.3.2 Service not available, closing transmission channel",
          });
}

TEST_CASE("opensmtpd: its own words for failures no server answered state the reason") {
    using smtp_explain::testing::email;
    using smtp_explain::testing::extract_with;
    using smtp_explain::testing::part;
    const auto message =
        email({{"From", "Mailer Daemon <MAILER-DAEMON@mail.example.com>"}},
              {part("text/plain", "    This is the MAILER-DAEMON, please DO NOT REPLY to this "
                                  "email.\n\n    An error has occurred while attempting to "
                                  "deliver a message for\n    the following list of "
                                  "recipients:\n\na@example.jp: Network error on destination "
                                  "MXs\nb@example.jp: Envelope expired\nc@example.jp: Domain "
                                  "does not exist\nd@example.jp: Loop detected\n")},
              "text/plain");
    const auto recipients = extract_with(opensmtpd, message);
    REQUIRE(recipients.size() == 4);
    CHECK(recipients[0].reason == smtp::BounceReason::NetworkError);
    CHECK(recipients[1].reason == smtp::BounceReason::Expired);
    CHECK(recipients[2].reason == smtp::BounceReason::HostUnknown);
    CHECK_FALSE(recipients[3].reason); // left to the classifier
    CHECK(recipients[3].diagnostic == "Loop detected");
}

TEST_CASE("opensmtpd: real notices: the reply the DSN part leaves out") {
    // tests/bounces/generated: Debian's OpenSMTPD 6.8 on loopback.
    CHECK(read_generated(opensmtpd, "opensmtpd", "opensmtpd-policy-failed.eml") ==
          Lines{"policy@sink.example.test opensmtpd failed status=5.0.0 code=554 reply=5.7.1"});
    CHECK(read_generated(opensmtpd, "opensmtpd", "opensmtpd-busy-delayed.eml") ==
          Lines{"busy@busy.example.test opensmtpd delayed status=4.0.0 code=421 reply=4.3.2"});
}

TEST_CASE("opensmtpd: other formats' bounces are not its own") {
    CHECK_FALSE(opensmtpd.recognises(fixture("exim-no-dsn.eml")));
    CHECK_FALSE(opensmtpd.recognises(fixture("sendmail-no-dsn.eml")));
}

} // namespace
