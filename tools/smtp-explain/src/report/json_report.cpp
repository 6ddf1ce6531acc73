// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "report/json_report.hpp"

#include "analyse/bounce_verdict.hpp"
#include "analyse/findings.hpp"
#include "text.hpp"
#include "wording.hpp"

#include <smtp/bounce_reason.hpp>
#include <smtp/enhanced_status_code.hpp>
#include <smtp/reply.hpp>
#include <smtp/semantics.hpp>
#include <smtp/status_code.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace smtp_explain {

std::string& JsonObject::key(std::string_view name) {
    if (!first_) {
        out_ += ',';
    }
    first_ = false;
    append_json_string(out_, name);
    out_ += ':';
    return out_;
}

void JsonObject::string(std::string_view name, std::string_view value) {
    append_json_string(key(name), value);
}

void JsonObject::string_or_null(std::string_view name, std::string_view value) {
    if (value.empty()) {
        null(name);
    } else {
        string(name, value);
    }
}

void JsonObject::number_or_null(std::string_view name, long long value) {
    if (value == 0) {
        null(name);
    } else {
        number(name, value);
    }
}

namespace {

void location(JsonObject& o, const Location& where) {
    o.string("source", where.source);
    o.number("line", static_cast<long long>(where.line));
    o.string("origin", origin_name(where.origin));
}

void findings(JsonObject& o, const Findings& list) {
    std::string& out = o.key("findings");
    out += '[';
    bool first = true;
    for (const Finding& finding : list) {
        if (!first) {
            out += ',';
        }
        first = false;
        JsonObject f(out);
        f.string("severity", severity_name(finding.severity));
        f.string("kind", finding.kind);
        f.string("message", finding.message);
        f.close();
    }
    out += ']';
}

void basic_members(JsonObject& o, int code, std::optional<smtp::Command> answered,
                   std::optional<smtp::EnhancedStatusCode> enhanced) {
    const auto status = smtp::from_value(code);
    const smtp::ReplyClass reply_class = smtp::reply_class(code);
    o.number("code", code);
    o.boolean("listed", status.has_value());
    if (status) {
        o.string("name", smtp::name(*status));
        o.string("description", smtp::description(*status));
    } else {
        o.null("name");
        o.null("description");
    }
    o.string("class", smtp::name(reply_class));
    o.number("class_digit", static_cast<int>(reply_class));
    o.string("class_meaning", class_meaning(reply_class));
    o.string("next_action", smtp::name(smtp::next_action(
                                code, answered.value_or(smtp::Command::Other), enhanced)));
    o.boolean("closes_connection", smtp::closes_connection(code));
    if (answered) {
        o.boolean("expected", smtp::is_expected_reply(*answered, code));
    } else {
        o.null("expected");
    }
    std::string& out = o.key("replies_to");
    out += '[';
    bool first = true;
    for (const smtp::Command command : commands_answered_by(code)) {
        if (!first) {
            out += ',';
        }
        first = false;
        append_json_string(out, smtp::name(command));
    }
    out += ']';
}

void entry_members(JsonObject& o, const smtp::EnhancedStatusCodeEntry* entry) {
    o.boolean("registered", entry != nullptr);
    if (entry == nullptr) {
        o.null("title");
        o.key("basic_codes") += "[]";
        o.null("basic_codes_scope");
        o.null("rfc");
        o.null("also_rfc");
        o.null("draft");
        o.boolean("deprecated", false);
        return;
    }
    o.string_or_null("title", entry->title);
    std::string& out = o.key("basic_codes");
    out += '[';
    bool first = true;
    for (const int basic : entry->basic_codes) {
        if (!first) {
            out += ',';
        }
        first = false;
        out += std::to_string(basic);
    }
    out += ']';
    o.string("basic_codes_scope", smtp::name(entry->basic_codes.scope));
    o.number_or_null("rfc", entry->rfc);
    o.number_or_null("also_rfc", entry->also_rfc);
    o.string_or_null("draft", entry->draft);
    o.boolean("deprecated", entry->deprecated);
}

void enhanced_members(JsonObject& o, const smtp::EnhancedStatusCode& code) {
    o.string("code", smtp::to_text(code).view());
    o.number("class", code.status_class);
    o.number("subject", code.subject);
    o.number("detail", code.detail);
    o.string("class_title", smtp::class_title(code));
    o.string_or_null("subject_title", smtp::subject_title(code));
    entry_members(o, smtp::registry_entry(code));
    o.string("next_action", smtp::name(action_for_class(smtp::reply_class(code))));
}

} // namespace

JsonReport::JsonReport(Output& output) : output_(output) {
    std::string& out = output_.buffer();
    JsonObject top(out); // closed by finish()
    top.string("tool", "smtp-explain");
    top.string("version", version_string());
    top.string("registry", smtp::enhanced_status_code_registry_updated);
    top.key("items") += "[\n";
}

void JsonReport::basic(const BasicItem& item) {
    count_findings(item.findings);
    JsonObject o(begin_item());
    o.string("kind", "basic");
    if (!item.input.empty()) {
        o.string("input", item.input);
    }
    basic_members(o, item.code, item.answered, std::nullopt);
    o.string_or_null("matched", item.matched);
    if (item.answered) {
        o.string("answers", smtp::name(*item.answered));
    } else {
        o.null("answers");
    }
    findings(o, item.findings);
    o.close();
    end_item();
}

void JsonReport::enhanced(const EnhancedItem& item) {
    count_findings(item.findings);
    JsonObject o(begin_item());
    o.string("kind", "enhanced");
    o.string("input", item.input);
    enhanced_members(o, item.code);
    findings(o, item.findings);
    o.close();
    end_item();
}

void JsonReport::registry_entry(std::string_view input,
                                const smtp::EnhancedStatusCodeEntry& entry) {
    JsonObject o(begin_item());
    o.string("kind", "registry_entry");
    if (!input.empty()) {
        o.string("input", input);
    }
    o.string("code", registry_code(entry.subject, entry.detail));
    o.number("subject", entry.subject);
    o.number("detail", entry.detail);
    o.string("subject_title", smtp::subject_title(entry.subject));
    entry_members(o, &entry);
    o.close();
    end_item();
}

void JsonReport::reply_class(const ClassItem& item) {
    JsonObject o(begin_item());
    o.string("kind", "class");
    o.string("input", item.input);
    o.string("class", smtp::name(item.reply_class));
    o.number("class_digit", static_cast<int>(item.reply_class));
    o.string("meaning", class_meaning(item.reply_class));
    o.string("next_action", smtp::name(action_for_class(item.reply_class)));
    o.close();
    end_item();
}

void JsonReport::invalid_argument(std::string_view input, std::string_view message) {
    ++errors_;
    JsonObject o(begin_item());
    o.string("kind", "invalid_argument");
    o.string("input", input);
    o.string("message", message);
    o.close();
    end_item();
}

void JsonReport::reply(const ReplyItem& item) {
    ++replies_;
    count_findings(item.findings);
    const ReplyEvent& event = item.event;
    const smtp::Reply& reply = event.reply;
    JsonObject o(begin_item());
    o.string("kind", "reply");
    location(o, event.where);
    o.number("code", reply.code());
    if (reply.enhanced()) {
        o.string("enhanced", smtp::to_text(*reply.enhanced()).view());
    } else {
        o.null("enhanced");
    }
    o.number("line_count", static_cast<long long>(reply.line_count()));
    std::string& lines = o.key("lines");
    lines += '[';
    bool first = true;
    for (const std::string_view text : reply.lines()) {
        if (!first) {
            lines += ',';
        }
        first = false;
        append_json_string(lines, text);
    }
    lines += ']';
    {
        JsonObject basic(o.key("basic"));
        basic_members(basic, reply.code(), event.answered, reply.enhanced());
        basic.close();
    }
    if (reply.enhanced()) {
        JsonObject enhanced(o.key("enhanced_info"));
        enhanced_members(enhanced, *reply.enhanced());
        enhanced.close();
    } else {
        o.null("enhanced_info");
    }
    if (event.answered) {
        o.string("answers", smtp::name(*event.answered));
    } else {
        o.null("answers");
    }
    o.string_or_null("command", event.command_text);
    o.boolean("command_assumed", event.assumed);
    o.string_or_null("context", event.context);
    o.string("next_action",
             smtp::name(smtp::next_action(
                 reply.code(), event.answered.value_or(smtp::Command::Other), reply.enhanced())));
    findings(o, item.findings);
    o.close();
    end_item();
}

void JsonReport::invalid_reply(const InvalidReplyItem& item) {
    ++errors_;
    JsonObject o(begin_item());
    o.string("kind", "invalid_reply");
    location(o, item.event.where);
    o.string("error", smtp::name(item.event.error));
    o.string("message", item.message);
    std::string& lines = o.key("lines");
    lines += '[';
    std::string_view rest = item.event.raw;
    bool first = true;
    while (!rest.empty()) {
        const std::string_view line = take_line(rest);
        if (!first) {
            lines += ',';
        }
        first = false;
        append_json_string(lines, line);
    }
    lines += ']';
    o.close();
    end_item();
}

void JsonReport::status(const StatusItem& item) {
    ++statuses_;
    count_findings(item.findings);
    JsonObject o(begin_item());
    o.string("kind", "status");
    location(o, item.event.where);
    o.string("code", smtp::to_text(item.event.code).view());
    o.string_or_null("context", item.event.context);
    {
        JsonObject enhanced(o.key("enhanced_info"));
        enhanced_members(enhanced, item.event.code);
        enhanced.close();
    }
    findings(o, item.findings);
    o.close();
    end_item();
}

void JsonReport::no_reply(const NoReplyEvent& event) {
    ++errors_;
    JsonObject o(begin_item());
    o.string("kind", "no_reply");
    o.string("source", event.source);
    o.number("lines_read", static_cast<long long>(event.lines));
    o.boolean("binary", event.binary);
    o.string("message", "no SMTP reply found");
    o.close();
    end_item();
}

void JsonReport::bounce(const BounceItem& item) {
    ++bounces_;
    const BounceRecipient& recipient = item.event.recipient;
    const BounceJudgement& judgement = item.judgement;
    JsonObject o(begin_item());
    o.string("kind", "bounce");
    o.string("source", item.event.source);
    o.string_or_null("recipient", recipient.recipient);
    if (judgement.status) {
        o.string("status", smtp::to_text(*judgement.status).view());
    } else {
        o.null("status");
    }
    o.number_or_null("code", judgement.code);
    o.string("next_action", smtp::name(judgement.next_action));
    o.string("reason", smtp::name(judgement.reason));
    o.boolean("hard", judgement.hard);
    o.string("reason_description", smtp::description(judgement.reason));
    o.string("reason_basis", smtp::name(judgement.basis));
    o.string_or_null("original_recipient", recipient.original_recipient);
    o.string_or_null("action", action_word(recipient.action));
    if (recipient.status) {
        o.string("stated_status", smtp::to_text(*recipient.status).view());
    } else {
        o.null("stated_status");
    }
    o.string_or_null("diagnostic", recipient.diagnostic);
    o.string_or_null("remote_mta", recipient.remote_mta);
    if (recipient.command) {
        o.string("command", smtp::name(*recipient.command));
    } else {
        o.null("command");
    }
    o.string("format", recipient.format);
    std::string& out = o.key("problems");
    out += '[';
    bool first = true;
    for (const BounceProblem& problem : recipient.problems) {
        if (!first) {
            out += ',';
        }
        first = false;
        JsonObject p(out);
        p.string("kind", problem.kind);
        p.string("message", problem.message);
        p.close();
    }
    out += ']';
    o.close();
    end_item();
}

void JsonReport::no_bounce(const NoBounceEvent& event) {
    ++errors_;
    JsonObject o(begin_item());
    o.string("kind", "no_bounce");
    o.string("source", event.source);
    o.number("parts", static_cast<long long>(event.parts));
    o.string("message", "no bounce, feedback report or auto-reply found in the email");
    o.close();
    end_item();
}

void JsonReport::bounce_reason(smtp::BounceReason reason) {
    JsonObject o(begin_item());
    o.string("kind", "bounce_reason");
    o.string("reason", smtp::name(reason));
    o.string("description", smtp::description(reason));
    o.boolean("failure", smtp::is_failure(reason));
    o.boolean("hard", smtp::is_hard_bounce(reason));
    o.close();
    end_item();
}

void JsonReport::finish(bool ok) {
    std::string& out = output_.buffer();
    // The rest of the top-level object the constructor opened.
    out += items_ > 0 ? "\n],\"summary\":" : "],\"summary\":";
    JsonObject summary(out);
    summary.number("replies", static_cast<long long>(replies_));
    summary.number("statuses", static_cast<long long>(statuses_));
    summary.number("bounces", static_cast<long long>(bounces_));
    summary.number("warnings", static_cast<long long>(warnings_));
    summary.number("errors", static_cast<long long>(errors_));
    summary.close();
    out += ",\"ok\":";
    out += ok ? "true" : "false";
    out += "}\n";
    output_.flush();
}

std::string& JsonReport::begin_item() {
    std::string& out = output_.buffer();
    if (items_ > 0) {
        out += ",\n";
    }
    ++items_;
    return out;
}

} // namespace smtp_explain
