// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/reply.hpp>`: reading a server's reply off the wire (RFC 5321 section
/// 4.2): one reply at a time from the front of a buffer, as a view into it.
///
/// Everything here is constexpr, noexcept and allocation free, and gives a
/// defined answer for any bytes: it never reads outside the input.
#ifndef SMTP_REPLY_HPP
#define SMTP_REPLY_HPP

#include <smtp/detail/iterator_tags.hpp>
#include <smtp/enhanced_code.hpp>
#include <smtp/reply_error.hpp>
#include <smtp/status_code.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace smtp {

/// Bounds on one reply, so that a hostile or broken server cannot make a
/// reader buffer or scan without end. The defaults accept what real servers
/// send: RFC 5321 section 4.5.3.1.5 allows 512 octets per reply line, but
/// servers send multi-kilobyte lines (long policy texts and URLs) and replies
/// of a few dozen lines (EHLO, HELP). With the defaults a reply is at most
/// about 1 MiB (128 lines of 8 KiB).
struct ReplyLimits {
    /// The most bytes a line may have, counting its code, separator and text
    /// but not its line ending (CRLF or LF). Below 3 no line fits.
    std::size_t max_line_length = 8192;
    /// The most lines a reply may have. Zero means no reply fits.
    std::size_t max_lines = 128;
    /// Read by the letter of RFC 5321: only CRLF ends a line (section 2.3.8;
    /// a bare LF is ReplyError::BareLineFeed), and the code's second digit
    /// is 0 to 5 (the grammar of section 4.2; else InvalidCode, so 571 is
    /// refused). Off by default: most clients accept both, and servers send
    /// both. The text is not checked in either mode; a CR not followed by LF
    /// is text.
    bool strict = false;
};


namespace detail {

// The first '\n' in [first, last), or last: the standard library's search,
// which is memchr at run time and a loop in a constant expression.
constexpr const char* find_lf(const char* first, const char* last) noexcept {
    const std::string_view bytes(first, static_cast<std::size_t>(last - first));
    const std::size_t at = bytes.find('\n');
    return at == std::string_view::npos ? last : first + at;
}

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// RFC 5321 section 4.2: the first digit 2 to 5, the second 0 to 5 (strict;
// servers send 571, so by default any digit), the third any digit.
constexpr bool is_code_digit(std::size_t position, char c, bool strict) noexcept {
    switch (position) {
    case 0: return c >= '2' && c <= '5';
    case 1: return strict ? (c >= '0' && c <= '5') : is_digit(c);
    default: return is_digit(c); // a switch over an int, not our enum
    }
}

// An enhanced code kept in 32 bits inside Reply (class, subject and detail
// in 4, 10 and 10 bits); 0 is none, as no valid code has class 0.
constexpr std::uint32_t pack_enhanced(const EnhancedStatusCode& code) noexcept {
    return static_cast<std::uint32_t>(code.status_class) << 20 |
           static_cast<std::uint32_t>(code.subject) << 10 |
           static_cast<std::uint32_t>(code.detail);
}
constexpr EnhancedStatusCode unpack_enhanced(std::uint32_t packed) noexcept {
    return {static_cast<int>(packed >> 20), static_cast<int>(packed >> 10 & 1023u),
            static_cast<int>(packed & 1023u)};
}

// The enhanced code that starts the text [text, text_end) and is followed by
// a space or the text's end (RFC 2034 section 4), if its class is
// `reply_class_digit`; packed, or 0.
constexpr std::uint32_t enhanced_at_start(const char* text, const char* text_end,
                                          char reply_class_digit) noexcept {
    const auto size = static_cast<std::size_t>(text_end - text);
    // Cheap rejection first: most lines (EHLO keywords, plain text) fail here.
    if (size < 5 || text[0] != reply_class_digit || text[1] != '.') {
        return 0;
    }
    // The usual shape, one-digit subject and detail ("5.1.1"), directly.
    if (is_digit(text[2]) && text[3] == '.' && is_digit(text[4]) &&
        (size == 5 || text[5] == ' ')) {
        return pack_enhanced({reply_class_digit - '0', text[2] - '0', text[4] - '0'});
    }
    // The token ends at the first space. Codes are 5 ("5.1.1") to 9
    // ("5.123.123") bytes, and a token with a space in it is no code, so the
    // search may start at byte 5.
    std::size_t token = 5;
    while (token < size && token <= 9 && text[token] != ' ') {
        ++token;
    }
    if (token > 9) {
        return 0;
    }
    const std::optional<EnhancedStatusCode> code =
        parse_enhanced_status_code(std::string_view(text, token));
    return code ? pack_enhanced(*code) : 0;
}

struct ReplyAccess;

} // namespace detail

/// The lines of a Reply, as a range of std::string_view: each the text after
/// the code and separator, without the line ending. Iterating allocates
/// nothing; each step scans one line.
class ReplyLines {
public:
    /// Walks the lines, one scan of a line per step. A forward iterator in
    /// C++20 terms; in C++17 terms an input iterator, because it yields the
    /// lines by value.
    class iterator {
    public:
        using iterator_category = std::input_iterator_tag;  ///< C++17: yields by value.
        using iterator_concept = std::forward_iterator_tag; ///< C++20: multi-pass.
        using value_type = std::string_view;                ///< A line's text.
        using difference_type = std::ptrdiff_t;             ///< For the iterator concepts.
        using pointer = const std::string_view*;            ///< What operator-> gives.
        using reference = std::string_view;                 ///< What operator* gives: a copy.

        /// A singular iterator, equal to any other default-constructed one.
        constexpr iterator() noexcept = default;

        /// The current line's text, without code, separator and line ending.
        [[nodiscard]] constexpr std::string_view operator*() const noexcept { return text_; }
        /// The current line's text, for `it->size()`.
        constexpr const std::string_view* operator->() const noexcept { return &text_; }
        /// To the next line.
        constexpr iterator& operator++() noexcept {
            load(next_);
            return *this;
        }
        /// To the next line; returns the iterator as it was.
        constexpr iterator operator++(int) noexcept {
            iterator before = *this;
            ++*this;
            return before;
        }
        [[nodiscard]] friend constexpr bool operator==(const iterator& a, const iterator& b) noexcept {
            return a.line_ == b.line_;
        }
        [[nodiscard]] friend constexpr bool operator!=(const iterator& a, const iterator& b) noexcept {
            return !(a == b);
        }

    private:
        friend class ReplyLines;
        constexpr iterator(const char* line, const char* end) noexcept : end_(end) {
            load(line);
        }
        // The bytes were checked by parse_reply: every line has a code, then
        // a space or '-' and text, or the line end right away.
        constexpr void load(const char* line) noexcept {
            line_ = line;
            if (line == end_) {
                text_ = {};
                return;
            }
            const char separator = line[3];
            if (separator == '\n' || separator == '\r') {
                text_ = {};
                next_ = line + (separator == '\n' ? 4 : 5);
                return;
            }
            const char* lf = detail::find_lf(line + 4, end_);
            const char* text_end = lf[-1] == '\r' ? lf - 1 : lf;
            text_ = std::string_view(line + 4, static_cast<std::size_t>(text_end - (line + 4)));
            next_ = lf + 1;
        }

        const char* line_ = nullptr;
        const char* next_ = nullptr;
        const char* end_ = nullptr;
        std::string_view text_{};
    };
    /// The same iterator: the lines are read-only.
    using const_iterator = iterator;

    /// No lines (as an empty Reply has).
    constexpr ReplyLines() noexcept = default;

    /// The first line.
    [[nodiscard]] constexpr iterator begin() const noexcept {
        return iterator(raw_.data(), raw_.data() + raw_.size());
    }
    /// Past the last line.
    [[nodiscard]] constexpr iterator end() const noexcept {
        return iterator(raw_.data() + raw_.size(), raw_.data() + raw_.size());
    }
    /// Whether there are no lines (only for an empty Reply).
    [[nodiscard]] constexpr bool empty() const noexcept { return raw_.empty(); }

private:
    friend class Reply;
    // Only for bytes parse_reply has checked: iterating relies on them.
    constexpr explicit ReplyLines(std::string_view raw) noexcept : raw_(raw) {}

    std::string_view raw_{};
};

/// One server reply, as a view into the parsed input: valid only while the
/// input's bytes are. A default-constructed Reply (what an error returns) has
/// code 0, no lines and no bytes.
class Reply {
public:
    constexpr Reply() noexcept = default;

    /// The three-digit code, 200 to 599 (0 for an empty Reply).
    [[nodiscard]] constexpr int code() const noexcept { return code_; }
    /// The code as the enumerator that lists it, or std::nullopt for a code
    /// no enumerator lists (571, 299); classify those with reply_class(code()).
    /// An empty Reply gives SmtpStatusCode::NotDefined, the sentinel for 0.
    [[nodiscard]] constexpr std::optional<SmtpStatusCode> status() const noexcept {
        return from_value(code_);
    }
    /// The enhanced status code (RFC 2034, RFC 3463) that starts the text of
    /// the first line that has one, followed by a space or the line's end,
    /// with the same class as the reply; std::nullopt if no line has one.
    /// Codes elsewhere in the text ("[#4.16.1]") are never taken, and a 3yz
    /// reply never has one.
    [[nodiscard]] constexpr std::optional<EnhancedStatusCode> enhanced() const noexcept {
        if (enhanced_ == 0) {
            return std::nullopt;
        }
        return detail::unpack_enhanced(enhanced_);
    }
    /// The number of lines, 1 or more (0 for an empty Reply).
    [[nodiscard]] constexpr std::size_t line_count() const noexcept { return line_count_; }
    /// The text of line `i` after the code and separator, without the line
    /// ending: empty for a bare code ("250"), and for i >= line_count().
    /// The text is passed through as sent (UTF-8, RFC 6531, or any byte but
    /// LF). Scans from the first line: to visit every line use lines().
    [[nodiscard]] constexpr std::string_view line(std::size_t i) const noexcept {
        if (i >= line_count_) {
            return {};
        }
        ReplyLines::iterator it = lines().begin();
        for (; i != 0; --i) {
            ++it;
        }
        return *it;
    }
    /// Every line's text, in order, as a range of std::string_view.
    [[nodiscard]] constexpr ReplyLines lines() const noexcept { return ReplyLines(raw_); }
    /// All bytes of the reply, from its first code to its last line ending.
    [[nodiscard]] constexpr std::string_view raw() const noexcept { return raw_; }

private:
    friend struct detail::ReplyAccess;

    std::string_view raw_{};
    std::size_t line_count_ = 0;
    int code_ = 0;
    std::uint32_t enhanced_ = 0; // detail::pack_enhanced, 0 for none
};

/// The answer of parse_reply. `consumed` and `reply` are set only when
/// `error` is ReplyError::None; otherwise they are 0 and an empty Reply.
struct [[nodiscard]] ReplyParse {
    /// None for a whole reply; Incomplete to read more; otherwise why the
    /// bytes are no reply.
    ReplyError error;
    /// How many bytes of the input the reply takes: the next reply starts
    /// there (RFC 2920 pipelining).
    std::size_t consumed;
    /// The reply, a view into the input.
    Reply reply;
    /// Where the input stops being the start of a valid reply: the offset
    /// of the first byte that no valid reply can have there (the byte of a
    /// code that is no digit or differs from the first line's, the bad
    /// separator, the '-' of the line one too many, the first byte past
    /// max_line_length). The input's size for Incomplete (the next byte is
    /// wanted there); 0 for limits that admit no reply, and with None.
    /// So `input.substr(0, error_offset)` is Incomplete and one byte more
    /// gives `error`.
    std::size_t error_offset = 0;

    /// Whether a whole reply was read.
    [[nodiscard]] constexpr bool ok() const noexcept { return error == ReplyError::None; }
};

namespace detail {

struct ReplyAccess {
    static constexpr ReplyParse failure(ReplyError error, std::size_t offset) noexcept {
        return ReplyParse{error, 0, Reply{}, offset};
    }
    static constexpr ReplyParse success(const char* begin, const char* end, int code,
                                        std::size_t lines, std::uint32_t enhanced) noexcept {
        Reply reply;
        reply.raw_ = std::string_view(begin, static_cast<std::size_t>(end - begin));
        reply.line_count_ = lines;
        reply.code_ = code;
        reply.enhanced_ = enhanced;
        return ReplyParse{ReplyError::None, reply.raw_.size(), reply, 0};
    }
};

// What check_code found, and at which byte of the line.
struct CodeCheck {
    ReplyError error;
    std::size_t at;
};

// The answer for a line whose code is not the expected one, or that has
// fewer than 4 bytes: checks its digits one by one, against the first line's
// (`first`, or nothing for the first line itself), and the first bad byte
// decides between InvalidCode and CodeMismatch. With all `available` bytes
// good, the line is Incomplete, or None once its three digits are there.
constexpr CodeCheck check_code(const char* line, std::size_t available, const char* first,
                               bool strict) noexcept {
    for (std::size_t k = 0; k < 3; ++k) {
        if (k == available) {
            return {ReplyError::Incomplete, available};
        }
        if (!is_code_digit(k, line[k], strict)) {
            return {ReplyError::InvalidCode, k};
        }
        if (first != nullptr && line[k] != first[k]) {
            return {ReplyError::CodeMismatch, k};
        }
    }
    return {available < 4 ? ReplyError::Incomplete : ReplyError::None, available};
}

} // namespace detail

/// Reads one reply from the front of `input` (RFC 5321 section 4.2):
///
///     Reply-line = *( Reply-code "-" [ textstring ] CRLF )
///                     Reply-code [ SP textstring ] CRLF
///
/// A line ends with CRLF or a bare LF; a CR not followed by LF is text. The
/// code is exactly three ASCII digits, the first 2 to 5, and is followed by a
/// space, a '-' (more lines follow) or the line end (a bare code, "250").
/// With `limits.strict`, only CRLF ends a line and the second digit is 0 to
/// 5, by the letter of RFC 5321 (sections 2.3.8 and 4.2).
/// The text is not checked: any byte but LF is passed through. Bytes after
/// the reply's last line ending never affect the answer, so pipelined replies
/// (RFC 2920) are read one after another by dropping `consumed` bytes.
///
/// Errors are reported as soon as the bytes read prove them, so the answer
/// for a prefix is Incomplete exactly when some continuation could still be
/// a valid reply. When several problems are proven at once, the first of
/// code, separator, line count, line length and (strict) line ending is
/// reported. Limits that no reply can meet give TooManyLines (max_lines 0)
/// or LineTooLong
/// (max_line_length below 3) for any input.
///
/// Each call scans the input from its start; a reader that calls again after
/// every chunk does work proportional to the reply's size per call, which
/// the limits bound.
[[nodiscard]] constexpr ReplyParse parse_reply(std::string_view input, ReplyLimits limits = {}) noexcept {
    using detail::ReplyAccess;
    if (limits.max_lines == 0) {
        return ReplyAccess::failure(ReplyError::TooManyLines, 0);
    }
    if (limits.max_line_length < 3) {
        return ReplyAccess::failure(ReplyError::LineTooLong, 0);
    }
    const char* const begin = input.data();
    const char* const end = begin + input.size();
    const auto at = [begin](const char* byte) { return static_cast<std::size_t>(byte - begin); };

    // The first line's code, which every later line must repeat.
    if (const detail::CodeCheck first =
            detail::check_code(begin, input.size(), nullptr, limits.strict);
        first.error != ReplyError::None) {
        return ReplyAccess::failure(first.error, first.at);
    }
    const char c0 = begin[0];
    const char c1 = begin[1];
    const char c2 = begin[2];
    // RFC 3463 classes are 2, 4 and 5: a 3yz reply has no enhanced code.
    // Each line's text is looked at as the line goes by, until one has one.
    const bool want_enhanced = c0 != '3';
    std::uint32_t enhanced = 0;
    // A line's LF is among its first max_line_length + 2 bytes (the line and
    // a CR); saturated, so that huge limits do not overflow.
    const std::size_t window = limits.max_line_length > SIZE_MAX - 2
                                   ? SIZE_MAX
                                   : limits.max_line_length + 2;

    const char* line = begin; // here and at each turn: a code, and a 4th byte
    std::size_t lines = 0;
    for (;;) {
        const char separator = line[3];
        const char* lf = nullptr;
        if (separator == ' ' || separator == '-') {
            if (separator == '-' && lines + 1 == limits.max_lines) {
                return ReplyAccess::failure(ReplyError::TooManyLines, at(line + 3));
            }
            const auto available = static_cast<std::size_t>(end - line);
            const bool bounded = window <= available;
            const char* const stop = bounded ? line + window : end;
            lf = detail::find_lf(line + 4, stop);
            // The byte that proves a line too long: the first past the
            // limit, or the one after it when that is a CR, which may still
            // start the line's CRLF.
            const auto too_long = [&] {
                const char* const past = line + limits.max_line_length;
                return ReplyAccess::failure(ReplyError::LineTooLong,
                                            at(*past == '\r' ? past + 1 : past));
            };
            if (lf == stop) {
                // No line end yet: too long if the bytes already prove it.
                const bool proven = bounded || (available == limits.max_line_length + 1 &&
                                                line[limits.max_line_length] != '\r');
                return proven ? too_long()
                              : ReplyAccess::failure(ReplyError::Incomplete, input.size());
            }
            // Only a line ending at the window's last byte can be too long.
            if (static_cast<std::size_t>(lf - line) > limits.max_line_length && lf[-1] != '\r') {
                return too_long();
            }
            if (limits.strict && lf[-1] != '\r') {
                return ReplyAccess::failure(ReplyError::BareLineFeed, at(lf));
            }
            const char* const text_end = lf[-1] == '\r' ? lf - 1 : lf;
            if (want_enhanced && enhanced == 0) {
                enhanced = detail::enhanced_at_start(line + 4, text_end, c0);
            }
        } else if (separator == '\n') {
            if (limits.strict) {
                return ReplyAccess::failure(ReplyError::BareLineFeed, at(line + 3));
            }
            lf = line + 3;
        } else if (separator == '\r') {
            if (end - line == 4) {
                return ReplyAccess::failure(ReplyError::Incomplete, input.size());
            }
            if (line[4] != '\n') {
                return ReplyAccess::failure(ReplyError::InvalidSeparator, at(line + 4));
            }
            lf = line + 4;
        } else {
            return ReplyAccess::failure(detail::is_digit(separator) ? ReplyError::InvalidCode
                                                                    : ReplyError::InvalidSeparator,
                                        at(line + 3));
        }
        ++lines;
        line = lf + 1;
        if (separator != '-') {
            return ReplyAccess::success(begin, line, (c0 - '0') * 100 + (c1 - '0') * 10 + (c2 - '0'),
                                        lines, enhanced);
        }
        // The next line: its code must be the first line's.
        const auto available = static_cast<std::size_t>(end - line);
        if ((available < 4) || ((line[0] != c0) | (line[1] != c1) | (line[2] != c2))) {
            const detail::CodeCheck next = detail::check_code(line, available, begin, limits.strict);
            return ReplyAccess::failure(next.error, at(line) + next.at);
        }
    }
}

} // namespace smtp

#endif // SMTP_REPLY_HPP
