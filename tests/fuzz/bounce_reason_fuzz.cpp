// Fuzz target for <smtp/bounce_reason.hpp>: the wording matcher and
// classify_bounce must answer for any bytes, and agree with each other and
// with the naive matcher of tests/support/naive_bounce_phrase.hpp.
//
// Input layout: byte 0 and 1 the reply code (little endian, 0..65535, so
// mostly no reply code); bytes 2 to 4 an enhanced code: byte 2 the class (0:
// none), byte 3 the subject (its value mod 12) and the high bits of the
// detail (its value / 12), byte 4 the low byte of the detail; byte 5 the
// command (its value mod 20; values past the last enumerator included) and
// the delivery outcome (its value / 20 mod 4, one past the last included);
// the rest the text.
#include <smtp/bounce_reason.hpp>

#include "../support/naive_bounce_phrase.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 6) {
        const std::string_view text(reinterpret_cast<const char*>(data), size);
        if (smtp::find_bounce_phrase(text) != naive_bounce_phrase::find(text))
            std::abort();
        return 0;
    }
    const int code = data[0] | data[1] << 8;
    std::optional<smtp::EnhancedStatusCode> enhanced;
    if (data[2] != 0) {
        enhanced =
            smtp::EnhancedStatusCode{data[2] % 8, data[3] % 12, data[4] | (data[3] / 12) << 8};
    }
    const auto answered = static_cast<smtp::Command>(data[5] % 20);
    const auto outcome = static_cast<smtp::DeliveryOutcome>(data[5] / 20 % 4);
    const std::string_view text(reinterpret_cast<const char*>(data + 6), size - 6);

    const std::size_t phrase = smtp::find_bounce_phrase(text);
    if (phrase != naive_bounce_phrase::find(text))
        std::abort();

    const smtp::BounceVerdict verdict =
        smtp::classify_bounce(code, enhanced, answered, text, outcome);
    if (smtp::name(verdict.reason).empty() || smtp::name(verdict.basis).empty())
        std::abort();
    // The outcome changes a network error into an expiry once the MTA gave
    // up, and a failure nothing explained into one while it still tries;
    // nothing else.
    const smtp::BounceVerdict unknown = smtp::classify_bounce(code, enhanced, answered, text);
    if (smtp::bounce_reason(code, enhanced, answered, text) != unknown.reason)
        std::abort();
    if (verdict.reason != unknown.reason &&
        !(verdict.reason == smtp::BounceReason::Expired &&
          ((unknown.reason == smtp::BounceReason::NetworkError &&
            outcome == smtp::DeliveryOutcome::Failed) ||
           (unknown.basis == smtp::BounceBasis::None &&
            outcome == smtp::DeliveryOutcome::Delayed))))
        std::abort();
    // The text decided only through the phrase the matcher finds.
    if (verdict.basis == smtp::BounceBasis::Text) {
        if (verdict.phrase != phrase || phrase == smtp::bounce_phrase_count)
            std::abort();
    } else if (verdict.phrase != smtp::bounce_phrase_count) {
        std::abort();
    }
    // Hard only for the address reasons.
    if (verdict.hard && !smtp::is_hard_bounce(verdict.reason))
        std::abort();
    // Undefined only when nothing decided, or for a 3yz reply; when nothing
    // decided, Undefined, OnHold (words no rule reads) or Expired (a delay).
    if (verdict.reason == smtp::BounceReason::Undefined &&
        verdict.basis != smtp::BounceBasis::None &&
        !(code / 100 == 3 && verdict.basis == smtp::BounceBasis::ReplyCode)) {
        std::abort();
    }
    if (verdict.basis == smtp::BounceBasis::None &&
        verdict.reason != smtp::BounceReason::Undefined &&
        verdict.reason != smtp::BounceReason::OnHold &&
        verdict.reason != smtp::BounceReason::Expired) {
        std::abort();
    }
    if (enhanced) {
        const smtp::BounceReason alone = smtp::bounce_reason(*enhanced);
        if (smtp::name(alone).empty())
            std::abort();
    }
    return 0;
}
