// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/reply_lines.hpp"

#include <smtp/reply.hpp>

#include <cstdint>
#include <string_view>

namespace smtp_explain {

void ReplyGatherer::add(std::string_view text, std::uint64_t number, bool truncated,
                        Origin origin) {
    if (pending_.empty()) {
        first_line_ = number;
        origin_ = origin;
    }
    pending_.append(text.data(), text.size());
    pending_ += '\n';
    ++pending_lines_;
    const bool more = looks_like_reply_line(text) && text.size() > 3 && text[3] == '-';
    // A line over the limit ends the reply at once (the parser rejects it),
    // so at most max_lines lines of max_line_length bytes are held.
    const bool too_long = truncated || text.size() > limits_.max_line_length;
    if (more && !too_long && pending_lines_ < limits_.max_lines) {
        return;
    }
    flush();
}

void ReplyGatherer::flush() {
    if (pending_.empty()) {
        return;
    }
    std::string_view rest = pending_;
    std::uint64_t line = first_line_;
    while (!rest.empty()) {
        const smtp::ReplyParse parse = smtp::parse_reply(rest, limits_);
        const Location where{source_, line, origin_};
        if (!parse.ok()) {
            handler_.invalid(InvalidReplyEvent{where, parse.error, rest, parse.error_offset});
            break;
        }
        handler_.reply(parse.reply, where);
        line += parse.reply.line_count();
        rest.remove_prefix(parse.consumed);
    }
    pending_.clear();
    pending_lines_ = 0;
}

} // namespace smtp_explain
