// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/transcript.hpp"

#include "extract/commands.hpp"
#include "text.hpp"

#include <smtp/reply.hpp>
#include <smtp/semantics.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace smtp_explain {

std::string decode_python_literal(std::string_view text) {
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

bool looks_like_auth_data(std::string_view line) noexcept {
    if (line.empty()) {
        return false;
    }
    for (const char c : line) {
        if (!(is_alpha(c) || is_digit(c) || c == '+' || c == '/' || c == '=' || c == '*')) {
            return false;
        }
    }
    return true;
}

std::string without_credentials(std::string_view auth_line) {
    // Keep "AUTH PLAIN", never the initial response after it (RFC 4954
    // section 4), whatever blanks separate them.
    std::string_view rest = trim(auth_line);
    const auto word = [&rest] {
        const std::string_view taken = rest.substr(0, rest.find_first_of(" \t"));
        rest = trim_left(rest.substr(taken.size()));
        return taken;
    };
    std::string kept(word());
    if (const std::string_view mechanism = word(); !mechanism.empty()) {
        kept += ' ';
        kept.append(mechanism.data(), mechanism.size());
    }
    if (!rest.empty()) {
        kept += " ...";
    }
    return kept;
}

bool Transcript::marked_line(std::string_view text, const Line& line) {
    // A session typed by hand (telnet, openssl s_client): after 354 the
    // message follows, unmarked, up to the line holding a single dot.
    if (in_data_ && !client_prefixed_seen_) {
        if (text == ".") {
            end_data();
        }
        return true;
    }
    if (python_line(text, line)) {
        return true;
    }
    std::string_view rest;
    switch (strip_prefix(text, in_auth_, rest)) {
    case Role::Server: server_line(rest, line, Origin::Transcript); return true;
    case Role::Client: client_line(rest); return true;
    case Role::None: break;
    }
    // Unmarked lines inside a marked transcript's data: tool chatter.
    return in_data_;
}

void Transcript::unmarked_line(std::string_view text, const Line& line) {
    if (looks_like_reply_line(text)) {
        server_line(text, line, Origin::Transcript);
        return;
    }
    if (client_prefixed_seen_) {
        return; // the client's lines are marked: this is none of them
    }
    if (in_auth_) {
        // After 334 the client answers with credentials (base64, or '*' to
        // cancel): never taken as a command, whatever the line looks like.
        if (looks_like_auth_data(text)) {
            auth_answer();
        }
        return;
    }
    if (const auto command = command_from_line(text, true)) {
        client_command(*command, text);
    }
}

// Which side a marked line comes from, and the line without the mark.
// Strong marks say so whatever follows; the weak "<" and ">" (curl -v, or
// quoting in a mail) count only before a reply or a command, or after a 334
// (the client's AUTH answer).
Transcript::Role Transcript::strip_prefix(std::string_view text, bool in_auth,
                                          std::string_view& rest) {
    struct Mark {
        std::string_view text;
        Role role;
        bool needs_blank; // the mark must be followed by a blank or the end
    };
    static constexpr Mark marks[] = {
        {"SMTP<<", Role::Server, true}, {"SMTP>>", Role::Client, true}, // exim -d
        {"<<<", Role::Server, true},    {">>>", Role::Client, true},
        {"<--", Role::Server, true},    {"-->", Role::Client, true}, // msmtp
        {"<**", Role::Server, true},                                 // swaks: error reply
        {"<-", Role::Server, true},     {"->", Role::Client, true},  // swaks
        {"<~", Role::Server, true},     {"~>", Role::Client, true},  // swaks over TLS
        {"S:", Role::Server, false},    {"C:", Role::Client, false}, // RFC examples
    };
    for (const Mark& mark : marks) {
        if (!starts_with(text, mark.text)) {
            continue;
        }
        const std::string_view after = text.substr(mark.text.size());
        // "S:250 OK" is still a server line; "->foo" or "C:x" is no mark.
        const bool separated =
            after.empty() || is_blank(after[0]) ||
            (!mark.needs_blank && mark.role == Role::Server && is_digit(after[0]));
        if (!separated) {
            continue;
        }
        rest = trim_left(after);
        return mark.role;
    }
    if (starts_with(text, "< ") || starts_with(text, "> ")) {
        const std::string_view after = trim_left(text.substr(2));
        if (looks_like_reply_line(after)) {
            rest = after;
            return Role::Server;
        }
        if (text[0] == '>' && (in_auth || command_from_line(after, false))) {
            rest = after;
            return Role::Client;
        }
    }
    return Role::None;
}

// Python smtplib's debug output: "send: 'ehlo x\r\n'", "reply: b'250 OK\r\n'".
bool Transcript::python_line(std::string_view text, const Line& line) {
    Role role = Role::None;
    std::string_view literal;
    if (starts_with(text, "reply: b'") || starts_with(text, "reply: b\"")) {
        role = Role::Server;
        literal = text.substr(7);
    } else if (starts_with(text, "send: '") || starts_with(text, "send: b'") ||
               starts_with(text, "send: \"") || starts_with(text, "send: b\"")) {
        role = Role::Client;
        literal = text.substr(6);
    } else {
        return false;
    }
    const std::string decoded = decode_python_literal(literal);
    std::string_view rest = decoded;
    while (!rest.empty()) {
        const std::string_view piece = take_line(rest);
        if (role == Role::Server) {
            server_line(piece, line, Origin::Python);
        } else {
            client_line(piece);
        }
    }
    return true;
}

// A line the transcript marks as the client's.
void Transcript::client_line(std::string_view rest) {
    replies_.flush(); // the client speaks: the server's reply so far is all there is
    if (in_data_) {
        if (rest == ".") {
            end_data();
        }
        return;
    }
    if (in_auth_) {
        auth_answer(); // whatever it looks like, never a command
        return;
    }
    if (const auto command = command_from_line(rest, false)) {
        client_prefixed_seen_ = true;
        client_command(*command, rest);
    }
}

// The client's answer to 334 (RFC 4954 section 4): credentials, of which
// nothing is kept.
void Transcript::auth_answer() {
    in_auth_ = false;
    queue(smtp::Command::Auth, {});
}

void Transcript::client_command(smtp::Command command, std::string_view text) {
    queue(command, command == smtp::Command::Auth ? without_credentials(text)
                                                  : std::string(text.substr(0, max_command_text)));
}

void Transcript::queue(smtp::Command command, std::string text) {
    replies_.flush();
    client_seen_ = true;
    if (commands_.size() >= max_queued_commands) {
        commands_.pop_front();
    }
    commands_.push_back({command, std::move(text)});
}

void Transcript::end_data() {
    in_data_ = false;
    queue(smtp::Command::DataEnd, {});
}

void Transcript::server_line(std::string_view rest, const Line& line, Origin origin) {
    if (in_data_) {
        // The transcript did not show the end of the data.
        end_data();
    }
    replies_.add(rest, line.number, line.truncated, origin);
}

// A reply inside a session: it answers the oldest command still waiting.
void Transcript::reply(const smtp::Reply& reply, const Location& where, bool cut_off) {
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
    sink_.reply(ReplyEvent{where, reply, answered, text, assumed, {}, cut_off});
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

void Transcript::invalid(const InvalidReplyEvent& event) {
    in_auth_ = false; // the server spoke again: what follows answers no 334
    sink_.invalid_reply(event);
}

} // namespace smtp_explain
