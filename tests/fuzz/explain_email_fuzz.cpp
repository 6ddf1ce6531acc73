// Fuzz target for smtp-explain's email path: any bytes, read as an email by
// the GMime reader (tools/smtp-explain/src/mime) and explained by the core,
// give a decoded message whose header values and part texts are valid UTF-8,
// and a JSON report that is one valid JSON document. Aborts when a property
// breaks.
#include "explain.hpp"
#include "extract/message.hpp"
#include "mime/gmime_message.hpp"
#include "report/output.hpp"
#include "support/output_checks.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

using smtp_explain::testing::check_property;
using smtp_explain::testing::JsonChecker;
using smtp_explain::testing::valid_utf8;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    constexpr std::size_t longest = 16384;
    const std::string_view input(reinterpret_cast<const char*>(data),
                                 size < longest ? size : longest);
    const smtp_explain::DecodedMessage message = smtp_explain::read_message(input);
    for (const smtp_explain::HeaderField& field : message.headers) {
        check_property(valid_utf8(field.name) && valid_utf8(field.value));
    }
    for (const smtp_explain::MessagePart& part : message.parts) {
        check_property(valid_utf8(part.text));
    }
    smtp_explain::StringSink sink;
    {
        smtp_explain::Output output(sink);
        smtp_explain::Options options;
        options.format = smtp_explain::Format::Json;
        smtp_explain::Explanation explanation(options, output);
        explanation.message("fuzz", message);
        explanation.finish();
    }
    check_property(JsonChecker(sink.text()).document());
    return 0;
}
