// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/commands.hpp"

#include "text.hpp"

#include <smtp/command.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace smtp_explain {

namespace {

// What a command line carries after the verb (RFC 5321 section 4.1.1 and
// the extensions' grammars).
enum class Arguments { None, Some, Either };

Arguments arguments_of(smtp::Command command) noexcept {
    Arguments arguments = Arguments::Either;
    switch (command) {
    case smtp::Command::Data:
    case smtp::Command::Rset:
    case smtp::Command::Quit:
    case smtp::Command::StartTls: arguments = Arguments::None; break;
    case smtp::Command::Helo:
    case smtp::Command::Ehlo:
    case smtp::Command::Mail:
    case smtp::Command::Rcpt:
    case smtp::Command::Bdat:
    case smtp::Command::Vrfy:
    case smtp::Command::Expn:
    case smtp::Command::Auth:
    case smtp::Command::Other: arguments = Arguments::Some; break;
    case smtp::Command::Help:
    case smtp::Command::Noop:
    // Not commands: no line gives them.
    case smtp::Command::Greeting:
    case smtp::Command::DataEnd: break;
    }
    return arguments;
}

// Verbs of extensions, which the library reads as Other: these two are
// taken on any line; the rest only on lines marked as the client's.
constexpr std::array<std::string_view, 2> common_extensions = {"ETRN", "XCLIENT"};
constexpr std::array<std::string_view, 8> rare_extensions = {"XFORWARD", "ATRN", "TURN", "BURL",
                                                             "SAML",     "SEND", "SOML", "XEXCH50"};

template <std::size_t N>
bool is_one_of(std::string_view verb, const std::array<std::string_view, N>& verbs) noexcept {
    for (const std::string_view known : verbs) {
        if (iequals(verb, known)) {
            return true;
        }
    }
    return false;
}

} // namespace

std::optional<smtp::Command> command_from_line(std::string_view line, bool strict) {
    line = trim(line);
    std::size_t verb_end = 0;
    while (verb_end < line.size() &&
           (is_alpha(line[verb_end]) || line[verb_end] == '-' || is_digit(line[verb_end]))) {
        ++verb_end;
    }
    const std::string_view verb = line.substr(0, verb_end);
    const std::string_view rest = line.substr(verb_end);
    // Every verb is followed by a space or the end of the line.
    if (verb.empty() || (!rest.empty() && rest[0] != ' ')) {
        return std::nullopt;
    }
    const std::string_view argument = trim(rest);
    const smtp::Command command = smtp::parse_command(line);
    // MAIL and RCPT are known by their keyword too: "Mail me" is prose.
    if ((command == smtp::Command::Mail && !istarts_with(argument, "FROM:")) ||
        (command == smtp::Command::Rcpt && !istarts_with(argument, "TO:"))) {
        return std::nullopt;
    }
    if (command == smtp::Command::Other && !is_one_of(verb, common_extensions)) {
        if (!strict && is_one_of(verb, rare_extensions)) {
            return smtp::Command::Other;
        }
        return std::nullopt; // no verb of SMTP's
    }
    // A line no mark says the client sent must have the command's shape, so
    // prose that starts with "Data" or "Help" is no command.
    if (strict) {
        switch (arguments_of(command)) {
        case Arguments::None:
            if (!argument.empty()) {
                return std::nullopt;
            }
            break;
        case Arguments::Some:
            if (argument.empty()) {
                return std::nullopt;
            }
            break;
        case Arguments::Either: break;
        }
    }
    return command;
}

std::optional<smtp::Command> command_from_verb(std::string_view phrase) {
    phrase = trim(phrase);
    // dma says "final DATA" for the reply to the data's end.
    if (istarts_with(phrase, "end of ") || iequals(phrase, "END-OF-MESSAGE") ||
        iequals(phrase, "final DATA")) {
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
