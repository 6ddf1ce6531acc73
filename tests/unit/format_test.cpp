// Tests for <smtp/format.hpp>, <smtp/fmt.hpp> and <smtp/std_format.hpp>.
// format.hpp is included first to prove that it compiles on its own,
// without fmt.
#include <smtp/format.hpp>

#include <smtp/fmt.hpp>
#include <smtp/std_format.hpp>

#include <doctest/doctest.h>

#include "../support/test_values.hpp"

#include <climits>
#include <iomanip>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

// CI's cells with a standard library that has <format> (libc++ 19) set
// SMTP_STATUS_REQUIRE_STD_FORMAT, so the std::format tests below cannot be
// left out there unnoticed.
#if defined(SMTP_STATUS_REQUIRE_STD_FORMAT) && !defined(__cpp_lib_format)
#error "SMTP_STATUS_REQUIRE_STD_FORMAT is set, but this standard library has no <format>"
#endif

namespace {

using test_values::interesting_ints;

using smtp::EnhancedStatusCode;
using smtp::ReplyClass;
using smtp::SmtpStatusCode;

template <typename T>
std::string streamed(const T& value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

// The expected text, put together here from the contract: the number, and
// for an enumerator a space and its name.
std::string expected_text(SmtpStatusCode code) {
    std::string text = std::to_string(static_cast<int>(code));
    if (smtp::is_defined(code)) {
        text += ' ';
        text += smtp::name(code);
    }
    return text;
}


struct ExpectedClass {
    ReplyClass reply;
    std::string text;
};

const ExpectedClass expected_classes[] = {
    {ReplyClass::None,                  "None"},
    {ReplyClass::PositiveCompletion,    "PositiveCompletion"},
    {ReplyClass::PositiveIntermediate,  "PositiveIntermediate"},
    {ReplyClass::TransientNegative,     "TransientNegative"},
    {ReplyClass::PermanentNegative,     "PermanentNegative"},
    {static_cast<ReplyClass>(1),        "1"},
    {static_cast<ReplyClass>(6),        "6"},
    {static_cast<ReplyClass>(-3),       "-3"},
    {static_cast<ReplyClass>(INT_MIN),  "-2147483648"},
    {static_cast<ReplyClass>(INT_MAX),  "2147483647"},
};

struct ExpectedEnhanced {
    EnhancedStatusCode code;
    std::string text;
};

const ExpectedEnhanced expected_enhanced[] = {
    {{5, 1, 1},                       "5.1.1"},
    {{4, 7, 30},                      "4.7.30"},
    {{2, 0, 0},                       "2.0.0"},
    {{5, 999, 999},                   "5.999.999"},
    {{0, 0, 0},                       "0.0.0"},
    {{-1, 12, 3},                     "-1.12.3"},
    {{INT_MIN, INT_MIN, INT_MIN},     "-2147483648.-2147483648.-2147483648"},
    {{INT_MAX, 0, INT_MAX},           "2147483647.0.2147483647"},
};

} // namespace

TEST_CASE("to_text") {
    SUBCASE("a listed code is its number and name") {
        CHECK(smtp::to_text(SmtpStatusCode::MailboxUnavailable).view() == "550 MailboxUnavailable");
        CHECK(smtp::to_text(SmtpStatusCode::Ok).view() == "250 Ok");
        CHECK(smtp::to_text(SmtpStatusCode::NotDefined).view() == "0 NotDefined");
        CHECK(smtp::to_text(SmtpStatusCode::GeneralFailure).view() == "-1 GeneralFailure");
        CHECK(smtp::to_text(SmtpStatusCode::ParametersNotRecognizedOrNotImplemented).view() ==
              "555 ParametersNotRecognizedOrNotImplemented");
    }
    SUBCASE("a value that is no enumerator is its number") {
        CHECK(smtp::to_text(static_cast<SmtpStatusCode>(571)).view() == "571");
        CHECK(smtp::to_text(static_cast<SmtpStatusCode>(INT_MIN)).view() == "-2147483648");
        CHECK(smtp::to_text(static_cast<SmtpStatusCode>(INT_MAX)).view() == "2147483647");
    }
    SUBCASE("every int") {
        for (const int v : interesting_ints()) {
            CAPTURE(v);
            const auto code = static_cast<SmtpStatusCode>(v);
            CHECK(smtp::to_text(code).view() == expected_text(code));
            CHECK(smtp::to_text(code).size <= smtp::status_code_max_chars);
        }
    }
    SUBCASE("reply classes") {
        for (const ExpectedClass& row : expected_classes) {
            CAPTURE(row.text);
            CHECK(smtp::to_text(row.reply).view() == row.text);
        }
    }
}

TEST_CASE("operator<<") {
    SUBCASE("SmtpStatusCode prints its to_text") {
        for (const SmtpStatusCode code : smtp::all_status_codes) {
            CAPTURE(smtp::value(code));
            CHECK(streamed(code) == expected_text(code));
        }
        for (const int v : interesting_ints()) {
            CAPTURE(v);
            CHECK(streamed(static_cast<SmtpStatusCode>(v)) ==
                  expected_text(static_cast<SmtpStatusCode>(v)));
        }
    }
    SUBCASE("ReplyClass prints its name or number") {
        for (const ExpectedClass& row : expected_classes) {
            CHECK(streamed(row.reply) == row.text);
        }
    }
    SUBCASE("EnhancedStatusCode prints class.subject.detail") {
        for (const ExpectedEnhanced& row : expected_enhanced) {
            CHECK(streamed(row.code) == row.text);
        }
    }
    SUBCASE("width and fill apply to the whole text") {
        std::ostringstream out;
        out << std::setw(9) << std::setfill('*') << EnhancedStatusCode{5, 1, 1} << '|'
            << std::left << std::setw(8) << SmtpStatusCode::Ok << '|'
            << std::setw(20) << ReplyClass::TransientNegative << '|';
        CHECK(out.str() == "****5.1.1|250 Ok**|TransientNegative***|");
    }
}

TEST_CASE("format_as") {
    SUBCASE("gives the same text as the stream, found by argument-dependent lookup") {
        for (const int v : interesting_ints()) {
            const auto code = static_cast<SmtpStatusCode>(v);
            CAPTURE(v);
            CHECK(format_as(code) == expected_text(code));
        }
        for (const ExpectedClass& row : expected_classes) {
            CHECK(format_as(row.reply) == row.text);
        }
        for (const ExpectedEnhanced& row : expected_enhanced) {
            CHECK(format_as(row.code) == row.text);
        }
    }
}

// What every formatting route prints: `format(spec, value)` formats one
// value with a format string chosen at run time.
template <typename Format>
void check_format_route(const Format& format) {
    for (const int v : interesting_ints()) {
        const auto code = static_cast<SmtpStatusCode>(v);
        CAPTURE(v);
        CHECK(format("{}", code) == expected_text(code));
    }
    for (const ExpectedClass& row : expected_classes) {
        CHECK(format("{}", row.reply) == row.text);
    }
    for (const ExpectedEnhanced& row : expected_enhanced) {
        CHECK(format("{}", row.code) == row.text);
    }
    // Fill, alignment, width and precision apply to the whole text, as for
    // a string.
    CHECK(format("[{:>8}]", EnhancedStatusCode{5, 1, 1}) == "[   5.1.1]");
    CHECK(format("[{:*<9}]", SmtpStatusCode::Ok) == "[250 Ok***]");
    CHECK(format("[{:^21}]", ReplyClass::PermanentNegative) == "[  PermanentNegative  ]");
    CHECK(format("[{:.3}]", SmtpStatusCode::MailboxBusy) == "[450]");
    CHECK(format("[{:-^9}]", static_cast<SmtpStatusCode>(571)) == "[---571---]");
}

// With fmt 9 (Debian 12) these go through the formatters of <smtp/fmt.hpp>;
// with fmt 10 and later through format_as.
TEST_CASE("fmt::format") {
    check_format_route([](std::string_view spec, const auto& value) {
        return fmt::format(fmt::runtime(spec), value);
    });
    SUBCASE("several arguments in one call, the format string checked at compile time") {
        CHECK(fmt::format("{} {} {}", SmtpStatusCode::MailboxBusy, EnhancedStatusCode{4, 2, 1},
                          ReplyClass::TransientNegative) ==
              "450 MailboxBusy 4.2.1 TransientNegative");
    }
}

#if defined(__cpp_lib_format)
// <smtp/std_format.hpp>: the same text as the stream, fmt and to_text.
TEST_CASE("std::format") {
    check_format_route([](std::string_view spec, const auto& value) {
        return std::vformat(spec, std::make_format_args(value));
    });
    SUBCASE("a width taken from an argument") {
        CHECK(std::format("[{:{}}]", SmtpStatusCode::Ok, 8) == "[250 Ok  ]");
    }
    SUBCASE("the same padding as fmt and the stream") {
        const char* const specs[] = {"{:>30}", "{:*<30}", "{:^31}", "{:.5}", "{:_>3}"};
        for (const char* spec : specs) {
            CAPTURE(spec);
            for (const SmtpStatusCode code : smtp::all_status_codes) {
                CHECK(std::vformat(spec, std::make_format_args(code)) ==
                      fmt::format(fmt::runtime(spec), code));
            }
        }
        std::ostringstream out;
        out << std::setw(12) << std::setfill('.') << std::left << SmtpStatusCode::MailboxBusy;
        CHECK(std::format("{:.<12}", SmtpStatusCode::MailboxBusy) == out.str());
    }
    SUBCASE("several arguments (the format string checked at compile time), format_to_n") {
        CHECK(std::format("{} {} {}", SmtpStatusCode::MailboxBusy, EnhancedStatusCode{4, 2, 1},
                          ReplyClass::TransientNegative) ==
              "450 MailboxBusy 4.2.1 TransientNegative");
        char buffer[16] = {};
        const auto end = std::format_to_n(buffer, 5, "{}", SmtpStatusCode::MailboxUnavailable);
        CHECK(std::string(buffer, end.out) == "550 M");
        CHECK(end.size == 22);
    }
#if defined(__cpp_exceptions)
    SUBCASE("a spec that is not a string's is a format_error") {
        // By hand: the test program is built with doctest's asserts for
        // builds without exceptions, where CHECK_THROWS_AS checks nothing.
        const auto code = SmtpStatusCode::Ok;
        bool thrown = false;
        try {
            (void)std::vformat("{:d}", std::make_format_args(code));
        } catch (const std::format_error&) {
            thrown = true;
        }
        CHECK(thrown);
    }
#endif
}
#endif // __cpp_lib_format
