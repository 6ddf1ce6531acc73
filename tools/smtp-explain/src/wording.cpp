// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "wording.hpp"

#include <smtp/enhanced_status_code.hpp>
#include <smtp/semantics.hpp>
#include <smtp/status_code.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain {

std::string class_phrase(smtp::ReplyClass reply_class) {
    std::string phrase(smtp::description(reply_class));
    if (reply_class != smtp::ReplyClass::None) {
        phrase += " (";
        phrase += static_cast<char>('0' + static_cast<int>(reply_class));
        phrase += "yz)";
    }
    return phrase;
}

std::string_view class_meaning(smtp::ReplyClass reply_class) noexcept {
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

std::string_view action_advice(smtp::Action action) noexcept {
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

std::string_view bounce_advice(smtp::Action action) noexcept {
    switch (action) {
    case smtp::Action::Proceed:
        return "nothing failed: the message was delivered, or this is a report or an "
               "automatic reply.";
    case smtp::Action::Continue: return action_advice(action); // no bounce says so
    case smtp::Action::Retry:
        return "delivery failed for now; the message may go through later, so the "
               "address stays.";
    case smtp::Action::Fail:
        return "the message was not delivered to this address and will not be; do not send "
               "it again unchanged.";
    }
    return {};
}

smtp::Action action_for_class(smtp::ReplyClass reply_class) noexcept {
    return smtp::next_action(static_cast<int>(reply_class) * 100, smtp::Command::Other);
}

std::string_view command_phrase(smtp::Command command) noexcept {
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

std::vector<smtp::Command> commands_answered_by(int code) {
    std::vector<smtp::Command> commands;
    for (const smtp::Command command : smtp::all_commands) {
        if (command != smtp::Command::Other && smtp::is_expected_reply(command, code)) {
            commands.push_back(command);
        }
    }
    return commands;
}

std::string registry_code(int subject, int detail) {
    return "X." + std::to_string(subject) + "." + std::to_string(detail);
}

std::string basic_codes_phrase(const smtp::AssociatedBasicCodes& codes) {
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

} // namespace smtp_explain
