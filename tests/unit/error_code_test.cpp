// Tests for <smtp/error_code.hpp>. It is included first to prove that it
// compiles on its own.
#include <smtp/error_code.hpp>

#include <smtp/delivery_status.hpp> // the parsers and the writer whose errors are tested
#include <smtp/reply.hpp>
#include <smtp/reply_writer.hpp>

#include "shared_error_code.hpp" // tests/shared_library, on the include path

#include <doctest/doctest.h>

#include "../support/test_values.hpp"

#include <climits>
#include <ostream> // doctest prints std::error_code with it
#include <string>
#include <system_error>
#include <vector>

namespace {

using smtp::ReplyClass;
using test_values::class_from_text;
using test_values::interesting_ints;
using smtp::SmtpStatusCode;



constexpr ReplyClass all_classes[] = {ReplyClass::None, ReplyClass::PositiveCompletion,
                                      ReplyClass::PositiveIntermediate,
                                      ReplyClass::TransientNegative,
                                      ReplyClass::PermanentNegative};

// The two test libraries (tests/shared_library/), built with default and
// with hidden symbol visibility.
struct SharedLibrary {
    const char* name;
    std::error_code (*make_code)(SmtpStatusCode) noexcept;
    std::error_condition (*make_condition)(ReplyClass) noexcept;
    const std::error_category& (*smtp_category_in_library)() noexcept;
    const std::error_category& (*reply_class_category_in_library)() noexcept;
    std::error_code (*make_parse_code)(smtp::ReplyError) noexcept;
    std::error_code (*make_write_code)(smtp::ReplyWriteError) noexcept;
    const std::error_category& (*reply_error_category_in_library)() noexcept;
    const std::error_category& (*reply_write_error_category_in_library)() noexcept;
    std::error_code (*make_dsn_code)(smtp::DsnError) noexcept;
    const std::error_category& (*dsn_error_category_in_library)() noexcept;
};

#define SMTP_TEST_SHARED_LIBRARY_ROW(library)                                              \
    SharedLibrary {                                                                        \
        #library, library::make_code, library::make_condition,                             \
            library::smtp_category_in_library, library::reply_class_category_in_library,   \
            library::make_parse_code, library::make_write_code,                            \
            library::reply_error_category_in_library,                                      \
            library::reply_write_error_category_in_library, library::make_dsn_code,        \
            library::dsn_error_category_in_library                                         \
    }

const SharedLibrary shared_libraries[] = {
    SMTP_TEST_SHARED_LIBRARY_ROW(smtp_test_shared_default),
    SMTP_TEST_SHARED_LIBRARY_ROW(smtp_test_shared_hidden),
};

std::error_code smtp_code(int v) { return {v, smtp::smtp_category()}; }

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("smtp_category") {
    SUBCASE("is named smtp") {
        CHECK(std::string(smtp::smtp_category().name()) == "smtp");
    }
    SUBCASE("is none of the other categories") {
        CHECK(smtp::smtp_category() != smtp::reply_class_category());
        CHECK(smtp::smtp_category() != std::generic_category());
        CHECK(smtp::smtp_category() != std::system_category());
    }
    SUBCASE("is the same object in shared libraries, whatever their visibility") {
        for (const SharedLibrary& library : shared_libraries) {
            CAPTURE(library.name);
            CHECK(&library.smtp_category_in_library() == &smtp::smtp_category());
            CHECK(&library.reply_class_category_in_library() == &smtp::reply_class_category());
        }
    }
    SUBCASE("error_codes made in a shared library equal the program's own") {
        for (const SharedLibrary& library : shared_libraries) {
            CAPTURE(library.name);
            for (const SmtpStatusCode code : smtp::all_status_codes) {
                CAPTURE(smtp::value(code));
                const std::error_code from_library = library.make_code(code);
                CHECK(from_library == smtp::make_error_code(code));
                CHECK(from_library == code);
                CHECK(from_library == smtp::reply_class(code));
            }
            CHECK(library.make_code(static_cast<SmtpStatusCode>(571)) ==
                  ReplyClass::PermanentNegative);
            CHECK(library.make_code(SmtpStatusCode::Ok) != SmtpStatusCode::MailboxBusy);
        }
    }
    SUBCASE("conditions made in a shared library match the program's codes") {
        for (const SharedLibrary& library : shared_libraries) {
            CAPTURE(library.name);
            for (const ReplyClass reply : all_classes) {
                CAPTURE(static_cast<int>(reply));
                CHECK(library.make_condition(reply) == smtp::make_error_condition(reply));
            }
            CHECK(smtp::make_error_code(SmtpStatusCode::MailboxBusy) ==
                  library.make_condition(ReplyClass::TransientNegative));
        }
    }
}

TEST_CASE("smtp_category().message") {
    SUBCASE("is the description for every code") {
        for (const SmtpStatusCode code : smtp::all_status_codes) {
            CAPTURE(smtp::value(code));
            const std::string message = smtp::make_error_code(code).message();
            CHECK_FALSE(message.empty());
            CHECK(message == smtp::description(code));
        }
    }
    SUBCASE("names an unlisted reply code and its class") {
        CHECK(smtp_code(571).message() == "unknown SMTP reply code 571 (permanent negative)");
        CHECK(smtp_code(299).message() == "unknown SMTP reply code 299 (positive completion)");
        CHECK(smtp_code(399).message() == "unknown SMTP reply code 399 (positive intermediate)");
        CHECK(smtp_code(471).message() == "unknown SMTP reply code 471 (transient negative)");
    }
    SUBCASE("names a value that is no reply code") {
        CHECK(smtp_code(999).message() == "999 is not an SMTP reply code");
        CHECK(smtp_code(-7).message() == "-7 is not an SMTP reply code");
        CHECK(smtp_code(INT_MIN).message() == "-2147483648 is not an SMTP reply code");
    }
    SUBCASE("is never empty and names the value when it is no enumerator") {
        for (const int v : interesting_ints()) {
            CAPTURE(v);
            const std::string message = smtp_code(v).message();
            CHECK_FALSE(message.empty());
            if (!smtp::from_value(v)) {
                CHECK(contains(message, std::to_string(v)));
            }
        }
    }
}

TEST_CASE("make_error_code") {
    SUBCASE("keeps the value in smtp_category") {
        for (const SmtpStatusCode code : smtp::all_status_codes) {
            CAPTURE(smtp::value(code));
            const std::error_code ec = smtp::make_error_code(code);
            CHECK(ec.value() == smtp::value(code));
            CHECK(ec.category() == smtp::smtp_category());
        }
    }
    SUBCASE("is found by argument-dependent lookup") {
        const std::error_code ec = make_error_code(SmtpStatusCode::MailboxBusy);
        CHECK(ec.value() == 450);
    }
    SUBCASE("lets an SmtpStatusCode convert to and compare with an error_code") {
        std::error_code ec = SmtpStatusCode::TransactionFailed;
        CHECK(ec.value() == 554);
        CHECK(ec == SmtpStatusCode::TransactionFailed);
        CHECK(ec != SmtpStatusCode::MailboxUnavailable);
        ec = SmtpStatusCode::Ok;
        CHECK(ec == smtp_code(250));
    }
    SUBCASE("differs from a system error with the same value") {
        CHECK(std::error_code(SmtpStatusCode::InsufficientStorage) !=
              std::error_code(452, std::system_category()));
    }
}

// The behaviour chosen for `if (ec)`: the error_code keeps the reply exactly,
// so every reply code, positive ones included, tests true; only NotDefined
// (0) tests false. A program asks the class instead.
TEST_CASE("error_code of a positive reply") {
    SUBCASE("tests true in if (ec), as every non-zero error_code does") {
        const std::error_code ok = SmtpStatusCode::Ok;
        CHECK(static_cast<bool>(ok));
        for (const SmtpStatusCode code : smtp::all_status_codes) {
            CAPTURE(smtp::value(code));
            CHECK(static_cast<bool>(std::error_code(code)) == (smtp::value(code) != 0));
        }
    }
    SUBCASE("is told apart by its class") {
        const std::error_code ok = SmtpStatusCode::Ok;
        CHECK(ok == ReplyClass::PositiveCompletion);
        CHECK(ok != ReplyClass::TransientNegative);
        CHECK(ok != ReplyClass::PermanentNegative);
        const std::error_code go_ahead = SmtpStatusCode::StartMailInput;
        CHECK(go_ahead == ReplyClass::PositiveIntermediate);
    }
    SUBCASE("NotDefined is the only code that tests false") {
        CHECK_FALSE(static_cast<bool>(std::error_code(SmtpStatusCode::NotDefined)));
        CHECK(static_cast<bool>(std::error_code(SmtpStatusCode::GeneralFailure)));
        CHECK(std::error_code(SmtpStatusCode::NotDefined) == ReplyClass::None);
    }
}

TEST_CASE("default_error_condition") {
    SUBCASE("maps every value, listed or not, to its class") {
        for (const int v : interesting_ints()) {
            CAPTURE(v);
            const std::error_condition condition = smtp_code(v).default_error_condition();
            CHECK(condition.category() == smtp::reply_class_category());
            CHECK(condition.value() == static_cast<int>(class_from_text(v)));
        }
    }
    SUBCASE("makes ec == ReplyClass hold for exactly the code's class") {
        for (const int v : interesting_ints()) {
            CAPTURE(v);
            const std::error_code ec = smtp_code(v);
            for (const ReplyClass reply : all_classes) {
                CAPTURE(static_cast<int>(reply));
                CHECK((ec == reply) == (class_from_text(v) == reply));
                CHECK((ec != reply) == (class_from_text(v) != reply));
            }
        }
    }
    SUBCASE("every 4yz, listed or not, is TransientNegative") {
        for (int v = 400; v <= 499; ++v) {
            CAPTURE(v);
            CHECK(smtp_code(v) == ReplyClass::TransientNegative);
        }
    }
    SUBCASE("codes of other categories match no class") {
        for (const ReplyClass reply : all_classes) {
            CAPTURE(static_cast<int>(reply));
            CHECK(std::make_error_code(std::errc::connection_reset) != reply);
            CHECK(std::error_code(static_cast<int>(reply), std::generic_category()) != reply);
            CHECK(std::error_code() != reply);
        }
    }
}

TEST_CASE("make_error_condition") {
    SUBCASE("keeps the class in reply_class_category") {
        for (const ReplyClass reply : all_classes) {
            CAPTURE(static_cast<int>(reply));
            const std::error_condition condition = smtp::make_error_condition(reply);
            CHECK(condition.value() == static_cast<int>(reply));
            CHECK(condition.category() == smtp::reply_class_category());
            const std::error_condition converted = reply;
            CHECK(converted == condition);
        }
    }
    SUBCASE("is found by argument-dependent lookup") {
        CHECK(make_error_condition(ReplyClass::PermanentNegative).value() == 5);
    }
}

TEST_CASE("reply_class_category") {
    SUBCASE("is named smtp.reply_class") {
        CHECK(std::string(smtp::reply_class_category().name()) == "smtp.reply_class");
    }
    SUBCASE("message names the class, or the unknown value") {
        CHECK(contains(smtp::make_error_condition(ReplyClass::PositiveCompletion).message(), "2yz"));
        CHECK(contains(smtp::make_error_condition(ReplyClass::PositiveIntermediate).message(), "3yz"));
        CHECK(contains(smtp::make_error_condition(ReplyClass::TransientNegative).message(), "4yz"));
        CHECK(contains(smtp::make_error_condition(ReplyClass::PermanentNegative).message(), "5yz"));
        CHECK(smtp::make_error_condition(ReplyClass::None).message() == "not an SMTP reply code");
        CHECK(smtp::reply_class_category().message(7) == "unknown SMTP reply class 7");
        for (const int v : interesting_ints()) {
            CAPTURE(v);
            CHECK_FALSE(smtp::reply_class_category().message(v).empty());
        }
    }
}

// ---------------------------------------------------------------------------
// The parser's and the writer's errors as std::error_code
// ---------------------------------------------------------------------------

namespace {

using smtp::ReplyError;
using smtp::ReplyWriteError;

// Every enumerator, written out by hand.
constexpr ReplyError all_parse_errors[] = {
    ReplyError::None,         ReplyError::Incomplete,  ReplyError::InvalidCode,
    ReplyError::InvalidSeparator, ReplyError::CodeMismatch, ReplyError::LineTooLong,
    ReplyError::TooManyLines, ReplyError::BareLineFeed,
};
constexpr ReplyWriteError all_write_errors[] = {
    ReplyWriteError::None,          ReplyWriteError::InvalidCode,
    ReplyWriteError::InvalidEnhancedCode, ReplyWriteError::EnhancedClassMismatch,
    ReplyWriteError::EnhancedOnIntermediate, ReplyWriteError::NoLines,
    ReplyWriteError::LineBreakInText, ReplyWriteError::LineTooLong,
    ReplyWriteError::BufferTooSmall,
};
constexpr smtp::DsnError all_dsn_errors[] = {
    smtp::DsnError::None,
    smtp::DsnError::Empty,
    smtp::DsnError::NoFields,
    smtp::DsnError::NoRecipients,
};

} // namespace

TEST_CASE("ReplyError as std::error_code") {
    static_assert(std::is_error_code_enum_v<ReplyError>);
    SUBCASE("converts through make_error_code, found by argument-dependent lookup") {
        for (const ReplyError error : all_parse_errors) {
            CAPTURE(smtp::name(error));
            const std::error_code ec = error;
            CHECK(ec.value() == static_cast<int>(error));
            CHECK(ec.category() == smtp::reply_error_category());
            CHECK(ec == make_error_code(error));
            CHECK(ec == error);
            // if (ec) means "failed": only None is 0.
            CHECK(static_cast<bool>(ec) == (error != ReplyError::None));
            CHECK_FALSE(ec.message().empty());
        }
        CHECK(std::error_code(ReplyError::None).value() == 0);
    }
    SUBCASE("the category has a name of its own and messages that say what happened") {
        CHECK(std::string(smtp::reply_error_category().name()) == "smtp.reply");
        CHECK(smtp::reply_error_category() != smtp::smtp_category());
        CHECK(smtp::reply_error_category() != smtp::reply_write_error_category());
        CHECK(std::error_code(ReplyError::None).message() == "no error: a whole reply was read");
        CHECK(contains(std::error_code(ReplyError::Incomplete).message(), "read more"));
        CHECK(contains(std::error_code(ReplyError::CodeMismatch).message(), "4.2.1"));
        CHECK(contains(std::error_code(ReplyError::BareLineFeed).message(), "CRLF"));
        CHECK(smtp::reply_error_category().message(99) == "unknown SMTP reply parse error 99");
        CHECK(smtp::reply_error_category().message(-1) == "unknown SMTP reply parse error -1");
        // Every message differs from every other.
        std::vector<std::string> messages;
        for (const ReplyError error : all_parse_errors) {
            const std::string text = std::error_code(error).message();
            for (const std::string& other : messages) {
                CHECK(text != other);
            }
            messages.push_back(text);
        }
    }
    SUBCASE("a parse result, as an Asio-style client reports it") {
        const std::error_code failed = smtp::parse_reply("250-a\r\n251 b\r\n").error;
        CHECK(failed == ReplyError::CodeMismatch);
        CHECK(failed);
        const std::error_code fine = smtp::parse_reply("250 ok\r\n").error;
        CHECK_FALSE(fine);
    }
    SUBCASE("is one category across shared libraries, whatever their visibility") {
        for (const SharedLibrary& library : shared_libraries) {
            CAPTURE(library.name);
            CHECK(&library.reply_error_category_in_library() == &smtp::reply_error_category());
            for (const ReplyError error : all_parse_errors) {
                CHECK(library.make_parse_code(error) == std::error_code(error));
            }
            CHECK(library.make_parse_code(ReplyError::LineTooLong) != ReplyError::TooManyLines);
        }
    }
}

TEST_CASE("ReplyWriteError as std::error_code") {
    static_assert(std::is_error_code_enum_v<ReplyWriteError>);
    SUBCASE("converts through make_error_code, found by argument-dependent lookup") {
        for (const ReplyWriteError error : all_write_errors) {
            CAPTURE(smtp::name(error));
            const std::error_code ec = error;
            CHECK(ec.value() == static_cast<int>(error));
            CHECK(ec.category() == smtp::reply_write_error_category());
            CHECK(ec == make_error_code(error));
            CHECK(static_cast<bool>(ec) == (error != ReplyWriteError::None));
            CHECK_FALSE(ec.message().empty());
        }
    }
    SUBCASE("the category has a name of its own and messages that say what happened") {
        CHECK(std::string(smtp::reply_write_error_category().name()) == "smtp.reply_write");
        CHECK(std::error_code(ReplyWriteError::None).message() == "no error: the reply was written");
        CHECK(contains(std::error_code(ReplyWriteError::EnhancedOnIntermediate).message(), "3yz"));
        CHECK(contains(std::error_code(ReplyWriteError::LineBreakInText).message(), "CR or LF"));
        CHECK(smtp::reply_write_error_category().message(42) ==
              "unknown SMTP reply write error 42");
        std::vector<std::string> messages;
        for (const ReplyWriteError error : all_write_errors) {
            const std::string text = std::error_code(error).message();
            for (const std::string& other : messages) {
                CHECK(text != other);
            }
            messages.push_back(text);
        }
    }
    SUBCASE("a writer result converts") {
        char buffer[8];
        const std::error_code ec =
            smtp::write_reply(buffer, buffer + sizeof buffer, 250, std::nullopt, {"a long line"}).error;
        CHECK(ec == ReplyWriteError::BufferTooSmall);
    }
    SUBCASE("is one category across shared libraries, whatever their visibility") {
        for (const SharedLibrary& library : shared_libraries) {
            CAPTURE(library.name);
            CHECK(&library.reply_write_error_category_in_library() ==
                  &smtp::reply_write_error_category());
            for (const ReplyWriteError error : all_write_errors) {
                CHECK(library.make_write_code(error) == std::error_code(error));
            }
        }
    }
}

TEST_CASE("DsnError as std::error_code") {
    using smtp::DsnError;
    static_assert(std::is_error_code_enum_v<DsnError>);
    SUBCASE("converts through make_error_code, found by argument-dependent lookup") {
        for (const DsnError error : all_dsn_errors) {
            CAPTURE(smtp::name(error));
            const std::error_code ec = error;
            CHECK(ec.value() == static_cast<int>(error));
            CHECK(ec.category() == smtp::dsn_error_category());
            CHECK(ec == make_error_code(error));
            CHECK(static_cast<bool>(ec) == (error != DsnError::None));
        }
    }
    SUBCASE("the category has a name of its own and messages that say what happened") {
        CHECK(std::string(smtp::dsn_error_category().name()) == "smtp.dsn");
        CHECK(smtp::dsn_error_category() != smtp::reply_error_category());
        CHECK(std::error_code(DsnError::None).message() ==
              "no error: the delivery status has recipients");
        CHECK(std::error_code(DsnError::Empty).message() == "the delivery status content is empty");
        CHECK(contains(std::error_code(DsnError::NoFields).message(), "no line"));
        CHECK(contains(std::error_code(DsnError::NoRecipients).message(), "section 2.1"));
        CHECK(smtp::dsn_error_category().message(7) == "unknown delivery status error 7");
    }
    SUBCASE("a reader's result converts") {
        const std::error_code empty = smtp::parse_delivery_status("").error();
        CHECK(empty == DsnError::Empty);
        const std::error_code no_fields = smtp::parse_delivery_status("no fields here\n").error();
        CHECK(no_fields == DsnError::NoFields);
        const std::error_code fine =
            smtp::parse_delivery_status("Reporting-MTA: dns; a.example\n\n"
                                        "Final-Recipient: rfc822; b@example.org\n"
                                        "Action: failed\nStatus: 5.1.1\n")
                .error();
        CHECK_FALSE(fine);
    }
    SUBCASE("is one category across shared libraries, whatever their visibility") {
        for (const SharedLibrary& library : shared_libraries) {
            CAPTURE(library.name);
            CHECK(&library.dsn_error_category_in_library() == &smtp::dsn_error_category());
            for (const DsnError error : all_dsn_errors) {
                CHECK(library.make_dsn_code(error) == std::error_code(error));
            }
        }
    }
}
