// Tests of src/extract/input.hpp: each line of an input handed to the
// extractors in turn, events in input order, and the input that held none.
#include "extract/input.hpp"

#include "support/printing.hpp"
#include "support/recorder.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

using smtp_explain::ExtractOptions;
using smtp_explain::InputExtractor;
using smtp_explain::Line;
using smtp_explain::LineReader;
using smtp_explain::testing::Recorder;
using Events = std::vector<std::string>;

Events extract(std::string_view text, const ExtractOptions& options = {}) {
    Recorder recorder;
    InputExtractor extractor(recorder, "in", options);
    LineReader reader;
    Line line{};
    while (reader.next(text, line)) {
        extractor.line(line);
    }
    if (reader.last(line)) {
        extractor.line(line);
    }
    extractor.finish(reader.lines(), reader.looks_binary());
    return recorder.events;
}

TEST_CASE("a reply still being gathered goes out before a log line's event after it") {
    CHECK(extract("250-first\n"
                  "Status: 5.1.1\n"
                  "250 last\n") == Events{"invalid 1 transcript Incomplete at=10",
                                          "status 2 dsn 5.1.1",
                                          "reply 3 transcript 250 lines=1 answers=-"});
}

TEST_CASE("the same for a log line's invalid reply and its reply") {
    CHECK(extract("250-first\n"
                  "host mx said: 550-5.1.1 cut (in reply to RCPT TO command)\n"
                  "250-again\n"
                  "host mx said: 451 4.3.0 later (in reply to RCPT TO command)\n") ==
          Events{"invalid 1 transcript Incomplete at=10", "invalid 2 postfix Incomplete at=14",
                 "invalid 3 transcript Incomplete at=10",
                 "reply 4 postfix 451 4.3.0 lines=1 answers=Rcpt cmd='RCPT TO'"});
}

TEST_CASE("a reply cut off by the end of the input is explained, one cut off before is not") {
    // One line of a multiline reply, pasted alone, with or without its line end.
    CHECK(extract("421-4.7.28 [192.0.2.1] Our system has detected an unusual rate") ==
          Events{"reply 1 transcript 421 4.7.28 lines=1 answers=- cut_off"});
    // In a transcript it still answers its command.
    CHECK(extract("C: RCPT TO:<a@b>\nS: 550-5.1.1 first\nS: 550-5.1.1 second\n") ==
          Events{"reply 2 transcript 550 5.1.1 lines=2 answers=Rcpt cmd='RCPT TO:<a@b>' cut_off"});
    // The client speaks before the last line: the transcript is broken there.
    CHECK(extract("S: 250-first\nC: QUIT\nS: 221 bye\n") ==
          Events{"invalid 1 transcript Incomplete at=10",
                 "reply 3 transcript 221 lines=1 answers=Quit cmd='QUIT'"});
}

TEST_CASE("a log line that says nothing leaves the reply being gathered alone") {
    CHECK(extract("250-first\n"
                  "x SMTP error from remote mail server: timeout\n"
                  "250 last\n") == Events{"reply 1 transcript 250 lines=2 answers=-"});
}

TEST_CASE("a folded field ends before the next line is read by any extractor") {
    CHECK(extract("Diagnostic-Code: smtp; 550-5.1.1 first\n"
                  " 550 5.1.1 second\n"
                  "S: 221 bye\n") == Events{"reply 1 dsn 550 5.1.1 lines=2 answers=-",
                                            "reply 3 transcript 221 lines=1 answers=-"});
}

TEST_CASE("the transcript's marked lines come before the mail log's") {
    // A client line whose text looks like a log's: it is the client's.
    CHECK(extract("C: RCPT TO:<a@b> said: 550 x (in reply to RCPT TO command)\n"
                  "S: 250 ok\n") ==
          Events{"reply 2 transcript 250 lines=1 answers=Rcpt "
                 "cmd='RCPT TO:<a@b> said: 550 x (in reply to RCPT TO command)'"});
}

TEST_CASE("a log line comes before a bare reply line") {
    CHECK(extract("550 host mx said: 451 4.3.0 later (in reply to MAIL FROM command)\n") ==
          Events{"reply 1 postfix 451 4.3.0 lines=1 answers=Mail cmd='MAIL FROM'"});
}

TEST_CASE("an input with nothing in it: how many lines, and whether it looked binary") {
    CHECK(extract("") == Events{"no_reply in lines=0"});
    CHECK(extract("hello\nworld\n") == Events{"no_reply in lines=2"});
    CHECK(extract(std::string("\x01\x02\x03\x04 noise\n", 11)) ==
          Events{"no_reply in lines=1 binary"});
}

TEST_CASE("an invalid reply or a status is something found") {
    CHECK(extract("250-cut\n") == Events{"reply 1 transcript 250 lines=1 answers=- cut_off"});
    CHECK(extract("Status: 4.4.1\n") == Events{"status 1 dsn 4.4.1"});
}

TEST_CASE("origins are spelled as the reports print them") {
    using smtp_explain::Origin;
    using smtp_explain::origin_name;
    CHECK(origin_name(Origin::Transcript) == "transcript");
    CHECK(origin_name(Origin::Python) == "python");
    CHECK(origin_name(Origin::Postfix) == "postfix");
    CHECK(origin_name(Origin::Exim) == "exim");
    CHECK(origin_name(Origin::Dsn) == "dsn");
    CHECK(origin_name(static_cast<Origin>(9)).empty());
    static_assert(origin_name(Origin::Dsn) == "dsn", "origin_name is constexpr");
}

} // namespace
