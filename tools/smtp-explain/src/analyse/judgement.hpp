// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The judgement applied to what was found: each argument and each event of
// an extractor gets its findings and goes to the report as an item.
#ifndef SMTP_EXPLAIN_ANALYSE_JUDGEMENT_HPP
#define SMTP_EXPLAIN_ANALYSE_JUDGEMENT_HPP

#include "analyse/arguments.hpp"
#include "extract/events.hpp"
#include "report/report.hpp"

#include <smtp/reply.hpp>
#include <smtp/semantics.hpp>

#include <optional>
#include <string_view>

namespace smtp_explain {

/// Reports the argument `text`, which parse_code_argument read as
/// `argument`; codes are judged as answers to `command` when it is given.
void judge_argument(Report& report, std::string_view text, const CodeArgument& argument,
                    std::optional<smtp::Command> command);

/// Events in, items out: the InputSink and MessageSink in front of a report.
class Judgement final : public InputSink, public MessageSink {
public:
    /// `limits` are those the extractors parsed with (they word the
    /// errors); `report` must outlive the judgement.
    Judgement(Report& report, const smtp::ReplyLimits& limits) : report_(report), limits_(limits) {}

    void reply(const ReplyEvent& event) override;
    void invalid_reply(const InvalidReplyEvent& event) override;
    void status(const StatusEvent& event) override;
    void no_reply(const NoReplyEvent& event) override { report_.no_reply(event); }
    void bounce(const BounceEvent& event) override;
    void no_bounce(const NoBounceEvent& event) override { report_.no_bounce(event); }

private:
    Report& report_;
    smtp::ReplyLimits limits_;
};

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_ANALYSE_JUDGEMENT_HPP
