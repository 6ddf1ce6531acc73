// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "read/line_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace smtp_explain {

bool LineReader::next(std::string_view& bytes, Line& line) {
    if (handed_out_) {
        partial_.clear();
        partial_length_ = 0;
        handed_out_ = false;
    }
    const void* end = bytes.empty() ? nullptr : std::memchr(bytes.data(), '\n', bytes.size());
    if (end == nullptr) {
        keep(bytes);
        bytes = {};
        return false;
    }
    const auto length = static_cast<std::size_t>(static_cast<const char*>(end) - bytes.data());
    if (partial_length_ == 0) {
        // The whole line is in this piece: no copy.
        finish_line(bytes.substr(0, length), length, line);
    } else {
        keep(bytes.substr(0, length));
        handed_out_ = true;
        finish_line(partial_, partial_length_, line);
    }
    bytes.remove_prefix(length + 1);
    return true;
}

bool LineReader::last(Line& line) {
    if (handed_out_ || partial_length_ == 0) {
        return false;
    }
    handed_out_ = true;
    finish_line(partial_, partial_length_, line);
    return true;
}

void LineReader::keep(std::string_view bytes) {
    partial_length_ += bytes.size();
    const std::size_t room = max_input_line + 1 - partial_.size();
    partial_.append(bytes.data(), bytes.size() < room ? bytes.size() : room);
}

void LineReader::finish_line(std::string_view content, std::uint64_t length, Line& line) {
    bool truncated = true;
    if (length == content.size()) {
        // All of the line is here: its CR is no part of it, whatever its length.
        if (!content.empty() && content.back() == '\r') {
            content.remove_suffix(1);
        }
        truncated = content.size() > max_input_line;
    }
    if (truncated) {
        content = content.substr(0, max_input_line);
    }
    ++number_;
    if (number_ == 1 && content.substr(0, 3) == "\xEF\xBB\xBF") {
        content.remove_prefix(3); // a UTF-8 byte order mark from a Windows editor
    }
    total_bytes_ += content.size() + 1;
    for (const char c : content) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && byte != '\t' && byte != '\r') || byte == 0x7F) {
            ++control_bytes_;
        }
    }
    line = Line{content, number_, truncated};
}

} // namespace smtp_explain
