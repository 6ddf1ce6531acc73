// A second translation unit that includes every public header, so the test
// program proves they link without duplicate definitions and that inline
// variables are one object across translation units.
#include <smtp/enhanced_status_code.hpp>
#include <smtp/reply.hpp>
#include <smtp/semantics.hpp>
#include <smtp/status_code.hpp>
#include <smtp/version.hpp>

#include <doctest/doctest.h>

namespace second_tu {
const void* all_status_codes_address() noexcept { return &smtp::all_status_codes; }
const void* expected_reply_rules_address() noexcept { return &smtp::expected_reply_rules; }
std::string_view name_of(smtp::SmtpStatusCode code) noexcept { return smtp::name(code); }
} // namespace second_tu
