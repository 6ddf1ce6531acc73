// Fuzz target for the lookups of <smtp/status_code.hpp> that read bytes or
// take any int: from_name, from_value, name, description and the classifiers
// must answer for any input, and their answers must agree with each other.
#include <smtp/status_code.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (const auto code = smtp::from_name(text)) {
        if (smtp::name(*code) != text) std::abort();
    }
    if (size >= sizeof(int)) {
        int v = 0;
        std::memcpy(&v, data, sizeof v);
        const auto code = static_cast<smtp::SmtpStatusCode>(v);
        const auto found = smtp::from_value(v);
        if (found.has_value() != smtp::is_defined(code)) std::abort();
        if (found.has_value() == smtp::name(code).empty()) std::abort();
        if (found && smtp::from_name(smtp::name(*found)) != found) std::abort();
        const int matches = smtp::is_success(v) + smtp::is_intermediate(v) +
                            smtp::is_transient(v) + smtp::is_permanent(v);
        const bool reply_code = v >= 200 && v <= 599;
        if (matches != (reply_code ? 1 : 0)) std::abort();
    }
    return 0;
}
