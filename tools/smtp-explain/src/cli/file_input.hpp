// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The program's files: reading a file or standard input into the core (an
// email whole, decoded with GMime; anything else in blocks, line by line),
// and standard output as the report's sink.
#ifndef SMTP_EXPLAIN_CLI_FILE_INPUT_HPP
#define SMTP_EXPLAIN_CLI_FILE_INPUT_HPP

#include "explain.hpp"
#include "report/output.hpp"

#include <cstdio>
#include <string_view>

namespace smtp_explain {

/// Writes to a C stream, flushing each block so a failure shows at once.
class FileSink final : public OutputSink {
public:
    explicit FileSink(std::FILE* file) : file_(file) {}
    bool write(std::string_view bytes) override;
    /// The errno of the first failed write, or 0.
    int error() const noexcept { return error_; }

private:
    std::FILE* file_;
    int error_ = 0;
};

/// Reads `file` to its end into `reader` and finishes it. False on a read
/// error (what was read is explained all the same).
bool read_file(std::FILE* file, InputReader& reader);

/// How reading an input ended.
enum class ReadStatus {
    Ok,
    /// A read error; what was read is explained all the same.
    Failed,
    /// An email larger than max_email_size: not explained.
    TooLarge,
};

/// Explains the input `file`, named `source` in the report: an email
/// (looks_like_email) read whole, up to max_email_size, and decoded with
/// GMime; anything else read line by line.
ReadStatus read_input(std::FILE* file, Explanation& explanation, std::string_view source);

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_CLI_FILE_INPUT_HPP
