// Fuzz target for write_reply (<smtp/semantics.hpp>): the fuzz bytes choose
// a code, an optional enhanced code, a line limit and some lines of text; the
// writer must then either refuse for the reason a plain reference gives, or
// write exactly the reference's bytes, and parse_reply must read them back
// with the same code, enhanced code and lines. Any difference aborts.
#include <smtp/semantics.hpp>

#include <smtp/reply.hpp>

#include "../support/test_values.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

// Reads the fuzz bytes front to back; past the end it yields zeros.
class Bytes {
public:
    Bytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    std::uint8_t byte() { return pos_ < size_ ? data_[pos_++] : std::uint8_t{0}; }
    unsigned u16() {
        const unsigned high = byte(); // two statements: the order is fixed
        return high << 8 | byte();
    }
    std::string take(std::size_t n) {
        std::string out;
        while (n-- != 0 && pos_ < size_) {
            out.push_back(static_cast<char>(data_[pos_++]));
        }
        return out;
    }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
};

void require(bool ok) {
    if (!ok) {
        std::abort();
    }
}

struct Case {
    int code = 0;
    std::optional<smtp::EnhancedStatusCode> enhanced;
    smtp::ReplyWriteOptions options;
    std::vector<std::string> text;
};

Case decode(Bytes& in) {
    Case c;
    const unsigned raw = in.u16();
    // Mostly codes 200..599; a quarter anywhere in -300..899.
    c.code = (raw >> 14) == 0 ? static_cast<int>(raw % 1200) - 300 : 200 + static_cast<int>(raw % 400);
    const std::uint8_t e = in.byte();
    if ((e & 1) != 0) {
        smtp::EnhancedStatusCode code{};
        code.status_class = (e & 2) != 0 ? c.code / 100 : static_cast<int>(in.byte() % 8) - 1;
        code.subject = (e & 4) != 0 ? static_cast<int>(in.u16() % 1010) : static_cast<int>(in.byte() % 12);
        code.detail = (e & 8) != 0 ? static_cast<int>(in.u16() % 1010) : static_cast<int>(in.byte() % 32);
        if ((e & 16) != 0) {
            code.detail = -code.detail - 1;
        }
        c.enhanced = code;
    }
    const std::uint8_t limit = in.byte();
    if (limit >= 64) {
        c.options.max_line_length = limit >= 250 ? static_cast<std::size_t>(-1) : in.u16() % 2100;
    }
    const std::size_t count = in.byte() % 9; // 0 to 8 lines
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint8_t how = in.byte();
        const std::size_t length = (how & 0x80) != 0 ? in.u16() % 1500 : how % 48;
        std::string text = in.take(length);
        if ((how & 0x40) == 0) {
            // Mostly clean text, so that most cases are written.
            for (char& ch : text) {
                if (ch == '\r' || ch == '\n') {
                    ch = ' ';
                }
            }
        }
        c.text.push_back(std::move(text));
    }
    return c;
}

// What the writer must answer, worked out plainly: the error, or the bytes.
struct Expected {
    smtp::ReplyWriteError error = smtp::ReplyWriteError::None;
    std::size_t line = 0;
    std::string wire;
    std::vector<std::string> read_back; // each line's text after the code
};

Expected reference(const Case& c) {
    using E = smtp::ReplyWriteError;
    Expected x;
    if (c.code < 200 || c.code > 599) {
        x.error = E::InvalidCode;
        return x;
    }
    const int first_digit = c.code / 100;
    if (c.enhanced) {
        const smtp::EnhancedStatusCode& e = *c.enhanced;
        const bool valid = (e.status_class == 2 || e.status_class == 4 || e.status_class == 5) &&
                           e.subject >= 0 && e.subject <= 999 && e.detail >= 0 && e.detail <= 999;
        if (!valid) {
            x.error = E::InvalidEnhancedCode;
            return x;
        }
        if (first_digit == 3) {
            x.error = E::EnhancedOnIntermediate;
            return x;
        }
        if (e.status_class != first_digit) {
            x.error = E::EnhancedClassMismatch;
            return x;
        }
    }
    if (c.text.empty()) {
        x.error = E::NoLines;
        return x;
    }
    const std::string digits = std::to_string(c.code);
    for (std::size_t i = 0; i < c.text.size(); ++i) {
        const std::string& t = c.text[i];
        if (t.find_first_of("\r\n") != std::string::npos) {
            x.error = E::LineBreakInText;
            x.line = i;
            return x;
        }
        std::string after_code = t;
        if (c.enhanced) {
            after_code = test_values::enhanced_text(*c.enhanced) + (t.empty() ? "" : " " + t);
        }
        const std::string line =
            digits + (i + 1 == c.text.size() ? " " : "-") + after_code + "\r\n";
        if (line.size() > c.options.max_line_length) {
            x.error = E::LineTooLong;
            x.line = i;
            return x;
        }
        x.wire += line;
        x.read_back.push_back(after_code);
    }
    return x;
}

// The enhanced code parse_reply should find when none was written: the first
// line whose text starts with a code of the reply's class, followed by a
// space or the line's end (RFC 2034).
std::optional<smtp::EnhancedStatusCode> enhanced_in_text(const Expected& x, int code) {
    if (code / 100 == 3) {
        return std::nullopt;
    }
    for (const std::string& t : x.read_back) {
        const std::string token = t.substr(0, t.find(' '));
        const auto parsed = smtp::parse_enhanced_status_code(token);
        if (parsed && parsed->status_class == code / 100) {
            return parsed;
        }
    }
    return std::nullopt;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Bytes in(data, size);
    const Case c = decode(in);
    std::vector<std::string_view> lines(c.text.begin(), c.text.end());
    const Expected x = reference(c);

    const smtp::ReplyWriteResult measured =
        smtp::measure_reply(c.code, c.enhanced, lines.data(), lines.size(), c.options);
    require(measured.error == x.error);
    require(measured.line == x.line);

    std::string buffer(x.wire.size() + 1, '#');
    const smtp::ReplyWriteResult written = smtp::write_reply(
        buffer.data(), buffer.data() + buffer.size(), c.code, c.enhanced, lines.data(),
        lines.size(), c.options);
    require(written.error == x.error && written.line == x.line);

    std::string through_iterator;
    const auto to = smtp::write_reply_to(std::back_inserter(through_iterator), c.code, c.enhanced,
                                         lines.data(), lines.size(), c.options);
    require(to.error == x.error && to.line == x.line);

    if (x.error != smtp::ReplyWriteError::None) {
        // Refused: nothing written anywhere.
        require(written.size == 0 && to.size == 0 && measured.size == 0);
        require(buffer == std::string(x.wire.size() + 1, '#'));
        require(through_iterator.empty());
        return 0;
    }

    // Written: exactly the reference's bytes, and nothing past them.
    require(measured.size == x.wire.size() && written.size == x.wire.size());
    require(std::string_view(buffer).substr(0, written.size) == x.wire);
    require(buffer.back() == '#');
    require(through_iterator == x.wire);

    // One byte short: refused with the size it needs, nothing written.
    std::string small(x.wire.size() - 1, '#');
    const smtp::ReplyWriteResult refused =
        smtp::write_reply(small.data(), small.data() + small.size(), c.code, c.enhanced,
                          lines.data(), lines.size(), c.options);
    require(refused.error == smtp::ReplyWriteError::BufferTooSmall);
    require(refused.size == x.wire.size());
    require(small == std::string(x.wire.size() - 1, '#'));

    // Read back. The parser's line limit excludes the CRLF the writer counts.
    smtp::ReplyLimits limits;
    limits.max_line_length = c.options.max_line_length;
    limits.max_lines = lines.size();
    const smtp::ReplyParse parsed = smtp::parse_reply(x.wire, limits);
    require(parsed.ok());
    require(parsed.consumed == x.wire.size());
    const smtp::Reply& reply = parsed.reply;
    require(reply.code() == c.code);
    require(reply.raw() == x.wire);
    require(reply.line_count() == lines.size());
    std::size_t i = 0;
    for (const std::string_view line : reply.lines()) {
        require(i < x.read_back.size() && line == x.read_back[i]);
        require(reply.line(i) == line);
        ++i;
    }
    require(i == lines.size());
    if (c.enhanced) {
        require(reply.enhanced() == c.enhanced);
    } else {
        require(reply.enhanced() == enhanced_in_text(x, c.code));
    }

    // Within the parser's default limits the defaults read it back too.
    const smtp::ReplyLimits defaults{};
    if (c.options.max_line_length <= defaults.max_line_length && lines.size() <= defaults.max_lines) {
        const smtp::ReplyParse again = smtp::parse_reply(x.wire);
        require(again.ok() && again.consumed == x.wire.size());
    }
    return 0;
}
