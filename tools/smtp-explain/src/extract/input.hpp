// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// One input of text lines (a file, standard input, reply text given as an
// argument), each line handed to the extractors of the input families in
// turn until one takes it: a folded log line's continuation, the transcript's
// marked lines, the mail log's lines, then bare reply lines and commands
// typed by hand. Other lines are ignored. Events go out in input order.
#ifndef SMTP_EXPLAIN_EXTRACT_INPUT_HPP
#define SMTP_EXPLAIN_EXTRACT_INPUT_HPP

#include "extract/events.hpp"
#include "extract/mail_log.hpp"
#include "extract/transcript.hpp"
#include "read/line_reader.hpp"

#include <cstdint>
#include <string_view>

namespace smtp_explain {

/// The extractors of one input, fed line by line.
class InputExtractor {
public:
    /// `source` names the input in events; `sink` and `source` must outlive
    /// the extractor.
    InputExtractor(InputSink& sink, std::string_view source, const ExtractOptions& options)
        : sink_(sink), counter_(sink), transcript_(counter_, source, options),
          before_log_(transcript_, counter_), log_(before_log_, source, options), source_(source) {}
    InputExtractor(const InputExtractor&) = delete;
    InputExtractor& operator=(const InputExtractor&) = delete;

    /// Hands `line` to the extractor that takes it.
    void line(const Line& line);

    /// Ends the input of `lines` lines: hands on what is still gathered,
    /// and a NoReplyEvent when nothing was found in it.
    void finish(std::uint64_t lines, bool binary);

private:
    // Counts the events on their way out.
    class Counter final : public EventSink {
    public:
        explicit Counter(EventSink& sink) : sink_(sink) {}
        void reply(const ReplyEvent& event) override;
        void invalid_reply(const InvalidReplyEvent& event) override;
        void status(const StatusEvent& event) override;
        std::uint64_t found() const noexcept { return found_; }

    private:
        EventSink& sink_;
        std::uint64_t found_ = 0;
    };

    // The mail log's events: a reply the transcript is still gathering came
    // first in the input, so it goes out first.
    class BeforeLog final : public EventSink {
    public:
        BeforeLog(Transcript& transcript, EventSink& sink) : transcript_(transcript), sink_(sink) {}
        void reply(const ReplyEvent& event) override;
        void invalid_reply(const InvalidReplyEvent& event) override;
        void status(const StatusEvent& event) override;

    private:
        Transcript& transcript_;
        EventSink& sink_;
    };

    InputSink& sink_;
    Counter counter_;
    Transcript transcript_;
    BeforeLog before_log_;
    MailLog log_;
    std::string_view source_;
};

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_EXTRACT_INPUT_HPP
