// Fuzz target for smtp-explain's core (tools/smtp-explain, linked as the
// smtp_explain_core library): any bytes, read as a transcript or mail log,
// give a report that is valid UTF-8; the JSON report is one valid JSON
// document, and the text report holds no control character but the newline
// (input can never reach the terminal raw). Aborts when a property breaks.
#include "explain.hpp"
#include "text.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

// A strict JSON (RFC 8259) syntax check, enough to prove the writer right.
class JsonChecker {
public:
    explicit JsonChecker(std::string_view text) : text_(text) {}

    bool document() {
        skip_space();
        if (!value(0)) {
            return false;
        }
        skip_space();
        return pos_ == text_.size();
    }

private:
    bool value(int depth) {
        if (depth > 64 || pos_ >= text_.size()) {
            return false;
        }
        switch (text_[pos_]) {
        case '{': return object(depth);
        case '[': return array(depth);
        case '"': return string();
        case 't': return literal("true");
        case 'f': return literal("false");
        case 'n': return literal("null");
        default: return number();
        }
    }
    bool object(int depth) {
        ++pos_;
        skip_space();
        if (peek() == '}') {
            ++pos_;
            return true;
        }
        for (;;) {
            skip_space();
            if (!string()) {
                return false;
            }
            skip_space();
            if (peek() != ':') {
                return false;
            }
            ++pos_;
            skip_space();
            if (!value(depth + 1)) {
                return false;
            }
            skip_space();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (peek() == '}') {
                ++pos_;
                return true;
            }
            return false;
        }
    }
    bool array(int depth) {
        ++pos_;
        skip_space();
        if (peek() == ']') {
            ++pos_;
            return true;
        }
        for (;;) {
            skip_space();
            if (!value(depth + 1)) {
                return false;
            }
            skip_space();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (peek() == ']') {
                ++pos_;
                return true;
            }
            return false;
        }
    }
    bool string() {
        if (peek() != '"') {
            return false;
        }
        ++pos_;
        while (pos_ < text_.size()) {
            const auto c = static_cast<unsigned char>(text_[pos_]);
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c < 0x20) {
                return false;
            }
            if (c == '\\') {
                ++pos_;
                const char e = peek();
                if (e == 'u') {
                    for (int k = 1; k <= 4; ++k) {
                        const char h = pos_ + static_cast<std::size_t>(k) < text_.size()
                                           ? text_[pos_ + static_cast<std::size_t>(k)]
                                           : 'x';
                        if (!smtp_explain::is_digit(h) && !(h >= 'a' && h <= 'f') &&
                            !(h >= 'A' && h <= 'F')) {
                            return false;
                        }
                    }
                    pos_ += 5;
                    continue;
                }
                if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
                    return false;
                }
                ++pos_;
                continue;
            }
            ++pos_;
        }
        return false;
    }
    bool number() {
        const std::size_t start = pos_;
        if (peek() == '-') {
            ++pos_;
        }
        while (smtp_explain::is_digit(peek())) {
            ++pos_;
        }
        return pos_ > start && smtp_explain::is_digit(text_[pos_ - 1]);
    }
    bool literal(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) {
            return false;
        }
        pos_ += word.size();
        return true;
    }
    void skip_space() {
        while (pos_ < text_.size() &&
               (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\t' ||
                text_[pos_] == '\r')) {
            ++pos_;
        }
    }
    char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }

    std::string_view text_;
    std::size_t pos_ = 0;
};

bool valid_utf8(std::string_view text) {
    while (!text.empty()) {
        const std::size_t length = smtp_explain::utf8_sequence_length(text);
        if (length == 0) {
            return false;
        }
        text.remove_prefix(length);
    }
    return true;
}

void check(bool property) {
    if (!property) {
        std::abort();
    }
}

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
    check(valid_utf8(result.report));
    if (options.format == smtp_explain::Format::Json) {
        check(JsonChecker(result.report).document());
    } else {
        for (const char c : result.report) {
            const auto byte = static_cast<unsigned char>(c);
            check(byte == '\n' || (byte >= 0x20 && byte != 0x7F));
        }
    }
    return 0;
}
