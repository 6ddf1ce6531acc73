// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// For the core's unit tests: events and report items written down as short
// strings, so a test states what an input must give as a list of lines.
//
//   reply 3 transcript 550 5.1.1 lines=2 answers=Rcpt cmd='RCPT TO:<a@b>'
//   invalid 7 postfix CodeMismatch at=12
//   status 9 dsn 5.1.1
//   no_reply stdin lines=2
#ifndef SMTP_EXPLAIN_TESTS_RECORDER_HPP
#define SMTP_EXPLAIN_TESTS_RECORDER_HPP

#include "extract/events.hpp"
#include "read/line_reader.hpp"
#include "text.hpp"

#include <smtp/enhanced_status_code.hpp>
#include <smtp/reply.hpp>
#include <smtp/semantics.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain::testing {

inline std::string describe(const Location& where) {
    return std::to_string(where.line) + " " + std::string(origin_name(where.origin));
}

inline std::string describe(const ReplyEvent& event) {
    std::string out = "reply " + describe(event.where) + " " + std::to_string(event.reply.code());
    if (event.reply.enhanced()) {
        out += " ";
        out += smtp::to_text(*event.reply.enhanced()).view();
    }
    out += " lines=" + std::to_string(event.reply.line_count());
    out += " answers=";
    out += event.answered ? smtp::name(*event.answered) : std::string_view("-");
    if (event.assumed) {
        out += " assumed";
    }
    if (!event.command_text.empty()) {
        out += " cmd='" + std::string(event.command_text) + "'";
    }
    if (!event.context.empty()) {
        out += " ctx='" + std::string(event.context) + "'";
    }
    if (event.cut_off) {
        out += " cut_off";
    }
    return out;
}

inline std::string describe(const InvalidReplyEvent& event) {
    return "invalid " + describe(event.where) + " " + std::string(smtp::name(event.error)) +
           " at=" + std::to_string(event.error_offset);
}

inline std::string describe(const StatusEvent& event) {
    std::string out =
        "status " + describe(event.where) + " " + std::string(smtp::to_text(event.code).view());
    if (!event.context.empty()) {
        out += " ctx='" + std::string(event.context) + "'";
    }
    return out;
}

inline std::string describe(const NoReplyEvent& event) {
    return "no_reply " + std::string(event.source) + " lines=" + std::to_string(event.lines) +
           (event.binary ? " binary" : "");
}

/// An InputSink that writes every event down.
class Recorder final : public InputSink {
public:
    void reply(const ReplyEvent& event) override {
        events.push_back(describe(event));
        // The reply's own lines, to check what was gathered.
        replies.emplace_back(event.reply.raw());
    }
    void invalid_reply(const InvalidReplyEvent& event) override {
        events.push_back(describe(event));
        raws.emplace_back(event.raw);
    }
    void status(const StatusEvent& event) override { events.push_back(describe(event)); }
    void no_reply(const NoReplyEvent& event) override { events.push_back(describe(event)); }

    std::vector<std::string> events;
    /// The raw bytes of each reply, in order.
    std::vector<std::string> replies;
    /// The raw bytes of each invalid reply, in order.
    std::vector<std::string> raws;
};

/// Hands `text` to `take(const Line&)` line by line, as the program reads it.
template <class Take>
void for_each_line(std::string_view text, Take&& take) {
    LineReader reader;
    Line line{};
    while (reader.next(text, line)) {
        take(line);
    }
    if (reader.last(line)) {
        take(line);
    }
}

} // namespace smtp_explain::testing

#endif // SMTP_EXPLAIN_TESTS_RECORDER_HPP
