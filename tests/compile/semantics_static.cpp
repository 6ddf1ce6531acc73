// Compile-time proof for <smtp/semantics.hpp>: every function is usable in a
// constant expression and is noexcept. Compiling this file is the test.
#include <smtp/semantics.hpp>

#include <array>
#include <climits>
#include <optional>
#include <string_view>
#include <type_traits>

namespace {

using smtp::Action;
using smtp::Command;
using smtp::EnhancedStatusCode;
using smtp::ForeignApi;
using smtp::ReplyWriteError;
using smtp::SmtpStatusCode;

// The types README.md documents for <smtp/semantics.hpp>.
static_assert(std::is_same_v<std::underlying_type_t<Command>, int>);
static_assert(std::is_same_v<std::underlying_type_t<Action>, int>);
static_assert(static_cast<int>(Command::Greeting) == 0 && static_cast<int>(Command::Other) == 16);
static_assert(static_cast<int>(Action::Proceed) == 0 && static_cast<int>(Action::Fail) == 3);
static_assert(std::is_same_v<decltype(smtp::next_action(0, Command::Rcpt)), Action>);
static_assert(std::is_same_v<decltype(smtp::next_action(0, Command::Rcpt, std::nullopt)), Action>);
static_assert(std::is_same_v<decltype(smtp::is_expected_reply(Command::Rcpt, 0)), bool>);
static_assert(std::is_same_v<decltype(smtp::closes_connection(0)), bool>);
static_assert(std::is_same_v<decltype(smtp::from_foreign_name("")),
                             std::optional<SmtpStatusCode>>);

// noexcept. The arguments are objects already made: copying a string_view or
// an optional never throws, but libc++, unlike libstdc++, does not mark the
// conversions from "" or from an EnhancedStatusCode noexcept, and the
// guarantee checked is the function's.
constexpr std::string_view no_text{};
constexpr std::string_view line = "x";
constexpr std::optional<EnhancedStatusCode> c511 = EnhancedStatusCode{5, 1, 1};
static_assert(noexcept(smtp::next_action(0, Command::Rcpt)));
static_assert(noexcept(smtp::next_action(0, Command::Rcpt, c511)));
static_assert(noexcept(smtp::is_expected_reply(Command::Rcpt, 0)));
static_assert(noexcept(smtp::expected_reply_source(Command::Rcpt, 0)));
static_assert(noexcept(smtp::closes_connection(0)));
static_assert(noexcept(smtp::name(Command::Rcpt)) && noexcept(smtp::name(Action::Retry)));
static_assert(noexcept(smtp::from_foreign_name(no_text)));
static_assert(noexcept(smtp::from_foreign_name(no_text, ForeignApi::MailKit)));
static_assert(noexcept(smtp::foreign_name(SmtpStatusCode::Ok, ForeignApi::DotNet)));
static_assert(noexcept(smtp::measure_reply(250, std::nullopt, {line})));
static_assert(noexcept(smtp::pairing(550, EnhancedStatusCode{5, 1, 1})));
static_assert(noexcept(smtp::is_usual_pairing(550, EnhancedStatusCode{5, 1, 1})));
static_assert(noexcept(smtp::write_reply(nullptr, nullptr, 250, std::nullopt, {line})));
static_assert(noexcept(smtp::write_reply_to(static_cast<char*>(nullptr), 250, std::nullopt, {line})));

// Everything works in a constant expression.
static_assert(smtp::next_action(250, Command::Mail) == Action::Proceed);
static_assert(smtp::next_action(354, Command::Data) == Action::Continue);
static_assert(smtp::next_action(451, Command::Mail) == Action::Retry);
static_assert(smtp::next_action(550, Command::Rcpt) == Action::Fail);
static_assert(smtp::next_action(552, Command::Rcpt) == Action::Retry);
static_assert(smtp::next_action(552, Command::DataEnd) == Action::Fail);
static_assert(smtp::next_action(552, Command::Rcpt, EnhancedStatusCode{5, 3, 4}) == Action::Fail);
static_assert(smtp::next_action(INT_MIN, Command::Rcpt) == Action::Fail);
static_assert(smtp::is_expected_reply(Command::Rcpt, 552));
static_assert(!smtp::is_expected_reply(Command::Quit, 250));
static_assert(!smtp::is_expected_reply(static_cast<Command>(INT_MAX), 250));
static_assert(smtp::expected_reply_source(Command::StartTls, 454) == "RFC 3207 section 4");
static_assert(smtp::closes_connection(421) && smtp::closes_connection(221));
static_assert(!smtp::closes_connection(554));
static_assert(smtp::name(Command::Bdat) == "Bdat");
static_assert(smtp::from_foreign_name("ErrorInProcessing") == SmtpStatusCode::LocalErrorInProcessing);
static_assert(!smtp::from_foreign_name("ErrorInProcessing", ForeignApi::DotNet));
static_assert(smtp::foreign_name(SmtpStatusCode::CommandNotPermitted, ForeignApi::DotNet) ==
              "BadCommandSequence");

static_assert(smtp::pairing(550, EnhancedStatusCode{5, 1, 1}) == smtp::Pairing::Usual);
static_assert(smtp::pairing(552, EnhancedStatusCode{5, 1, 1}) == smtp::Pairing::Unusual);
static_assert(smtp::is_usual_pairing(250, EnhancedStatusCode{2, 0, 0}));
static_assert(smtp::pairing(550, EnhancedStatusCode{4, 1, 1}) == smtp::Pairing::ClassMismatch);

// The writer works in a constant expression, into a local buffer.
constexpr bool writes(int code, std::optional<EnhancedStatusCode> enhanced,
                      std::initializer_list<std::string_view> lines, std::string_view wire) {
    std::array<char, 128> buf{};
    const smtp::ReplyWriteResult r =
        smtp::write_reply(buf.data(), buf.data() + buf.size(), code, enhanced, lines);
    return r.ok() && std::string_view(buf.data(), r.size) == wire;
}
static_assert(writes(250, std::nullopt, {"OK"}, "250 OK\r\n"));
static_assert(writes(550, EnhancedStatusCode{5, 1, 1}, {"No", "such user"},
                     "550-5.1.1 No\r\n550 5.1.1 such user\r\n"));
static_assert(writes(334, std::nullopt, {""}, "334 \r\n"));
static_assert(smtp::measure_reply(354, EnhancedStatusCode{2, 0, 0}, {"x"}).error ==
              ReplyWriteError::EnhancedOnIntermediate);
static_assert(smtp::measure_reply(250, std::nullopt, {"a\r\nb"}).error ==
              ReplyWriteError::LineBreakInText);

} // namespace
