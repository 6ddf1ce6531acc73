// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// For the unit tests of the bounce formats (src/extract/formats/): the
// fixture emails of tests/data/bounces/formats/, read with the program's
// MIME reader, and what a format reads from them written down as one short
// string per recipient (messages.hpp's describe()), so a test states what a
// bounce must give as a list:
//
//   bob@example.jp qmail failed code=550 reply=5.1.1 cmd=Rcpt mta=192.0.2.153
//   dave@nowhere.example.test qmail failed status=5.1.2
#ifndef SMTP_EXPLAIN_TESTS_FORMAT_FIXTURES_HPP
#define SMTP_EXPLAIN_TESTS_FORMAT_FIXTURES_HPP

#include "extract/bounce_format.hpp"
#include "extract/events.hpp"
#include "extract/message.hpp"
#include "mime/gmime_message.hpp"
#include "support/messages.hpp"
#include "support/printing.hpp"

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

/// A real bounce of tests/bounces/generated/<mta>/<name>, as the program
/// reads it.
inline DecodedMessage generated(std::string_view mta, std::string_view name) {
    const std::string path = std::string(SMTP_EXPLAIN_TOOL_DIR) +
                             "/../../tests/bounces/generated/" + std::string(mta) + "/" +
                             std::string(name);
    std::ifstream in(path, std::ios::binary);
    return read_message(
        std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
}

/// The fixture as the program reads it.
inline DecodedMessage fixture(std::string_view name) {
    return read_message(fixture_bytes(name));
}

/// What `format` extracts from `message`, each recipient's format named as
/// the dispatch names it; nothing when it does not recognise the email.
inline std::vector<BounceRecipient> extract_with(const BounceFormat& format,
                                                 const DecodedMessage& message) {
    Collect collect;
    if (format.recognises(message)) {
        format.extract(message, collect);
    }
    for (BounceRecipient& recipient : collect.recipients) {
        if (recipient.format.empty()) {
            recipient.format = format.name;
        }
    }
    return std::move(collect.recipients);
}

/// What `format` reads from the fixture `name`, one describe() line per
/// recipient.
inline std::vector<std::string> read_with(const BounceFormat& format, std::string_view name) {
    std::vector<std::string> out;
    for (const BounceRecipient& recipient : extract_with(format, fixture(name))) {
        out.push_back(describe(recipient));
    }
    return out;
}

/// What `format` reads from the real bounce tests/bounces/generated/<mta>/<name>,
/// one describe() line per recipient.
inline std::vector<std::string> read_generated(const BounceFormat& format, std::string_view mta,
                                               std::string_view name) {
    std::vector<std::string> out;
    for (const BounceRecipient& recipient : extract_with(format, generated(mta, name))) {
        out.push_back(describe(recipient));
    }
    return out;
}

/// The diagnostics `format` reads from the fixture `name`, in order.
inline std::vector<std::string> diagnostics(const BounceFormat& format, std::string_view name) {
    std::vector<std::string> out;
    for (const BounceRecipient& recipient : extract_with(format, fixture(name))) {
        out.push_back(recipient.diagnostic);
    }
    return out;
}

} // namespace smtp_explain::testing

#endif // SMTP_EXPLAIN_TESTS_FORMAT_FIXTURES_HPP
