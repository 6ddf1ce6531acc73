// One shared library's side: compiled into libsmtp_status_test_shared_*.so,
// not into the test program. SMTP_TEST_SHARED_LIBRARY names the library's
// namespace (see shared_error_code.hpp).
#include "shared_error_code.hpp"

namespace SMTP_TEST_SHARED_LIBRARY {

std::error_code make_code(smtp::SmtpStatusCode code) noexcept {
    return code; // through make_error_code, found by argument-dependent lookup
}

std::error_condition make_condition(smtp::ReplyClass reply) noexcept {
    return reply;
}

const std::error_category& smtp_category_in_library() noexcept {
    return smtp::smtp_category();
}

const std::error_category& reply_class_category_in_library() noexcept {
    return smtp::reply_class_category();
}

std::error_code make_parse_code(smtp::ReplyError error) noexcept {
    return error;
}

std::error_code make_write_code(smtp::ReplyWriteError error) noexcept {
    return error;
}

const std::error_category& reply_error_category_in_library() noexcept {
    return smtp::reply_error_category();
}

const std::error_category& reply_write_error_category_in_library() noexcept {
    return smtp::reply_write_error_category();
}

std::error_code make_dsn_code(smtp::DsnError error) noexcept {
    return error;
}

const std::error_category& dsn_error_category_in_library() noexcept {
    return smtp::dsn_error_category();
}

} // namespace SMTP_TEST_SHARED_LIBRARY
