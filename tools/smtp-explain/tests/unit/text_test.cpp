// Tests of src/text.hpp: ASCII helpers, UTF-8 checking, and the ways the
// tool prints bytes it did not write (for a terminal, as JSON, wrapped).
#include "text.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace {

using namespace std::string_literals;
using smtp_explain::append_json_string;
using smtp_explain::append_terminal_text;
using smtp_explain::append_wrapped;
using smtp_explain::utf8_sequence_length;

std::string terminal(std::string_view text, std::size_t max_bytes = std::string_view::npos) {
    std::string out;
    append_terminal_text(out, text, max_bytes);
    return out;
}

std::string json(std::string_view text) {
    std::string out;
    append_json_string(out, text);
    return out;
}

std::string wrapped(std::string_view text, std::size_t first_column, std::size_t width) {
    std::string out;
    append_wrapped(out, text, first_column, "  ", width);
    return out;
}

TEST_CASE("ASCII helpers ignore case and trim blanks only") {
    CHECK(smtp_explain::iequals("MailBoxBusy", "mailboxbusy"));
    CHECK_FALSE(smtp_explain::iequals("Mailbox", "Mailbox "));
    CHECK_FALSE(smtp_explain::iequals("\xC3\x84", "\xC3\xA4")); // only ASCII letters fold
    CHECK(smtp_explain::istarts_with("Diagnostic-Code: smtp", "diagnostic-code:"));
    CHECK_FALSE(smtp_explain::istarts_with("Diag", "diagnostic"));
    CHECK(smtp_explain::starts_with("S: 250", "S:"));
    CHECK_FALSE(smtp_explain::starts_with("s: 250", "S:"));
    CHECK(smtp_explain::trim(" \t 250 OK \t") == "250 OK");
    CHECK(smtp_explain::trim("\r250\r") == "\r250\r"); // CR is no blank
    CHECK(smtp_explain::trim(" \t ").empty());
}

TEST_CASE("take_line splits at LF and drops a CR before it") {
    std::string_view rest = "250-a\r\n250 b\n\nlast";
    CHECK(smtp_explain::take_line(rest) == "250-a");
    CHECK(smtp_explain::take_line(rest) == "250 b");
    CHECK(smtp_explain::take_line(rest).empty());
    CHECK(smtp_explain::take_line(rest) == "last");
    CHECK(rest.empty());
}

TEST_CASE("utf8_sequence_length accepts well-formed sequences of 1 to 4 bytes") {
    CHECK(utf8_sequence_length("a") == 1);
    CHECK(utf8_sequence_length("\x7F") == 1);
    CHECK(utf8_sequence_length("\xC2\x80") == 2);          // U+0080, the lowest
    CHECK(utf8_sequence_length("\xDF\xBF") == 2);          // U+07FF
    CHECK(utf8_sequence_length("\xE0\xA0\x80") == 3);      // U+0800, the lowest
    CHECK(utf8_sequence_length("\xE2\x82\xAC rest") == 3); // the euro sign
    CHECK(utf8_sequence_length("\xED\x9F\xBF") == 3);      // U+D7FF, below the surrogates
    CHECK(utf8_sequence_length("\xEE\x80\x80") == 3);      // U+E000, above them
    CHECK(utf8_sequence_length("\xEF\xBF\xBF") == 3);      // U+FFFF
    CHECK(utf8_sequence_length("\xF0\x90\x80\x80") == 4);  // U+10000, the lowest
    CHECK(utf8_sequence_length("\xF0\x9F\x93\xA7") == 4);  // an envelope emoji
    CHECK(utf8_sequence_length("\xF4\x8F\xBF\xBF") == 4);  // U+10FFFF, the highest
}

TEST_CASE("utf8_sequence_length rejects overlong forms, surrogates and what is no UTF-8") {
    const std::string_view rejected[] = {
        "",
        "\x80", // a continuation byte first
        "\xBF",
        "\xC0\xAF",         // overlong '/' in 2 bytes
        "\xC1\xBF",         // overlong U+007F
        "\xE0\x80\xAF",     // overlong '/' in 3 bytes
        "\xE0\x9F\xBF",     // overlong U+07FF
        "\xF0\x80\x80\xAF", // overlong '/' in 4 bytes
        "\xF0\x8F\xBF\xBF", // overlong U+FFFF
        "\xED\xA0\x80",     // U+D800, a surrogate
        "\xED\xBF\xBF",     // U+DFFF, a surrogate
        "\xF4\x90\x80\x80", // U+110000, above the last code point
        "\xF5\x80\x80\x80", // lead bytes F5..FF never occur
        "\xFF",
        "\xC2", // cut short
        "\xE2\x82",
        "\xF0\x9F\x93",
        "\xC2\x41", // a continuation that is none
        "\xE2\x82\x41",
        "\xF0\x9F\x93\x41",
    };
    for (const std::string_view text : rejected) {
        CAPTURE(text);
        CHECK(utf8_sequence_length(text) == 0);
    }
}

TEST_CASE("terminal text escapes controls, C1 controls and bytes that are no UTF-8") {
    CHECK(terminal("550 5.1.1 no such user") == "550 5.1.1 no such user");
    CHECK(terminal("red\x1b[31m") == "red\\x1b[31m");
    CHECK(terminal("a\tb") == "a\\tb");
    CHECK(terminal("nul\0x"s) == "nul\\x00x");
    CHECK(terminal("del\x7F") == "del\\x7f");
    CHECK(terminal("caf\xC3\xA9") == "caf\xC3\xA9"); // well-formed: kept
    CHECK(terminal("\xF0\x9F\x93\xA7") == "\xF0\x9F\x93\xA7");
    CHECK(terminal("\xC2\x9B"
                   "31m") == "\\xc2\\x9b31m");            // U+009B, a C1 CSI
    CHECK(terminal("\xC2\xA0") == "\xC2\xA0");            // U+00A0 is no control
    CHECK(terminal("caf\xE9!") == "caf\\xe9!");           // Latin-1, no UTF-8
    CHECK(terminal("\xED\xA0\x80") == "\\xed\\xa0\\x80"); // a surrogate
}

TEST_CASE("terminal text shows at most max_bytes and says how many more there are") {
    CHECK(terminal("abcdef", 4) == "abcd... (2 more bytes)");
    CHECK(terminal("abcd", 4) == "abcd");
    CHECK(terminal("\x1b\x1b\x1b", 1) == "\\x1b... (2 more bytes)");
}

TEST_CASE("JSON strings escape what RFC 8259 requires and replace bytes that are no UTF-8") {
    CHECK(json("plain") == "\"plain\"");
    CHECK(json("say \"hi\" \\ bye") == R"("say \"hi\" \\ bye")");
    CHECK(json("a\nb\rc\td") == R"("a\nb\rc\td")");
    CHECK(json("\x01\x1f\x7F") == R"("\u0001\u001f\u007f")");
    CHECK(json("nul\0"s) == R"("nul\u0000")");
    CHECK(json("caf\xC3\xA9 \xF0\x9F\x93\xA7") == "\"caf\xC3\xA9 \xF0\x9F\x93\xA7\"");
    CHECK(json("caf\xE9") == R"("caf\ufffd")");
    CHECK(json("\xC0\xAF") == R"("\ufffd\ufffd")"); // overlong: two bad bytes
    CHECK(json("\xED\xA0\x80x") == R"("\ufffd\ufffd\ufffdx")");
    CHECK(json("").empty() == false);
    CHECK(json("") == "\"\"");
}

TEST_CASE("append_wrapped breaks at blanks, indents later lines and keeps long words whole") {
    CHECK(wrapped("one two three", 0, 9) == "one two\n  three");
    CHECK(wrapped("one two three", 0, 80) == "one two three");
    CHECK(wrapped("  spaced   out  ", 0, 80) == "spaced out");
    CHECK(wrapped("averyveryverylongword next", 5, 10) == "averyveryverylongword\n  next");
    CHECK(wrapped("a b", 8, 9) == "a\n  b"); // the first line starts at column 8
    CHECK(wrapped("", 0, 80).empty());
}

TEST_CASE("is_utf8 and append_utf8: whole UTF-8, or U+FFFD for each stray byte") {
    CHECK(smtp_explain::is_utf8(""));
    CHECK(smtp_explain::is_utf8("caf\xc3\xa9 \xf0\x9f\x93\xa7"));
    CHECK_FALSE(smtp_explain::is_utf8("caf\xe9"));
    CHECK_FALSE(smtp_explain::is_utf8("\xed\xa0\x80")); // a surrogate
    CHECK_FALSE(smtp_explain::is_utf8("\xc3"));           // cut short
    std::string out = "x";
    smtp_explain::append_utf8(out, "caf\xe9 \xc3\xa9\xff");
    CHECK(out == "xcaf\xef\xbf\xbd \xc3\xa9\xef\xbf\xbd");
    CHECK(smtp_explain::is_utf8(out));
}

TEST_CASE("utf8_prefix: at most so many bytes, never the start of a sequence alone") {
    CHECK(smtp_explain::utf8_prefix("abc", 5) == "abc");
    CHECK(smtp_explain::utf8_prefix("abc", 2) == "ab");
    CHECK(smtp_explain::utf8_prefix("a\xc3\xa9" "b", 2) == "a");
    CHECK(smtp_explain::utf8_prefix("a\xc3\xa9" "b", 3) == "a\xc3\xa9");
    CHECK(smtp_explain::utf8_prefix("\xe2\x82\xac", 2).empty());
    CHECK(smtp_explain::utf8_prefix("", 0).empty());
}

} // namespace

