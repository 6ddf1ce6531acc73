// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/plain_text.hpp"

#include "extract/bounce_text.hpp"
#include "text.hpp"

#include <smtp/delivery_status.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace smtp_explain {

namespace {

// Whether any of `blocks` names one of `failed`.
bool names_any(const std::vector<NoticeBlock>& blocks,
               const std::vector<std::string_view>& failed) {
    for (const NoticeBlock& block : blocks) {
        for (const std::string_view address : failed) {
            if (iequals(block.address, address)) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

std::size_t extract_plain_text(const DecodedMessage& message, BounceSink& sink) {
    const std::string notice = notice_text(message);
    std::vector<NoticeBlock> blocks = notice_blocks(notice, own_addresses(message));
    std::vector<std::string_view> failed = failed_recipients(message);
    // Addresses the text names that the field does not list are no
    // recipients of this notice ("Hello a@b," to its sender).
    if (!failed.empty() && !names_any(blocks, failed)) {
        blocks.clear();
    }
    const TextReply whole = find_text_reply(notice);
    if (!whole.found() && !looks_like_failure_notice(message) && !says_failed(notice)) {
        return 0;
    }
    const smtp::DsnAction action = says_delayed(notice) ? smtp::DsnAction::Delayed
                                   : says_permanent(notice) || says_failed(notice)
                                       ? smtp::DsnAction::Failed
                                       : smtp::DsnAction::Unknown;
    if (blocks.empty()) {
        // The notice's text names no recipient: those of the bounce's own
        // X-Failed-Recipients field (Exim and Gmail add it; Google Groups'
        // notices name the group only there); else, for a mail system's
        // notice that says the mail failed (InterScan's "The following mail
        // could not be delivered.", a bare local part), one recipient
        // without an address. The notice's reply or words are each one's.
        const bool nameless = says_failed(notice) && written_by_mail_system(message);
        if (failed.empty() && !whole.found() && !nameless) {
            return 0;
        }
        if (failed.empty()) {
            failed.emplace_back();
        }
        for (const std::string_view address : failed) {
            BounceRecipient recipient;
            recipient.format = "text";
            recipient.recipient = std::string(address);
            recipient.action = action;
            apply_text_reply(recipient, whole);
            if (recipient.diagnostic.empty()) {
                recipient.diagnostic = paragraph_words(notice);
            }
            sink.add(std::move(recipient));
        }
        return failed.size();
    }
    // A reply before the first recipient ("Could not be delivered because of
    // 550 5.1.1 User unknown. The following recipients were affected: ...")
    // is every recipient's that has none of its own.
    const TextReply shared = find_text_reply(notice_head(notice, blocks));
    for (const NoticeBlock& block : blocks) {
        BounceRecipient recipient;
        recipient.format = "text";
        recipient.recipient = std::string(block.address);
        recipient.action = action;
        const TextReply own = find_text_reply(block.text);
        apply_text_reply(recipient, own.found() ? own : shared);
        if (recipient.diagnostic.empty()) {
            recipient.diagnostic = paragraph_words(block.text);
        }
        sink.add(std::move(recipient));
    }
    return blocks.size();
}

} // namespace smtp_explain
