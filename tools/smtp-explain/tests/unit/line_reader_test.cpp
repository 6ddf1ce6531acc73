// Tests of src/read/line_reader.hpp: bytes in pieces of any size into
// bounded lines.
#include "read/line_reader.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

using smtp_explain::Line;
using smtp_explain::LineReader;
using smtp_explain::max_input_line;

struct Read {
    std::string text;
    std::uint64_t number;
    bool truncated;
    bool operator==(const Read& other) const {
        return text == other.text && number == other.number && truncated == other.truncated;
    }
};

// All lines of `input`, handed to the reader in pieces of `piece` bytes.
std::vector<Read> read(std::string_view input, std::size_t piece, LineReader& reader) {
    std::vector<Read> out;
    Line line{};
    while (!input.empty()) {
        std::string_view bytes = input.substr(0, piece);
        input.remove_prefix(bytes.size());
        while (reader.next(bytes, line)) {
            out.push_back({std::string(line.text), line.number, line.truncated});
        }
        CHECK(bytes.empty());
    }
    if (reader.last(line)) {
        out.push_back({std::string(line.text), line.number, line.truncated});
    }
    return out;
}

std::vector<Read> read(std::string_view input, std::size_t piece = 1 << 16) {
    LineReader reader;
    return read(input, piece, reader);
}

TEST_CASE("lines end with LF or CRLF, and the last may have no ending") {
    const std::vector<Read> expected = {
        {"250-first", 1, false}, {"250 second", 2, false}, {"", 3, false}, {"last", 4, false}};
    CHECK(read("250-first\r\n250 second\n\nlast") == expected);
    CHECK(read("a\r\n") == std::vector<Read>{{"a", 1, false}});
    CHECK(read("a\n\n") == std::vector<Read>{{"a", 1, false}, {"", 2, false}});
    CHECK(read("only \r in the middle\r\n") ==
          std::vector<Read>{{"only \r in the middle", 1, false}});
    CHECK(read("").empty());
}

TEST_CASE("any piece size gives the same lines") {
    std::string input;
    for (int i = 0; i < 50; ++i) {
        input += std::to_string(200 + i) + (i % 3 == 0 ? " crlf\r\n" : "-lf\n");
    }
    input += std::string(3000, 'x') + "\r\n" + "tail";
    const std::vector<Read> whole = read(input);
    REQUIRE(whole.size() == 52);
    for (const std::size_t piece : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7},
                                    std::size_t{64}, std::size_t{4096}}) {
        CAPTURE(piece);
        CHECK(read(input, piece) == whole);
    }
}

TEST_CASE("a CR split from its LF by the piece boundary is still part of the line end") {
    CHECK(read("250 ok\r\n", 7) == std::vector<Read>{{"250 ok", 1, false}});
}

TEST_CASE("lines are cut at max_input_line, the CR of a line ending not counted") {
    const std::string longest(max_input_line, 'a');
    for (const std::size_t piece : {std::size_t{1000}, std::size_t{1} << 20}) {
        CAPTURE(piece);
        CHECK(read(longest + "\n", piece) == std::vector<Read>{{longest, 1, false}});
        CHECK(read(longest + "\r\n", piece) == std::vector<Read>{{longest, 1, false}});
        CHECK(read(longest + "b\nnext\n", piece) ==
              std::vector<Read>{{longest, 1, true}, {"next", 2, false}});
        CHECK(read(longest + "bbbbbbbbbbb\r\n", piece) == std::vector<Read>{{longest, 1, true}});
        // A last line without its ending, too long: cut as well.
        CHECK(read(longest + std::string(100000, 'c'), piece) ==
              std::vector<Read>{{longest, 1, true}});
    }
}

TEST_CASE("a UTF-8 byte order mark is left out at the start of the input only") {
    CHECK(read("\xEF\xBB\xBF"
               "250 OK\n\xEF\xBB\xBF"
               "250 again\n") == std::vector<Read>{{"250 OK", 1, false},
                                                   {"\xEF\xBB\xBF"
                                                    "250 again",
                                                    2, false}});
    CHECK(read("\xEF\xBB"
               "250\n") == std::vector<Read>{{"\xEF\xBB"
                                              "250",
                                              1, false}});
}

TEST_CASE("the reader counts lines and tells binary data from text") {
    LineReader text;
    read("250-one\r\n250 two\twith a tab\r\n", 5, text);
    CHECK(text.lines() == 2);
    CHECK_FALSE(text.looks_binary());

    LineReader binary;
    std::string noise;
    for (int i = 0; i < 200; ++i) {
        noise += static_cast<char>(i % 32 == 10 ? 1 : i % 32); // controls, no LF
    }
    read(noise + "\n", 3, binary);
    CHECK(binary.lines() == 1);
    CHECK(binary.looks_binary());

    LineReader empty;
    CHECK_FALSE(empty.looks_binary());
    Line line{};
    CHECK_FALSE(empty.last(line));
}

TEST_CASE("one control byte in twenty is still text, more is binary") {
    LineReader edge;
    read(std::string(18, 'a') + "\x01" + "\n", 4, edge); // 1 of 20 bytes, LF counted
    CHECK_FALSE(edge.looks_binary());
    LineReader over;
    read(std::string(17, 'a') + "\x01\x02" + "\n", 4, over);
    CHECK(over.looks_binary());
}

} // namespace
