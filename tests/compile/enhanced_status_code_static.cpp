// Compile-time proof for <smtp/enhanced_status_code.hpp>: every function is
// usable in a constant expression and is noexcept, and the registry's shape
// holds. Compiling this file is the test.
#include <smtp/enhanced_status_code.hpp>

#include <climits>
#include <string_view>
#include <type_traits>

namespace {

using smtp::BasicCodeScope;
using smtp::EnhancedStatusCode;
using smtp::ReplyClass;

constexpr EnhancedStatusCode c511{5, 1, 1};

// The contract's types.
static_assert(std::is_aggregate_v<EnhancedStatusCode>);
static_assert(std::is_trivially_copyable_v<EnhancedStatusCode>);
static_assert(std::is_same_v<decltype(smtp::parse_enhanced_status_code("")),
                             std::optional<EnhancedStatusCode>>);
static_assert(std::is_same_v<decltype(smtp::enhanced_status_code_registry),
                             const std::array<smtp::EnhancedStatusCodeEntry, 81>>);
static_assert(std::is_same_v<decltype(smtp::title(c511)), std::string_view>);
static_assert(std::is_same_v<decltype(smtp::is_registered(c511)), bool>);
static_assert(std::is_same_v<decltype(smtp::registry_entry(c511)),
                             const smtp::EnhancedStatusCodeEntry*>);
static_assert(std::is_same_v<std::underlying_type_t<BasicCodeScope>, int>);

// noexcept, everywhere.
static_assert(noexcept(c511 == c511) && noexcept(c511 != c511) && noexcept(c511 < c511) &&
              noexcept(c511 > c511) && noexcept(c511 <= c511) && noexcept(c511 >= c511));
static_assert(noexcept(smtp::is_valid(c511)));
// (A string_view already made: libc++ does not mark its conversion from ""
// noexcept; the guarantee is the function's.)
constexpr std::string_view no_text{};
static_assert(noexcept(smtp::parse_enhanced_status_code(no_text)));
static_assert(noexcept(smtp::reply_class(c511)) && noexcept(smtp::is_success(c511)) &&
              noexcept(smtp::is_transient(c511)) && noexcept(smtp::is_permanent(c511)));
static_assert(noexcept(smtp::to_chars(nullptr, nullptr, c511)));
static_assert(noexcept(smtp::to_text(c511)) && noexcept(smtp::to_text(c511).view()));
static_assert(noexcept(smtp::registry_entry(c511)) && noexcept(smtp::is_registered(c511)));
static_assert(noexcept(smtp::title(c511)) && noexcept(smtp::associated_basic_codes(c511)));
static_assert(noexcept(smtp::is_deprecated(c511)) && noexcept(smtp::defining_rfc(c511)));
static_assert(noexcept(smtp::subject_title(1)) && noexcept(smtp::subject_title(c511)));
static_assert(noexcept(smtp::class_title(5)) && noexcept(smtp::class_title(c511)));
static_assert(noexcept(smtp::associated_basic_codes(c511).permits(550)) &&
              noexcept(smtp::associated_basic_codes(c511).contains(550)) &&
              noexcept(smtp::associated_basic_codes(c511)[0]) &&
              noexcept(smtp::associated_basic_codes(c511).begin()));

// Aggregate construction, comparisons.
static_assert(EnhancedStatusCode{5, 1, 1} == c511);
static_assert(EnhancedStatusCode{4, 1, 1} != c511);
static_assert(EnhancedStatusCode{5, 1, 9} < EnhancedStatusCode{5, 1, 10});
static_assert(EnhancedStatusCode{4, 9, 9} < EnhancedStatusCode{5, 0, 0});

// Parsing.
static_assert(smtp::parse_enhanced_status_code("5.1.1") == c511);
static_assert(smtp::parse_enhanced_status_code("2.0.0") == EnhancedStatusCode{2, 0, 0});
static_assert(smtp::parse_enhanced_status_code("5.999.999") == EnhancedStatusCode{5, 999, 999});
static_assert(!smtp::parse_enhanced_status_code("5.1"));
static_assert(!smtp::parse_enhanced_status_code("511"));
static_assert(!smtp::parse_enhanced_status_code("4.16.55.1"));
static_assert(!smtp::parse_enhanced_status_code("6.1.1"));
static_assert(!smtp::parse_enhanced_status_code("5.1000.1"));
static_assert(smtp::parse_enhanced_status_code("5.01.1") == c511);
static_assert(!smtp::parse_enhanced_status_code(" 5.1.1"));
static_assert(!smtp::parse_enhanced_status_code(std::string_view("5.1.1\0", 6)));

// Classification.
static_assert(smtp::reply_class(c511) == ReplyClass::PermanentNegative);
static_assert(smtp::is_transient(EnhancedStatusCode{4, 7, 1}));
static_assert(smtp::reply_class(EnhancedStatusCode{INT_MIN, 0, 0}) == ReplyClass::None);

// Text.
static_assert(smtp::to_text(c511).view() == "5.1.1");
static_assert(smtp::to_text(EnhancedStatusCode{INT_MIN, INT_MIN, INT_MIN}).view().size() ==
              smtp::enhanced_status_code_max_chars);
constexpr bool to_chars_refuses_small_buffers() {
    char buffer[4] = {'#', '#', '#', '#'};
    const auto r = smtp::to_chars(buffer, buffer + 4, c511);
    return r.ec == std::errc::value_too_large && r.ptr == buffer + 4 && buffer[0] == '#';
}
static_assert(to_chars_refuses_small_buffers());

// The registry: X.0.0 to X.7.30 (its size, order and shape are asserted in
// the header and in table_consistency.cpp).
static_assert(smtp::enhanced_status_code_registry.front().code(2) == EnhancedStatusCode{2, 0, 0});
static_assert(smtp::enhanced_status_code_registry.back().code(5) == EnhancedStatusCode{5, 7, 30});
static_assert(smtp::enhanced_status_code_registry_updated == "2024-12-06");

// Every registry lookup works in a constant expression.
static_assert(smtp::title(c511) == "Bad destination mailbox address");
static_assert(smtp::title(EnhancedStatusCode{4, 1, 1}) == smtp::title(c511));
static_assert(smtp::title(EnhancedStatusCode{5, 7, 31}).empty());
static_assert(smtp::title(EnhancedStatusCode{3, 1, 1}).empty());
static_assert(smtp::is_registered(EnhancedStatusCode{2, 0, 0}));
static_assert(!smtp::is_registered(EnhancedStatusCode{5, 7, 500}));
static_assert(!smtp::is_registered(EnhancedStatusCode{5, -1, -1}));
static_assert(smtp::registry_entry(EnhancedStatusCode{5, 7, 30})->rfc == 8689);
static_assert(smtp::registry_entry(EnhancedStatusCode{5, 7, 28})->draft ==
              "draft-levine-mailbomb-header");
static_assert(smtp::registry_entry(EnhancedStatusCode{5, 9, 0}) == nullptr);
static_assert(smtp::associated_basic_codes(c511).size() == 2);
static_assert(smtp::associated_basic_codes(c511)[1] == 550);
static_assert(smtp::associated_basic_codes(c511).contains(451));
static_assert(!smtp::associated_basic_codes(c511).permits(552));
static_assert(smtp::associated_basic_codes(EnhancedStatusCode{5, 7, 17}).scope ==
              BasicCodeScope::Any5yz);
static_assert(smtp::associated_basic_codes(EnhancedStatusCode{5, 5, 0}).size() ==
              smtp::AssociatedBasicCodes::capacity);
static_assert(smtp::is_deprecated(EnhancedStatusCode{5, 6, 10}));
static_assert(!smtp::is_deprecated(EnhancedStatusCode{5, 6, 8}));
static_assert(smtp::defining_rfc(EnhancedStatusCode{5, 7, 29}) == 8617);
static_assert(smtp::subject_title(1) == "Addressing Status");
static_assert(smtp::subject_title(c511) == "Addressing Status");
static_assert(smtp::subject_title(8).empty());
static_assert(smtp::class_title(4) == "Persistent Transient Failure");
static_assert(smtp::class_title(3).empty());

} // namespace

// Vendor notes are constexpr data too.
static_assert(smtp::vendor_note({4, 7, 550}).has_value() &&
              smtp::vendor_note({4, 7, 550})->vendor == "Microsoft");
static_assert(!smtp::vendor_note({5, 1, 1}).has_value());
static_assert(noexcept(smtp::vendor_note({5, 1, 1})));
