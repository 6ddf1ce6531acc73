// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The report for scripts (--json): one JSON document (RFC 8259), written as
// the items come, one item per line:
//
//   {"tool":"smtp-explain","version":"0.2.0","registry":"2024-12-06",
//    "items":[
//   {...},
//   {...}
//   ],
//   "summary":{"replies":1,"statuses":0,"bounces":0,"warnings":0,"errors":0},
//   "ok":true}
//
// tools/smtp-explain/README.md documents every item kind and field.
#ifndef SMTP_EXPLAIN_REPORT_JSON_REPORT_HPP
#define SMTP_EXPLAIN_REPORT_JSON_REPORT_HPP

#include "report/output.hpp"
#include "report/report.hpp"

#include <smtp/enhanced_status_code.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace smtp_explain {

/// Writes one JSON object member by member into a string.
class JsonObject {
public:
    /// Opens the object at the end of `out`.
    explicit JsonObject(std::string& out) : out_(out) { out_ += '{'; }
    JsonObject(const JsonObject&) = delete;
    JsonObject& operator=(const JsonObject&) = delete;

    /// Starts a member; the caller writes its value.
    std::string& key(std::string_view name);
    void string(std::string_view name, std::string_view value);
    /// A string, or null when `value` is empty.
    void string_or_null(std::string_view name, std::string_view value);
    void number(std::string_view name, long long value) { key(name) += std::to_string(value); }
    /// A number, or null when `value` is 0.
    void number_or_null(std::string_view name, long long value);
    void boolean(std::string_view name, bool value) { key(name) += value ? "true" : "false"; }
    void null(std::string_view name) { key(name) += "null"; }
    /// Closes the object; call once, after the last member.
    void close() { out_ += '}'; }

private:
    std::string& out_;
    bool first_ = true;
};

/// The report for scripts (--json).
class JsonReport final : public Report {
public:
    /// Writes the head of the document; finish() writes the rest.
    explicit JsonReport(Output& output);
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
    std::string& begin_item();
    void end_item() { output_.maybe_flush(); }

    Output& output_;
    std::uint64_t items_ = 0;
};

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_REPORT_JSON_REPORT_HPP
