// Tests of src/extract/reply_lines.hpp: raw reply lines gathered into
// replies.
#include "extract/reply_lines.hpp"

#include "support/printing.hpp"
#include "support/recorder.hpp"

#include <doctest/doctest.h>

#include <smtp/reply.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace {

using smtp_explain::Location;
using smtp_explain::looks_like_reply_line;
using smtp_explain::Origin;
using smtp_explain::ReplyGatherer;
using smtp_explain::testing::describe;

// Writes down what the gatherer hands on.
class Handler final : public ReplyGatherer::Handler {
public:
    void reply(const smtp::Reply& reply, const Location& where, bool cut_off) override {
        events.push_back("reply " + describe(where) + " " + std::to_string(reply.code()) +
                         " lines=" + std::to_string(reply.line_count()) +
                         (cut_off ? " cut_off" : ""));
        raws.emplace_back(reply.raw());
        texts.emplace_back(reply.line(reply.line_count() - 1));
    }
    void invalid(const smtp_explain::InvalidReplyEvent& event) override {
        events.push_back(describe(event));
        raws.emplace_back(event.raw);
    }
    std::vector<std::string> events;
    std::vector<std::string> raws;
    // Each reply's last line's text.
    std::vector<std::string> texts;
};

// Adds the lines one by one, from input line 1, then flushes.
std::vector<std::string> gather(const std::vector<std::string_view>& lines,
                                smtp::ReplyLimits limits = {}, Handler* out = nullptr) {
    Handler local;
    Handler& handler = out != nullptr ? *out : local;
    ReplyGatherer gatherer(handler, "test", limits);
    std::uint64_t number = 0;
    for (const std::string_view line : lines) {
        gatherer.add(line, ++number, false, Origin::Transcript);
    }
    gatherer.flush();
    return handler.events;
}

TEST_CASE("looks_like_reply_line: three digits, the first 2 to 5, then a separator or the end") {
    CHECK(looks_like_reply_line("250"));
    CHECK(looks_like_reply_line("250 OK"));
    CHECK(looks_like_reply_line("250-PIPELINING"));
    CHECK(looks_like_reply_line("550\tbad separator")); // reported later as invalid
    CHECK(looks_like_reply_line("599 x"));
    CHECK_FALSE(looks_like_reply_line("25"));
    CHECK_FALSE(looks_like_reply_line("199 x"));
    CHECK_FALSE(looks_like_reply_line("600 x"));
    CHECK_FALSE(looks_like_reply_line("2024-05-01 10:00:00 log line"));
    CHECK_FALSE(looks_like_reply_line("25a x"));
    CHECK_FALSE(looks_like_reply_line("250x"));
    CHECK_FALSE(looks_like_reply_line(" 250 x"));
}

TEST_CASE("a multiline reply is handed on with its last line") {
    Handler handler;
    ReplyGatherer gatherer(handler, "test", {});
    gatherer.add("250-mx.example.net", 1, false, Origin::Transcript);
    gatherer.add("250-PIPELINING", 2, false, Origin::Transcript);
    CHECK(handler.events.empty());
    gatherer.add("250 8BITMIME", 3, false, Origin::Transcript);
    CHECK(handler.events == std::vector<std::string>{"reply 1 transcript 250 lines=3"});
    gatherer.flush(); // nothing left
    CHECK(handler.events.size() == 1);
}

TEST_CASE("replies follow one another, each with the origin of its first line") {
    Handler handler;
    ReplyGatherer gatherer(handler, "test", {});
    gatherer.add("220 ready", 4, false, Origin::Python);
    gatherer.add("250-a", 5, false, Origin::Transcript);
    gatherer.add("250 b", 6, false, Origin::Python);
    CHECK(handler.events ==
          std::vector<std::string>{"reply 4 python 220 lines=1", "reply 5 transcript 250 lines=2"});
}

TEST_CASE("a cut-off reply is Incomplete when flushed") {
    Handler handler;
    CHECK(gather({"250-first", "250-second"}, {}, &handler) ==
          std::vector<std::string>{"invalid 1 transcript Incomplete at=21"});
    CHECK(handler.raws == std::vector<std::string>{"250-first\n250-second\n"});
}

TEST_CASE("at the end of the input, a cut-off reply is explained from the lines there are") {
    Handler handler;
    ReplyGatherer gatherer(handler, "test", {});
    gatherer.add("250 ok", 1, false, Origin::Transcript);
    gatherer.add("421-4.7.28 [192.0.2.1] unusual rate", 2, false, Origin::Transcript);
    gatherer.finish();
    CHECK(handler.events == std::vector<std::string>{"reply 1 transcript 250 lines=1",
                                                     "reply 2 transcript 421 lines=1 cut_off"});
    // The reply views the lines as given, '-' and all.
    CHECK(handler.raws.back() == "421-4.7.28 [192.0.2.1] unusual rate\n");
    CHECK(handler.texts.back() == "4.7.28 [192.0.2.1] unusual rate");

    Handler two;
    ReplyGatherer more(two, "test", {});
    more.add("550-5.1.1 first", 7, false, Origin::Transcript);
    more.add("550-5.1.1 second", 8, false, Origin::Transcript);
    more.finish();
    CHECK(two.events == std::vector<std::string>{"reply 7 transcript 550 lines=2 cut_off"});
    CHECK(two.raws == std::vector<std::string>{"550-5.1.1 first\n550-5.1.1 second\n"});
    more.finish(); // nothing left
    CHECK(two.events.size() == 1);
}

TEST_CASE("finish() forgives only the missing last line, never another error") {
    Handler handler;
    ReplyGatherer gatherer(handler, "test", {});
    gatherer.add("250-first", 1, false, Origin::Transcript);
    gatherer.add("251-second", 2, false, Origin::Transcript);
    gatherer.finish();
    CHECK(handler.events == std::vector<std::string>{"invalid 1 transcript CodeMismatch at=12"});

    Handler bad;
    ReplyGatherer separator(bad, "test", {});
    separator.add("250\tfirst", 1, false, Origin::Transcript);
    separator.finish();
    CHECK(bad.events == std::vector<std::string>{"invalid 1 transcript InvalidSeparator at=3"});
}

TEST_CASE("lines whose codes differ are a CodeMismatch at the first differing digit") {
    CHECK(gather({"250-first", "251 second"}) ==
          std::vector<std::string>{"invalid 1 transcript CodeMismatch at=12"});
}

TEST_CASE("a bad separator ends the reply at once") {
    CHECK(gather({"550\tno"}) ==
          std::vector<std::string>{"invalid 1 transcript InvalidSeparator at=3"});
}

TEST_CASE("a line over max_line_length ends the reply at once, so memory stays bounded") {
    smtp::ReplyLimits limits;
    limits.max_line_length = 16;
    Handler handler;
    ReplyGatherer gatherer(handler, "test", limits);
    gatherer.add("250-short", 1, false, Origin::Transcript);
    gatherer.add("250-this line is far too long", 2, false, Origin::Transcript);
    CHECK(handler.events == std::vector<std::string>{"invalid 1 transcript LineTooLong at=26"});
    // A truncated line ends it too, whatever its length.
    gatherer.add("250-cut", 3, true, Origin::Transcript);
    CHECK(handler.events.size() == 2);
}

TEST_CASE("at most max_lines lines are held, and the lines after them start over") {
    smtp::ReplyLimits limits;
    limits.max_lines = 3;
    // The third line's '-' (byte 15) asks for a fourth line: too many.
    CHECK(gather({"250-1", "250-2", "250-3", "250-4", "250 5"}, limits) ==
          std::vector<std::string>{"invalid 1 transcript TooManyLines at=15",
                                   "reply 4 transcript 250 lines=2"});
}

} // namespace
