// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "cli/file_input.hpp"

#include "mime/gmime_message.hpp"
#include "read/email_input.hpp"

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain {

bool FileSink::write(std::string_view bytes) {
    errno = 0;
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) == bytes.size() &&
        std::fflush(file_) == 0) {
        return true;
    }
    if (error_ == 0) {
        error_ = errno != 0 ? errno : EIO;
    }
    return false;
}

bool read_file(std::FILE* file, InputReader& reader) {
    std::vector<char> buffer(std::size_t{1} << 16);
    for (;;) {
        const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), file);
        if (got == 0) {
            break;
        }
        reader.feed(std::string_view(buffer.data(), got));
    }
    reader.finish();
    return std::ferror(file) == 0;
}

ReadStatus read_input(std::FILE* file, Explanation& explanation, std::string_view source) {
    // The start, to tell an email from the rest.
    std::string head;
    std::vector<char> buffer(std::size_t{1} << 16);
    while (head.size() < email_sniff_size) {
        const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), file);
        if (got == 0) {
            break;
        }
        head.append(buffer.data(), got);
    }
    if (!looks_like_email(head)) {
        InputReader reader(explanation, source);
        reader.feed(head);
        head = std::string();
        return read_file(file, reader) ? ReadStatus::Ok : ReadStatus::Failed;
    }
    while (head.size() <= max_email_size) {
        const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), file);
        if (got == 0) {
            break;
        }
        head.append(buffer.data(), got);
    }
    if (head.size() > max_email_size) {
        return ReadStatus::TooLarge;
    }
    const bool failed = std::ferror(file) != 0;
    explanation.message(source, read_message(head));
    return failed ? ReadStatus::Failed : ReadStatus::Ok;
}

} // namespace smtp_explain
