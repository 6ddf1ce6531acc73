// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
// find_bounce_phrase (about 250 wordings) against the obvious way, on the
// same texts in one run:
//
//   smtp        find_bounce_phrase: one pass over the text, trying at each
//               position only the rows of its letter's bucket
//   naive_find  a lower-case copy with white space runs made one space, then
//               std::string::find for each row in priority order (the
//               baseline the brief names; tests/support/naive_bounce_phrase.hpp)
//   loop        only reads the inputs
//
// Two workloads, one operation per text:
//   bounce_phrase_1k    texts of about 1 KB, the size of a bounce's
//                       Diagnostic-Code with the transcript around it; half
//                       hold one wording (random case, anywhere), half none
//   bounce_phrase_reply replies as servers send them (40 to 200 bytes)
//
// The baseline is checked against the library on every input before
// anything runs.
#include <smtp/bounce_reason.hpp>

#include "../support/naive_bounce_phrase.hpp"
#include "harness.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace {

using smtp_bench::Random;

// Words of bounce messages that are in no wording of the table.
constexpr std::string_view filler[] = {"Received:",
                                       "from",
                                       "mx.example.org",
                                       "(192.0.2.17)",
                                       "by",
                                       "relay.example.net",
                                       "with",
                                       "ESMTPS",
                                       "id",
                                       "4Tq9Zx1kLmz",
                                       "for",
                                       "<someone@example.com>;",
                                       "Mon,",
                                       "13",
                                       "May",
                                       "2024",
                                       "10:14:07",
                                       "+0200",
                                       "Reporting-MTA:",
                                       "dns;",
                                       "Final-Recipient:",
                                       "rfc822;",
                                       "Action:",
                                       "failed",
                                       "Status:",
                                       "5.0.0",
                                       "Remote-MTA:",
                                       "Diagnostic-Code:",
                                       "smtp;",
                                       "550",
                                       "the",
                                       "message",
                                       "to",
                                       "was",
                                       "not",
                                       "delivered",
                                       "because",
                                       "of",
                                       "a",
                                       "problem",
                                       "at",
                                       "host",
                                       "said:",
                                       "(in",
                                       "reply",
                                       "to",
                                       "RCPT",
                                       "TO",
                                       "command)",
                                       "Please",
                                       "contact",
                                       "administrator",
                                       "This",
                                       "is",
                                       "the",
                                       "mail",
                                       "system",
                                       "at",
                                       "I'm",
                                       "sorry",
                                       "inform",
                                       "you",
                                       "that",
                                       "your",
                                       "could",
                                       "be",
                                       "one",
                                       "or",
                                       "more",
                                       "recipients.",
                                       "It's",
                                       "attached",
                                       "below.",
                                       "For",
                                       "further",
                                       "assistance,",
                                       "send",
                                       "postmaster.",
                                       "\r\n",
                                       "\r\n   ",
                                       "--"};

std::string random_case(Random& random, std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z' && random.chance(30)) {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    return out;
}

std::string filler_text(Random& random, std::size_t size) {
    std::string text;
    while (text.size() < size) {
        text += filler[random.below(std::size(filler))];
        text += ' ';
    }
    return text;
}

std::vector<std::string> make_kilobyte_texts() {
    Random random(0x5eed0b01);
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < 512; ++i) {
        std::string text = filler_text(random, 1024);
        if (random.chance(50)) {
            const std::string_view phrase =
                smtp::bounce_phrases[random.below(smtp::bounce_phrase_count)].text;
            const std::size_t at = text.find(' ', random.below(text.size()));
            text.insert(at == std::string::npos ? text.size() : at + 1,
                        random_case(random, phrase) + " ");
        }
        texts.push_back(std::move(text));
    }
    return texts;
}

std::vector<std::string> make_replies() {
    Random random(0x5eed0b02);
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < 4096; ++i) {
        std::string text =
            "550 5.7.1 <user" + std::to_string(random.below(1000)) + "@example.org>: ";
        if (random.chance(80)) {
            const std::string_view phrase =
                smtp::bounce_phrases[random.below(smtp::bounce_phrase_count)].text;
            text += random_case(random, phrase);
        }
        text += " " + filler_text(random, random.below(160));
        texts.push_back(std::move(text));
    }
    return texts;
}

const smtp_bench::TextPool kilobyte_pool(make_kilobyte_texts());
const smtp_bench::TextPool reply_pool(make_replies());

void check_baseline(const std::vector<std::string_view>& texts, std::size_t least_found) {
    std::size_t found = 0;
    for (const std::string_view text : texts) {
        const std::size_t row = smtp::find_bounce_phrase(text);
        if (row != naive_bounce_phrase::find(text)) {
            smtp_bench::fail("find_bounce_phrase(\"" + std::string(text) + "\")");
        }
        found += row != smtp::bounce_phrase_count ? 1u : 0u;
    }
    if (found < least_found || found == texts.size()) {
        smtp_bench::fail("the texts are not a mix of wordings and none");
    }
}

void add_group(const std::string& group, const std::vector<std::string_view>& texts) {
    using smtp_bench::add_kernel;
    using smtp_bench::each;
    add_kernel(group, "loop",
               [&texts] { return each(texts, [](std::string_view s) { return s; }); });
    add_kernel(group, "smtp", [&texts] {
        return each(texts, [](std::string_view s) { return smtp::find_bounce_phrase(s); });
    });
    add_kernel(group, "naive_find", [&texts] {
        return each(texts, [](std::string_view s) { return naive_bounce_phrase::find(s); });
    });
}

const bool registered = [] {
    check_baseline(kilobyte_pool.views(), kilobyte_pool.views().size() / 3);
    check_baseline(reply_pool.views(), reply_pool.views().size() / 2);
    add_group("bounce_phrase_1k", kilobyte_pool.views());
    add_group("bounce_phrase_reply", reply_pool.views());
    return true;
}();

} // namespace
