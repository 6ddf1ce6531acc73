// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
// <smtp/reply.hpp>: reading a server's reply off the wire (RFC 5321 section
// 4.2): one reply at a time from the front of a buffer, as a view into it.
//
// Everything here is constexpr, noexcept and allocation free, and gives a
// defined answer for any bytes: it never reads outside the input.
#ifndef SMTP_REPLY_HPP
#define SMTP_REPLY_HPP

#include <smtp/enhanced_status_code.hpp>
#include <smtp/status_code.hpp>

#include <cstddef>
#include <cstring>
#include <iterator>
#include <optional>
#include <string_view>

#if (defined(__GNUC__) || defined(__clang__)) && defined(__SSE2__)
#include <emmintrin.h>
#define SMTP_STATUS_DETAIL_SSE2 1
#endif

#if defined(__has_builtin)
#if __has_builtin(__builtin_is_constant_evaluated)
#define SMTP_STATUS_DETAIL_HAS_IS_CONSTANT_EVALUATED 1
#endif
#endif
#if !defined(SMTP_STATUS_DETAIL_HAS_IS_CONSTANT_EVALUATED) && defined(__GNUC__) && \
    __GNUC__ >= 9
#define SMTP_STATUS_DETAIL_HAS_IS_CONSTANT_EVALUATED 1
#endif

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
};

/// What parse_reply found. Every error other than Incomplete is final: no
/// bytes appended to the input can turn it into a valid reply, so a reader
/// should not wait for more.
enum class ReplyError : int {
    /// A whole reply was read; `consumed` bytes belong to it, and the next
    /// reply (RFC 2920 pipelining) starts right after them.
    None = 0,
    /// The input ends before the reply's last line does, and what there is
    /// could still become a valid reply. Read more bytes, append them, and
    /// call again with the whole buffer from the reply's first byte.
    Incomplete,
    /// A line does not start with exactly three ASCII digits, the first 2 to
    /// 5 (RFC 5321 section 4.2): a sign, a space, a fourth digit, a short
    /// code or no code at all. The peer does not speak SMTP or the stream is
    /// out of step; treat it as a broken connection and close it.
    InvalidCode,
    /// The code is followed by something other than a space, a '-' or the
    /// line's end (RFC 5321 section 4.2). Close the connection, as for
    /// InvalidCode.
    InvalidSeparator,
    /// A line of a multiline reply has a different code from the first line
    /// (RFC 5321 section 4.2.1 requires the same code on every line). Close
    /// the connection, as for InvalidCode.
    CodeMismatch,
    /// A line is longer than ReplyLimits::max_line_length. Reported as soon
    /// as the bytes already read prove it, before the line's end arrives, so
    /// an endless line is rejected after max_line_length + 2 bytes at most.
    /// Raise the limit if the peer is trusted; otherwise close.
    LineTooLong,
    /// The reply has more lines than ReplyLimits::max_lines. Reported as soon
    /// as a line that says more follow ('-') would be the last one allowed.
    /// Raise the limit if the peer is trusted; otherwise close.
    TooManyLines,
};

/// The enumerator's spelling ("LineTooLong"); empty for a value that is no
/// enumerator.
constexpr std::string_view name(ReplyError error) noexcept {
    switch (error) {
    case ReplyError::None: return "None";
    case ReplyError::Incomplete: return "Incomplete";
    case ReplyError::InvalidCode: return "InvalidCode";
    case ReplyError::InvalidSeparator: return "InvalidSeparator";
    case ReplyError::CodeMismatch: return "CodeMismatch";
    case ReplyError::LineTooLong: return "LineTooLong";
    case ReplyError::TooManyLines: return "TooManyLines";
    }
    return {};
}

namespace detail {

#if defined(SMTP_STATUS_DETAIL_SSE2)
// The first '\n' in [first, last), or last. Loads 16 bytes at a time and may
// load bytes in [last, readable) but never beyond `readable`; the answer
// depends only on [first, last).
inline const char* find_lf_sse2(const char* first, const char* last,
                                const char* readable) noexcept {
    const __m128i lf = _mm_set1_epi8('\n');
    while (last - first >= 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(first));
        const unsigned mask =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, lf)));
        if (mask != 0) {
            return first + __builtin_ctz(mask);
        }
        first += 16;
    }
    if (first == last) {
        return last;
    }
    const auto rest = static_cast<unsigned>(last - first); // 1..15
    if (readable - first >= 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(first));
        const unsigned mask =
            static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, lf))) &
            ((1u << rest) - 1u);
        return mask != 0 ? first + __builtin_ctz(mask) : last;
    }
    const void* hit = std::memchr(first, '\n', rest);
    return hit != nullptr ? static_cast<const char*>(hit) : last;
}
#endif

// The run-time line-end scan: short lines (the common case) inline, long
// ones by the C library's memchr, which is vectorised beyond SSE2.
inline const char* find_lf_runtime(const char* first, const char* last,
                                   const char* readable) noexcept {
#if defined(SMTP_STATUS_DETAIL_SSE2)
    constexpr std::ptrdiff_t inline_span = 64;
    if (last - first <= inline_span) {
        return find_lf_sse2(first, last, readable);
    }
    const char* hit = find_lf_sse2(first, first + inline_span, readable);
    if (hit != first + inline_span) {
        return hit;
    }
    first += inline_span;
#else
    static_cast<void>(readable);
#endif
    const void* found = std::memchr(first, '\n', static_cast<std::size_t>(last - first));
    return found != nullptr ? static_cast<const char*>(found) : last;
}

// The first '\n' in [first, last), or last; bytes up to `readable` (at or
// after last) may be loaded at run time but never decide the answer.
constexpr const char* find_lf(const char* first, const char* last,
                              const char* readable) noexcept {
#if defined(SMTP_STATUS_DETAIL_HAS_IS_CONSTANT_EVALUATED)
    if (!__builtin_is_constant_evaluated()) {
        return first == last ? last : find_lf_runtime(first, last, readable);
    }
#else
    static_cast<void>(readable);
#endif
    for (; first != last; ++first) {
        if (*first == '\n') {
            return first;
        }
    }
    return last;
}

constexpr bool is_code_digit(std::size_t position, char c) noexcept {
    return position == 0 ? (c >= '2' && c <= '5') : (c >= '0' && c <= '9');
}

// The enhanced code that starts `text` and is followed by a space or the
// text's end (RFC 2034 section 4), if its class is `reply_class_digit`.
constexpr std::optional<EnhancedStatusCode>
enhanced_at_start(std::string_view text, char reply_class_digit) noexcept {
    // Cheap rejection first: most lines (EHLO keywords, plain text) fail here.
    if (text.size() < 5 || text[0] != reply_class_digit || text[1] != '.') {
        return std::nullopt;
    }
    // The longest code is "5.123.123": nine bytes.
    constexpr std::size_t longest = 9;
    std::size_t token = 0;
    while (token < text.size() && token <= longest && text[token] != ' ') {
        ++token;
    }
    if (token > longest) {
        return std::nullopt;
    }
    return parse_enhanced_status_code(text.substr(0, token));
}

struct ReplyAccess;

} // namespace detail

/// The lines of a Reply, as a range of std::string_view: each the text after
/// the code and separator, without the line ending. Iterating allocates
/// nothing; each step scans one line.
class ReplyLines {
public:
    class iterator {
    public:
        // A forward range; in C++17 terms the iterator is an input iterator
        // because it yields the lines by value.
        using iterator_category = std::input_iterator_tag;
        using iterator_concept = std::forward_iterator_tag;
        using value_type = std::string_view;
        using difference_type = std::ptrdiff_t;
        using pointer = const std::string_view*;
        using reference = std::string_view;

        constexpr iterator() noexcept = default;

        constexpr std::string_view operator*() const noexcept { return text_; }
        constexpr const std::string_view* operator->() const noexcept { return &text_; }
        constexpr iterator& operator++() noexcept {
            load(next_);
            return *this;
        }
        constexpr iterator operator++(int) noexcept {
            iterator before = *this;
            ++*this;
            return before;
        }
        friend constexpr bool operator==(const iterator& a, const iterator& b) noexcept {
            return a.line_ == b.line_;
        }
        friend constexpr bool operator!=(const iterator& a, const iterator& b) noexcept {
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
            const char* lf = detail::find_lf(line + 4, end_, end_);
            const char* text_end = lf[-1] == '\r' ? lf - 1 : lf;
            text_ = std::string_view(line + 4, static_cast<std::size_t>(text_end - (line + 4)));
            next_ = lf + 1;
        }

        const char* line_ = nullptr;
        const char* next_ = nullptr;
        const char* end_ = nullptr;
        std::string_view text_{};
    };
    using const_iterator = iterator;

    constexpr ReplyLines() noexcept = default;
    constexpr explicit ReplyLines(std::string_view raw) noexcept : raw_(raw) {}

    constexpr iterator begin() const noexcept {
        return iterator(raw_.data(), raw_.data() + raw_.size());
    }
    constexpr iterator end() const noexcept {
        return iterator(raw_.data() + raw_.size(), raw_.data() + raw_.size());
    }
    constexpr bool empty() const noexcept { return raw_.empty(); }

private:
    std::string_view raw_{};
};

/// One server reply, as a view into the parsed input: valid only while the
/// input's bytes are. A default-constructed Reply (what an error returns) has
/// code 0, no lines and no bytes.
class Reply {
public:
    constexpr Reply() noexcept = default;

    /// The three-digit code, 200 to 599 (0 for an empty Reply).
    constexpr int code() const noexcept { return code_; }
    /// The code as the enumerator that lists it, or std::nullopt for a code
    /// no enumerator lists (571, 299); classify those with reply_class(code()).
    /// An empty Reply gives SmtpStatusCode::NotDefined, the sentinel for 0.
    constexpr std::optional<SmtpStatusCode> status() const noexcept {
        return from_value(code_);
    }
    /// The enhanced status code (RFC 2034, RFC 3463) that starts the text of
    /// the first line that has one, followed by a space or the line's end,
    /// with the same class as the reply; std::nullopt if no line has one.
    /// Codes elsewhere in the text ("[#4.16.1]") are never taken, and a 3yz
    /// reply never has one.
    constexpr std::optional<EnhancedStatusCode> enhanced() const noexcept {
        return enhanced_;
    }
    /// The number of lines, 1 or more (0 for an empty Reply).
    constexpr std::size_t line_count() const noexcept { return line_count_; }
    /// The text of line `i` after the code and separator, without the line
    /// ending: empty for a bare code ("250"), and for i >= line_count().
    /// The text is passed through as sent (UTF-8, RFC 6531, or any byte but
    /// LF). Scans from the first line: to visit every line use lines().
    constexpr std::string_view line(std::size_t i) const noexcept {
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
    constexpr ReplyLines lines() const noexcept { return ReplyLines(raw_); }
    /// All bytes of the reply, from its first code to its last line ending.
    constexpr std::string_view raw() const noexcept { return raw_; }

private:
    friend struct detail::ReplyAccess;

    std::string_view raw_{};
    int code_ = 0;
    std::size_t line_count_ = 0;
    std::optional<EnhancedStatusCode> enhanced_{};
};

/// The answer of parse_reply. `consumed` and `reply` are set only when
/// `error` is ReplyError::None; otherwise they are 0 and an empty Reply.
struct ReplyParse {
    ReplyError error;
    std::size_t consumed;
    Reply reply;

    /// Whether a whole reply was read.
    constexpr bool ok() const noexcept { return error == ReplyError::None; }
};

namespace detail {

struct ReplyAccess {
    static constexpr ReplyParse failure(ReplyError error) noexcept {
        return ReplyParse{error, 0, Reply{}};
    }
    static constexpr ReplyParse success(std::string_view raw, int code, std::size_t lines,
                                        std::optional<EnhancedStatusCode> enhanced) noexcept {
        Reply reply;
        reply.raw_ = raw;
        reply.code_ = code;
        reply.line_count_ = lines;
        reply.enhanced_ = enhanced;
        return ReplyParse{ReplyError::None, raw.size(), reply};
    }
};

// Checks the code digits of a line against the first line's code (`first`,
// or nothing for the first line itself), byte by byte: the first bad byte
// decides between InvalidCode and CodeMismatch.
constexpr ReplyError check_code(const char* line, std::size_t available,
                                const char* first) noexcept {
    for (std::size_t k = 0; k < 3 && k < available; ++k) {
        if (!is_code_digit(k, line[k])) {
            return ReplyError::InvalidCode;
        }
        if (first != nullptr && line[k] != first[k]) {
            return ReplyError::CodeMismatch;
        }
    }
    return available < 3 ? ReplyError::Incomplete : ReplyError::None;
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
/// The text is not checked: any byte but LF is passed through. Bytes after
/// the reply's last line ending never affect the answer, so pipelined replies
/// (RFC 2920) are read one after another by dropping `consumed` bytes.
///
/// Errors are reported as soon as the bytes read prove them, so the answer
/// for a prefix is Incomplete exactly when some continuation could still be
/// a valid reply. When several problems are proven at once, the first of
/// code, separator, line count and line length is reported. Limits that no
/// reply can meet give TooManyLines (max_lines 0) or LineTooLong
/// (max_line_length below 3) for any input.
///
/// Each call scans the input from its start; a reader that calls again after
/// every chunk does work proportional to the reply's size per call, which
/// the limits bound.
constexpr ReplyParse parse_reply(std::string_view input, ReplyLimits limits = {}) noexcept {
    using detail::ReplyAccess;
    if (limits.max_lines == 0) {
        return ReplyAccess::failure(ReplyError::TooManyLines);
    }
    if (limits.max_line_length < 3) {
        return ReplyAccess::failure(ReplyError::LineTooLong);
    }
    const char* const begin = input.data();
    const char* const end = begin + input.size();
    const char* line = begin;
    const char* first_code = nullptr; // the first line's digits, once read
    std::size_t lines = 0;
    std::optional<EnhancedStatusCode> enhanced;
    bool want_enhanced = false;

    for (;;) {
        const auto available = static_cast<std::size_t>(end - line);
        if (available < 4) {
            // Too short for a code and a line end: at best Incomplete.
            const ReplyError code_error = detail::check_code(line, available, first_code);
            return ReplyAccess::failure(code_error == ReplyError::None ? ReplyError::Incomplete
                                                                       : code_error);
        }
        const ReplyError code_error = detail::check_code(line, 3, first_code);
        if (code_error != ReplyError::None) {
            return ReplyAccess::failure(code_error);
        }
        if (first_code == nullptr) {
            first_code = line;
            // RFC 3463 classes are 2, 4 and 5: a 3yz reply has none.
            want_enhanced = line[0] != '3';
        }

        const char separator = line[3];
        const char* lf = nullptr;
        if (separator == ' ' || separator == '-') {
            if (separator == '-' && lines + 1 == limits.max_lines) {
                return ReplyAccess::failure(ReplyError::TooManyLines);
            }
            // A line may hold max_line_length bytes and its CR, so its LF is
            // among the first max_line_length + 2 bytes (written to avoid
            // overflow for huge limits; available >= 4 here).
            const bool bounded = limits.max_line_length <= available - 2;
            const std::size_t window = bounded ? limits.max_line_length + 2 : available;
            lf = detail::find_lf(line + 4, line + window, end);
            if (lf == line + window) {
                // No line end yet: too long if the bytes already prove it.
                const bool proven = bounded || (available == limits.max_line_length + 1 &&
                                                line[limits.max_line_length] != '\r');
                return ReplyAccess::failure(proven ? ReplyError::LineTooLong
                                                   : ReplyError::Incomplete);
            }
            const auto length = static_cast<std::size_t>(lf - line);
            if (length > limits.max_line_length &&
                !(length == limits.max_line_length + 1 && lf[-1] == '\r')) {
                return ReplyAccess::failure(ReplyError::LineTooLong);
            }
            if (want_enhanced && !enhanced) {
                const char* text_end = lf[-1] == '\r' ? lf - 1 : lf;
                enhanced = detail::enhanced_at_start(
                    std::string_view(line + 4, static_cast<std::size_t>(text_end - (line + 4))),
                    line[0]);
            }
        } else if (separator == '\n') {
            lf = line + 3;
        } else if (separator == '\r') {
            if (available == 4) {
                return ReplyAccess::failure(ReplyError::Incomplete);
            }
            if (line[4] != '\n') {
                return ReplyAccess::failure(ReplyError::InvalidSeparator);
            }
            lf = line + 4;
        } else {
            return ReplyAccess::failure(separator >= '0' && separator <= '9'
                                            ? ReplyError::InvalidCode
                                            : ReplyError::InvalidSeparator);
        }

        ++lines;
        line = lf + 1;
        if (separator != '-') {
            const int code = (first_code[0] - '0') * 100 + (first_code[1] - '0') * 10 +
                             (first_code[2] - '0');
            return ReplyAccess::success(
                std::string_view(begin, static_cast<std::size_t>(line - begin)), code, lines,
                enhanced);
        }
    }
}

} // namespace smtp

#endif // SMTP_REPLY_HPP
