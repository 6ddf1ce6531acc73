// Tests of src/analyse/judgement.hpp: arguments and events become report
// items with their findings.
#include "analyse/judgement.hpp"

#include "analyse/arguments.hpp"
#include "support/printing.hpp"

#include <doctest/doctest.h>

#include <smtp/enhanced_status_code.hpp>
#include <smtp/reply.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace {

using smtp_explain::CodeArgument;
using smtp_explain::Findings;

std::string kinds(const Findings& findings) {
    std::string out;
    for (const smtp_explain::Finding& finding : findings) {
        out += " ";
        out += finding.kind;
    }
    return out;
}

// A report that writes down each call.
class Recording final : public smtp_explain::Report {
public:
    void basic(const smtp_explain::BasicItem& item) override {
        calls.push_back("basic " + std::string(item.input) + " " + std::to_string(item.code) +
                        " matched='" + std::string(item.matched) + "' answers=" +
                        (item.answered ? std::string(smtp::name(*item.answered)) : "-") +
                        kinds(item.findings));
    }
    void enhanced(const smtp_explain::EnhancedItem& item) override {
        calls.push_back("enhanced " + std::string(item.input) + " " +
                        std::string(smtp::to_text(item.code).view()) + kinds(item.findings));
    }
    void registry_entry(std::string_view input,
                        const smtp::EnhancedStatusCodeEntry& entry) override {
        calls.push_back("registry_entry " + std::string(input) + " " +
                        std::to_string(entry.subject) + "." + std::to_string(entry.detail));
    }
    void reply_class(const smtp_explain::ClassItem& item) override {
        calls.push_back("class " + std::string(item.input) + " " +
                        std::string(smtp::name(item.reply_class)));
    }
    void invalid_argument(std::string_view input, std::string_view message) override {
        calls.push_back("invalid_argument " + std::string(input) + ": " + std::string(message));
    }
    void reply(const smtp_explain::ReplyItem& item) override {
        calls.push_back("reply " + std::to_string(item.event.reply.code()) + kinds(item.findings));
    }
    void invalid_reply(const smtp_explain::InvalidReplyItem& item) override {
        calls.push_back("invalid_reply " + item.message);
    }
    void status(const smtp_explain::StatusItem& item) override {
        calls.push_back("status " + std::string(smtp::to_text(item.event.code).view()) +
                        kinds(item.findings));
    }
    void no_reply(const smtp_explain::NoReplyEvent& event) override {
        calls.push_back("no_reply " + std::string(event.source));
    }
    void bounce(const smtp_explain::BounceItem& item) override {
        calls.push_back("bounce " + item.event.recipient.recipient + " " +
                        std::string(smtp::name(item.judgement.reason)) + " " +
                        std::string(smtp::name(item.judgement.next_action)));
    }
    void no_bounce(const smtp_explain::NoBounceEvent& event) override {
        calls.push_back("no_bounce " + std::string(event.source));
    }
    void bounce_reason(smtp::BounceReason reason) override {
        calls.push_back("bounce_reason " + std::string(smtp::name(reason)));
    }
    void finish(bool ok) override { calls.push_back(ok ? "finish ok" : "finish not ok"); }

    std::vector<std::string> calls;
};

std::vector<std::string> judge(std::string_view text,
                               std::optional<smtp::Command> command = std::nullopt) {
    Recording report;
    smtp_explain::judge_argument(report, text, smtp_explain::parse_code_argument(text), command);
    return report.calls;
}

TEST_CASE("each kind of argument becomes its item, with findings") {
    using Calls = std::vector<std::string>;
    CHECK(judge("550") == Calls{"basic 550 550 matched='' answers=-"});
    CHECK(judge("552", smtp::Command::Rcpt) ==
          Calls{"basic 552 552 matched='' answers=Rcpt rcpt_552"});
    CHECK(judge("571") == Calls{"basic 571 571 matched='' answers=- unlisted_code"});
    CHECK(judge("0") == Calls{"basic 0 0 matched='' answers=-"}); // no class: no findings
    CHECK(
        judge("MAILBOXBUSY") ==
        Calls{"basic MAILBOXBUSY 450 matched='case-insensitive match for MailboxBusy' answers=-"});
    CHECK(judge("5.01.1") == Calls{"enhanced 5.01.1 5.1.1 leading_zeros"});
    CHECK(judge("4.7.500") ==
          Calls{"enhanced 4.7.500 4.7.500 unregistered_enhanced vendor_meaning"});
    CHECK(judge("X.1.1") == Calls{"registry_entry X.1.1 1.1"});
    CHECK(judge("5xx") == Calls{"class 5xx PermanentNegative"});
    CHECK(judge("600").at(0).rfind("invalid_argument 600: an SMTP reply code is three", 0) == 0);
    CHECK(judge("mail log!") == Calls{"invalid_argument mail log!: not a reply code, an "
                                      "enhanced code, a code's name or a file"});
    // What looks like a path is a file that is not there (the program reads
    // one that is before it asks).
    CHECK(judge("mail.log") == Calls{"invalid_argument mail.log: no such file (and not a reply "
                                     "code, an enhanced code or a code's name)"});
    CHECK(judge("logs/bounce").at(0).rfind("invalid_argument logs/bounce: no such file", 0) == 0);
}

TEST_CASE("the judgement adds findings to events and words why a reply is invalid") {
    Recording report;
    smtp::ReplyLimits limits;
    limits.max_line_length = 10;
    smtp_explain::Judgement judgement(report, limits);
    const smtp_explain::Location where{"in", 1, smtp_explain::Origin::Transcript};

    const smtp::ReplyParse parse = smtp::parse_reply("450 5.1.1 x\r\n");
    REQUIRE(parse.ok());
    judgement.reply({where, parse.reply, smtp::Command::Rcpt, "RCPT TO:<a@b>", false, {}, false});
    judgement.invalid_reply({where, smtp::ReplyError::LineTooLong, "250 0123456789\n", 10});
    judgement.status({where, smtp::EnhancedStatusCode{5, 6, 10}, {}});
    judgement.no_reply({"in", 0, false});
    CHECK(report.calls ==
          std::vector<std::string>{
              "reply 450 enhanced_class_mismatch",
              "invalid_reply Line 1: longer than 10 bytes, more than this tool accepts (RFC 5321 "
              "section 4.5.3.1.5 allows 512 octets).",
              "status 5.6.10 deprecated", "no_reply in"});
}

} // namespace
