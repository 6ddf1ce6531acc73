// Tests of src/extract/auto_reply.hpp: auto-replies (RFC 3834).
#include "extract/auto_reply.hpp"

#include "support/messages.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using namespace smtp_explain;
using smtp_explain::testing::Collect;
using smtp_explain::testing::email;
using smtp_explain::testing::part;

DecodedMessage with(std::vector<HeaderField> headers) {
    return email(std::move(headers), {part("text/plain", "I am away.")}, "text/plain");
}

TEST_CASE("is_auto_reply: RFC 3834's field, the vendors' fields and the usual subjects") {
    CHECK(is_auto_reply(with({{"From", "fred@example.com"}, {"Auto-Submitted", "auto-replied"}})));
    CHECK(is_auto_reply(with({{"From", "fred@example.com"},
                              {"Auto-Submitted", "Auto-Replied (vacation)"}})));
    CHECK(is_auto_reply(with({{"From", "fred@example.com"}, {"X-Autoreply", "yes"}})));
    CHECK(is_auto_reply(with({{"From", "fred@example.com"}, {"X-Autorespond", "x"}})));
    CHECK(is_auto_reply(with({{"From", "fred@example.com"}, {"Precedence", "auto_reply"}})));
    CHECK(is_auto_reply(with({{"From", "f@example.com"}, {"Subject", "Out of Office: turtles"}})));
    CHECK(is_auto_reply(with({{"From", "f@example.com"},
                              {"Subject", "AUTO: Smith is out of the office"}})));
    CHECK(is_auto_reply(with({{"From", "f@example.com"}, {"Subject", "Re: x (Automatic Response)"}})));
    CHECK(is_auto_reply(with({{"From", "f@example.jp"}, {"Subject", "\xe8\x87\xaa\xe5\x8b\x95\xe5\xbf\x9c\xe7\xad\x94"}})));
    // Not an auto-reply: no mark, or a mark that is no reply's.
    CHECK_FALSE(is_auto_reply(with({{"From", "fred@example.com"}, {"Subject", "Hello"}})));
    CHECK_FALSE(is_auto_reply(with({{"From", "f@example.com"}, {"Auto-Submitted", "auto-generated"}})));
    CHECK_FALSE(is_auto_reply(with({{"From", "f@example.com"}, {"Auto-Submitted", "no"}})));
    // MTAs mark their bounces auto-replied: those are failure notices.
    CHECK_FALSE(is_auto_reply(with({{"From", "Mail Delivery System <Mailer-Daemon@x.example>"},
                                    {"Auto-Submitted", "auto-replied"}})));
    CHECK_FALSE(is_auto_reply(with({{"From", "robot@example.com"},
                                    {"Subject", "Undeliverable: Out of Office"}})));
    // Auto-replies go out with the null return path too (RFC 3834 section 3.3).
    CHECK(is_auto_reply(with({{"Return-Path", "<>"}, {"From", "f@example.com"},
                              {"Subject", "Out of Office"}})));
}

TEST_CASE("the recipient of an auto-reply is the address that answered") {
    Collect sink;
    CHECK(extract_auto_reply(with({{"From", "Fred Somebody <fred@example.com>"},
                                   {"Subject", "Out of Office: turtles"}}),
                             sink) == 1);
    CHECK(sink.lines() == std::vector<std::string>{"fred@example.com autoreply reason=vacation"});
    CHECK(sink.recipients[0].diagnostic == "Out of Office: turtles");
    Collect none;
    extract_auto_reply(with({}), none);
    CHECK(none.lines() == std::vector<std::string>{"- autoreply reason=vacation"});
}

} // namespace
