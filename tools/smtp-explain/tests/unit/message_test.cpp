// Tests of src/extract/message.hpp: the decoded email's lookups.
#include "extract/message.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

namespace {

using smtp_explain::ContentType;
using smtp_explain::DecodedMessage;

ContentType type(std::string name, std::vector<smtp_explain::Parameter> parameters = {}) {
    ContentType out;
    out.type = std::move(name);
    out.parameters = std::move(parameters);
    return out;
}

TEST_CASE("ContentType: type, media and parameters without regard to case") {
    const ContentType report =
        type("multipart/report", {{"report-type", "delivery-status"}, {"boundary", "B"}});
    CHECK(report.is("multipart/report"));
    CHECK(report.is("Multipart/REPORT"));
    CHECK_FALSE(report.is("multipart/mixed"));
    CHECK_FALSE(report.is("multipart/repor"));
    CHECK(report.is_media("multipart"));
    CHECK(report.is_media("MULTIPART"));
    CHECK_FALSE(report.is_media("multi"));
    CHECK_FALSE(report.is_media("text"));
    CHECK(report.parameter("report-type") == "delivery-status");
    CHECK(report.parameter("Report-Type") == "delivery-status");
    CHECK(report.parameter("boundary") == "B");
    CHECK(report.parameter("charset").empty());
    CHECK_FALSE(type("nonsense").is_media("nonsense"));
}

TEST_CASE("ContentType: a part without a Content-Type is text/plain (RFC 2045 section 5.2)") {
    const ContentType plain;
    CHECK(plain.is("text/plain"));
    CHECK(plain.is_media("text"));
}

TEST_CASE("DecodedMessage::header: the first field of that name, in any case") {
    DecodedMessage message;
    message.headers = {{"Received", "from a"}, {"Subject", "first"}, {"subject", "second"}};
    REQUIRE(message.header("SUBJECT") != nullptr);
    CHECK(*message.header("SUBJECT") == "first");
    REQUIRE(message.header("received") != nullptr);
    CHECK(*message.header("received") == "from a");
    CHECK(message.header("From") == nullptr);
    CHECK(message.header("") == nullptr);
}

TEST_CASE("is_original_type: the types that hold the returned message or its header") {
    CHECK(smtp_explain::is_original_type(type("message/rfc822")));
    CHECK(smtp_explain::is_original_type(type("Message/RFC822")));
    CHECK(smtp_explain::is_original_type(type("message/global")));
    CHECK(smtp_explain::is_original_type(type("text/rfc822-headers")));
    CHECK(smtp_explain::is_original_type(type("message/global-headers")));
    CHECK_FALSE(smtp_explain::is_original_type(type("message/delivery-status")));
    CHECK_FALSE(smtp_explain::is_original_type(type("message/feedback-report")));
    CHECK_FALSE(smtp_explain::is_original_type(type("text/plain")));
}

} // namespace
