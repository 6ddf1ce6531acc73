// Tests of src/extract/bounce_text.hpp: the words of bounces.
#include "extract/bounce_text.hpp"

#include "support/messages.hpp"
#include "text.hpp"

#include <doctest/doctest.h>

#include <smtp/delivery_status.hpp>
#include <smtp/semantics.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace smtp_explain;
using smtp_explain::testing::email;
using smtp_explain::testing::part;
using Strings = std::vector<std::string>;

std::string after_cut(std::string_view text) {
    const std::size_t at = quoted_original_start(text);
    return at == std::string_view::npos ? std::string("(none)") : std::string(text.substr(at, 20));
}

TEST_CASE("quoted_original_start: the markers of MTAs that quote the original in their text") {
    CHECK(after_cut("Failed.\n\n------ This is a copy of the message, including all the headers. "
                    "------\n\nReturn-path: <a@b>\n") == "------ This is a cop");
    CHECK(after_cut("<a@b>:\nsaid 550\n\n--- Below this line is a copy of the message.\n\nX") ==
          "--- Below this line ");
    CHECK(after_cut("a@b: 550 x\n    Below is a copy of the original message:\n\nReceived: x") ==
          "    Below is a copy ");
    CHECK(after_cut("x\n----- Original message -----\n\nReceived: y") == "----- Original messa");
    CHECK(after_cut("x\n------- Returned Message --------\nReceived: y") == "------- Returned Mes");
    CHECK(after_cut("x\n   ----- Unsent message follows -----\nReceived: y") ==
          "   ----- Unsent mess");
    CHECK(after_cut("Unknown user: a@b\nOriginal message follows.\n\nReceived: y") ==
          "Original message fol");
    CHECK(after_cut("Loop.\nOriginal mail as follows:\n   From x") == "Original mail as fol");
    CHECK(after_cut("x\n--- The header of the original message is following. ---\n") ==
          "--- The header of th");
    CHECK(after_cut("x\nIncluded is a copy of the message header:\n") == "Included is a copy o");
    // An original pasted without a marker: a trace field at the start of a line.
    CHECK(after_cut("<a@b>: 550 no\n\nReturn-Path: <c@d>\nReceived: x\n") == "Return-Path: <c@d>\nR");
    CHECK(after_cut("<a@b>: 550 no\nReceived: from x\n") == "Received: from x\n");
    // ... or quoted with '>' (format fact: LLNL's postmaster notice, GNU
    // Mailman 2's bouncer test set, llnl_01).
    CHECK(after_cut("Not an address here.\n====\n>Return-Path: <c@d>\n") ==
          ">Return-Path: <c@d>\n");
}

TEST_CASE("quoted_original_start: prose is no marker") {
    // Sendmail's first line is followed by prose, not by header fields.
    CHECK(after_cut("The original message was received at Mon, 1 Jan 2024\nfrom x [192.0.2.1]\n\n"
                    "   ----- The following addresses had permanent fatal errors -----\n") ==
          "(none)");
    CHECK(after_cut("The original message was received at Mon, 1 Jan 2024\n\nReceived: from x\n") ==
          "The original message");
    CHECK(after_cut("   ----- Transcript of session follows -----\n>>> DATA\n") == "(none)");
    CHECK(after_cut("Your original message could not be delivered.\n  Received: indented\n") ==
          "(none)");
    CHECK(after_cut("") == "(none)");
    CHECK(before_quoted_original("keep\n--- Below this line is a copy of the message.\nno") ==
          "keep\n");
    CHECK(before_quoted_original("all of it") == "all of it");
}

TEST_CASE("html_to_text: tags out, line ends kept, references decoded") {
    CHECK(html_to_text("<p>User <b>unknown</b></p><p>next</p>") == "User unknown\nnext\n");
    CHECK(html_to_text("a<br>b<BR/>c") == "a\nb\nc");
    CHECK(html_to_text("<head><title>T</title></head><style>p{}</style>x &amp; y &lt;a@b&gt;") ==
          "x & y <a@b>");
    CHECK(html_to_text("&#53;&#x35;0&nbsp;&quot;no&apos;") == "550 \"no'");
    CHECK(html_to_text("&#233;&#x20AC;&#128512;") == "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
    // What is no reference stays as it is; so does a tag never closed.
    CHECK(html_to_text("a & b &#xD800; &#; &bogus;") == "a & b &#xD800; &#; &bogus;");
    CHECK(html_to_text("x <unclosed") == "x ");
}

TEST_CASE("notice_text: the parts outside the original, each before its marker") {
    const DecodedMessage message = email(
        {}, {part("text/plain", "Notice one.\n--- Below this line is a copy of the message.\nq"),
             part("message/delivery-status", "Final-Recipient: rfc822; a@b\n"),
             part("text/plain", "Notice two."), part("message/rfc822", "To: x@y\n", true),
             part("text/plain", "inside the original", true)});
    CHECK(notice_text(message) == "Notice one.\n\n\nNotice two.");
    // HTML counts only where there is no plain text.
    CHECK(notice_text(email({}, {part("text/html", "<p>only html</p>")})) == "only html\n");
    CHECK(notice_text(email({}, {part("text/plain", "plain"), part("text/html", "<p>html</p>")})) ==
          "plain");
    CHECK(notice_text(email({}, {})).empty());
    // A preamble is no plain text leaf (format fact: the EYOU MTA's HTML-only
    // notice after "This is a multi-part message in MIME format.", GNU
    // Mailman 2's bouncer test set, simple_25).
    DecodedMessage html_only = email({}, {part("text/plain", "This is a multi-part message.\n"),
                                          part("text/html", "<p>the notice</p>")});
    html_only.parts[0].preamble = true;
    CHECK(notice_text(html_only) == "This is a multi-part message.\n\n\nthe notice\n");
    // At most max_notice_size bytes, never cut inside a UTF-8 sequence.
    std::string big(max_notice_size - 1, 'a');
    big += "\xc3\xa9 and more";
    const std::string cut =
        notice_text(email({}, {part("text/plain", big), part("text/plain", "x")}));
    CHECK(cut.size() <= max_notice_size + 2); // and the blank line before a next part
    CHECK(cut.find('x') == std::string::npos);
    CHECK(is_utf8(cut));
}

TEST_CASE("addresses: local@domain with a dotted domain or a literal") {
    CHECK(first_address("Mail Delivery System <Mailer-Daemon@mx.example.org>") ==
          "Mailer-Daemon@mx.example.org");
    CHECK(first_address("rfc822; user+tag@example.co.jp") == "user+tag@example.co.jp");
    CHECK(first_address("to kijitora@example.jp.") == "kijitora@example.jp");
    CHECK(first_address("root@[192.0.2.1]") == "root@[192.0.2.1]");
    CHECK(first_address("\xe7\x8c\xab@example.jp") == "\xe7\x8c\xab@example.jp"); // RFC 6531
    CHECK(first_address("nobody@localhost and a@b").empty());
    CHECK(first_address("@example.jp, a@.example.jp, a@example..jp, .a@example.jp x").empty());
    CHECK(first_address("").empty());
    CHECK(addresses("a@example.org, Name <b@example.net>; c@x") ==
          std::vector<std::string_view>{"a@example.org", "b@example.net"});
    CHECK(address_length_at("x a@example.org", 2) == 13);
    CHECK(address_length_at("x a@example.org", 1) == 0);
    CHECK(address_length_at("a@[192.0.2.1", 0) == 0);
}

std::vector<std::string> blocks(std::string_view notice,
                                const std::vector<std::string_view>& exclude = {}) {
    std::vector<std::string> out;
    for (const NoticeBlock& block : notice_blocks(notice, exclude)) {
        out.push_back(std::string(block.address) + " | " + collapse_space(block.text));
    }
    return out;
}

TEST_CASE("notice_blocks: recipient lines as MTAs write them") {
    // qmail: "<a@b>:" on its own line.
    CHECK(blocks("Hi.\n\n<a@example.jp>:\nRemote host said: 550 no\n\n<b@example.jp>:\nfull\n") ==
          Strings{"a@example.jp | <a@example.jp>: Remote host said: 550 no",
                  "b@example.jp | <b@example.jp>: full"});
    // Exim: indented, one under the other, with deeper lines under each.
    CHECK(blocks("failed:\n\n  a@example.jp\n    SMTP error: 550 x\n  b@example.jp\n    "
                 "host y [192.0.2.1]: 451 z\n") ==
          Strings{"a@example.jp | a@example.jp SMTP error: 550 x",
                  "b@example.jp | b@example.jp host y [192.0.2.1]: 451 z"});
    // OpenSMTPD, bullets, quotes, Active!hunter, Sendmail's own error line.
    CHECK(blocks("a@example.jp: 550 5.2.2 full\n") == Strings{"a@example.jp | a@example.jp: 550 "
                                                              "5.2.2 full"});
    CHECK(blocks("   * a@example.com\n") == Strings{"a@example.com | * a@example.com"});
    // Mimecast's "-- " before each value (GNU Mailman 2's bouncer test set,
    // simple_44).
    CHECK(blocks("addressed to email address :\n-- a@example.com\n") ==
          Strings{"a@example.com | -- a@example.com"});
    CHECK(blocks("\"a@example.com\":\nSMTP error\n") ==
          Strings{"a@example.com | \"a@example.com\": SMTP error"});
    CHECK(blocks(">>> a@example.org <a@example.org>\n") ==
          Strings{"a@example.org | >>> a@example.org <a@example.org>"});
    CHECK(blocks("554 <a@example.org>... 550 Host unknown\n") ==
          Strings{"a@example.org | 554 <a@example.org>... 550 Host unknown"});
    CHECK(blocks("550 5.1.1 <a@example.org> said no\n").empty());
}

TEST_CASE("notice_blocks: a wrapped line or a repeat is no new recipient") {
    // Postfix wraps a reply whose line may start with an address.
    CHECK(blocks("<a@example.jp>: host mx said: 554-5.7.1\n    <a@example.jp>: refused. 554 "
                 "5.7.1 mail\n    postmaster@example.jp 554 5.7.1 end (in reply to RCPT TO "
                 "command)\n") ==
          Strings{"a@example.jp | <a@example.jp>: host mx said: 554-5.7.1 <a@example.jp>: "
                  "refused. 554 5.7.1 mail postmaster@example.jp 554 5.7.1 end (in reply to "
                  "RCPT TO command)"});
    // A list under a label that ends with a colon.
    CHECK(blocks("The following recipients were affected:\n    a@example.com\n") ==
          Strings{"a@example.com | a@example.com"});
    // The same address again keeps its first paragraph, in any case.
    CHECK(blocks("a@example.jp: 550 x\n\nA@EXAMPLE.JP: again\n") ==
          Strings{"a@example.jp | a@example.jp: 550 x A@EXAMPLE.JP: again"});
    // Excluded addresses (the notice's own From).
    CHECK(blocks("mailer-daemon@example.org\n\nb@example.jp:\n", {"MAILER-DAEMON@example.org"}) ==
          Strings{"b@example.jp | b@example.jp:"});
}

TEST_CASE("notice_blocks: bounded, and looked up by address in any case") {
    std::string many;
    for (std::size_t i = 0; i < max_notice_recipients + 10; ++i) {
        many += "<u" + std::to_string(i) + "@example.net>: 550 no\n";
    }
    const std::vector<NoticeBlock> found = notice_blocks(many);
    CHECK(found.size() == max_notice_recipients);
    const NoticeIndex index = index_blocks(found);
    REQUIRE(find_block(index, "U7@EXAMPLE.NET") != nullptr);
    CHECK(find_block(index, "U7@EXAMPLE.NET")->text == "<u7@example.net>: 550 no\n");
    CHECK(find_block(index, "nobody@example.net") == nullptr);
    CHECK(find_block(index, "") == nullptr);
}

TEST_CASE("notice_head: the text before the first recipient's paragraph") {
    const std::string notice = "Because of 550 x:\n\na@example.jp\nb@example.jp\n";
    CHECK(notice_head(notice, notice_blocks(notice)) == "Because of 550 x:\n\n");
    const std::string none = "no recipient at all";
    CHECK(notice_head(none, notice_blocks(none)) == none);
}

TEST_CASE("notice_blocks: addresses after a colon when no line starts with one") {
    CHECK(blocks("Unknown user: a@example.com\nOriginal message follows.\n") ==
          Strings{"a@example.com | Unknown user: a@example.com Original message follows."});
    CHECK(blocks("  MAIL FROM: s@example.com\n  RCPT TO: r@example.com\n  From: s@example.com\n") ==
          Strings{"r@example.com | RCPT TO: r@example.com From: s@example.com"});
    CHECK(blocks("Could not be delivered to: <a@example.jp>\n As their mailbox is full.\n") ==
          Strings{"a@example.jp | Could not be delivered to: <a@example.jp> As their mailbox is "
                  "full."});
    CHECK(blocks("Reply-To: r@example.com\nSender: s@example.com\n").empty());
    // A contact is no recipient (format fact: HotPOP's notice, GNU Mailman
    // 2's bouncer test set, hotpop_01).
    CHECK(blocks("Undeliverable Address: a@example.com\n\nSystem Contact: pm@example.net\n") ==
          Strings{"a@example.com | Undeliverable Address: a@example.com System Contact: "
                  "pm@example.net"});
    CHECK(blocks("no address here").empty());
}

TEST_CASE("notice_blocks: addresses after the words of a sentence when nothing else names one") {
    // Format facts: GNU Mailman 2's bouncer test set (IMail smtp32_03,
    // VOPmail simple_23, Exim simple_16, a Demon Internet Exim 2 notice
    // bounce_03, EarthLink simple_14) and the Mail::DeliveryStatus::BounceParser
    // test set (CommuniGate Pro quota-5); the addresses and the rest of the
    // words are made up.
    CHECK(blocks("undeliverable to pat@example.com\n") ==
          Strings{"pat@example.com | undeliverable to pat@example.com"});
    CHECK(blocks("Sorry, unable to deliver your message to kim@example.com for\nthis reason\n") ==
          Strings{"kim@example.com | Sorry, unable to deliver your message to kim@example.com "
                  "for this reason"});
    CHECK(blocks("Failed to deliver to '<lee@example.com>'\n") ==
          Strings{"lee@example.com | Failed to deliver to '<lee@example.com>'"});
    CHECK(blocks("to local user lee.\n(Originally addressed to lee@example.it)\n") ==
          Strings{"lee@example.it | (Originally addressed to lee@example.it)"});
    // Mail.Ru's "Local mailbox a@b is unavailable" (simple_39).
    CHECK(blocks(" Local mailbox ru@example.ru is unavailable: user not found\n") ==
          Strings{"ru@example.ru | Local mailbox ru@example.ru is unavailable: user not found"});
    CHECK(blocks("  an undisclosed address\n    (generated from jo@example.com)\n") ==
          Strings{"jo@example.com | (generated from jo@example.com)"});
    CHECK(blocks("The message, addressed to 'al@example.uk',\nfailed for a reason\n") ==
          Strings{"al@example.uk | The message, addressed to 'al@example.uk', failed for a "
                  "reason"});
    // sisimai's X6 samples: "SMTP Server <mx> rejected recipient <a@b>".
    CHECK(blocks("SMTP Server <mx.example.org> rejected recipient <ki@example.org> (Error "
                 "following RCPT command).\n") ==
          Strings{"ki@example.org | SMTP Server <mx.example.org> rejected recipient "
                  "<ki@example.org> (Error following RCPT command)."});
    // Other words before an address name no recipient.
    CHECK(blocks("Please write to postmaster@example.com about it\n").empty());
    CHECK(blocks("The server rejected sender <s@example.com>\n").empty());
}

TEST_CASE("notice_blocks: a list under a framed label (Smail 3)") {
    // Format fact: Smail 3's "|---- Failed addresses follow: ----|" frame
    // (GNU Mailman 2's bouncer test set, simple_04).
    CHECK(blocks("|------- Message log follows: -------|\n no valid recipients\n"
                 "|------- Failed addresses follow: ---|\n sam@example.com ... unknown host\n"
                 "|------- Message text follows: ------|\n") ==
          Strings{"sam@example.com | sam@example.com ... unknown host |------- Message text "
                  "follows: ------|"});
}

TEST_CASE("hashed_status: qmail's '(#5.1.1)' or '#5.1.1' as a word, the first one") {
    CHECK(hashed_status("553 sorry, no such user (#5.1.1)") == smtp::EnhancedStatusCode{5, 1, 1});
    CHECK(hashed_status("Notes: #5.2.2 mailbox full") == smtp::EnhancedStatusCode{5, 2, 2});
    CHECK(hashed_status("#4.4.1 first (#5.1.1)") == smtp::EnhancedStatusCode{4, 4, 1});
    // Inside a word, or no code after the '#': none.
    CHECK_FALSE(hashed_status("ticket#5.1.1 and issue #12").has_value());
    CHECK_FALSE(hashed_status("").has_value());
}

std::string reply(std::string_view text) {
    const TextReply r = find_text_reply(text);
    std::string out = std::to_string(r.code);
    if (r.enhanced) {
        out += " ";
        out += smtp::to_text(*r.enhanced).view();
    }
    out += " cmd=";
    out += r.command ? smtp::name(*r.command) : std::string_view("-");
    out += " mta=" + (r.remote_mta.empty() ? std::string("-") : r.remote_mta);
    out += " | " + r.diagnostic;
    return out;
}

TEST_CASE("find_text_reply: the reply after the cues of each MTA") {
    CHECK(reply("<a@b.example>: host mx.example.net[192.0.2.25] said: 550-5.1.1 The\n    mailbox "
                "does not exist. 550 5.1.1 https://x (in\n    reply to RCPT TO command)\n") ==
          "550 5.1.1 cmd=Rcpt mta=mx.example.net | 550-5.1.1 The mailbox does not exist. 550 "
          "5.1.1 https://x");
    CHECK(reply("  a@example.ch\n    SMTP error from remote mail server after "
                "RCPT TO:<a@example.ch>:\n    host mx1.example.eu [192.0.2.32]: 554 5.7.1 "
                "<a@example.ch>:\n    Access denied\n") ==
          "554 5.7.1 cmd=Rcpt mta=mx1.example.eu | 554 5.7.1 <a@example.ch>: Access denied");
    CHECK(reply("<a@example.jp>:\n192.0.2.153 does not like recipient.\nRemote host said: 550 "
                "5.1.1 <a@example.jp>... User Unknown\nGiving up on 192.0.2.153.\n") ==
          "550 5.1.1 cmd=- mta=- | 550 5.1.1 <a@example.jp>... User Unknown");
    CHECK(reply("  a@example.ch\n    SMTP error from remote mail server after end of data:\n    "
                "550 spam\n") == "550 cmd=DataEnd mta=- | 550 spam");
    // The error before the server's name: "after RCPT command:" on a line of its own.
    CHECK(reply("\"a@example.co.jp\":\nSMTP error from remote server after RCPT command:\nhost: "
                "mx.example.co.jp\n5.2.1 <a@example.co.jp>... User Unknown\n") ==
          "0 5.2.1 cmd=Rcpt mta=mx.example.co.jp | 5.2.1 <a@example.co.jp>... User Unknown");
}

TEST_CASE("find_text_reply: transcripts give the command and the failure wins") {
    CHECK(reply("... while talking to mx.example.org.:\n>>> DATA\n<<< 550 5.7.1 spam\n554 5.0.0 "
                "Service unavailable\n") ==
          "550 5.7.1 cmd=Data mta=mx.example.org | 550 5.7.1 spam");
    // Sendmail's summary comes before its transcript.
    CHECK(reply("<a@example.org>\n    (reason: 550 5.7.1 spam)\n\n>>> DATA\n<<< 550 5.7.1 spam\n") ==
          "550 5.7.1 cmd=Data mta=- | 550 5.7.1 spam");
    // Postfix's session transcript: In: and Out:, the 2yz replies passed over.
    CHECK(reply(" Out: 220 mx ESMTP\n In:  RCPT TO:<a@example.com>\n Out: 250 2.1.5 Ok\n In:  "
                "DATA\n Out: 354 End data\n Out: 451 4.3.0 Error: queue file write error\n") ==
          "451 4.3.0 cmd=Data mta=- | 451 4.3.0 Error: queue file write error");
    // Only successes: the first one stands.
    CHECK(reply("Out: 250 2.0.0 Ok\n") == "250 2.0.0 cmd=- mta=- | 250 2.0.0 Ok");
    // MDaemon's session transcript: commands and replies one a line, all
    // indented alike (GNU Mailman 2's bouncer test set, simple_01); a reply
    // there starts a line of its own unless it continues a multiline one.
    CHECK(reply(" 220 mx.example.com ESMTP ready\n EHLO me.example.org\n 250-mx Hello\n "
                "250 SIZE 40000000\n RCPT To:<a@example.com>\n 552 Message for "
                "<a@example.com> would exceed mailbox quota\n QUIT\n") ==
          "552 cmd=- mta=- | 552 Message for <a@example.com> would exceed mailbox quota QUIT");
    // Exim's multiline reply under the host stays one reply.
    CHECK(reply("    host mx.example.com [192.0.2.1]: 550-5.1.1 No such\n    550-5.1.1 user "
                "here.\n    550 5.1.1 Bye\n") ==
          "550 5.1.1 cmd=- mta=mx.example.com | 550-5.1.1 No such 550-5.1.1 user here. 550 "
          "5.1.1 Bye");
}

TEST_CASE("find_text_reply: a reply quoted after a colon") {
    // Format fact: L-Soft LSMTP's LISTSERV-readable report ("Error-Text:
    // Mailer mx said:" and the reply in quotes on the next line; GNU
    // Mailman 2's bouncer test set, simple_18).
    CHECK(reply("Error-for:  a@example.com\nError-Text: Mailer mx.example.com said:\n"
                "            \"554 Message looping (received 6 times)\"\n") ==
          "554 cmd=- mta=- | 554 Message looping (received 6 times)");
    // Quoted words that are no reply, or a quote after no colon: none.
    CHECK(reply("Subject: \"hello\" and \"550 x\"\n") == "0 cmd=- mta=- | ");
}

TEST_CASE("find_text_reply: codes written oddly") {
    // Gmail once quoted the code twice.
    CHECK(reply("The error that the other server returned was: 550 550 5.1.1 user unknown.") ==
          "550 5.1.1 cmd=- mta=- | 550 5.1.1 user unknown.");
    // La Poste's greeting joined to its refusal (sisimai's sample
    // rhost-franceptt-11): the failure, not the 220.
    CHECK(reply("220-laposte 421 4.2.1 Service refuse. Service refused, please try later.") ==
          "421 4.2.1 cmd=- mta=- | 421 4.2.1 Service refuse. Service refused, please try later.");
    CHECK(reply("250 2.0.0 Ok: queued as 1234") ==
          "250 2.0.0 cmd=- mta=- | 250 2.0.0 Ok: queued as 1234");
    // qmail's and chkusr's "(#5.1.1)".
    CHECK(reply("550 sorry, no mailbox here by that name (#5.1.1 - chkusr)") ==
          "550 5.1.1 cmd=- mta=- | 550 sorry, no mailbox here by that name (#5.1.1 - chkusr)");
    CHECK(reply("Sorry, no mailbox here by that name. (#5.1.1)\n") ==
          "0 5.1.1 cmd=- mta=- | ");
    // A parenthesis the reply did not open.
    CHECK(reply("<a@b.example>\n    (reason: 550 5.1.1 <a@b.example>... User unknown)\n") ==
          "550 5.1.1 cmd=- mta=- | 550 5.1.1 <a@b.example>... User unknown");
    // Postfix's paragraph wrapped without indentation (a sample in
    // sisimai's set, lhost-postfix-57): "(in reply to ...)" on a line of
    // its own still names the command.
    CHECK(reply("<a@b.example>: host mx.b.example[192.0.2.2] said: 550 5.2.1\n<a@b.example>... "
                "User Unknown (in reply to RCPT TO command)\n") ==
          "550 5.2.1 cmd=Rcpt mta=mx.b.example | 550 5.2.1");
    CHECK(reply("no reply in here at all\n(#9.9.9) #5.1\n") == "0 cmd=- mta=- | ");
    CHECK(reply("") == "0 cmd=- mta=- | ");
}

TEST_CASE("apply_text_reply: fills what the recipient lacks") {
    BounceRecipient recipient;
    recipient.status = smtp::parse_enhanced_status_code("5.0.0");
    apply_text_reply(recipient,
                     find_text_reply("<a@b.example>: host mx.example[192.0.2.1] said: 550-5.1.1 "
                                     "x (in reply to RCPT TO command)"));
    CHECK(recipient.code == 550);
    REQUIRE(recipient.reply_status);
    CHECK(smtp::to_text(*recipient.reply_status).view() == "5.1.1");
    CHECK(smtp::to_text(*recipient.status).view() == "5.0.0"); // stated, kept
    CHECK(recipient.command == smtp::Command::Rcpt);
    CHECK(recipient.remote_mta == "mx.example");
    REQUIRE(recipient.problems.size() == 1);
    CHECK(recipient.problems[0].kind == "MissingLastLine");

    // What the recipient has stays; an enhanced code alone becomes the status.
    BounceRecipient known;
    known.code = 421;
    known.diagnostic = "421 busy";
    apply_text_reply(known, find_text_reply("said: 550 5.1.1 other"));
    CHECK(known.code == 421);
    CHECK(known.diagnostic == "421 busy");
    CHECK_FALSE(known.reply_status);
    BounceRecipient bare;
    apply_text_reply(bare, find_text_reply("Sorry. (#5.1.1)"));
    CHECK(bare.code == 0);
    REQUIRE(bare.status);
    CHECK(smtp::to_text(*bare.status).view() == "5.1.1");
    // A stated code of another class than the reply's is the notice's own.
    BounceRecipient qmail;
    apply_text_reply(qmail, find_text_reply("said: 550 Unknown user\n. (#4.4.1)"));
    CHECK(qmail.code == 550);
    CHECK_FALSE(qmail.reply_status);
    REQUIRE(qmail.status);
    CHECK(smtp::to_text(*qmail.status).view() == "4.4.1");
}

TEST_CASE("the notice's words: delayed, permanent, failed, and who wrote it") {
    CHECK(says_delayed("This is a warning message only. Message will be retried for 2 more days"));
    CHECK(says_delayed("has not yet been delivered to one or more of its recipients"));
    CHECK_FALSE(says_delayed("This is a permanent error; I've given up."));
    CHECK(says_permanent("This is a permanent error; I've given up."));
    CHECK(says_permanent("Delivery to the following recipient failed permanently:"));
    CHECK_FALSE(says_permanent("temporary failure"));
    CHECK(says_failed("Your message could not be delivered"));
    CHECK(says_failed("Undeliverable: hello"));
    // Dovecot's rejection (GNU Mailman 2's bouncer test set, simple_38).
    CHECK(says_failed("Your message to <a@example.com> was automatically rejected:"));
    CHECK_FALSE(says_failed("Thanks for your message"));

    CHECK(written_by_mail_system(email({{"From", "Mail Delivery System <MAILER-DAEMON@x.org>"}}, {})));
    CHECK(written_by_mail_system(email({{"From", "postmaster@example.net"}}, {})));
    CHECK(written_by_mail_system(email({{"From", "MDaemon@mail.example.net"}}, {})));
    CHECK(written_by_mail_system(email({{"Subject", "Undelivered Mail Returned to Sender"}}, {})));
    CHECK_FALSE(written_by_mail_system(email({{"From", "fred@example.com"},
                                              {"Subject", "Out of Office: hello"}},
                                             {})));
    CHECK(looks_like_failure_notice(email({{"Return-Path", "<>"}}, {})));
    CHECK_FALSE(written_by_mail_system(email({{"Return-Path", "<>"}}, {})));
    CHECK_FALSE(looks_like_failure_notice(email({{"Return-Path", "<a@b.example>"}}, {})));
    CHECK(own_addresses(email({{"From", "MAILER-DAEMON@mx.example.org"}, {"To", "s@example.jp"}},
                              {})) == std::vector<std::string_view>{"MAILER-DAEMON@mx.example.org"});
}

TEST_CASE("collapse_space and paragraph_words") {
    CHECK(collapse_space("  a \r\n\t b  c\n") == "a b c");
    CHECK(collapse_space("").empty());
    CHECK(paragraph_words("x\n  y") == "x y");
    // Cut at 1000 bytes, never inside a UTF-8 sequence.
    std::string long_text(999, 'a');
    long_text += "\xc3\xa9 tail";
    const std::string words = paragraph_words(long_text);
    CHECK(words.size() == 999);
    CHECK(paragraph_words(std::string(2000, 'b')).size() == 1000);
}

} // namespace
