// Checks against the second translation unit (second_translation_unit.cpp).
#include <smtp/semantics.hpp>
#include <smtp/status_code.hpp>

#include <doctest/doctest.h>

namespace second_tu {
const void* all_status_codes_address() noexcept;
const void* expected_reply_rules_address() noexcept;
std::string_view name_of(smtp::SmtpStatusCode code) noexcept;
} // namespace second_tu

TEST_CASE("inline variables are one object in every translation unit") {
    CHECK(second_tu::all_status_codes_address() ==
          static_cast<const void*>(&smtp::all_status_codes));
    CHECK(second_tu::name_of(smtp::SmtpStatusCode::Ok) == "Ok");
    CHECK(second_tu::expected_reply_rules_address() ==
          static_cast<const void*>(&smtp::expected_reply_rules));
}
