// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/input.hpp"

#include "text.hpp"

#include <cstdint>
#include <string_view>

namespace smtp_explain {

void InputExtractor::line(const Line& line) {
    if (log_.continuation(line)) {
        return;
    }
    const std::string_view text = trim(line.text);
    if (transcript_.marked_line(text, line) || log_.line(text, line)) {
        return;
    }
    transcript_.unmarked_line(text, line);
}

void InputExtractor::finish(std::uint64_t lines, bool binary) {
    log_.finish();
    transcript_.finish();
    if (counter_.found() == 0) {
        sink_.no_reply(NoReplyEvent{source_, lines, binary});
    }
}

void InputExtractor::Counter::reply(const ReplyEvent& event) {
    ++found_;
    sink_.reply(event);
}

void InputExtractor::Counter::invalid_reply(const InvalidReplyEvent& event) {
    ++found_;
    sink_.invalid_reply(event);
}

void InputExtractor::Counter::status(const StatusEvent& event) {
    ++found_;
    sink_.status(event);
}

void InputExtractor::BeforeLog::reply(const ReplyEvent& event) {
    transcript_.flush();
    sink_.reply(event);
}

void InputExtractor::BeforeLog::invalid_reply(const InvalidReplyEvent& event) {
    transcript_.flush();
    sink_.invalid_reply(event);
}

void InputExtractor::BeforeLog::status(const StatusEvent& event) {
    transcript_.flush();
    sink_.status(event);
}

} // namespace smtp_explain
