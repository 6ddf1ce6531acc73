// Tests of src/extract/feedback.hpp: feedback reports (RFC 5965).
#include "extract/feedback.hpp"

#include "support/messages.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using namespace smtp_explain;
using smtp_explain::testing::Collect;
using smtp_explain::testing::email;
using smtp_explain::testing::part;
using Lines = std::vector<std::string>;

Collect read(const DecodedMessage& message) {
    Collect sink;
    const std::size_t count = extract_feedback(message, sink);
    CHECK(count == sink.recipients.size());
    return sink;
}

TEST_CASE("is_feedback_report: the report type or a feedback-report part") {
    CHECK(is_feedback_report(email({}, {part("text/plain", "x")}, "multipart/report",
                                   {{"report-type", "Feedback-Report"}})));
    CHECK(is_feedback_report(
        email({}, {part("message/feedback-report", "Feedback-Type: abuse\n")}, "multipart/mixed")));
    CHECK_FALSE(is_feedback_report(email({}, {part("message/delivery-status", "x")},
                                         "multipart/report", {{"report-type", "delivery-status"}})));
    // One inside the returned original is not this email's.
    CHECK_FALSE(is_feedback_report(email(
        {}, {part("message/feedback-report", "Feedback-Type: abuse\n", true)}, "multipart/mixed")));
}

TEST_CASE("the recipients a report names, each with reason feedback") {
    const Collect sink = read(email(
        {}, {part("text/plain", "This is an abuse report"),
             part("message/feedback-report",
                  "Feedback-Type: abuse\nUser-Agent: x/1.0\nVersion: 1\nOriginal-Rcpt-To: "
                  "a@example.com\nOriginal-Rcpt-To: <b@example.net>\nOriginal-Rcpt-To: "
                  "A@example.com\nRemoval-Recipient: c@example.org\n"),
             part("message/rfc822", "To: d@example.org\n", true)}));
    CHECK(sink.lines() == Lines{"a@example.com arf reason=feedback", "b@example.net arf reason=feedback"});
    CHECK(sink.recipients[0].diagnostic == "abuse");
    CHECK(sink.recipients[0].problems.empty());
}

TEST_CASE("without Original-Rcpt-To: Removal-Recipient, then the reported message's To") {
    CHECK(read(email({}, {part("message/feedback-report",
                               "Feedback-Type: abuse\nRemoval-Recipient: c@example.org\n")}))
              .lines() == Lines{"c@example.org arf reason=feedback"});
    const Collect from_original =
        read(email({}, {part("message/feedback-report", "Feedback-Type: fraud\n"),
                        part("text/rfc822-headers", "From: s@example.com\nTo: <k@example.org>, "
                                                    "m@example.org\nSubject: x\n",
                             true)}));
    CHECK(from_original.lines() ==
          Lines{"k@example.org arf reason=feedback", "m@example.org arf reason=feedback"});
    REQUIRE(from_original.recipients[0].problems.size() == 1);
    CHECK(from_original.recipients[0].problems[0].kind == "recipient_from_original");
    CHECK(from_original.recipients[0].diagnostic == "fraud");
    // Nothing names one: a single report without an address.
    CHECK(read(email({}, {part("message/feedback-report", "Feedback-Type: abuse\n"),
                          part("message/rfc822", "To: \"undisclosed recipients\"\n", true)}))
              .lines() == Lines{"- arf reason=feedback"});
}

} // namespace

TEST_CASE("a Microsoft JMRP complaint: the reported message attached, its recipient stamped on it") {
    const DecodedMessage jmrp = email(
        {}, {part("message/rfc822",
                  "X-HmXmrOriginalRecipient: <k@example.com>\nTo: other@example.org\nSubject: x\n",
                  true),
             part("text/plain", "hello", true)},
        "multipart/mixed");
    CHECK(is_feedback_report(jmrp));
    const Collect sink = read(jmrp);
    CHECK(sink.lines() == Lines{"k@example.com arf reason=feedback"});
    CHECK(sink.recipients[0].problems.empty());
    // A forwarded message without the stamp is no complaint.
    CHECK_FALSE(is_feedback_report(email(
        {}, {part("text/plain", "see below"), part("message/rfc822", "To: k@example.com\n", true)},
        "multipart/mixed")));
}
