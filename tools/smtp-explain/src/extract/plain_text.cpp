// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/plain_text.hpp"

#include "extract/bounce_text.hpp"

#include <smtp/delivery_status.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace smtp_explain {

std::size_t extract_plain_text(const DecodedMessage& message, BounceSink& sink) {
    const std::string notice = notice_text(message);
    const std::vector<NoticeBlock> blocks = notice_blocks(notice, own_addresses(message));
    const TextReply whole = find_text_reply(notice);
    if (!whole.found() && !looks_like_failure_notice(message) && !says_failed(notice)) {
        return 0;
    }
    const smtp::DsnAction action = says_delayed(notice) ? smtp::DsnAction::Delayed
                                   : says_permanent(notice) || says_failed(notice)
                                       ? smtp::DsnAction::Failed
                                       : smtp::DsnAction::Unknown;
    if (blocks.empty()) {
        // A mail system's notice that says the mail failed but names no
        // recipient we can read (InterScan's "The following mail could not
        // be delivered.", a bare local part): one recipient without an
        // address, the notice's words as the diagnostic.
        const bool nameless = says_failed(notice) && written_by_mail_system(message);
        if (!whole.found() && !nameless) {
            return 0;
        }
        BounceRecipient recipient;
        recipient.format = "text";
        recipient.action = action;
        apply_text_reply(recipient, whole);
        if (recipient.diagnostic.empty()) {
            recipient.diagnostic = paragraph_words(notice);
        }
        sink.add(std::move(recipient));
        return 1;
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
