// Fuzz target for smtp-explain's bounce extraction on decoded emails (the
// core, as the program and a web page hand it emails): any bytes, read as an
// email's parts, give a report that is valid UTF-8; the JSON report is one
// valid JSON document and the text report holds no control character but the
// newline. Aborts when a property breaks.
//
// The input: NUL-separated chunks. The first holds the top-level header
// fields, one "Name: value" a line; each further chunk is a leaf part whose
// first byte picks its type (and, bit 3, whether it lies inside the returned
// original) and whose other bytes are its text, undecoded bytes included.
#include "explain.hpp"
#include "extract/message.hpp"
#include "report/output.hpp"
#include "support/output_checks.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace {

using smtp_explain::testing::check_property;
using smtp_explain::testing::JsonChecker;
using smtp_explain::testing::terminal_safe;
using smtp_explain::testing::valid_utf8;

constexpr std::string_view types[] = {
    "text/plain",           "message/delivery-status", "message/rfc822",
    "text/rfc822-headers",  "message/feedback-report", "text/html",
    "message/global-delivery-status", "application/json"};

smtp_explain::DecodedMessage decode(std::string_view input) {
    smtp_explain::DecodedMessage message;
    std::size_t chunk = 0;
    while (!input.empty() || chunk == 0) {
        const std::size_t nul = input.find('\0');
        const std::string_view text = input.substr(0, nul);
        input.remove_prefix(nul == std::string_view::npos ? input.size() : nul + 1);
        if (chunk++ == 0) {
            std::string_view rest = text;
            while (!rest.empty()) {
                const std::size_t lf = rest.find('\n');
                const std::string_view line = rest.substr(0, lf);
                rest.remove_prefix(lf == std::string_view::npos ? rest.size() : lf + 1);
                const std::size_t colon = line.find(':');
                if (colon != std::string_view::npos) {
                    message.headers.push_back(
                        {std::string(line.substr(0, colon)), std::string(line.substr(colon + 1))});
                }
            }
            if (input.empty()) {
                break;
            }
            continue;
        }
        smtp_explain::MessagePart part;
        const unsigned selector = text.empty() ? 0u : static_cast<unsigned char>(text[0]);
        part.content_type.type = std::string(types[selector % (sizeof types / sizeof types[0])]);
        part.in_original = (selector & 8u) != 0;
        part.text = std::string(text.empty() ? text : text.substr(1));
        message.parts.push_back(std::move(part));
    }
    if (!message.parts.empty() && message.parts.front().content_type.is("message/feedback-report")) {
        message.content_type.type = "multipart/report";
        message.content_type.parameters.push_back({"report-type", "feedback-report"});
    }
    return message;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // Notices are small; longer inputs only slow the search.
    constexpr std::size_t longest = 4096;
    const std::string_view input(reinterpret_cast<const char*>(data),
                                 size < longest ? size : longest);
    const smtp_explain::DecodedMessage message = decode(input);
    smtp_explain::Options options;
    options.format = size % 3 == 0   ? smtp_explain::Format::Json
                     : size % 3 == 2 ? smtp_explain::Format::Brief
                                     : smtp_explain::Format::Text;
    smtp_explain::StringSink sink;
    {
        smtp_explain::Output output(sink);
        smtp_explain::Explanation explanation(options, output);
        explanation.message("fuzz", message);
        explanation.finish();
    }
    const std::string& report = sink.text();
    check_property(valid_utf8(report));
    if (options.format == smtp_explain::Format::Json) {
        check_property(JsonChecker(report).document());
    } else {
        check_property(terminal_safe(report));
    }
    return 0;
}
