// Tests of src/extract/formats/notice.hpp: what the bounce formats share when they read a notice's
// text.
#include "extract/formats/notice.hpp"

#include "extract/bounce_text.hpp"
#include "support/messages.hpp"

#include <doctest/doctest.h>

#include <smtp/bounce_reason.hpp>
#include <smtp/delivery_status.hpp>
#include <smtp/enhanced_status_code.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

namespace notice = smtp_explain::notice;
using smtp_explain::BounceRecipient;
using smtp_explain::DecodedMessage;
using smtp_explain::MessagePart;
using smtp_explain::testing::part;

std::optional<smtp::EnhancedStatusCode> code(int c, int s, int d) {
    return smtp::EnhancedStatusCode{c, s, d};
}

TEST_CASE("notice: the report's text is its text/plain parts outside the original") {
    DecodedMessage message;
    message.parts.push_back(part("text/plain", "first"));
    message.parts.push_back(part("text/html", "<p>html</p>"));
    message.parts.push_back(part("message/delivery-status", "Status: 5.0.0"));
    message.parts.push_back(part("text/plain", "second"));
    message.parts.push_back(part("text/plain", "quoted", true));
    CHECK(notice::report_text(message) == "first\n\nsecond");
    CHECK(notice::report_says(message, "SECOND"));
    CHECK_FALSE(notice::report_says(message, "quoted"));
    CHECK_FALSE(notice::report_says(message, "html"));
    CHECK(notice::has_delivery_status(message));
    message.parts[2].in_original = true;
    CHECK_FALSE(notice::has_delivery_status(message));
    CHECK(notice::report_text(DecodedMessage{}).empty());
}

TEST_CASE("notice: a notice in HTML alone is read as text; a preamble is no text part") {
    // Format fact: Exchange 5.5's HTML-only notice after its MIME preamble
    // (GNU Mailman 2's bouncer test set, groupwise_02).
    DecodedMessage message;
    message.parts.push_back(part("text/plain", "This message is in MIME format."));
    message.parts.back().preamble = true;
    message.parts.push_back(part("text/html", "did not reach the following recipient(s):<BR>"));
    message.parts.push_back(part("text/html", "<p>quoted</p>", true));
    CHECK(notice::report_text(message) ==
          "This message is in MIME format.\n\ndid not reach the following recipient(s):\n");
    CHECK(notice::report_says(message, "did not reach the following"));
    CHECK_FALSE(notice::report_says(message, "quoted"));
    // With a text/plain part of its own, the HTML is left out.
    message.parts.push_back(part("text/plain", "plain"));
    CHECK_FALSE(notice::report_says(message, "did not reach"));
    // No HTML at all: only the preamble.
    DecodedMessage preamble_only;
    preamble_only.parts.push_back(part("text/plain", "just the preamble"));
    preamble_only.parts.back().preamble = true;
    CHECK(notice::report_text(preamble_only) == "just the preamble");
    // At most max_notice_size bytes: a part after a full one is left out.
    DecodedMessage big;
    big.parts.push_back(part("text/plain", std::string(smtp_explain::max_notice_size, 'a')));
    big.parts.push_back(part("text/plain", "tail"));
    CHECK(notice::report_text(big).size() == smtp_explain::max_notice_size);
}


TEST_CASE("notice: addresses in angle brackets, mailto links, quotes, or as words") {
    CHECK(notice::find_address("<bob@example.jp>:") == "bob@example.jp");
    CHECK(notice::find_address("Bob<mailto:bob@example.jp>") == "bob@example.jp");
    CHECK(notice::find_address("\"bob@example.jp\":") == "bob@example.jp");
    CHECK(notice::find_address("Unknown user: bob@example.jp.") == "bob@example.jp");
    CHECK(notice::find_address("a@b <c@example.jp>: malformed") == "c@example.jp");
    CHECK(notice::find_address("<not an address> then x@example.org") == "x@example.org");
    CHECK(notice::find_address("no address here").empty());
    CHECK(notice::find_address("@example.jp and bob@").empty());
    CHECK(notice::find_address("").empty());
}

TEST_CASE("notice: a line that names one address and nothing else") {
    CHECK(notice::is_address_line("bob@example.jp"));
    CHECK(notice::is_address_line("  <bob@example.jp>:"));
    CHECK(notice::is_address_line("Bob Example<mailto:bob@example.jp>"));
    CHECK(notice::is_address_line("\"bob@example.jp\":"));
    CHECK_FALSE(notice::is_address_line("Unknown user: bob@example.jp"));
    CHECK_FALSE(notice::is_address_line("<bob@example.jp>: 550 User unknown"));
    CHECK_FALSE(notice::is_address_line("please write to bob@example.jp"));
    CHECK_FALSE(notice::is_address_line(""));
}

TEST_CASE("notice: the address a line starts with, and the rest") {
    const auto said = notice::leading_address("  <bob@example.jp>: 550 User unknown ");
    CHECK(said.address == "bob@example.jp");
    CHECK(said.rest == ": 550 User unknown");
    const auto expanded = notice::leading_address("<a@example.jp> (expanded from <b@example.jp>):");
    CHECK(expanded.address == "a@example.jp");
    CHECK(expanded.rest == "(expanded from <b@example.jp>):");
    CHECK(notice::leading_address("<bob@example.jp>").rest.empty());
    CHECK(notice::leading_address("please write to <bob@example.jp>").address.empty());
    CHECK(notice::leading_address("<no address here>: x").address.empty());
    CHECK(notice::leading_address("<bob@example.jp").address.empty());
    CHECK(notice::leading_address("").address.empty());
}

TEST_CASE("notice: case-insensitive search and white space made one space") {
    CHECK(notice::ifind("Remote Host Said: 550", "host said:") == 7);
    CHECK(notice::ifind("abc", "abcd") == std::string_view::npos);
    CHECK(notice::ifind("abc", "", 1) == 1);
    CHECK(notice::icontains("THIS IS A WARNING", "a warning"));
    CHECK_FALSE(notice::icontains("warn", "warning"));
    CHECK(notice::lines_of("a\r\nb\n\nc") == std::vector<std::string_view>{"a", "b", "", "c"});
}

TEST_CASE("notice: status tokens, and qmail's (#x.y.z)") {
    CHECK(notice::status_token("5.1.1") == code(5, 1, 1));
    CHECK(notice::status_token("#5.0.0") == code(5, 0, 0));
    CHECK(notice::status_token("(#4.4.1).") == code(4, 4, 1));
    CHECK_FALSE(notice::status_token("550"));
    CHECK_FALSE(notice::status_token("6.1.1"));
    CHECK(notice::hash_status("couldn't find any host (#5.1.2)") == code(5, 1, 2));
    CHECK(notice::hash_status("(#4.4.1) then (#5.4.4)") == code(5, 4, 4));
    CHECK_FALSE(notice::hash_status("(#) (#x.y.z) #5.1.1"));
}

TEST_CASE("notice: set_reply reads the reply and writes its lines joined") {
    BounceRecipient multiline;
    CHECK(notice::set_reply(multiline, "554-5.7.1 Refused.\n554-5.7.1 Please\n554 5.7.1 retry."));
    CHECK(multiline.code == 554);
    CHECK(multiline.reply_status == code(5, 7, 1));
    CHECK(multiline.diagnostic == "554 5.7.1 Refused. Please retry.");

    BounceRecipient enhanced_only;
    CHECK(notice::set_reply(enhanced_only, "5.2.2 <a@example.jp>... Mailbox full"));
    CHECK(enhanced_only.code == 0);
    CHECK(enhanced_only.status == code(5, 2, 2));
    CHECK(enhanced_only.diagnostic == "5.2.2 <a@example.jp>... Mailbox full");

    BounceRecipient hashed;
    CHECK(notice::set_reply(hashed, "550 sorry, no mailbox here by that name (#5.1.1 - chkusr)"));
    CHECK(hashed.status == code(5, 1, 1));
    CHECK_FALSE(hashed.reply_status);

    BounceRecipient words;
    CHECK_FALSE(notice::set_reply(words, "  Unrouteable\n address "));
    CHECK(words.code == 0);
    CHECK(words.diagnostic == "Unrouteable address");

    BounceRecipient intermediate; // 354 is no failure's reply: words
    CHECK_FALSE(notice::set_reply(intermediate, "354 Go ahead"));
    CHECK(intermediate.code == 0);
    CHECK(intermediate.diagnostic == "354 Go ahead");
}

TEST_CASE("notice: set_reply_or_own_words: a reply, else the reason the MTA's words state") {
    constexpr smtp_explain::StatedReason own[] = {
        {"Domain does not exist", smtp::BounceReason::HostUnknown},
        {"Envelope expired", smtp::BounceReason::Expired},
    };
    BounceRecipient replied; // a reply is the classifier's to judge, whatever its words
    CHECK(notice::set_reply_or_own_words(replied, "550 5.1.1 Envelope expired", own));
    CHECK(replied.code == 550);
    CHECK_FALSE(replied.reason);

    BounceRecipient stated;
    CHECK_FALSE(notice::set_reply_or_own_words(stated, "envelope EXPIRED after 4 days", own));
    CHECK(stated.reason == smtp::BounceReason::Expired);
    CHECK(stated.diagnostic == "envelope EXPIRED after 4 days");

    BounceRecipient inside; // the words must open the diagnostic
    CHECK_FALSE(notice::set_reply_or_own_words(inside, "Loop: Domain does not exist", own));
    CHECK_FALSE(inside.reason);
}

TEST_CASE("notice: Postfix's '(in reply to ... command)'") {
    BounceRecipient recipient;
    CHECK(notice::in_reply_to("550 5.1.1 No such user (in reply to RCPT TO command)", recipient) ==
          "550 5.1.1 No such user");
    CHECK(recipient.command == smtp::Command::Rcpt);
    BounceRecipient end;
    CHECK(notice::in_reply_to("552 Too big (in reply to end of DATA command)", end) ==
          "552 Too big");
    CHECK(end.command == smtp::Command::DataEnd);
    BounceRecipient none;
    CHECK(notice::in_reply_to("550 No", none) == "550 No");
    CHECK_FALSE(none.command);
}

TEST_CASE("notice: paragraphs that '<address>:' lines open, up to the '---' line") {
    const std::vector<std::string_view> lines = {"Hi. This is the qmail-send program.",
                                                 "",
                                                 "<a@example.jp>:",
                                                 "first",
                                                 "more",
                                                 "",
                                                 "<b@example.jp>:",
                                                 "second",
                                                 "--- Below this line is a copy of the message.",
                                                 "",
                                                 "<c@example.jp>:",
                                                 "quoted"};
    const auto paragraphs = notice::address_paragraphs(lines);
    REQUIRE(paragraphs.size() == 2);
    CHECK(paragraphs[0].address == "a@example.jp");
    CHECK(paragraphs[0].lines == std::vector<std::string_view>{"first", "more"});
    CHECK(paragraphs[1].address == "b@example.jp");
    CHECK(paragraphs[1].lines == std::vector<std::string_view>{"second"});
}

BounceRecipient made(std::string address, smtp::DsnAction action) {
    return notice::recipient_for(address, action);
}

TEST_CASE("notice: merge_with_dsn takes the DSN's order, action and status, the text's reply") {
    std::vector<BounceRecipient> text;
    text.push_back(made("bob@example.jp", smtp::DsnAction::Failed));
    notice::set_reply(text.back(), "554 5.7.1 Refused by policy");
    text.back().command = smtp::Command::Rcpt;
    text.back().remote_mta = "mx.example.jp";
    text.push_back(made("only-in-text@example.jp", smtp::DsnAction::Failed));
    text.push_back(made("carol@example.jp", smtp::DsnAction::Failed));

    std::vector<BounceRecipient> dsn;
    dsn.push_back(made("Carol@Example.JP", smtp::DsnAction::Delayed));
    dsn.back().status = code(4, 0, 0);
    notice::set_reply(dsn.back(), "451 4.3.0 Try later");
    dsn.back().format = "dsn";
    dsn.push_back(made("bob@example.jp", smtp::DsnAction::Failed));
    dsn.back().status = code(5, 0, 0);
    notice::set_reply(dsn.back(), "554 5.7.1 Refused");
    dsn.push_back(made("only-in-dsn@example.jp", smtp::DsnAction::Failed));

    const std::vector<BounceRecipient> merged =
        notice::merge_with_dsn(std::move(text), std::move(dsn));
    REQUIRE(merged.size() == 4);
    CHECK(merged[0].recipient == "carol@example.jp"); // the text's spelling
    CHECK(merged[0].action == smtp::DsnAction::Delayed);
    CHECK(merged[0].status == code(4, 0, 0));
    CHECK(merged[0].code == 451); // the text quoted none
    CHECK(merged[0].diagnostic == "451 4.3.0 Try later");
    CHECK(merged[0].format.empty());
    CHECK(merged[1].recipient == "bob@example.jp");
    CHECK(merged[1].status == code(5, 0, 0));
    CHECK(merged[1].code == 554);
    CHECK(merged[1].diagnostic == "554 5.7.1 Refused by policy");
    CHECK(merged[1].command == smtp::Command::Rcpt);
    CHECK(merged[1].remote_mta == "mx.example.jp");
    CHECK(merged[2].recipient == "only-in-dsn@example.jp");
    CHECK(merged[3].recipient == "only-in-text@example.jp");

    CHECK(notice::merge_with_dsn({}, {}).empty());
}

TEST_CASE("notice: merge_with_dsn joins a lone DSN recipient that is no whole address") {
    // Format fact: a Sendmail DSN with "Final-Recipient: RFC822;
    // @mx.example.org" while its text names <kijitora@example.org> (a
    // sample in sisimai's set, lhost-sendmail-15).
    const auto merge = [](const char* dsn_address, std::size_t text_count) {
        std::vector<BounceRecipient> text;
        for (std::size_t i = 0; i < text_count; ++i) {
            text.push_back(made(i == 0 ? "a@example.org" : "b@example.org",
                                smtp::DsnAction::Failed));
        }
        std::vector<BounceRecipient> dsn{made(dsn_address, smtp::DsnAction::Failed)};
        dsn.back().status = code(5, 1, 2);
        std::vector<std::string> out;
        for (const BounceRecipient& r : notice::merge_with_dsn(std::move(text), std::move(dsn))) {
            out.push_back(r.recipient + (r.status ? " 5.1.2" : ""));
        }
        return out;
    };
    using Names = std::vector<std::string>;
    CHECK(merge("@mx.example.org", 1) == Names{"a@example.org 5.1.2"});
    CHECK(merge("postmaster", 1) == Names{"a@example.org 5.1.2"});
    // A whole address, or a text of more recipients: not the same one.
    CHECK(merge("c@example.org", 1) == (Names{"c@example.org 5.1.2", "a@example.org"}));
    CHECK(merge("@mx.example.org", 2) ==
          (Names{"@mx.example.org 5.1.2", "a@example.org", "b@example.org"}));
}

TEST_CASE("notice: merge_with_dsn finds the text's recipient by the DSN's Original-Recipient") {
    std::vector<BounceRecipient> text{made("jane@example.org", smtp::DsnAction::Failed)};
    std::vector<BounceRecipient> dsn{made("JDOE@mail.example.org", smtp::DsnAction::Failed)};
    dsn.back().original_recipient = "rfc822;jane@example.org";
    dsn.back().status = code(5, 2, 2);
    const std::vector<BounceRecipient> merged =
        notice::merge_with_dsn(std::move(text), std::move(dsn));
    REQUIRE(merged.size() == 1);
    CHECK(merged[0].recipient == "jane@example.org");
    CHECK(merged[0].status == code(5, 2, 2));
}

TEST_CASE("notice: merge_with_dsn finds the text's recipient by the DSN's X-Actual-Recipient") {
    // Format fact: Sendmail reports an alias in its DSN (Final-Recipient)
    // with the address it expanded to (X-Actual-Recipient), and lists that
    // address under "permanent fatal errors" with the whole reply (a sample
    // in sisimai's set, lhost-sendmail-34).
    std::vector<BounceRecipient> text{made("jane+list@example.org", smtp::DsnAction::Failed)};
    notice::set_reply(text.back(), "552 5.7.0 This message was blocked because its content "
                                   "presents a potential security issue.");
    std::vector<BounceRecipient> dsn{made("list@example.jp", smtp::DsnAction::Failed)};
    dsn.back().actual_recipient = "jane+list@example.org";
    dsn.back().status = code(5, 7, 0);
    notice::set_reply(dsn.back(), "552-5.7.0 This message was blocked because its content");
    const std::vector<BounceRecipient> merged =
        notice::merge_with_dsn(std::move(text), std::move(dsn));
    REQUIRE(merged.size() == 1);
    CHECK(merged[0].recipient == "list@example.jp"); // the address the DSN reports
    CHECK(merged[0].actual_recipient == "jane+list@example.org");
    CHECK(merged[0].diagnostic.find("security issue") != std::string::npos);

    // Another address in the text stays a recipient of its own.
    std::vector<BounceRecipient> other{made("someone@example.org", smtp::DsnAction::Failed)};
    std::vector<BounceRecipient> dsn2{made("list@example.jp", smtp::DsnAction::Failed)};
    dsn2.back().actual_recipient = "jane+list@example.org";
    CHECK(notice::merge_with_dsn(std::move(other), std::move(dsn2)).size() == 2);
}

TEST_CASE("notice: merge_with_dsn keeps the text's status where the DSN's says the class alone") {
    const auto merged_status = [](std::optional<smtp::EnhancedStatusCode> text,
                                  std::optional<smtp::EnhancedStatusCode> dsn) {
        std::vector<BounceRecipient> from_text{made("a@example.jp", smtp::DsnAction::Failed)};
        from_text[0].status = text;
        std::vector<BounceRecipient> from_dsn{made("a@example.jp", smtp::DsnAction::Failed)};
        from_dsn[0].status = dsn;
        return notice::merge_with_dsn(std::move(from_text), std::move(from_dsn))[0].status;
    };
    CHECK(merged_status(code(5, 3, 0), code(5, 0, 0)) == code(5, 3, 0));
    CHECK(merged_status(code(5, 3, 0), code(5, 1, 1)) == code(5, 1, 1));
    CHECK(merged_status(code(4, 4, 1), code(5, 0, 0)) == code(5, 0, 0)); // another class
    CHECK(merged_status(code(5, 0, 0), code(5, 0, 0)) == code(5, 0, 0));
    CHECK(merged_status(std::nullopt, code(5, 0, 0)) == code(5, 0, 0));
    CHECK(merged_status(code(5, 3, 0), std::nullopt) == code(5, 3, 0));
}

} // namespace
