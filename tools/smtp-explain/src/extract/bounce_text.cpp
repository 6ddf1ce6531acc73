// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/bounce_text.hpp"

#include "extract/commands.hpp"
#include "text.hpp"

#include <smtp/delivery_status.hpp>
#include <smtp/enhanced_status_code.hpp>

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain {

namespace {

constexpr std::size_t npos = std::string_view::npos;

// The longest logical line read for a reply: far beyond any reply a bounce
// quotes (RFC 5321 allows 512 octets a line), and a bound on the work.
constexpr std::size_t max_logical_line = 16 * 1024;

// One line of a text and where it starts.
struct TextLine {
    std::string_view text; // without its line end
    std::size_t offset;
};

std::vector<TextLine> split_lines(std::string_view text) {
    std::vector<TextLine> lines;
    std::size_t at = 0;
    while (at < text.size()) {
        std::string_view rest = text.substr(at);
        const std::size_t start = at;
        const std::size_t lf = rest.find('\n');
        at = lf == npos ? text.size() : at + lf + 1;
        lines.push_back({take_line(rest), start});
    }
    return lines;
}

std::string lower_case(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        c = ascii_lower(c);
    }
    return out;
}

bool is_blank_line(std::string_view line) { return trim(line).empty() || trim(line) == "\r"; }

std::size_t indentation(std::string_view line) {
    std::size_t n = 0;
    while (n < line.size() && is_blank(line[n])) {
        ++n;
    }
    return n;
}

// Case-insensitive search.
std::size_t ifind(std::string_view text, std::string_view word, std::size_t from = 0) {
    if (word.empty() || text.size() < word.size()) {
        return npos;
    }
    for (std::size_t i = from; i + word.size() <= text.size(); ++i) {
        if (iequals(text.substr(i, word.size()), word)) {
            return i;
        }
    }
    return npos;
}

bool icontains(std::string_view text, std::string_view word) { return ifind(text, word) != npos; }

// Whether `text` holds any of `phrases`, in any case, also where the notice
// wrapped a phrase across lines (Postfix: "your message could not\nbe
// delivered").
template <std::size_t N>
bool contains_any(std::string_view text, const std::string_view (&phrases)[N]) {
    const std::string words = collapse_space(text);
    for (const std::string_view phrase : phrases) {
        if (icontains(words, phrase)) {
            return true;
        }
    }
    return false;
}

// The decoration around a marker line: "----- Original message -----".
bool is_decoration(char c) { return c == '-' || c == '=' || c == '*' || c == '_' || is_blank(c); }

std::string_view strip_decoration(std::string_view text) {
    std::size_t first = 0;
    while (first < text.size() && is_decoration(text[first])) {
        ++first;
    }
    std::size_t last = text.size();
    while (last > first && is_decoration(text[last - 1])) {
        --last;
    }
    return text.substr(first, last - first);
}

// The phrases of the lines that introduce a returned original.
constexpr std::string_view decorated_markers[] = {
    "this is a copy of the message",
    "below this line is a copy of the message",
    "original message",
    "returned message",
    "unsent message",
    "the header of the original message",
};
constexpr std::string_view plain_markers[] = {
    "this is a copy of the message",
    "below this line is a copy of the message",
    "below is a copy of the original message",
    "original message follows",
    "original mail as follows",
    "included is a copy of the message header",
};

// A header field of a message: "Received: from ...".
bool is_header_line(std::string_view line) {
    static constexpr std::string_view names[] = {
        "received:", "return-path:", "from:", "to:", "subject:", "date:", "message-id:",
        "delivered-to:", "x-original-to:", "mime-version:", "content-type:"};
    const std::string_view text = trim_left(line);
    for (const std::string_view name : names) {
        if (istarts_with(text, name)) {
            return true;
        }
    }
    return false;
}

bool is_marker_line(const std::vector<TextLine>& lines, std::size_t index) {
    const std::string_view line = lines[index].text;
    const std::string_view text = trim(line);
    if (text.empty()) {
        return false;
    }
    // An original pasted without a marker, or quoted line by line with '>'
    // (">Return-Path: <s@b>", as LLNL's postmaster returns it).
    const std::string_view field = starts_with(line, ">") ? line.substr(1) : line;
    if (istarts_with(field, "Received:") || istarts_with(field, "Return-Path:")) {
        return true;
    }
    if (is_decoration(text[0]) && text[0] != ' ') {
        const std::string_view phrase = strip_decoration(text);
        for (const std::string_view marker : decorated_markers) {
            if (istarts_with(phrase, marker)) {
                return true;
            }
        }
    }
    for (const std::string_view marker : plain_markers) {
        if (istarts_with(text, marker)) {
            return true;
        }
    }
    if (istarts_with(text, "the original message was received at")) {
        // Followed by header fields, or (Sendmail) by prose.
        for (std::size_t next = index + 1; next < lines.size(); ++next) {
            if (!is_blank_line(lines[next].text)) {
                return is_header_line(lines[next].text);
            }
        }
    }
    return false;
}

bool is_local_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c >= 0x80 || std::string_view("!#$%&'*+/=?^_`{|}~.-").find(static_cast<char>(c)) != npos;
}

bool is_domain_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c >= 0x80;
}

// The start of the address whose '@' is at `at`, or npos.
std::size_t address_start(std::string_view text, std::size_t at) {
    std::size_t start = at;
    while (start > 0 && is_local_char(static_cast<unsigned char>(text[start - 1]))) {
        --start;
    }
    return start < at && address_length_at(text, start) != 0 ? start : npos;
}

struct Found {
    std::string_view address;
    std::size_t line; // index into the lines
};

bool excluded(std::string_view address, const std::vector<std::string_view>& exclude) {
    for (const std::string_view other : exclude) {
        if (iequals(address, other)) {
            return true;
        }
    }
    return false;
}

// An address at the start of the line: "<a@b>:", "  a@b", "* a@b", "\"a@b\":",
// ">>> a@b" (Active!hunter), and Sendmail's own error line "554 <a@b>... 550
// Host unknown".
std::string_view leading_address(std::string_view line) {
    std::string_view text = trim_left(line);
    for (const std::string_view bullet : {"* ", "- ", "-- ", ">>> "}) {
        if (starts_with(text, bullet)) {
            text = trim_left(text.substr(bullet.size()));
        }
    }
    bool sendmail = false;
    if (text.size() > 4 && is_digit(text[0]) && is_digit(text[1]) && is_digit(text[2]) &&
        text[3] == ' ') {
        text = trim_left(text.substr(4));
        const std::size_t space = text.find(' ');
        if (space != npos && smtp::parse_enhanced_status_code(text.substr(0, space))) {
            text = trim_left(text.substr(space));
        }
        sendmail = true;
    }
    if (starts_with(text, "<") || (!sendmail && starts_with(text, "\""))) {
        text.remove_prefix(1);
    } else if (sendmail) {
        return {};
    }
    const std::size_t length = address_length_at(text, 0);
    if (sendmail && text.substr(length, 4) != ">...") {
        return {};
    }
    return text.substr(0, length);
}

// A line of a session transcript: Sendmail's and Courier's ">>> RCPT
// TO:<a@b>" and "<<< 550 ...", Postfix's "In: DATA" and "Out: 451 ...".
bool is_transcript_line(std::string_view content) {
    return starts_with(content, ">>>") || starts_with(content, "<<<") ||
           starts_with(content, "In:") || starts_with(content, "Out:");
}

// A line with the lines that continue it, joined with single spaces.
struct LogicalLine {
    std::string text;
    std::size_t first; // index of its first line
};

// Whether `line` ends with a colon, before any decoration: a list's label,
// "Failed addresses:" or Smail 3's framed "|---- Failed addresses follow:
// ----|".
bool ends_with_label(std::string_view line) {
    std::size_t end = line.size();
    while (end > 0 && (is_decoration(line[end - 1]) || line[end - 1] == '|')) {
        --end;
    }
    return end > 0 && line[end - 1] == ':';
}

// Whether `content` starts with a reply code as a word: "552 ...", "250-...".
bool starts_with_reply_code(std::string_view content) {
    return content.size() >= 3 && content[0] >= '2' && content[0] <= '5' && is_digit(content[1]) &&
           is_digit(content[2]) &&
           (content.size() == 3 || content[3] == ' ' || content[3] == '-');
}

// Whether one of lines[start..j) holds "NNN-": a multiline reply with the
// code `content` starts with, not yet at its last line.
bool continues_reply(const std::vector<TextLine>& lines, std::size_t start, std::size_t j,
                     std::string_view content) {
    const std::string marker = std::string(content.substr(0, 3)) + '-';
    for (std::size_t k = start; k < j; ++k) {
        if (lines[k].text.find(marker) != npos) {
            return true;
        }
    }
    return false;
}

// Whether lines[j] continues the logical line that starts at lines[start]:
// indented, at least as far as that line (Postfix and Exim wrap so), and
// neither a transcript line, nor a recipient at the start's indentation
// (Exim lists recipients one under the other), nor an address after a line
// that ends with a colon (a list under its label), nor a reply at the
// start's indentation that is no further line of a multiline reply there
// (MDaemon's session transcript, one reply or command a line).
bool continues(const std::vector<TextLine>& lines, std::size_t start, std::size_t j) {
    const std::string_view line = lines[j].text;
    const std::size_t indent = indentation(lines[start].text);
    const std::size_t more = indentation(line);
    const std::string_view content = trim(line);
    if (is_blank_line(line) || more == 0 || more < indent || is_transcript_line(content)) {
        return false;
    }
    if (more == indent && starts_with_reply_code(content) &&
        !continues_reply(lines, start, j, content)) {
        return false;
    }
    const bool address = !leading_address(line).empty();
    return !(address && (more == indent || ends_with_label(lines[j - 1].text)));
}

std::vector<LogicalLine> logical_lines(const std::vector<TextLine>& lines) {
    std::vector<LogicalLine> out;
    std::size_t i = 0;
    while (i < lines.size()) {
        if (is_blank_line(lines[i].text)) {
            ++i;
            continue;
        }
        LogicalLine logical{std::string(trim(lines[i].text)), i};
        std::size_t next = i + 1;
        while (next < lines.size() && continues(lines, i, next)) {
            if (logical.text.size() < max_logical_line) {
                logical.text += ' ';
                logical.text += trim(lines[next].text);
            }
            ++next;
        }
        out.push_back(std::move(logical));
        i = next;
    }
    return out;
}

// Words before a colon that name a sender, not a recipient.
bool is_sender_cue(std::string_view cue) {
    cue = trim(cue);
    const std::size_t space = cue.rfind(' ');
    const std::string_view last = space == npos ? cue : cue.substr(space + 1);
    static constexpr std::string_view senders[] = {
        "from", "sender", "reply-to", "return-path", "errors-to", "cc", "bcc", "message-id",
        "references", "in-reply-to", "envelope-from", "contact"};
    for (const std::string_view sender : senders) {
        if (iequals(last, sender)) {
            return true;
        }
    }
    return false;
}

// Addresses right after a colon: "Unknown user: a@b", "RCPT TO:<a@b>".
void addresses_after_colon(std::string_view line, std::size_t index, std::vector<Found>& out) {
    for (std::size_t colon = line.find(':'); colon != npos; colon = line.find(':', colon + 1)) {
        std::size_t at = colon + 1;
        while (at < line.size() && is_blank(line[at])) {
            ++at;
        }
        if (at < line.size() && line[at] == '<') {
            ++at;
        }
        const std::size_t length = address_length_at(line, at);
        if (length != 0 && !is_sender_cue(line.substr(0, colon))) {
            out.push_back({line.substr(at, length), index});
        }
    }
}

// Addresses after the words that say the message was for them, in a
// sentence: "undeliverable to a@b" (IMail), "unable to deliver your message
// to a@b", "Failed to deliver to '<a@b>'" (CommuniGate Pro), "addressed to
// 'a@b'", "(Originally addressed to a@b)" (VOPmail), "(generated from a@b)"
// (Exim, for an address it did not disclose), "SMTP Server <mx> rejected
// recipient <a@b>" (sisimai's X6 samples).
void addresses_after_cue(std::string_view line, std::size_t index, std::vector<Found>& out) {
    static constexpr std::string_view cues[] = {
        "undeliverable to ", "message to ",     "deliver to ", "delivered to ",
        "addressed to ",     "generated from ", "mailbox ",    "rejected recipient "};
    for (const std::string_view cue : cues) {
        for (std::size_t at = ifind(line, cue); at != npos; at = ifind(line, cue, at + 1)) {
            std::size_t start = at + cue.size();
            while (start < line.size() &&
                   (line[start] == '\'' || line[start] == '"' || line[start] == '<')) {
                ++start;
            }
            if (const std::size_t length = address_length_at(line, start); length != 0) {
                out.push_back({line.substr(start, length), index});
            }
        }
    }
}

// The remote server named in `text`: "host NAME[ip]", "host NAME [ip]",
// "while talking to NAME.:".
std::string remote_in(std::string_view text) {
    std::string_view name;
    if (const std::size_t at = ifind(text, "while talking to "); at != npos) {
        name = text.substr(at + 17);
    } else if (const std::size_t colon = ifind(text, "host: "); colon != npos) {
        name = trim_left(text.substr(colon + 6));
    } else {
        for (std::size_t host = ifind(text, "host "); host != npos;
             host = ifind(text, "host ", host + 1)) {
            if (host == 0 || !is_alpha(text[host - 1])) {
                name = text.substr(host + 5);
                break;
            }
        }
    }
    std::size_t end = 0;
    while (end < name.size() && is_domain_char(static_cast<unsigned char>(name[end]))) {
        ++end;
    }
    name = name.substr(0, end);
    while (!name.empty() && (name.back() == '.' || name.back() == '-')) {
        name.remove_suffix(1);
    }
    // A name, not a number or a word: it has a dot.
    return name.find('.') != npos ? std::string(name) : std::string();
}

// Postfix's words after a reply: "(in reply to RCPT TO command)".
constexpr std::string_view in_reply_to = "(in reply to ";

// The command named after `in_reply`, where `text` says in_reply_to.
std::optional<smtp::Command> command_in_reply_to(std::string_view text, std::size_t in_reply) {
    std::string_view phrase = text.substr(in_reply + in_reply_to.size());
    phrase = phrase.substr(0, ifind(phrase, " command"));
    return command_from_verb(phrase);
}

// The command a reply answered, from what stands before it: Exim's "after
// RCPT TO:<a@b>:", "after end of data:".
std::optional<smtp::Command> command_before(std::string_view before) {
    const std::size_t after = ifind(before, " after ");
    if (after == npos) {
        return std::nullopt;
    }
    std::string_view phrase = trim(before.substr(after + 7));
    // "RCPT TO:<a@b>:", "end of data:": up to the colon that ends the phrase.
    while (!phrase.empty() && (phrase.back() == ':' || is_blank(phrase.back()))) {
        phrase.remove_suffix(1);
    }
    if (const std::size_t host = ifind(phrase, " host "); host != npos) {
        phrase = phrase.substr(0, host);
    }
    const auto command = command_from_verb(phrase);
    return command && *command != smtp::Command::Other ? command : std::nullopt;
}

// The reply in `line` from its code on, as a diagnostic; `reply` was read
// from `input`, a part of `line`.
std::string reply_from_code(std::string_view line, std::string_view input,
                            const smtp::DiagnosticReply& reply) {
    const std::string_view before = reply.before();
    std::size_t start = static_cast<std::size_t>(
        (before.empty() ? input.data() : before.data() + before.size()) - line.data());
    bool quoted = start > 0 && start <= line.size() && line[start - 1] == '"';
    while (start < line.size() && (is_blank(line[start]) || line[start] == '"')) {
        quoted = quoted || line[start] == '"';
        ++start;
    }
    std::string_view reply_text = line.substr(start < line.size() ? start : line.size());
    // A quoted reply without its closing quote.
    if (quoted && ends_with(reply_text, "\"")) {
        reply_text.remove_suffix(1);
    }
    return std::string(reply_text);
}

// read_reply_text on a logical line of a notice; failing a reply there, the
// one quoted after a colon: L-Soft LSMTP's `Mailer mx.example said: "554
// ..."`.
smtp::DiagnosticReply read_line_reply(std::string_view line, std::string_view& input) {
    const smtp::DiagnosticReply reply = read_reply_text(line, input);
    if (reply.found()) {
        return reply;
    }
    for (std::size_t quote = line.find('"'); quote != npos; quote = line.find('"', quote + 1)) {
        std::size_t before = quote;
        while (before > 0 && is_blank(line[before - 1])) {
            --before;
        }
        if (before > 0 && line[before - 1] == ':') {
            const smtp::DiagnosticReply quoted = read_reply_text(line.substr(quote + 1), input);
            if (quoted.code()) {
                return quoted;
            }
        }
    }
    input = line;
    return reply;
}

// Decodes the character reference at `at` ("&amp;", "&#160;"); appends its
// text and returns its length, or 0.
std::size_t character_reference(std::string_view html, std::size_t at, std::string& out) {
    static constexpr struct {
        std::string_view name;
        std::string_view text;
    } named[] = {{"&amp;", "&"},  {"&lt;", "<"},    {"&gt;", ">"},
                 {"&quot;", "\""}, {"&apos;", "'"}, {"&nbsp;", " "}};
    for (const auto& entity : named) {
        if (istarts_with(html.substr(at), entity.name)) {
            out += entity.text;
            return entity.name.size();
        }
    }
    if (html.substr(at, 2) == "&#") {
        std::size_t end = at + 2;
        const bool hex = end < html.size() && (html[end] == 'x' || html[end] == 'X');
        end += hex ? 1 : 0;
        unsigned long value = 0;
        const std::size_t digits = end;
        while (end < html.size() && end - digits < 7 &&
               (is_digit(html[end]) ||
                (hex && std::string_view("abcdefABCDEF").find(html[end]) != npos))) {
            const char c = ascii_lower(html[end]);
            value = value * (hex ? 16u : 10u) +
                    static_cast<unsigned long>(is_digit(c) ? c - '0' : c - 'a' + 10);
            ++end;
        }
        if (end > digits && end < html.size() && html[end] == ';' && value > 0 &&
            value < 0x110000 && !(value >= 0xd800 && value < 0xe000)) {
            // UTF-8 of the code point.
            if (value < 0x80) {
                out += static_cast<char>(value);
            } else if (value < 0x800) {
                out += static_cast<char>(0xc0 | (value >> 6));
                out += static_cast<char>(0x80 | (value & 0x3f));
            } else if (value < 0x10000) {
                out += static_cast<char>(0xe0 | (value >> 12));
                out += static_cast<char>(0x80 | ((value >> 6) & 0x3f));
                out += static_cast<char>(0x80 | (value & 0x3f));
            } else {
                out += static_cast<char>(0xf0 | (value >> 18));
                out += static_cast<char>(0x80 | ((value >> 12) & 0x3f));
                out += static_cast<char>(0x80 | ((value >> 6) & 0x3f));
                out += static_cast<char>(0x80 | (value & 0x3f));
            }
            return end + 1 - at;
        }
    }
    return 0;
}

} // namespace

std::size_t quoted_original_start(std::string_view text) {
    const std::vector<TextLine> lines = split_lines(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (is_marker_line(lines, i)) {
            return lines[i].offset;
        }
    }
    return npos;
}

smtp::DiagnosticReply read_reply_text(std::string_view text, std::string_view& input) {
    input = text;
    const smtp::DiagnosticReply reply = smtp::read_diagnostic(text);
    if (const auto code = reply.code(); code && !reply.enhanced()) {
        const smtp::DiagnosticReply again = smtp::read_diagnostic(reply.text());
        if (again.code() == code && again.before().empty()) {
            input = reply.text();
            return again;
        }
    }
    // A greeting or other positive reply quoted before the failure, its
    // lines joined ("220-laposte 421 4.2.1 Service refuse"): the failure
    // that follows is the reply.
    if (const int code = reply.code().value_or(0); code >= 200 && code < 400) {
        const smtp::DiagnosticReply after = smtp::read_diagnostic(reply.text());
        if (after.code().value_or(0) >= 400) {
            input = reply.text();
            return after;
        }
    }
    return reply;
}

smtp::DiagnosticReply quoted_cause(std::string_view text) {
    for (std::size_t open = text.rfind('<'); open != npos;
         open = open == 0 ? npos : text.rfind('<', open - 1)) {
        const std::size_t close = text.find('>', open);
        if (close == npos) {
            continue;
        }
        const smtp::DiagnosticReply reply =
            smtp::read_diagnostic(text.substr(open + 1, close - open - 1));
        const int code = reply.code().value_or(0);
        if (reply.before().empty() && (code / 100 == 4 || code / 100 == 5)) {
            return reply;
        }
    }
    return {};
}

std::optional<smtp::EnhancedStatusCode> status_after_hash(std::string_view text,
                                                          std::size_t hash) noexcept {
    std::size_t end = hash + 1;
    while (end < text.size() && (is_digit(text[end]) || text[end] == '.')) {
        ++end;
    }
    return smtp::parse_enhanced_status_code(text.substr(hash + 1, end - hash - 1));
}

std::optional<smtp::EnhancedStatusCode> hashed_status(std::string_view text) {
    for (std::size_t at = text.find('#'); at != npos; at = text.find('#', at + 1)) {
        if (at > 0 && !(text[at - 1] == '(' || is_blank(text[at - 1]))) {
            continue;
        }
        if (const auto code = status_after_hash(text, at)) {
            return code;
        }
    }
    return std::nullopt;
}

std::string_view before_quoted_original(std::string_view text) {
    const std::size_t start = quoted_original_start(text);
    return start == npos ? text : text.substr(0, start);
}

std::string html_to_text(std::string_view html) {
    std::string out;
    std::size_t at = 0;
    while (at < html.size()) {
        const char c = html[at];
        if (c == '<') {
            const std::size_t end = html.find('>', at);
            if (end == npos) {
                break;
            }
            std::string_view tag = html.substr(at + 1, end - at - 1);
            const bool closing = starts_with(tag, "/");
            if (closing) {
                tag.remove_prefix(1);
            }
            std::size_t name_end = 0;
            while (name_end < tag.size() && is_alpha(tag[name_end])) {
                ++name_end;
            }
            const std::string_view name = tag.substr(0, name_end);
            if (!closing && (iequals(name, "style") || iequals(name, "script") ||
                             iequals(name, "head"))) {
                // Their content is no text: skip to the closing tag.
                const std::size_t close = ifind(html, std::string("</") + std::string(name), end);
                at = close == npos ? html.size() : close;
                continue;
            }
            if (iequals(name, "br") || (closing && (iequals(name, "p") || iequals(name, "div") ||
                                                    iequals(name, "tr") || iequals(name, "li")))) {
                out += '\n';
            }
            at = end + 1;
            continue;
        }
        if (c == '&') {
            if (const std::size_t length = character_reference(html, at, out); length != 0) {
                at += length;
                continue;
            }
        }
        out += c;
        ++at;
    }
    return out;
}

std::string notice_text(const DecodedMessage& message) {
    bool has_plain = false;
    for (const MessagePart& part : message.parts) {
        has_plain = has_plain || (!part.in_original && !part.preamble &&
                                  part.content_type.is_media("text") &&
                                  !part.content_type.is("text/html"));
    }
    std::string out;
    for (const MessagePart& part : message.parts) {
        if (part.in_original || !part.content_type.is_media("text") ||
            out.size() >= max_notice_size) {
            continue;
        }
        const bool html = part.content_type.is("text/html");
        if (html && has_plain) {
            continue;
        }
        if (!out.empty()) {
            out += "\n\n";
        }
        const std::string_view text =
            utf8_prefix(part.text, max_notice_size > out.size() ? max_notice_size - out.size() : 0);
        if (html) {
            out += before_quoted_original(html_to_text(text));
        } else {
            out += before_quoted_original(text);
        }
    }
    return out;
}

std::size_t address_length_at(std::string_view text, std::size_t at) noexcept {
    std::size_t p = at;
    while (p < text.size() && is_local_char(static_cast<unsigned char>(text[p]))) {
        ++p;
    }
    if (p == at || p >= text.size() || text[p] != '@' || text[at] == '.') {
        return 0;
    }
    const std::size_t domain = ++p;
    if (p < text.size() && text[p] == '[') {
        const std::size_t close = text.find(']', p);
        if (close == npos || close - p > 64) {
            return 0;
        }
        for (std::size_t i = p + 1; i < close; ++i) {
            if (!(is_digit(text[i]) || text[i] == '.' || text[i] == ':' || is_alpha(text[i]))) {
                return 0;
            }
        }
        return close + 1 - at;
    }
    while (p < text.size() && is_domain_char(static_cast<unsigned char>(text[p]))) {
        ++p;
    }
    // Not the sentence's full stop or a hyphen at the end.
    while (p > domain && (text[p - 1] == '.' || text[p - 1] == '-')) {
        --p;
    }
    const std::string_view name = text.substr(domain, p - domain);
    if (name.empty() || name[0] == '.' || name[0] == '-' || name.find('.') == npos ||
        name.find("..") != npos) {
        return 0;
    }
    return p - at;
}

std::string_view first_address(std::string_view text) noexcept {
    for (std::size_t at = text.find('@'); at != npos; at = text.find('@', at + 1)) {
        if (const std::size_t start = address_start(text, at); start != npos) {
            return text.substr(start, address_length_at(text, start));
        }
    }
    return {};
}

std::vector<std::string_view> addresses(std::string_view text) {
    std::vector<std::string_view> out;
    for (std::size_t at = text.find('@'); at != npos; at = text.find('@', at + 1)) {
        if (const std::size_t start = address_start(text, at); start != npos) {
            out.push_back(text.substr(start, address_length_at(text, start)));
        }
    }
    return out;
}

std::vector<NoticeBlock> notice_blocks(std::string_view notice,
                                       const std::vector<std::string_view>& exclude) {
    const std::vector<TextLine> lines = split_lines(notice);
    std::vector<Found> found;
    for (const LogicalLine& line : logical_lines(lines)) {
        const std::string_view address = leading_address(lines[line.first].text);
        if (!address.empty()) {
            found.push_back({address, line.first});
        }
    }
    if (found.empty()) {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            addresses_after_colon(lines[i].text, i, found);
        }
    }
    if (found.empty()) {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            addresses_after_cue(lines[i].text, i, found);
        }
    }
    // First appearances only, and none of `exclude`.
    std::vector<Found> kept;
    std::set<std::string> seen;
    for (const Found& candidate : found) {
        if (kept.size() == max_notice_recipients) {
            break;
        }
        if (!excluded(candidate.address, exclude) &&
            seen.insert(lower_case(candidate.address)).second) {
            kept.push_back(candidate);
        }
    }
    std::vector<NoticeBlock> blocks;
    for (std::size_t k = 0; k < kept.size(); ++k) {
        const std::size_t begin = lines[kept[k].line].offset;
        const std::size_t end =
            k + 1 < kept.size() && kept[k + 1].line > kept[k].line ? lines[kept[k + 1].line].offset
                                                                   : notice.size();
        blocks.push_back({kept[k].address, notice.substr(begin, end - begin)});
    }
    return blocks;
}

std::string_view notice_head(std::string_view notice, const std::vector<NoticeBlock>& blocks) {
    if (blocks.empty()) {
        return notice;
    }
    return notice.substr(0, static_cast<std::size_t>(blocks.front().text.data() - notice.data()));
}

NoticeIndex index_blocks(const std::vector<NoticeBlock>& blocks) {
    NoticeIndex index;
    for (const NoticeBlock& block : blocks) {
        index.emplace(lower_case(block.address), &block);
    }
    return index;
}

const NoticeBlock* find_block(const NoticeIndex& index, std::string_view address) {
    const auto found = index.find(lower_case(address));
    return found == index.end() ? nullptr : found->second;
}

TextReply find_text_reply(std::string_view text) {
    const std::vector<TextLine> lines = split_lines(text);
    TextReply best;
    std::optional<smtp::Command> transcript_command;
    std::optional<smtp::Command> named_command; // "after RCPT command:" on a line before
    std::string remote; // the last server a line before the reply named
    for (const LogicalLine& line : logical_lines(lines)) {
        const std::string& logical = line.text;
        std::string_view body = logical;
        // A session transcript: Sendmail's and Courier's ">>> RCPT TO:<a@b>"
        // and "<<< 550 ...", Postfix's "In: DATA" and "Out: 451 ...".
        if (starts_with(body, ">>>") || starts_with(body, "In:")) {
            transcript_command = command_from_line(trim(body.substr(3)), false);
            continue;
        }
        const bool transcript = starts_with(body, "<<<") || starts_with(body, "Out:");
        if (transcript) {
            body = trim(body.substr(starts_with(body, "Out:") ? 4 : 3));
        }
        std::string_view input = body;
        const smtp::DiagnosticReply reply = read_line_reply(body, input);
        // A bounce's reply is a failure: a transcript's 250 and 354 are not it.
        const bool failure = !reply.code() || *reply.code() >= 400;
        if (!reply.found() || (!reply.code() && best.found()) || (!failure && best.code != 0)) {
            if (const std::string host = remote_in(body); !host.empty()) {
                remote = host;
            }
            if (const auto command = command_before(body)) {
                named_command = command;
            }
            continue;
        }
        TextReply found;
        found.code = reply.code().value_or(0);
        found.enhanced = reply.enhanced();
        found.flags = reply.flags();
        found.diagnostic = reply_from_code(body, input, reply);
        found.command = transcript ? transcript_command : command_before(reply.before());
        if (!found.command) {
            found.command = named_command;
        }
        found.remote_mta = remote_in(reply.before());
        if (found.remote_mta.empty()) {
            found.remote_mta = remote;
        }
        // Postfix: "... (in reply to RCPT TO command)".
        if (const std::size_t in_reply = ifind(found.diagnostic, in_reply_to); in_reply != npos) {
            found.command = command_in_reply_to(found.diagnostic, in_reply);
            found.diagnostic.erase(in_reply);
        }
        // A parenthesis the reply did not open: "(reason: 550 ... unknown)".
        std::string& diagnostic = found.diagnostic;
        while (!diagnostic.empty() && is_blank(diagnostic.back())) {
            diagnostic.pop_back();
        }
        std::size_t open = 0;
        std::size_t close = 0;
        for (const char c : diagnostic) {
            open += c == '(' ? 1u : 0u;
            close += c == ')' ? 1u : 0u;
        }
        if (close > open && !diagnostic.empty() && diagnostic.back() == ')') {
            diagnostic.pop_back();
        }
        best = std::move(found);
        if (best.code != 0 && failure) {
            break;
        }
    }
    // The command from a transcript further on, as Sendmail writes it below
    // its summary: ">>> DATA", "<<< 550 5.7.1 ...".
    if (best.code != 0 && !best.command) {
        std::optional<smtp::Command> sent;
        for (const TextLine& line : lines) {
            const std::string_view content = trim(line.text);
            if (starts_with(content, ">>>")) {
                sent = command_from_line(trim(content.substr(3)), false);
            } else if (starts_with(content, "<<<") && sent) {
                const smtp::DiagnosticReply quoted = smtp::read_diagnostic(content.substr(3));
                if (quoted.code() == best.code) {
                    best.command = sent;
                    break;
                }
            }
        }
    }
    // Postfix's "(in reply to RCPT TO command)" on a line after the reply's,
    // where a site wrapped the paragraph without indenting it.
    if (best.code != 0 && !best.command) {
        if (const std::size_t in_reply = ifind(text, in_reply_to); in_reply != npos) {
            best.command = command_in_reply_to(text, in_reply);
        }
    }
    // qmail's and chkusr's status after the reply's text: "550 sorry, no
    // mailbox here by that name (#5.1.1 - chkusr)".
    if (!best.enhanced) {
        best.enhanced = hashed_status(text);
    }
    return best;
}

void add_diagnostic_problems(BounceRecipient& recipient, smtp::DiagnosticFlags flags) {
    for (const smtp::DiagnosticFlag flag : flags) {
        recipient.problems.push_back(
            {std::string(smtp::name(flag)), std::string(smtp::description(flag))});
    }
}

void apply_text_reply(BounceRecipient& recipient, const TextReply& reply) {
    if (recipient.code == 0 && reply.code != 0) {
        recipient.code = reply.code;
        // An enhanced code of the reply's class; one of another class stated
        // apart from the reply ("(#5.5.0)") is the notice's own status.
        if (reply.enhanced && reply.enhanced->status_class == reply.code / 100) {
            recipient.reply_status = reply.enhanced;
        } else if (reply.enhanced && !recipient.status) {
            recipient.status = reply.enhanced;
        }
        add_diagnostic_problems(recipient, reply.flags);
    } else if (reply.code == 0 && reply.enhanced && !recipient.status && !recipient.reply_status) {
        recipient.status = reply.enhanced;
    }
    if (recipient.diagnostic.empty()) {
        recipient.diagnostic = reply.diagnostic;
    }
    if (!recipient.command) {
        recipient.command = reply.command;
    }
    if (recipient.remote_mta.empty()) {
        recipient.remote_mta = reply.remote_mta;
    }
}

std::string collapse_space(std::string_view text) {
    std::string out;
    bool space = false;
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += c;
    }
    return out;
}

const MessagePart* returned_header(const DecodedMessage& message) {
    for (const MessagePart& part : message.parts) {
        if (is_original_type(part.content_type)) {
            return &part;
        }
    }
    return nullptr;
}

std::string section_field(std::string_view section, std::string_view name) {
    // The reader of DSN fields reads any block of header fields.
    const smtp::DeliveryStatus fields = smtp::parse_delivery_status(section);
    if (const auto value = fields.field(name)) {
        return collapse_space(value->raw());
    }
    return {};
}

std::string paragraph_words(std::string_view paragraph) {
    constexpr std::size_t max_words = 1000;
    const std::string words = collapse_space(paragraph);
    return std::string(utf8_prefix(words, max_words));
}

std::vector<std::string_view> own_addresses(const DecodedMessage& message) {
    std::vector<std::string_view> out;
    if (const std::string* from = message.header("From")) {
        out = addresses(*from);
    }
    return out;
}

std::vector<std::string_view> failed_recipients(const DecodedMessage& message) {
    const std::string* field = message.header("X-Failed-Recipients");
    return field != nullptr ? addresses(*field) : std::vector<std::string_view>{};
}

bool looks_like_failure_notice(const DecodedMessage& message) {
    const std::string* path = message.header("Return-Path");
    return (path != nullptr && trim(*path) == "<>") || written_by_mail_system(message);
}

bool written_by_mail_system(const DecodedMessage& message) {
    if (const std::string* from = message.header("From")) {
        static constexpr std::string_view daemons[] = {
            "mailer-daemon", "mailer_daemon", "maildaemon", "mail-daemon", "postmaster",
            "post_master", "mail delivery", "mailerdaemon", "delivery subsystem",
            "mdaemon@"};
        for (const std::string_view daemon : daemons) {
            if (icontains(*from, daemon)) {
                return true;
            }
        }
    }
    if (const std::string* subject = message.header("Subject")) {
        static constexpr std::string_view failures[] = {
            "undeliver", "undelivered", "delivery status", "delivery fail", "delivery problem",
            "failure notice", "delivery notification", "returned mail", "mail delivery",
            "not delivered", "could not be delivered", "nondeliverable", "non-delivery",
            "mail failure", "bounce", "rejected", "error"};
        for (const std::string_view failure : failures) {
            if (icontains(*subject, failure)) {
                return true;
            }
        }
    }
    return false;
}

bool says_failed(std::string_view notice) noexcept {
    static constexpr std::string_view phrases[] = {
        "could not be delivered", "couldn't be delivered", "was not delivered",
        "were not delivered",     "undeliverable",         "delivery failed",
        "delivery has failed",    "failed permanently",    "permanent error",
        "unable to deliver",      "could not deliver",     "not be delivered",
        "delivery to the following recipient", "returned to sender",
        "was automatically rejected"};
    return contains_any(notice, phrases);
}

bool says_permanent(std::string_view notice) noexcept {
    static constexpr std::string_view phrases[] = {"permanent error", "failed permanently",
                                                   "permanent fatal error", "permanent failure",
                                                   "permanently failed", "i've given up"};
    return contains_any(notice, phrases);
}

bool says_delayed(std::string_view notice) noexcept {
    static constexpr std::string_view phrases[] = {
        "has not yet been delivered",  "have not yet been delivered",
        "not been delivered yet",      "will be retried",
        "will retry",                  "will continue to try",
        "still trying",                "delivery attempts will continue",
        "an advisory notice",          "delivery has been delayed",
        "has been delayed",            "will keep trying",
        "warning: message",            "is delayed",
    };
    return contains_any(notice, phrases);
}

} // namespace smtp_explain
