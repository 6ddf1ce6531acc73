// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Where a report's text goes: gathered in a buffer and handed to a sink in
// blocks, so memory stays bounded however long the report. The program's
// sink writes to standard output; a StringSink keeps everything (tests, a
// caller that wants the report as a string).
#ifndef SMTP_EXPLAIN_REPORT_OUTPUT_HPP
#define SMTP_EXPLAIN_REPORT_OUTPUT_HPP

#include <cstddef>
#include <string>
#include <string_view>

namespace smtp_explain {

/// Takes the report's text block by block.
class OutputSink {
public:
    /// Writes `bytes`; false when they could not be written.
    virtual bool write(std::string_view bytes) = 0;

protected:
    OutputSink() = default;
    OutputSink(const OutputSink&) = default;
    OutputSink& operator=(const OutputSink&) = default;
    ~OutputSink() = default;
};

/// Keeps all of the text.
class StringSink final : public OutputSink {
public:
    bool write(std::string_view bytes) override {
        text_.append(bytes.data(), bytes.size());
        return true;
    }
    const std::string& text() const noexcept { return text_; }

private:
    std::string text_;
};

/// The report's buffer in front of a sink.
class Output {
public:
    /// The size of the blocks handed to the sink.
    static constexpr std::size_t block_size = 1u << 16;

    explicit Output(OutputSink& sink) : sink_(sink) { buffer_.reserve(block_size); }
    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;
    ~Output() { flush(); }

    /// The text not yet handed on; reports append to it.
    std::string& buffer() noexcept { return buffer_; }
    /// Hands on the buffer once it holds a block.
    void maybe_flush() {
        if (buffer_.size() >= block_size) {
            flush();
        }
    }
    /// Hands on the buffer.
    void flush();
    /// Whether the sink failed to write something.
    bool failed() const noexcept { return failed_; }

private:
    OutputSink& sink_;
    std::string buffer_;
    bool failed_ = false;
};

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_REPORT_OUTPUT_HPP
