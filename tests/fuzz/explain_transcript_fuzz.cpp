// Fuzz target for smtp-explain's core (tools/smtp-explain, linked as the
// smtp_explain_core library): any bytes, read as a transcript or mail log,
// give a report that is valid UTF-8; the JSON report is one valid JSON
// document, and the text report holds no control character but the newline
// (input can never reach the terminal raw). Aborts when a property breaks.
#include "explain.hpp"
#include "support/output_checks.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using smtp_explain::testing::check_property;
using smtp_explain::testing::JsonChecker;
using smtp_explain::testing::terminal_safe;
using smtp_explain::testing::valid_utf8;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // With the small limits below 512 bytes reach every path; longer inputs
    // only slow the search (the reports are several times the input).
    constexpr std::size_t longest = 512;
    const std::string_view input(reinterpret_cast<const char*>(data),
                                 size < longest ? size : longest);
    smtp_explain::Options options;
    // Small limits reach the too-long and too-many-lines paths with small inputs.
    options.limits.max_line_length = 64;
    options.limits.max_lines = 4;
    if (size > 0 && data[0] == 'R') {
        options.command = smtp::Command::Rcpt;
    }
    // One report per input, chosen by its length, keeps each run cheap.
    options.format = size % 3 == 0   ? smtp_explain::Format::Json
                     : size % 3 == 2 ? smtp_explain::Format::Brief
                                     : smtp_explain::Format::Text;
    const smtp_explain::Explained result =
        smtp_explain::explain(options, {{smtp_explain::Input::Kind::Text, input, "fuzz"}});
    check_property(valid_utf8(result.report));
    if (options.format == smtp_explain::Format::Json) {
        check_property(JsonChecker(result.report).document());
    } else {
        check_property(terminal_safe(result.report));
    }
    return 0;
}
