// Tests of src/extract/formats/googlegroups.hpp: Google Groups' notices that a
// post was not delivered, read from the fixtures of tests/data/bounces/formats/
// and from copies of them with one of the format's marks taken away.
#include "extract/formats/googlegroups.hpp"

#include "mime/gmime_message.hpp"
#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace {

using smtp_explain::read_message;
using smtp_explain::formats::googlegroups;
using smtp_explain::testing::diagnostics;
using smtp_explain::testing::fixture;
using smtp_explain::testing::fixture_bytes;
using smtp_explain::testing::read_with;
using Lines = std::vector<std::string>;

// The English fixture with the first `from` replaced by `to`.
std::string english_with(std::string_view from, std::string_view to) {
    std::string bytes = fixture_bytes("googlegroups.eml");
    const std::size_t at = bytes.find(from);
    REQUIRE(at != std::string::npos);
    bytes.replace(at, from.size(), to);
    return bytes;
}

TEST_CASE("googlegroups: the group's address of X-Failed-Recipients, refused, status 5.0.0") {
    CHECK(read_with(googlegroups, "googlegroups.eml") ==
          Lines{"kittens@groups.example.org googlegroups failed status=5.0.0 reason=rejected"});
    CHECK(diagnostics(googlegroups, "googlegroups.eml") ==
          Lines{"Hello alice@example.com, We're writing to let you know that the group you tried "
                "to contact (kittens) may not exist, or you may not have permission to post "
                "messages to the group. If you have questions related to this or any other "
                "Google Group, visit the Help Center at https://groups.google.com/support/. "
                "Thanks, Google Groups"});
}

TEST_CASE("googlegroups: a letter in Japanese (base64) is read the same way") {
    CHECK(read_with(googlegroups, "googlegroups-ja.eml") ==
          Lines{"neko@googlegroups.example.net googlegroups failed status=5.0.0 reason=rejected"});
    const Lines said = diagnostics(googlegroups, "googlegroups-ja.eml");
    REQUIRE(said.size() == 1);
    CHECK(said[0].find("（neko）") != std::string::npos);
    CHECK(said[0].find("Original message") == std::string::npos);
}

TEST_CASE("googlegroups: known by Google's mailer, X-Failed-Recipients and the letter's "
          "Help Center link or signature, not by its words") {
    CHECK(googlegroups.recognises(read_message(english_with(
        "visit the Help Center at https://groups.google.com/support/.", "visit the Help Center."))));
    CHECK(googlegroups.recognises(read_message(english_with("\nGoogle Groups\n", "\nGoogle\n"))));
    std::string neither = english_with("\nGoogle Groups\n", "\nGoogle\n");
    neither.replace(neither.find("https://groups.google.com/support/"), 34, "the Help Center");
    CHECK_FALSE(googlegroups.recognises(read_message(neither)));
    CHECK_FALSE(googlegroups.recognises(read_message(
        english_with("X-Failed-Recipients: kittens@groups.example.org\n", ""))));
    CHECK_FALSE(googlegroups.recognises(read_message(
        english_with("<mailer-daemon@googlemail.com>", "<mailer-daemon@example.com>"))));
}

TEST_CASE("googlegroups: other formats' bounces are not its own") {
    CHECK_FALSE(googlegroups.recognises(fixture("gmail.eml")));
    CHECK_FALSE(googlegroups.recognises(fixture("gmail-legacy.eml")));
    CHECK_FALSE(googlegroups.recognises(fixture("exim-no-dsn.eml")));
}

} // namespace
