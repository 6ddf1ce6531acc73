// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// What the tool reports, item by item, and the interface both output forms
// (text for people, JSON for scripts) implement. Items are written as they
// come, so memory does not grow with the input.
#ifndef SMTP_EXPLAIN_REPORT_HPP
#define SMTP_EXPLAIN_REPORT_HPP

#include "analysis.hpp"

#include <smtp/enhanced_status_code.hpp>
#include <smtp/reply.hpp>
#include <smtp/semantics.hpp>
#include <smtp/status_code.hpp>

#include <cstdint>
#include <cstdio>
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
    /// "MailKit's name ErrorInProcessing", "case-insensitive match".
    std::string matched;
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

/// Where in the input a reply or status came from.
struct Location {
    std::string_view source;
    std::uint64_t line;
    /// How it was found: "transcript", "postfix", "exim", "dsn", "python".
    std::string_view origin;
};

/// A reply read from the input.
struct ReplyItem {
    Location where;
    const smtp::Reply* reply;
    std::optional<smtp::Command> answered;
    /// The client's line it answers, as shown in the input (credentials
    /// removed); empty when the input does not show it.
    std::string_view command_text;
    /// Whether `answered` came from --command rather than the input.
    bool assumed;
    Findings findings;
    /// For a reply from a log line: what the log says around it
    /// ("to=<a@b>, relay=mx.example.net[192.0.2.1]:25, status=bounced").
    std::string context;
};

/// Lines of the input that should have been a reply and are not one.
struct InvalidReplyItem {
    Location where;
    smtp::ReplyError error;
    /// The lines as handed to the parser, one per line.
    std::string_view raw;
    std::string message;
};

/// An enhanced code the input states without a reply around it: a DSN's
/// Status: field, a Postfix log line's dsn=.
struct StatusItem {
    Location where;
    smtp::EnhancedStatusCode code;
    /// The text around it that says what happened, if any.
    std::string_view context;
    Findings findings;
};

class Report {
public:
    Report() = default;
    Report(const Report&) = delete;
    Report& operator=(const Report&) = delete;
    virtual ~Report() = default;

    virtual void basic(const BasicItem& item) = 0;
    virtual void enhanced(const EnhancedItem& item) = 0;
    /// An entry of the registry, class-agnostic ("X.1.1"); `input` empty for
    /// --list --enhanced.
    virtual void registry_entry(std::string_view input,
                                const smtp::EnhancedStatusCodeEntry& entry) = 0;
    virtual void reply_class(const ClassItem& item) = 0;
    virtual void invalid_argument(std::string_view input, std::string_view message) = 0;
    virtual void reply(const ReplyItem& item) = 0;
    virtual void invalid_reply(const InvalidReplyItem& item) = 0;
    virtual void status(const StatusItem& item) = 0;
    /// An input in which nothing was found.
    virtual void no_reply(std::string_view source, std::uint64_t lines, bool binary) = 0;
    /// Ends the report; `ok` is the exit status 0.
    virtual void finish(bool ok) = 0;

    std::uint64_t replies() const noexcept { return replies_; }
    std::uint64_t errors() const noexcept { return errors_; }
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
    std::uint64_t errors_ = 0;
    std::uint64_t warnings_ = 0;
};

/// Output buffered in memory and written to a file in blocks, so memory
/// stays bounded and short writes are not a concern. Without a file (the
/// fuzz target) everything is kept in captured().
class Output {
public:
    explicit Output(std::FILE* file) : file_(file) { buffer_.reserve(1u << 16); }
    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;
    ~Output() { flush(); }

    std::string& buffer() noexcept { return buffer_; }
    void maybe_flush() {
        if (buffer_.size() >= (1u << 16)) {
            flush();
        }
    }
    void flush() {
        if (file_ == nullptr) {
            captured_ += buffer_;
            buffer_.clear();
            return;
        }
        if (!buffer_.empty()) {
            if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
                failed_ = true;
            }
            buffer_.clear();
        }
        if (std::fflush(file_) != 0) {
            failed_ = true;
        }
    }
    bool failed() const noexcept { return failed_; }
    const std::string& captured() const noexcept { return captured_; }

private:
    std::FILE* file_;
    std::string buffer_;
    std::string captured_;
    bool failed_ = false;
};

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_REPORT_HPP
