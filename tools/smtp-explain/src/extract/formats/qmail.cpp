// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/qmail.hpp"

#include "extract/bounce_text.hpp"
#include "extract/commands.hpp"
#include "extract/formats/notice.hpp"
#include "text.hpp"

#include <smtp/delivery_status.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain::formats {

namespace {

// qmail-remote's sentences before the reply, and the stage each names.
constexpr notice::StageWords stages[] = {
    {" does not like recipient.", smtp::Command::Rcpt},
    {" failed after I sent the message.", smtp::Command::DataEnd},
    {" failed on DATA command.", smtp::Command::Data},
    {" but sender was rejected.", smtp::Command::Mail},
    {" but greeting failed.", smtp::Command::Greeting},
    {" but my name was rejected.", smtp::Command::Helo},
};

bool recognises(const DecodedMessage& message) {
    for (const std::string_view part : notice::report_texts(message)) {
        if (istarts_with(trim_left(part), "Hi. This is the")) {
            return true; // QSBMF section 2
        }
    }
    const std::string text = notice::report_text(message);
    // The same layout after other first sentences.
    return notice::icontains(text, "\n--- Below this line is a copy of the message.") &&
           !notice::address_paragraphs(notice::lines_of(text)).empty() &&
           !notice::icontains(text, "Sorry, we were unable to deliver your message");
}

void read_paragraph(BounceRecipient& recipient, const std::vector<std::string_view>& lines) {
    std::string reply;
    std::string words;
    bool said = false;
    for (const std::string_view line : lines) {
        for (const notice::StageWords& stage : stages) {
            const std::size_t at = line.find(stage.words);
            if (at != std::string_view::npos) {
                recipient.command = stage.command;
                std::string_view host = line.substr(0, at);
                if (istarts_with(host, "Connected to ")) {
                    host.remove_prefix(13);
                }
                recipient.remote_mta = std::string(trim(host));
            }
        }
        if (istarts_with(line, "Giving up on ")) {
            continue;
        }
        // "most progress was RCPT TO response; remote host 192.0.2.1 said:"
        const std::size_t progress = notice::ifind(line, "most progress was ");
        if (progress != std::string_view::npos) {
            const std::string_view rest = line.substr(progress + 18);
            recipient.command = command_from_verb(rest.substr(0, notice::ifind(rest, " response")));
        }
        if (istarts_with(line, "(Other MXes tried:")) {
            continue;
        }
        const std::size_t said_at = notice::ifind(line, " said: ");
        const std::size_t remote = notice::ifind(line, "Remote host said: ");
        if (remote != std::string_view::npos || said_at != std::string_view::npos) {
            said = true;
            reply += remote != std::string_view::npos ? line.substr(remote + 18)
                                                      : line.substr(said_at + 7);
            reply += '\n';
            continue;
        }
        if (said && !istarts_with(line, "I'm not going to try again")) {
            reply += line; // the reply's further lines
            reply += '\n';
            continue;
        }
        words += line;
        words += '\n';
    }
    recipient.status = notice::hash_status(words + reply);
    if (said) {
        notice::set_reply(recipient, reply);
    } else {
        recipient.diagnostic = collapse_space(words);
    }
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    notice::extract_paragraphs(message, read_paragraph, sink);
}

} // namespace

const BounceFormat qmail = {"qmail", recognises, extract};

} // namespace smtp_explain::formats
