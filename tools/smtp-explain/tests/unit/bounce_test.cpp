// Tests of src/extract/bounce.hpp: which extractor reads an email.
#include "extract/bounce.hpp"

#include "support/messages.hpp"

#include <doctest/doctest.h>

#include <smtp/bounce_reason.hpp>

#include <string>
#include <vector>

namespace {

using namespace smtp_explain;
using smtp_explain::testing::Collect;
using smtp_explain::testing::email;
using smtp_explain::testing::part;
using Lines = std::vector<std::string>;

const char* const dsn = "Reporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; "
                        "a@example.net\nAction: failed\nStatus: 5.1.1\n";

// Formats for the tests: one recognises emails whose Subject is "mine", one
// recognises every email and reports nothing.
bool subject_mine(const DecodedMessage& message) {
    const std::string* subject = message.header("Subject");
    return subject != nullptr && *subject == "mine";
}
void report_one(const DecodedMessage&, BounceSink& sink) {
    BounceRecipient recipient;
    recipient.recipient = "format@example.org";
    sink.add(std::move(recipient));
}
bool every_email(const DecodedMessage&) { return true; }
void report_none(const DecodedMessage&, BounceSink&) {}

const std::vector<BounceFormat> formats = {{"greedy", every_email, report_none},
                                           {"mine", subject_mine, report_one}};

Lines read(const DecodedMessage& message) {
    Collect sink;
    const std::size_t count = extract_bounce(message, sink, formats);
    CHECK(count == sink.recipients.size());
    return sink.lines();
}

TEST_CASE("the first extractor that reads recipients decides, in the documented order") {
    const std::vector<HeaderField> daemon{{"From", "MAILER-DAEMON@mx.example.org"},
                                          {"Auto-Submitted", "auto-replied"}};
    // A DSN marked auto-replied (as MTAs mark bounces) is a bounce.
    CHECK(read(email(daemon, {part("message/delivery-status", dsn)})) ==
          Lines{"a@example.net dsn failed status=5.1.1"});
    // A format that recognises the email comes before the DSN, and is named.
    CHECK(read(email({{"Subject", "mine"}}, {part("message/delivery-status", dsn)})) ==
          Lines{"format@example.org mine"});
    // A feedback report comes before everything.
    CHECK(read(email({{"Subject", "mine"}},
                     {part("message/feedback-report", "Original-Rcpt-To: c@example.com\n"),
                      part("message/delivery-status", dsn)})) ==
          Lines{"c@example.com arf reason=feedback"});
    // A challenge-response request comes before the formats and the DSN.
    CHECK(read(email({{"Subject", "mine"}, {"X-Bluebottle-Request", "<1>"}},
                     {part("message/delivery-status", dsn)})) ==
          Lines{"a@example.net challenge failed status=5.1.1 reason=vacation"});
    // An auto-reply, then the plain text.
    CHECK(read(email({{"From", "fred@example.com"}, {"Auto-Submitted", "auto-replied"}},
                     {part("text/plain", "away\n\n<x@example.com>: said: 550 no\n")},
                     "text/plain")) == Lines{"fred@example.com autoreply reason=vacation"});
    CHECK(read(email(daemon, {part("text/plain", "<x@example.com>:\nsaid: 550 no\n")},
                     "text/plain")) == Lines{"x@example.com text code=550"});
    // Nothing at all.
    CHECK(read(email({{"From", "bob@example.com"}}, {part("text/plain", "hello")}, "text/plain"))
              .empty());
}

TEST_CASE("the list of formats is there for the dispatch") {
    for (const BounceFormat& format : bounce_formats()) {
        CHECK_FALSE(format.name.empty());
        CHECK(static_cast<bool>(format.recognises));
        CHECK(static_cast<bool>(format.extract));
    }
    Collect sink;
    CHECK(extract_bounce(email({}, {part("message/delivery-status", dsn)}), sink) == 1);
}

} // namespace
