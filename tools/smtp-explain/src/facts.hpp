// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The tool's wording around the library's facts: how a class, an action or a
// command is said to a person, which commands a code answers, and the vendor
// notes on enhanced codes. Every fact about a code itself comes from the
// library.
#ifndef SMTP_EXPLAIN_FACTS_HPP
#define SMTP_EXPLAIN_FACTS_HPP

#include "text.hpp"

#include <smtp/enhanced_status_code.hpp>
#include <smtp/semantics.hpp>
#include <smtp/status_code.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain {

/// "permanent negative (5yz)": the class as RFC 5321 section 4.2.1 names it.
inline std::string_view class_phrase(smtp::ReplyClass reply_class) noexcept {
    switch (reply_class) {
    case smtp::ReplyClass::None: return "not a reply class";
    case smtp::ReplyClass::PositiveCompletion: return "positive completion (2yz)";
    case smtp::ReplyClass::PositiveIntermediate: return "positive intermediate (3yz)";
    case smtp::ReplyClass::TransientNegative: return "transient negative (4yz)";
    case smtp::ReplyClass::PermanentNegative: return "permanent negative (5yz)";
    }
    return "not a reply class";
}

/// What the class says happened, in a few words.
inline std::string_view class_meaning(smtp::ReplyClass reply_class) noexcept {
    switch (reply_class) {
    case smtp::ReplyClass::None: return "not an SMTP reply";
    case smtp::ReplyClass::PositiveCompletion: return "the command succeeded";
    case smtp::ReplyClass::PositiveIntermediate:
        return "accepted so far; the server waits for more from the client";
    case smtp::ReplyClass::TransientNegative:
        return "not done now; the same command may succeed later";
    case smtp::ReplyClass::PermanentNegative:
        return "not done; repeating the command unchanged will fail again";
    }
    return "not an SMTP reply";
}

/// What a client does next, in a sentence.
inline std::string_view action_advice(smtp::Action action) noexcept {
    switch (action) {
    case smtp::Action::Proceed: return "go on with the next command.";
    case smtp::Action::Continue:
        return "send what the server asks for (the message after 354, the next "
               "authentication line after 334).";
    case smtp::Action::Retry:
        return "keep the message and try again later (requeue it); nothing was done.";
    case smtp::Action::Fail:
        return "give up on this command as it is; bounce the message, or fix the "
               "cause before trying again.";
    }
    return {};
}

/// The action the class of an enhanced code implies (RFC 3463 section 3.1):
/// next_action for the class's x00 code (None is 0, which is Fail).
inline smtp::Action action_for_class(smtp::ReplyClass reply_class) noexcept {
    return smtp::next_action(static_cast<int>(reply_class) * 100, smtp::Command::Other);
}

/// A command as a person reads it in a transcript: "RCPT TO", "end of data".
inline std::string_view command_phrase(smtp::Command command) noexcept {
    switch (command) {
    case smtp::Command::Greeting: return "the greeting";
    case smtp::Command::Helo: return "HELO";
    case smtp::Command::Ehlo: return "EHLO";
    case smtp::Command::Mail: return "MAIL FROM";
    case smtp::Command::Rcpt: return "RCPT TO";
    case smtp::Command::Data: return "DATA";
    case smtp::Command::DataEnd: return "end of data";
    case smtp::Command::Bdat: return "BDAT";
    case smtp::Command::Rset: return "RSET";
    case smtp::Command::Vrfy: return "VRFY";
    case smtp::Command::Expn: return "EXPN";
    case smtp::Command::Help: return "HELP";
    case smtp::Command::Noop: return "NOOP";
    case smtp::Command::Quit: return "QUIT";
    case smtp::Command::Auth: return "AUTH";
    case smtp::Command::StartTls: return "STARTTLS";
    case smtp::Command::Other: return "another command";
    }
    return "another command";
}

/// The commands whose listed replies include `code` (is_expected_reply),
/// Other left out because it accepts everything.
inline std::vector<smtp::Command> commands_answered_by(int code) {
    std::vector<smtp::Command> commands;
    for (const smtp::Command command : smtp::all_commands) {
        if (command != smtp::Command::Other && smtp::is_expected_reply(command, code)) {
            commands.push_back(command);
        }
    }
    return commands;
}

/// The command a client line starts with, as SMTP clients send it (RFC 5321
/// section 4.1.1 and the extensions): "RCPT TO:<a@b>" is Rcpt. With
/// `strict`, for lines that carry no prefix saying the client sent them,
/// only the exact shapes count (MAIL must be "MAIL FROM:", DATA alone on its
/// line), so prose that starts with "Data" or "Help" is not a command.
inline std::optional<smtp::Command> command_from_line(std::string_view line, bool strict) {
    line = trim(line);
    std::size_t verb_end = 0;
    while (verb_end < line.size() && (is_alpha(line[verb_end]) || line[verb_end] == '-' ||
                                      is_digit(line[verb_end]))) {
        ++verb_end;
    }
    const std::string_view verb = line.substr(0, verb_end);
    const std::string_view rest = line.substr(verb_end);
    // Every verb is followed by a space or the end of the line.
    if (verb.empty() || (!rest.empty() && rest[0] != ' ')) {
        return std::nullopt;
    }
    const std::string_view argument = trim(rest);
    struct Verb {
        std::string_view name;
        smtp::Command command;
        // 0: no argument, 1: an argument, 2: either.
        int takes;
    };
    static constexpr std::array<Verb, 15> verbs = {{
        {"HELO", smtp::Command::Helo, 1},
        {"EHLO", smtp::Command::Ehlo, 1},
        {"LHLO", smtp::Command::Ehlo, 1}, // LMTP, RFC 2033
        {"DATA", smtp::Command::Data, 0},
        {"BDAT", smtp::Command::Bdat, 1},
        {"RSET", smtp::Command::Rset, 0},
        {"VRFY", smtp::Command::Vrfy, 1},
        {"EXPN", smtp::Command::Expn, 1},
        {"HELP", smtp::Command::Help, 2},
        {"NOOP", smtp::Command::Noop, 2},
        {"QUIT", smtp::Command::Quit, 0},
        {"AUTH", smtp::Command::Auth, 1},
        {"STARTTLS", smtp::Command::StartTls, 0},
        {"ETRN", smtp::Command::Other, 1},
        {"XCLIENT", smtp::Command::Other, 1},
    }};
    if (iequals(verb, "MAIL") || iequals(verb, "RCPT")) {
        const std::string_view keyword = iequals(verb, "MAIL") ? "FROM:" : "TO:";
        if (!istarts_with(argument, keyword)) {
            return std::nullopt;
        }
        return iequals(verb, "MAIL") ? smtp::Command::Mail : smtp::Command::Rcpt;
    }
    for (const Verb& known : verbs) {
        if (!iequals(verb, known.name)) {
            continue;
        }
        if (strict && ((known.takes == 0 && !argument.empty()) ||
                       (known.takes == 1 && argument.empty()))) {
            return std::nullopt;
        }
        return known.command;
    }
    if (!strict) {
        // Other extensions' verbs: upper-case letters, a client prefix says
        // the line is a command.
        static constexpr std::array<std::string_view, 8> others = {
            "XFORWARD", "ATRN", "TURN", "BURL", "SAML", "SEND", "SOML", "XEXCH50"};
        for (const std::string_view name : others) {
            if (iequals(verb, name)) {
                return smtp::Command::Other;
            }
        }
    }
    return std::nullopt;
}

/// The Command a --command option names: the library's spelling or the
/// verb, in any case ("rcpt", "Rcpt", "RCPT", "dataend", "end-of-data").
inline std::optional<smtp::Command> command_from_option(std::string_view text) {
    for (const smtp::Command command : smtp::all_commands) {
        if (iequals(text, smtp::name(command))) {
            return command;
        }
    }
    if (iequals(text, "end-of-data") || iequals(text, "eod") || iequals(text, ".")) {
        return smtp::Command::DataEnd;
    }
    if (iequals(text, "lhlo")) {
        return smtp::Command::Ehlo;
    }
    if (iequals(text, "connect") || iequals(text, "banner")) {
        return smtp::Command::Greeting;
    }
    return std::nullopt;
}

/// "X.1.1": a registry entry, or the subject and detail of an enhanced code
/// whatever its class.
inline std::string registry_code(int subject, int detail) {
    return "X." + std::to_string(subject) + "." + std::to_string(detail);
}

/// "451, 550", "any code", "451, 550 and any 5yz code": the registry's
/// associated basic codes as a phrase.
inline std::string basic_codes_phrase(const smtp::AssociatedBasicCodes& codes) {
    std::string out;
    for (const int basic : codes) {
        if (!out.empty()) {
            out += ", ";
        }
        out += std::to_string(basic);
    }
    std::string_view scope;
    switch (codes.scope) {
    case smtp::BasicCodeScope::Listed: break;
    case smtp::BasicCodeScope::ListedOrAny4yz5yz: scope = "any other 4yz or 5yz code"; break;
    case smtp::BasicCodeScope::Any5yz: scope = "any 5yz code"; break;
    case smtp::BasicCodeScope::Any: scope = "any code"; break;
    }
    if (!scope.empty()) {
        if (!out.empty()) {
            out += " and ";
        }
        out += scope;
    }
    if (out.empty()) {
        out = "none given";
    }
    return out;
}

inline std::string_view scope_name(smtp::BasicCodeScope scope) noexcept {
    switch (scope) {
    case smtp::BasicCodeScope::Listed: return "Listed";
    case smtp::BasicCodeScope::ListedOrAny4yz5yz: return "ListedOrAny4yz5yz";
    case smtp::BasicCodeScope::Any5yz: return "Any5yz";
    case smtp::BasicCodeScope::Any: return "Any";
    }
    return {};
}

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_FACTS_HPP
