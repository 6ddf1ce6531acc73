// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/sendmail.hpp"

#include "extract/bounce_text.hpp"
#include "extract/commands.hpp"
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

constexpr std::string_view fatal = "----- The following addresses had permanent fatal errors -----";
constexpr std::string_view transient =
    "----- The following addresses had transient non-fatal errors -----";
constexpr std::string_view transcript = "----- Transcript of session follows -----";

// One exchange of the transcript: the command sent and the reply read.
// Sendmail that pipelines (RFC 2920) shows only the last command it sent,
// DATA, then every reply in order, with its own line for a recipient the
// pipelined RCPT TO lost ("550 5.1.1 <a@b>... User unknown") after that
// reply: `refused` names that recipient, `refusal` is the reply it lost to.
struct Exchange {
    std::string remote;
    std::string command_line;
    std::optional<smtp::Command> command;
    std::string reply;
    std::string_view refused;
    std::string refusal;
};

BounceRecipient* find(std::vector<BounceRecipient>& found, std::string_view address) {
    for (BounceRecipient& recipient : found) {
        if (iequals(recipient.recipient, address)) {
            return &recipient;
        }
    }
    return nullptr;
}

bool recognises(const DecodedMessage& message) {
    return !notice::pastes_delivery_status(message) &&
           (notice::report_says(message, fatal) || notice::report_says(message, transient) ||
            notice::report_says(message, transcript));
}

// A line of Sendmail's own in the transcript: "<a@b>... Deferred: 452 ...",
// "554 <a@b>... Service unavailable", or a bare "550 ..." (as Sendmail-like
// gateways write it). `address` is empty for a bare line; `text` keeps a
// leading code of Sendmail's when the words after "... " have none.
struct OwnLine {
    std::string_view address;
    std::string text;
};

OwnLine own_line(std::string_view line) {
    std::string_view code;
    if (line.size() > 4 && is_digit(line[0]) && is_digit(line[1]) && is_digit(line[2]) &&
        line[3] == ' ') {
        code = line.substr(0, 3);
    }
    const std::size_t dots = line.find("... ");
    const std::string_view address = dots == std::string_view::npos
                                         ? std::string_view()
                                         : notice::find_address(line.substr(0, dots));
    if (address.empty()) {
        return {{}, code.empty() ? std::string() : std::string(line)};
    }
    const std::string_view words = trim(line.substr(dots + 4));
    const bool coded = words.size() > 3 && is_digit(words[0]) && is_digit(words[1]) &&
                       is_digit(words[2]) && words[3] == ' ';
    std::string text = coded || code.empty() ? std::string() : std::string(code) + " ";
    text += words;
    return {address, text};
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const std::string text = notice::report_text(message);
    enum class Section { None, Addresses, Transcript };
    Section section = Section::None;
    smtp::DsnAction action = notice::icontains(text, "THIS IS A WARNING MESSAGE ONLY")
                                 ? smtp::DsnAction::Delayed
                                 : smtp::DsnAction::Failed;
    std::vector<BounceRecipient> found;
    std::vector<Exchange> exchanges;
    std::vector<OwnLine> own;
    std::string remote;
    for (const std::string_view raw : notice::lines_of(text)) {
        const std::string_view line = trim(raw);
        if (line == fatal || line == transient) {
            section = Section::Addresses;
            action = line == fatal ? smtp::DsnAction::Failed : smtp::DsnAction::Delayed;
            continue;
        }
        if (line == transcript) {
            section = Section::Transcript;
            continue;
        }
        if (starts_with(line, "-----")) {
            section = Section::None; // the original follows
            continue;
        }
        if (section == Section::Addresses) {
            // Some gateways that copy this layout put ">>> " before it.
            const std::string_view entry = starts_with(line, ">>> ") ? line.substr(4) : line;
            if (istarts_with(line, "(reason:") && !found.empty()) {
                std::string_view reason = trim(line.substr(8));
                if (!reason.empty() && reason.back() == ')') {
                    reason.remove_suffix(1);
                }
                notice::set_reply(found.back(), reason);
            } else if (istarts_with(line, "(expanded from:") && !found.empty()) {
                found.back().original_recipient = std::string(notice::find_address(line));
            } else if (found.size() < max_notice_recipients &&
                       !notice::find_address(entry).empty() &&
                       (notice::is_address_line(entry) ||
                        notice::is_address_line(entry.substr(0, entry.find(' '))))) {
                found.push_back(notice::recipient_for(notice::find_address(entry), action));
            }
        } else if (section == Section::Transcript) {
            if (starts_with(line, "... while talking to ")) {
                remote = std::string(trim(line.substr(21)));
                while (!remote.empty() && (remote.back() == ':' || remote.back() == '.')) {
                    remote.pop_back();
                }
            } else if (starts_with(line, ">>> ")) {
                exchanges.push_back({remote,
                                     std::string(line.substr(4)),
                                     command_from_line(line.substr(4), false),
                                     {},
                                     {},
                                     {}});
            } else if (starts_with(line, "<<< ") && !exchanges.empty()) {
                exchanges.back().reply += line.substr(4);
                exchanges.back().reply += '\n';
            } else if (OwnLine mine = own_line(line); !mine.text.empty()) {
                if (!mine.address.empty() && !exchanges.empty() &&
                    exchanges.back().command == smtp::Command::Data &&
                    !exchanges.back().reply.empty() && exchanges.back().refused.empty()) {
                    exchanges.back().refused = mine.address;
                    exchanges.back().refusal = exchanges.back().reply;
                }
                own.push_back(std::move(mine));
            }
        }
    }
    // A warning names its recipients in the transcript only.
    for (const OwnLine& line : own) {
        if (found.size() >= max_notice_recipients) {
            break;
        }
        if (!line.address.empty() && find(found, line.address) == nullptr) {
            found.push_back(notice::recipient_for(line.address, action));
        }
    }
    // Each recipient's exchange: the RCPT that names it, else the last
    // exchange with a reply (DATA, which answers for all of them), but for
    // the session's housekeeping after the failure (RSET, NOOP, QUIT: a
    // server that answers RSET with "421 too many errors" closes the
    // session, it does not judge the recipient).
    for (BounceRecipient& recipient : found) {
        const Exchange* pipelined = nullptr;
        for (const Exchange& exchange : exchanges) {
            if (!exchange.refused.empty() && iequals(exchange.refused, recipient.recipient)) {
                pipelined = &exchange;
            }
        }
        if (pipelined != nullptr) {
            recipient.command = smtp::Command::Rcpt;
            recipient.remote_mta = pipelined->remote;
            notice::set_reply(recipient, pipelined->refusal);
            continue;
        }
        const Exchange* mine = nullptr;
        for (const Exchange& exchange : exchanges) {
            if (exchange.command == smtp::Command::Rcpt &&
                iequals(notice::find_address(exchange.command_line), recipient.recipient)) {
                mine = &exchange;
            }
        }
        if (mine == nullptr) {
            for (const Exchange& exchange : exchanges) {
                if (exchange.command != smtp::Command::Rcpt &&
                    exchange.command != smtp::Command::Rset &&
                    exchange.command != smtp::Command::Noop &&
                    exchange.command != smtp::Command::Quit && !exchange.reply.empty()) {
                    mine = &exchange;
                }
            }
        }
        if (mine != nullptr) {
            recipient.command = mine->command;
            recipient.remote_mta = mine->remote;
            if (!mine->reply.empty()) {
                notice::set_reply(recipient, mine->reply);
                continue;
            }
        }
        // No reply quoted: Sendmail's own line for the address, or the one
        // bare line of a notice about one recipient.
        if (recipient.code != 0) {
            continue;
        }
        for (const OwnLine& line : own) {
            if (iequals(line.address, recipient.recipient)) {
                notice::set_reply(recipient, line.text);
            }
        }
        if (recipient.diagnostic.empty() && found.size() == 1 && own.size() == 1) {
            notice::set_reply(recipient, own.front().text);
        }
    }
    notice::hand_on(message, found, sink);
}

} // namespace

const BounceFormat sendmail = {"sendmail", recognises, extract};

} // namespace smtp_explain::formats
