// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The report for people: one block per item, a label column, long sentences
// wrapped, and every byte from the input escaped for the terminal; or, with
// --brief, one line per item.
#ifndef SMTP_EXPLAIN_REPORT_TEXT_REPORT_HPP
#define SMTP_EXPLAIN_REPORT_TEXT_REPORT_HPP

#include "analyse/findings.hpp"
#include "report/output.hpp"
#include "report/report.hpp"

#include <smtp/enhanced_status_code.hpp>
#include <smtp/semantics.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace smtp_explain {

/// The report for people (the default, and --brief).
class TextReport final : public Report {
public:
    /// `brief`: one line per item (--brief), for long inputs and grep.
    TextReport(Output& output, bool brief) : output_(output), brief_(brief) {}
    void basic(const BasicItem& item) override;
    void enhanced(const EnhancedItem& item) override;
    void registry_entry(std::string_view input,
                        const smtp::EnhancedStatusCodeEntry& entry) override;
    void reply_class(const ClassItem& item) override;
    void invalid_argument(std::string_view input, std::string_view message) override;
    void reply(const ReplyItem& item) override;
    void invalid_reply(const InvalidReplyItem& item) override;
    void status(const StatusItem& item) override;
    void no_reply(const NoReplyEvent& event) override;
    void bounce(const BounceItem& item) override;
    void no_bounce(const NoBounceEvent& event) override;
    void bounce_reason(smtp::BounceReason reason) override;
    void finish(bool ok) override;

private:
    static constexpr std::string_view indent = "            ";

    std::string& begin_block();
    void end_block() { output_.maybe_flush(); }

    // One line for --brief, with the findings' worst severity counted.
    void brief_line(const std::string& line, const Findings& list);
    void location(const Location& where);

    // "  label     value". Values may quote the input (a finding's token, a
    // file name), so they are escaped here, on the way out; escaping text
    // that is already escaped changes nothing.
    void field(std::string_view label, std::string_view value);
    void field_wrapped(std::string_view label, const std::string& value);

    // "next": the action and what a client does about it.
    void next_field(smtp::Action action);

    // The reply's own lines, escaped, at most 20 of 300 bytes each.
    void quote(std::string_view raw);
    void findings(const Findings& list);
    void basic_fields(int code, std::optional<smtp::Command> answered,
                      std::optional<smtp::EnhancedStatusCode> enhanced, bool show_command);
    void answers_field(int code);
    void enhanced_fields(const smtp::EnhancedStatusCode& code);
    void registry_fields(const smtp::EnhancedStatusCodeEntry& entry);
    void list_line(int code);
    void registry_line(const smtp::EnhancedStatusCodeEntry& entry);
    Output& output_;
    bool brief_;
    std::uint64_t blocks_ = 0;
    bool input_seen_ = false;
};

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_REPORT_TEXT_REPORT_HPP
