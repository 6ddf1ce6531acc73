// Tests of src/mime/gmime_message.hpp: an email's bytes into the decoded
// message, with GMime.
#include "mime/gmime_message.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::DecodedMessage;
using smtp_explain::MessagePart;
using smtp_explain::read_message;

std::vector<std::string> types(const DecodedMessage& message) {
    std::vector<std::string> out;
    for (const MessagePart& part : message.parts) {
        out.push_back(part.content_type.type + (part.in_original ? " (original)" : ""));
    }
    return out;
}

// メールエラー通知, ユーザが存在しません, ユーザ不明 in UTF-8.
const std::string mail_error = "\xe3\x83\xa1\xe3\x83\xbc\xe3\x83\xab\xe3\x82\xa8\xe3\x83\xa9\xe3"
                               "\x83\xbc\xe9\x80\x9a\xe7\x9f\xa5";
const std::string no_such_user = "\xe3\x83\xa6\xe3\x83\xbc\xe3\x82\xb6\xe3\x81\x8c\xe5\xad\x98\xe5"
                                 "\x9c\xa8\xe3\x81\x97\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93";
const std::string user_unknown = "\xe3\x83\xa6\xe3\x83\xbc\xe3\x82\xb6\xe4\xb8\x8d\xe6\x98\x8e";

const std::string report =
    "From MAILER-DAEMON Thu Apr 29 23:34:45 2010\n"
    "Return-Path: <>\n"
    "From: Mail Delivery System\n"
    " <MAILER-DAEMON@mx.example.org>\n"
    "Subject: =?ISO-2022-JP?B?GyRCJWEhPCVrJSglaSE8RExDThsoQg==?=\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/report; report-type=delivery-status;\n"
    " boundary=\"B\"\n"
    "\n"
    "This is a MIME-encapsulated message.\n"
    "\n"
    "--B\n"
    "Content-Type: text/plain; charset=us-ascii\n"
    "Content-Transfer-Encoding: quoted-printable\n"
    "\n"
    "<a@example.net>: host mx.example.net said: 55=\n"
    "0 5.1.1 no such user (in reply to RCPT TO command)=3D\n"
    "--B\n"
    "Content-Type: message/delivery-status\n"
    "Content-Transfer-Encoding: base64\n"
    "\n"
    "UmVwb3J0aW5nLU1UQTogZG5zOyBteC5leGFtcGxlLm9yZwoKRmluYWwtUmVjaXBpZW50OiByZmM4MjI7IGFAZXhhbXBs\n"
    "ZS5uZXQKQWN0aW9uOiBmYWlsZWQKU3RhdHVzOiA1LjEuMQo=\n"
    "--B\n"
    "Content-Type: message/rfc822\n"
    "\n"
    "From: sender@example.org\n"
    "To: a@example.net\n"
    "Subject: hello\n"
    "Content-Type: multipart/mixed; boundary=\"C\"\n"
    "\n"
    "--C\n"
    "Content-Type: text/plain\n"
    "\n"
    "quoted body 421\n"
    "--C\n"
    "Content-Type: image/png\n"
    "Content-Transfer-Encoding: base64\n"
    "\n"
    "iVBORw0KGgo=\n"
    "--C--\n"
    "--B--\n";

TEST_CASE("read_message: headers decoded, the tree walked, encodings undone") {
    const DecodedMessage message = read_message(report);
    // The mbox line is no header; a folded field is unfolded; RFC 2047 decoded.
    REQUIRE(message.header("From") != nullptr);
    CHECK(*message.header("From") == "Mail Delivery System <MAILER-DAEMON@mx.example.org>");
    REQUIRE(message.header("Subject") != nullptr);
    CHECK(*message.header("Subject") == mail_error);
    REQUIRE(message.header("Return-Path") != nullptr);
    CHECK(*message.header("Return-Path") == "<>");
    CHECK(message.content_type.is("multipart/report"));
    CHECK(message.content_type.parameter("report-type") == "delivery-status");
    CHECK(types(message) ==
          std::vector<std::string>{"text/plain", "text/plain", "message/delivery-status",
                                   "message/rfc822 (original)", "text/plain (original)",
                                   "image/png (original)"});
    // The notice before the first boundary is a part of its own.
    CHECK(message.parts[0].text.find("MIME-encapsulated") != std::string::npos);
    CHECK(message.parts[0].preamble);
    CHECK_FALSE(message.parts[1].preamble);
    // The quoted-printable soft line break splits no code any more. (The line
    // break before a boundary is the boundary's, RFC 2046 section 5.1.1.)
    CHECK(message.parts[1].text ==
          "<a@example.net>: host mx.example.net said: 550 5.1.1 no such user (in reply to RCPT "
          "TO command)=");
    CHECK(message.parts[2].text.find("Final-Recipient: rfc822; a@example.net\nAction: failed") !=
          std::string::npos);
    // The returned original: its header section, then its parts.
    CHECK(message.parts[3].text.find("To: a@example.net\n") != std::string::npos);
    CHECK(message.parts[4].text == "quoted body 421");
    CHECK(message.parts[5].text.empty()); // no text
}

std::string body_as_utf8(const std::string& content_type, const std::string& body) {
    const DecodedMessage message = read_message("From: x@example.org\nContent-Type: " +
                                                content_type + "\n\n" + body);
    REQUIRE(message.parts.size() == 1);
    return message.parts[0].text;
}

TEST_CASE("read_message: charsets into UTF-8") {
    CHECK(body_as_utf8("text/plain; charset=ISO-2022-JP",
                       "\x1b$B%f!<%6$,B8:_$7$^$;$s\x1b(B\n") == no_such_user + "\n");
    // Japanese MTAs send ISO-2022-JP labelled us-ascii, or not labelled.
    CHECK(body_as_utf8("text/plain; charset=us-ascii", "\x1b$B%f!<%6$,B8:_$7$^$;$s\x1b(B\n") ==
          no_such_user + "\n");
    CHECK(body_as_utf8("text/plain", "550 \x1b$B%f!<%6$,B8:_$7$^$;$s\x1b(B\n") ==
          "550 " + no_such_user + "\n");
    CHECK(body_as_utf8("text/plain; charset=Shift_JIS", "\x83\x86\x81[\x83U\x95s\x96\xbe") ==
          user_unknown);
    CHECK(body_as_utf8("text/plain; charset=iso-8859-1", "caf\xe9") == "caf\xc3\xa9");
    CHECK(body_as_utf8("text/plain; charset=windows-1252", "\x93quoted\x94") ==
          "\xe2\x80\x9cquoted\xe2\x80\x9d");
    CHECK(body_as_utf8("text/plain; charset=utf-8", user_unknown) == user_unknown);
    // UTF-8 under a 7-bit ISO-2022-JP label (converted on the way, not
    // relabelled) is kept whole, not stripped to its ASCII.
    CHECK(body_as_utf8("text/plain; charset=ISO-2022-JP", "550 " + user_unknown) ==
          "550 " + user_unknown);
    // A wrong label or an unknown charset: GMime's guess, never invalid UTF-8.
    CHECK(body_as_utf8("text/plain; charset=utf-8", "caf\xe9") == "caf\xc3\xa9");
    CHECK(body_as_utf8("text/plain; charset=x-no-such-charset", "caf\xe9") == "caf\xc3\xa9");
    CHECK(body_as_utf8("text/plain", "plain ascii") == "plain ascii");
    // Base64 text in a charset.
    CHECK(body_as_utf8("text/plain; charset=iso-2022-jp\nContent-Transfer-Encoding: base64",
                       "GyRCJWEhPCVrJSglaSE8RExDThsoQg==") == mail_error);
}

TEST_CASE("read_message: any bytes give a message") {
    const DecodedMessage nothing = read_message("");
    for (const MessagePart& part : nothing.parts) {
        CHECK(part.text.empty());
    }
    const DecodedMessage no_headers = read_message("not an email\nat all\n");
    bool found = false;
    for (const MessagePart& part : no_headers.parts) {
        found = found || part.text.find("at all") != std::string::npos;
    }
    CHECK(found);
    // A multipart without its boundary, binary bytes, a nesting deeper than
    // the walk goes: no crash, valid UTF-8 out.
    std::string deep = "Content-Type: message/rfc822\n\n";
    for (int i = 0; i < 100; ++i) {
        deep += "Content-Type: message/rfc822\n\n";
    }
    deep += "Subject: bottom\n\nbody\n";
    const DecodedMessage nested = read_message(deep);
    CHECK(nested.parts.size() <= 70);
    const DecodedMessage broken = read_message(
        "Content-Type: multipart/mixed\n\n--x\n\x01\x02\xff\xfe\n--x--\n");
    CHECK(broken.parts.size() >= 1);
}

} // namespace
