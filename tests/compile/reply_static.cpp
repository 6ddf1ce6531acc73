// Compile-time proof for <smtp/reply.hpp>: parse_reply and every accessor of
// Reply work in a constant expression, and all are noexcept. Compiling this
// file is the test.
#include <smtp/reply.hpp>

#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

namespace {

using smtp::EnhancedStatusCode;
using smtp::ReplyError;
using namespace std::string_view_literals;

// The contract's types.
static_assert(std::is_same_v<std::underlying_type_t<ReplyError>, int>);
static_assert(std::is_same_v<decltype(smtp::parse_reply(""sv)), smtp::ReplyParse>);
static_assert(std::is_same_v<decltype(smtp::ReplyParse{}.error), ReplyError>);
static_assert(std::is_same_v<decltype(smtp::ReplyParse{}.consumed), std::size_t>);
static_assert(std::is_same_v<decltype(smtp::ReplyParse{}.reply), smtp::Reply>);
static_assert(std::is_same_v<decltype(smtp::Reply{}.code()), int>);
static_assert(std::is_same_v<decltype(smtp::Reply{}.status()),
                             std::optional<smtp::SmtpStatusCode>>);
static_assert(std::is_same_v<decltype(smtp::Reply{}.enhanced()),
                             std::optional<EnhancedStatusCode>>);
static_assert(std::is_same_v<decltype(smtp::Reply{}.line_count()), std::size_t>);
static_assert(std::is_same_v<decltype(smtp::Reply{}.line(0)), std::string_view>);
static_assert(std::is_same_v<decltype(smtp::Reply{}.raw()), std::string_view>);
static_assert(std::is_same_v<decltype(*smtp::Reply{}.lines().begin()), std::string_view>);
static_assert(ReplyError::None == ReplyError{} && static_cast<int>(ReplyError::None) == 0);

// noexcept.
static_assert(noexcept(smtp::parse_reply(""sv)));
static_assert(noexcept(smtp::parse_reply(""sv, smtp::ReplyLimits{})));
static_assert(noexcept(smtp::name(ReplyError::None)));
static_assert(noexcept(smtp::Reply{}.code()) && noexcept(smtp::Reply{}.status()) &&
              noexcept(smtp::Reply{}.enhanced()) && noexcept(smtp::Reply{}.line_count()) &&
              noexcept(smtp::Reply{}.line(0)) && noexcept(smtp::Reply{}.raw()) &&
              noexcept(smtp::Reply{}.lines()) && noexcept(smtp::Reply{}.lines().begin()) &&
              noexcept(++smtp::Reply{}.lines().begin()));

// A multiline EHLO-style reply, with both line endings, parsed at compile
// time, followed by the start of the next pipelined reply.
constexpr std::string_view ehlo =
    "250-mx.example.org greets client.example\r\n"
    "250-SIZE 35882577\n"
    "250-2.0.0\r\n"
    "250 ENHANCEDSTATUSCODES\r\n"
    "550 5.1.1";
constexpr smtp::ReplyParse parsed = smtp::parse_reply(ehlo);
static_assert(parsed.ok());
static_assert(parsed.error == ReplyError::None);
static_assert(parsed.consumed == ehlo.size() - 9);
static_assert(parsed.reply.code() == 250);
static_assert(parsed.reply.status() == smtp::SmtpStatusCode::Ok);
static_assert(parsed.reply.line_count() == 4);
static_assert(parsed.reply.line(0) == "mx.example.org greets client.example");
static_assert(parsed.reply.line(1) == "SIZE 35882577");
static_assert(parsed.reply.line(3) == "ENHANCEDSTATUSCODES");
static_assert(parsed.reply.line(4).empty());
static_assert(parsed.reply.enhanced() == EnhancedStatusCode{2, 0, 0});
static_assert(parsed.reply.raw() == ehlo.substr(0, parsed.consumed));

// The rest is the next reply, still incomplete.
static_assert(smtp::parse_reply(ehlo.substr(parsed.consumed)).error == ReplyError::Incomplete);

constexpr std::size_t count_lines(const smtp::Reply& reply) {
    std::size_t n = 0;
    for (const std::string_view line : reply.lines()) {
        n += line.empty() ? 0u : 1u;
    }
    return n;
}
static_assert(count_lines(parsed.reply) == 4);

// The errors, at compile time.
static_assert(smtp::parse_reply("2500 x\r\n").error == ReplyError::InvalidCode);
static_assert(smtp::parse_reply("250_x\r\n").error == ReplyError::InvalidSeparator);
static_assert(smtp::parse_reply("250-a\r\n251 b\r\n").error == ReplyError::CodeMismatch);
static_assert(smtp::parse_reply("250 abcdef", smtp::ReplyLimits{8, 4}).error ==
              ReplyError::LineTooLong);
static_assert(smtp::parse_reply("250-a\n250-b\n", smtp::ReplyLimits{8, 2}).error ==
              ReplyError::TooManyLines);
static_assert(smtp::parse_reply("334\r\n").reply.code() == 334);
static_assert(smtp::parse_reply("571 5.7.1 no\r\n").reply.status() == std::nullopt);
static_assert(smtp::name(ReplyError::LineTooLong) == "LineTooLong");

} // namespace
