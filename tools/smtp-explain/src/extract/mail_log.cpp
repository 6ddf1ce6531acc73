// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/mail_log.hpp"

#include "extract/commands.hpp"
#include "extract/reply_lines.hpp"
#include "text.hpp"

#include <smtp/enhanced_status_code.hpp>
#include <smtp/reply.hpp>
#include <smtp/semantics.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace smtp_explain {

std::string split_joined_reply(std::string_view text) {
    std::string out;
    text = trim(text);
    if (!(looks_like_reply_line(text) && text.size() > 3 && text[3] == '-')) {
        out.append(text.data(), text.size());
        out += '\n';
        return out;
    }
    const std::string_view code = text.substr(0, 3);
    std::string_view rest = text;
    for (;;) {
        if (!(rest.size() > 3 && rest[3] == '-')) {
            out.append(rest.data(), rest.size());
            out += '\n';
            return out;
        }
        std::size_t cut = std::string_view::npos;
        std::size_t skip = 0;
        for (std::size_t i = 4; i < rest.size(); ++i) {
            std::size_t separator = 0;
            if (rest[i] == ' ' || rest[i] == '\n') {
                separator = 1;
            } else if (rest[i] == '\\' && i + 1 < rest.size() && rest[i + 1] == 'n') {
                separator = 2;
            }
            if (separator == 0) {
                continue;
            }
            std::size_t j = i + separator;
            while (separator == 2 && j < rest.size() && rest[j] == ' ') {
                ++j; // Exim may indent after the escape
            }
            if (rest.substr(j, 3) == code &&
                (j + 3 == rest.size() || rest[j + 3] == '-' || rest[j + 3] == ' ')) {
                cut = i;
                skip = j - i;
                break;
            }
        }
        if (cut == std::string_view::npos) {
            out.append(rest.data(), rest.size());
            out += '\n';
            return out;
        }
        const std::string_view line = trim_right(rest.substr(0, cut));
        out.append(line.data(), line.size());
        out += '\n';
        rest.remove_prefix(cut + skip);
    }
}

std::string log_context(std::string_view s) {
    std::string out;
    for (const std::string_view key : {"from=", "to=", "relay=", "status="}) {
        std::size_t at = std::string_view::npos;
        for (std::size_t p = s.find(key); p != std::string_view::npos; p = s.find(key, p + 1)) {
            if (p > 0 && (s[p - 1] == ' ' || s[p - 1] == ',')) {
                at = p;
                break;
            }
        }
        if (at == std::string_view::npos) {
            continue;
        }
        std::string_view value = s.substr(at);
        const std::size_t end =
            value.find_first_of(value.size() > key.size() && value[key.size()] == '<' ? ">" : ", ");
        value = value.substr(
            0, end == std::string_view::npos ? value.size() : end + (value[end] == '>' ? 1u : 0u));
        if (!out.empty()) {
            out += ", ";
        }
        out.append(value.substr(0, max_command_text));
    }
    for (const std::string_view flag : {" ** ", " == ", " => ", " -> "}) {
        if (const std::size_t at = s.find(flag); out.empty() && at != std::string_view::npos) {
            std::string_view address = s.substr(at + flag.size());
            address = address.substr(0, address.find(' '));
            out.assign(address.substr(0, max_command_text));
        }
    }
    return out;
}

namespace {

// The position after ": " where a reply code starts, or npos.
std::size_t find_code_after_colon(std::string_view s, std::size_t from) {
    for (std::size_t at = s.find(": ", from); at != std::string_view::npos;
         at = s.find(": ", at + 1)) {
        if (looks_like_reply_line(s.substr(at + 2))) {
            return at + 2;
        }
    }
    return std::string_view::npos;
}

} // namespace

bool MailLog::continuation(const Line& line) {
    if (folding_ == Folding::None) {
        return false;
    }
    const std::string_view text = line.text;
    if (!text.empty() && is_blank(text[0]) && !trim(text).empty()) {
        if (folded_.size() < max_input_line) {
            folded_ += ' ';
            folded_ += trim(text);
        }
        if (folding_ == Folding::Said && folded_.find("(in reply to ") != std::string::npos) {
            finish_folding();
        }
        return true;
    }
    finish_folding();
    return false;
}

bool MailLog::line(std::string_view s, const Line& line) {
    const std::uint64_t number = line.number;
    if (const std::size_t at = s.find(" said: "); at != std::string_view::npos) {
        const std::string_view text = s.substr(at + 7);
        if (text.find("(in reply to ") != std::string_view::npos ||
            s.find("status=") != std::string_view::npos) {
            said(text, number, log_context(s.substr(0, at)));
        } else {
            begin_folding(Folding::Said, text, number); // a bounce wraps it over lines
            folded_context_ = log_context(s.substr(0, at));
        }
        return true;
    }
    if (const std::size_t at = s.find("refused to talk to me: "); at != std::string_view::npos) {
        std::string_view text = s.substr(at + 23);
        if (s.find("status=") != std::string_view::npos && !text.empty() && text.back() == ')') {
            text.remove_suffix(1);
        }
        log_reply(text, number, Origin::Postfix, smtp::Command::Greeting, {},
                  log_context(s.substr(0, at)));
        return true;
    }
    if (const std::size_t at = s.find("SMTP error from remote mail");
        at != std::string_view::npos) {
        // Exim: "SMTP error from remote mail server after RCPT TO:<a@b>: 550 ..."
        const std::size_t after = s.find(" after ", at);
        const std::size_t code =
            find_code_after_colon(s, after == std::string_view::npos ? at : after);
        if (code != std::string_view::npos) {
            std::string_view phrase;
            if (after != std::string_view::npos && after + 7 <= code - 2) {
                phrase = s.substr(after + 7, code - 2 - (after + 7));
            }
            log_reply(s.substr(code), number, Origin::Exim, command_from_verb(phrase),
                      phrase.substr(0, max_command_text), log_context(s.substr(0, at)));
        }
        return true;
    }
    if (const std::size_t at = s.find("reject: "); at != std::string_view::npos) {
        // Postfix smtpd: "NOQUEUE: reject: RCPT from host[1.2.3.4]: 550 5.1.1 ...;
        // from=<a> to=<b> proto=ESMTP helo=<h>"
        const std::string_view what = s.substr(at + 8);
        const std::string_view verb = what.substr(0, what.find(' '));
        if (const std::size_t code = find_code_after_colon(s, at); code != std::string_view::npos) {
            std::string_view text = s.substr(code);
            std::string context;
            const std::size_t tail = text.rfind("; from=<");
            if (tail != std::string_view::npos) {
                context = log_context(text.substr(tail + 1));
                text = text.substr(0, tail);
            }
            // The verb alone says less than the command's own phrase.
            log_reply(text, number, Origin::Postfix, command_from_verb(verb), {}, context);
            return true;
        }
        // Header and body checks, milters: only an enhanced code.
        for (std::size_t colon = s.find(": ", at); colon != std::string_view::npos;
             colon = s.find(": ", colon + 1)) {
            const std::string_view after = s.substr(colon + 2);
            const std::string_view token = after.substr(0, after.find(' '));
            if (const auto code = smtp::parse_enhanced_status_code(token)) {
                status(*code, number, Origin::Postfix, after);
                return true;
            }
        }
        return false;
    }
    if (const std::size_t at = s.find(" dsn="); at != std::string_view::npos) {
        // Postfix delivery agents without a reply: "dsn=4.4.1, status=deferred (...)".
        std::string_view token = s.substr(at + 5);
        token = token.substr(0, token.find(','));
        if (const auto code = smtp::parse_enhanced_status_code(token)) {
            const std::size_t context = s.find("status=", at);
            status(*code, number, Origin::Postfix,
                   context == std::string_view::npos ? std::string_view() : s.substr(context));
            return true;
        }
        return false;
    }
    if (istarts_with(s, "Diagnostic-Code:")) {
        // RFC 3464 section 2.3.6: "Diagnostic-Code: smtp; 550 5.1.1 ...",
        // possibly folded over several lines.
        const std::string_view value = trim(s.substr(16));
        if (istarts_with(value, "smtp;")) {
            begin_folding(Folding::Diagnostic, trim(value.substr(5)), number);
        }
        return true;
    }
    if (istarts_with(s, "Status:")) {
        // RFC 3464 section 2.3.4: the recipient's enhanced status code.
        const std::string_view value = trim(s.substr(7));
        const std::string_view token = value.substr(0, value.find(' '));
        if (const auto code = smtp::parse_enhanced_status_code(token)) {
            status(*code, number, Origin::Dsn, {});
            return true;
        }
    }
    return false;
}

// Postfix: "... said: 550 5.1.1 ... (in reply to RCPT TO command)".
void MailLog::said(std::string_view text, std::uint64_t line, std::string_view context) {
    std::optional<smtp::Command> answered;
    std::string_view phrase;
    const std::size_t in_reply = text.rfind("(in reply to ");
    if (in_reply != std::string_view::npos) {
        phrase = text.substr(in_reply + 13);
        phrase = phrase.substr(0, phrase.find(" command)"));
        answered = command_from_verb(phrase);
        text = trim_right(text.substr(0, in_reply));
    } else if (!text.empty() && text.back() == ')') {
        text.remove_suffix(1); // the parenthesis around status=bounced (...)
    }
    log_reply(text, line, Origin::Postfix, answered, phrase.substr(0, max_command_text), context);
}

// A reply found in a log line or a bounce: it stands alone, outside any
// session, and the log names the command it answered.
void MailLog::log_reply(std::string_view text, std::uint64_t line, Origin origin,
                        std::optional<smtp::Command> answered, std::string_view command_text,
                        std::string_view context) {
    const std::string lines = split_joined_reply(text);
    const smtp::ReplyParse parse = smtp::parse_reply(lines, options_.limits);
    const Location where{source_, line, origin};
    if (!parse.ok()) {
        sink_.invalid_reply(InvalidReplyEvent{where, parse.error, lines, parse.error_offset});
        return;
    }
    bool assumed = false;
    if (!answered && options_.default_command) {
        answered = options_.default_command;
        assumed = true;
    }
    sink_.reply(ReplyEvent{where, parse.reply, answered, command_text, assumed, context, false});
}

void MailLog::status(const smtp::EnhancedStatusCode& code, std::uint64_t line, Origin origin,
                     std::string_view context) {
    sink_.status(StatusEvent{Location{source_, line, origin}, code, context});
}

void MailLog::begin_folding(Folding folding, std::string_view text, std::uint64_t line) {
    folding_ = folding;
    folded_.assign(text.substr(0, max_input_line));
    folded_line_ = line;
}

void MailLog::finish_folding() {
    const Folding folding = folding_;
    folding_ = Folding::None;
    const std::string text = std::move(folded_);
    const std::string context = std::move(folded_context_);
    folded_.clear();
    folded_context_.clear();
    switch (folding) {
    case Folding::None: return;
    case Folding::Said: said(text, folded_line_, context); return;
    case Folding::Diagnostic:
        log_reply(text, folded_line_, Origin::Dsn, std::nullopt, {}, {});
        return;
    }
}

} // namespace smtp_explain
