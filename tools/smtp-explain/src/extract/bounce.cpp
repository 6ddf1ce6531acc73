// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "extract/bounce.hpp"

#include "extract/auto_reply.hpp"
#include "extract/bounce_format.hpp"
#include "extract/dsn.hpp"
#include "extract/feedback.hpp"
#include "extract/plain_text.hpp"

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace smtp_explain {

namespace {

// Names each recipient's format after the extractor when it left it out,
// and counts them.
class Stamp final : public BounceSink {
public:
    Stamp(BounceSink& sink, std::string_view format) : sink_(sink), format_(format) {}
    void add(BounceRecipient&& recipient) override {
        if (recipient.format.empty()) {
            recipient.format = format_;
        }
        ++count_;
        sink_.add(std::move(recipient));
    }
    std::size_t count() const noexcept { return count_; }

private:
    BounceSink& sink_;
    std::string_view format_;
    std::size_t count_ = 0;
};

} // namespace

std::size_t extract_bounce(const DecodedMessage& message, BounceSink& sink,
                           const std::vector<BounceFormat>& formats) {
    if (is_feedback_report(message)) {
        return extract_feedback(message, sink);
    }
    if (is_challenge(message)) {
        return extract_challenge(message, sink);
    }
    for (const BounceFormat& format : formats) {
        if (!format.recognises(message)) {
            continue;
        }
        Stamp stamp(sink, format.name);
        format.extract(message, stamp);
        if (stamp.count() != 0) {
            return stamp.count();
        }
    }
    if (const std::size_t count = extract_dsn(message, sink); count != 0) {
        return count;
    }
    if (is_auto_reply(message)) {
        return extract_auto_reply(message, sink);
    }
    return extract_plain_text(message, sink);
}

} // namespace smtp_explain
