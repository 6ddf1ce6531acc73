// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// For the unit tests of the bounce formats (src/extract/formats/): the
// fixture emails of tests/data/bounces/formats/, read with the program's
// MIME reader, and what a format reads from them written down as one short
// string per recipient, so a test states what a bounce must give as a list:
//
//   bob@example.jp Failed 550 5.1.1 cmd=Rcpt mta=mx1.example.jp[192.0.2.25]
//   dave@nowhere.example.test Failed status=5.1.2 reason=hostunknown
#ifndef SMTP_EXPLAIN_TESTS_FORMAT_FIXTURES_HPP
#define SMTP_EXPLAIN_TESTS_FORMAT_FIXTURES_HPP

#include "extract/bounce_format.hpp"
#include "extract/events.hpp"
#include "extract/message.hpp"
#include "mime/gmime_message.hpp"
#include "support/printing.hpp"

#include <smtp/bounce_reason.hpp>
#include <smtp/command.hpp>
#include <smtp/delivery_status.hpp>
#include <smtp/enhanced_status_code.hpp>

#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#ifndef SMTP_EXPLAIN_TOOL_DIR
#error "SMTP_EXPLAIN_TOOL_DIR must name tools/smtp-explain"
#endif

namespace smtp_explain::testing {

/// The bytes of tests/data/bounces/formats/<name>; empty when it cannot be
/// read (the test then fails on what it expects).
inline std::string fixture_bytes(std::string_view name) {
    const std::string path =
        std::string(SMTP_EXPLAIN_TOOL_DIR) + "/tests/data/bounces/formats/" + std::string(name);
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// The fixture as the program reads it.
inline DecodedMessage fixture(std::string_view name) {
    return read_message(fixture_bytes(name));
}

/// Collects what an extractor hands on.
struct Collector final : BounceSink {
    std::vector<BounceRecipient> recipients;
    void add(BounceRecipient&& recipient) override { recipients.push_back(std::move(recipient)); }
};

/// The recipient in one line: address, action, the reply's code and
/// enhanced code, then only what is set: status=, cmd=, mta=, orig=,
/// reason=.
inline std::string describe(const BounceRecipient& r) {
    std::string out = r.recipient + " " + std::string(smtp::name(r.action));
    if (r.code != 0) {
        out += " " + std::to_string(r.code);
    }
    if (r.reply_status) {
        out += " ";
        out += smtp::to_text(*r.reply_status).view();
    }
    if (r.status) {
        out += " status=";
        out += smtp::to_text(*r.status).view();
    }
    if (r.command) {
        out += " cmd=";
        out += smtp::name(*r.command);
    }
    if (!r.remote_mta.empty()) {
        out += " mta=" + r.remote_mta;
    }
    if (!r.original_recipient.empty()) {
        out += " orig=" + r.original_recipient;
    }
    if (r.reason) {
        out += " reason=";
        out += smtp::name(*r.reason);
    }
    return out;
}

/// What `format` reads from the fixture `name`, one describe() line per
/// recipient; nothing when it does not recognise it.
inline std::vector<std::string> read_with(const BounceFormat& format, std::string_view name) {
    const DecodedMessage message = fixture(name);
    std::vector<std::string> out;
    if (!format.recognises(message)) {
        return out;
    }
    Collector collector;
    format.extract(message, collector);
    for (const BounceRecipient& recipient : collector.recipients) {
        out.push_back(describe(recipient));
    }
    return out;
}

/// The diagnostics `format` reads from the fixture `name`, in order.
inline std::vector<std::string> diagnostics(const BounceFormat& format, std::string_view name) {
    const DecodedMessage message = fixture(name);
    Collector collector;
    format.extract(message, collector);
    std::vector<std::string> out;
    for (const BounceRecipient& recipient : collector.recipients) {
        out.push_back(recipient.diagnostic);
    }
    return out;
}

} // namespace smtp_explain::testing

#endif // SMTP_EXPLAIN_TESTS_FORMAT_FIXTURES_HPP
