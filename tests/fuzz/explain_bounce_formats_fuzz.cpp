// Fuzz target for the bounce formats of smtp-explain's core
// (tools/smtp-explain/src/extract/formats/): any bytes, made into a decoded
// email, are asked of every format, and each one that recognises the email
// extracts from it. The email: the first line is its From field, the second
// its Subject; the rest is its text, split into leaf parts at each line
// "--part" (a part whose first line is "in-original" lies inside the
// returned original, one that is "delivery-status" is a DSN). The
// properties: nothing crashes or reads out of bounds (the sanitizers watch),
// every recipient handed on has an address with no line break, a code that
// is 0 or 200 to 599, and an enhanced code of class 2, 4 or 5.
#include "extract/bounce_format.hpp"
#include "extract/events.hpp"
#include "extract/message.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

namespace {

void check(bool property) {
    if (!property) {
        std::abort();
    }
}

bool valid_class(const std::optional<smtp::EnhancedStatusCode>& code) {
    return !code || code->status_class == 2 || code->status_class == 4 || code->status_class == 5;
}

struct Checker final : smtp_explain::BounceSink {
    void add(smtp_explain::BounceRecipient&& r) override {
        check(r.recipient.find('\n') == std::string::npos);
        check(r.code == 0 || (r.code >= 200 && r.code <= 599));
        check(valid_class(r.status));
        check(valid_class(r.reply_status));
    }
};

std::string_view take_line(std::string_view& rest) {
    const std::size_t lf = rest.find('\n');
    const std::string_view line = rest.substr(0, lf);
    rest.remove_prefix(lf == std::string_view::npos ? rest.size() : lf + 1);
    return line;
}

smtp_explain::DecodedMessage email_of(std::string_view bytes) {
    smtp_explain::DecodedMessage message;
    message.headers.push_back({"From", std::string(take_line(bytes))});
    message.headers.push_back({"Subject", std::string(take_line(bytes))});
    while (!bytes.empty()) {
        std::size_t end = bytes.find("\n--part");
        const std::string_view text = bytes.substr(0, end);
        bytes.remove_prefix(end == std::string_view::npos ? bytes.size() : end + 7);
        smtp_explain::MessagePart part;
        std::string_view body = text;
        const std::string_view first = take_line(body);
        if (first == "in-original") {
            part.in_original = true;
            part.content_type.type = "message/rfc822";
            part.text = std::string(body);
        } else if (first == "delivery-status") {
            part.content_type.type = "message/delivery-status";
            part.text = std::string(body);
        } else {
            part.text = std::string(text);
        }
        message.parts.push_back(std::move(part));
    }
    return message;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    constexpr std::size_t longest = 4096;
    const std::string_view input(reinterpret_cast<const char*>(data),
                                 size < longest ? size : longest);
    const smtp_explain::DecodedMessage message = email_of(input);
    for (const smtp_explain::BounceFormat& format : smtp_explain::bounce_formats()) {
        if (format.recognises(message)) {
            Checker checker;
            format.extract(message, checker);
        }
    }
    return 0;
}
