// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/sendgrid.hpp"

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

bool recognises(const DecodedMessage& message) {
    return notice::report_says(message,
                               "This is an automatically generated message from SendGrid.");
}

void read_fields(BounceRecipient& recipient, std::string_view line) {
    // The fields after the address: client ip, the server, the reply.
    std::vector<std::string_view> fields;
    for (std::size_t at = line.find(" : "); at != std::string_view::npos; at = line.find(" : ")) {
        line = line.substr(at + 3);
        const std::size_t next = line.find(" : ");
        fields.push_back(trim(line.substr(0, next)));
    }
    if (fields.empty()) {
        return;
    }
    for (std::size_t i = 0; i + 1 < fields.size(); ++i) {
        if (fields[i].find(":[") != std::string_view::npos) {
            recipient.remote_mta = std::string(fields[i]);
        }
    }
    std::string_view reply = fields.back();
    // "...  in RCPT TO", "... in connect": the stage, after the reply.
    const std::size_t in = reply.rfind(" in ");
    if (in != std::string_view::npos) {
        const std::string_view stage = trim(reply.substr(in + 4));
        if (iequals(stage, "connect")) {
            recipient.command = smtp::Command::Greeting;
        } else if (const auto command = command_from_line(stage, false)) {
            recipient.command = command;
        } else if (istarts_with(stage, "RCPT") || istarts_with(stage, "MAIL")) {
            recipient.command = command_from_verb(stage);
        }
        if (recipient.command) {
            reply = trim(reply.substr(0, in));
        }
    }
    notice::set_reply(recipient, reply);
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const std::string text = notice::report_text(message);
    std::vector<BounceRecipient> found;
    for (const std::string_view raw : notice::lines_of(text)) {
        const std::string_view line = trim(raw);
        // "local:queue:<a@b> : ...": the address in brackets, then " : ".
        const std::size_t open = line.find(":<");
        const std::size_t fields = line.find(" : ");
        if (open == std::string_view::npos || fields == std::string_view::npos || open > fields) {
            continue;
        }
        const std::string_view address = notice::find_address(line.substr(0, fields));
        if (address.empty()) {
            continue;
        }
        BounceRecipient recipient = notice::recipient_for(address, smtp::DsnAction::Failed);
        read_fields(recipient, line.substr(fields));
        found.push_back(std::move(recipient));
    }
    notice::hand_on(message, found, sink);
}

} // namespace

const BounceFormat sendgrid = {"sendgrid", recognises, extract};

} // namespace smtp_explain::formats
