// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/reply_lines.hpp"

#include <smtp/reply.hpp>

#include <cstddef>
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

namespace {

// Where the last line of `lines` (each ended by LF) starts.
std::size_t last_line_start(std::string_view lines) noexcept {
    const std::size_t lf = lines.size() < 2 ? std::string_view::npos : lines.rfind('\n', lines.size() - 2);
    return lf == std::string_view::npos ? 0 : lf + 1;
}

} // namespace

void ReplyGatherer::hand_on(bool at_end) {
    if (pending_.empty()) {
        return;
    }
    std::string_view rest = pending_;
    std::uint64_t line = first_line_;
    while (!rest.empty()) {
        smtp::ReplyParse parse = smtp::parse_reply(rest, limits_);
        const Location where{source_, line, origin_};
        bool cut_off = false;
        if (parse.error == smtp::ReplyError::Incomplete && at_end) {
            // The lines are whole (each ends in LF), so the reply lacks only
            // its last line. Read the last line given as the last, with a
            // space for its '-', then put the '-' back: a Reply's lines are
            // found by their LFs, and '-' is a separator as good as a space,
            // so the Reply still views the input as given.
            const std::size_t start = last_line_start(rest);
            const std::size_t separator = static_cast<std::size_t>(rest.data() - pending_.data()) +
                                          start + 3;
            if (looks_like_reply_line(rest.substr(start)) && pending_[separator] == '-') {
                pending_[separator] = ' ';
                parse = smtp::parse_reply(rest, limits_);
                pending_[separator] = '-';
                cut_off = parse.ok();
            }
            if (!cut_off) {
                parse = smtp::parse_reply(rest, limits_);
            }
        }
        if (!parse.ok()) {
            handler_.invalid(InvalidReplyEvent{where, parse.error, rest, parse.error_offset});
            break;
        }
        handler_.reply(parse.reply, where, cut_off);
        line += parse.reply.line_count();
        rest.remove_prefix(parse.consumed);
    }
    pending_.clear();
    pending_lines_ = 0;
}

} // namespace smtp_explain
