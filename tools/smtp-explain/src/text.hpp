// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Text helpers: ASCII case handling, UTF-8 checking, and the two ways the
// tool prints bytes it did not write itself (reply text from the input):
// escaped for a terminal, and as a JSON string.
#ifndef SMTP_EXPLAIN_TEXT_HPP
#define SMTP_EXPLAIN_TEXT_HPP

#include <cstddef>
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

inline bool ends_with(std::string_view text, std::string_view suffix) noexcept {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
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

inline std::string_view trim(std::string_view text) noexcept { return trim_right(trim_left(text)); }

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
std::size_t utf8_sequence_length(std::string_view text) noexcept;

/// Whether all of `text` is well-formed UTF-8.
bool is_utf8(std::string_view text) noexcept;

/// Appends `text` with every byte that is no well-formed UTF-8 replaced by
/// U+FFFD, so that `out` stays UTF-8 whatever `text` held.
void append_utf8(std::string& out, std::string_view text);

/// The longest start of `text` of at most `size` bytes that does not end
/// inside a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view text, std::size_t size) noexcept;

/// Appends `text` for a terminal: printable ASCII and well-formed UTF-8 as
/// they are; control characters, DEL, C1 controls and bytes that are no
/// UTF-8 as \xNN, so input can never move the cursor or change colours.
/// At most `max_bytes` bytes of `text` are shown; the rest is summarised.
void append_terminal_text(std::string& out, std::string_view text,
                          std::size_t max_bytes = std::string_view::npos);

/// Appends `text` as a JSON string (RFC 8259), quotes included. Bytes that
/// are not well-formed UTF-8 become U+FFFD, so the output is always valid
/// UTF-8 and valid JSON whatever the input held.
void append_json_string(std::string& out, std::string_view text);

/// Appends `text` wrapped at word boundaries to lines of at most `width`
/// columns (counting bytes), every line after the first starting with
/// `indent`. Words longer than a line stay whole.
void append_wrapped(std::string& out, std::string_view text, std::size_t first_column,
                    std::string_view indent, std::size_t width = 78);

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_TEXT_HPP
