// Two small shared libraries for the unit tests, built from one source
// (shared_error_code.cpp): they make error_codes and error_conditions on
// their side of a shared-library boundary, so the test program can check
// that both sides use one category object (error_code compares categories by
// address). One library is built with default symbol visibility, the other
// with -fvisibility=hidden, as many projects build theirs.
#ifndef SMTP_TEST_SHARED_ERROR_CODE_HPP
#define SMTP_TEST_SHARED_ERROR_CODE_HPP

#include <smtp/error_code.hpp>

#include <system_error>

#if defined(__GNUC__)
#define SMTP_TEST_SHARED_API __attribute__((visibility("default")))
#else
#define SMTP_TEST_SHARED_API
#endif

// The functions of one library, in a namespace of its own so that both
// libraries can be linked into one program.
#define SMTP_TEST_SHARED_DECLARE(library)                                          \
    namespace library {                                                            \
    SMTP_TEST_SHARED_API std::error_code make_code(smtp::SmtpStatusCode) noexcept; \
    SMTP_TEST_SHARED_API std::error_condition make_condition(smtp::ReplyClass) noexcept; \
    SMTP_TEST_SHARED_API const std::error_category& smtp_category_in_library() noexcept; \
    SMTP_TEST_SHARED_API const std::error_category&                                \
    reply_class_category_in_library() noexcept;                                    \
    SMTP_TEST_SHARED_API std::error_code make_parse_code(smtp::ReplyError) noexcept; \
    SMTP_TEST_SHARED_API std::error_code make_write_code(smtp::ReplyWriteError) noexcept; \
    SMTP_TEST_SHARED_API const std::error_category&                                \
    reply_error_category_in_library() noexcept;                                    \
    SMTP_TEST_SHARED_API const std::error_category&                                \
    reply_write_error_category_in_library() noexcept;                              \
    SMTP_TEST_SHARED_API std::error_code make_dsn_code(smtp::DsnError) noexcept;    \
    SMTP_TEST_SHARED_API const std::error_category&                                \
    dsn_error_category_in_library() noexcept;                                      \
    }

SMTP_TEST_SHARED_DECLARE(smtp_test_shared_default)
SMTP_TEST_SHARED_DECLARE(smtp_test_shared_hidden)

#endif // SMTP_TEST_SHARED_ERROR_CODE_HPP
