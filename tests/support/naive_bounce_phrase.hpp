// The obvious way to find a wording of smtp::bounce_phrases in a text: a
// lower-case copy with every run of white space made one space, then
// std::string::find for each row in priority order. The unit tests and the
// fuzz target check the library's one-pass matcher against it; the
// benchmark measures the library against it.
#ifndef SMTP_TESTS_SUPPORT_NAIVE_BOUNCE_PHRASE_HPP
#define SMTP_TESTS_SUPPORT_NAIVE_BOUNCE_PHRASE_HPP

#include <smtp/bounce_reason.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace naive_bounce_phrase {

inline bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

inline bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// The text in lower case (ASCII letters only), each run of spaces, tabs, CR
// and LF as one space.
inline std::string normalise(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (is_space(c)) {
            if (i == 0 || !is_space(text[i - 1])) {
                out += ' ';
            }
        } else {
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    return out;
}

// Whether the phrase occurs in the normalised text where a letter or digit
// at either end of it is not joined to another one.
inline bool occurs(const std::string& normalised, std::string_view phrase) {
    for (std::size_t at = normalised.find(phrase); at != std::string::npos;
         at = normalised.find(phrase, at + 1)) {
        const std::size_t end = at + phrase.size();
        const bool starts_word =
            !is_alnum(phrase.front()) || at == 0 || !is_alnum(normalised[at - 1]);
        const bool ends_word =
            !is_alnum(phrase.back()) || end == normalised.size() || !is_alnum(normalised[end]);
        if (starts_word && ends_word) {
            return true;
        }
    }
    return false;
}

// The first row of smtp::bounce_phrases found in the text, or
// smtp::bounce_phrase_count: the same answer as smtp::find_bounce_phrase.
inline std::size_t find(std::string_view text) {
    const std::string normalised = normalise(text);
    for (std::size_t row = 0; row < smtp::bounce_phrase_count; ++row) {
        if (occurs(normalised, smtp::bounce_phrases[row].text)) {
            return row;
        }
    }
    return smtp::bounce_phrase_count;
}

} // namespace naive_bounce_phrase

#endif // SMTP_TESTS_SUPPORT_NAIVE_BOUNCE_PHRASE_HPP
