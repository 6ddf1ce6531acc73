// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Text helpers: ASCII case handling, UTF-8 checking, and the two ways the
// tool prints bytes it did not write itself (reply text from the input):
// escaped for a terminal, and as a JSON string.
#ifndef SMTP_EXPLAIN_TEXT_HPP
#define SMTP_EXPLAIN_TEXT_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace smtp_explain {

constexpr char ascii_lower(char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

constexpr bool is_alpha(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

constexpr bool is_blank(char c) noexcept { return c == ' ' || c == '\t'; }

inline bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (ascii_lower(a[i]) != ascii_lower(b[i])) {
            return false;
        }
    }
    return true;
}

inline bool istarts_with(std::string_view text, std::string_view prefix) noexcept {
    return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

inline bool starts_with(std::string_view text, std::string_view prefix) noexcept {
    return text.substr(0, prefix.size()) == prefix;
}

inline std::string_view trim_left(std::string_view text) noexcept {
    std::size_t i = 0;
    while (i < text.size() && is_blank(text[i])) {
        ++i;
    }
    return text.substr(i);
}

inline std::string_view trim_right(std::string_view text) noexcept {
    std::size_t n = text.size();
    while (n > 0 && is_blank(text[n - 1])) {
        --n;
    }
    return text.substr(0, n);
}

inline std::string_view trim(std::string_view text) noexcept {
    return trim_right(trim_left(text));
}

/// The first line of `rest`, without its LF or CRLF ending, and `rest`
/// advanced past it. Transcripts arrive with either ending.
inline std::string_view take_line(std::string_view& rest) noexcept {
    const std::size_t lf = rest.find('\n');
    std::string_view line = rest.substr(0, lf);
    rest.remove_prefix(lf == std::string_view::npos ? rest.size() : lf + 1);
    if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
    }
    return line;
}

/// The length of the well-formed UTF-8 sequence at the start of `text`
/// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or 0.
inline std::size_t utf8_sequence_length(std::string_view text) noexcept {
    if (text.empty()) {
        return 0;
    }
    const auto b0 = static_cast<unsigned char>(text[0]);
    if (b0 < 0x80) {
        return 1;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        if (b0 == 0xE0) {
            low = 0xA0;
        } else if (b0 == 0xED) {
            high = 0x9F;
        }
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        if (b0 == 0xF0) {
            low = 0x90;
        } else if (b0 == 0xF4) {
            high = 0x8F;
        }
    } else {
        return 0;
    }
    if (text.size() < length) {
        return 0;
    }
    const auto b1 = static_cast<unsigned char>(text[1]);
    if (b1 < low || b1 > high) {
        return 0;
    }
    for (std::size_t i = 2; i < length; ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80 || b > 0xBF) {
            return 0;
        }
    }
    return length;
}

inline void append_hex_byte(std::string& out, unsigned char byte) {
    constexpr char digits[] = "0123456789abcdef";
    out += digits[byte >> 4];
    out += digits[byte & 0x0F];
}

/// Appends `text` for a terminal: printable ASCII and well-formed UTF-8 as
/// they are; control characters, DEL, C1 controls and bytes that are no
/// UTF-8 as \xNN, so input can never move the cursor or change colours.
/// At most `max_bytes` bytes of `text` are shown; the rest is summarised.
inline void append_terminal_text(std::string& out, std::string_view text,
                                 std::size_t max_bytes = std::string_view::npos) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (i >= max_bytes) {
            out += "... (";
            out += std::to_string(text.size() - i);
            out += " more bytes)";
            return;
        }
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte < 0x7F) {
            out += text[i];
            ++i;
            continue;
        }
        const std::size_t length = byte >= 0x80 ? utf8_sequence_length(text.substr(i)) : 0;
        // U+0080..U+009F (C1 controls) are encoded as C2 80..C2 9F.
        const bool c1 = length == 2 && byte == 0xC2 &&
                        static_cast<unsigned char>(text[i + 1]) < 0xA0;
        if (length > 1 && !c1) {
            out.append(text.data() + i, length);
            i += length;
            continue;
        }
        if (byte == '\t') {
            out += "\\t";
        } else {
            out += "\\x";
            append_hex_byte(out, byte);
        }
        ++i;
    }
}

/// Appends `text` as a JSON string (RFC 8259), quotes included. Bytes that
/// are not well-formed UTF-8 become U+FFFD, so the output is always valid
/// UTF-8 and valid JSON whatever the input held.
inline void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x80) {
            const std::size_t length = utf8_sequence_length(text.substr(i));
            if (length == 0) {
                out += "\\ufffd";
                ++i;
            } else {
                out.append(text.data() + i, length);
                i += length;
            }
            continue;
        }
        switch (byte) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (byte < 0x20 || byte == 0x7F) {
                out += "\\u00";
                append_hex_byte(out, byte);
            } else {
                out += static_cast<char>(byte);
            }
            break;
        }
        ++i;
    }
    out += '"';
}

/// Appends `text` wrapped at word boundaries to lines of at most `width`
/// columns (counting bytes), every line after the first starting with
/// `indent`. Words longer than a line stay whole.
inline void append_wrapped(std::string& out, std::string_view text, std::size_t first_column,
                           std::string_view indent, std::size_t width = 78) {
    std::size_t column = first_column;
    bool first_word = true;
    while (!text.empty()) {
        text = trim_left(text);
        std::size_t end = 0;
        while (end < text.size() && !is_blank(text[end])) {
            ++end;
        }
        if (end == 0) {
            break;
        }
        const std::string_view word = text.substr(0, end);
        text.remove_prefix(end);
        if (!first_word) {
            if (column + 1 + word.size() > width) {
                out += '\n';
                out += indent;
                column = indent.size();
            } else {
                out += ' ';
                ++column;
            }
        }
        out += word;
        column += word.size();
        first_word = false;
    }
}

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_TEXT_HPP
