// Tests of src/report/json_report.hpp: the report for scripts, one JSON
// document (RFC 8259) with one item per line.
#include "report/json_report.hpp"

#include "explain.hpp"
#include "support/output_checks.hpp"
#include "support/messages.hpp"
#include "support/printing.hpp"

#include <doctest/doctest.h>

#include <smtp/enhanced_status_code.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace {

using smtp_explain::Format;
using smtp_explain::Input;

smtp_explain::Explained json(const std::vector<Input>& inputs,
                             std::optional<smtp::Command> command = std::nullopt) {
    smtp_explain::Options options;
    options.format = Format::Json;
    options.command = command;
    return smtp_explain::explain(options, inputs);
}

Input argument(std::string_view text) { return {Input::Kind::Argument, text}; }
Input stdin_text(std::string_view text) { return {Input::Kind::Text, text, "-"}; }

// The document's lines: the head, one per item, and the tail.
std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::string_view rest = text;
    while (!rest.empty()) {
        out.emplace_back(smtp_explain::take_line(rest));
    }
    return out;
}

bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

const std::string head = "{\"tool\":\"smtp-explain\",\"version\":\"" +
                         smtp_explain::version_string() + "\",\"registry\":\"" +
                         std::string(smtp::enhanced_status_code_registry_updated) +
                         "\",\"items\":[";

TEST_CASE("the document: head, items, summary, ok") {
    const smtp_explain::Explained result = json({argument("4xx"), argument("600")});
    CHECK_FALSE(result.ok);
    CHECK(
        lines(result.report) ==
        std::vector<std::string>{
            head,
            R"({"kind":"class","input":"4xx","class":"TransientNegative","class_digit":4,)"
            R"("meaning":"not done now; the same command may succeed later",)"
            R"("next_action":"Retry"},)",
            R"({"kind":"invalid_argument","input":"600","message":"an SMTP reply code is three )"
            R"j(digits, the first 2 to 5 (RFC 5321 section 4.2)"})j",
            R"(],"summary":{"replies":0,"statuses":0,"bounces":0,"warnings":0,"errors":1},"ok":false})"});
    CHECK(smtp_explain::testing::JsonChecker(result.report).document());
}

TEST_CASE("a document without items is still one document") {
    smtp_explain::StringSink sink;
    {
        smtp_explain::Output output(sink);
        smtp_explain::JsonReport report(output);
        report.finish(true);
    }
    CHECK(sink.text() == head + "\n" +
                             R"(],"summary":{"replies":0,"statuses":0,"bounces":0,"warnings":0,"errors":0},)"
                             R"("ok":true})"
                             "\n");
    CHECK(smtp_explain::testing::JsonChecker(sink.text()).document());
}

TEST_CASE("a basic code: every field, null where nothing applies") {
    const std::string text = json({argument("mailboxbusy")}).report;
    CHECK(has(text, R"({"kind":"basic","input":"mailboxbusy","code":450,"listed":true,)"
                    R"("name":"MailboxBusy","description":"The mailbox is unavailable)"));
    CHECK(has(text, R"("class":"TransientNegative","class_digit":4,"class_meaning":"not done )"
                    R"(now; the same command may succeed later","next_action":"Retry",)"
                    R"("closes_connection":false,"expected":null,"replies_to":["Rcpt",)"));
    CHECK(has(text, R"("matched":"case-insensitive match for MailboxBusy","answers":null,)"
                    R"("findings":[]})"));
    const std::string unlisted = json({argument("571")}, smtp::Command::Rcpt).report;
    CHECK(has(unlisted, R"("code":571,"listed":false,"name":null,"description":null,)"));
    CHECK(has(unlisted, R"("expected":false,"replies_to":[],"matched":null,"answers":"Rcpt",)"));
    CHECK(has(unlisted, R"({"severity":"note","kind":"unlisted_code","message":"571 is in no )"));
    CHECK(has(unlisted, R"({"severity":"warning","kind":"unexpected_reply",)"));
}

TEST_CASE("an enhanced code, a registry entry and the registry list") {
    const std::string text = json({argument("5.01.1"), argument("X.6.10")}).report;
    CHECK(has(text, R"({"kind":"enhanced","input":"5.01.1","code":"5.1.1","class":5,)"
                    R"("subject":1,"detail":1,"class_title":"Permanent Failure",)"
                    R"("subject_title":"Addressing Status","registered":true,)"
                    R"("title":"Bad destination mailbox address","basic_codes":[451,550],)"
                    R"("basic_codes_scope":"Listed","rfc":3463,"also_rfc":null,"draft":null,)"
                    R"("deprecated":false,"next_action":"Fail","findings":[{"severity":)"
                    R"("warning","kind":"leading_zeros",)"));
    CHECK(has(text, R"({"kind":"registry_entry","input":"X.6.10","code":"X.6.10","subject":6,)"
                    R"("detail":10,"subject_title":"Message Content or Media Status",)"
                    R"("registered":true,"title":null,"basic_codes":[],)"
                    R"("basic_codes_scope":"Listed","rfc":6531,"also_rfc":null,"draft":null,)"
                    R"("deprecated":true})"));
    const std::string vendor = json({argument("4.7.500")}).report;
    CHECK(has(vendor, R"("registered":false,"title":null,"basic_codes":[],)"
                      R"("basic_codes_scope":null,"rfc":null,"also_rfc":null,"draft":null,)"
                      R"("deprecated":false,"next_action":"Retry")"));
    CHECK(has(json({argument("X.7.28")}).report,
              R"("rfc":null,"also_rfc":null,"draft":"draft-levine-mailbomb-header")"));

    smtp_explain::StringSink sink;
    {
        smtp_explain::Output output(sink);
        smtp_explain::Options options;
        options.format = Format::Json;
        smtp_explain::Explanation explanation(options, output);
        explanation.list_registry();
        explanation.finish();
    }
    const std::vector<std::string> listed = lines(sink.text());
    REQUIRE(listed.size() == smtp::enhanced_status_code_registry.size() + 2);
    CHECK(listed[1].rfind(R"({"kind":"registry_entry","code":"X.0.0","subject":0,)", 0) == 0);
    CHECK(smtp_explain::testing::JsonChecker(sink.text()).document());
}

TEST_CASE("a reply: where it was found, its lines, what it answers, what to do") {
    const std::string text =
        json({stdin_text("C: RCPT TO:<a@b>\nS: 552-5.5.3 too many\nS: 552 5.5.3 later\n")}).report;
    CHECK(has(text, R"({"kind":"reply","source":"-","line":2,"origin":"transcript","code":552,)"
                    R"("enhanced":"5.5.3","line_count":2,"lines":["5.5.3 too many","5.5.3 later"],)"
                    R"("basic":{"code":552,"listed":true,"name":"ExceededStorageAllocation",)"));
    CHECK(has(text, R"("next_action":"Retry","closes_connection":false,"expected":true,)"));
    CHECK(has(text, R"("enhanced_info":{"code":"5.5.3","class":5,"subject":5,"detail":3,)"));
    CHECK(has(text, R"("answers":"Rcpt","command":"RCPT TO:<a@b>","command_assumed":false,)"
                    R"("context":null,"next_action":"Retry","findings":[)"));
    CHECK(has(text, R"("summary":{"replies":1,"statuses":0,"bounces":0,"warnings":0,"errors":0},"ok":true})"));

    const std::string bare = json({stdin_text("250 ok\n")}).report;
    CHECK(has(bare, R"("enhanced":null,"line_count":1,"lines":["ok"],)"));
    CHECK(has(bare, R"("enhanced_info":null,"answers":null,"command":null,)"
                    R"("command_assumed":false,"context":null,"next_action":"Proceed",)"));

    const std::string logged = json({stdin_text("x: to=<a@b>, status=deferred (host mx said: "
                                                "451 4.3.0 later)\n")},
                                    smtp::Command::Mail)
                                   .report;
    CHECK(has(logged, R"("origin":"postfix")"));
    CHECK(has(logged, R"("answers":"Mail","command":null,"command_assumed":true,)"
                      R"("context":"to=<a@b>, status=deferred",)"));
}

TEST_CASE("JSON: invalid replies, statuses and inputs with nothing in them") {
    const smtp_explain::Explained result =
        json({stdin_text("250-x\n251 y\nStatus: 4.4.1\n"), stdin_text("")});
    CHECK_FALSE(result.ok);
    const std::vector<std::string> items = lines(result.report);
    REQUIRE(items.size() == 5);
    CHECK(items[1] ==
          R"({"kind":"invalid_reply","source":"-","line":1,"origin":"transcript",)"
          R"("error":"CodeMismatch","message":"Line 2: another code than the first line's; RFC )"
          R"(5321 section 4.2.1 requires the same code on every line of a reply.",)"
          R"("lines":["250-x","251 y"]},)");
    CHECK(items[2].rfind(R"({"kind":"status","source":"-","line":3,"origin":"dsn",)"
                         R"("code":"4.4.1","context":null,"enhanced_info":{"code":"4.4.1",)",
                         0) == 0);
    CHECK(items[3] == R"({"kind":"no_reply","source":"-","lines_read":0,"binary":false,)"
                      R"("message":"no SMTP reply found"})");
    CHECK(items[4] ==
          R"(],"summary":{"replies":0,"statuses":1,"bounces":0,"warnings":0,"errors":2},"ok":false})");
    CHECK(has(json({stdin_text("x dsn=4.4.1, status=deferred\n")}).report,
              R"("code":"4.4.1","context":"status=deferred",)"));
    CHECK(has(json({stdin_text("\x01\x02\x03\n")}).report, R"("binary":true,)"));
}

TEST_CASE("whatever the input, the document is valid JSON and valid UTF-8") {
    std::string noise;
    for (int byte = 0; byte < 256; ++byte) {
        noise += "250-\"\\";
        noise += static_cast<char>(byte);
        noise += "\xC0\xAF\xED\xA0\x80\xF4\x90\x80\x80\n";
    }
    noise += "250 end\nC: RCPT TO:<\x01\xFF>\nS: 550 \x7F\n";
    const smtp_explain::Explained result = json({stdin_text(noise), argument(noise)});
    CHECK(smtp_explain::testing::valid_utf8(result.report));
    CHECK(smtp_explain::testing::JsonChecker(result.report).document());
}

TEST_CASE("the JSON checker itself rejects what is no JSON") {
    using smtp_explain::testing::JsonChecker;
    CHECK(JsonChecker(R"({"a":[1,-2,true,false,null,"\u00e9\n"],"b":{}})").document());
    for (const std::string_view bad :
         {R"({"a":1,})", R"({"a" 1})", R"([1 2])", "\"raw\ncontrol\"", R"("\x")", R"("\u12G4")",
          R"({"a":1}x)", R"(tru)", R"(-)", "", R"({"a":)", R"([)"}) {
        CAPTURE(bad);
        CHECK_FALSE(JsonChecker(bad).document());
    }
}

TEST_CASE("JSON: a bounce item per recipient, with the contract's fields first") {
    using smtp_explain::testing::email;
    using smtp_explain::testing::part;
    const smtp_explain::Explained result =
        smtp_explain::testing::explain_email(smtp_explain::testing::postfix_bounce(), Format::Json);
    CHECK(result.ok);
    const std::vector<std::string> document = lines(result.report);
    REQUIRE(document.size() == 3);
    CHECK(document[1] ==
          R"({"kind":"bounce","source":"bounce.eml","recipient":"nobody@example.net",)"
          R"("status":"5.1.1","code":550,"next_action":"Fail","reason":"userunknown","hard":true,)"
          R"("reason_description":"The recipient's mailbox does not exist at its domain.",)"
          R"("reason_basis":"EnhancedCode","original_recipient":null,"action":"failed",)"
          R"("stated_status":"5.1.1","diagnostic":"550-5.1.1 The mailbox does not exist. 550 )"
          R"(5.1.1 Bye","remote_mta":"mx.example.net","command":"Rcpt","format":"dsn",)"
          R"("problems":[{"kind":"JoinedLines","message":"the lines of a multiline reply were )"
          R"(joined into one"}]})");
    CHECK(document[2] ==
          R"(],"summary":{"replies":0,"statuses":0,"bounces":1,"warnings":0,"errors":0},"ok":true})");
    CHECK(smtp_explain::testing::JsonChecker(result.report).document());

    // Nulls where the bounce says nothing; the feedback report is no failure.
    const smtp_explain::Explained feedback = smtp_explain::testing::explain_email(
        email({}, {part("message/feedback-report", "Feedback-Type: abuse\n")}), Format::Json);
    CHECK(has(feedback.report,
              R"({"kind":"bounce","source":"bounce.eml","recipient":null,"status":null,)"
              R"("code":null,"next_action":"Proceed","reason":"feedback","hard":false,)"));
    CHECK(has(feedback.report, R"("action":null,"stated_status":null,"diagnostic":"abuse",)"
                               R"("remote_mta":null,"command":null,"format":"arf","problems":[]})"));
}

TEST_CASE("JSON: an email without a bounce, and the list of reasons") {
    const smtp_explain::Explained none = smtp_explain::testing::explain_email(
        smtp_explain::testing::email({}, {}), Format::Json, "x.eml");
    CHECK_FALSE(none.ok);
    CHECK(lines(none.report).at(1) ==
          R"({"kind":"no_bounce","source":"x.eml","parts":0,)"
          R"("message":"no bounce, feedback report or auto-reply found in the email"})");

    smtp_explain::StringSink sink;
    {
        smtp_explain::Output output(sink);
        smtp_explain::Options options;
        options.format = Format::Json;
        smtp_explain::Explanation explanation(options, output);
        explanation.list_reasons();
        explanation.finish();
    }
    const std::vector<std::string> listed = lines(sink.text());
    REQUIRE(listed.size() == smtp::all_bounce_reasons.size() + 2);
    CHECK(listed[2] == R"({"kind":"bounce_reason","reason":"userunknown","description":"The )"
                       R"(recipient's mailbox does not exist at its domain.","failure":true,)"
                       R"("hard":true},)");
    CHECK(smtp_explain::testing::JsonChecker(sink.text()).document());
}

} // namespace
