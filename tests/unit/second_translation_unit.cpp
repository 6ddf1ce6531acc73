// A second translation unit that includes every public header, so the test
// program proves they link without duplicate definitions, that inline
// variables are one object across translation units, and that the error
// categories are one object too.
#include <smtp/delivery_status.hpp>
#include <smtp/enhanced_status_code.hpp>
#include <smtp/error_code.hpp>
#include <smtp/fmt.hpp>
#include <smtp/format.hpp>
#include <smtp/reply.hpp>
#include <smtp/semantics.hpp>
#include <smtp/smtp.hpp>
#include <smtp/status_code.hpp>
#include <smtp/version.hpp>

#include <doctest/doctest.h>

#include <string>
#include <system_error>

namespace second_tu {
const void* all_status_codes_address() noexcept { return &smtp::all_status_codes; }
const void* expected_reply_rules_address() noexcept { return &smtp::expected_reply_rules; }
std::string_view name_of(smtp::SmtpStatusCode code) noexcept { return smtp::name(code); }
const std::error_category* smtp_category_address() noexcept { return &smtp::smtp_category(); }
const std::error_category* reply_class_category_address() noexcept {
    return &smtp::reply_class_category();
}
std::error_code code_of(smtp::SmtpStatusCode code) noexcept { return code; }
std::string formatted(smtp::SmtpStatusCode code) { return fmt::format("{}", code); }
} // namespace second_tu
