// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/commands.hpp"

#include "text.hpp"

#include <smtp/semantics.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace smtp_explain {

std::optional<smtp::Command> command_from_line(std::string_view line, bool strict) {
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

std::optional<smtp::Command> command_from_verb(std::string_view phrase) {
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

} // namespace smtp_explain
