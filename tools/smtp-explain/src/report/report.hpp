// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// What the tool reports, item by item, and the interface both forms of the
// report (text for people, JSON for scripts) implement. An item is what was
// found (an argument, or an extractor's event) with the judgement on it.
// Items are written as they come, so memory does not grow with the input.
#ifndef SMTP_EXPLAIN_REPORT_REPORT_HPP
#define SMTP_EXPLAIN_REPORT_REPORT_HPP

#include "analyse/bounce_verdict.hpp"
#include "analyse/findings.hpp"
#include "extract/events.hpp"

#include <smtp/bounce_reason.hpp>
#include <smtp/enhanced_status_code.hpp>
#include <smtp/semantics.hpp>
#include <smtp/status_code.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace smtp_explain {

/// A basic reply code named on the command line (or listed by --list).
struct BasicItem {
    /// The argument as given; empty for --list.
    std::string_view input;
    int code;
    /// How a name argument was matched when it was not the exact spelling:
    /// "the name ErrorInProcessing of .NET", "case-insensitive match for ...".
    std::string_view matched;
    /// The command it answers, from --command.
    std::optional<smtp::Command> answered;
    Findings findings;
};

/// An enhanced status code named on the command line.
struct EnhancedItem {
    std::string_view input;
    smtp::EnhancedStatusCode code;
    Findings findings;
};

/// A class wildcard ("5xx") named on the command line.
struct ClassItem {
    std::string_view input;
    smtp::ReplyClass reply_class;
};

/// A reply read from the input.
struct ReplyItem {
    const ReplyEvent& event;
    Findings findings;
};

/// Lines of the input that should have been a reply and are not one.
struct InvalidReplyItem {
    const InvalidReplyEvent& event;
    /// Why, in a sentence.
    std::string message;
};

/// An enhanced code the input states without a reply around it.
struct StatusItem {
    const StatusEvent& event;
    Findings findings;
};

/// One recipient of a bounce read from an input, with the verdict on it.
struct BounceItem {
    const BounceEvent& event;
    BounceJudgement judgement;
};

/// A report being written: one call per item, in order, then finish().
class Report {
public:
    Report() = default;
    Report(const Report&) = delete;
    Report& operator=(const Report&) = delete;
    virtual ~Report() = default;

    /// A reply code named as an argument, or a line of --list.
    virtual void basic(const BasicItem& item) = 0;
    /// An enhanced status code named as an argument.
    virtual void enhanced(const EnhancedItem& item) = 0;
    /// An entry of the registry, class-agnostic ("X.1.1"); `input` empty for
    /// --list --enhanced.
    virtual void registry_entry(std::string_view input,
                                const smtp::EnhancedStatusCodeEntry& entry) = 0;
    /// A class of replies named as an argument ("5xx").
    virtual void reply_class(const ClassItem& item) = 0;
    /// An argument that names nothing the tool knows, and why.
    virtual void invalid_argument(std::string_view input, std::string_view message) = 0;
    /// A reply read from an input.
    virtual void reply(const ReplyItem& item) = 0;
    /// Lines of an input that should have been a reply.
    virtual void invalid_reply(const InvalidReplyItem& item) = 0;
    /// An enhanced code an input states without a reply.
    virtual void status(const StatusItem& item) = 0;
    /// An input in which nothing was found.
    virtual void no_reply(const NoReplyEvent& event) = 0;
    /// One recipient of a bounce (or of a feedback report, an auto-reply).
    virtual void bounce(const BounceItem& item) = 0;
    /// An email in which no bounce was found.
    virtual void no_bounce(const NoBounceEvent& event) = 0;
    /// A line of --list --reasons.
    virtual void bounce_reason(smtp::BounceReason reason) = 0;
    /// Ends the report (the summary); `ok` is whether everything was
    /// understood, which is the exit status 0.
    virtual void finish(bool ok) = 0;

    /// Replies reported so far.
    std::uint64_t replies() const noexcept { return replies_; }
    /// Items not understood so far: the exit status is 1 when there are any.
    std::uint64_t errors() const noexcept { return errors_; }
    /// Findings of severity Warning so far.
    std::uint64_t warnings() const noexcept { return warnings_; }

protected:
    void count_findings(const Findings& findings) noexcept {
        for (const Finding& finding : findings) {
            warnings_ += finding.severity == Severity::Warning ? 1u : 0u;
            errors_ += finding.severity == Severity::Error ? 1u : 0u;
        }
    }
    std::uint64_t replies_ = 0;
    /// Enhanced codes read without a reply around them (status()).
    std::uint64_t statuses_ = 0;
    /// Recipients of bounces (bounce()).
    std::uint64_t bounces_ = 0;
    std::uint64_t errors_ = 0;
    std::uint64_t warnings_ = 0;
};

/// "0.2.0": the version the reports and --version state.
std::string version_string();

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_REPORT_REPORT_HPP
