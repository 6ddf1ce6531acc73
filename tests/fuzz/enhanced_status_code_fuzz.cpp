// Fuzz target for <smtp/enhanced_status_code.hpp>.
//
// Properties, checked on every input (a failure aborts):
// - parse_enhanced_status_code agrees with a simple reference check of the
//   RFC 3463 section 2 grammar, written here independently;
// - round trip: a parsed code prints back as exactly the input, and parsing
//   the printed text gives the same code;
// - the registry lookups agree with each other for the parsed code, and for
//   a code built from raw ints of the input (any int, INT_MIN included);
// - to_chars never writes outside [first, last), whatever the buffer size.
#include <smtp/enhanced_status_code.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string_view>

namespace {

void check(bool property) {
    if (!property) {
        std::abort();
    }
}

// The grammar, the plain way: exactly two dots, three non-empty runs of
// ASCII digits, the first one of "2", "4", "5", the others at most three
// digits and without a leading zero unless the run is "0".
std::optional<smtp::EnhancedStatusCode> reference_parse(std::string_view text) {
    std::size_t dots[2] = {0, 0};
    std::size_t dot_count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '.') {
            if (dot_count == 2) {
                return std::nullopt;
            }
            dots[dot_count++] = i;
        } else if (c < '0' || c > '9') {
            return std::nullopt;
        }
    }
    if (dot_count != 2) {
        return std::nullopt;
    }
    const std::string_view parts[3] = {text.substr(0, dots[0]),
                                       text.substr(dots[0] + 1, dots[1] - dots[0] - 1),
                                       text.substr(dots[1] + 1)};
    if (parts[0] != "2" && parts[0] != "4" && parts[0] != "5") {
        return std::nullopt;
    }
    int numbers[3] = {parts[0][0] - '0', 0, 0};
    for (int k = 1; k < 3; ++k) {
        const std::string_view p = parts[k];
        if (p.empty() || p.size() > 3 || (p.size() > 1 && p[0] == '0')) {
            return std::nullopt;
        }
        for (const char c : p) {
            numbers[k] = numbers[k] * 10 + (c - '0');
        }
    }
    return smtp::EnhancedStatusCode{numbers[0], numbers[1], numbers[2]};
}

void check_registry(const smtp::EnhancedStatusCode& code) {
    const smtp::EnhancedStatusCodeEntry* entry = smtp::registry_entry(code);
    check(smtp::is_registered(code) == (entry != nullptr));
    const smtp::AssociatedBasicCodes basic = smtp::associated_basic_codes(code);
    if (entry == nullptr) {
        check(smtp::title(code).empty());
        check(basic.empty() && basic.scope == smtp::BasicCodeScope::Listed);
        check(!smtp::is_deprecated(code) && smtp::defining_rfc(code) == 0);
        return;
    }
    const auto& registry = smtp::enhanced_status_code_registry;
    check(entry >= registry.data() && entry < registry.data() + registry.size());
    check(entry->code(code.status_class) == code);
    check(smtp::is_valid(code));
    check(smtp::title(code) == entry->title);
    check(smtp::title(code).empty() == entry->deprecated);
    check(basic.size() == entry->basic_codes.size());
    check(smtp::subject_title(code).size() != 0);
    check(smtp::class_title(code).size() != 0);
}

void check_to_chars(const smtp::EnhancedStatusCode& code) {
    constexpr std::size_t guard = 8;
    constexpr std::size_t room = smtp::enhanced_status_code_max_chars;
    char buffer[room + guard];
    const auto full = smtp::to_text(code);
    check(full.view().size() <= room);
    for (std::size_t size = 0; size <= room; ++size) {
        std::memset(buffer, '#', sizeof buffer);
        const auto result = smtp::to_chars(buffer, buffer + size, code);
        if (size < full.view().size()) {
            check(result.ec == std::errc::value_too_large && result.ptr == buffer + size);
        } else {
            check(result.ec == std::errc());
            check(std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer)) ==
                  full.view());
        }
        const std::size_t written =
            result.ec == std::errc() ? static_cast<std::size_t>(result.ptr - buffer) : 0;
        for (std::size_t i = written; i < sizeof buffer; ++i) {
            check(buffer[i] == '#');
        }
    }
    // Whatever to_chars prints for a valid code parses back to it.
    if (smtp::is_valid(code)) {
        check(smtp::parse_enhanced_status_code(full.view()) == code);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    const auto parsed = smtp::parse_enhanced_status_code(text);
    const auto expected = reference_parse(text);
    check(parsed.has_value() == expected.has_value());
    if (parsed) {
        check(*parsed == *expected);
        check(smtp::is_valid(*parsed));
        // Round trip: print gives the input back, parse gives the code back.
        const auto printed = smtp::to_text(*parsed);
        check(printed.view() == text);
        check(smtp::parse_enhanced_status_code(printed.view()) == parsed);
        check_registry(*parsed);
        check_to_chars(*parsed);
    }

    // The same bytes read as three ints: codes no parser would produce.
    if (size >= 3 * sizeof(int)) {
        int fields[3];
        std::memcpy(fields, data, sizeof fields);
        const smtp::EnhancedStatusCode raw{fields[0], fields[1], fields[2]};
        check_registry(raw);
        check_to_chars(raw);
        const int classes = smtp::is_success(raw) + smtp::is_transient(raw) + smtp::is_permanent(raw);
        const bool class_ok = raw.status_class == 2 || raw.status_class == 4 || raw.status_class == 5;
        check(classes == (class_ok ? 1 : 0));
    }
    return 0;
}
