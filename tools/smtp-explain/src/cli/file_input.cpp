// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "cli/file_input.hpp"

#include <cerrno>
#include <cstddef>
#include <cstdio>
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

} // namespace smtp_explain
