// Tests of src/read/email_input.hpp: which inputs are emails.
#include "read/email_input.hpp"

#include <doctest/doctest.h>

namespace {

using smtp_explain::looks_like_email;

TEST_CASE("looks_like_email: the fields and lines emails start with") {
    CHECK(looks_like_email("Return-Path: <>\r\nReceived: from x\r\n"));
    CHECK(looks_like_email("Received: from mx.example.org by y"));
    CHECK(looks_like_email("Delivered-To: a@b.example\n"));
    CHECK(looks_like_email("From: MAILER-DAEMON@x.example\n"));
    CHECK(looks_like_email("MIME-Version: 1.0\n"));
    CHECK(looks_like_email("mime-version: 1.0\n"));
    CHECK(looks_like_email("X-Apparently-To: a@b.example\n"));
    CHECK(looks_like_email("x-store-info:abc\n"));
    CHECK(looks_like_email("From MAILER-DAEMON Thu Apr 29 23:34:45 2010\n"));
    CHECK(looks_like_email("\xef\xbb\xbfReturn-Path: <>\n"));
    // A list's message gated from netnews (RFC 5536).
    CHECK(looks_like_email("Newsgroups: example.list\nPath: news.example.org\n"));
    CHECK(looks_like_email("Path: news.example.org\n"));
}

TEST_CASE("looks_like_email: replies, transcripts and logs are none") {
    CHECK_FALSE(looks_like_email("550-5.1.1 No such user\r\n"));
    CHECK_FALSE(looks_like_email("S: 220 mx.example.org ESMTP\n"));
    CHECK_FALSE(looks_like_email("C: EHLO client\n"));
    CHECK_FALSE(looks_like_email("send: 'ehlo x'\n"));
    CHECK_FALSE(looks_like_email("reply: b'250 ok'\n"));
    CHECK_FALSE(looks_like_email("Nov 28 10:00:01 relay postfix/smtp[1]: x\n"));
    CHECK_FALSE(looks_like_email("2024-11-28 10:00:01 1abc ** a@b.example: x\n"));
    CHECK_FALSE(looks_like_email("Status: 5.1.1\n"));
    CHECK_FALSE(looks_like_email("Diagnostic-Code: smtp; 550 x\n"));
    CHECK_FALSE(looks_like_email("Received : x\n")); // a space before the colon
    CHECK_FALSE(looks_like_email("X-: y\n"));
    CHECK_FALSE(looks_like_email("From\n"));
    CHECK_FALSE(looks_like_email(""));
    CHECK_FALSE(looks_like_email(":x"));
}

} // namespace
