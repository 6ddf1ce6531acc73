// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/zoho.hpp"

#include "extract/formats/notice.hpp"
#include "text.hpp"

#include <smtp/bounce_reason.hpp>
#include <smtp/delivery_status.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain::formats {

namespace {

constexpr std::string_view error_code = "ERROR_CODE :";
constexpr std::string_view invalid_address = "Invalid Address";

bool recognises(const DecodedMessage& message) {
    return (notice::from_ends_with(message, "@mail.zoho.com") ||
            notice::icontains(notice::header(message, "X-Mailer"), "Zoho Mail")) &&
           notice::report_says(message, error_code);
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const std::string text = notice::report_text(message);
    std::vector<BounceRecipient> found;
    for (const std::string_view raw : notice::lines_of(text)) {
        const std::string_view line = trim(raw);
        const std::size_t first = line.find(error_code);
        if (first == std::string_view::npos) {
            continue;
        }
        const std::string_view address = notice::find_address(line.substr(0, first));
        if (address.empty()) {
            continue;
        }
        // "ERROR_CODE :550, ERROR_CODE :<text>": the reply code, then its text.
        std::string_view code = line.substr(first + error_code.size());
        const std::size_t second = code.find(error_code);
        std::string reply(trim(code.substr(0, code.find(','))));
        if (second != std::string_view::npos) {
            reply += ' ';
            reply += trim(code.substr(second + error_code.size()));
        }
        BounceRecipient recipient = notice::recipient_for(address, smtp::DsnAction::Failed);
        notice::set_reply(recipient, reply);
        // Zoho's own verdict between the address and the codes: the address
        // is bad, whatever generic text the server's reply has.
        if (notice::icontains(line.substr(0, first), invalid_address)) {
            recipient.reason = smtp::BounceReason::UserUnknown;
        }
        found.push_back(std::move(recipient));
    }
    notice::hand_on(message, found, sink);
}

} // namespace

const BounceFormat zoho = {"zoho", recognises, extract};

} // namespace smtp_explain::formats
