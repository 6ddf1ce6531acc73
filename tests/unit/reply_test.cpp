// Tests for <smtp/reply.hpp>. It is included first to prove that it compiles
// on its own.
#include <smtp/reply.hpp>

#include "../support/reply_reference.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace {

using smtp::EnhancedStatusCode;
using smtp::ReplyError;
using smtp::ReplyLimits;
using namespace std::string_view_literals;

using Enhanced = std::optional<EnhancedStatusCode>;
constexpr Enhanced none = std::nullopt;

struct Row {
    std::string_view input;
    ReplyError error;
    std::size_t consumed; // expected; 0 for errors
    int code;
    std::vector<std::string_view> lines;
    Enhanced enhanced;
};

constexpr ReplyError ok = ReplyError::None;

// Written by hand from RFC 5321 section 4.2 and the rules README.md gives
// for parse_reply ("Parsing replies"); default limits.
const Row rows[] = {
    // Single lines, both line endings.
    {"250 OK\r\n",                              ok, 8,  250, {"OK"}, none},
    {"250 OK\n",                                ok, 7,  250, {"OK"}, none},
    {"220 mx.example.org ESMTP ready\r\n",      ok, 32, 220, {"mx.example.org ESMTP ready"}, none},
    // Bare codes: valid (RFC 5321 section 4.2: the text is optional).
    {"250\r\n",                                 ok, 5,  250, {""}, none},
    {"250\n",                                   ok, 4,  250, {""}, none},
    {"334\r\n",                                 ok, 5,  334, {""}, none},
    {"334 \r\n",                                ok, 6,  334, {""}, none},
    {"334 VXNlcm5hbWU6\r\n",                    ok, 18, 334, {"VXNlcm5hbWU6"}, none},
    // Codes no table lists.
    {"571 5.7.1 Relaying denied\r\n",           ok, 27, 571, {"5.7.1 Relaying denied"}, EnhancedStatusCode{5, 7, 1}},
    {"299 odd\r\n",                             ok, 9,  299, {"odd"}, none},
    {"209 x\n",                                 ok, 6,  209, {"x"}, none},
    // Text that starts with digits is text.
    {"250-234 Text\r\n250 ok\r\n",              ok, 22, 250, {"234 Text", "ok"}, none},
    {"250 250 250\r\n",                         ok, 13, 250, {"250 250"}, none},
    // Multiline, mixed endings, empty texts.
    {"250-mx.example.org Hello\r\n250-SIZE 35882577\r\n250-8BITMIME\r\n250-PIPELINING\r\n250 SMTPUTF8\r\n",
                                                ok, 89, 250, {"mx.example.org Hello", "SIZE 35882577", "8BITMIME", "PIPELINING", "SMTPUTF8"}, none},
    {"250-a\n250-b\r\n250 c\n",                 ok, 19, 250, {"a", "b", "c"}, none},
    {"250-\r\n250 \r\n",                        ok, 12, 250, {"", ""}, none},
    {"250-\n250\n",                             ok, 9,  250, {"", ""}, none},
    {"214-\r\n214\r\n",                         ok, 11, 214, {"", ""}, none},
    // A lone CR is text, not a line end; only the CR right before LF goes.
    {"250 OK\rX\r\n",                           ok, 10, 250, {"OK\rX"}, none},
    {"250 OK\r\r\n",                            ok, 9,  250, {"OK\r"}, none},
    {"250 \r\r\n",                              ok, 7,  250, {"\r"}, none},
    // UTF-8 (RFC 6531), 8-bit bytes and NUL pass through untouched.
    {"550 5.1.1 Empf\xc3\xa4nger unbekannt \xe2\x9c\x89\r\n",
                                                ok, 36, 550, {"5.1.1 Empf\xc3\xa4nger unbekannt \xe2\x9c\x89"}, EnhancedStatusCode{5, 1, 1}},
    {"250 \xff\xfe\x80\r\n",                    ok, 9,  250, {"\xff\xfe\x80"}, none},
    {"250 a\0b\r\n"sv,                          ok, 9,  250, {"a\0b"sv}, none},
    // Bytes after the reply are not part of it.
    {"250 ok\r\n\xff garbage",                  ok, 8,  250, {"ok"}, none},
    {"250 ok\r\n250 next\r\n",                  ok, 8,  250, {"ok"}, none},

    // Enhanced codes: from the start of the text, followed by a space or
    // the line end, class matching the reply (RFC 2034 section 4).
    {"550 5.1.1 <a@b>: Recipient address rejected\r\n",
                                                ok, 45, 550, {"5.1.1 <a@b>: Recipient address rejected"}, EnhancedStatusCode{5, 1, 1}},
    {"535 5.7.8  Authentication credentials invalid\r\n", // RFC 4954 section 6: two spaces
                                                ok, 47, 535, {"5.7.8  Authentication credentials invalid"}, EnhancedStatusCode{5, 7, 8}},
    {"250 2.0.0\r\n",                           ok, 11, 250, {"2.0.0"}, EnhancedStatusCode{2, 0, 0}},
    {"250 2.0.0\n",                             ok, 10, 250, {"2.0.0"}, EnhancedStatusCode{2, 0, 0}},
    {"452 4.5.3 Too many recipients\r\n",       ok, 31, 452, {"4.5.3 Too many recipients"}, EnhancedStatusCode{4, 5, 3}},
    {"250 2.123.999 x\r\n",                     ok, 17, 250, {"2.123.999 x"}, EnhancedStatusCode{2, 123, 999}},
    {"550 4.1.1 class differs\r\n",             ok, 25, 550, {"4.1.1 class differs"}, none},
    {"250 2.0.0: ok\r\n",                       ok, 15, 250, {"2.0.0: ok"}, none},
    {"250 2.0.0\r\r\n",                         ok, 12, 250, {"2.0.0\r"}, none},
    {"250 2.0.0\tok\r\n",                       ok, 14, 250, {"2.0.0\tok"}, none},
    {"250  2.0.0 leading space\r\n",            ok, 26, 250, {" 2.0.0 leading space"}, none},
    {"451 [#4.16.1] Temporary\r\n",             ok, 25, 451, {"[#4.16.1] Temporary"}, none},
    {"550 - 4.16.55.1; text\r\n",               ok, 23, 550, {"- 4.16.55.1; text"}, none},
    {"450 4.16.55.1 text\r\n",                  ok, 20, 450, {"4.16.55.1 text"}, none},
    {"450 4.1000.1 text\r\n",                   ok, 19, 450, {"4.1000.1 text"}, none},
    {"450 4.1 text\r\n",                        ok, 14, 450, {"4.1 text"}, none},
    {"450 4..1 text\r\n",                       ok, 15, 450, {"4..1 text"}, none},
    {"354 3.0.0 go ahead\r\n",                  ok, 20, 354, {"3.0.0 go ahead"}, none},
    {"250 text 2.0.0\r\n",                      ok, 16, 250, {"text 2.0.0"}, none},
    {"250-mx.example.org\r\n250-2.1.5 first\r\n250 2.1.0 second\r\n",
                                                ok, 55, 250, {"mx.example.org", "2.1.5 first", "2.1.0 second"}, EnhancedStatusCode{2, 1, 5}},
    {"550-4.7.1 wrong class\r\n550 5.7.2 right\r\n",
                                                ok, 40, 550, {"4.7.1 wrong class", "5.7.2 right"}, EnhancedStatusCode{5, 7, 2}},
    {"250-2.0.0\r\n250 ok\r\n",                 ok, 19, 250, {"2.0.0", "ok"}, EnhancedStatusCode{2, 0, 0}},

    // Incomplete: the input ends before the last line does.
    {"",                                        ReplyError::Incomplete, 0, 0, {}, none},
    {"2",                                       ReplyError::Incomplete, 0, 0, {}, none},
    {"25",                                      ReplyError::Incomplete, 0, 0, {}, none},
    {"250",                                     ReplyError::Incomplete, 0, 0, {}, none},
    {"250\r",                                   ReplyError::Incomplete, 0, 0, {}, none},
    {"250 OK",                                  ReplyError::Incomplete, 0, 0, {}, none},
    {"250 OK\r",                                ReplyError::Incomplete, 0, 0, {}, none},
    {"250-a\r\n",                               ReplyError::Incomplete, 0, 0, {}, none},
    {"250-a\r\n25",                             ReplyError::Incomplete, 0, 0, {}, none},
    {"250-a\r\n250",                            ReplyError::Incomplete, 0, 0, {}, none},
    {"250-a\r\n250 b\r",                        ReplyError::Incomplete, 0, 0, {}, none},

    // InvalidCode: exactly three ASCII digits, the first 2 to 5.
    {"2500 x\r\n",                              ReplyError::InvalidCode, 0, 0, {}, none},
    {"25 x\r\n",                                ReplyError::InvalidCode, 0, 0, {}, none},
    {"25\r\n",                                  ReplyError::InvalidCode, 0, 0, {}, none},
    {"+50 x\r\n",                               ReplyError::InvalidCode, 0, 0, {}, none},
    {"-50 x\r\n",                               ReplyError::InvalidCode, 0, 0, {}, none},
    {" 250 x\r\n",                              ReplyError::InvalidCode, 0, 0, {}, none},
    {"150 x\r\n",                               ReplyError::InvalidCode, 0, 0, {}, none},
    {"650 x\r\n",                               ReplyError::InvalidCode, 0, 0, {}, none},
    {"050 x\r\n",                               ReplyError::InvalidCode, 0, 0, {}, none},
    {"2a0 x\r\n",                               ReplyError::InvalidCode, 0, 0, {}, none},
    {"25a",                                     ReplyError::InvalidCode, 0, 0, {}, none},
    {"\r\n",                                    ReplyError::InvalidCode, 0, 0, {}, none},
    {"\n",                                      ReplyError::InvalidCode, 0, 0, {}, none},
    {"\0"sv,                                    ReplyError::InvalidCode, 0, 0, {}, none},
    {"2\0"sv,                                   ReplyError::InvalidCode, 0, 0, {}, none},
    {"\xb2\xb5\xb0 x\r\n",                      ReplyError::InvalidCode, 0, 0, {}, none},
    {"\xef\xbc\x92\xef\xbc\x95\xef\xbc\x90 x\r\n", ReplyError::InvalidCode, 0, 0, {}, none}, // fullwidth digits
    {"EHLO x\r\n",                              ReplyError::InvalidCode, 0, 0, {}, none},
    {"250-a\r\n1",                              ReplyError::InvalidCode, 0, 0, {}, none},
    {"250-a\r\n2x0 b\r\n",                      ReplyError::InvalidCode, 0, 0, {}, none},
    {"250-a\r\n\r\n",                           ReplyError::InvalidCode, 0, 0, {}, none},
    {"250-a\r\n2500 b\r\n",                     ReplyError::InvalidCode, 0, 0, {}, none},
    {"250-a\r\n 250 b\r\n",                     ReplyError::InvalidCode, 0, 0, {}, none},

    // InvalidSeparator: a space, '-' or the line end must follow the code.
    {"250_x\r\n",                               ReplyError::InvalidSeparator, 0, 0, {}, none},
    {"250\tx\r\n",                              ReplyError::InvalidSeparator, 0, 0, {}, none},
    {"250\rx\r\n",                              ReplyError::InvalidSeparator, 0, 0, {}, none},
    {"250\r\r\n",                               ReplyError::InvalidSeparator, 0, 0, {}, none},
    {"250\0"sv,                                 ReplyError::InvalidSeparator, 0, 0, {}, none},
    {"250=",                                    ReplyError::InvalidSeparator, 0, 0, {}, none},
    {"250.0.0",                                 ReplyError::InvalidSeparator, 0, 0, {}, none},
    {"250-a\r\n250x",                           ReplyError::InvalidSeparator, 0, 0, {}, none},

    // CodeMismatch: every line carries the first line's code (4.2.1).
    {"250-a\r\n251 b\r\n",                      ReplyError::CodeMismatch, 0, 0, {}, none},
    {"250-a\r\n550 b\r\n",                      ReplyError::CodeMismatch, 0, 0, {}, none},
    {"250-a\r\n3",                              ReplyError::CodeMismatch, 0, 0, {}, none}, // proven by one byte
    {"250-a\r\n26",                             ReplyError::CodeMismatch, 0, 0, {}, none},
    {"250-a\r\n250-b\r\n250-c\r\n220 d\r\n",    ReplyError::CodeMismatch, 0, 0, {}, none},
};

// Renders bytes readably in failure messages.
std::string show(std::string_view bytes) {
    std::string out;
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\r') {
            out += "\\r";
        } else if (c == '\n') {
            out += "\\n";
        } else if (u < 0x20 || u >= 0x7f) {
            constexpr char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[u >> 4];
            out += hex[u & 15u];
        } else {
            out += c;
        }
    }
    return out;
}

// An exact-size heap copy, so AddressSanitizer sees any read past the end.
std::vector<char> exact_copy(std::string_view bytes) { return {bytes.begin(), bytes.end()}; }
std::string_view view(const std::vector<char>& bytes) {
    return {bytes.data(), bytes.size()};
}

} // namespace

TEST_CASE("parse_reply") {
    SUBCASE("answers every row of the table") {
        for (const Row& row : rows) {
            const std::vector<char> bytes = exact_copy(row.input);
            const std::string_view in = view(bytes);
            CAPTURE(show(row.input));
            const smtp::ReplyParse got = smtp::parse_reply(in);
            CHECK(got.error == row.error);
            CHECK(got.consumed == row.consumed);
            CHECK(got.ok() == (row.error == ok));
            CHECK(got.reply.code() == row.code);
            CHECK(got.reply.line_count() == row.lines.size());
            CHECK(got.reply.enhanced() == row.enhanced);
            CHECK(got.reply.raw() == in.substr(0, row.consumed));
            std::vector<std::string_view> lines(got.reply.lines().begin(), got.reply.lines().end());
            CHECK(lines == row.lines);
            for (std::size_t i = 0; i < row.lines.size(); ++i) {
                CHECK(got.reply.line(i) == row.lines[i]);
            }
        }
    }
    SUBCASE("agrees with the reference on every row, fed whole and byte by byte") {
        for (const Row& row : rows) {
            const std::vector<char> bytes = exact_copy(row.input);
            CAPTURE(show(row.input));
            CHECK(reply_reference::check(view(bytes), ReplyLimits{}) == "");
        }
    }
    SUBCASE("fed one byte at a time gives Incomplete, then the whole input's answer") {
        for (const Row& row : rows) {
            CAPTURE(show(row.input));
            const smtp::ReplyParse whole = smtp::parse_reply(row.input);
            std::size_t first_final = row.input.size() + 1;
            for (std::size_t k = 0; k <= row.input.size(); ++k) {
                const std::vector<char> bytes = exact_copy(row.input.substr(0, k));
                const smtp::ReplyParse part = smtp::parse_reply(view(bytes));
                if (part.error != ReplyError::Incomplete && first_final > k) {
                    first_final = k;
                }
                if (k >= first_final) {
                    CHECK(part.error == whole.error);
                    CHECK(part.consumed == whole.consumed);
                    CHECK(part.reply.line_count() == whole.reply.line_count());
                } else {
                    CHECK(part.error == ReplyError::Incomplete);
                }
            }
            if (whole.ok()) {
                // A reply is proven exactly when its last LF arrives.
                CHECK(first_final == whole.consumed);
                CHECK(whole.error_offset == 0);
            } else if (whole.error == ReplyError::Incomplete) {
                CHECK(whole.error_offset == row.input.size());
            } else {
                // The byte that made the prefix final is the offending one.
                CHECK(whole.error_offset + 1 == first_final);
            }
        }
    }
}

TEST_CASE("error_offset points at the first offending byte") {
    struct OffsetRow {
        std::string_view input;
        ReplyLimits limits;
        ReplyError error;
        std::size_t offset;
    };
    const OffsetRow offset_rows[] = {
        {"150 x\r\n", {}, ReplyError::InvalidCode, 0},
        {"2x0 x\r\n", {}, ReplyError::InvalidCode, 1},
        {"25 x\r\n", {}, ReplyError::InvalidCode, 2},
        {"2500 x\r\n", {}, ReplyError::InvalidCode, 3},
        {"250_x\r\n", {}, ReplyError::InvalidSeparator, 3},
        {"250\rx\r\n", {}, ReplyError::InvalidSeparator, 4},
        {"250-a\r\n251 b\r\n", {}, ReplyError::CodeMismatch, 9},
        {"250-a\r\n350 b\r\n", {}, ReplyError::CodeMismatch, 7},
        {"250-a\r\n2x0 b\r\n", {}, ReplyError::InvalidCode, 8},
        {"250-a\r\n250x", {}, ReplyError::InvalidSeparator, 10},
        {"250-a\n250-b\n250-c\n", {10, 3}, ReplyError::TooManyLines, 15},
        {"250-a\n", {10, 1}, ReplyError::TooManyLines, 3},
        {"250 abcdefg\r\n", {10, 5}, ReplyError::LineTooLong, 10},
        {"250 abcdef\rx", {10, 5}, ReplyError::LineTooLong, 11},
        {"250 abcdef\r\n", {10, 5}, ReplyError::None, 0},
        {"250-ok\r\n250 abcdefg\r\n", {10, 5}, ReplyError::LineTooLong, 18},
        {"250 ok", {}, ReplyError::Incomplete, 6},
        {"", {}, ReplyError::Incomplete, 0},
        {"250 ok\r\n", {0, 5}, ReplyError::LineTooLong, 0},
        {"250 ok\r\n", {10, 0}, ReplyError::TooManyLines, 0},
    };
    for (const OffsetRow& row : offset_rows) {
        CAPTURE(show(row.input));
        const smtp::ReplyParse got = smtp::parse_reply(row.input, row.limits);
        CHECK(got.error == row.error);
        CHECK(got.error_offset == row.offset);
    }
    static_assert(smtp::parse_reply("250-a\r\n251 b\r\n").error_offset == 9);
}

TEST_CASE("parse_reply with ReplyLimits::strict") {
    // RFC 5321 by the letter: only CRLF ends a line (section 2.3.8), and
    // the code is %x32-35 %x30-35 %x30-39 (section 4.2).
    struct StrictRow {
        std::string_view input;
        ReplyError lenient;
        ReplyError strict;
        std::size_t strict_offset; // error_offset in strict mode
    };
    const StrictRow strict_rows[] = {
        // CRLF everywhere: the same answer in both readings.
        {"250 OK\r\n", ok, ok, 0},
        {"250\r\n", ok, ok, 0},
        {"250-a\r\n250 b\r\n", ok, ok, 0},
        {"250 OK\rX\r\n", ok, ok, 0}, // a CR not followed by LF is text
        {"259 x\r\n", ok, ok, 0},
        {"500 x\r\n", ok, ok, 0},
        // A bare LF ends a line only in the lenient reading.
        {"250 OK\n", ok, ReplyError::BareLineFeed, 6},
        {"250\n", ok, ReplyError::BareLineFeed, 3},
        {"250-a\r\n250 b\n", ok, ReplyError::BareLineFeed, 12},
        {"250-a\n250 b\r\n", ok, ReplyError::BareLineFeed, 5},
        {"250-\n", ReplyError::Incomplete, ReplyError::BareLineFeed, 4},
        // The second digit: 0 to 5 by the letter.
        {"571 5.7.1 denied\r\n", ok, ReplyError::InvalidCode, 1},
        {"299 odd\r\n", ok, ReplyError::InvalidCode, 1},
        {"560 x\r\n", ok, ReplyError::InvalidCode, 1},
        {"26", ReplyError::Incomplete, ReplyError::InvalidCode, 1},
        {"25", ReplyError::Incomplete, ReplyError::Incomplete, 2},
        // Errors both readings share keep their names and bytes.
        {"250-a\r\n251 b\r\n", ReplyError::CodeMismatch, ReplyError::CodeMismatch, 9},
        {"250-a\r\n270 b\r\n", ReplyError::CodeMismatch, ReplyError::InvalidCode, 8},
        {"2500\r\n", ReplyError::InvalidCode, ReplyError::InvalidCode, 3},
        {"250_\r\n", ReplyError::InvalidSeparator, ReplyError::InvalidSeparator, 3},
        {"250 OK", ReplyError::Incomplete, ReplyError::Incomplete, 6},
        {"250 OK\r", ReplyError::Incomplete, ReplyError::Incomplete, 7},
    };
    for (const StrictRow& row : strict_rows) {
        CAPTURE(show(row.input));
        ReplyLimits strict;
        strict.strict = true;
        CHECK(smtp::parse_reply(row.input).error == row.lenient);
        const smtp::ReplyParse got = smtp::parse_reply(row.input, strict);
        CHECK(got.error == row.strict);
        CHECK(got.error_offset == row.strict_offset);
        CHECK(reply_reference::check(row.input, strict) == "");
        CHECK(reply_reference::check(row.input, ReplyLimits{}) == "");
    }
    SUBCASE("the lenient rows of the main table, in the strict reading") {
        ReplyLimits strict;
        strict.strict = true;
        for (const Row& row : rows) {
            CAPTURE(show(row.input));
            CHECK(reply_reference::check(row.input, strict) == "");
        }
    }
    SUBCASE("strict is off by default") {
        CHECK_FALSE(ReplyLimits{}.strict);
        static_assert(smtp::parse_reply("250 OK\n").ok());
        static_assert(smtp::parse_reply("250 OK\n", ReplyLimits{8192, 128, true}).error ==
                      ReplyError::BareLineFeed);
    }
}

TEST_CASE("parse_reply reads pipelined replies one after another") {
    const std::string_view stream =
        "250 2.1.0 Sender ok\r\n"
        "250-2.1.5 Recipient ok\r\n250 2.1.5 (again)\r\n"
        "550 5.1.1 No such user\n"
        "354 End data with <CR><LF>.<CR><LF>\r\n"
        "25";
    struct Expected {
        int code;
        std::size_t lines;
        Enhanced enhanced;
        std::string_view last_line;
    };
    const Expected expected[] = {
        {250, 1, EnhancedStatusCode{2, 1, 0}, "2.1.0 Sender ok"},
        {250, 2, EnhancedStatusCode{2, 1, 5}, "2.1.5 (again)"},
        {550, 1, EnhancedStatusCode{5, 1, 1}, "5.1.1 No such user"},
        {354, 1, none, "End data with <CR><LF>.<CR><LF>"},
    };
    std::string_view rest = stream;
    for (const Expected& e : expected) {
        const smtp::ReplyParse got = smtp::parse_reply(rest);
        REQUIRE(got.ok());
        CHECK(got.reply.code() == e.code);
        CHECK(got.reply.line_count() == e.lines);
        CHECK(got.reply.enhanced() == e.enhanced);
        CHECK(got.reply.line(e.lines - 1) == e.last_line);
        CHECK(got.reply.raw().data() == rest.data());
        rest.remove_prefix(got.consumed);
    }
    CHECK(rest == "25");
    CHECK(smtp::parse_reply(rest).error == ReplyError::Incomplete);
}

TEST_CASE("parse_reply with a code split across chunks") {
    // A socket reader appends each chunk and parses the buffer again.
    const std::string_view chunks[] = {"2", "5", "0-first\r", "\n2", "50 2.0.0 last\r", "\n"};
    std::string buffer;
    std::size_t calls_incomplete = 0;
    smtp::ReplyParse got{};
    for (const std::string_view chunk : chunks) {
        buffer += chunk;
        got = smtp::parse_reply(buffer);
        if (got.error == ReplyError::Incomplete) {
            ++calls_incomplete;
        }
    }
    CHECK(calls_incomplete == 5);
    REQUIRE(got.ok());
    CHECK(got.consumed == buffer.size());
    CHECK(got.reply.code() == 250);
    CHECK(got.reply.enhanced() == EnhancedStatusCode{2, 0, 0});
    CHECK(got.reply.line(0) == "first");
    CHECK(got.reply.line(1) == "2.0.0 last");
}

TEST_CASE("ReplyLimits") {
    SUBCASE("the defaults accept what real servers send") {
        // RFC 5321 section 4.5.3.1.5 says 512 octets; servers send more.
        constexpr ReplyLimits defaults{};
        CHECK(defaults.max_line_length >= 4096);
        CHECK(defaults.max_lines >= 64);
        std::string reply;
        for (int i = 0; i < 99; ++i) {
            reply += "250-" + std::string(4000, static_cast<char>('a' + i % 26)) + "\r\n";
        }
        reply += "250 " + std::string(defaults.max_line_length - 4, 'z') + "\r\n";
        const smtp::ReplyParse got = smtp::parse_reply(reply);
        REQUIRE(got.ok());
        CHECK(got.consumed == reply.size());
        CHECK(got.reply.line_count() == 100);
        CHECK(got.reply.line(99).size() == defaults.max_line_length - 4);
    }
    SUBCASE("the defaults still bound a line and a reply") {
        constexpr ReplyLimits defaults{};
        const std::string long_line = "250 " + std::string(defaults.max_line_length - 3, 'x') + "\r\n";
        CHECK(smtp::parse_reply(long_line).error == ReplyError::LineTooLong);
        std::string many;
        for (std::size_t i = 0; i < defaults.max_lines + 1; ++i) {
            many += "250-x\r\n";
        }
        many += "250 x\r\n";
        CHECK(smtp::parse_reply(many).error == ReplyError::TooManyLines);
    }
    SUBCASE("an endless line is rejected once it passes the limit, not at its end") {
        const ReplyLimits limits{100, 10};
        const std::string endless = "250 " + std::string(1 << 20, 'A');
        const std::vector<char> bytes = exact_copy(endless);
        CHECK(smtp::parse_reply(view(bytes), limits).error == ReplyError::LineTooLong);
        // 101 bytes without a line end, the last not a CR: proven too long.
        CHECK(smtp::parse_reply(std::string_view(endless).substr(0, 101), limits).error ==
              ReplyError::LineTooLong);
        CHECK(smtp::parse_reply(std::string_view(endless).substr(0, 100), limits).error ==
              ReplyError::Incomplete);
        // With the default limits, after at most max_line_length + 2 bytes.
        const std::string big = "250 " + std::string(ReplyLimits{}.max_line_length, 'A');
        CHECK(smtp::parse_reply(big).error == ReplyError::LineTooLong);
    }
    SUBCASE("endless continuation lines are rejected at the last line allowed") {
        const ReplyLimits limits{512, 5};
        std::string endless;
        for (int i = 0; i < 100000; ++i) {
            endless += "250-more\r\n";
        }
        CHECK(smtp::parse_reply(endless, limits).error == ReplyError::TooManyLines);
        // Four lines and the fifth's '-': proven, no need to wait for its end.
        const std::string_view prefix = std::string_view(endless).substr(0, 4 * 10 + 4);
        CHECK(smtp::parse_reply(prefix, limits).error == ReplyError::TooManyLines);
        CHECK(smtp::parse_reply(prefix.substr(0, 43), limits).error == ReplyError::Incomplete);
        CHECK(smtp::parse_reply(std::string(prefix.substr(0, 43)) + " last\r\n", limits).ok());
    }
    SUBCASE("a line of exactly max_line_length bytes fits, with either ending") {
        struct LimitRow {
            std::string_view input;
            ReplyLimits limits;
            ReplyError error;
        };
        const LimitRow limit_rows[] = {
            {"250 123456\r\n",   {10, 4}, ok},
            {"250 123456\n",     {10, 4}, ok},
            {"250 1234567\r\n",  {10, 4}, ReplyError::LineTooLong},
            {"250 1234567\n",    {10, 4}, ReplyError::LineTooLong},
            {"250 123456",       {10, 4}, ReplyError::Incomplete},
            {"250 123456\r",     {10, 4}, ReplyError::Incomplete},  // the CR may be the ending's
            {"250 1234567",      {10, 4}, ReplyError::LineTooLong},
            {"250 123456\rX",    {10, 4}, ReplyError::LineTooLong},
            {"250 12345\r\r",    {10, 4}, ReplyError::Incomplete},
            {"250 12345\r\r\n",  {10, 4}, ok},
            {"250 123456\r\r",   {10, 4}, ReplyError::LineTooLong},
            {"250-1\r\n250 123456\r\n", {10, 4}, ok},
            {"250-1\r\n250 1234567\r\n", {10, 4}, ReplyError::LineTooLong},
            // The smallest limit a line can meet: a bare code.
            {"250\r\n",          {3, 4},  ok},
            {"250\n",            {3, 4},  ok},
            {"250\r",            {3, 4},  ReplyError::Incomplete},
            {"250 \r\n",         {3, 4},  ReplyError::LineTooLong},
            {"250 ",             {3, 4},  ReplyError::LineTooLong},
            {"250\rx",           {3, 4},  ReplyError::InvalidSeparator}, // separator before length
            {"250-",             {3, 1},  ReplyError::TooManyLines},     // line count before length
            {"2500",             {3, 4},  ReplyError::InvalidCode},
            // Limits no reply can meet.
            {"",                 {2, 4},  ReplyError::LineTooLong},
            {"250\r\n",          {2, 4},  ReplyError::LineTooLong},
            {"",                 {0, 0},  ReplyError::TooManyLines},
            {"250\r\n",          {512, 0}, ReplyError::TooManyLines},
            // Huge limits do not overflow.
            {"250 ok\r\n",       {SIZE_MAX, SIZE_MAX}, ok},
            {"250 ok",           {SIZE_MAX, SIZE_MAX}, ReplyError::Incomplete},
            {"250 ok",           {SIZE_MAX - 1, SIZE_MAX}, ReplyError::Incomplete},
            {"250 ok",           {SIZE_MAX - 2, SIZE_MAX}, ReplyError::Incomplete},
            // Line count.
            {"250-a\r\n250 b\r\n", {512, 2}, ok},
            {"250-a\r\n250-b",   {512, 2}, ReplyError::TooManyLines},
            {"250-a\r\n250-",    {512, 2}, ReplyError::TooManyLines},
            {"250-a\r\n250",     {512, 2}, ReplyError::Incomplete},
            {"250-a\r\n251-",    {512, 2}, ReplyError::CodeMismatch},   // code before line count
            {"250-",             {512, 1}, ReplyError::TooManyLines},
            {"250 x\r\n",        {512, 1}, ok},
        };
        for (const LimitRow& row : limit_rows) {
            CAPTURE(show(row.input));
            CAPTURE(row.limits.max_line_length);
            CAPTURE(row.limits.max_lines);
            const std::vector<char> bytes = exact_copy(row.input);
            CHECK(smtp::parse_reply(view(bytes), row.limits).error == row.error);
            CHECK(reply_reference::check(view(bytes), row.limits) == "");
        }
    }
}

TEST_CASE("Reply") {
    SUBCASE("status gives the enumerator for listed codes only") {
        CHECK(smtp::parse_reply("250 ok\r\n").reply.status() == smtp::SmtpStatusCode::Ok);
        CHECK(smtp::parse_reply("334 \r\n").reply.status() == smtp::SmtpStatusCode::Base64Response);
        CHECK(smtp::parse_reply("571 no\r\n").reply.status() == std::nullopt);
        CHECK(smtp::parse_reply("299 x\r\n").reply.status() == std::nullopt);
    }
    SUBCASE("a default Reply is empty") {
        const smtp::Reply empty;
        CHECK(empty.code() == 0);
        CHECK(empty.status() == smtp::SmtpStatusCode::NotDefined); // the sentinel for 0
        CHECK(empty.enhanced() == std::nullopt);
        CHECK(empty.line_count() == 0);
        CHECK(empty.line(0).empty());
        CHECK(empty.raw().empty());
        CHECK(empty.lines().begin() == empty.lines().end());
        CHECK(empty.lines().empty());
    }
    SUBCASE("line past the last is empty") {
        const smtp::Reply r = smtp::parse_reply("250-a\r\n250 b\r\n").reply;
        CHECK(r.line(1) == "b");
        CHECK(r.line(2).empty());
        CHECK(r.line(SIZE_MAX).empty());
    }
    SUBCASE("lines are views into the input, without the ending") {
        const std::string_view in = "250-first\r\n250 second\n";
        const smtp::Reply r = smtp::parse_reply(in).reply;
        auto it = r.lines().begin();
        CHECK(it->data() == in.data() + 4);
        CHECK(*it == "first");
        const auto before = it++;
        CHECK(*before == "first");
        CHECK(*it == "second");
        CHECK(it->data() == in.data() + 15);
        ++it;
        CHECK(it == r.lines().end());
        CHECK(std::distance(r.lines().begin(), r.lines().end()) == 2);
    }
}

TEST_CASE("name of ReplyError") {
    const std::pair<ReplyError, std::string_view> names[] = {
        {ReplyError::None, "None"},
        {ReplyError::Incomplete, "Incomplete"},
        {ReplyError::InvalidCode, "InvalidCode"},
        {ReplyError::InvalidSeparator, "InvalidSeparator"},
        {ReplyError::CodeMismatch, "CodeMismatch"},
        {ReplyError::LineTooLong, "LineTooLong"},
        {ReplyError::TooManyLines, "TooManyLines"},
        {ReplyError::BareLineFeed, "BareLineFeed"},
    };
    for (const auto& [error, spelling] : names) {
        CHECK(smtp::name(error) == spelling);
    }
    CHECK(smtp::name(static_cast<ReplyError>(99)).empty());
    CHECK(smtp::name(static_cast<ReplyError>(-1)).empty());
}

namespace {

// Deterministic inputs built from reply pieces, good and broken, so that
// the differential check visits every branch: std::mt19937's output is
// fixed by the standard, and only its raw output is used.
class Generator {
public:
    explicit Generator(std::uint32_t seed) : rng_(seed) {}

    std::size_t below(std::size_t n) { return static_cast<std::size_t>(rng_() % n); }

    std::string code() {
        static constexpr std::string_view codes[] = {
            "250", "250", "250", "550", "451", "334", "354", "220", "571", "299",
            "251", "25",  "2500", "150", "650", "+50", " 25", "2a0", "\0\0\0"sv, "\xff\xff\xff"};
        return std::string(codes[below(std::size(codes))]);
    }
    std::string separator() {
        static constexpr std::string_view seps[] = {" ", " ", "-", "-", "", "\r", "\t", "_", "0", "\0"sv};
        return std::string(seps[below(std::size(seps))]);
    }
    std::string text() {
        static constexpr std::string_view pieces[] = {
            "ok", "2.0.0", "2.0.0 ", "5.1.1 ", "4.7.1", "5.7.8  ", "2.1.5", "[#4.16.1]",
            "4.16.55.1 ", "5.1000.1 ", "5.1", " ", "  ", "\r", "\r\r", "\0"sv, "\xff\xfe",
            "\xc3\xa4", "\xe2\x9c\x89", "234 ", "250-", "PIPELINING", "SIZE 10240000",
            "mx.example.org", "x"};
        std::string out;
        const std::size_t n = below(5);
        for (std::size_t i = 0; i < n; ++i) {
            out += pieces[below(std::size(pieces))];
        }
        if (below(40) == 0) {
            out += std::string(below(3000), static_cast<char>('a' + below(26)));
        }
        return out;
    }
    std::string ending() {
        static constexpr std::string_view endings[] = {"\r\n", "\r\n", "\n", "\n", "\r", ""};
        return std::string(endings[below(std::size(endings))]);
    }
    // A reply of 1 to 7 lines, mostly well formed.
    std::string reply() {
        const std::size_t n = 1 + below(7);
        std::string first = code();
        std::string out;
        for (std::size_t i = 0; i < n; ++i) {
            const std::string c = below(10) == 0 ? code() : first;
            std::string sep = i + 1 < n ? "-" : " ";
            if (below(6) == 0) {
                sep = separator();
            }
            out += c + sep + (sep.empty() || sep == "\r" ? "" : text()) + ending();
        }
        return out;
    }
    // Random damage: cut, flip, insert or duplicate bytes.
    std::string mutate(std::string s) {
        const std::size_t edits = below(4);
        for (std::size_t e = 0; e < edits && !s.empty(); ++e) {
            const std::size_t at = below(s.size());
            switch (below(4)) {
            case 0: s.resize(at); break;
            case 1: s[at] = static_cast<char>(rng_() & 0xffu); break;
            case 2: s.insert(at, 1, "\r\n- 0\0\xff"[below(7)]); break;
            default: s.insert(at, s.substr(at, below(16))); break;
            }
        }
        return s;
    }
    ReplyLimits limits() {
        switch (below(4)) {
        case 0: return {below(24), below(6)};
        case 1: return {3 + below(40), 1 + below(8)};
        default: return {};
        }
    }

private:
    std::mt19937 rng_;
};

} // namespace

TEST_CASE("parse_reply agrees with the reference parser") {
    SUBCASE("on generated replies, whole and damaged, under varied limits") {
        Generator gen(20240611u);
        std::size_t failures = 0;
        std::size_t seen[7] = {}; // answers, by ReplyError value
        for (int i = 0; i < 20000 && failures < 10; ++i) {
            std::string in = gen.reply();
            if (gen.below(3) == 0) {
                in += gen.reply(); // pipelined: a second reply after the first
            }
            if (gen.below(2) == 0) {
                in = gen.mutate(in);
            }
            const ReplyLimits limits = gen.limits();
            const std::vector<char> bytes = exact_copy(in);
            ++seen[static_cast<std::size_t>(smtp::parse_reply(view(bytes), limits).error)];
            const std::string problem =
                reply_reference::check(view(bytes), limits, 400);
            if (!problem.empty()) {
                ++failures;
                CAPTURE(show(in));
                CAPTURE(limits.max_line_length);
                CAPTURE(limits.max_lines);
                CHECK(problem == "");
            }
        }
        CHECK(failures == 0);
        // The inputs reach every answer, so the agreement means something.
        for (std::size_t e = 0; e < std::size(seen); ++e) {
            CAPTURE(smtp::name(static_cast<ReplyError>(e)));
            CHECK(seen[e] >= 100);
        }
    }
    SUBCASE("on hostile inputs") {
        std::vector<std::string> hostile = {
            "250 " + std::string(100000, 'A'),                  // endless line
            "250 " + std::string(100000, '\r'),                 // endless lone CRs
            std::string(100000, '\0'),                          // NUL bytes
            "250 " + std::string(5000, '\0') + "\r\n",
            std::string(100000, '\xff'),                        // 8-bit bytes
            "250 " + std::string(5000, '\x80') + "\r\n",
            "250\r250\r250\r\n",                                // lone CR after the code
            "250 a\rb\rc\r\n",
            std::string(100000, '\n'),
            "\r\n\r\n250 x\r\n",
        };
        std::string continuation;
        for (int i = 0; i < 20000; ++i) {
            continuation += "250-PIPELINING\r\n"; // endless continuation lines
        }
        hostile.push_back(continuation);
        hostile.push_back(continuation + "250 end\r\n");
        hostile.push_back(continuation.substr(0, 16 * 100) + "250 end\r\n");
        for (const std::string& in : hostile) {
            for (const ReplyLimits limits : {ReplyLimits{}, ReplyLimits{64, 8}, ReplyLimits{8192, 1000}}) {
                const std::vector<char> bytes = exact_copy(in);
                CAPTURE(show(in.substr(0, 40)));
                CHECK(reply_reference::check(view(bytes), limits, 32) == "");
            }
        }
        CHECK(smtp::parse_reply(continuation.substr(0, 16 * 100) + "250 end\r\n").reply.line_count() == 101);
    }
}

TEST_CASE("ReplyLines models a forward range of string_view") {
    using It = smtp::ReplyLines::iterator;
    static_assert(std::is_same_v<std::iterator_traits<It>::value_type, std::string_view>);
    static_assert(std::is_nothrow_copy_constructible_v<It>);
    static_assert(std::is_trivially_copyable_v<smtp::Reply>);
    static_assert(std::is_trivially_copyable_v<smtp::ReplyParse>);
    const smtp::Reply r = smtp::parse_reply("250-a\n250-b\n250 c\n").reply;
    const auto begin = r.lines().begin();
    auto again = begin;
    ++again;
    CHECK(*begin == "a"); // copies walk independently
    CHECK(*again == "b");
}
