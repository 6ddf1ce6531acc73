// A deliberately simple reference for parse_reply, and the properties every
// answer of parse_reply must have, shared by the unit tests and the fuzzer.
//
// The reference splits the input at '\n' with std::string_view::find, checks
// each line in the order the contract gives (code, separator, line count,
// length) and keeps the lines in a std::vector. It is slow and obvious on
// purpose: it shares no code with the library except the types.
#ifndef SMTP_TESTS_REPLY_REFERENCE_HPP
#define SMTP_TESTS_REPLY_REFERENCE_HPP

#include <smtp/reply.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reply_reference {

struct Result {
    smtp::ReplyError error = smtp::ReplyError::None;
    std::size_t consumed = 0;
    int code = 0;
    std::vector<std::string_view> lines;
    std::optional<smtp::EnhancedStatusCode> enhanced;
};

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "class.subject.detail": class the reply's first digit, subject and detail
// 1 to 3 digits (leading zeros read as the number, as RFC 3463's grammar
// says). Written with find and substr, not like the library's parser.
inline std::optional<smtp::EnhancedStatusCode> enhanced_token(std::string_view token,
                                                              char reply_first_digit) {
    if (reply_first_digit != '2' && reply_first_digit != '4' && reply_first_digit != '5') {
        return std::nullopt;
    }
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t dot = token.find('.', start);
        parts.push_back(token.substr(start, dot == std::string_view::npos ? dot : dot - start));
        if (dot == std::string_view::npos) {
            break;
        }
        start = dot + 1;
    }
    if (parts.size() != 3 || parts[0].size() != 1 || parts[0][0] != reply_first_digit) {
        return std::nullopt;
    }
    int numbers[3] = {0, 0, 0};
    for (std::size_t i = 0; i < 3; ++i) {
        if (parts[i].empty() || parts[i].size() > 3) {
            return std::nullopt;
        }
        for (char c : parts[i]) {
            if (!is_digit(c)) {
                return std::nullopt;
            }
            numbers[i] = numbers[i] * 10 + (c - '0');
        }
    }
    return smtp::EnhancedStatusCode{numbers[0], numbers[1], numbers[2]};
}

inline Result fail(smtp::ReplyError error) {
    Result r;
    r.error = error;
    return r;
}

inline Result parse(std::string_view in, smtp::ReplyLimits limits) {
    using smtp::ReplyError;
    if (limits.max_lines == 0) {
        return fail(ReplyError::TooManyLines);
    }
    if (limits.max_line_length < 3) {
        return fail(ReplyError::LineTooLong);
    }
    Result out;
    std::string first_code;
    std::size_t pos = 0;
    for (;;) {
        const std::string_view rest = in.substr(pos);
        const std::size_t lf = rest.find('\n');
        const bool complete = lf != std::string_view::npos;
        const std::string_view bytes = complete ? rest.substr(0, lf) : rest; // no LF

        // 1. The code: three digits, the first 2 to 5, equal to line 1's.
        for (std::size_t k = 0; k < 3; ++k) {
            if (k >= bytes.size()) {
                return fail(complete ? ReplyError::InvalidCode : ReplyError::Incomplete);
            }
            const char c = bytes[k];
            // RFC 5321 section 4.2: %x32-35 %x30-35 %x30-39 by the letter.
            const char highest = k == 1 && limits.strict ? '5' : '9';
            const bool ok = k == 0 ? (c >= '2' && c <= '5') : (c >= '0' && c <= highest);
            if (!ok) {
                return fail(ReplyError::InvalidCode);
            }
            if (!first_code.empty() && c != first_code[k]) {
                return fail(ReplyError::CodeMismatch);
            }
        }
        if (first_code.empty()) {
            first_code = std::string(bytes.substr(0, 3));
        }

        // 2. The separator: space, '-', or the line end (LF or CRLF).
        bool more = false;
        bool has_text = false;
        if (bytes.size() == 3) {
            if (!complete) {
                return fail(ReplyError::Incomplete);
            }
        } else if (is_digit(bytes[3])) {
            return fail(ReplyError::InvalidCode);
        } else if (bytes[3] == '\r') {
            if (bytes.size() > 4) {
                return fail(ReplyError::InvalidSeparator);
            }
            if (!complete) {
                return fail(ReplyError::Incomplete);
            }
        } else if (bytes[3] == ' ' || bytes[3] == '-') {
            more = bytes[3] == '-';
            has_text = true;
        } else {
            return fail(ReplyError::InvalidSeparator);
        }

        // 3. The line count.
        if (more && out.lines.size() + 1 == limits.max_lines) {
            return fail(ReplyError::TooManyLines);
        }

        // 4. The length, without the line ending.
        if (!complete) {
            const bool proven = bytes.size() > limits.max_line_length &&
                                !(bytes.size() == limits.max_line_length + 1 &&
                                  bytes.back() == '\r');
            return fail(proven ? ReplyError::LineTooLong : ReplyError::Incomplete);
        }
        std::string_view content = bytes;
        if (!content.empty() && content.back() == '\r') {
            content.remove_suffix(1);
        }
        if (content.size() > limits.max_line_length) {
            return fail(ReplyError::LineTooLong);
        }
        // 5. Strict: only CRLF ends a line (RFC 5321 section 2.3.8).
        if (limits.strict && content.size() == bytes.size()) {
            return fail(ReplyError::BareLineFeed);
        }

        const std::string_view text = has_text ? content.substr(4) : std::string_view();
        out.lines.push_back(text);
        if (!out.enhanced) {
            out.enhanced = enhanced_token(text.substr(0, text.find(' ')), first_code[0]);
        }
        pos += lf + 1;
        if (!more) {
            out.consumed = pos;
            out.code = std::stoi(first_code);
            return out;
        }
    }
}

// Bytes that, appended to an input for which parse_reply said Incomplete,
// make a whole valid reply: finish the code from the first line's (or from
// "250"), end the line, and add a last line if the open one said '-'. Lines
// end with LF, or with CRLF when `strict` (an open line that ends with a CR
// gets the LF only).
inline std::string completion(std::string_view in, bool strict = false) {
    const std::size_t last_lf = in.rfind('\n');
    const std::string_view open =
        last_lf == std::string_view::npos ? in : in.substr(last_lf + 1);
    std::string code = "250";
    const std::string_view first_line = last_lf == std::string_view::npos ? open : in;
    for (std::size_t k = 0; k < 3 && k < first_line.size(); ++k) {
        code[k] = first_line[k];
    }
    const std::string eol = strict ? "\r\n" : "\n";
    std::string out;
    if (open.size() < 3) {
        out += code.substr(open.size());
    }
    if (open.size() >= 4 && open[3] == '-') {
        out += (open.back() == '\r' ? "\n" : eol) + code;
        out += eol;
        return out;
    }
    out += !open.empty() && open.size() >= 3 && open.back() == '\r' ? "\n" : eol;
    return out;
}

// Checks every property of parse_reply on one input; returns a description
// of the first one broken, or an empty string. Prefixes: every one when
// there are at most `prefixes` + 1, else about that many spread evenly, plus
// the last eight.
inline std::string check(std::string_view in, smtp::ReplyLimits limits,
                         std::size_t prefixes = SIZE_MAX) {
    using smtp::ReplyError;
    const smtp::ReplyParse got = smtp::parse_reply(in, limits);
    const Result want = parse(in, limits);
    const std::string what = std::string(" (got ") + std::string(smtp::name(got.error)) +
                             ", reference " + std::string(smtp::name(want.error)) + ")";

    // Differential.
    if (got.error != want.error) {
        return "error differs from the reference" + what;
    }
    if (got.consumed > in.size()) {
        return "consumed more than the input";
    }
    if (got.ok() != (got.error == ReplyError::None)) {
        return "ok() disagrees with error";
    }
    if (!got.ok()) {
        if (got.consumed != 0 || got.reply.line_count() != 0 || !got.reply.raw().empty() ||
            got.reply.code() != 0 || got.reply.enhanced().has_value()) {
            return "an error came with a non-empty reply";
        }
    } else {
        const smtp::Reply& r = got.reply;
        if (got.consumed != want.consumed) {
            return "consumed differs from the reference";
        }
        if (r.raw() != in.substr(0, got.consumed) || r.raw().data() != in.data()) {
            return "raw() is not the consumed front of the input";
        }
        if (r.code() != want.code || r.status() != smtp::from_value(want.code)) {
            return "code differs from the reference";
        }
        if (r.enhanced() != want.enhanced) {
            return "enhanced code differs from the reference";
        }
        if (r.line_count() != want.lines.size() || r.line_count() > limits.max_lines) {
            return "line count differs from the reference";
        }
        std::size_t i = 0;
        for (const std::string_view line : r.lines()) {
            if (i >= want.lines.size() || line != want.lines[i] ||
                line.data() != want.lines[i].data() || r.line(i) != line) {
                return "line " + std::to_string(i) + " differs from the reference";
            }
            ++i;
        }
        if (i != want.lines.size() || !r.line(i).empty()) {
            return "lines() has the wrong length";
        }
    }

    // error_offset: the input's size for Incomplete, 0 with None, else the
    // length of the longest prefix that is still Incomplete (found by
    // bisection: prefixes answer Incomplete up to a point, then the final
    // answer), or 0 when even the empty prefix has the final answer.
    if (got.error == ReplyError::Incomplete || got.ok()) {
        if (got.error_offset != (got.ok() ? 0 : in.size())) {
            return "error_offset of " + std::to_string(got.error_offset) + " for " +
                   std::string(smtp::name(got.error));
        }
    } else {
        std::size_t low = 0;          // smtp::parse_reply(in[0, low)) is Incomplete, or low is 0
        std::size_t high = in.size(); // in[0, high) has the final answer
        if (smtp::parse_reply(in.substr(0, 0), limits).error != ReplyError::Incomplete) {
            high = 0;
        }
        while (high - low > 1) {
            const std::size_t middle = low + (high - low) / 2;
            if (smtp::parse_reply(in.substr(0, middle), limits).error == ReplyError::Incomplete) {
                low = middle;
            } else {
                high = middle;
            }
        }
        const std::size_t proven_at = high == 0 ? 0 : high - 1;
        if (got.error_offset != proven_at) {
            return "error_offset " + std::to_string(got.error_offset) +
                   ", but the error is proven by byte " + std::to_string(proven_at);
        }
    }

    // Incomplete exactly when a continuation can still make a valid reply.
    if (got.error == ReplyError::Incomplete) {
        const std::string whole = std::string(in) + completion(in, limits.strict);
        const smtp::ReplyParse completed = smtp::parse_reply(whole, limits);
        if (!completed.ok() || completed.consumed != whole.size()) {
            return "Incomplete, but the completion does not parse: " +
                   std::string(smtp::name(completed.error));
        }
    } else {
        // A final answer: no appended bytes change it.
        for (const std::string_view tail :
             {std::string_view("\n"), std::string_view("\r\n"), std::string_view("250 ok\r\n"),
              std::string_view("-\n", 2), std::string_view("\0\xff", 2)}) {
            const std::string longer = std::string(in) + std::string(tail);
            const smtp::ReplyParse again = smtp::parse_reply(longer, limits);
            if (again.error != got.error || again.consumed != got.consumed ||
                again.reply.line_count() != got.reply.line_count() ||
                again.reply.enhanced() != got.reply.enhanced()) {
                return "appending bytes changed a final answer";
            }
        }
    }

    // Fed in pieces: every prefix answers Incomplete until the whole input's
    // answer is proven, and that answer from then on. Each prefix is copied
    // to the end of a heap buffer of the input's size, so a read past the
    // prefix is a read past the buffer, caught by AddressSanitizer.
    {
        const std::size_t step = in.size() < prefixes ? 1 : in.size() / prefixes + 1;
        std::vector<std::size_t> cuts;
        for (std::size_t k = 0; k <= in.size(); k += step) {
            cuts.push_back(k);
        }
        for (std::size_t k = in.size() > 8 ? in.size() - 8 : 0; k <= in.size(); ++k) {
            if (k > cuts.back()) {
                cuts.push_back(k);
            }
        }
        std::vector<char> buffer(in.size());
        bool decided = false;
        for (const std::size_t k : cuts) {
            char* const start = buffer.data() + (buffer.size() - k);
            if (k != 0) {
                std::memcpy(start, in.data(), k);
            }
            const smtp::ReplyParse part = smtp::parse_reply(std::string_view(start, k), limits);
            if (part.error == ReplyError::Incomplete) {
                if (decided) {
                    return "a prefix went back to Incomplete at " + std::to_string(k);
                }
                continue;
            }
            decided = true;
            if (part.error != got.error || part.consumed != got.consumed) {
                return "prefix of " + std::to_string(k) + " bytes answered " +
                       std::string(smtp::name(part.error)) + ", the whole input " +
                       std::string(smtp::name(got.error));
            }
        }
    }
    return {};
}

} // namespace reply_reference

#endif // SMTP_TESTS_REPLY_REFERENCE_HPP
