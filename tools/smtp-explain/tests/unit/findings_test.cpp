// Tests of src/analyse/findings.hpp: what the tool notices about codes and
// replies, and why bytes are no reply.
#include "analyse/findings.hpp"

#include "support/printing.hpp"

#include <doctest/doctest.h>

#include <smtp/enhanced_status_code.hpp>
#include <smtp/reply.hpp>
#include <smtp/semantics.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using smtp::Command;
using smtp::EnhancedStatusCode;
using smtp_explain::Finding;
using smtp_explain::Findings;
using smtp_explain::Severity;
using Kinds = std::vector<std::string>;

// "warning unusual_pairing" for each finding.
Kinds kinds(const Findings& findings) {
    Kinds out;
    for (const Finding& finding : findings) {
        out.push_back(std::string(smtp_explain::severity_name(finding.severity)) + " " +
                      std::string(finding.kind));
    }
    return out;
}

Findings basic(int code, std::optional<Command> answered = std::nullopt,
               std::optional<EnhancedStatusCode> enhanced = std::nullopt) {
    Findings out;
    smtp_explain::analyse_basic(out, code, answered, enhanced);
    return out;
}

Findings enhanced(EnhancedStatusCode code, std::optional<int> with = std::nullopt) {
    Findings out;
    smtp_explain::analyse_enhanced(out, code, with);
    return out;
}

// The findings on the reply in `raw`, which must parse.
Findings reply(std::string_view raw, std::optional<Command> answered = std::nullopt) {
    const smtp::ReplyParse parse = smtp::parse_reply(raw);
    REQUIRE(parse.ok());
    return smtp_explain::analyse_reply(parse.reply, answered);
}

bool mentions(const Findings& findings, std::string_view text) {
    for (const Finding& finding : findings) {
        if (finding.message.find(text) != std::string::npos) {
            return true;
        }
    }
    return false;
}

TEST_CASE("a reply cut off by the end of the input: a note first, the judgement as usual") {
    const smtp::ReplyParse one = smtp::parse_reply("421 4.7.28 unusual rate\n");
    REQUIRE(one.ok());
    const Findings cut = smtp_explain::analyse_reply(one.reply, std::nullopt, true);
    REQUIRE_FALSE(cut.empty());
    CHECK(cut[0].kind == "cut_off");
    CHECK(cut[0].severity == Severity::Note);
    CHECK(cut[0].message.rfind("Only one line of a multiline reply", 0) == 0);
    CHECK(mentions(cut, "the rest of the reply is missing"));
    CHECK(smtp_explain::analyse_reply(one.reply, std::nullopt, false).size() == cut.size() - 1);

    const smtp::ReplyParse two = smtp::parse_reply("550-5.1.1 a\n550 5.1.1 b\n");
    REQUIRE(two.ok());
    CHECK(smtp_explain::analyse_reply(two.reply, std::nullopt, true)[0].message.rfind(
              "Only 2 lines", 0) == 0);
}

TEST_CASE("severity names") {
    CHECK(smtp_explain::severity_name(Severity::Note) == "note");
    CHECK(smtp_explain::severity_name(Severity::Warning) == "warning");
    CHECK(smtp_explain::severity_name(Severity::Error) == "error");
    CHECK(smtp_explain::severity_name(static_cast<Severity>(7)) == "note");
}

TEST_CASE("basic codes: unlisted codes, closing codes and replies the RFCs do not list") {
    CHECK(kinds(basic(250)).empty());
    CHECK(kinds(basic(571)) == Kinds{"note unlisted_code"});
    CHECK(mentions(basic(571), "571 is in no RFC's table"));
    CHECK(kinds(basic(421)) == Kinds{"note closes_connection"});
    CHECK(kinds(basic(221, Command::Quit)) == Kinds{"note closes_connection"});
    CHECK(kinds(basic(250, Command::Quit)) == Kinds{"warning unexpected_reply"});
    CHECK(mentions(basic(250, Command::Quit), "do not list 250 as a reply to QUIT"));
    CHECK(kinds(basic(299, Command::Other)) == Kinds{"note unlisted_code"}); // Other takes all
}

TEST_CASE("552 after RCPT TO: temporary unless the enhanced code names a lasting cause") {
    CHECK(kinds(basic(552, Command::Rcpt)) == Kinds{"note rcpt_552"});
    CHECK(mentions(basic(552, Command::Rcpt), "is treated as temporary"));
    CHECK(mentions(basic(552, Command::Rcpt, EnhancedStatusCode{5, 5, 3}), "treated as temporary"));
    CHECK(mentions(basic(552, Command::Rcpt, EnhancedStatusCode{5, 3, 4}), "stays a failure"));
    CHECK(mentions(basic(552), "If this answers RCPT TO"));
    CHECK(kinds(basic(552, Command::DataEnd)).empty());
}

TEST_CASE("enhanced codes: unregistered, deprecated, vendors' meanings") {
    CHECK(kinds(enhanced({5, 1, 1})).empty());
    CHECK(kinds(enhanced({4, 7, 500})) ==
          Kinds{"note unregistered_enhanced", "note vendor_meaning"});
    CHECK(mentions(enhanced({4, 7, 500}), "Microsoft: "));
    CHECK(kinds(enhanced({5, 6, 10})) == Kinds{"warning deprecated"});
    CHECK(mentions(enhanced({5, 6, 10}), "marks X.6.10 deprecated"));
}

TEST_CASE("enhanced codes with their basic code: pairings and classes") {
    CHECK(kinds(enhanced({5, 1, 1}, 550)).empty());
    CHECK(kinds(enhanced({5, 1, 1}, 552)) == Kinds{"note unusual_pairing"});
    CHECK(mentions(enhanced({5, 1, 1}, 552), "pairs X.1.1 with 451, 550, not with 552"));
    CHECK(kinds(enhanced({5, 1, 1}, 450)) == Kinds{"warning enhanced_class_mismatch"});
    CHECK(kinds(enhanced({5, 0, 0}, 554)).empty()); // X.0.0: any code
    CHECK(kinds(enhanced({5, 9, 9}, 554)) == Kinds{"note unregistered_enhanced"});
}

TEST_CASE("replies: lines over RFC 5321's 512 octets") {
    const std::string long_line = "550 " + std::string(600, 'x') + "\r\n";
    CHECK(kinds(reply(long_line)) == Kinds{"warning overlong_line"});
    CHECK(mentions(reply(long_line), "1 line is longer than the 512 octets"));
    CHECK(mentions(reply(long_line), "(line 1: 606 octets with CRLF)"));
    const std::string two =
        "550-" + std::string(600, 'x') + "\n550 " + std::string(700, 'y') + "\n";
    CHECK(mentions(reply(two), "2 lines are longer"));
    CHECK(mentions(reply(two), "(line 2: 706 octets"));
    CHECK(kinds(reply("550 " + std::string(506, 'x') + "\r\n")).empty()); // 512 exactly
}

TEST_CASE("replies: the enhanced code on every line (RFC 2034 section 4)") {
    CHECK(kinds(reply("550-5.1.1 a\r\n550 5.1.1 b\r\n")).empty());
    CHECK(kinds(reply("550-5.1.1 a\r\n550-b\r\n550 c\r\n")) ==
          Kinds{"note enhanced_not_on_every_line"});
    CHECK(mentions(reply("550-5.1.1 a\r\n550-b\r\n550 c\r\n"),
                   "2 of 3 lines do not start with 5.1.1 (first: line 2)"));
    CHECK(mentions(reply("550-5.1.1 a\r\n550 b\r\n"), "1 of 2 lines does not"));
}

TEST_CASE("replies: why a code-like start of the text was not taken") {
    CHECK(kinds(reply("354 2.0.0 go ahead\r\n")) == Kinds{"warning enhanced_on_3yz"});
    CHECK(kinds(reply("550 5.1.1: no such user\r\n")) == Kinds{"warning enhanced_separator"});
    CHECK(kinds(reply("450 5.1.1 no such user\r\n")) == Kinds{"warning enhanced_class_mismatch"});
    CHECK(kinds(reply("550 5.1 short\r\n")) == Kinds{"warning not_enhanced"});
    CHECK(kinds(reply("550 4.16.55.1 odd\r\n")) == Kinds{"warning not_enhanced"});
    CHECK(kinds(reply("220 192.0.2.1 ESMTP\r\n")).empty()); // an address, no code
    CHECK(kinds(reply("334 VXNlcm5hbWU6\r\n")).empty());
    CHECK(kinds(reply("354 3.0.0 x\r\n")) == Kinds{"warning enhanced_on_3yz"});
    CHECK(kinds(reply("354 12 x\r\n")).empty());
    CHECK(kinds(reply("354 5.1a go\r\n")).empty()); // no dotted number: no code meant
}

TEST_CASE("replies: pseudo-codes in the text are named, at most three a line") {
    const Findings yahoo = reply("421 4.7.0 [TSS04] deferred - 4.16.55.1; see [#4.16.1]\r\n");
    CHECK(kinds(yahoo) == Kinds{"note unusual_pairing", "note pseudo_code", "note pseudo_code",
                                "note closes_connection"});
    CHECK(mentions(yahoo, "mentions 4.16.55.1, a vendor's own code"));
    CHECK(mentions(yahoo, "mentions [#4.16.1], which looks like an enhanced code but is not at"));
    CHECK(mentions(reply("550 denied (5.7.1)\r\n"), "mentions 5.7.1, which looks like"));
    CHECK(mentions(reply("550 denied - 5.7.1\r\n"), "mentions 5.7.1, which looks like"));
    CHECK(kinds(reply("550 (5.7.1) denied\r\n")).empty()); // the first token is the code's place
    CHECK(kinds(reply("550 see 5.7.1 and version 2.4.9\r\n")).empty()); // unmarked: quiet
    CHECK(mentions(reply("550 x [#5.7.1.] y\r\n"), "mentions [#5.7.1], which looks like"));
    const Findings many = reply("550 5.7.1 [#5.7.1] [#5.7.2] [#5.7.3] [#5.7.4]\r\n");
    CHECK(kinds(many).size() == 3);
    const Findings shown = reply("550 x #5.5.5.5.5.5.5.5.5.5.5.5.5.5.5.5.5.5.5.5.5.5.5\r\n");
    // At most 40 bytes of a token are quoted.
    CHECK(mentions(shown, "mentions 5.5.5.5.5.5.5.5.5.5.5.5.5.5.5.5.5.5.5.5...., a vendor"));
}

TEST_CASE("replies: the answered command reaches the basic findings") {
    CHECK(kinds(reply("552 5.5.3 too many\r\n", Command::Rcpt)) ==
          Kinds{"note unusual_pairing", "note rcpt_552"});
    CHECK(kinds(reply("250 ok\r\n", Command::Data)) == Kinds{"warning unexpected_reply"});
}

TEST_CASE("describe_reply_error names the line holding the first offending byte") {
    using smtp::ReplyError;
    using smtp_explain::describe_reply_error;
    smtp::ReplyLimits limits;
    limits.max_line_length = 16;
    limits.max_lines = 3;
    const auto describe = [&](ReplyError error, std::string_view raw, std::size_t offset) {
        return describe_reply_error(error, raw, offset, limits);
    };
    CHECK(describe(ReplyError::InvalidCode, "250-a\n2x0 b\n", 7) ==
          "Line 2: no three-digit reply code with a first digit of 2 to 5 at the start (RFC "
          "5321 section 4.2).");
    CHECK(describe(ReplyError::InvalidSeparator, "250\tx\n", 3)
              .rfind("Line 1: the code is "
                     "followed by",
                     0) == 0);
    CHECK(describe(ReplyError::CodeMismatch, "250-a\n250-b\n251 c\n", 14)
              .rfind("Line 3: another code than the first line's", 0) == 0);
    CHECK(describe(ReplyError::LineTooLong, "250-a\n250 " + std::string(20, 'x') + "\n", 22) ==
          "Line 2: longer than 16 bytes, more than this tool accepts (RFC 5321 section "
          "4.5.3.1.5 allows 512 octets).");
    CHECK(describe(ReplyError::Incomplete, "250-a\n", 6).rfind("The reply is cut off", 0) == 0);
    CHECK(describe(ReplyError::TooManyLines, "250-a\n250-b\n250-c\n", 15) ==
          "The reply has more than 3 lines, more than this tool accepts.");
    CHECK(describe(ReplyError::None, "250 ok\n", 0) == "a valid reply");
    CHECK(describe(static_cast<ReplyError>(99), "x\n", 0) == "not a valid reply");
}

} // namespace
