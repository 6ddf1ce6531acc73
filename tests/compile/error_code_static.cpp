// Compile-time proof for <smtp/error_code.hpp>: the enums are registered
// with <system_error> the right way round, and the glue is noexcept.
// Compiling this file is the test.
#include <smtp/error_code.hpp>

#include <system_error>
#include <type_traits>

namespace {

using smtp::ReplyClass;
using smtp::SmtpStatusCode;

static_assert(std::is_error_code_enum<SmtpStatusCode>::value);
static_assert(!std::is_error_condition_enum<SmtpStatusCode>::value);
static_assert(std::is_error_condition_enum<ReplyClass>::value);
static_assert(!std::is_error_code_enum<ReplyClass>::value);

static_assert(std::is_convertible_v<SmtpStatusCode, std::error_code>);
static_assert(std::is_convertible_v<ReplyClass, std::error_condition>);
static_assert(!std::is_convertible_v<ReplyClass, std::error_code>);

static_assert(noexcept(smtp::smtp_category()));
static_assert(noexcept(smtp::reply_class_category()));
static_assert(noexcept(smtp::make_error_code(SmtpStatusCode::Ok)));
static_assert(noexcept(smtp::make_error_condition(ReplyClass::None)));
static_assert(std::is_same_v<decltype(smtp::smtp_category()), const std::error_category&>);

} // namespace
