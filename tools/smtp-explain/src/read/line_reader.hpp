// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Reading input: bytes, in pieces of any size, into lines. A line ends with
// LF or CRLF; at most max_input_line bytes of a line are kept, so memory
// stays bounded whatever the input holds. Where the bytes come from (a
// file, standard input, a string) is the caller's business.
#ifndef SMTP_EXPLAIN_READ_LINE_READER_HPP
#define SMTP_EXPLAIN_READ_LINE_READER_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace smtp_explain {

/// The longest input line kept; the rest of a longer line is dropped (and a
/// server line that long is reported as too long anyway).
inline constexpr std::size_t max_input_line = 64 * 1024;

/// One line of the input.
struct Line {
    /// Without its line ending, at most max_input_line bytes; a UTF-8 byte
    /// order mark at the start of the input is left out. Valid until the
    /// next call to the reader.
    std::string_view text;
    /// From 1.
    std::uint64_t number;
    /// The line was longer than max_input_line and `text` is its start.
    bool truncated;
};

/// Cuts bytes into lines. Hand it the input in pieces as they come:
///
///     while (reader.next(piece, line)) { use(line); }   // for each piece
///     if (reader.last(line)) { use(line); }             // at the end
class LineReader {
public:
    /// Takes the next line out of `bytes` and advances `bytes` past it.
    /// False when `bytes` holds no line end any more: the rest of it is
    /// kept (up to the limit) for the next piece, and `bytes` is emptied.
    bool next(std::string_view& bytes, Line& line);

    /// At the end of the input: the last line, when it has no line ending.
    bool last(Line& line);

    /// Lines handed out so far.
    std::uint64_t lines() const noexcept { return number_; }

    /// Whether the lines so far look like binary data rather than text: more
    /// than one byte in twenty a control character other than tab and CR.
    bool looks_binary() const noexcept {
        return total_bytes_ > 0 && control_bytes_ * 20 > total_bytes_;
    }

private:
    // Makes `line` of the current line's bytes `content`, of which `length`
    // bytes came from the input (content holds at most max_input_line + 1).
    void finish_line(std::string_view content, std::uint64_t length, Line& line);
    void keep(std::string_view bytes);

    // The start of a line that began in an earlier piece: at most
    // max_input_line + 1 bytes, room for a CR after the longest line kept.
    std::string partial_;
    // The bytes of that line seen so far, kept or not.
    std::uint64_t partial_length_ = 0;
    // `partial_` was handed out as the last line: clear it on the next call.
    bool handed_out_ = false;
    std::uint64_t number_ = 0;
    std::uint64_t total_bytes_ = 0;
    std::uint64_t control_bytes_ = 0;
};

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_READ_LINE_READER_HPP
