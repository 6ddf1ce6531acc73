// Tests of src/web/web_api.hpp: the C interface the page calls, compiled
// natively; the same calls from the page are in web/tests/.
#include "web/web_api.hpp"

#include "explain.hpp"

#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

using smtp_explain::Format;
using smtp_explain::Input;
using smtp_explain::Options;

std::string paste(std::string_view text, const char* format = "text", const char* command = "",
                  const char* source = "pasted text") {
    const char* report = smtp_explain_paste(text.data(), text.size(), source, format, command);
    REQUIRE(report != nullptr);
    REQUIRE(std::strlen(report) == smtp_explain_report_size());
    return std::string(report, smtp_explain_report_size());
}

std::string program(const std::vector<Input>& inputs, Format format = Format::Text) {
    Options options;
    options.format = format;
    return smtp_explain::explain(options, inputs).report;
}

TEST_CASE("pasted text: the program's report on the same bytes, in each format") {
    const std::string_view text = "550-5.1.1 No such user\r\n550 5.1.1 here\r\n";
    CHECK(paste(text) == program({{Input::Kind::Text, text, "pasted text"}}));
    CHECK(paste(text, "brief") == program({{Input::Kind::Text, text, "pasted text"}}, Format::Brief));
    CHECK(paste(text, "json", "", "x.txt") ==
          program({{Input::Kind::Text, text, "x.txt"}}, Format::Json));
    CHECK(smtp_explain_report_ok() == 1);
    CHECK(paste(text, "text", "", "").find("reply at pasted text line 1") != std::string::npos);
}

TEST_CASE("a single word pasted is an argument, as on the command line") {
    CHECK(paste("  550\n") == program({{Input::Kind::Argument, "550"}}));
    CHECK(paste("5.7.1", "brief").rfind("5.7.1 Delivery not authorized", 0) == 0);
    CHECK(paste("MailboxBsy", "json").find("\"kind\":\"invalid_argument\"") != std::string::npos);
    CHECK(smtp_explain_report_ok() == 0);
    // Text with a blank in it is replies, also on one line.
    CHECK(paste("250 ok", "brief").rfind("pasted text:1: 250 Ok, Proceed", 0) == 0);
    CHECK(smtp_explain_report_ok() == 1);
}

TEST_CASE("--command, and what is refused: an unknown format or command") {
    CHECK(paste("552 too many recipients\n", "brief", "rcpt").find("Retry (answers RCPT TO)") !=
          std::string::npos);
    const std::string_view text = "250 ok";
    CHECK(smtp_explain_paste(text.data(), text.size(), "x", "yaml", "") == nullptr);
    CHECK(smtp_explain_report_ok() == 0);
    CHECK(smtp_explain_report_size() == 0);
    CHECK(smtp_explain_paste(text.data(), text.size(), "x", "text", "bogus") == nullptr);
    CHECK(smtp_explain_paste(text.data(), text.size(), "x", nullptr, "") == nullptr);
}

TEST_CASE("the version, as --version prints it") {
    CHECK(std::string(smtp_explain_version("text")) == smtp_explain::version_text(Format::Text));
    CHECK(std::string(smtp_explain_version("json")) == smtp_explain::version_text(Format::Json));
    CHECK(smtp_explain_version("brief") == nullptr);
}

void put_header(std::string_view name, std::string_view value) {
    smtp_explain_message_header(name.data(), name.size(), value.data(), value.size());
}

void put_part(std::string_view type, std::string_view text, bool in_original) {
    smtp_explain_message_part(type.data(), type.size(), text.data(), text.size(),
                              in_original ? 1 : 0);
}

TEST_CASE("an email handed over in parts is explained as the program explains it") {
    smtp_explain_message_begin();
    put_header("Subject", "Undelivered Mail Returned to Sender");
    const std::string_view type = "multipart/report";
    smtp_explain_message_type(type.data(), type.size());
    const std::string_view name = "report-type";
    const std::string_view value = "delivery-status";
    smtp_explain_message_parameter(name.data(), name.size(), value.data(), value.size());
    put_part("text/plain", "<a@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1\n"
                           "    No such user (in reply to RCPT TO command)\n", false);
    put_part("message/delivery-status", "Final-Recipient: rfc822; a@example.net\n"
                                        "Action: failed\nStatus: 5.1.1\n", false);
    put_part("message/rfc822", "Subject: hello\n", true);
    put_part("text/plain", "550 5.7.1 quoted in the original's body\n", true);
    const char* report = smtp_explain_message("bounce.eml", "json", "");
    REQUIRE(report != nullptr);
    const std::string json(report);
    CHECK(json.find("\"source\":\"bounce.eml\"") != std::string::npos);
    CHECK(json.find("{\"kind\":\"bounce\",\"source\":\"bounce.eml\",\"recipient\":"
                    "\"a@example.net\",\"status\":\"5.1.1\"") != std::string::npos);
    CHECK(json.find("\"hard\":true") != std::string::npos);
    // Nothing inside the returned original is judged.
    CHECK(json.find("5.7.1") == std::string::npos);
    CHECK(smtp_explain_report_ok() == 1);

    // begin() starts afresh: an email with nothing outside the original.
    smtp_explain_message_begin();
    put_part("message/rfc822", "Subject: 550 5.1.1 x\n", true);
    REQUIRE(smtp_explain_message("e.eml", "text", "") != nullptr);
    CHECK(smtp_explain_looks_like_email("Subject: x\n", 11) == 1);
    CHECK(smtp_explain_looks_like_email("550 5.1.1 x\n", 12) == 0);
    CHECK(std::string(smtp_explain_message("e.eml", "text", "")).find("no bounce found in e.eml") !=
          std::string::npos);
    CHECK(smtp_explain_report_ok() == 0);
    CHECK(smtp_explain_message("e.eml", "html", "") == nullptr);
}

} // namespace
