// Tests for <smtp/bounce_reason.hpp>. It is included first to prove that it
// compiles on its own.
#include <smtp/bounce_reason.hpp>

#include <doctest/doctest.h>

#include "../support/naive_bounce_phrase.hpp"

#include <climits>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

using smtp::BounceBasis;
using smtp::BounceReason;
using smtp::Command;
using smtp::EnhancedStatusCode;
using R = smtp::BounceReason;

// ---------------------------------------------------------------------------
// The vocabulary, written out: every word exactly as bounce processors spell
// it, in the enum's order.
// ---------------------------------------------------------------------------

struct WordRow {
    BounceReason reason;
    std::string_view word;
};

constexpr WordRow words[] = {
    {R::Undefined, "undefined"},
    {R::UserUnknown, "userunknown"},
    {R::HostUnknown, "hostunknown"},
    {R::HasMoved, "hasmoved"},
    {R::MailboxFull, "mailboxfull"},
    {R::MesgTooBig, "mesgtoobig"},
    {R::ExceedLimit, "exceedlimit"},
    {R::Suspend, "suspend"},
    {R::Filtered, "filtered"},
    {R::Rejected, "rejected"},
    {R::Blocked, "blocked"},
    {R::SpamDetected, "spamdetected"},
    {R::VirusDetected, "virusdetected"},
    {R::PolicyViolation, "policyviolation"},
    {R::SecurityError, "securityerror"},
    {R::AuthFailure, "authfailure"},
    {R::RequirePtr, "requireptr"},
    {R::BadReputation, "badreputation"},
    {R::RateLimited, "ratelimited"},
    {R::TooManyConn, "toomanyconn"},
    {R::Speeding, "speeding"},
    {R::NotAccept, "notaccept"},
    {R::NoRelaying, "norelaying"},
    {R::SyntaxError, "syntaxerror"},
    {R::ContentError, "contenterror"},
    {R::NotCompliantRfc, "notcompliantrfc"},
    {R::FailedStartTls, "failedstarttls"},
    {R::NetworkError, "networkerror"},
    {R::SystemError, "systemerror"},
    {R::SystemFull, "systemfull"},
    {R::MailerError, "mailererror"},
    {R::Expired, "expired"},
    {R::OnHold, "onhold"},
    {R::Delivered, "delivered"},
    {R::Feedback, "feedback"},
    {R::Vacation, "vacation"},
};

TEST_CASE("name") {
    SUBCASE("every reason has its word") {
        for (const WordRow& row : words) {
            CAPTURE(row.word);
            CHECK(smtp::name(row.reason) == row.word);
        }
    }
    SUBCASE("all_bounce_reasons lists exactly these, in order") {
        REQUIRE(smtp::all_bounce_reasons.size() == std::size(words));
        for (std::size_t i = 0; i < std::size(words); ++i) {
            CHECK(smtp::all_bounce_reasons[i] == words[i].reason);
        }
    }
    SUBCASE("values that are no enumerator have no word") {
        for (int v : {-1, 36, 37, 63, 64, 100, 1000, INT_MIN, INT_MAX}) {
            CAPTURE(v);
            CHECK(smtp::name(static_cast<BounceReason>(v)).empty());
            CHECK(smtp::description(static_cast<BounceReason>(v)).empty());
        }
    }
    SUBCASE("the default value is Undefined") {
        CHECK(BounceReason{} == R::Undefined);
    }
}

TEST_CASE("bounce_reason_from_name") {
    SUBCASE("round trip") {
        for (const WordRow& row : words) {
            CAPTURE(row.word);
            CHECK(smtp::bounce_reason_from_name(row.word) == row.reason);
            CHECK(smtp::name(*smtp::bounce_reason_from_name(smtp::name(row.reason))) == row.word);
        }
    }
    SUBCASE("anything else is no reason") {
        const std::string_view texts[] = {"",
                                          "UserUnknown",
                                          "USERUNKNOWN",
                                          "userunknown ",
                                          " userunknown",
                                          "user unknown",
                                          "userunknow",
                                          "userunknownn",
                                          "hard",
                                          "soft",
                                          std::string_view("userunknown\0", 12)};
        for (const std::string_view text : texts) {
            CAPTURE(text);
            CHECK_FALSE(smtp::bounce_reason_from_name(text).has_value());
        }
    }
}

TEST_CASE("description") {
    std::set<std::string_view> seen;
    for (const WordRow& row : words) {
        const std::string_view text = smtp::description(row.reason);
        CAPTURE(row.word);
        CHECK(text.size() > 20);
        CHECK(text.size() < 160);
        CHECK(text.back() == '.');
        CHECK(text.find('\n') == std::string_view::npos);
        CHECK(seen.insert(text).second); // each its own
    }
}

TEST_CASE("is_failure") {
    for (const WordRow& row : words) {
        const bool no_failure =
            row.word == "delivered" || row.word == "feedback" || row.word == "vacation";
        CAPTURE(row.word);
        CHECK(smtp::is_failure(row.reason) == !no_failure);
    }
}

// ---------------------------------------------------------------------------
// Hard or soft
// ---------------------------------------------------------------------------

TEST_CASE("is_hard_bounce") {
    SUBCASE("only the address reasons are hard") {
        const std::set<std::string_view> hard = {"userunknown", "hostunknown", "hasmoved",
                                                 "notaccept"};
        for (const WordRow& row : words) {
            CAPTURE(row.word);
            CHECK(smtp::is_hard_bounce(row.reason) == (hard.count(row.word) == 1));
            // With a permanent reply code nothing changes.
            CHECK(smtp::is_hard_bounce(row.reason, 550) == (hard.count(row.word) == 1));
        }
    }
    SUBCASE("undefined and onhold stay soft in any class (sisimai 5.2)") {
        for (int code : {0, 450, 550, 554}) {
            CHECK_FALSE(smtp::is_hard_bounce(R::Undefined, code));
            CHECK_FALSE(smtp::is_hard_bounce(R::OnHold, code, EnhancedStatusCode{5, 0, 0}));
        }
    }
    SUBCASE("a bad address is bad in a transient reply too") {
        CHECK(smtp::is_hard_bounce(R::UserUnknown, 450, EnhancedStatusCode{4, 1, 1}));
        CHECK(smtp::is_hard_bounce(R::HostUnknown, 451));
        CHECK(smtp::is_hard_bounce(R::HasMoved, 450));
    }
    SUBCASE("a domain that accepts no mail for now is soft") {
        CHECK(smtp::is_hard_bounce(R::NotAccept, 556));
        CHECK(smtp::is_hard_bounce(R::NotAccept, 521, EnhancedStatusCode{5, 3, 2}));
        CHECK_FALSE(smtp::is_hard_bounce(R::NotAccept, 421, EnhancedStatusCode{4, 3, 2}));
        CHECK_FALSE(smtp::is_hard_bounce(R::NotAccept, 450));
        // No reply code: the enhanced code's class counts.
        CHECK_FALSE(smtp::is_hard_bounce(R::NotAccept, 0, EnhancedStatusCode{4, 3, 2}));
        CHECK(smtp::is_hard_bounce(R::NotAccept, 0, EnhancedStatusCode{5, 1, 10}));
        // Nothing known but the reason: hard, as sisimai.
        CHECK(smtp::is_hard_bounce(R::NotAccept, 0));
        CHECK(smtp::is_hard_bounce(R::NotAccept, 0, EnhancedStatusCode{7, 1, 1})); // invalid
        // A code above 599 is no reply code either: the enhanced code decides.
        CHECK_FALSE(smtp::is_hard_bounce(R::NotAccept, 600, EnhancedStatusCode{4, 3, 2}));
        CHECK(smtp::is_hard_bounce(R::NotAccept, 999));
    }
    SUBCASE("a full mailbox is a permanent failure of a good address") {
        CHECK_FALSE(smtp::is_hard_bounce(R::MailboxFull, 552, EnhancedStatusCode{5, 2, 2}));
    }
}

// ---------------------------------------------------------------------------
// Every registered enhanced code, written out: its reason in class 5 and in
// class 4, and whether each is a hard bounce. Decided by hand from the
// registry titles and RFCs (see the comment above enhanced_code_reasons).
// ---------------------------------------------------------------------------

struct CodeRow {
    int subject;
    int detail;
    BounceReason permanent;
    BounceReason transient;
    bool hard_permanent;
    bool hard_transient;
};

constexpr CodeRow code_rows[] = {
    {0, 0, R::Undefined, R::Undefined, false, false},
    {1, 0, R::OnHold, R::OnHold, false, false},
    {1, 1, R::UserUnknown, R::UserUnknown, true, true},
    {1, 2, R::HostUnknown, R::NetworkError, true, false},
    {1, 3, R::UserUnknown, R::UserUnknown, true, true},
    {1, 4, R::Filtered, R::Filtered, false, false}, // sisimai 5: a mailbox exists
    {1, 5, R::Undefined, R::Undefined, false, false},
    {1, 6, R::HasMoved, R::HasMoved, true, true},
    {1, 7, R::Rejected, R::Rejected, false, false},
    {1, 8, R::Rejected, R::Rejected, false, false},
    {1, 9, R::SystemError, R::SystemError, false, false},
    {1, 10, R::NotAccept, R::NotAccept, true, false},
    {2, 0, R::Filtered, R::Filtered, false, false},
    {2, 1, R::Filtered, R::Suspend, false, false},
    {2, 2, R::MailboxFull, R::MailboxFull, false, false},
    {2, 3, R::ExceedLimit, R::ExceedLimit, false, false},
    {2, 4, R::Filtered, R::Filtered, false, false},
    {3, 0, R::SystemError, R::SystemError, false, false},
    {3, 1, R::SystemFull, R::SystemFull, false, false},
    {3, 2, R::NotAccept, R::SystemError, true, false},
    {3, 3, R::SystemError, R::SystemError, false, false},
    {3, 4, R::MesgTooBig, R::MesgTooBig, false, false},
    {3, 5, R::SystemError, R::SystemError, false, false},
    {3, 6, R::Undefined, R::Undefined, false, false},
    {4, 0, R::NetworkError, R::NetworkError, false, false},
    {4, 1, R::UserUnknown, R::Expired, true, false}, // Exchange Online: edge blocking
    {4, 2, R::NetworkError, R::NetworkError, false, false},
    {4, 3, R::SystemError, R::SystemError, false, false},
    {4, 4, R::HostUnknown, R::NetworkError, true, false},
    {4, 5, R::SystemFull, R::SystemFull, false, false},
    {4, 6, R::NetworkError, R::NetworkError, false, false},
    {4, 7, R::Expired, R::Expired, false, false},
    {5, 0, R::SyntaxError, R::SyntaxError, false, false},
    {5, 1, R::SyntaxError, R::SyntaxError, false, false},
    {5, 2, R::SyntaxError, R::SyntaxError, false, false},
    {5, 3, R::RateLimited, R::RateLimited, false, false},
    {5, 4, R::SystemError, R::SystemError, false, false},
    {5, 5, R::SystemError, R::SystemError, false, false},
    {5, 6, R::SyntaxError, R::SyntaxError, false, false},
    {6, 0, R::ContentError, R::ContentError, false, false},
    {6, 1, R::ContentError, R::ContentError, false, false},
    {6, 2, R::ContentError, R::ContentError, false, false},
    {6, 3, R::ContentError, R::ContentError, false, false},
    {6, 4, R::ContentError, R::ContentError, false, false},
    {6, 5, R::ContentError, R::ContentError, false, false},
    {6, 6, R::ContentError, R::ContentError, false, false},
    {6, 7, R::ContentError, R::ContentError, false, false},
    {6, 8, R::ContentError, R::ContentError, false, false},
    {6, 9, R::ContentError, R::ContentError, false, false},
    {6, 10, R::ContentError, R::ContentError, false, false},
    {7, 0, R::SecurityError, R::SecurityError, false, false},
    {7, 1, R::SecurityError, R::Blocked, false, false},
    {7, 2, R::SecurityError, R::SecurityError, false, false},
    {7, 3, R::SecurityError, R::SecurityError, false, false},
    {7, 4, R::SecurityError, R::SecurityError, false, false},
    {7, 5, R::SecurityError, R::SecurityError, false, false},
    {7, 6, R::SecurityError, R::SecurityError, false, false},
    {7, 7, R::SecurityError, R::SecurityError, false, false},
    {7, 8, R::SecurityError, R::SecurityError, false, false},
    {7, 9, R::SecurityError, R::SecurityError, false, false},
    {7, 10, R::FailedStartTls, R::FailedStartTls, false, false},
    {7, 11, R::SecurityError, R::SecurityError, false, false},
    {7, 12, R::SecurityError, R::SecurityError, false, false},
    {7, 13, R::Suspend, R::Suspend, false, false},
    {7, 14, R::SecurityError, R::SecurityError, false, false},
    {7, 15, R::PolicyViolation, R::PolicyViolation, false, false},
    {7, 16, R::MesgTooBig, R::MesgTooBig, false, false},
    {7, 17, R::HasMoved, R::HasMoved, true, true},
    {7, 18, R::HasMoved, R::HasMoved, true, true},
    {7, 19, R::SecurityError, R::SecurityError, false, false},
    {7, 20, R::AuthFailure, R::AuthFailure, false, false},
    {7, 21, R::AuthFailure, R::AuthFailure, false, false},
    {7, 22, R::AuthFailure, R::AuthFailure, false, false},
    {7, 23, R::AuthFailure, R::AuthFailure, false, false},
    {7, 24, R::AuthFailure, R::AuthFailure, false, false},
    {7, 25, R::RequirePtr, R::RequirePtr, false, false},
    {7, 26, R::AuthFailure, R::AuthFailure, false, false},
    {7, 27, R::Rejected, R::Rejected, false, false},
    {7, 28, R::SpamDetected, R::RateLimited, false, false},
    {7, 29, R::AuthFailure, R::AuthFailure, false, false},
    {7, 30, R::FailedStartTls, R::FailedStartTls, false, false},
};

TEST_CASE("bounce_reason of an enhanced code") {
    REQUIRE(std::size(code_rows) == smtp::enhanced_status_code_registry.size());
    for (const CodeRow& row : code_rows) {
        const EnhancedStatusCode permanent{5, row.subject, row.detail};
        const EnhancedStatusCode transient{4, row.subject, row.detail};
        const EnhancedStatusCode success{2, row.subject, row.detail};
        CAPTURE(row.subject);
        CAPTURE(row.detail);
        REQUIRE(smtp::is_registered(permanent)); // the table above is the registry
        CHECK(smtp::bounce_reason(permanent) == row.permanent);
        CHECK(smtp::bounce_reason(transient) == row.transient);
        CHECK(smtp::bounce_reason(success) == R::Delivered);
        CHECK(smtp::is_hard_bounce(smtp::bounce_reason(permanent), 0, permanent) ==
              row.hard_permanent);
        CHECK(smtp::is_hard_bounce(smtp::bounce_reason(transient), 0, transient) ==
              row.hard_transient);
        // A reply with this code and a text that says nothing: a Decisive
        // code answers by itself, whatever the command.
        if (smtp::code_verdict(permanent).weight == smtp::CodeWeight::Decisive) {
            const auto verdict = smtp::classify_bounce(550, permanent, Command::Other, "");
            CHECK(verdict.reason == row.permanent);
            CHECK(verdict.basis == BounceBasis::EnhancedCode);
            CHECK(verdict.hard == row.hard_permanent);
        }
    }
}

TEST_CASE("code_verdict: weights") {
    using smtp::CodeWeight;
    // The generic details and the codes vendors overload leave the text a say.
    for (const EnhancedStatusCode code :
         {EnhancedStatusCode{5, 0, 0}, EnhancedStatusCode{5, 7, 0}, EnhancedStatusCode{5, 7, 1},
          EnhancedStatusCode{5, 5, 0}}) {
        CHECK(smtp::code_verdict(code).weight == CodeWeight::Vague);
    }
    for (const EnhancedStatusCode code :
         {EnhancedStatusCode{5, 1, 0}, EnhancedStatusCode{5, 3, 0}, EnhancedStatusCode{5, 1, 10},
          EnhancedStatusCode{4, 2, 1}, EnhancedStatusCode{5, 2, 2}, EnhancedStatusCode{5, 7, 9},
          EnhancedStatusCode{4, 7, 23}, EnhancedStatusCode{5, 7, 27},
          EnhancedStatusCode{4, 7, 28}}) {
        CHECK(smtp::code_verdict(code).weight == CodeWeight::Hint);
    }
    for (const EnhancedStatusCode code :
         {EnhancedStatusCode{5, 1, 1}, EnhancedStatusCode{5, 4, 4}, EnhancedStatusCode{5, 7, 26},
          EnhancedStatusCode{2, 0, 0}}) {
        CHECK(smtp::code_verdict(code).weight == CodeWeight::Decisive);
    }
    CHECK(smtp::name(CodeWeight::Hint) == "Hint");
    CHECK(smtp::name(static_cast<CodeWeight>(9)).empty());
}

// Vendor codes and codes no one registered, worked out by hand from the
// vendors' documentation and RFC 3463 section 2 (the subject's meaning).
struct VendorExample {
    EnhancedStatusCode code;
    BounceReason reason;
};

constexpr VendorExample vendor_examples[] = {
    {{4, 7, 500}, R::Blocked},
    {{4, 7, 649}, R::Blocked},
    {{4, 7, 650}, R::BadReputation}, // Outlook.com: rate limited due to IP reputation
    {{4, 7, 651}, R::BadReputation},
    {{4, 7, 652}, R::Blocked},
    {{4, 7, 699}, R::Blocked},
    {{4, 7, 700}, R::SecurityError}, // X.7.0's
    {{4, 7, 850}, R::Blocked},
    {{4, 4, 312}, R::NetworkError}, // Microsoft: DNS query failed
    {{4, 4, 316}, R::NetworkError}, // Microsoft: connection refused
    {{4, 4, 318}, R::NetworkError}, // Microsoft: connection closed abruptly
    {{5, 4, 316}, R::NetworkError}, // Microsoft: message expired, connection refused
    {{5, 1, 90}, R::RateLimited},
    {{5, 2, 121}, R::RateLimited},
    {{5, 2, 122}, R::RateLimited},
    {{5, 2, 123}, R::Filtered}, // X.2.0's
    {{5, 4, 300}, R::Expired},
    {{5, 4, 14}, R::NetworkError},
    {{5, 6, 11}, R::NotCompliantRfc},
    {{5, 7, 64}, R::NoRelaying},
    {{5, 7, 124}, R::Filtered},
    {{5, 7, 133}, R::Filtered},
    {{5, 7, 136}, R::Filtered},
    {{5, 7, 321}, R::FailedStartTls},
    {{5, 7, 501}, R::Rejected},
    {{5, 7, 504}, R::UserUnknown},
    {{5, 7, 506}, R::Blocked},
    {{5, 7, 508}, R::RateLimited},
    {{5, 7, 509}, R::AuthFailure},
    {{5, 7, 511}, R::Blocked},
    {{5, 7, 512}, R::NotCompliantRfc},
    {{5, 7, 513}, R::Blocked},
    {{5, 7, 515}, R::AuthFailure},
    {{5, 7, 520}, R::Blocked}, // the 5.7.5xx range
    {{5, 7, 606}, R::Blocked},
    {{5, 7, 705}, R::Blocked},
    {{5, 7, 750}, R::Rejected},
    {{4, 7, 32}, R::AuthFailure},
    {{5, 7, 32}, R::AuthFailure},
    {{4, 7, 40}, R::AuthFailure},
    {{5, 7, 40}, R::AuthFailure},
    {{5, 7, 90}, R::SecurityError},
    {{5, 1, 99}, R::OnHold},
    {{4, 1, 99}, R::OnHold},
    {{5, 4, 99}, R::NetworkError},
    {{5, 6, 999}, R::ContentError},
    {{2, 7, 999}, R::Delivered},
    {{5, 8, 0}, R::Undefined},
    {{5, 999, 999}, R::Undefined},
    {{3, 1, 1}, R::Undefined},
    {{5, -1, 1}, R::Undefined},
    {{5, 1, 1000}, R::Undefined},
    {{INT_MIN, INT_MIN, INT_MIN}, R::Undefined},
};

TEST_CASE("bounce_reason of a vendor or unregistered code") {
    for (const VendorExample& example : vendor_examples) {
        CAPTURE(smtp::to_text(example.code).view());
        CHECK(smtp::bounce_reason(example.code) == example.reason);
    }
}

// ---------------------------------------------------------------------------
// Real-world wordings, at least three per reason, each from a source cited in
// citation(PhraseSource), and a near miss that must not give the reason.
// ---------------------------------------------------------------------------

struct WordingRow {
    BounceReason reason;
    std::vector<std::string_view> wordings;
    std::string_view near_miss;
};

const std::vector<WordingRow>& wording_rows() {
    static const std::vector<WordingRow> rows = {
        {R::UserUnknown,
         {"550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in local "
          "recipient table", // Postfix
          "The email account that you tried to reach does not exist. Please try "
          "double-checking the recipient's email address for typos or unnecessary spaces.", // Gmail
          "Sorry, no mailbox here by that name. (#5.1.1)",                                  // qmail
          "554 delivery error: dd This user doesn't have a yahoo.com account "
          "(testing123@yahoo.com) [-5] - mta123.mail.mud.yahoo.com",               // Yahoo
          "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found",                       // Microsoft
          "550 5.1.1 <nobody@example.org>... User unknown",                        // Sendmail
          "550 5.1.1 <nobody@example.org> User doesn't exist: nobody@example.org", // Dovecot
          "550 No such user here",                                                 // RFC 5321 D.1
          "550-Unrouteable address"},                                              // Exim
         "550 5.7.1 <userunknown@example.org>: Sender address rejected: Access denied"},
        {R::HostUnknown,
         {"Host or domain name not found. Name service error for name=example.invalid type=A: "
          "Host not found", // Postfix
          "We weren't able to find the recipient domain. Please check for any spelling errors", // Gmail
          "Sorry, I couldn't find any host named example.invalid. (#5.1.2)", // qmail
          "550 5.1.2 Host unknown"},                                         // Sendmail
         "Host or domain name not found. Name service error for name=example.org type=MX: "
         "Host not found, try again"},
        {R::HasMoved,
         {"551 User not local; please try <jones@xyz.example>",   // RFC 5321 3.4
          "Destination mailbox has moved, No forwarding address", // RFC 3463
          "550 5.7.17 Mailbox owner has changed"},                // RFC 7293
         "Your mailbox has been moved to the new server"},
        {R::MailboxFull,
         {"452 4.2.2 The recipient's inbox is out of storage space. Please direct the recipient "
          "to Manage files in your Google Drive storage.",                       // Gmail
          "552 5.2.2 <u@example.org> Quota exceeded (mailbox for user is full)", // Dovecot
          "The email account that you tried to reach is over quota.",            // Gmail
          "Exim quota exceeded for u@example.org",                               // Exim
          "552 5.2.2 Mailbox full"},                                             // RFC 3463
         "550 5.4.5 Daily sending quota exceeded."},
        {R::MesgTooBig,
         {"552 5.3.4 Message size exceeds fixed limit",                           // Postfix
          "552 5.2.3 Message size exceeds fixed maximum message size (10485760)", // Sendmail
          "552 sorry, that message size exceeds my databytes limit (#5.3.4)",     // qmail
          "552 5.3.4 Your message exceeded Google's message size limits.",        // Gmail
          "554 mx.example.org 12ab: Transaction failed, message too big"},        // OpenSMTPD
         "552 5.2.3 Message length exceeds administrative limit"},
        {R::ExceedLimit,
         {"552 5.2.3 Message length exceeds administrative limit", // RFC 3463
          "550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient",
          "550 5.2.3 RESOLVER.RST.SendSizeLimit.Sender; message too large for this sender"},
         "552 5.3.4 Message size exceeds fixed limit"},
        {R::Suspend,
         {"550 5.2.1 The email account that you tried to reach is disabled.", // Gmail
          "550 5.2.1 The email account that you tried to reach is inactive.", // Gmail
          "Mailbox disabled, not accepting messages",                         // RFC 3463
          "525 5.7.13 User Account Disabled",                                 // RFC 5248
          "550 5.7.1 User a@example.org temporary locked. Please try again later!"}, // observed
         "550 Account disable request received"},
        {R::Filtered,
         {"550 5.7.124 Sender not in allowed-senders list",       // Microsoft
          "550 5.7.134 Sender was not authenticated for mailbox", // Microsoft
          "550 5.7.133 Sender not authenticated for group",       // Microsoft
          "550 Envelope blocked - User Entry"},                   // Mimecast
         "530 5.7.57 Client was not authenticated to send anonymous mail during MAIL FROM"},
        {R::Rejected,
         {"553 5.1.8 <a@b.invalid>: Sender address rejected: Domain not found", // Postfix
          "550 Sender verify failed",                                           // Exim
          "553 sorry, your envelope sender is in my badmailfrom list (#5.7.1)", // qmail
          "Email address is not verified. The following identities failed the check in "
          "region US-EAST-1: a@example.org",               // Amazon SES
          "550 5.1.8 Access denied, bad outbound sender"}, // Microsoft
         "554 5.7.1 <a@example.org>: Recipient address rejected: Access denied"},
        {R::Blocked,
         {"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using "
          "zen.spamhaus.org",                                          // Postfix
          "192.0.2.1 is listed at bl.example.org (127.0.0.2: listed)", // Exim
          "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your "
          "Internet service provider since part of their network is on our block list (S3150).", // Outlook.com
          "550 5.7.606 Access denied, banned sending IP [192.0.2.1]", // Microsoft
          "554 Blocked - see https://dnsbl.example.org/lookup?ip=192.0.2.1", // observed
          "550 5.7.1 IP address blacklisted by recipient"},                 // observed
         "250 The sender was unblocked using the portal"},
        {R::SpamDetected,
         {"550 5.7.1 Our system has detected that this message is likely unsolicited mail. To "
          "reduce the amount of spam sent to Gmail, this message has been blocked.", // Gmail
          "550 Classified as spam (score 9.1)",                                      // Exim
          "554 5.7.0 Reject, id=12345-01 - spam",                                    // amavisd-new
          "421 4.7.0 This message is suspicious due to the nature of the content or the links "
          "within.", // Gmail
          "554 5.6.0 This message has been scored as spam (score above 9)"}, // observed
         "250 2.0.0 Ok: queued after the anti-spam check"},
        {R::VirusDetected,
         {"554 5.7.0 Reject, id=12345-01 - INFECTED: Eicar-Signature",            // amavisd-new
          "550 This message was detected as possible malware (Eicar-Signature).", // Exim
          "VIRUS in message apparently from you (Eicar-Signature)"}, // amavisd-new
         "250 Scanned by antivirus software"},
        {R::PolicyViolation,
         {"550 5.7.1 The user or domain that you are sending to (or from) has a policy that "
          "prohibits the email that you sent.",                                        // Gmail
          "550 5.0.350 Requested action not taken: policy violation detected (AS345)", // Microsoft
          "550 Administrative prohibition",                                            // Exim
          "554 5.7.0 Reject, id=12345-01 - BANNED: invoice.exe",        // amavisd-new
          "550 5.7.1 This message violates example.com email policy.", // Gmail
          "552 5.7.0 This message was blocked because its content presents a potential security "
          "issue."}, // Gmail
         "550 5.7.23 The message was rejected because of Sender Policy Framework violation"},
        {R::SecurityError,
         {"535 5.7.8 Error: authentication failed: authentication failure", // Postfix
          "530 5.7.0 Authentication required.",                             // Gmail
          "535 5.7.80 Username and Password not accepted.",                 // Gmail
          "530 5.7.57 Client was not authenticated to send anonymous mail during MAIL FROM", // Microsoft
          "550 Unauthenticated senders not allowed"}, // observed
         "550 5.7.1 SPF authentication failed"},
        {R::AuthFailure,
         {"550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's "
          "DMARC policy.", // Gmail
          "550 5.7.23 The message was rejected because of Sender Policy Framework violation", // Microsoft
          "550 SPF check failed.", // Exim
          "550 5.7.30 This message was blocked because it didn't pass DKIM authentication."}, // Gmail
         "550 Rejected by mx.dkimtest.example"},
        {R::RequirePtr,
         {"550-5.7.25 The IP address sending this message does not have a PTR record setup", // Gmail
          "550 5.7.25 This message was blocked because the sending IP address doesn't have a "
          "PTR record", // Gmail
          "550 5.7.25 Access denied, the sending IPv6 address [2001:db8::1] must have a reverse "
          "DNS record",                                                             // Microsoft
          "450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.1]", // Postfix
          "550 5.7.1 This message does not meet IPv6 sending guidelines regarding PTR records "
          "and authentication.", // Gmail
          "554 No SMTP service. Bad DNS PTR resource record."}, // observed (GMX)
         "550 Rejected, see reverse-dns.example for details"},
        {R::BadReputation,
         {"550 5.7.1 This message is likely suspicious due to the very low reputation of the "
          "sending IP address.", // Gmail
          "451 4.7.650 The mail server [192.0.2.1] has been temporarily rate limited due to IP "
          "reputation.", // Outlook.com
          "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected "
          "volume or user complaints",                                               // Yahoo
          "451 VS1-IP Excessive unknown recipients - possible Open Relay (#4.1.8)"}, // Yahoo
         "250 The sending IP address has a good reputation"},
        {R::RateLimited,
         {"454 Throttling failure: Daily message quota exceeded", // Amazon SES
          "550 5.4.5 Daily user sending limit exceeded.",         // Gmail
          "450 4.7.1 Error: too much mail from 192.0.2.1",        // Postfix
          "550 5.7.508 Access denied, [192.0.2.1] has exceeded permitted limits within /24 "
          "range", // Microsoft
          "421 4.7.28 Gmail has detected an unusual rate of email. To protect our users from "
          "spam, email has been temporarily rate limited.", // Gmail
          // Connection limits and speed: sisimai 5.6's ratelimited too.
          "421 4.7.0 mx.example.org Error: too many connections from 192.0.2.1", // Postfix
          "421 Too many concurrent SMTP connections from this IP address; please try again "
          "later.",                                                             // Exim
          "454 Throttling failure: Maximum sending rate exceeded",              // Amazon SES
          "450 4.2.1 The user you are trying to contact is receiving mail too quickly.", // Gmail
          "550 Connection frequency limited. http://service.mail.qq.com/",       // Tencent
          "452 4.3.2 Connection rate limit exceeded.",                           // observed
          // Too many recipients at once: the rest go in another transaction.
          "452 4.5.3 Error: too many recipients", // Postfix
          "452 4.5.3 Domain policy size per transaction exceeded, please try this recipient "
          "in a separate transaction.",                    // Gmail
          "552 too many recipients",                       // Exim
          "450 4.7.1 Error: too many recipients from 192.0.2.1"}, // Postfix
         "250 Your rate plan is limited"},
        {R::NotAccept,
         {"556 5.1.10 <a@example.org>: Recipient address rejected: Domain example.org does not "
          "accept mail (nullMX)",                          // Postfix
          "521 5.3.2 mx.example.org does not accept mail", // RFC 7504
          "556 5.1.10 Domain does not accept mail",        // RFC 7504
          "System not accepting network messages"},        // RFC 3463
         "550 5.7.510 Access denied, example.com does not accept email over IPv6"},
        {R::NoRelaying,
         {"554 5.7.1 <a@example.org>: Relay access denied",                        // Postfix
          "550 relay not permitted",                                               // Exim
          "550 5.7.1 <a@example.org>... Relaying denied",                          // Sendmail
          "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)", // qmail
          "550 5.7.1 Unable to relay"},                                            // Microsoft
         "250 Relaying is allowed for authenticated users"},
        {R::SyntaxError,
         {"555 5.5.2 Syntax error.",                        // Gmail
          "500 5.5.2 Error: command not recognized",        // Postfix
          "554 5.5.0 Error: SMTP protocol synchronization", // Postfix
          "503 5.5.1 Bad sequence of commands."},           // Gmail
         "250 No syntax errors found"},
        {R::ContentError,
         {"554 5.6.0 Email message is malformed. Not accepted.",                        // Gmail
          "554 Cannot send 8-bit data to 7-bit destination",                            // Sendmail
          "550 5.7.1 The message contains a unicode character in a disallowed header.", // Gmail
          "553 5.6.7 Must declare SMTPUTF8 to send unicode address"},                   // Postfix
         "250 The message is well formed"},
        {R::NotCompliantRfc,
         {"550 5.7.1 This message is not RFC 5322 compliant because it has duplicate headers.", // Gmail
          "550 mx.example.org 12ab: Message is not RFC 2822 compliant", // OpenSMTPD
          "550 5.7.512 Access denied, message must be RFC 5322 section 3.6.2 compliant", // Microsoft
          "554 5.6.0 Reject, id=12345-01 - BAD HEADER: duplicate header field", // amavisd-new
          "550 5.5.2 Error: bare <LF> received"},                               // Postfix
         "250 RFC 5322 compliance checked"},
        {R::FailedStartTls,
         {"TLS is required, but host mx.example.org[192.0.2.1] refused to start TLS: handshake "
          "failed",                                         // Postfix
          "530 5.7.0 Must issue a STARTTLS command first.", // Gmail
          "451 5.7.321 starttls-not-supported: Destination mail server must support TLS to "
          "receive mail.",                                                // Microsoft
          "421 4.7.0 TLS required for RCPT domain, closing connection."}, // Gmail
         "250 TLS is available"},
        {R::NetworkError,
         {"lost connection with mx.example.org[192.0.2.1] while receiving the initial server "
          "greeting", // Postfix
          "conversation with mx.example.org[192.0.2.1] timed out while sending end of data", // Postfix
          "554 5.4.6 Too many hops 26 (25 max)", // Sendmail
          "Host or domain name not found. Name service error for name=example.org type=MX: "
          "Host not found, try again"}, // Postfix
         "250 The connection was lost earlier but works now"},
        {R::SystemError,
         {"421 4.3.0 Temporary System Problem. Try again later.",          // Gmail
          "451 4.3.5 Server configuration error",                          // Postfix
          "421 Resources temporarily unavailable. Please try again later", // Yahoo
          "451 Requested action aborted: local error in processing"},      // RFC 5321
         "250 Server configuration ok"},
        {R::SystemFull,
         {"452 4.3.1 Insufficient system storage",              // Postfix, RFC 5321
          "452 4.4.5 Insufficient disk space; try again later", // Sendmail
          "451 qq write error or disk full (#4.3.0)"},          // qmail
         "250 Disk fullness is 40 %"},
        {R::MailerError,
         {"Command died with status 1: \"/usr/bin/procmail\"",      // Postfix
          "Command time limit exceeded: \"/usr/local/bin/filter\"", // Postfix
          "554 5.3.0 unknown mailer error 75"},                     // Sendmail
         "250 The command died quietly"},
        {R::Expired,
         {"4.4.7 Message expired",                                                    // Microsoft
          "retry timeout exceeded",                                                   // Exim
          "I'm not going to try again; this message has been in the queue too long.", // qmail
          "Cannot send message for 5 days", // Sendmail
          // A host that could not be reached at all (RFC 3463 X.4.1).
          "Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)", // qmail
          "4.4.316 Connection refused [Message=Socket error code 10061]",   // Microsoft
          "connect to mx.example.org[192.0.2.1]:25: Connection timed out"}, // Postfix
         "250 The message expires in 5 days"},
    };
    return rows;
}

BounceReason reason_of(std::string_view text) {
    const std::size_t row = smtp::find_bounce_phrase(text);
    return row == smtp::bounce_phrase_count ? R::Undefined : smtp::bounce_phrases[row].reason;
}

TEST_CASE("find_bounce_phrase: real-world wordings") {
    std::set<BounceReason> covered;
    for (const WordingRow& row : wording_rows()) {
        CAPTURE(smtp::name(row.reason));
        CHECK(row.wordings.size() >= 3);
        for (const std::string_view wording : row.wordings) {
            CAPTURE(wording);
            CHECK(reason_of(wording) == row.reason);
            CHECK(smtp::find_bounce_phrase(wording) == naive_bounce_phrase::find(wording));
        }
        CAPTURE(row.near_miss);
        CHECK(reason_of(row.near_miss) != row.reason);
        CHECK(smtp::find_bounce_phrase(row.near_miss) == naive_bounce_phrase::find(row.near_miss));
        covered.insert(row.reason);
    }
    // Every reason a reply's words can tell has its wordings here; the others
    // come from codes and context (Undefined, OnHold), or from the bounce
    // message rather than a reply (Delivered, Feedback, Vacation), or are
    // given as RateLimited (TooManyConn, Speeding).
    for (const BounceReason reason : smtp::all_bounce_reasons) {
        const bool from_words = reason != R::Undefined && reason != R::OnHold &&
                                reason != R::Delivered && reason != R::Feedback &&
                                reason != R::Vacation && reason != R::TooManyConn &&
                                reason != R::Speeding;
        CAPTURE(smtp::name(reason));
        CHECK(covered.count(reason) == (from_words ? 1u : 0u));
    }
}

// Each row added from a provider's documentation or from real bounces: a
// reply in its words gives the row (not only its reason), and a near miss,
// close in words, does not give the row's reason.
struct LearntRow {
    std::string_view phrase;
    std::string_view wording;
    std::string_view near_miss;
};

const LearntRow learnt_rows[] = {
    {"ip name lookup failed", "450 4.7.1 Access denied. IP name lookup failed [192.0.2.1]",
     "250 IP name lookup succeeded"},
    {"invalid rdns",
     "551 Server access mx.example.org forbidden by invalid RDNS record of your mail server "
     "(192.0.2.1).",
     "551 Server access forbidden by invalid RDNSBL entry"},
    {"duplicate header", "554 Transaction failed: Duplicate header 'DKIM-Signature'.",
     "250 Duplicated headers were merged"},
    {"unfortunately, messages from",
     "550 SC-004 Unfortunately, messages from 192.0.2.1 weren't sent. We recommend that you "
     "contact your Internet service provider.",
     "550 Unfortunately, message from the list was held"},
    {"aup#cxbl", "554 192.0.2.1 rejected. AUP#CXBL", "554 rejected. AUP#CXBLX"},
    {"aup#cdrbl",
     "550 5.1.0 <a@example.org> sender rejected. Refer to Error Codes section at "
     "https://www.cox.com/residential/support/email-error-codes.html for more information. "
     "AUP#CDRBL",
     "550 5.1.0 <a@example.org> sender rejected. AUP#CXSNDR"},
    {"smtp server of your isp",
     "550 5.7.0 <a@example.jp>... Please use the smtp server of your ISP.",
     "550 5.7.0 Please use the smtp server of your company"},
    {"unverifyable sending",
     "450 service permits 2 unverifyable sending IPs - mx.example.com is not 192.0.2.1",
     "450 service permits 2 verified sending IPs"},
    {"connection frequency limited",
     "550 Connection frequency limited [Blocked IP 192.0.2.1]. "
     "http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000722",
     "550 Connection limited to TLS"},
    {"aup#in-1310",
     "550 5.1.0 <a@example.org> sender rejected. Please see "
     "https://www.spectrum.net/support/internet/understanding-email-error-codes for more "
     "information. AUP#In-1310",
     "550 sender rejected. AUP#In-13100"},
    {"frequency limited", "550 Ip frequency limited [Blocked IP 192.0.2.1].",
     "550 Ip frequency unlimited"},
    {"content rejected, ube", "550 5.7.1 Message content rejected, UBE, id=00000-22-225",
     "550 5.7.1 Message content rejected, UBER policy"},
    {"mcspamsignature",
     "554 email rejected due to security policies - MCSpamSignature.sa.2.2",
     "554 email rejected due to security policies - MCSignature"},
    {"not accepted for policy reasons",
     "554 5.7.9 Message not accepted for policy reasons. See "
     "https://postmaster.verizonmedia.com/error-codes",
     "250 Message accepted for policy review"},
    {"denied by policy", "550 Denied by policy", "250 Allowed by policy"},
    {"mailbox is full", "mailbox is full: retry timeout exceeded", "mailbox is fully synced"},
    {"mailfolder is full",
     "child status 100...The e-mail message could not be delivered because the user's "
     "mailfolder is full.",
     "The user's mailfolder is fuller than last week"},
    {"mailbox exceeded the local limit",
     "The number of messages in recipient's mailbox exceeded the local limit.",
     "The number of recipients exceeded the local limit."},
    {"user not found", "550 User not found", "550 User notfound"},
    {"the domain is not reachable",
     "554 The mail could not be delivered to the recipient because the domain is not "
     "reachable. Please check the domain and try again",
     "554 The mail could not be delivered: the host is not reachable"},
    {"mailbox is frozen", "550 Mailbox is frozen. See http://mail.i.ua/err/3/",
     "550 Mailbox is frozenish"},
    {"mailbox not found", "550 MAILBOX NOT FOUND", "250 Mailbox found"},
    {"mailbox does not exist", "550 5.1.1 Recipient rejected: mailbox does not exist",
     "250 The mailbox does now exist"},
    {"no such recipient", "550 No such recipient here", "250 No such recipients were refused"},
    {"recipient unknown", "550 Recipient unknown", "250 Recipient unknowingly subscribed"},
    {"unknown recipient", "550 5.1.1 Unknown recipient <a@example.org>",
     "250 Unknown recipients are accepted"},
    {"address unknown", "550 Address unknown", "550 Address unknowable"},
    {"account has been disabled",
     "554 delivery error: dd Sorry your message to a@example.com cannot be delivered. This "
     "account has been disabled or discontinued [#102].",
     "250 This account has been enabled"},
    {"mailbox is disabled",
     "554 30 Sorry, your message to a@example.org cannot be delivered. This mailbox is disabled",
     "250 This mailbox is disabledless"},
    {"spam detected", "550 spam detected", "250 No spam detection"},
    {"domain name not found",
     "DNS Error: DNS type 'mx' lookup of example.org responded with code NXDOMAIN Domain name "
     "not found: example.org",
     "250 Domain name not foundational"},
    {"refused due to recipient preferences",
     "550 5.1.1 RCP-P2 http://postmaster.facebook.com/response_codes?ip=192.0.2.1#rcp Refused due "
     "to recipient preferences",
     "250 Accepted due to recipient preferences"},
    {"an address that has been blacklisted",
     "550 Sorry, you are sending to/from an address that has been blacklisted",
     "250 an address that has been blacklistedness"},
    {"please provide a valid from",
     "550 5.2.0 <a@example.com> From: Domain is invalid. Please provide a valid From: IB506",
     "250 Please provide a valid Fromage"},
    {"no mx found for domain", "No MX found for domain", "250 MX found for domain"},
    {"blacklisted url", "550-REJECTED - Blacklisted URL in message. (example.com) in [black].",
     "250 No blacklisted urls"},
    {"user not exist", "550 <a@example.co.jp>... User not exist", "250 User not existing yet"},
    {"connection timed out", "connect to mx.example.org[192.0.2.1]:25: Connection timed out",
     "250 Connection timeout raised to 300 s"},
    {"procmail",
     "procmail: Lock failure on \"/var/mail/u.lock\" procmail: Error while writing to "
     "\"/var/mail/u\"",
     "550 procmailrc rejected"},
    {"turn on smtp authentication", "550-Please turn on SMTP Authentication in your mail client.",
     "250 SMTP Authentication is on"},
    {"recipient address rejected: access denied",
     "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) "
     "[DM6NAM12FT064.eop-nam12.prod.protection.outlook.com]",
     "550 5.4.1 Recipient address rejected: Access to the relay is limited"},
    {"does not have authentication information",
     "550-5.7.1 This message does not have authentication information or fails to pass",
     "250 This message has authentication information"},
    {"purported responsible address",
     "550 5.7.1 can't determine Purported Responsible Address",
     "550 5.7.1 can't determine the responsible party"},
    {"ptr resource record", "554 Bad DNS PTR resource record.",
     "554 Bad DNS MX resource record."},
    {"multiple addresses in from: header",
     "550 5.7.1 Messages with multiple addresses in From: header are not accepted.",
     "550 5.7.1 Messages with multiple addresses in To: header are not accepted."},
    {"ip address blacklisted", "550 5.7.1 IP address blacklisted by recipient",
     "550 5.7.1 IP address whitelisted by recipient"},
    {"dnsbl", "554 Blocked - see https://dnsbl.example.org/lookup?ip=192.0.2.1",
     "554 Blocked - see https://dnsblocks.example.org/"},
    {"rate limit exceeded", "452 4.3.2 Connection rate limit exceeded.",
     "452 4.3.2 Connection limit exceeded."},
    {"scored as spam",
     "554 5.6.0 This message has been scored as spam with a probability of more than 90%",
     "250 This message has been scored as ham"},
    {"account or domain may not exist",
     "The mail server could not deliver mail to a@example.org. The account or domain may not "
     "exist, they may be blacklisted, or missing the proper dns entries.",
     "The account may be a shared one"},
    {"temporary locked",
     "550 5.7.1 <a@example.org>: Recipient address rejected: User a@example.org temporary "
     "locked. Please try again later!",
     "550 5.7.1 The door is temporarily unlocked"},
    {"unauthenticated senders", "550 Unauthenticated senders not allowed",
     "530 Unauthenticated relaying not allowed"},
    {"client host blocked",
     "550 mx.example.org Client host blocked for spamming issues. [102]",
     "550 Client host unblocked after review"},
    {"not configured to relay",
     "501 RCPT TO not accepted: 5.7.1 This system is not configured to relay mail from "
     "<s@example.org> to <a@example.jp>",
     "250 This system is now configured for relay"},
    {"recipient account is blocked",
     "550 5.5.0 Le compte du destinataire est bloque. The recipient account is blocked.",
     "550 The recipient account is blockaded"},
    {"ofr_999",
     "421 mwinf0000 ME Service refuse. Veuillez essayer plus tard. Service refused, please try "
     "later. OFR_999 [999]",
     "421 Service refused, please try later. OFR_9990 [9990]"},
    {"ofr_506", "550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]",
     "550 5.2.0 Mail rejete. Mail rejected. ofr_5060 [5060]"},
    {"no relaying", "550 5.7.0 <a@example.org>: Recipient address rejected: No relaying",
     "250 Now relaying for a@example.org"},
    {"delivery not authorized", "551 5.7.1 Delivery not authorized, message refused",
     "250 Delivery authorized"},
    {"not accepting connections", "554 mx.example.org ESMTP not accepting connections",
     "554 mx.example.org not accepting network messages"},
    {"service currently unavailable", "554 Service currently unavailable",
     "554 Service currently unavailable for your IP, blocked using bl.example.org"},
    {"spamhaus",
     "550-5.1.0 MXIN506 MailFrom domain is listed in Spamhaus. To request removal from this "
     "list see https://www.spamhaus.org/query/lookup/",
     "550 5.7.1 Listed in spamhausish.example"},
};

TEST_CASE("bounce_phrases: rows learnt from documentation and real bounces") {
    for (const LearntRow& learnt : learnt_rows) {
        CAPTURE(learnt.phrase);
        std::size_t row = 0;
        while (row < smtp::bounce_phrase_count && smtp::bounce_phrases[row].text != learnt.phrase) {
            ++row;
        }
        REQUIRE(row < smtp::bounce_phrase_count);
        CAPTURE(learnt.wording);
        CHECK(smtp::find_bounce_phrase(learnt.wording) == row);
        CAPTURE(learnt.near_miss);
        CHECK(reason_of(learnt.near_miss) != smtp::bounce_phrases[row].reason);
        CHECK(smtp::find_bounce_phrase(learnt.near_miss) ==
              naive_bounce_phrase::find(learnt.near_miss));
    }
}

TEST_CASE("find_bounce_phrase: matching rules") {
    SUBCASE("case does not matter") {
        CHECK(reason_of("USER UNKNOWN") == R::UserUnknown);
        CHECK(reason_of("uSeR uNkNoWn") == R::UserUnknown);
    }
    SUBCASE("a space matches any run of white space, as in a folded Diagnostic-Code") {
        CHECK(reason_of("550 5.7.25 ... does not have a PTR\r\n    record setup") == R::RequirePtr);
        CHECK(reason_of("user\tunknown") == R::UserUnknown);
        CHECK(reason_of("user  \n unknown") == R::UserUnknown);
        CHECK(reason_of("userunknown") == R::Undefined);
        CHECK(reason_of("user-unknown") == R::Undefined);
    }
    SUBCASE("words are whole words") {
        CHECK(reason_of("antivirus") == R::Undefined);
        CHECK(reason_of("virus.") == R::VirusDetected);
        CHECK(reason_of("(virus)") == R::VirusDetected);
        CHECK(reason_of("viruses") == R::Undefined);
        CHECK(reason_of("spf") == R::AuthFailure);
        CHECK(reason_of("spf=fail") == R::AuthFailure);
        CHECK(reason_of("nospf") == R::Undefined);
        CHECK(reason_of("spf2") == R::Undefined);
        CHECK(reason_of("_dmarc.example.org") == R::AuthFailure);
    }
    SUBCASE("a phrase that starts with punctuation needs no word before it") {
        CHECK(reason_of("id=1-01 - spam") == R::SpamDetected);
        CHECK(reason_of("id=1-01 - spammy (tag3)") == R::SpamDetected);
        CHECK(reason_of("id=1-01 -spam") == R::Undefined);
        CHECK(reason_of("BANNED:x.exe") == R::PolicyViolation);
    }
    SUBCASE("the first row in priority order wins, wherever it stands") {
        // Gmail's PTR message also says "rate limited" and "spam".
        CHECK(reason_of("421 4.7.0 The IP address sending this message does not have a PTR "
                        "record, or the corresponding forward DNS entry does not point to the "
                        "sending IP. To protect our users from spam, email sent from your IP "
                        "address has been temporarily rate limited.") == R::RequirePtr);
        // A temporary DNS failure is no unknown host.
        CHECK(reason_of("Host not found, try again") == R::NetworkError);
        CHECK(reason_of("Host not found") == R::HostUnknown);
        // Exim's sender verification says "Unrouteable address" about the sender.
        CHECK(reason_of("550-Verification failed for <a@b.invalid>\n550-Unrouteable address\n"
                        "550 Sender verify failed") == R::Rejected);
        // Microsoft's tenant ban says "spam", about the sender's account.
        CHECK(reason_of("550 5.7.501 Access denied, spam abuse detected") == R::Rejected);
    }
    SUBCASE("nothing to find") {
        CHECK(smtp::find_bounce_phrase("") == smtp::bounce_phrase_count);
        CHECK(smtp::find_bounce_phrase("250 2.0.0 Ok: queued as 12AB") ==
              smtp::bounce_phrase_count);
        CHECK(smtp::find_bounce_phrase(std::string_view("\0\0\0", 3)) == smtp::bounce_phrase_count);
        CHECK(smtp::find_bounce_phrase("\xff\xfe user unknown \x80") != smtp::bounce_phrase_count);
    }
    SUBCASE("a phrase at the very end or start of the text") {
        CHECK(reason_of("quota exceeded") == R::MailboxFull);
        CHECK(reason_of("x quota exceeded") == R::MailboxFull);
        CHECK(reason_of("quota exceede") == R::Undefined); // cut short
        CHECK(reason_of("dkim") == R::AuthFailure);
        CHECK(reason_of("dki") == R::Undefined);
    }
}

TEST_CASE("bounce_phrases: each row is found in its own words") {
    // Every phrase, alone, in upper case and folded over lines, gives its own
    // reason: no row of another reason hides it.
    for (std::size_t row = 0; row < smtp::bounce_phrase_count; ++row) {
        const std::string_view phrase = smtp::bounce_phrases[row].text;
        std::string upper;
        for (const char c : phrase) {
            upper += c == ' '
                         ? std::string("\r\n\t ")
                         : std::string(1, c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
        }
        CAPTURE(phrase);
        const std::size_t found = smtp::find_bounce_phrase(phrase);
        REQUIRE(found != smtp::bounce_phrase_count);
        CHECK(found <= row);
        CHECK(smtp::bounce_phrases[found].reason == smtp::bounce_phrases[row].reason);
        CHECK(smtp::find_bounce_phrase(upper) == found);
        CHECK(smtp::find_bounce_phrase("[" + std::string(phrase) + "]") == found);
    }
}

TEST_CASE("find_bounce_phrase agrees with the naive matcher") {
    // Texts spliced from phrases, their pieces and noise, with random case
    // and white space: the one-pass matcher and the obvious one must agree.
    std::uint64_t state = 12345;
    const auto next = [&state](std::uint64_t n) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return (state >> 33) % n;
    };
    const std::string_view noise[] = {" ",      "  ",      "\r\n ", "\t", "-", "x", "550 ",
                                      "5.7.1 ", "<a@b>: ", "(",     ")",  ".", "9", "é"};
    std::size_t matched = 0;
    for (int i = 0; i < 4000; ++i) {
        std::string text;
        const std::uint64_t parts = 1 + next(6);
        for (std::uint64_t p = 0; p < parts; ++p) {
            if (next(3) == 0) {
                text += noise[next(std::size(noise))];
                continue;
            }
            std::string_view phrase = smtp::bounce_phrases[next(smtp::bounce_phrase_count)].text;
            if (next(4) == 0) {
                phrase = phrase.substr(0, next(phrase.size() + 1)); // a piece of one
            }
            for (const char c : phrase) {
                if (c == ' ' && next(3) == 0) {
                    text += "\n  ";
                } else {
                    text += (next(2) == 0 && c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
                }
            }
            if (next(2) == 0) {
                text += noise[next(std::size(noise))];
            }
        }
        CAPTURE(text);
        const std::size_t fast = smtp::find_bounce_phrase(text);
        REQUIRE(fast == naive_bounce_phrase::find(text));
        matched += fast != smtp::bounce_phrase_count ? 1u : 0u;
    }
    CHECK(matched > 1000); // the texts exercised matches, not only misses
    CHECK(matched < 4000); // and misses
}

TEST_CASE("PhraseSource") {
    std::set<int> used;
    for (const smtp::BouncePhrase& row : smtp::bounce_phrases) {
        used.insert(static_cast<int>(row.source));
    }
    constexpr int sources = 19;
    for (int v = 0; v < sources; ++v) {
        const auto source = static_cast<smtp::PhraseSource>(v);
        CAPTURE(v);
        CHECK_FALSE(smtp::name(source).empty());
        CHECK(smtp::citation(source).size() > 20);
        CHECK(used.count(v) == 1); // every source gave at least one wording
    }
    CHECK(smtp::name(static_cast<smtp::PhraseSource>(sources)).empty());
    CHECK(smtp::citation(static_cast<smtp::PhraseSource>(-1)).empty());
    CHECK(smtp::citation(smtp::PhraseSource::Gmail).find("support.google.com/a/answer/3726730") !=
          std::string_view::npos);
}

// ---------------------------------------------------------------------------
// classify_bounce: precedence and context
// ---------------------------------------------------------------------------

struct Case {
    int code;
    std::optional<EnhancedStatusCode> enhanced;
    Command answered;
    std::string_view text;
    BounceReason reason;
    bool hard;
    BounceBasis basis;
};

const std::vector<Case>& cases() {
    using B = BounceBasis;
    using E = EnhancedStatusCode;
    static const std::vector<Case> rows = {
        // The examples of the brief: the reason disagrees with the class.
        {450, E{4, 1, 1}, Command::Rcpt,
         "<a@example.org>: Recipient address rejected: User unknown", R::UserUnknown, true,
         B::EnhancedCode},
        {552, E{5, 2, 2}, Command::Rcpt, "Mailbox full", R::MailboxFull, false, B::Text},
        {552, E{5, 2, 2}, Command::Rcpt, "", R::MailboxFull, false, B::EnhancedCode},
        // A specific enhanced code decides over the text ...
        {550, E{5, 1, 1}, Command::Rcpt, "message content rejected as spam", R::UserUnknown, true,
         B::EnhancedCode},
        // ... but an unknown user's code gives way to words of another
        // refusal (servers send 5.1.1 for those too).
        {550, E{5, 1, 1}, Command::Rcpt, "blocked using zen.spamhaus.org", R::Blocked, false,
         B::Text},
        {552, E{5, 1, 1}, Command::Other, "sorry, mailbox a@example.org is over quota temporarily",
         R::MailboxFull, false, B::Text},
        {554, E{5, 1, 1}, Command::Rcpt, "<a@example.com>: Relay access denied", R::NoRelaying,
         false, B::Text},
        {550, E{5, 1, 1}, Command::Other,
         "RCP-P2 http://postmaster.facebook.com/response_codes?ip=192.0.2.1#rcp Refused due to "
         "recipient preferences",
         R::Filtered, false, B::Text},
        {550, E{5, 1, 1}, Command::Rcpt,
         "<a@example.com> - 192.0.2.1 has sent to too many recipients this hour. IB607",
         R::RateLimited, false, B::Text},
        // Microsoft's connection failures decide over the words of the
        // expiry that ends them; a code beside their range does not.
        {550, E{5, 4, 316}, Command::Other, "Message expired, connection refused",
         R::NetworkError, false, B::EnhancedCode},
        {550, E{5, 4, 312}, Command::Other, "Message expired, DNS query failed", R::NetworkError,
         false, B::EnhancedCode},
        {550, E{5, 4, 311}, Command::Other, "Message expired", R::Expired, false, B::Text},
        {550, E{5, 4, 319}, Command::Other, "Message expired", R::Expired, false, B::Text},
        {550, E{5, 7, 26}, Command::DataEnd, "user unknown", R::AuthFailure, false,
         B::EnhancedCode},
        // A generic one leaves it to the text.
        {554, E{5, 7, 1}, Command::Rcpt,
         "Service unavailable; Client host [192.0.2.1] blocked "
         "using zen.spamhaus.org",
         R::Blocked, false, B::Text},
        {550, E{5, 0, 0}, Command::Rcpt, "No such user here", R::UserUnknown, true, B::Text},
        {554, E{5, 7, 1}, Command::Rcpt, "<a@example.org>: Relay access denied", R::NoRelaying,
         false, B::Text},
        // So does a code a vendor overloads: Microsoft's 5.1.10 is no null MX.
        {550, E{5, 1, 10}, Command::Rcpt,
         "RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
         R::UserUnknown, true, B::Text},
        {556, E{5, 1, 10}, Command::Rcpt, "Recipient address has null MX", R::NotAccept, true,
         B::Text},
        {556, E{5, 1, 10}, Command::Rcpt, "", R::NotAccept, true, B::EnhancedCode},
        // Gmail's 4.7.23 is about a PTR record, not SPF.
        {451, E{4, 7, 23}, Command::Rcpt,
         "The sending IP address for this message doesn't have a PTR record, or the PTR "
         "record's forward DNS entry doesn't match the sending IP address. To protect users "
         "from spam, your email has been temporarily rate limited.",
         R::RequirePtr, false, B::Text},
        {421, E{4, 7, 28}, Command::DataEnd,
         "Gmail has detected an unusual rate of unsolicited email originating from your IP "
         "address. To protect our users from spam, email sent from your IP address has been "
         "temporarily rate limited.",
         R::RateLimited, false, B::Text},
        {421, E{4, 7, 28}, Command::DataEnd, "", R::RateLimited, false, B::EnhancedCode},
        {550, E{5, 7, 28}, Command::DataEnd, "", R::SpamDetected, false, B::EnhancedCode},
        // Microsoft's 5.2.2 is a sender's quota; without words, a full mailbox.
        {550, E{5, 2, 2}, Command::DataEnd, "Submission quota exceeded", R::RateLimited, false,
         B::Text},
        // An enhanced code of another class than the reply's does not count
        // (RFC 3463 section 2): Gmail's "421 5.7.32".
        {421, E{5, 7, 32}, Command::DataEnd,
         "Your email was blocked because the From: header (RFC5322) in this message isn't "
         "aligned with either the authenticated SPF or DKIM organizational domain.",
         R::AuthFailure, false, B::Text},
        {450, E{5, 1, 1}, Command::Rcpt, "", R::OnHold, false, B::Command},
        // A reply to MAIL is about the sender (RFC 5321 section 3.3).
        {553, E{5, 1, 8}, Command::Mail, "<a@b.invalid>: Sender address rejected: Domain not found",
         R::Rejected, false, B::EnhancedCode},
        {550, E{5, 1, 1}, Command::Mail, "<a@example.org>: Sender address rejected: User unknown",
         R::Rejected, false, B::Text},
        {550, std::nullopt, Command::Mail, "Domain not found", R::Rejected, false, B::Text},
        {550, std::nullopt, Command::Mail, "Domain example.org does not accept mail (nullMX)",
         R::Rejected, false, B::Text},
        {550, std::nullopt, Command::Mail, "", R::Rejected, false, B::Command},
        {552, std::nullopt, Command::Mail, "", R::MesgTooBig, false, B::ReplyCode},
        // Before any address, the client host is refused.
        {554, std::nullopt, Command::Greeting, "mx.example.org ESMTP No SMTP service here",
         R::Blocked, false, B::Command},
        // ... also in its words (iCloud's).
        {554, std::nullopt, Command::Greeting, "mx.example.org ESMTP not accepting connections",
         R::Blocked, false, B::Text},
        {550, E{5, 7, 1}, Command::Ehlo, "", R::Blocked, false, B::Command},
        {550, E{5, 1, 1}, Command::Helo, "", R::Blocked, false, B::EnhancedCode},
        {550, std::nullopt, Command::Greeting, "user unknown", R::Blocked, false, B::Text},
        {521, std::nullopt, Command::Greeting, "mx.example.org does not accept mail", R::NotAccept,
         true, B::Text},
        {521, std::nullopt, Command::Greeting, "", R::NotAccept, true, B::ReplyCode},
        {421, E{4, 3, 2}, Command::Greeting, "Service shutting down", R::SystemError, false,
         B::EnhancedCode},
        // After RCPT, a refusal without reason is held.
        {550, std::nullopt, Command::Rcpt, "Requested action not taken: mailbox unavailable",
         R::OnHold, false, B::Command},
        {550, E{5, 5, 0}, Command::Rcpt, "Requested action not taken: mailbox unavailable",
         R::OnHold, false, B::Command},
        {550, E{5, 7, 1}, Command::Rcpt, "", R::OnHold, false, B::Command},
        // A success-only code in a failure gives no reason: the command does.
        {550, E{5, 1, 5}, Command::Rcpt, "", R::OnHold, false, B::Command},
        {452, std::nullopt, Command::Rcpt, "", R::RateLimited, false, B::ReplyCode},
        {552, std::nullopt, Command::Rcpt, "", R::RateLimited, false, B::ReplyCode},
        {551, std::nullopt, Command::Rcpt, "", R::HasMoved, true, B::ReplyCode},
        {556, std::nullopt, Command::Rcpt, "", R::NotAccept, true, B::ReplyCode},
        // After the data: content, spam, size.
        {552, std::nullopt, Command::DataEnd, "Message size exceeds fixed limit", R::MesgTooBig,
         false, B::Text},
        {552, std::nullopt, Command::DataEnd, "", R::MailboxFull, false, B::ReplyCode},
        {554, E{5, 7, 1}, Command::DataEnd, "", R::Filtered, false, B::Command},
        {554, E{5, 7, 0}, Command::DataEnd, "Reject, id=12345-01 - spam", R::SpamDetected, false,
         B::Text},
        {550, std::nullopt, Command::Bdat, "", R::Filtered, false, B::Command},
        // User-unknown words answering the message: the address was taken
        // at RCPT TO (RFC 5321 section 3.3), so the message was refused.
        {550, std::nullopt, Command::DataEnd, "Unknown user", R::Filtered, false, B::Text},
        {550, E{5, 0, 0}, Command::Data, "User not found", R::Filtered, false, B::Text},
        {554, E{5, 7, 1}, Command::Bdat, "No such user here", R::Filtered, false, B::Text},
        {550, std::nullopt, Command::Rcpt, "User not found", R::UserUnknown, true, B::Text},
        {550, std::nullopt, Command::Vrfy, "User unknown", R::UserUnknown, true, B::Text},
        {550, std::nullopt, Command::Expn, "No such user", R::UserUnknown, true, B::Text},
        {550, std::nullopt, Command::Ehlo, "No such user", R::Blocked, false, B::Text},
        {550, std::nullopt, Command::Helo, "No such user", R::Blocked, false, B::Text},
        // Answering a command the report does not name, they prove nothing
        // either (sisimai's reading): Filtered, soft; unless an addressing
        // code (X.1.y) backs them.
        {550, std::nullopt, Command::Other, "Unknown user", R::Filtered, false, B::Text},
        {550, E{5, 2, 1}, Command::Other, "<a@example.jp>... User Unknown", R::Filtered, false,
         B::Text},
        {553, E{5, 3, 0}, Command::Other, "<a@example.com>... No such user here", R::Filtered,
         false, B::Text},
        {550, E{5, 1, 0}, Command::Other, "Unknown user", R::UserUnknown, true, B::Text},
        {553, E{5, 3, 0}, Command::Rcpt, "<a@example.com>... No such user here", R::UserUnknown,
         true, B::Text},
        // An LMTP server's X.1.1 after the data decides before the words.
        {550, E{5, 1, 1}, Command::DataEnd, "User unknown", R::UserUnknown, true,
         B::EnhancedCode},
        // Exchange Online's directory-based edge blocking (class 5 X.4.1).
        {550, E{5, 4, 1}, Command::Rcpt,
         "<a@example.org>: Recipient address rejected: Access denied", R::UserUnknown, true,
         B::Text},
        {550, E{5, 4, 1}, Command::Rcpt, "", R::UserUnknown, true, B::EnhancedCode},
        // Its wording with another code (Exim relaying the refusal).
        {554, E{5, 7, 1}, Command::Rcpt,
         "<a@example.ch>: Recipient address rejected: Access denied", R::UserUnknown, true,
         B::Text},
        {550, E{5, 4, 1}, Command::Rcpt, "Relay Access Denied", R::NoRelaying, false, B::Text},
        // A domain not found for now (Postfix's reject_unknown_recipient_domain
        // when DNS fails for the moment) is a network error, soft; found
        // missing for good, the address is bad.
        {450, E{4, 1, 2}, Command::Rcpt, "<a@example.org>: Recipient address rejected: Domain not found",
         R::NetworkError, false, B::EnhancedCode},
        {550, E{5, 1, 2}, Command::Rcpt, "<a@example.org>: Recipient address rejected: Domain not found",
         R::HostUnknown, true, B::EnhancedCode},
        {0, E{4, 0, 0}, Command::Other,
         "DNS Error: DNS type 'mx' lookup of example.org responded with code NXDOMAIN Domain "
         "name not found: example.org",
         R::NetworkError, false, B::Text},
        // A host that gave no answer (transient X.4.1): Expired.
        {451, E{4, 4, 1}, Command::Rcpt, "", R::Expired, false, B::EnhancedCode},
        {421, E{4, 4, 2}, Command::Rcpt, "", R::NetworkError, false, B::EnhancedCode},
        // The client's IP address refused, whatever command it came after.
        {550, E{5, 7, 0}, Command::Mail, "<a@example.jp>... Please use the smtp server of your ISP.",
         R::Blocked, false, B::Text},
        {450, std::nullopt, Command::Mail,
         "service permits 2 unverifyable sending IPs - mx.example.com is not 192.0.2.1",
         R::RequirePtr, false, B::Text},
        {550, E{5, 1, 0}, Command::Mail,
         "MXIN506 MailFrom domain is listed in Spamhaus. To request removal from this list see "
         "https://www.spamhaus.org/query/lookup/",
         R::Blocked, false, B::Text},
        // AUTH and STARTTLS.
        {504, std::nullopt, Command::Auth, "", R::SecurityError, false, B::Command},
        {535, E{5, 7, 8}, Command::Auth, "Error: authentication failed", R::SecurityError, false,
         B::EnhancedCode},
        {454, E{4, 7, 0}, Command::StartTls, "", R::FailedStartTls, false, B::Command},
        {454, E{4, 7, 0}, Command::StartTls, "TLS not available due to local problem",
         R::FailedStartTls, false, B::Text},
        {530, std::nullopt, Command::Mail, "", R::SecurityError, false, B::ReplyCode},
        {530, E{5, 7, 0}, Command::Mail, "Must issue a STARTTLS command first", R::FailedStartTls,
         false, B::Text},
        // A DSN's Status and Diagnostic-Code alone (no reply code).
        {0, E{5, 1, 1}, Command::Other, "", R::UserUnknown, true, B::EnhancedCode},
        {0, E{4, 4, 7}, Command::Other, "", R::Expired, false, B::EnhancedCode},
        {0, E{5, 0, 0}, Command::Other, "retry timeout exceeded", R::Expired, false, B::Text},
        {0, E{5, 0, 0}, Command::Other, "", R::Undefined, false, B::None},
        {0, E{5, 7, 1}, Command::Other, "", R::SecurityError, false, B::EnhancedCode},
        {0, E{4, 7, 1}, Command::Other, "", R::Blocked, false, B::EnhancedCode},
        {0, E{5, 2, 0}, Command::Other, "", R::Filtered, false, B::EnhancedCode},
        {0, E{5, 2, 1}, Command::Other, "", R::Filtered, false, B::EnhancedCode},
        {0, E{4, 2, 1}, Command::Other, "", R::Suspend, false, B::EnhancedCode},
        {0, E{4, 3, 2}, Command::Other, "", R::SystemError, false, B::EnhancedCode},
        {0, E{5, 3, 2}, Command::Other, "", R::NotAccept, true, B::EnhancedCode},
        {0, std::nullopt, Command::Other, "Sorry, no mailbox here by that name.", R::Filtered,
         false, B::Text},
        // Exim's own routing verdict, no server's reply: it knows.
        {0, E{5, 0, 0}, Command::Other, "Unrouteable address", R::UserUnknown, true, B::Text},
        {0, std::nullopt, Command::Rcpt, "", R::Undefined, false, B::None},
        // No failure.
        {250, std::nullopt, Command::DataEnd, "2.0.0 Ok: queued", R::Delivered, false,
         B::ReplyCode},
        {250, E{2, 1, 5}, Command::Rcpt, "user unknown", R::Delivered, false, B::ReplyCode},
        {0, E{2, 0, 0}, Command::Other, "", R::Delivered, false, B::EnhancedCode},
        {354, std::nullopt, Command::Data, "End data with <CR><LF>.<CR><LF>", R::Undefined, false,
         B::ReplyCode},
        // Nothing to go by: Undefined; words no rule reads: OnHold.
        {550, std::nullopt, Command::Other, "", R::Undefined, false, B::None},
        {550, std::nullopt, Command::Other, " \t\r\n", R::Undefined, false, B::None},
        {550, std::nullopt, Command::Quit, "Go away", R::OnHold, false, B::None},
        {0, E{5, 0, 0}, Command::Other, "()", R::OnHold, false, B::None},
        // Invalid input: ignored, never trusted.
        {550, E{5, 1000, 1}, Command::Rcpt, "", R::OnHold, false, B::Command},
        {550, E{9, 1, 1}, Command::Other, "", R::Undefined, false, B::None},
        {-1, E{5, 1, 1}, Command::Other, "", R::UserUnknown, true, B::EnhancedCode},
        {INT_MAX, std::nullopt, static_cast<Command>(INT_MAX), "", R::Undefined, false, B::None},
        {600, std::nullopt, static_cast<Command>(-1), "user unknown", R::Filtered, false,
         B::Text},
    };
    return rows;
}

TEST_CASE("reason_in_class") {
    static_assert(smtp::reason_in_class(R::HostUnknown, 450) == R::NetworkError);
    static_assert(smtp::reason_in_class(R::HostUnknown, 550) == R::HostUnknown);
    static_assert(smtp::reason_in_class(R::HostUnknown, 0) == R::HostUnknown);
    // Without a reply code, the valid enhanced code's class; the reply
    // code's class wins over the enhanced code's.
    static_assert(smtp::reason_in_class(R::HostUnknown, 0, EnhancedStatusCode{4, 0, 0}) ==
                  R::NetworkError);
    static_assert(smtp::reason_in_class(R::HostUnknown, 0, EnhancedStatusCode{5, 1, 2}) ==
                  R::HostUnknown);
    static_assert(smtp::reason_in_class(R::HostUnknown, 550, EnhancedStatusCode{4, 1, 2}) ==
                  R::HostUnknown);
    static_assert(smtp::reason_in_class(R::HostUnknown, 0, EnhancedStatusCode{4, 1000, 0}) ==
                  R::HostUnknown);
    for (const BounceReason reason : smtp::all_bounce_reasons) {
        CAPTURE(smtp::name(reason));
        CHECK(smtp::reason_in_class(reason, 550) == reason);
        if (reason != R::HostUnknown) {
            CHECK(smtp::reason_in_class(reason, 450) == reason);
        }
    }
}

TEST_CASE("classify_bounce") {
    for (const Case& c : cases()) {
        CAPTURE(c.code);
        CAPTURE(c.enhanced ? std::string(smtp::to_text(*c.enhanced).view()) : std::string("-"));
        CAPTURE(smtp::name(c.answered));
        CAPTURE(c.text);
        const smtp::BounceVerdict verdict =
            smtp::classify_bounce(c.code, c.enhanced, c.answered, c.text);
        CHECK(smtp::name(verdict.reason) == smtp::name(c.reason));
        CHECK(verdict.hard == c.hard);
        CHECK(smtp::name(verdict.basis) == smtp::name(c.basis));
        CHECK(smtp::bounce_reason(c.code, c.enhanced, c.answered, c.text) == c.reason);
        if (verdict.basis == BounceBasis::Text) {
            REQUIRE(verdict.phrase < smtp::bounce_phrase_count);
            CHECK(verdict.phrase == smtp::find_bounce_phrase(c.text));
        } else {
            CHECK(verdict.phrase == smtp::bounce_phrase_count);
        }
    }
}

TEST_CASE("classify_bounce: what the report says of the attempts") {
    using O = smtp::DeliveryOutcome;
    const std::string_view timed_out =
        "connect to mx.example.org[192.0.2.1]:25: Connection timed out";
    // Given up on a host that never answered (X.4.1, "Connection timed
    // out"): the time to deliver ran out, as while the MTA still tries.
    CHECK(smtp::classify_bounce(0, EnhancedStatusCode{4, 4, 1}, Command::Other, timed_out,
                                O::Failed)
              .reason == R::Expired);
    CHECK(smtp::classify_bounce(0, std::nullopt, Command::Greeting, "Connection timed out",
                                O::Failed)
              .reason == R::Expired);
    CHECK(smtp::classify_bounce(0, EnhancedStatusCode{4, 4, 1}, Command::Other, timed_out,
                                O::Delayed)
              .reason == R::Expired);
    CHECK(smtp::classify_bounce(0, EnhancedStatusCode{4, 4, 1}, Command::Other, timed_out)
              .reason == R::Expired);
    // A connection that broke (X.4.2) is a network error, given up on or
    // not: the code says what failed, not that the time ran out (X.4.7).
    const auto by_code =
        smtp::classify_bounce(0, EnhancedStatusCode{4, 4, 2}, Command::Other, "", O::Failed);
    CHECK(by_code.reason == R::NetworkError);
    CHECK(by_code.basis == BounceBasis::EnhancedCode);
    CHECK_FALSE(by_code.hard);
    const std::string_view lost =
        "lost connection with mx.example.org[192.0.2.1] while sending end of data";
    for (const O outcome : {O::Unknown, O::Delayed, O::Failed}) {
        CAPTURE(smtp::name(outcome));
        CHECK(smtp::classify_bounce(0, EnhancedStatusCode{4, 4, 2}, Command::Other, lost, outcome)
                  .reason == R::NetworkError);
        CHECK(smtp::classify_bounce(0, std::nullopt, Command::Other, lost, outcome).reason ==
              R::NetworkError);
    }
    // A delay that nothing explains: the message waits on a host it cannot
    // deliver to (sisimai's expired); a failure is no delay.
    const auto waiting = smtp::classify_bounce(0, std::nullopt, Command::Other, "", O::Delayed);
    CHECK(waiting.reason == R::Expired);
    CHECK(waiting.basis == BounceBasis::None);
    CHECK(smtp::classify_bounce(0, std::nullopt, Command::Other, "", O::Failed).reason ==
          R::Undefined);
    CHECK(smtp::classify_bounce(0, std::nullopt, Command::Other, "Neko (a@example.jp)", O::Failed)
              .reason == R::OnHold);
    // A server that answered, or a permanent code: not the queue lifetime.
    CHECK(smtp::classify_bounce(421, EnhancedStatusCode{4, 4, 2}, Command::DataEnd,
                                "Connection timed out", O::Failed)
              .reason == R::NetworkError);
    CHECK(smtp::classify_bounce(0, EnhancedStatusCode{5, 4, 6}, Command::Other,
                                "Too many hops 26 (25 max)", O::Failed)
              .reason == R::NetworkError);
    // Other reasons do not change.
    CHECK(smtp::classify_bounce(0, EnhancedStatusCode{4, 2, 2}, Command::Other, "mailbox is full",
                                O::Failed)
              .reason == R::MailboxFull);
}

TEST_CASE("bounce_phrases: the reporting MTA's own verdicts") {
    // Only Exim's routing verdict is said by the reporting MTA rather than a
    // receiving server; the flag matters only for an unknown user.
    std::vector<std::string_view> verdicts;
    for (const smtp::BouncePhrase& row : smtp::bounce_phrases) {
        if (row.reporter_verdict) {
            verdicts.push_back(row.text);
            CHECK(row.reason == R::UserUnknown);
            CHECK(row.source == smtp::PhraseSource::Exim);
        }
    }
    CHECK(verdicts == std::vector<std::string_view>{"unrouteable address"});
}

TEST_CASE("bounce_phrases: the providers that check recipients after the data") {
    // Only Yahoo's "dd" reply; the flag matters only for an unknown user.
    std::vector<std::string_view> after_data;
    for (const smtp::BouncePhrase& row : smtp::bounce_phrases) {
        if (row.checked_after_data) {
            after_data.push_back(row.text);
            CHECK(row.reason == R::UserUnknown);
            CHECK(row.source == smtp::PhraseSource::Yahoo);
            CHECK_FALSE(row.reporter_verdict);
        }
    }
    CHECK(after_data == std::vector<std::string_view>{"this user doesn't have a"});
    const std::string_view yahoo = "delivery error: dd This user doesn't have a yahoo.com "
                                   "account (a@yahoo.com) [0] - mta1061.mail.ne1.yahoo.com";
    for (const Command answered : {Command::Data, Command::DataEnd, Command::Other, Command::Rcpt}) {
        CAPTURE(smtp::name(answered));
        const auto verdict = smtp::classify_bounce(554, std::nullopt, answered, yahoo);
        CHECK(verdict.reason == R::UserUnknown);
        CHECK(verdict.hard);
    }
}

TEST_CASE("classify_bounce: every phrase in every context") {
    // Whatever the text says, a reply to MAIL is never about the recipient,
    // and one to the greeting or EHLO never about an address at all.
    const std::set<BounceReason> recipient = {R::UserUnknown, R::HostUnknown, R::HasMoved,
                                              R::MailboxFull, R::Suspend,     R::OnHold};
    for (const smtp::BouncePhrase& row : smtp::bounce_phrases) {
        CAPTURE(row.text);
        const auto at_rcpt = smtp::classify_bounce(550, std::nullopt, Command::Rcpt, row.text);
        CHECK(at_rcpt.reason == row.reason);
        CHECK(at_rcpt.basis == BounceBasis::Text);
        const auto at_mail = smtp::classify_bounce(550, std::nullopt, Command::Mail, row.text);
        CHECK(recipient.count(at_mail.reason) == 0);
        CHECK(at_mail.reason != R::NotAccept);
        // After the data the address was taken at RCPT TO: never unknown,
        // but where the provider checks its recipients there (Yahoo's).
        const auto at_data = smtp::classify_bounce(550, std::nullopt, Command::DataEnd, row.text);
        CHECK(at_data.reason ==
              (row.reason == R::UserUnknown && !row.checked_after_data ? R::Filtered
                                                                       : row.reason));
        // Answering a command the report does not name, the same, but for
        // the reporting MTA's own routing verdict (Exim's).
        const auto at_other = smtp::classify_bounce(550, std::nullopt, Command::Other, row.text);
        CHECK(at_other.reason ==
              (row.reason == R::UserUnknown && !row.reporter_verdict && !row.checked_after_data
                   ? R::Filtered
                   : row.reason));
        const auto at_ehlo = smtp::classify_bounce(550, std::nullopt, Command::Ehlo, row.text);
        CHECK(recipient.count(at_ehlo.reason) == 0);
        CHECK(at_ehlo.hard == (at_ehlo.reason == R::NotAccept));
    }
}

TEST_CASE("basis names") {
    CHECK(smtp::name(BounceBasis::None) == "None");
    CHECK(smtp::name(BounceBasis::EnhancedCode) == "EnhancedCode");
    CHECK(smtp::name(BounceBasis::Text) == "Text");
    CHECK(smtp::name(BounceBasis::Command) == "Command");
    CHECK(smtp::name(BounceBasis::ReplyCode) == "ReplyCode");
    CHECK(smtp::name(static_cast<BounceBasis>(5)).empty());
}

} // namespace

TEST_CASE("classify_bounce: the basic reply code decides when nothing else does") {
    // No enhanced code, no known wording, a command that says nothing (RSET):
    // the reply code alone (RFC 5321 section 4.2.2, RFC 4954, RFC 7504).
    const std::pair<int, BounceReason> rows[] = {
        {451, R::SystemError},  {452, R::SystemFull}, {455, R::SyntaxError},
        {500, R::SyntaxError},  {504, R::SyntaxError}, {521, R::NotAccept},
        {556, R::NotAccept},    {432, R::SecurityError}, {535, R::SecurityError},
        {551, R::HasMoved},     {552, R::MailboxFull},
    };
    for (const auto& row : rows) {
        CAPTURE(row.first);
        const smtp::BounceVerdict verdict = smtp::classify_bounce(row.first, {}, Command::Rset, "x");
        CHECK(verdict.reason == row.second);
        CHECK(verdict.basis == BounceBasis::ReplyCode);
    }
    // 452 and 552 to RCPT: too many recipients; 552 to MAIL: too big.
    CHECK(smtp::classify_bounce(452, {}, Command::Rcpt, "x").reason == R::RateLimited);
    CHECK(smtp::classify_bounce(552, {}, Command::Rcpt, "x").reason == R::RateLimited);
    CHECK(smtp::classify_bounce(552, {}, Command::Mail, "x").reason == R::MesgTooBig);
    // A code with no meaning of its own and a value that is no command.
    CHECK(smtp::classify_bounce(550, {}, static_cast<Command>(99), "").reason == R::Undefined);
}

TEST_CASE("weak_command_reason: AUTH and STARTTLS as the strong reason has them") {
    // classify_bounce asks strong_command_reason first, so these two rows of
    // the weak one's switch (which lists every command) agree with it.
    CHECK(smtp::detail::weak_command_reason(Command::Auth) == R::SecurityError);
    CHECK(smtp::detail::weak_command_reason(Command::StartTls) == R::FailedStartTls);
    CHECK(smtp::detail::strong_command_reason(Command::Auth) == R::SecurityError);
}
