// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Checks of what smtp-explain writes, shared by the core's unit tests and
// its fuzz target: a strict JSON syntax check and a UTF-8 check, written
// independently of the JSON writer they judge.
#ifndef SMTP_EXPLAIN_TESTS_OUTPUT_CHECKS_HPP
#define SMTP_EXPLAIN_TESTS_OUTPUT_CHECKS_HPP

#include "text.hpp"

#include <cstddef>
#include <cstdlib>
#include <string_view>

namespace smtp_explain::testing {

/// For the fuzz targets: aborts, the finding libFuzzer reports, when a
/// property breaks.
inline void check_property(bool property) {
    if (!property) {
        std::abort();
    }
}

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
        case '{': return container(depth, '}');
        case '[': return container(depth, ']');
        case '"': return string();
        case 't': return literal("true");
        case 'f': return literal("false");
        case 'n': return literal("null");
        default: return number();
        }
    }
    // An object ('}') or an array (']'): values, in an object each after a
    // key and ':', separated by ',' up to `close`.
    bool container(int depth, char close) {
        ++pos_;
        skip_space();
        if (peek() == close) {
            ++pos_;
            return true;
        }
        for (;;) {
            skip_space();
            if (close == '}') {
                if (!string()) {
                    return false;
                }
                skip_space();
                if (peek() != ':') {
                    return false;
                }
                ++pos_;
                skip_space();
            }
            if (!value(depth + 1)) {
                return false;
            }
            skip_space();
            if (peek() == ',') {
                ++pos_;
                continue;
            }
            if (peek() == close) {
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
                        if (!is_digit(h) && !(h >= 'a' && h <= 'f') && !(h >= 'A' && h <= 'F')) {
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
        while (is_digit(peek())) {
            ++pos_;
        }
        return pos_ > start && is_digit(text_[pos_ - 1]);
    }
    bool literal(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) {
            return false;
        }
        pos_ += word.size();
        return true;
    }
    void skip_space() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                       text_[pos_] == '\t' || text_[pos_] == '\r')) {
            ++pos_;
        }
    }
    char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }

    std::string_view text_;
    std::size_t pos_ = 0;
};

/// Whether `text` is well-formed UTF-8 throughout.
inline bool valid_utf8(std::string_view text) {
    return is_utf8(text);
}

/// Whether `text` is a report safe for a terminal: nothing but printable
/// characters and line feeds.
inline bool terminal_safe(std::string_view text) {
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (!(byte == '\n' || (byte >= 0x20 && byte != 0x7F))) {
            return false;
        }
    }
    return true;
}

} // namespace smtp_explain::testing

#endif // SMTP_EXPLAIN_TESTS_OUTPUT_CHECKS_HPP
