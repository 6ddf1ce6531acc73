// Compile-time proof for <smtp/status_code.hpp>: every function is usable in
// a constant expression and is noexcept. Compiling this file is the test.
#include <smtp/status_code.hpp>

#include <climits>
#include <string_view>
#include <type_traits>

namespace {

using smtp::ReplyClass;
using smtp::SmtpStatusCode;

// The contract's types.
static_assert(std::is_same_v<std::underlying_type_t<SmtpStatusCode>, int>);
static_assert(std::is_same_v<std::underlying_type_t<ReplyClass>, int>);
static_assert(std::is_same_v<decltype(smtp::all_status_codes),
                             const std::array<SmtpStatusCode, 36>>);
static_assert(std::is_same_v<decltype(smtp::from_value(0)),
                             std::optional<SmtpStatusCode>>);
static_assert(std::is_same_v<decltype(smtp::from_name("")),
                             std::optional<SmtpStatusCode>>);

// noexcept, for the int and the enum overloads.
constexpr auto any_code = SmtpStatusCode::Ok;
static_assert(noexcept(smtp::name(any_code)));
static_assert(noexcept(smtp::value(any_code)));
static_assert(noexcept(smtp::description(any_code)));
static_assert(noexcept(smtp::is_defined(any_code)));
static_assert(noexcept(smtp::from_value(0)));
// (A string_view already made: libc++ does not mark its conversion from ""
// noexcept; the guarantee is the function's.)
constexpr std::string_view no_text{};
static_assert(noexcept(smtp::from_name(no_text)));
static_assert(noexcept(smtp::reply_class(0)));
static_assert(noexcept(smtp::reply_class(any_code)));
static_assert(noexcept(smtp::is_success(0)) && noexcept(smtp::is_success(any_code)));
static_assert(noexcept(smtp::is_intermediate(0)) && noexcept(smtp::is_intermediate(any_code)));
static_assert(noexcept(smtp::is_transient(0)) && noexcept(smtp::is_transient(any_code)));
static_assert(noexcept(smtp::is_permanent(0)) && noexcept(smtp::is_permanent(any_code)));
static_assert(noexcept(smtp::name(ReplyClass::None)));

// Every lookup works in a constant expression.
static_assert(smtp::name(SmtpStatusCode::MailboxBusy) == "MailboxBusy");
static_assert(smtp::name(SmtpStatusCode::AuthenticationMechanismIsToWeak) ==
              "AuthenticationMechanismIsToWeak");
static_assert(smtp::name(static_cast<SmtpStatusCode>(571)).empty());
static_assert(smtp::value(SmtpStatusCode::GeneralFailure) == -1);
static_assert(smtp::value(SmtpStatusCode::DomainDoesNotAcceptMail) == 556);
static_assert(!smtp::description(SmtpStatusCode::Ok).empty());
static_assert(smtp::description(static_cast<SmtpStatusCode>(299)).empty());
static_assert(smtp::is_defined(SmtpStatusCode::NotDefined));
static_assert(!smtp::is_defined(static_cast<SmtpStatusCode>(INT_MIN)));
static_assert(smtp::from_value(250) == SmtpStatusCode::Ok);
static_assert(!smtp::from_value(INT_MIN) && !smtp::from_value(INT_MAX));
static_assert(!smtp::from_value(600) && !smtp::from_value(-2));
static_assert(smtp::from_name("ServiceReady") == SmtpStatusCode::ServiceReady);
static_assert(!smtp::from_name("serviceready") && !smtp::from_name(""));
// The longest name, and near misses in each of its 8-byte words.
static_assert(smtp::from_name("ParametersNotRecognizedOrNotImplemented") ==
              SmtpStatusCode::ParametersNotRecognizedOrNotImplemented);
static_assert(!smtp::from_name("parametersNotRecognizedOrNotImplemented") &&
              !smtp::from_name("ParametersNotRecognizedOrnotImplemented") &&
              !smtp::from_name("ParametersNotRecognizedOrNotImplementeD") &&
              !smtp::from_name("ParametersNotRecognizedOrNotImplemente") &&
              !smtp::from_name("ParametersNotRecognizedOrNotImplementedd"));
static_assert(smtp::from_name("Ok") == SmtpStatusCode::Ok && !smtp::from_name("OK"));
static_assert(smtp::reply_class(250) == ReplyClass::PositiveCompletion);
static_assert(smtp::reply_class(SmtpStatusCode::StartMailInput) ==
              ReplyClass::PositiveIntermediate);
static_assert(smtp::reply_class(SmtpStatusCode::NotDefined) == ReplyClass::None);
static_assert(smtp::reply_class(SmtpStatusCode::GeneralFailure) == ReplyClass::None);
static_assert(smtp::reply_class(INT_MIN) == ReplyClass::None);
static_assert(smtp::is_success(299) && smtp::is_intermediate(399));
static_assert(smtp::is_transient(SmtpStatusCode::MailboxBusy));
static_assert(smtp::is_permanent(571) && !smtp::is_permanent(600));
static_assert(smtp::name(ReplyClass::TransientNegative) == "TransientNegative");

// all_status_codes is ascending, and every entry round-trips through every
// lookup, all at compile time.
constexpr bool all_codes_round_trip() {
    int previous = INT_MIN;
    for (SmtpStatusCode code : smtp::all_status_codes) {
        if (smtp::value(code) <= previous) return false;
        previous = smtp::value(code);
        if (!smtp::is_defined(code)) return false;
        if (smtp::from_value(smtp::value(code)) != code) return false;
        if (smtp::from_name(smtp::name(code)) != code) return false;
        if (smtp::description(code).empty()) return false;
        const bool sentinel = smtp::value(code) <= 0;
        if (sentinel != (smtp::reply_class(code) == ReplyClass::None)) return false;
    }
    return true;
}
static_assert(all_codes_round_trip());

} // namespace
