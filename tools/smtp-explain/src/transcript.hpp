// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Reading replies out of what people paste: raw replies back to back, session
// transcripts (client and server lines marked as common tools print them),
// and mail logs and bounces (Postfix, Exim, RFC 3464 delivery status
// notifications). Input arrives one line at a time; everything held is
// bounded (one reply, one folded header, a short queue of commands).
#ifndef SMTP_EXPLAIN_TRANSCRIPT_HPP
#define SMTP_EXPLAIN_TRANSCRIPT_HPP

#include "analysis.hpp"
#include "facts.hpp"
#include "report.hpp"
#include "text.hpp"

#include <smtp/enhanced_status_code.hpp>
#include <smtp/reply.hpp>
#include <smtp/semantics.hpp>
#include <smtp/status_code.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

namespace smtp_explain {

/// The longest input line kept; the rest of a longer line is dropped (and a
/// server line that long is reported as too long anyway).
inline constexpr std::size_t max_input_line = 64 * 1024;
/// The most commands remembered while waiting for their replies (RFC 2920
/// pipelining); older ones are forgotten.
inline constexpr std::size_t max_queued_commands = 256;
/// The longest command text kept for the report.
inline constexpr std::size_t max_command_text = 120;

/// Whether `line` has the shape of a reply line: three digits, the first 2
/// to 5, then a space, '-', a tab (a bad separator worth reporting) or the
/// end. Lines such as "2024-05-01 ..." are not.
inline bool looks_like_reply_line(std::string_view line) noexcept {
    return line.size() >= 3 && line[0] >= '2' && line[0] <= '5' && is_digit(line[1]) &&
           is_digit(line[2]) &&
           (line.size() == 3 || line[3] == ' ' || line[3] == '-' || line[3] == '\t');
}

/// The Command for a verb as logs name it ("RCPT", "END-OF-MESSAGE",
/// "CONNECT", "end of DATA").
inline std::optional<smtp::Command> command_from_verb(std::string_view phrase) {
    phrase = trim(phrase);
    if (istarts_with(phrase, "end of ") || iequals(phrase, "END-OF-MESSAGE")) {
        return smtp::Command::DataEnd;
    }
    if (iequals(phrase, "CONNECT") || iequals(phrase, "initial connection") ||
        iequals(phrase, "initial greeting")) {
        return smtp::Command::Greeting;
    }
    if (istarts_with(phrase, "pipelined ")) {
        phrase.remove_prefix(10);
    }
    std::size_t end = 0;
    while (end < phrase.size() && phrase[end] != ' ' && phrase[end] != ':') {
        ++end;
    }
    const std::string_view verb = phrase.substr(0, end);
    if (iequals(verb, "MAIL")) {
        return smtp::Command::Mail;
    }
    if (iequals(verb, "RCPT")) {
        return smtp::Command::Rcpt;
    }
    if (const auto command = command_from_line(verb, false)) {
        return command;
    }
    if (!verb.empty()) {
        return smtp::Command::Other;
    }
    return std::nullopt;
}

/// A reply as a log writes it on one line, back into lines: Postfix joins
/// the lines of a multiline reply with spaces ("550-5.1.1 Text 550 5.1.1
/// More"), Exim writes them with "\n" escapes. Splits before each repeat of
/// the first line's code that is followed by '-' or a space, up to the line
/// that ends the reply.
inline std::string split_joined_reply(std::string_view text) {
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

/// Decodes the text of a Python bytes or str literal as smtplib's debug
/// output prints it (b'250-PIPELINING\r\n'): \r, \n, \t, \\, quotes, \xNN.
inline std::string decode_python_literal(std::string_view text) {
    std::string out;
    if (!text.empty() && (text[0] == 'b' || text[0] == 'B')) {
        text.remove_prefix(1);
    }
    if (text.empty() || (text[0] != '\'' && text[0] != '"')) {
        return out;
    }
    const char quote = text[0];
    for (std::size_t i = 1; i < text.size(); ++i) {
        const char c = text[i];
        if (c == quote) {
            break;
        }
        if (c != '\\' || i + 1 >= text.size()) {
            out += c;
            continue;
        }
        const char e = text[++i];
        switch (e) {
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'x': {
            auto hex = [](char h) -> int {
                if (h >= '0' && h <= '9') return h - '0';
                if (h >= 'a' && h <= 'f') return h - 'a' + 10;
                if (h >= 'A' && h <= 'F') return h - 'A' + 10;
                return -1;
            };
            if (i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
                out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
                i += 2;
            } else {
                out += "\\x";
            }
            break;
        }
        default:
            out += '\\';
            out += e;
            break;
        }
    }
    return out;
}

/// Options that apply to every input.
struct ReaderOptions {
    /// The command a reply answers when the input does not show it.
    std::optional<smtp::Command> default_command;
    smtp::ReplyLimits limits;
};

/// One input (a file, standard input, or text given as an argument), read
/// line by line. Call line() for each line without its line ending, then
/// finish().
class Transcript {
public:
    Transcript(Report& report, std::string_view source, const ReaderOptions& options)
        : report_(report), source_(source), options_(options) {}

    /// `truncated`: the line was longer than max_input_line and only its
    /// start is given.
    void line(std::string_view text, bool truncated) {
        ++line_number_;
        if (line_number_ == 1 && starts_with(text, "\xEF\xBB\xBF")) {
            text.remove_prefix(3); // a UTF-8 byte order mark from a Windows editor
        }
        account(text);
        if (folding_ != Folding::None) {
            if (!text.empty() && is_blank(text[0]) && !trim(text).empty()) {
                if (folded_.size() < max_input_line) {
                    folded_ += ' ';
                    folded_ += trim(text);
                }
                if (folding_ == Folding::Said && folded_.find("(in reply to ") != std::string::npos) {
                    finish_folding();
                }
                return;
            }
            finish_folding();
        }
        const std::string_view s = trim_right(trim_left(text));
        // A session typed by hand (telnet, openssl s_client): after 354 the
        // message follows, unmarked, up to the line holding a single dot.
        if (in_data_ && !client_prefixed_seen_) {
            if (s == ".") {
                end_data();
            }
            return;
        }
        if (python_line(s)) {
            return;
        }
        std::string_view rest;
        switch (strip_prefix(s, rest)) {
        case Role::Server:
            server_line(rest, truncated, "transcript");
            return;
        case Role::Client:
            client_line(rest);
            return;
        case Role::None: break;
        }
        if (in_data_) {
            return; // unmarked lines inside a marked transcript's data: tool chatter
        }
        if (log_line(s)) {
            return;
        }
        if (looks_like_reply_line(s)) {
            server_line(s, truncated, "transcript");
            return;
        }
        if (!client_prefixed_seen_) {
            if (const auto command = command_from_line(s, true)) {
                client_command(*command, s);
            } else if (in_auth_ && looks_like_auth_data(s)) {
                client_command(smtp::Command::Auth, {});
            }
        }
    }

    void finish() {
        finish_folding();
        flush_pending();
        if (found_ == 0) {
            const bool binary = control_bytes_ * 20 > total_bytes_ && total_bytes_ > 0;
            report_.no_reply(source_, line_number_, binary);
        }
    }

private:
    enum class Role { None, Server, Client };
    enum class Folding { None, Diagnostic, Said };

    struct Queued {
        smtp::Command command;
        std::string text;
    };

    void account(std::string_view text) noexcept {
        total_bytes_ += text.size() + 1;
        for (const char c : text) {
            const auto byte = static_cast<unsigned char>(c);
            if ((byte < 0x20 && byte != '\t' && byte != '\r') || byte == 0x7F) {
                ++control_bytes_;
            }
        }
    }

    // Which side a marked line comes from, and the line without the mark.
    // Strong marks say so whatever follows; the weak "<" and ">" (curl -v,
    // or quoting in a mail) count only before a reply or a command.
    static Role strip_prefix(std::string_view s, std::string_view& rest) {
        struct Mark {
            std::string_view text;
            Role role;
            bool needs_blank; // the mark must be followed by a blank or the end
        };
        static constexpr Mark marks[] = {
            {"SMTP<<", Role::Server, true}, {"SMTP>>", Role::Client, true}, // exim -d
            {"<<<", Role::Server, true},    {">>>", Role::Client, true},
            {"<--", Role::Server, true},    {"-->", Role::Client, true},    // msmtp
            {"<**", Role::Server, true},                                    // swaks: error reply
            {"<-", Role::Server, true},     {"->", Role::Client, true},     // swaks
            {"<~", Role::Server, true},     {"~>", Role::Client, true},     // swaks over TLS
            {"S:", Role::Server, false},    {"C:", Role::Client, false},    // RFC examples
        };
        for (const Mark& mark : marks) {
            if (!starts_with(s, mark.text)) {
                continue;
            }
            const std::string_view after = s.substr(mark.text.size());
            // "S:250 OK" is still a server line; "->foo" or "C:x" is no mark.
            const bool separated = after.empty() || is_blank(after[0]) ||
                                   (!mark.needs_blank && mark.role == Role::Server &&
                                    is_digit(after[0]));
            if (!separated) {
                continue;
            }
            rest = trim_left(after);
            return mark.role;
        }
        if ((starts_with(s, "< ") || starts_with(s, "> "))) {
            const std::string_view after = trim_left(s.substr(2));
            if (looks_like_reply_line(after)) {
                rest = after;
                return Role::Server;
            }
            if (s[0] == '>' && command_from_line(after, false)) {
                rest = after;
                return Role::Client;
            }
        }
        return Role::None;
    }

    // Python smtplib's debug output: "send: 'ehlo x\r\n'", "reply: b'250 OK\r\n'".
    bool python_line(std::string_view s) {
        Role role = Role::None;
        std::string_view literal;
        if (starts_with(s, "reply: b'") || starts_with(s, "reply: b\"")) {
            role = Role::Server;
            literal = s.substr(7);
        } else if (starts_with(s, "send: '") || starts_with(s, "send: b'") ||
                   starts_with(s, "send: \"") || starts_with(s, "send: b\"")) {
            role = Role::Client;
            literal = s.substr(6);
        } else {
            return false;
        }
        const std::string decoded = decode_python_literal(literal);
        std::string_view rest = decoded;
        while (!rest.empty()) {
            const std::string_view piece = take_line(rest);
            if (role == Role::Server) {
                server_line(piece, false, "python");
            } else if (in_data_) {
                if (piece == ".") {
                    end_data();
                }
            } else if (const auto command = command_from_line(piece, false)) {
                client_prefixed_seen_ = true;
                client_command(*command, piece);
            }
        }
        return true;
    }

    static bool looks_like_auth_data(std::string_view s) noexcept {
        if (s.empty()) {
            return false;
        }
        for (const char c : s) {
            if (!(is_alpha(c) || is_digit(c) || c == '+' || c == '/' || c == '=' || c == '*')) {
                return false;
            }
        }
        return true;
    }

    void client_line(std::string_view rest) {
        if (in_data_) {
            if (rest == ".") {
                end_data();
            }
            return;
        }
        if (const auto command = command_from_line(rest, false)) {
            client_prefixed_seen_ = true;
            client_command(*command, rest);
        } else if (in_auth_) {
            client_command(smtp::Command::Auth, {});
        }
    }

    void client_command(smtp::Command command, std::string_view text) {
        flush_pending();
        client_seen_ = true;
        in_auth_ = false;
        if (commands_.size() >= max_queued_commands) {
            commands_.pop_front();
        }
        std::string kept;
        if (command == smtp::Command::Auth) {
            // Keep "AUTH PLAIN", never the credentials after it.
            const std::string_view trimmed = trim(text);
            std::size_t end = trimmed.find(' ');
            if (end != std::string_view::npos) {
                const std::size_t mechanism_end = trimmed.find(' ', end + 1);
                kept.assign(trimmed.substr(0, mechanism_end));
                if (mechanism_end != std::string_view::npos) {
                    kept += " ...";
                }
            } else {
                kept.assign(trimmed);
            }
        } else {
            kept.assign(text.substr(0, max_command_text));
        }
        commands_.push_back({command, std::move(kept)});
    }

    void end_data() {
        in_data_ = false;
        client_command(smtp::Command::DataEnd, {});
    }

    void server_line(std::string_view rest, bool truncated, std::string_view origin) {
        if (in_data_) {
            // The transcript did not show the end of the data.
            end_data();
        }
        if (pending_.empty()) {
            pending_first_ = line_number_;
            pending_origin_ = origin;
        }
        pending_.append(rest.data(), rest.size());
        pending_ += '\n';
        ++pending_lines_;
        const bool more = looks_like_reply_line(rest) && rest.size() > 3 && rest[3] == '-';
        // A line over the limit ends the reply at once (the parser rejects
        // it), so at most max_lines lines of max_line_length bytes are held.
        const bool too_long = truncated || rest.size() > options_.limits.max_line_length;
        if (more && !too_long && pending_lines_ < options_.limits.max_lines) {
            return;
        }
        flush_pending();
    }

    void flush_pending() {
        if (pending_.empty()) {
            return;
        }
        std::string_view rest = pending_;
        std::uint64_t line = pending_first_;
        while (!rest.empty()) {
            const smtp::ReplyParse parse = smtp::parse_reply(rest, options_.limits);
            const Location where{source_, line, pending_origin_};
            if (!parse.ok()) {
                invalid(where, parse.error, rest);
                break;
            }
            session_reply(parse.reply, where);
            line += parse.reply.line_count();
            rest.remove_prefix(parse.consumed);
        }
        pending_.clear();
        pending_lines_ = 0;
    }

    void invalid(const Location& where, smtp::ReplyError error, std::string_view raw) {
        ++found_;
        report_.invalid_reply(InvalidReplyItem{
            where, error, raw, describe_reply_error(error, raw, options_.limits)});
    }

    // A reply inside a session: it answers the oldest command still waiting.
    void session_reply(const smtp::Reply& reply, const Location& where) {
        std::optional<smtp::Command> answered;
        std::string text;
        bool assumed = false;
        if (!commands_.empty()) {
            answered = commands_.front().command;
            text = std::move(commands_.front().text);
            commands_.pop_front();
        } else if (!client_seen_ && !reply_seen_ && reply.code() == 220) {
            answered = smtp::Command::Greeting;
        } else if (options_.default_command) {
            answered = options_.default_command;
            assumed = true;
        }
        emit(reply, where, answered, text, assumed);
        reply_seen_ = true;
        const int code = reply.code();
        in_auth_ = code == 334;
        if (answered == smtp::Command::Data && code == 354) {
            in_data_ = true;
        }
        if (answered == smtp::Command::StartTls && code == 220) {
            commands_.clear(); // RFC 3207 section 4.2: the session starts over
        }
        if (smtp::closes_connection(code)) {
            commands_.clear();
            client_seen_ = false;
            reply_seen_ = false;
            in_data_ = false;
            in_auth_ = false;
        }
    }

    void emit(const smtp::Reply& reply, const Location& where,
              std::optional<smtp::Command> answered, std::string_view command_text,
              bool assumed, std::string context = {}) {
        ++found_;
        ReplyItem item{where, &reply, answered, command_text, assumed,
                       analyse_reply(reply, answered), std::move(context)};
        report_.reply(item);
    }

    // What a log line says around a reply: Postfix's to=, relay= and
    // status= fields, or the address Exim logs after its flag.
    static std::string log_context(std::string_view s) {
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
            const std::size_t end = value.find_first_of(value.size() > key.size() &&
                                                                value[key.size()] == '<'
                                                            ? ">"
                                                            : ", ");
            value = value.substr(0, end == std::string_view::npos
                                        ? value.size()
                                        : end + (value[end] == '>' ? 1u : 0u));
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

    // A reply found in a log line or a bounce: it stands alone, outside any
    // session, and the log names the command it answered.
    void log_reply(std::string_view text, std::uint64_t line, std::string_view origin,
                   std::optional<smtp::Command> answered, std::string_view command_text,
                   std::string context = {}) {
        const std::string lines = split_joined_reply(text);
        const smtp::ReplyParse parse = smtp::parse_reply(lines, options_.limits);
        const Location where{source_, line, origin};
        if (!parse.ok()) {
            invalid(where, parse.error, lines);
            return;
        }
        bool assumed = false;
        if (!answered && options_.default_command) {
            answered = options_.default_command;
            assumed = true;
        }
        emit(parse.reply, where, answered, command_text, assumed, std::move(context));
    }

    void status(std::string_view token, std::uint64_t line, std::string_view origin,
                std::string_view context) {
        const auto code = smtp::parse_enhanced_status_code(token);
        if (!code) {
            return;
        }
        ++found_;
        StatusItem item{Location{source_, line, origin}, *code, context, {}};
        analyse_enhanced(item.findings, *code, std::nullopt);
        report_.status(item);
    }

    // Postfix: "... said: 550 5.1.1 ... (in reply to RCPT TO command)".
    void said(std::string_view text, std::uint64_t line, std::string context) {
        std::optional<smtp::Command> answered;
        std::string command_text;
        const std::size_t in_reply = text.rfind("(in reply to ");
        if (in_reply != std::string_view::npos) {
            std::string_view phrase = text.substr(in_reply + 13);
            const std::size_t end = phrase.find(" command)");
            phrase = phrase.substr(0, end);
            answered = command_from_verb(phrase);
            command_text.assign(phrase.substr(0, max_command_text));
            text = trim_right(text.substr(0, in_reply));
        } else if (!text.empty() && text.back() == ')') {
            text.remove_suffix(1); // the parenthesis around status=bounced (...)
        }
        log_reply(text, line, "postfix", answered, command_text, std::move(context));
    }

    void finish_folding() {
        const Folding folding = folding_;
        folding_ = Folding::None;
        const std::string text = std::move(folded_);
        std::string context = std::move(folded_context_);
        folded_.clear();
        folded_context_.clear();
        switch (folding) {
        case Folding::None: return;
        case Folding::Said: said(text, folded_line_, std::move(context)); return;
        case Folding::Diagnostic: log_reply(text, folded_line_, "dsn", std::nullopt, {}); return;
        }
    }

    void begin_folding(Folding folding, std::string_view text) {
        flush_pending();
        folding_ = folding;
        folded_.assign(text.substr(0, max_input_line));
        folded_line_ = line_number_;
    }

    // The position after ": " where a reply code starts, or npos.
    static std::size_t find_code_after_colon(std::string_view s, std::size_t from) {
        for (std::size_t at = s.find(": ", from); at != std::string_view::npos;
             at = s.find(": ", at + 1)) {
            if (looks_like_reply_line(s.substr(at + 2))) {
                return at + 2;
            }
        }
        return std::string_view::npos;
    }

    // Mail logs and bounces. True when the line was one (even without a
    // reply in it).
    bool log_line(std::string_view s) {
        if (const std::size_t at = s.find(" said: "); at != std::string_view::npos) {
            const std::string_view text = s.substr(at + 7);
            if (text.find("(in reply to ") != std::string_view::npos ||
                s.find("status=") != std::string_view::npos) {
                flush_pending();
                said(text, line_number_, log_context(s.substr(0, at)));
            } else {
                begin_folding(Folding::Said, text); // a bounce wraps it over lines
                folded_context_ = log_context(s.substr(0, at));
            }
            return true;
        }
        if (const std::size_t at = s.find("refused to talk to me: "); at != std::string_view::npos) {
            flush_pending();
            std::string_view text = s.substr(at + 23);
            if (s.find("status=") != std::string_view::npos && !text.empty() && text.back() == ')') {
                text.remove_suffix(1);
            }
            log_reply(text, line_number_, "postfix", smtp::Command::Greeting, {},
                      log_context(s.substr(0, at)));
            return true;
        }
        if (const std::size_t at = s.find("SMTP error from remote mail");
            at != std::string_view::npos) {
            // Exim: "SMTP error from remote mail server after RCPT TO:<a@b>: 550 ..."
            const std::size_t after = s.find(" after ", at);
            const std::size_t code = find_code_after_colon(s, after == std::string_view::npos ? at : after);
            if (code != std::string_view::npos) {
                flush_pending();
                std::string_view phrase;
                if (after != std::string_view::npos && after + 7 <= code - 2) {
                    phrase = s.substr(after + 7, code - 2 - (after + 7));
                }
                log_reply(s.substr(code), line_number_, "exim", command_from_verb(phrase),
                          phrase.substr(0, max_command_text), log_context(s.substr(0, at)));
            }
            return true;
        }
        if (const std::size_t at = s.find("reject: "); at != std::string_view::npos) {
            // Postfix smtpd: "NOQUEUE: reject: RCPT from host[1.2.3.4]: 550 5.1.1 ...;
            // from=<a> to=<b> proto=ESMTP helo=<h>"
            const std::string_view what = s.substr(at + 8);
            const std::size_t verb_end = what.find(' ');
            const std::string_view verb = what.substr(0, verb_end);
            const std::size_t code = find_code_after_colon(s, at);
            std::string_view text;
            if (code != std::string_view::npos) {
                text = s.substr(code);
                std::string context;
                const std::size_t tail = text.rfind("; from=<");
                if (tail != std::string_view::npos) {
                    context = log_context(text.substr(tail + 1));
                    text = text.substr(0, tail);
                }
                flush_pending();
                // The verb alone says less than the command's own phrase.
                log_reply(text, line_number_, "postfix", command_from_verb(verb), {},
                          std::move(context));
                return true;
            }
            // Header and body checks, milters: only an enhanced code.
            for (std::size_t colon = s.find(": ", at); colon != std::string_view::npos;
                 colon = s.find(": ", colon + 1)) {
                const std::string_view after = s.substr(colon + 2);
                const std::string_view token = after.substr(0, after.find(' '));
                if (smtp::parse_enhanced_status_code(token)) {
                    flush_pending();
                    status(token, line_number_, "postfix", after);
                    return true;
                }
            }
            return false;
        }
        if (const std::size_t at = s.find(" dsn="); at != std::string_view::npos) {
            // Postfix delivery agents without a reply: "dsn=4.4.1, status=deferred (...)".
            std::string_view token = s.substr(at + 5);
            token = token.substr(0, token.find(','));
            if (smtp::parse_enhanced_status_code(token)) {
                flush_pending();
                const std::size_t context = s.find("status=", at);
                status(token, line_number_, "postfix",
                       context == std::string_view::npos ? std::string_view() : s.substr(context));
                return true;
            }
            return false;
        }
        if (istarts_with(s, "Diagnostic-Code:")) {
            // RFC 3464 section 2.3.6: "Diagnostic-Code: smtp; 550 5.1.1 ...",
            // possibly folded over several lines.
            std::string_view value = trim(s.substr(16));
            if (istarts_with(value, "smtp;")) {
                begin_folding(Folding::Diagnostic, trim(value.substr(5)));
            }
            return true;
        }
        if (istarts_with(s, "Status:")) {
            // RFC 3464 section 2.3.4: the recipient's enhanced status code.
            const std::string_view value = trim(s.substr(7));
            const std::string_view token = value.substr(0, value.find(' '));
            if (smtp::parse_enhanced_status_code(token)) {
                flush_pending();
                status(token, line_number_, "dsn", {});
                return true;
            }
        }
        return false;
    }

    Report& report_;
    std::string_view source_;
    const ReaderOptions& options_;

    std::uint64_t line_number_ = 0;
    std::uint64_t found_ = 0;
    std::uint64_t total_bytes_ = 0;
    std::uint64_t control_bytes_ = 0;

    // The session.
    std::deque<Queued> commands_;
    bool client_prefixed_seen_ = false;
    bool client_seen_ = false;
    bool reply_seen_ = false;
    bool in_data_ = false;
    bool in_auth_ = false;

    // The reply being read.
    std::string pending_;
    std::size_t pending_lines_ = 0;
    std::uint64_t pending_first_ = 0;
    std::string_view pending_origin_;

    // A header or log line continued on the following indented lines.
    Folding folding_ = Folding::None;
    std::string folded_;
    std::string folded_context_;
    std::uint64_t folded_line_ = 0;
};

/// Reads `file` line by line into `transcript`, holding at most
/// max_input_line bytes of a line. Returns false on a read error.
inline bool read_lines(std::FILE* file, Transcript& transcript) {
    static char buffer[1 << 16];
    std::string line;
    line.reserve(1024);
    bool truncated = false;
    for (;;) {
        const std::size_t got = std::fread(buffer, 1, sizeof buffer, file);
        if (got == 0) {
            break;
        }
        std::string_view chunk(buffer, got);
        while (!chunk.empty()) {
            const void* hit = std::memchr(chunk.data(), '\n', chunk.size());
            const std::size_t take = hit != nullptr
                                         ? static_cast<std::size_t>(
                                               static_cast<const char*>(hit) - chunk.data())
                                         : chunk.size();
            const std::size_t room = max_input_line - line.size();
            if (take > room) {
                truncated = true;
            }
            line.append(chunk.data(), take < room ? take : room);
            if (hit == nullptr) {
                break;
            }
            chunk.remove_prefix(take + 1);
            std::string_view text = line;
            if (!text.empty() && text.back() == '\r') {
                text.remove_suffix(1);
            }
            transcript.line(text, truncated);
            line.clear();
            truncated = false;
        }
    }
    const bool ok = std::ferror(file) == 0;
    if (!line.empty() || truncated) {
        std::string_view text = line;
        if (!text.empty() && text.back() == '\r') {
            text.remove_suffix(1);
        }
        transcript.line(text, truncated);
    }
    transcript.finish();
    return ok;
}

/// Feeds text given on the command line, split at line ends.
inline void read_text(std::string_view text, Transcript& transcript) {
    while (!text.empty()) {
        const std::string_view line = take_line(text);
        const bool truncated = line.size() > max_input_line;
        transcript.line(line.substr(0, max_input_line), truncated);
    }
    transcript.finish();
}

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_TRANSCRIPT_HPP
