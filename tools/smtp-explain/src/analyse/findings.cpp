// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "analyse/findings.hpp"

#include "text.hpp"
#include "wording.hpp"

#include <smtp/enhanced_status_code.hpp>
#include <smtp/reply.hpp>
#include <smtp/semantics.hpp>
#include <smtp/status_code.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace smtp_explain {

std::string_view severity_name(Severity severity) noexcept {
    switch (severity) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
    }
    return "note";
}

void analyse_basic(Findings& out, int code, std::optional<smtp::Command> answered,
                   std::optional<smtp::EnhancedStatusCode> enhanced) {
    if (!smtp::from_value(code)) {
        out.push_back({Severity::Note, "unlisted_code",
                       std::to_string(code) +
                           " is in no RFC's table; it is understood by its first digit "
                           "(RFC 5321 section 4.2.1)."});
    }
    if (code == 552) {
        if (answered == smtp::Command::Rcpt) {
            if (smtp::next_action(code, *answered, enhanced) == smtp::Action::Retry) {
                out.push_back({Severity::Note, "rcpt_552",
                               "552 answering RCPT TO means too many recipients and is "
                               "treated as temporary (RFC 5321 section 4.5.3.1.10): send the "
                               "remaining recipients in a later transaction."});
            } else {
                out.push_back({Severity::Note, "rcpt_552",
                               "552 answering RCPT TO usually means too many recipients "
                               "(RFC 5321 section 4.5.3.1.10), but the enhanced code names a "
                               "lasting cause, so it stays a failure."});
            }
        } else if (!answered) {
            out.push_back({Severity::Note, "rcpt_552",
                           "If this answers RCPT TO, it means too many recipients and is "
                           "temporary (RFC 5321 section 4.5.3.1.10): Retry the remaining "
                           "recipients later."});
        }
    }
    if (smtp::closes_connection(code)) {
        out.push_back({Severity::Note, "closes_connection",
                       "The server closes the connection after this reply."});
    }
    if (answered && *answered != smtp::Command::Other &&
        !smtp::is_expected_reply(*answered, code)) {
        out.push_back({Severity::Warning, "unexpected_reply",
                       "The RFCs do not list " + std::to_string(code) + " as a reply to " +
                           std::string(command_phrase(*answered)) +
                           "; a client still acts on its first digit."});
    }
}

void analyse_enhanced(Findings& out, const smtp::EnhancedStatusCode& code,
                      std::optional<int> basic) {
    if (!smtp::is_registered(code)) {
        out.push_back({Severity::Note, "unregistered_enhanced",
                       std::string(smtp::to_text(code).view()) +
                           " is not in the IANA registry (snapshot " +
                           std::string(smtp::enhanced_status_code_registry_updated) +
                           "); it is understood by its class and subject (RFC 3463 "
                           "section 2)."});
    }
    if (smtp::is_deprecated(code)) {
        out.push_back({Severity::Warning, "deprecated",
                       "The registry marks " + registry_code(code.subject, code.detail) +
                           " deprecated: it duplicates X.6.8."});
    }
    if (const std::optional<smtp::VendorNote> note = smtp::vendor_note(code)) {
        out.push_back({Severity::Note, "vendor_meaning",
                       std::string(note->vendor) + ": " + std::string(note->text)});
    }
    if (basic) {
        switch (smtp::pairing(*basic, code)) {
        case smtp::Pairing::Usual:
        case smtp::Pairing::NotGiven:
        case smtp::Pairing::Unregistered:
        case smtp::Pairing::Invalid: break;
        case smtp::Pairing::Unusual:
            // Advice only: servers pair codes as they like (554 with 5.7.1 is
            // common), and both codes still apply.
            out.push_back({Severity::Note, "unusual_pairing",
                           "The registry pairs " + registry_code(code.subject, code.detail) +
                               " with " + basic_codes_phrase(smtp::associated_basic_codes(code)) +
                               ", not with " + std::to_string(*basic) +
                               "; both codes still apply."});
            break;
        case smtp::Pairing::ClassMismatch:
            out.push_back({Severity::Warning, "enhanced_class_mismatch",
                           "The enhanced code's class " + std::to_string(code.status_class) +
                               " differs from the reply code's first digit " +
                               std::to_string(*basic / 100) + " (RFC 3463 section 2)."});
            break;
        }
    }
}

namespace {

// A token from the input as a finding quotes it: at most 40 bytes. (The
// reports escape what they print; this only keeps messages short.)
std::string shown(std::string_view token) {
    constexpr std::size_t longest = 40;
    if (token.size() <= longest) {
        return std::string(token);
    }
    return std::string(token.substr(0, longest)) + "...";
}

// The first blank-delimited token of `text`.
std::string_view first_token(std::string_view text) noexcept {
    std::size_t end = 0;
    while (end < text.size() && text[end] != ' ') {
        ++end;
    }
    return text.substr(0, end);
}

// Whether `token` is made of digits and dots only, starts with one digit
// and a dot, and has another dot: something meant as a dotted code ("5.1",
// "4.16.55.1"), not an address such as 192.0.2.1.
bool is_dotted_number(std::string_view token) noexcept {
    if (token.size() < 3 || !is_digit(token[0]) || token[1] != '.') {
        return false;
    }
    bool dot = false;
    for (const char c : token) {
        if (c == '.') {
            dot = true;
        } else if (!is_digit(c)) {
            return false;
        }
    }
    return dot;
}

std::size_t count_dots(std::string_view token) noexcept {
    std::size_t dots = 0;
    for (const char c : token) {
        dots += c == '.' ? 1u : 0u;
    }
    return dots;
}

// Looks at the start of the first line's text when the parser took no
// enhanced code, and says why a code-like token there was not taken.
void analyse_missing_enhanced(Findings& out, int code, std::string_view first_text) {
    std::string_view token = first_token(first_text);
    if (token.empty() || !is_digit(token[0])) {
        return;
    }
    if (code / 100 == 3) {
        if (is_dotted_number(token)) {
            out.push_back({Severity::Warning, "enhanced_on_3yz",
                           "The text starts with " + shown(token) +
                               ", but a 3yz reply carries no enhanced code (RFC 2034 "
                               "section 3): not taken as one."});
        }
        return;
    }
    // "5.1.1:" or "5.1.1," : a code the server did not follow with a space.
    std::string_view stripped = token;
    while (!stripped.empty() && !is_digit(stripped.back())) {
        stripped.remove_suffix(1);
    }
    const auto parsed = smtp::parse_enhanced_status_code(stripped);
    if (parsed && stripped.size() != token.size()) {
        out.push_back({Severity::Warning, "enhanced_separator",
                       "The text starts with \"" + shown(token) +
                           "\": an enhanced code must be followed by a space (RFC 2034 "
                           "section 4), so it was not taken."});
        return;
    }
    if (parsed && parsed->status_class != code / 100) {
        out.push_back({Severity::Warning, "enhanced_class_mismatch",
                       "The text starts with " + shown(token) + ", whose class " +
                           std::to_string(parsed->status_class) +
                           " differs from the reply's first digit " + std::to_string(code / 100) +
                           " (RFC 3463 section 2): not taken as the enhanced code."});
        return;
    }
    if (!parsed && is_dotted_number(token)) {
        out.push_back({Severity::Warning, "not_enhanced",
                       "The text starts with " + shown(token) +
                           ", which is not an enhanced status code (class.subject.detail, "
                           "class 2, 4 or 5, RFC 3463 section 2): not taken."});
    }
}

// Codes inside the text that look like enhanced codes but are not where RFC
// 2034 puts one: "[#4.16.1]", "- 4.16.55.1;". Only tokens marked as codes by
// what precedes them count, so version numbers and addresses stay quiet.
void analyse_pseudo_codes(Findings& out, std::string_view text, bool first_token_taken) {
    std::size_t reported = 0;
    std::size_t i = first_token_taken ? first_token(text).size() : 0;
    for (; i < text.size() && reported < 3; ++i) {
        if (!is_digit(text[i]) || (i > 0 && (is_digit(text[i - 1]) || text[i - 1] == '.'))) {
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && (is_digit(text[end]) || text[end] == '.')) {
            ++end;
        }
        while (end > i && text[end - 1] == '.') {
            --end;
        }
        const std::string_view token = text.substr(i, end - i);
        const bool marked =
            (i >= 1 && (text[i - 1] == '#' || text[i - 1] == '[' || text[i - 1] == '(')) ||
            (i >= 2 && text[i - 1] == ' ' && text[i - 2] == '-');
        const char first = token.empty() ? '0' : token[0];
        const bool class_digit = first == '2' || first == '4' || first == '5';
        if (marked && class_digit && token.size() > 1 && token[1] == '.' &&
            count_dots(token) >= 2) {
            std::string context = shown(token);
            if (i >= 2 && text[i - 1] == '#' && text[i - 2] == '[') {
                context = "[#" + context + "]";
            }
            if (count_dots(token) == 2 && smtp::parse_enhanced_status_code(token)) {
                out.push_back({Severity::Note, "pseudo_code",
                               "The text mentions " + context +
                                   ", which looks like an enhanced code but is not at the "
                                   "start of the text (RFC 2034 section 4): not taken as the "
                                   "reply's enhanced code."});
            } else {
                out.push_back({Severity::Note, "pseudo_code",
                               "The text mentions " + context +
                                   ", a vendor's own code: it is no enhanced status code "
                                   "(those have three parts, RFC 3463 section 2)."});
            }
            ++reported;
        }
        i = end;
    }
}

} // namespace

Findings analyse_reply(const smtp::Reply& reply, std::optional<smtp::Command> answered,
                       bool cut_off) {
    Findings out;
    if (cut_off) {
        // RFC 5321 section 4.2.1: '-' after the code says more lines follow.
        const std::size_t lines = reply.line_count();
        out.push_back({Severity::Note, "cut_off",
                       (lines == 1 ? std::string("Only one line")
                                   : "Only " + std::to_string(lines) + " lines") +
                           " of a multiline reply: the input ends where the reply says more "
                           "lines follow ('-' after the code), so the rest of the reply is "
                           "missing. Explained from the lines given."});
    }
    // RFC 5321 section 4.5.3.1.5: a reply line is at most 512 octets, CRLF
    // included.
    {
        std::string_view raw = reply.raw();
        std::size_t number = 0;
        std::size_t longest = 0;
        std::size_t longest_number = 0;
        std::size_t overlong = 0;
        while (!raw.empty()) {
            const std::string_view line = take_line(raw);
            ++number;
            const std::size_t octets = line.size() + 2;
            if (octets > smtp::rfc5321_reply_line_limit) {
                ++overlong;
                if (octets > longest) {
                    longest = octets;
                    longest_number = number;
                }
            }
        }
        if (overlong > 0) {
            out.push_back({Severity::Warning, "overlong_line",
                           std::to_string(overlong) + (overlong == 1 ? " line is" : " lines are") +
                               " longer than the 512 octets RFC 5321 section 4.5.3.1.5 allows "
                               "(line " +
                               std::to_string(longest_number) + ": " + std::to_string(longest) +
                               " octets with CRLF)."});
        }
    }

    const std::optional<smtp::EnhancedStatusCode> enhanced = reply.enhanced();
    const std::string_view first_text = reply.line(0);
    if (enhanced) {
        analyse_enhanced(out, *enhanced, reply.code());
        // RFC 2034 section 4: the same enhanced code starts every line.
        const std::string code_text(smtp::to_text(*enhanced).view());
        std::size_t index = 0;
        std::size_t differing = 0;
        std::size_t first_differing = 0;
        for (const std::string_view text : reply.lines()) {
            ++index;
            const std::string_view token = first_token(text);
            if (token != code_text) {
                if (differing == 0) {
                    first_differing = index;
                }
                ++differing;
            }
        }
        if (differing > 0) {
            out.push_back({Severity::Note, "enhanced_not_on_every_line",
                           std::to_string(differing) + " of " + std::to_string(index) + " lines " +
                               (differing == 1 ? "does" : "do") + " not start with " + code_text +
                               " (first: line " + std::to_string(first_differing) +
                               "); RFC 2034 section 4 puts it on every line."});
        }
    } else {
        analyse_missing_enhanced(out, reply.code(), first_text);
    }
    std::size_t index = 0;
    for (const std::string_view text : reply.lines()) {
        analyse_pseudo_codes(out, text, index == 0 || enhanced.has_value());
        ++index;
    }
    analyse_basic(out, reply.code(), answered, enhanced);
    return out;
}

std::string describe_reply_error(smtp::ReplyError error, std::string_view raw,
                                 std::size_t error_offset, const smtp::ReplyLimits& limits) {
    // The line at fault holds the parser's first offending byte.
    const std::string_view before = raw.substr(0, error_offset);
    const auto number =
        1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    const std::string line = "Line " + std::to_string(number) + ": ";
    switch (error) {
    case smtp::ReplyError::None: return "a valid reply";
    case smtp::ReplyError::Incomplete:
        return "The reply is cut off: every line so far says more follow ('-' after the "
               "code), but the input ends, or the client speaks, before the last line.";
    case smtp::ReplyError::InvalidCode:
        return line + "no three-digit reply code with a first digit of 2 to 5 at the start "
                      "(RFC 5321 section 4.2).";
    case smtp::ReplyError::InvalidSeparator:
        return line + "the code is followed by something other than a space, '-' or the "
                      "end of the line (RFC 5321 section 4.2).";
    case smtp::ReplyError::CodeMismatch:
        return line + "another code than the first line's; RFC 5321 section 4.2.1 requires "
                      "the same code on every line of a reply.";
    case smtp::ReplyError::LineTooLong:
        return line + "longer than " + std::to_string(limits.max_line_length) +
               " bytes, more than this tool accepts (RFC 5321 section 4.5.3.1.5 allows 512 "
               "octets).";
    case smtp::ReplyError::TooManyLines:
        return "The reply has more than " + std::to_string(limits.max_lines) +
               " lines, more than this tool accepts.";
    case smtp::ReplyError::BareLineFeed:
        return "A line ends with a bare LF, not CRLF (RFC 5321 section 2.3.8).";
    }
    return "not a valid reply";
}

} // namespace smtp_explain
