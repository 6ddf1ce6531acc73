// Fuzz target for parse_reply (<smtp/reply.hpp>). For any bytes, checked
// under AddressSanitizer and UndefinedBehaviorSanitizer:
// - no read past the input (libFuzzer's buffer, and every prefix, is an
//   exact-size heap copy);
// - consumed <= size, and 0 with an empty reply on every error;
// - Incomplete exactly when a continuation can still complete the reply, and
//   every other answer unchanged by appended bytes;
// - fed in pieces (each prefix parsed again), the same answer as the whole;
// - the same answer, lines, code and enhanced code as the simple reference
//   parser of tests/support/reply_reference.hpp.
// Each input runs with the default limits and with small limits taken from
// its first and last bytes, so the limit checks are fuzzed too, and each of
// them in the lenient (default) and the strict reading.
#include <smtp/reply.hpp>

#include "../support/reply_reference.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

void check(std::string_view input, smtp::ReplyLimits limits) {
    const std::string problem = reply_reference::check(input, limits, 16);
    if (!problem.empty()) {
        std::fprintf(stderr, "reply_fuzz: %s (max_line_length %zu, max_lines %zu, strict %d)\n",
                     problem.c_str(), limits.max_line_length, limits.max_lines,
                     limits.strict ? 1 : 0);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const unsigned pick = size == 0 ? 0u : static_cast<unsigned>(data[0] ^ data[size - 1]);
    for (const bool strict : {false, true}) {
        smtp::ReplyLimits defaults;
        defaults.strict = strict;
        check(input, defaults);
        check(input, smtp::ReplyLimits{pick % 40u, (pick / 40u) % 7u, strict});
    }
    return 0;
}
