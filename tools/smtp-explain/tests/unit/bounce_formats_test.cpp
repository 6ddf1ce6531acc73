// Tests of src/extract/bounce_formats.cpp: the list of bounce formats, as the
// dispatch asks them: every fixture of tests/data/bounces/formats/ is read by
// its own format, the first in the list that recognises it, and no format
// claims what is no bounce of its kind or breaks on what is no email.
#include "extract/bounce_format.hpp"

#include "support/format_fixtures.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

using smtp_explain::bounce_formats;
using smtp_explain::BounceFormat;
using smtp_explain::DecodedMessage;
using smtp_explain::MessagePart;
using smtp_explain::testing::Collect;
using smtp_explain::testing::fixture;

// The fixture and the format that wrote it (the name the dispatch reports).
struct Written {
    std::string_view file;
    std::string_view format;
};
constexpr Written fixtures[] = {
    {"amazonses-bounce.eml", "amazonses_json"},
    {"amazonses-complaint.eml", "amazonses_json"},
    {"amazonses-delivery.eml", "amazonses_json"},
    {"amazonses-dsn-text.eml", "amazonses"},
    {"amazonses-sns-transient.eml", "amazonses_json"},
    {"au-ezweb.eml", "ezweb"},
    {"courier.eml", "courier"},
    {"domino.eml", "domino"},
    {"dragonfly-data-multiline.eml", "dragonfly"},
    {"dragonfly-dns.eml", "dragonfly"},
    {"dragonfly-rcpt.eml", "dragonfly"},
    {"exchange2000.eml", "exchange2003"},
    {"exchange2003.eml", "exchange2003"},
    {"exchange2007.eml", "exchange2007"},
    {"exchange2010.eml", "exchange2007"},
    {"einsundeins.eml", "gmx"},
    {"exim-delayed.eml", "exim"},
    {"exim-malformed.eml", "exim"},
    {"exim-no-dsn.eml", "exim"},
    {"fml-loop.eml", "fml"},
    {"fml-not-member.eml", "fml"},
    {"gmail-custom-from.eml", "gmail"},
    {"gmail-delayed-legacy.eml", "gmail"},
    {"gmail-dns.eml", "gmail"},
    {"gmail-legacy.eml", "gmail"},
    {"gmail.eml", "gmail"},
    {"gmx.eml", "gmx"},
    {"googlegroups-ja.eml", "googlegroups"},
    {"googlegroups.eml", "googlegroups"},
    {"imail.eml", "imail"},
    {"kddi.eml", "kddi"},
    {"mailru.eml", "exim"},
    {"mcafee.eml", "mcafee"},
    {"messagelabs.eml", "messagelabs"},
    {"messagingserver.eml", "messagingserver"},
    {"notes.eml", "notes"},
    {"office365.eml", "exchange2007"},
    {"opensmtpd-error.eml", "opensmtpd"},
    {"opensmtpd-warning.eml", "opensmtpd"},
    {"postfix-no-dsn.eml", "postfix"},
    {"qmail.eml", "qmail"},
    {"sendgrid.eml", "sendgrid"},
    {"sendmail-no-dsn.eml", "sendmail"},
    {"sendmail-warning.eml", "sendmail"},
    {"yahoo.eml", "yahoo"},
    {"zoho.eml", "zoho"},
};

// The first format in the dispatch's order that recognises the email.
std::string_view first_recognising(const DecodedMessage& message) {
    for (const BounceFormat& format : bounce_formats()) {
        if (format.recognises(message)) {
            return format.name;
        }
    }
    return "none";
}

DecodedMessage text_message(std::string text) {
    DecodedMessage message;
    MessagePart part;
    part.text = std::move(text);
    message.parts.push_back(std::move(part));
    return message;
}

TEST_CASE("bounce_formats: every fixture is read by its own format, first in the list") {
    for (const Written& written : fixtures) {
        CAPTURE(written.file);
        const DecodedMessage message = fixture(written.file);
        CHECK(first_recognising(message) == written.format);
        Collect collector;
        for (const BounceFormat& format : bounce_formats()) {
            if (format.name == written.format) {
                format.extract(message, collector);
            }
        }
        CHECK_FALSE(collector.recipients.empty());
    }
}

TEST_CASE("bounce_formats: names are one lower-case word each, and no two alike") {
    std::set<std::string_view> names;
    for (const BounceFormat& format : bounce_formats()) {
        CAPTURE(format.name);
        CHECK_FALSE(format.name.empty());
        for (const char c : format.name) {
            CHECK(((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'));
        }
        CHECK(names.insert(format.name).second);
        CHECK(static_cast<bool>(format.recognises));
        CHECK(static_cast<bool>(format.extract));
    }
    CHECK(names.size() == 26); // one per unit of src/extract/formats/ but notice
}

TEST_CASE("bounce_formats: an email with no parts, an empty one, a letter and bytes that are no "
          "text are no format's") {
    const std::vector<DecodedMessage> others = {
        DecodedMessage{},
        text_message(""),
        text_message("Hi Bob,\n\nlunch at noon? <bob@example.jp>: see you.\n\nAlice\n"),
        text_message(std::string("\0\x01\xff{\"\\\n<>:\n--- \n", 14)),
    };
    for (const DecodedMessage& message : others) {
        for (const BounceFormat& format : bounce_formats()) {
            CAPTURE(format.name);
            CHECK_FALSE(format.recognises(message));
            Collect collector;
            format.extract(message, collector); // asked anyway: nothing, and no crash
            CHECK(collector.recipients.empty());
        }
    }
}

TEST_CASE("bounce_formats: the text of a returned original is never read as the report") {
    // qmail's report placed inside the original: the email is no bounce.
    DecodedMessage message = fixture("qmail.eml");
    for (MessagePart& part : message.parts) {
        part.in_original = true;
    }
    CHECK(first_recognising(message) == "none");
}

} // namespace
