// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "text.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace smtp_explain {

std::size_t utf8_sequence_length(std::string_view text) noexcept {
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

namespace {

void append_hex_byte(std::string& out, unsigned char byte) {
    constexpr char digits[] = "0123456789abcdef";
    out += digits[byte >> 4];
    out += digits[byte & 0x0F];
}

} // namespace

bool is_utf8(std::string_view text) noexcept {
    while (!text.empty()) {
        const std::size_t length = utf8_sequence_length(text);
        if (length == 0) {
            return false;
        }
        text.remove_prefix(length);
    }
    return true;
}

void append_utf8(std::string& out, std::string_view text) {
    while (!text.empty()) {
        const std::size_t length = utf8_sequence_length(text);
        if (length == 0) {
            out += "\xef\xbf\xbd"; // U+FFFD
            text.remove_prefix(1);
            continue;
        }
        out.append(text.data(), length);
        text.remove_prefix(length);
    }
}

std::string_view utf8_prefix(std::string_view text, std::size_t size) noexcept {
    if (text.size() <= size) {
        return text;
    }
    while (size > 0 && (static_cast<unsigned char>(text[size]) & 0xc0) == 0x80) {
        --size; // text[size] continues a sequence: cut before its start
    }
    return text.substr(0, size);
}

void append_terminal_text(std::string& out, std::string_view text, std::size_t max_bytes) {
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
        const bool c1 =
            length == 2 && byte == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
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

void append_json_string(std::string& out, std::string_view text) {
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

void append_wrapped(std::string& out, std::string_view text, std::size_t first_column,
                    std::string_view indent, std::size_t width) {
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
