// Compile-time proof for <smtp/format.hpp>: to_text is usable in a constant
// expression and is noexcept. Compiling this file is the test.
#include <smtp/format.hpp>

#include <climits>
#include <type_traits>

namespace {

using smtp::EnhancedStatusCode;
using smtp::ReplyClass;
using smtp::SmtpStatusCode;

static_assert(noexcept(smtp::to_text(SmtpStatusCode::Ok)));
static_assert(noexcept(smtp::to_text(ReplyClass::None)));

static_assert(smtp::to_text(SmtpStatusCode::MailboxUnavailable).view() == "550 MailboxUnavailable");
static_assert(smtp::to_text(static_cast<SmtpStatusCode>(571)).view() == "571");
static_assert(smtp::to_text(SmtpStatusCode::GeneralFailure).view() == "-1 GeneralFailure");
static_assert(smtp::to_text(ReplyClass::TransientNegative).view() == "TransientNegative");
static_assert(smtp::to_text(static_cast<ReplyClass>(9)).view() == "9");
static_assert(smtp::to_text(EnhancedStatusCode{5, 1, 1}).view() == "5.1.1");

// The buffers hold the longest texts: INT_MIN, and the longest name after a
// three-digit code.
static_assert(smtp::to_text(static_cast<SmtpStatusCode>(INT_MIN)).view() == "-2147483648");
static_assert(smtp::to_text(static_cast<ReplyClass>(INT_MIN)).view() == "-2147483648");
static_assert(smtp::status_code_max_chars >= 11 + 1 + 39); // ParametersNotRecognizedOrNotImplemented
static_assert(smtp::reply_class_max_chars >= 20);          // PositiveIntermediate

} // namespace
