// Checks against the second translation unit (second_translation_unit.cpp).
#include <smtp/smtp.hpp>

#include <smtp/fmt.hpp>

#include <doctest/doctest.h>

#include <ostream> // doctest prints std::error_code with it
#include <string>
#include <system_error>

namespace second_tu {
const void* all_status_codes_address() noexcept;
const void* expected_reply_rules_address() noexcept;
std::string_view name_of(smtp::SmtpStatusCode code) noexcept;
const std::error_category* smtp_category_address() noexcept;
const std::error_category* reply_class_category_address() noexcept;
std::error_code code_of(smtp::SmtpStatusCode code) noexcept;
std::string formatted(smtp::SmtpStatusCode code);
} // namespace second_tu

TEST_CASE("inline variables are one object in every translation unit") {
    CHECK(second_tu::all_status_codes_address() ==
          static_cast<const void*>(&smtp::all_status_codes));
    CHECK(second_tu::name_of(smtp::SmtpStatusCode::Ok) == "Ok");
    CHECK(second_tu::expected_reply_rules_address() ==
          static_cast<const void*>(&smtp::expected_reply_rules));
}

TEST_CASE("error categories are one object in every translation unit") {
    CHECK(second_tu::smtp_category_address() == &smtp::smtp_category());
    CHECK(second_tu::reply_class_category_address() == &smtp::reply_class_category());
    const std::error_code there = second_tu::code_of(smtp::SmtpStatusCode::MailboxBusy);
    CHECK(there == smtp::make_error_code(smtp::SmtpStatusCode::MailboxBusy));
    CHECK(there == smtp::ReplyClass::TransientNegative);
}

TEST_CASE("printing is the same in every translation unit") {
    CHECK(second_tu::formatted(smtp::SmtpStatusCode::MailboxBusy) ==
          fmt::format("{}", smtp::SmtpStatusCode::MailboxBusy));
}
