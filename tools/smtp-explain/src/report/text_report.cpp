// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "report/text_report.hpp"

#include "analyse/bounce_verdict.hpp"
#include "text.hpp"
#include "wording.hpp"

#include <smtp/bounce_reason.hpp>
#include <smtp/enhanced_status_code.hpp>
#include <smtp/reply.hpp>
#include <smtp/semantics.hpp>
#include <smtp/status_code.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace smtp_explain {

namespace {

// What stands in place of a missing registry title.
std::string_view untitled(const smtp::EnhancedStatusCode& code) {
    return smtp::is_registered(code) ? "registered without a title" : "not in the registry";
}

std::string source_name(std::string_view source) {
    std::string out;
    append_terminal_text(out, source == "-" ? std::string_view("stdin") : source, 200);
    return out;
}

std::string code_name(int code) {
    const auto status = smtp::from_value(code);
    return status ? std::string(smtp::name(*status)) : std::string("(not in the table)");
}

// The code and its registry title: "5.1.1 Bad destination mailbox
// address", "4.7.500 (not in the registry)", and for X.6.10, which the
// registry lists without a title, "5.6.10 (registered without a title)".
std::string enhanced_summary(const smtp::EnhancedStatusCode& code) {
    const std::string_view title = smtp::title(code);
    return std::string(smtp::to_text(code).view()) +
           (title.empty() ? " (" + std::string(untitled(code)) + ")" : " " + std::string(title));
}

// "stdin:12", as compilers and grep print places.
std::string where(const Location& location) {
    std::string out = source_name(location.source) + ":" + std::to_string(location.line);
    if (location.origin != Origin::Transcript) {
        out += " (";
        out += origin_name(location.origin);
        out += ')';
    }
    return out;
}

} // namespace

void TextReport::basic(const BasicItem& item) {
    if (item.input.empty()) {
        list_line(item.code);
        return;
    }
    count_findings(item.findings);
    if (brief_) {
        std::string line = std::to_string(item.code) + " " + code_name(item.code);
        if (smtp::reply_class(item.code) != smtp::ReplyClass::None) {
            line += ": ";
            line += class_phrase(smtp::reply_class(item.code));
            line += ", ";
            line += smtp::name(
                smtp::next_action(item.code, item.answered.value_or(smtp::Command::Other)));
        }
        brief_line(line, item.findings);
        return;
    }
    std::string& out = begin_block();
    out += std::to_string(item.code);
    out += ' ';
    out += code_name(item.code);
    out += '\n';
    if (!item.matched.empty()) {
        field("matched", item.matched);
    }
    basic_fields(item.code, item.answered, std::nullopt, item.answered.has_value());
    if (!item.answered) {
        answers_field(item.code);
    }
    findings(item.findings);
    end_block();
}

void TextReport::enhanced(const EnhancedItem& item) {
    count_findings(item.findings);
    const smtp::Action action = action_for_class(smtp::reply_class(item.code));
    if (brief_) {
        brief_line(enhanced_summary(item.code) + ", " + std::string(smtp::name(action)),
                   item.findings);
        return;
    }
    std::string& out = begin_block();
    out += enhanced_summary(item.code);
    out += '\n';
    enhanced_fields(item.code);
    next_field(action);
    findings(item.findings);
    end_block();
}

void TextReport::registry_entry(std::string_view input,
                                const smtp::EnhancedStatusCodeEntry& entry) {
    if (input.empty() || brief_) {
        registry_line(entry);
        return;
    }
    std::string& out = begin_block();
    out += registry_code(entry.subject, entry.detail);
    if (!entry.title.empty()) {
        out += ' ';
        out += entry.title;
    }
    out += '\n';
    field("subject",
          std::to_string(entry.subject) + " " + std::string(smtp::subject_title(entry.subject)));
    registry_fields(entry);
    end_block();
}

void TextReport::reply_class(const ClassItem& item) {
    if (brief_) {
        brief_line(std::string(item.input) + ": " + class_phrase(item.reply_class) + ", " +
                       std::string(smtp::name(action_for_class(item.reply_class))),
                   {});
        return;
    }
    std::string& out = begin_block();
    out += item.input;
    out += '\n';
    field_wrapped("class", class_phrase(item.reply_class) + ": " +
                               std::string(class_meaning(item.reply_class)));
    next_field(action_for_class(item.reply_class));
    end_block();
}

void TextReport::invalid_argument(std::string_view input, std::string_view message) {
    ++errors_;
    if (brief_) {
        std::string line;
        append_terminal_text(line, input, 200);
        brief_line(line + ": not understood: " + std::string(message), {});
        return;
    }
    std::string& out = begin_block();
    append_terminal_text(out, input, 200);
    out += ": not understood\n";
    field_wrapped("error", std::string(message));
    end_block();
}

void TextReport::reply(const ReplyItem& item) {
    ++replies_;
    input_seen_ = true;
    count_findings(item.findings);
    const ReplyEvent& event = item.event;
    const smtp::Reply& reply = event.reply;
    if (brief_) {
        std::string line = where(event.where) + ": " + std::to_string(reply.code());
        if (reply.enhanced()) {
            line += ' ';
            line += smtp::to_text(*reply.enhanced()).view();
        }
        line += " " + code_name(reply.code()) + ", ";
        line += smtp::name(smtp::next_action(
            reply.code(), event.answered.value_or(smtp::Command::Other), reply.enhanced()));
        if (event.answered) {
            line += " (answers ";
            if (event.command_text.empty()) {
                line += command_phrase(*event.answered);
            } else {
                append_terminal_text(line, event.command_text, 120);
            }
            line += ')';
        }
        brief_line(line, item.findings);
        return;
    }
    std::string& out = begin_block();
    out += "reply at ";
    location(event.where);
    out += ": ";
    out += std::to_string(reply.code());
    if (reply.enhanced()) {
        out += ' ';
        out += smtp::to_text(*reply.enhanced()).view();
    }
    out += reply.line_count() == 1 ? " (1 line)"
                                   : " (" + std::to_string(reply.line_count()) + " lines)";
    out += '\n';
    quote(reply.raw());
    const auto status = smtp::from_value(reply.code());
    std::string code_line = std::to_string(reply.code()) + " " + code_name(reply.code());
    code_line += ", ";
    code_line += class_phrase(smtp::reply_class(reply.code()));
    field_wrapped("code", code_line);
    if (status) {
        field_wrapped("meaning", std::string(smtp::description(*status)));
    } else {
        field_wrapped("meaning", "A " + class_phrase(smtp::reply_class(reply.code())) + " reply: " +
                                     std::string(class_meaning(smtp::reply_class(reply.code()))) +
                                     ". The text says more.");
    }
    if (reply.enhanced()) {
        const smtp::EnhancedStatusCode code = *reply.enhanced();
        // "5.1.1 Bad destination mailbox address (Permanent Failure, ...)",
        // "4.7.500, not in the registry (Persistent Transient Failure, ...)".
        const std::string_view title = smtp::title(code);
        std::string line(smtp::to_text(code).view());
        line += title.empty() ? ", " + std::string(untitled(code)) : " " + std::string(title);
        line += " (" + std::string(smtp::class_title(code));
        const std::string_view subject = smtp::subject_title(code);
        if (!subject.empty()) {
            line += ", " + std::string(subject);
        }
        if (const int rfc = smtp::defining_rfc(code); rfc != 0) {
            line += "; RFC " + std::to_string(rfc);
        }
        line += ")";
        field_wrapped("enhanced", line);
    }
    if (event.answered) {
        std::string answers(command_phrase(*event.answered));
        if (!event.command_text.empty()) {
            answers.clear();
            append_terminal_text(answers, event.command_text, 120);
        }
        if (event.assumed) {
            answers += " (from --command)";
        }
        field("answers", answers);
    }
    if (!event.context.empty()) {
        std::string context;
        append_terminal_text(context, event.context, 300);
        field_wrapped("log", context);
    }
    next_field(smtp::next_action(reply.code(), event.answered.value_or(smtp::Command::Other),
                                 reply.enhanced()));
    findings(item.findings);
    end_block();
}

void TextReport::invalid_reply(const InvalidReplyItem& item) {
    ++errors_;
    input_seen_ = true;
    if (brief_) {
        brief_line(where(item.event.where) + ": not a valid reply (" +
                       std::string(smtp::name(item.event.error)) + "): " + item.message,
                   {});
        return;
    }
    std::string& out = begin_block();
    out += "not a valid reply at ";
    location(item.event.where);
    out += ": ";
    out += smtp::name(item.event.error);
    out += '\n';
    quote(item.event.raw);
    field_wrapped("error", item.message);
    end_block();
}

void TextReport::status(const StatusItem& item) {
    input_seen_ = true;
    ++statuses_;
    count_findings(item.findings);
    if (brief_) {
        brief_line(
            where(item.event.where) + ": status " + enhanced_summary(item.event.code) + ", " +
                std::string(smtp::name(action_for_class(smtp::reply_class(item.event.code)))),
            item.findings);
        return;
    }
    std::string& out = begin_block();
    out += "status at ";
    location(item.event.where);
    out += ": ";
    out += enhanced_summary(item.event.code);
    out += '\n';
    if (!item.event.context.empty()) {
        std::string context;
        append_terminal_text(context, item.event.context, 300);
        field_wrapped("context", context);
    }
    enhanced_fields(item.event.code);
    next_field(action_for_class(smtp::reply_class(item.event.code)));
    findings(item.findings);
    end_block();
}

void TextReport::no_reply(const NoReplyEvent& event) {
    const std::uint64_t lines = event.lines;
    ++errors_;
    input_seen_ = true;
    if (brief_) {
        brief_line(source_name(event.source) + ": no SMTP reply found (" + std::to_string(lines) +
                       (lines == 1 ? " line" : " lines") + (event.binary ? ", looks binary)" : ")"),
                   {});
        return;
    }
    std::string& out = begin_block();
    out += "no SMTP reply found in ";
    out += source_name(event.source);
    out += " (" + std::to_string(lines) + (lines == 1 ? " line" : " lines");
    out += event.binary ? ", looks binary)\n" : ")\n";
    field_wrapped("error", "Nothing in it is a reply line (a three-digit code 200 to 599, "
                           "then a space, '-' or the line end), a transcript line or a "
                           "mail log line with a reply.");
    end_block();
}

void TextReport::bounce(const BounceItem& item) {
    ++bounces_;
    input_seen_ = true;
    const BounceRecipient& recipient = item.event.recipient;
    const BounceJudgement& judgement = item.judgement;
    const std::string address =
        recipient.recipient.empty() ? std::string("(no recipient named)") : recipient.recipient;
    std::string codes;
    if (judgement.code != 0) {
        codes = std::to_string(judgement.code);
    }
    if (judgement.status) {
        codes += codes.empty() ? "" : " ";
        codes += smtp::to_text(*judgement.status).view();
    }
    if (brief_) {
        std::string line = source_name(item.event.source) + ": " + address + ": ";
        if (!codes.empty()) {
            line += codes + " ";
        }
        line += smtp::name(judgement.reason);
        line += judgement.hard ? " (hard), " : ", ";
        line += smtp::name(judgement.next_action);
        brief_line(line, {});
        return;
    }
    std::string& out = begin_block();
    out += "bounce in ";
    out += source_name(item.event.source);
    out += ": ";
    append_terminal_text(out, address, 300);
    out += '\n';
    if (judgement.status) {
        field_wrapped("status", enhanced_summary(*judgement.status));
    }
    if (!recipient.diagnostic.empty()) {
        std::string diagnostic;
        append_terminal_text(diagnostic, recipient.diagnostic, 600);
        field_wrapped(judgement.code != 0 ? "reply" : "diagnosis", diagnostic);
    }
    if (recipient.command) {
        field("answers", command_phrase(*recipient.command));
    }
    if (!recipient.remote_mta.empty()) {
        field("server", recipient.remote_mta);
    }
    if (const std::string_view action = action_word(recipient.action); !action.empty()) {
        field("action", action);
    }
    field_wrapped("reason", std::string(smtp::name(judgement.reason)) + ": " +
                                std::string(smtp::description(judgement.reason)));
    field_wrapped("address", judgement.hard
                                 ? "bad (a hard bounce): do not send to it again."
                                 : "stays (not a hard bounce): only this message is concerned.");
    field_wrapped("next", std::string(smtp::name(judgement.next_action)) + ": " +
                              std::string(bounce_advice(judgement.next_action)));
    field("format", recipient.format);
    for (const BounceProblem& problem : recipient.problems) {
        field_wrapped("problem", problem.message + " (" + problem.kind + ")");
    }
    end_block();
}

void TextReport::no_bounce(const NoBounceEvent& event) {
    ++errors_;
    input_seen_ = true;
    if (brief_) {
        brief_line(source_name(event.source) + ": no bounce found (" +
                       std::to_string(event.parts) + (event.parts == 1 ? " part)" : " parts)"),
                   {});
        return;
    }
    std::string& out = begin_block();
    out += "no bounce found in ";
    out += source_name(event.source);
    out += " (" + std::to_string(event.parts) + (event.parts == 1 ? " part)\n" : " parts)\n");
    field_wrapped("error", "The email is no delivery status notification, failure notice, "
                           "feedback report or auto-reply the tool can read.");
    end_block();
}

void TextReport::bounce_reason(smtp::BounceReason reason) {
    std::string& out = output_.buffer();
    const std::string_view word = smtp::name(reason);
    out += word;
    out.append(word.size() < 17 ? 17 - word.size() : 1, ' ');
    out += smtp::description(reason);
    out += '\n';
    output_.maybe_flush();
}

void TextReport::finish(bool ok) {
    if (input_seen_) {
        std::string& out = output_.buffer();
        if (blocks_ > 0 && !brief_) {
            out += '\n';
        }
        if (replies_ > 0 || bounces_ == 0) {
            out += std::to_string(replies_) + (replies_ == 1 ? " reply" : " replies") + ", ";
        }
        if (bounces_ > 0) {
            out += std::to_string(bounces_) +
                   (bounces_ == 1 ? " bounce recipient, " : " bounce recipients, ");
        }
        out.erase(out.size() - 2); // the last ", "
        if (statuses_ > 0) {
            out += ", " + std::to_string(statuses_) + (statuses_ == 1 ? " status" : " statuses");
        }
        out += ", " + std::to_string(warnings_) + (warnings_ == 1 ? " warning" : " warnings");
        out += ok ? "; everything understood.\n"
                  : ", " + std::to_string(errors_) + " not understood.\n";
    }
    output_.flush();
}

std::string& TextReport::begin_block() {
    std::string& out = output_.buffer();
    if (blocks_ > 0) {
        out += '\n';
    }
    ++blocks_;
    return out;
}

void TextReport::brief_line(const std::string& line, const Findings& list) {
    std::string& out = output_.buffer();
    append_terminal_text(out, line);
    std::size_t warnings = 0;
    for (const Finding& finding : list) {
        warnings += finding.severity != Severity::Note ? 1u : 0u;
    }
    if (warnings > 0) {
        out += " [" + std::to_string(warnings) + (warnings == 1 ? " warning]" : " warnings]");
    }
    out += '\n';
    ++blocks_;
    output_.maybe_flush();
}

void TextReport::location(const Location& where) {
    std::string& out = output_.buffer();
    out += source_name(where.source);
    out += " line ";
    out += std::to_string(where.line);
    if (where.origin != Origin::Transcript) {
        out += " (";
        out += origin_name(where.origin);
        out += ')';
    }
}

void TextReport::field(std::string_view label, std::string_view value) {
    std::string& out = output_.buffer();
    out += "  ";
    out += label;
    out.append(indent.size() - 2 - label.size(), ' ');
    append_terminal_text(out, value);
    out += '\n';
}

void TextReport::field_wrapped(std::string_view label, const std::string& value) {
    std::string& out = output_.buffer();
    out += "  ";
    out += label;
    out.append(indent.size() - 2 - label.size(), ' ');
    std::string safe;
    append_terminal_text(safe, value);
    append_wrapped(out, safe, indent.size(), indent);
    out += '\n';
}

void TextReport::next_field(smtp::Action action) {
    field_wrapped("next",
                  std::string(smtp::name(action)) + ": " + std::string(action_advice(action)));
}

void TextReport::quote(std::string_view raw) {
    std::string& out = output_.buffer();
    std::size_t shown = 0;
    std::size_t total = 0;
    std::string_view rest = raw;
    while (!rest.empty()) {
        const std::string_view line = take_line(rest);
        ++total;
        if (shown < 20) {
            out += "  | ";
            append_terminal_text(out, line, 300);
            out += '\n';
            ++shown;
        }
    }
    if (total > shown) {
        out += "  | ... (" + std::to_string(total - shown) + " more lines)\n";
    }
}

void TextReport::findings(const Findings& list) {
    for (const Finding& finding : list) {
        field_wrapped(severity_name(finding.severity), finding.message);
    }
}

void TextReport::basic_fields(int code, std::optional<smtp::Command> answered,
                              std::optional<smtp::EnhancedStatusCode> enhanced, bool show_command) {
    const smtp::ReplyClass reply_class = smtp::reply_class(code);
    const auto status = smtp::from_value(code);
    field_wrapped("class",
                  class_phrase(reply_class) + ": " + std::string(class_meaning(reply_class)));
    if (status && !smtp::description(*status).empty()) {
        field_wrapped("meaning", std::string(smtp::description(*status)));
    }
    if (reply_class == smtp::ReplyClass::None) {
        return; // the API's placeholders: no server sends them
    }
    if (show_command && answered) {
        field("answers", std::string(command_phrase(*answered)) + " (from --command)");
    }
    next_field(smtp::next_action(code, answered.value_or(smtp::Command::Other), enhanced));
}

void TextReport::answers_field(int code) {
    if (smtp::reply_class(code) == smtp::ReplyClass::None) {
        return;
    }
    const auto commands = commands_answered_by(code);
    // 421, 500 and 501 answer every command: say so instead of listing 14.
    std::size_t ordinary = 0;
    std::size_t listed = 0;
    for (const smtp::Command command : smtp::all_commands) {
        if (command == smtp::Command::Greeting || command == smtp::Command::DataEnd ||
            command == smtp::Command::Other) {
            continue;
        }
        ++ordinary;
        listed += smtp::is_expected_reply(command, code) ? 1u : 0u;
    }
    std::string list;
    if (listed == ordinary) {
        list = "any command";
        for (const smtp::Command command : {smtp::Command::Greeting, smtp::Command::DataEnd}) {
            if (smtp::is_expected_reply(command, code)) {
                list += ", ";
                list += command_phrase(command);
            }
        }
    } else {
        for (const smtp::Command command : commands) {
            if (!list.empty()) {
                list += ", ";
            }
            list += command_phrase(command);
        }
    }
    field_wrapped("answers", list.empty() ? std::string("no command the RFCs list it for")
                                          : "listed by the RFCs as a reply to " + list);
}

void TextReport::enhanced_fields(const smtp::EnhancedStatusCode& code) {
    field("class", std::to_string(code.status_class) + " " + std::string(smtp::class_title(code)));
    const std::string_view subject = smtp::subject_title(code);
    field("subject", std::to_string(code.subject) + " " +
                         (subject.empty() ? std::string("(no such subject in RFC 3463)")
                                          : std::string(subject)));
    if (const smtp::EnhancedStatusCodeEntry* entry = smtp::registry_entry(code)) {
        registry_fields(*entry);
    }
}

void TextReport::registry_fields(const smtp::EnhancedStatusCodeEntry& entry) {
    std::string line = registry_code(entry.subject, entry.detail);
    line +=
        entry.title.empty() ? std::string(" (no title)") : " \"" + std::string(entry.title) + "\"";
    if (entry.rfc != 0) {
        line += ", RFC " + std::to_string(entry.rfc);
        if (entry.also_rfc != 0) {
            line += " and RFC " + std::to_string(entry.also_rfc);
        }
    } else if (!entry.draft.empty()) {
        line += ", " + std::string(entry.draft);
    }
    if (entry.deprecated) {
        line += ", deprecated";
    }
    field_wrapped("registry", line);
    field_wrapped("basic", "sent with " + basic_codes_phrase(entry.basic_codes));
}

void TextReport::list_line(int code) {
    std::string& out = output_.buffer();
    const auto status = smtp::from_value(code);
    std::string number = std::to_string(code);
    out += number;
    out.append(number.size() < 5 ? 5 - number.size() : 1, ' ');
    const std::string_view name = status ? smtp::name(*status) : std::string_view();
    out += name;
    out.append(name.size() < 41 ? 41 - name.size() : 1, ' ');
    const smtp::ReplyClass reply_class = smtp::reply_class(code);
    if (reply_class == smtp::ReplyClass::None) {
        out += "---  ---      ";
    } else {
        out += static_cast<char>('0' + static_cast<int>(reply_class));
        out += "yz  ";
        const std::string_view action = smtp::name(smtp::next_action(code, smtp::Command::Other));
        out += action;
        out.append(9 - action.size(), ' ');
    }
    if (status) {
        out += smtp::description(*status);
    }
    out += '\n';
    output_.maybe_flush();
}

void TextReport::registry_line(const smtp::EnhancedStatusCodeEntry& entry) {
    std::string& out = output_.buffer();
    const std::string code = registry_code(entry.subject, entry.detail);
    out += code;
    out.append(code.size() < 8 ? 8 - code.size() : 1, ' ');
    std::string title = entry.title.empty() ? std::string("(no title)") : std::string(entry.title);
    if (entry.deprecated) {
        title += " (deprecated)";
    }
    out += title;
    out.append(title.size() < 56 ? 56 - title.size() : 1, ' ');
    std::string basic = basic_codes_phrase(entry.basic_codes);
    out += basic;
    out.append(basic.size() < 40 ? 40 - basic.size() : 1, ' ');
    if (entry.rfc != 0) {
        out += "RFC " + std::to_string(entry.rfc);
    } else {
        out += entry.draft;
    }
    out += '\n';
    output_.maybe_flush();
}

} // namespace smtp_explain
