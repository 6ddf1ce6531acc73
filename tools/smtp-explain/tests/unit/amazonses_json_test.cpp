// Tests of src/extract/formats/amazonses_json.hpp: Amazon SES notifications in JSON, bare or in
// their SNS envelope, read from the fixtures of tests/data/bounces/formats/.
#include "extract/formats/amazonses_json.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::formats::amazonses_json;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

TEST_CASE("amazonses_json: a Permanent bounce: each bounced recipient with its status, "
          "diagnosticCode and the remote MTA") {
    CHECK(read_with(amazonses_json, "amazonses-bounce.eml") ==
          Lines{
              "bob@example.jp amazonses_json failed status=5.1.1 code=550 reply=5.1.1 "
              "mta=192.0.2.153",
              "carol@example.net amazonses_json failed status=5.0.0 code=554 reply=5.7.1 "
              "mta=192.0.2.153",
          });
    CHECK(diagnostics(amazonses_json, "amazonses-bounce.eml") ==
          Lines{
              "550 5.1.1 <bob@example.jp>: Recipient address rejected: User unknown",
              "554 5.7.1 Message rejected",
          });
}

TEST_CASE("amazonses_json: the notification as the SNS envelope's Message string; a Transient "
          "MailboxFull bounce is delayed and says its reason") {
    CHECK(read_with(amazonses_json, "amazonses-sns-transient.eml") ==
          Lines{
              "frank@example.jp amazonses_json delayed status=4.2.2 code=452 reply=4.2.2 "
              "reason=mailboxfull",
          });
    CHECK(diagnostics(amazonses_json, "amazonses-sns-transient.eml") ==
          Lines{
              "452 4.2.2 <frank@example.jp>: Mailbox full",
          });
}

TEST_CASE("amazonses_json: a complaint is a feedback report, whose long line SNS broke with '!', a "
          "line break and a space") {
    CHECK(read_with(amazonses_json, "amazonses-complaint.eml") ==
          Lines{
              "gina@example.org amazonses_json reason=feedback",
          });
    CHECK(diagnostics(amazonses_json, "amazonses-complaint.eml") == Lines{
                                                                        "",
                                                                    });
}

TEST_CASE("amazonses_json: a delivery notification: delivered, with the remote server's reply") {
    CHECK(read_with(amazonses_json, "amazonses-delivery.eml") ==
          Lines{
              "henry@example.com amazonses_json delivered code=250 reply=2.0.0 mta=192.0.2.26 "
              "reason=delivered",
          });
    CHECK(diagnostics(amazonses_json, "amazonses-delivery.eml") ==
          Lines{
              "250 2.0.0 OK 1773824827 a1b2c3d4e5f6-gsmtp",
          });
}

namespace json_cases {

smtp_explain::DecodedMessage notification(std::string json) {
    return smtp_explain::testing::email(
        {{"From", "AWS Notifications <no-reply@sns.amazonaws.com>"}},
        {smtp_explain::testing::part("text/plain", std::move(json))}, "text/plain");
}

std::vector<std::string> read(std::string json) {
    std::vector<std::string> out;
    for (const auto& recipient :
         smtp_explain::testing::extract_with(amazonses_json, notification(std::move(json)))) {
        out.push_back(smtp_explain::testing::describe(recipient));
    }
    return out;
}

} // namespace json_cases

TEST_CASE("amazonses_json: event publishing's DeliveryDelay, the subtypes that state a reason, "
          "and what is no notification") {
    using json_cases::notification;
    using json_cases::read;
    CHECK(read(R"({"eventType":"DeliveryDelay","mail":{},"deliveryDelay":{"delayType":)"
               R"("MailboxFull","delayedRecipients":[{"emailAddress":"a@example.jp","status":)"
               R"("4.2.2","diagnosticCode":"smtp; 452 4.2.2 Mailbox full"}]}})") ==
          Lines{"a@example.jp amazonses_json delayed status=4.2.2 code=452 reply=4.2.2"});
    CHECK(read(R"({"notificationType":"Bounce","mail":{},"bounce":{"bounceType":"Permanent",)"
               R"("bounceSubType":"NoEmail","bouncedRecipients":[{"emailAddress":"b@example.jp"},)"
               R"({"status":"5.1.1"},{"emailAddress":"c@example.jp","action":"delayed"}]}})") ==
          Lines{"b@example.jp amazonses_json failed reason=userunknown",
                "c@example.jp amazonses_json delayed reason=userunknown"});
    CHECK(read(R"({"notificationType":"Bounce","mail":{},"bounce":{"bounceType":"Transient",)"
               R"("bounceSubType":"MessageTooLarge","bouncedRecipients":[{"emailAddress":)"
               R"("d@example.jp"}]}})") ==
          Lines{"d@example.jp amazonses_json delayed reason=mesgtoobig"});
    // An auto-reply SES could not classify: no recipient, no bounce.
    CHECK(read(R"({"notificationType":"Bounce","mail":{},"bounce":{"bounceType":)"
               R"("Undetermined","bounceSubType":"Undetermined","bouncedRecipients":[]}})")
              .empty());
    CHECK(read(R"({"notificationType":"Bounce","mail":{}})").empty());
    CHECK(read(R"({"notificationType":"Open","mail":{}})").empty());
    CHECK(read(R"({"notificationType":"Bounce","mail":{}, "bounce": [1, 2)").empty());
    CHECK(read(R"({"Type":"Notification","Message":"not json","mail":1})").empty());
    CHECK_FALSE(amazonses_json.recognises(notification("no json {\"mail\": 1}")));
    CHECK_FALSE(amazonses_json.recognises(notification(R"({"mail":{}})")));
}

TEST_CASE("amazonses_json: other formats' bounces are not its own") {
    CHECK_FALSE(amazonses_json.recognises(fixture("amazonses-dsn-text.eml")));
    CHECK_FALSE(amazonses_json.recognises(fixture("exim-no-dsn.eml")));
    CHECK_FALSE(amazonses_json.recognises(fixture("gmail.eml")));
}

} // namespace
