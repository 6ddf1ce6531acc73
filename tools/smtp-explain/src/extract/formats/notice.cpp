// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/notice.hpp"

#include "extract/bounce_text.hpp"
#include "extract/commands.hpp"
#include "extract/dsn.hpp"
#include "text.hpp"

#include <smtp/delivery_status.hpp>
#include <smtp/enhanced_status_code.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace smtp_explain::notice {

namespace {

// Bytes that may wrap an address written as a word: quotes, brackets, and
// the punctuation a sentence puts after it.
bool is_wrapping(char c) noexcept {
    return c == '<' || c == '>' || c == '"' || c == '\'' || c == '(' || c == ')' || c == '[' ||
           c == ']' || c == ':' || c == ';' || c == ',' || c == '.' || c == '`';
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        c = ascii_lower(c);
    }
    return out;
}

std::string_view without_mailto(std::string_view address) noexcept {
    if (istarts_with(address, "mailto:")) {
        address.remove_prefix(7);
    }
    return address;
}

std::string_view strip_wrapping(std::string_view word) noexcept {
    while (!word.empty() && is_wrapping(word.front())) {
        word.remove_prefix(1);
    }
    while (!word.empty() && is_wrapping(word.back())) {
        word.remove_suffix(1);
    }
    return word;
}

} // namespace

std::vector<std::string_view> report_texts(const DecodedMessage& message) {
    std::vector<std::string_view> texts;
    for (const MessagePart& part : message.parts) {
        if (!part.in_original && part.content_type.is("text/plain")) {
            texts.emplace_back(part.text);
        }
    }
    return texts;
}

namespace {

// Whether the report's text is HTML alone: no text/plain part outside the
// original but a multipart's preamble ("This is a multi-part message in
// MIME format."), and a text/html one.
bool html_only(const DecodedMessage& message) {
    bool html = false;
    for (const MessagePart& part : message.parts) {
        if (part.in_original) {
            continue;
        }
        if (part.content_type.is("text/plain") && !part.preamble) {
            return false;
        }
        html = html || part.content_type.is("text/html");
    }
    return html;
}

// The HTML parts outside the original, as text.
std::vector<std::string> html_texts(const DecodedMessage& message) {
    std::vector<std::string> texts;
    for (const MessagePart& part : message.parts) {
        if (!part.in_original && part.content_type.is("text/html")) {
            texts.push_back(html_to_text(utf8_prefix(part.text, max_notice_size)));
        }
    }
    return texts;
}

} // namespace

std::string report_text(const DecodedMessage& message) {
    std::string text;
    const auto add = [&text](std::string_view part) {
        if (text.size() >= max_notice_size) {
            return;
        }
        if (!text.empty()) {
            text += "\n\n";
        }
        text += part;
    };
    for (const std::string_view part : report_texts(message)) {
        add(part);
    }
    if (html_only(message)) {
        for (const std::string& part : html_texts(message)) {
            add(part);
        }
    }
    text.resize(utf8_prefix(text, max_notice_size).size());
    return text;
}

bool report_says(const DecodedMessage& message, std::string_view sentence) {
    for (const MessagePart& part : message.parts) {
        if (!part.in_original && part.content_type.is("text/plain") &&
            icontains(part.text, sentence)) {
            return true;
        }
    }
    if (html_only(message)) {
        for (const std::string& part : html_texts(message)) {
            if (icontains(part, sentence)) {
                return true;
            }
        }
    }
    return false;
}

bool has_delivery_status(const DecodedMessage& message) {
    for (const MessagePart& part : message.parts) {
        if (!part.in_original && is_delivery_status_type(part.content_type)) {
            return true;
        }
    }
    return false;
}

bool pastes_delivery_status(const DecodedMessage& message) {
    for (const std::string_view text : report_texts(message)) {
        for (const std::string_view line : lines_of(text)) {
            if (istarts_with(trim_left(line), "Final-Recipient:")) {
                return true;
            }
        }
    }
    return false;
}

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        lines.push_back(take_line(text));
    }
    return lines;
}

std::size_t ifind(std::string_view text, std::string_view needle, std::size_t from) noexcept {
    if (needle.empty()) {
        return from <= text.size() ? from : std::string_view::npos;
    }
    for (std::size_t i = from; i + needle.size() <= text.size(); ++i) {
        if (ascii_lower(text[i]) == ascii_lower(needle[0]) &&
            iequals(text.substr(i, needle.size()), needle)) {
            return i;
        }
    }
    return std::string_view::npos;
}

bool icontains(std::string_view text, std::string_view needle) noexcept {
    return ifind(text, needle) != std::string_view::npos;
}

std::string_view header(const DecodedMessage& message, std::string_view name) {
    const std::string* value = message.header(name);
    return value != nullptr ? std::string_view(*value) : std::string_view();
}

bool from_ends_with(const DecodedMessage& message, std::string_view suffix) {
    const std::string_view address = find_address(header(message, "From"));
    return address.size() >= suffix.size() &&
           iequals(address.substr(address.size() - suffix.size()), suffix);
}

std::string_view find_address(std::string_view text) noexcept {
    // The inside of the first <...> that is an address: "a@b <c@d>:" names
    // c@d, as Exim writes a malformed address and what it took from it.
    for (std::size_t open = text.find('<'); open != std::string_view::npos;
         open = text.find('<', open + 1)) {
        const std::size_t close = text.find('>', open + 1);
        if (close == std::string_view::npos) {
            break;
        }
        const std::string_view inside =
            without_mailto(trim(text.substr(open + 1, close - open - 1)));
        if (!inside.empty() && address_length_at(inside, 0) == inside.size()) {
            return inside;
        }
    }
    return first_address(text);
}

LeadingAddress leading_address(std::string_view line) noexcept {
    line = trim(line);
    if (line.empty() || line.front() != '<') {
        return {};
    }
    const std::size_t close = line.find('>');
    if (close == std::string_view::npos || !is_address_line(line.substr(0, close + 1))) {
        return {};
    }
    return {find_address(line.substr(0, close + 1)), trim(line.substr(close + 1))};
}

bool is_address_line(std::string_view line) noexcept {
    line = trim(line);
    const std::string_view address = find_address(line);
    if (address.empty()) {
        return false;
    }
    const std::size_t at = line.find(address);
    std::string_view before = line.substr(0, at);
    const std::string_view after = line.substr(at + address.size());
    // A display name before "<mailto:...>", as Exchange writes it.
    if (before.size() >= 8 && iequals(before.substr(before.size() - 8), "<mailto:")) {
        return strip_wrapping(after).empty();
    }
    if (before.size() >= 7 && iequals(before.substr(before.size() - 7), "mailto:")) {
        before.remove_suffix(7);
    }
    return strip_wrapping(before).empty() && strip_wrapping(after).empty();
}

std::optional<smtp::EnhancedStatusCode> status_token(std::string_view token) noexcept {
    while (!token.empty() && (token.front() == '(' || token.front() == '#' ||
                              token.front() == '[' || token.front() == '<')) {
        token.remove_prefix(1);
    }
    while (!token.empty() && (token.back() == ')' || token.back() == ']' || token.back() == '>' ||
                              token.back() == '.' || token.back() == ',' || token.back() == ':' ||
                              token.back() == ';')) {
        token.remove_suffix(1);
    }
    return smtp::parse_enhanced_status_code(token);
}

std::optional<smtp::EnhancedStatusCode> hash_status(std::string_view text) noexcept {
    std::optional<smtp::EnhancedStatusCode> last;
    for (std::size_t open = text.find("(#"); open != std::string_view::npos;
         open = text.find("(#", open + 2)) {
        if (const auto code = status_after_hash(text, open + 1)) {
            last = code;
        }
    }
    return last;
}

bool set_reply(BounceRecipient& recipient, std::string_view text) {
    std::string_view input;
    const smtp::DiagnosticReply reply = read_reply_text(text, input);
    const std::optional<int> code = reply.code();
    const bool usable =
        reply.found() && (!code || *code / 100 == 2 || *code / 100 == 4 || *code / 100 == 5);
    if (!usable) {
        recipient.diagnostic = collapse_space(text);
        return false;
    }
    std::string diagnostic;
    if (code) {
        recipient.code = *code;
        recipient.reply_status = reply.enhanced();
        diagnostic = std::to_string(*code);
        // qmail's convention, which qmail patches write into replies too:
        // the status in "(#5.1.1)", of the reply's class.
        const std::optional<smtp::EnhancedStatusCode> hashed = hash_status(text);
        if (!reply.enhanced() && !recipient.status && hashed &&
            hashed->status_class == *code / 100) {
            recipient.status = hashed;
        }
    } else if (!recipient.status) {
        recipient.status = reply.enhanced();
    }
    if (const std::optional<smtp::EnhancedStatusCode> enhanced = reply.enhanced()) {
        if (!diagnostic.empty()) {
            diagnostic += ' ';
        }
        diagnostic += smtp::to_text(*enhanced).view();
    }
    for (const std::string_view piece : reply.pieces()) {
        if (!diagnostic.empty()) {
            diagnostic += ' ';
        }
        diagnostic += piece;
    }
    recipient.diagnostic = collapse_space(diagnostic);
    add_diagnostic_problems(recipient, reply.flags());
    return true;
}

bool set_reply_or_own_words(BounceRecipient& recipient, std::string_view text,
                            const StatedReason* own_words, std::size_t count) {
    if (set_reply(recipient, text)) {
        return true;
    }
    for (std::size_t i = 0; i < count; ++i) {
        if (istarts_with(recipient.diagnostic, own_words[i].words)) {
            recipient.reason = own_words[i].reason;
        }
    }
    return false;
}

std::vector<AddressParagraph> address_paragraphs(const std::vector<std::string_view>& lines) {
    std::vector<AddressParagraph> paragraphs;
    bool open = false;
    for (const std::string_view raw : lines) {
        const std::string_view line = trim(raw);
        if (starts_with(line, "---")) {
            break;
        }
        if (line.size() > 3 && line.front() == '<' && ends_with(line, ">:") &&
            is_address_line(line)) {
            paragraphs.push_back({find_address(line), {}});
            open = true;
            continue;
        }
        if (line.empty()) {
            open = false;
            continue;
        }
        if (open) {
            paragraphs.back().lines.push_back(line);
        }
    }
    return paragraphs;
}

std::string_view in_reply_to(std::string_view text, BounceRecipient& recipient) {
    const std::size_t open = ifind(text, "(in reply to ");
    if (open == std::string_view::npos) {
        return text;
    }
    const std::string_view phrase = text.substr(open + 13);
    const std::size_t end = ifind(phrase, " command)");
    if (end != std::string_view::npos) {
        recipient.command = command_from_verb(collapse_space(phrase.substr(0, end)));
    }
    return trim(text.substr(0, open));
}

BounceRecipient recipient_for(std::string_view address, smtp::DsnAction action) {
    BounceRecipient recipient;
    // One line, whatever the notice did: a folded field's breaks are spaces.
    const std::string one_line = collapse_space(address);
    recipient.recipient = std::string(strip_wrapping(without_mailto(one_line)));
    recipient.action = action;
    return recipient;
}

namespace {

// "local@domain" with both parts.
bool is_whole_address(std::string_view address) noexcept {
    const std::size_t at = address.rfind('@');
    return at != std::string_view::npos && at > 0 && at + 1 < address.size();
}

} // namespace

std::vector<BounceRecipient> merge_with_dsn(std::vector<BounceRecipient> from_text,
                                            std::vector<BounceRecipient> from_dsn) {
    std::vector<BounceRecipient> merged;
    std::vector<bool> used(from_text.size(), false);
    // The text's recipients by address, lower case, each address's in order:
    // a DSN may list many, and each looks its own up once.
    std::map<std::string, std::vector<std::size_t>> by_address;
    for (std::size_t i = from_text.size(); i-- > 0;) {
        by_address[lower(from_text[i].recipient)].push_back(i);
    }
    // The address's entry while the text has a recipient of it left; else
    // the end.
    const auto look_up = [&by_address](std::string_view address) {
        const auto at = by_address.find(lower(address));
        return at != by_address.end() && !at->second.empty() ? at : by_address.end();
    };
    for (BounceRecipient& dsn : from_dsn) {
        auto found = look_up(dsn.recipient);
        // A text that names the recipient by its Original-Recipient.
        if (found == by_address.end() && !dsn.original_recipient.empty()) {
            found = look_up(first_address(dsn.original_recipient));
        }
        // A text that names the address an alias expanded to (Sendmail lists
        // it under "permanent fatal errors"; its DSN reports the alias).
        bool by_actual = false;
        if (found == by_address.end() && !dsn.actual_recipient.empty()) {
            found = look_up(dsn.actual_recipient);
            by_actual = found != by_address.end();
        }
        std::size_t match = 0;
        if (found != by_address.end()) {
            match = found->second.back();
            found->second.pop_back();
        } else if (!(from_dsn.size() == 1 && from_text.size() == 1 &&
                     !is_whole_address(dsn.recipient))) {
            merged.push_back(std::move(dsn));
            continue;
        }
        // (Else a DSN of one recipient that names no whole address, Sendmail's
        // "Final-Recipient: RFC822; @mx.example.org", is about the text's
        // one recipient.)
        used[match] = true;
        BounceRecipient joined = std::move(from_text[match]);
        if (by_actual) {
            joined.recipient = std::move(dsn.recipient);
            joined.actual_recipient = std::move(dsn.actual_recipient);
        }
        if (dsn.action != smtp::DsnAction::Unknown) {
            joined.action = dsn.action;
        }
        // The DSN's Status, unless it says the class alone ("5.0.0", as Exim,
        // OpenSMTPD and Courier write it) where the text states more.
        const bool class_only = dsn.status && dsn.status->subject == 0 && dsn.status->detail == 0;
        const bool text_says_more = joined.status && dsn.status &&
                                    joined.status->status_class == dsn.status->status_class &&
                                    (joined.status->subject != 0 || joined.status->detail != 0);
        if (dsn.status && !(class_only && text_says_more)) {
            joined.status = dsn.status;
        }
        if (joined.code == 0 && dsn.code != 0) {
            joined.code = dsn.code;
            joined.reply_status = dsn.reply_status;
            joined.diagnostic = std::move(dsn.diagnostic);
        } else if (joined.diagnostic.empty()) {
            joined.diagnostic = std::move(dsn.diagnostic);
        }
        if (joined.remote_mta.empty()) {
            joined.remote_mta = std::move(dsn.remote_mta);
        }
        if (joined.original_recipient.empty()) {
            joined.original_recipient = std::move(dsn.original_recipient);
        }
        if (!joined.command) {
            joined.command = dsn.command;
        }
        if (!joined.reason) {
            joined.reason = dsn.reason;
        }
        for (BounceProblem& problem : dsn.problems) {
            joined.problems.push_back(std::move(problem));
        }
        joined.format = {};
        merged.push_back(std::move(joined));
    }
    for (std::size_t i = 0; i < from_text.size(); ++i) {
        if (!used[i]) {
            merged.push_back(std::move(from_text[i]));
        }
    }
    return merged;
}

void extract_paragraphs(const DecodedMessage& message,
                        void (*read)(BounceRecipient&, const std::vector<std::string_view>&),
                        BounceSink& sink) {
    const std::string text = report_text(message);
    std::vector<BounceRecipient> found;
    for (const AddressParagraph& paragraph : address_paragraphs(lines_of(text))) {
        BounceRecipient recipient = recipient_for(paragraph.address, smtp::DsnAction::Failed);
        read(recipient, paragraph.lines);
        found.push_back(std::move(recipient));
    }
    hand_on(message, found, sink);
}

void hand_on(const DecodedMessage& message, std::vector<BounceRecipient>& recipients,
             BounceSink& sink) {
    if (recipients.size() > max_notice_recipients) {
        recipients.resize(max_notice_recipients);
    }
    std::vector<BounceRecipient> merged;
    if (has_delivery_status(message)) {
        KeptRecipients dsn;
        extract_dsn(message, dsn);
        merged = merge_with_dsn(std::move(recipients), std::move(dsn.recipients));
    } else {
        merged = std::move(recipients);
    }
    for (BounceRecipient& recipient : merged) {
        sink.add(std::move(recipient));
    }
    recipients.clear();
}

} // namespace smtp_explain::notice
