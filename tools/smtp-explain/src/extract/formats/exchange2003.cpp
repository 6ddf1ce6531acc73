// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/formats/exchange2003.hpp"

#include "extract/bounce_text.hpp"
#include "extract/formats/notice.hpp"
#include "text.hpp"

#include <smtp/bounce_reason.hpp>
#include <smtp/delivery_status.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain::formats {

namespace {

// The sentences before the list of recipients.
constexpr std::string_view did_not_reach = "did not reach the following recipient(s):";
constexpr std::string_view could_not = "The following recipient(s) could not be reached:";

// The last words of Exchange's diagnostic line, and the reason they state.
constexpr StatedReason verdicts[] = {
    {"Unknown Recipient", smtp::BounceReason::UserUnknown},
    {"Recipient Not Found", smtp::BounceReason::UserUnknown},
    {"Ambiguous Recipient", smtp::BounceReason::UserUnknown},
    {"Host Unknown", smtp::BounceReason::HostUnknown},
};

// "a@b on 3/9/26 4:05 PM", "'a@b' on Mon, 9 Mar 2026 ...": a recipient's
// first line; or, for a recipient Exchange 5.5 knows only by its X.400 O/R
// address, that address with the Internet one as a domain-defined
// attribute: "c=US;a= ;p=Org;o=Site;dda:SMTP=a@b; on ...". The address, or
// empty when `line` is no entry.
std::string_view entry_address(std::string_view line) noexcept {
    const std::size_t on = line.find(" on ");
    if (on == std::string_view::npos) {
        return {};
    }
    const std::string_view name = line.substr(0, on);
    const std::size_t dda = notice::ifind(name, "dda:SMTP=");
    if (dda != std::string_view::npos) {
        const std::size_t start = dda + 9;
        return name.substr(start, address_length_at(name, start));
    }
    return notice::is_address_line(name) ? notice::find_address(name) : std::string_view();
}

void read_reason(BounceRecipient& recipient, const std::vector<std::string_view>& lines) {
    std::string words;
    bool mts_id = false;
    for (const std::string_view line : lines) {
        // The MTS-ID line (an X.400 identifier, wrapped anywhere) says
        // nothing of the failure.
        if (istarts_with(line, "The MTS-ID of the original message is:")) {
            mts_id = true;
            continue;
        }
        if (mts_id && (line.front() == ';' || istarts_with(line, "un;"))) {
            continue;
        }
        mts_id = false;
        words += line;
        words += ' ';
    }
    recipient.diagnostic = collapse_space(words);
    for (const StatedReason& verdict : verdicts) {
        if (notice::icontains(recipient.diagnostic, verdict.words)) {
            recipient.reason = verdict.reason;
            break;
        }
    }
}

bool recognises(const DecodedMessage& message) {
    return notice::report_says(message, did_not_reach) ||
           (notice::report_says(message, could_not) &&
            notice::report_says(message, "did not reach some or all of the intended recipients"));
}

void extract(const DecodedMessage& message, BounceSink& sink) {
    const std::string text = notice::report_text(message);
    std::vector<BounceRecipient> found;
    std::vector<std::string_view> reason;
    bool listing = false;
    const auto close = [&] {
        if (!found.empty() && !reason.empty()) {
            read_reason(found.back(), reason);
        }
        reason.clear();
    };
    for (const std::string_view raw : notice::lines_of(text)) {
        const std::string_view line = trim(raw);
        if (notice::icontains(line, did_not_reach) || notice::icontains(line, could_not)) {
            listing = true;
            continue;
        }
        if (!listing) {
            continue;
        }
        if (const std::string_view address = entry_address(line); !address.empty()) {
            close();
            found.push_back(notice::recipient_for(address, smtp::DsnAction::Failed));
        } else if (line.empty()) {
            if (!reason.empty()) {
                close();
            }
        } else if (!found.empty()) {
            reason.push_back(line);
        }
    }
    close();
    notice::hand_on(message, found, sink);
}

} // namespace

const BounceFormat exchange2003 = {"exchange2003", recognises, extract};

} // namespace smtp_explain::formats
