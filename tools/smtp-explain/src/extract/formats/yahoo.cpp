// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/yahoo.hpp"

#include "extract/bounce_text.hpp"
#include "extract/formats/notice.hpp"
#include "text.hpp"

#include <smtp/delivery_status.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain::formats {

namespace {

// The tag Yahoo puts after the reply, and the stage it names.
constexpr notice::StageWords tags[] = {
    {"[RCPT_TO]", smtp::Command::Rcpt}, {"[MAIL_FROM]", smtp::Command::Mail},
    {"[BODY]", smtp::Command::DataEnd}, {"[DATA]", smtp::Command::Data},
    {"[HELO]", smtp::Command::Helo},    {"[EHLO]", smtp::Command::Ehlo},
};

bool recognises(const DecodedMessage& message) {
    return notice::report_says(
        message, "Sorry, we were unable to deliver your message to the following address");
}

// "Remote host said: 550 ... [RCPT_TO]": the reply, and the stage its tag
// names.
void read_paragraph(BounceRecipient& recipient, const std::vector<std::string_view>& lines) {
    std::string said_lines;
    for (std::string_view line : lines) {
        if (istarts_with(line, "Remote host said: ")) {
            line.remove_prefix(18);
        }
        said_lines += line;
        said_lines += '\n';
    }
    const std::string joined = collapse_space(said_lines);
    std::string_view said = joined;
    for (const notice::StageWords& tag : tags) {
        if (ends_with(said, tag.words)) {
            recipient.command = tag.command;
            said.remove_suffix(tag.words.size());
        }
    }
    notice::set_reply(recipient, said);
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    notice::extract_paragraphs(message, read_paragraph, sink);
}

} // namespace

const BounceFormat yahoo = {"yahoo", recognises, extract};

} // namespace smtp_explain::formats
