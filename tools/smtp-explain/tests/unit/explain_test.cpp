// Tests of src/explain.hpp: the core's entry, as the program and a
// WebAssembly page call it.
#include "explain.hpp"

#include "report/output.hpp"
#include "support/messages.hpp"

#include <doctest/doctest.h>

#include <smtp/bounce_reason.hpp>
#include <smtp/enhanced_status_code.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace {

using smtp_explain::Format;
using smtp_explain::Input;
using smtp_explain::Options;

TEST_CASE("explain: ok exactly when everything was understood") {
    Options options;
    CHECK(smtp_explain::explain(options, {{Input::Kind::Argument, "550"}}).ok);
    CHECK(smtp_explain::explain(options, {{Input::Kind::Argument, "571"}}).ok);
    CHECK_FALSE(smtp_explain::explain(options, {{Input::Kind::Argument, "600"}}).ok);
    CHECK(smtp_explain::explain(options, {{Input::Kind::Text, "250 ok\n"}}).ok);
    CHECK_FALSE(smtp_explain::explain(options, {{Input::Kind::Text, "no reply\n"}}).ok);
    CHECK_FALSE(smtp_explain::explain(options, {{Input::Kind::Text, "S: 250-cut\nC: QUIT\n"}}).ok);
    // The input ends inside the reply: explained from the lines there are.
    CHECK(smtp_explain::explain(options, {{Input::Kind::Text, "250-cut\n"}}).ok);
    // Warnings do not change it.
    CHECK(smtp_explain::explain(options, {{Input::Kind::Text, "450 5.1.1 x\n"}}).ok);
    const smtp_explain::Explained none = smtp_explain::explain(options, {});
    CHECK(none.ok);
    CHECK(none.report.empty());
}

TEST_CASE("explain: inputs in order, text named by its source") {
    Options options;
    options.format = Format::Brief;
    const smtp_explain::Explained result =
        smtp_explain::explain(options, {{Input::Kind::Argument, "5xx"},
                                        {Input::Kind::Text, "250 ok\n"},
                                        {Input::Kind::Text, "451 later\n", "pasted"}});
    CHECK(result.report == "5xx: permanent negative (5yz), Fail\n"
                           "argument:1: 250 Ok, Proceed\n"
                           "pasted:1: 451 LocalErrorInProcessing, Retry\n"
                           "2 replies, 0 warnings; everything understood.\n");
}

TEST_CASE("the options reach the extractors: --command and the parser's limits") {
    Options options;
    options.format = Format::Brief;
    options.command = smtp::Command::Rcpt;
    options.limits.max_line_length = 8;
    const smtp_explain::Explained result =
        smtp_explain::explain(options, {{Input::Kind::Text, "552 ok\n250 far too long\n"}});
    CHECK(result.report.find("552 ExceededStorageAllocation, Retry (answers RCPT TO)") !=
          std::string::npos);
    CHECK(result.report.find("not a valid reply (LineTooLong)") != std::string::npos);
}

TEST_CASE("an input read in pieces gives the report of the whole") {
    const std::string input =
        "S: 220 mx ESMTP\r\nC: EHLO x\r\nS: 250-mx\r\nS: 250 SIZE\r\n"
        "x postfix/smtp[1]: A: to=<a@b>, status=bounced (host mx said: 550 5.1.1 no (in "
        "reply to RCPT TO command))\r\nStatus: 4.4.1\r\nS: 250-cut";
    Options options;
    options.format = Format::Json;
    const std::string whole =
        smtp_explain::explain(options, {{Input::Kind::Text, input, "-"}}).report;
    for (const std::size_t piece : {std::size_t{1}, std::size_t{3}, std::size_t{17}}) {
        CAPTURE(piece);
        smtp_explain::StringSink sink;
        {
            smtp_explain::Output output(sink);
            smtp_explain::Explanation explanation(options, output);
            smtp_explain::InputReader reader(explanation, "-");
            for (std::size_t at = 0; at < input.size(); at += piece) {
                reader.feed(std::string_view(input).substr(at, piece));
            }
            reader.finish();
            CHECK(explanation.finish()); // "S: 250-cut" at the end is explained

        }
        CHECK(sink.text() == whole);
    }
}

TEST_CASE("version_text: what --version prints, as text or JSON") {
    const std::string version = smtp_explain::version_string();
    const std::string registry(smtp::enhanced_status_code_registry_updated);
    CHECK(smtp_explain::version_text(Format::Text) ==
          "smtp-explain " + version + " (smtp-status " + version +
              ", IANA enhanced status code registry of " + registry + ")\n");
    CHECK(smtp_explain::version_text(Format::Brief) == smtp_explain::version_text(Format::Text));
    CHECK(smtp_explain::version_text(Format::Json) == "{\"tool\":\"smtp-explain\",\"version\":\"" +
                                                          version + "\",\"registry\":\"" +
                                                          registry + "\"}\n");
    CHECK(version == SMTP_EXPLAIN_PROJECT_VERSION); // CMake's project version
}

TEST_CASE("a format that is no enumerator gives the text report") {
    Options options;
    options.format = static_cast<Format>(9);
    CHECK(smtp_explain::explain(options, {{Input::Kind::Argument, "5xx"}})
              .report.rfind("5xx\n  class", 0) == 0);
}

TEST_CASE("Explanation::message: an email's recipients, or that it holds no bounce") {
    const smtp_explain::Explained bounce =
        smtp_explain::testing::explain_email(smtp_explain::testing::postfix_bounce(), Format::Brief);
    CHECK(bounce.ok);
    CHECK(bounce.report == "bounce.eml: nobody@example.net: 550 5.1.1 userunknown (hard), Fail\n"
                           "1 bounce recipient, 0 warnings; everything understood.\n");
    const smtp_explain::Explained none = smtp_explain::testing::explain_email(
        smtp_explain::testing::email({{"From", "bob@example.com"}},
                                     {smtp_explain::testing::part("text/plain", "hi")}),
        Format::Brief, "-");
    CHECK_FALSE(none.ok);
    CHECK(none.report == "stdin: no bounce found (1 part)\n"
                         "0 replies, 0 warnings, 1 not understood.\n");
}

TEST_CASE("Explanation::list_reasons: every reason, one line each") {
    smtp_explain::StringSink sink;
    {
        smtp_explain::Output output(sink);
        Options options;
        smtp_explain::Explanation explanation(options, output);
        explanation.list_reasons();
        CHECK(explanation.finish());
    }
    const std::string text = sink.text();
    std::size_t lines = 0;
    for (const char c : text) {
        lines += c == '\n' ? 1u : 0u;
    }
    CHECK(lines == smtp::all_bounce_reasons.size());
    CHECK(text.rfind("undefined        Nothing in the reply tells why the message failed.\n", 0) ==
          0);
    CHECK(text.find("\nvacation         Not a failure: an automatic reply") != std::string::npos);
}

} // namespace
