// Tests of src/analyse/bounce_verdict.hpp: the verdict on each recipient.
#include "analyse/bounce_verdict.hpp"

#include <doctest/doctest.h>

#include <smtp/bounce_reason.hpp>
#include <smtp/delivery_status.hpp>
#include <smtp/enhanced_status_code.hpp>
#include <smtp/semantics.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace {

using namespace smtp_explain;
using smtp::Action;
using smtp::BounceReason;
using smtp::DsnAction;

std::optional<smtp::EnhancedStatusCode> code(std::string_view text) {
    return text.empty() ? std::nullopt : smtp::parse_enhanced_status_code(text);
}

struct Row {
    DsnAction action;
    const char* stated;
    int reply_code;
    const char* reply_status;
    std::optional<smtp::Command> command;
    const char* diagnostic;
    std::optional<BounceReason> given;
    // What the judgement must say.
    const char* status;
    Action next;
    BounceReason reason;
    bool hard;
};

std::string text(const std::optional<smtp::EnhancedStatusCode>& status) {
    return status ? std::string(smtp::to_text(*status).view()) : std::string();
}

TEST_CASE("judge_bounce: status, next action, reason and hard for each kind of recipient") {
    using C = smtp::Command;
    const Row rows[] = {
        // The reply's enhanced code wins over the stated one (Exim's class
        // alone, Sendmail's own reading).
        {DsnAction::Failed, "5.0.0", 550, "5.1.1", C::Rcpt, "550 5.1.1 <a@b.example>: no",
         std::nullopt, "5.1.1", Action::Fail, BounceReason::UserUnknown, true},
        {DsnAction::Failed, "5.2.0", 550, "5.7.1", C::DataEnd, "550 5.7.1 rejected", std::nullopt,
         "5.7.1", Action::Fail, BounceReason::Filtered, false},
        // Without an enhanced code in the reply, the stated one.
        {DsnAction::Failed, "5.1.1", 550, "", C::Rcpt, "550 mailbox unavailable", std::nullopt,
         "5.1.1", Action::Fail, BounceReason::UserUnknown, true},
        // Failed with a transient status: the MTA gave up; Retry by the class.
        {DsnAction::Failed, "4.4.7", 421, "4.3.2", C::Rcpt, "421 4.3.2 too many connections",
         std::nullopt, "4.3.2", Action::Retry, BounceReason::RateLimited, false},
        {DsnAction::Failed, "4.4.7", 0, "", std::nullopt, "", std::nullopt, "4.4.7", Action::Retry,
         BounceReason::Expired, false},
        // Delayed is Retry whatever the class (and a delay nothing explains
        // Expired); deliveries are Proceed.
        {DsnAction::Delayed, "5.0.0", 0, "", std::nullopt, "", std::nullopt, "5.0.0",
         Action::Retry, BounceReason::Expired, false},
        {DsnAction::Relayed, "2.0.0", 250, "2.0.0", std::nullopt, "250 2.0.0 Ok", std::nullopt,
         "2.0.0", Action::Proceed, BounceReason::Delivered, false},
        {DsnAction::Delivered, "", 0, "", std::nullopt, "", std::nullopt, "", Action::Proceed,
         BounceReason::Delivered, false},
        // The reply code's class without any enhanced code.
        {DsnAction::Unknown, "", 452, "", C::Rcpt, "452 too many recipients", std::nullopt, "",
         Action::Retry, BounceReason::RateLimited, false},
        {DsnAction::Unknown, "", 554, "", std::nullopt, "554 Service unavailable", std::nullopt,
         "", Action::Fail, BounceReason::OnHold, false},
        // Neither: a failed action is Fail; otherwise the reason decides.
        {DsnAction::Failed, "", 0, "", std::nullopt, "Mailbox full", std::nullopt, "",
         Action::Fail, BounceReason::MailboxFull, false},
        {DsnAction::Unknown, "", 0, "", std::nullopt, "Mailbox full", std::nullopt, "",
         Action::Retry, BounceReason::MailboxFull, false},
        {DsnAction::Unknown, "", 0, "", std::nullopt, "user unknown", std::nullopt, "",
         Action::Fail, BounceReason::Filtered, false},
        {DsnAction::Unknown, "", 0, "", std::nullopt, "", std::nullopt, "", Action::Fail,
         BounceReason::Undefined, false},
        // A reason the bounce states: a feedback report, an auto-reply.
        {DsnAction::Unknown, "", 0, "", std::nullopt, "abuse", BounceReason::Feedback, "",
         Action::Proceed, BounceReason::Feedback, false},
        {DsnAction::Unknown, "", 0, "", std::nullopt, "Out of Office", BounceReason::Vacation, "",
         Action::Proceed, BounceReason::Vacation, false},
        // A format's stated failure reason: hard by the reason.
        {DsnAction::Failed, "5.0.0", 0, "", std::nullopt, "", BounceReason::HostUnknown, "5.0.0",
         Action::Fail, BounceReason::HostUnknown, true},
        // ... qualified by its class: a domain not found in a transient
        // failure is a lookup that failed for now (Gmail's "4.0.0 DNS Error").
        {DsnAction::Failed, "4.0.0", 0, "", std::nullopt, "DNS Error: Domain name not found",
         BounceReason::HostUnknown, "4.0.0", Action::Retry, BounceReason::NetworkError, false},
        {DsnAction::Failed, "5.0.0", 450, "", std::nullopt, "", BounceReason::HostUnknown,
         "5.0.0", Action::Fail, BounceReason::NetworkError, false},
        // User-unknown words answering the message, no code deciding: the
        // recipient was taken at RCPT TO, so a filter refused the message.
        {DsnAction::Failed, "5.2.0", 550, "", C::Data, "550 Unknown user a@b.example",
         std::nullopt, "5.2.0", Action::Fail, BounceReason::Filtered, false},
        {DsnAction::Failed, "5.0.0", 550, "", C::DataEnd, "550 User unknown", std::nullopt,
         "5.0.0", Action::Fail, BounceReason::Filtered, false},
        // A server's, answering a command the bounce does not name: the same.
        {DsnAction::Failed, "5.0.0", 550, "", std::nullopt, "550 No such user here",
         std::nullopt, "5.0.0", Action::Fail, BounceReason::Filtered, false},
        // ... but not at RCPT TO, nor where X.1.1 says it (LMTP after the data).
        {DsnAction::Failed, "5.0.0", 550, "", C::Rcpt, "550 User unknown", std::nullopt, "5.0.0",
         Action::Fail, BounceReason::UserUnknown, true},
        {DsnAction::Failed, "5.0.0", 550, "5.1.1", C::DataEnd, "550 5.1.1 User unknown",
         std::nullopt, "5.1.1", Action::Fail, BounceReason::UserUnknown, true},
        // No answer from the host (X.4.1): the delivery time expired, or
        // runs out while the MTA still tries.
        {DsnAction::Failed, "4.4.1", 0, "", std::nullopt, "connect to x.example: Connection timed out",
         std::nullopt, "4.4.1", Action::Retry, BounceReason::Expired, false},
        {DsnAction::Delayed, "4.4.1", 0, "", std::nullopt, "", std::nullopt, "4.4.1",
         Action::Retry, BounceReason::Expired, false},
        {DsnAction::Failed, "4.4.1", 421, "4.4.1", C::Greeting, "421 4.4.1 try later",
         std::nullopt, "4.4.1", Action::Retry, BounceReason::Expired, false},
        // A connection that broke is a network error while the MTA tries.
        {DsnAction::Delayed, "4.4.2", 0, "", std::nullopt,
         "lost connection with x.example[192.0.2.1] while sending RCPT TO", std::nullopt, "4.4.2",
         Action::Retry, BounceReason::NetworkError, false},
        // The classifier reads the reply's words without its codes and markers.
        {DsnAction::Failed, "5.0.0", 550, "", C::Rcpt,
         "550-Requested action 550-not taken: 550 mailbox unavailable", std::nullopt, "5.0.0",
         Action::Fail, BounceReason::OnHold, false},
        // Reply words that tell nothing: the reporting MTA's own words before
        // the reply do (Postfix's), but never over the reply's own.
        {DsnAction::Delayed, "4.0.0", 421, "", std::nullopt,
         "connect to mx.example[192.0.2.1]: server refused to talk to me: 421 Service not "
         "available",
         std::nullopt, "4.0.0", Action::Retry, BounceReason::Blocked, false},
        {DsnAction::Failed, "5.0.0", 550, "", C::Rcpt,
         "server refused to talk to me: 550 Mailbox full", std::nullopt, "5.0.0", Action::Fail,
         BounceReason::MailboxFull, false},
    };
    for (const Row& row : rows) {
        BounceRecipient recipient;
        recipient.action = row.action;
        recipient.status = code(row.stated);
        recipient.code = row.reply_code;
        recipient.reply_status = code(row.reply_status);
        recipient.command = row.command;
        recipient.diagnostic = row.diagnostic;
        recipient.reason = row.given;
        const BounceJudgement judgement = judge_bounce(recipient);
        const std::string diagnostic = row.diagnostic;
        CAPTURE(diagnostic);
        CHECK(text(judgement.status) == row.status);
        CHECK(judgement.code == row.reply_code);
        CHECK(judgement.next_action == row.next);
        CHECK(smtp::name(judgement.reason) == smtp::name(row.reason));
        CHECK(judgement.hard == row.hard);
    }
}

TEST_CASE("judge_bounce: what decided the reason") {
    BounceRecipient stated;
    stated.reason = BounceReason::Feedback;
    CHECK(judge_bounce(stated).basis == smtp::BounceBasis::None);
    BounceRecipient classified;
    classified.code = 550;
    classified.reply_status = code("5.1.1");
    CHECK(judge_bounce(classified).basis == smtp::BounceBasis::EnhancedCode);
}

TEST_CASE("is_transient_reason: the passing states") {
    for (const BounceReason reason : smtp::all_bounce_reasons) {
        const bool transient =
            reason == BounceReason::MailboxFull || reason == BounceReason::SystemFull ||
            reason == BounceReason::TooManyConn || reason == BounceReason::RateLimited ||
            reason == BounceReason::Speeding || reason == BounceReason::NetworkError ||
            reason == BounceReason::Expired || reason == BounceReason::SystemError;
        CHECK(is_transient_reason(reason) == transient);
    }
}

TEST_CASE("action_word: RFC 3464's spelling") {
    CHECK(action_word(DsnAction::Failed) == "failed");
    CHECK(action_word(DsnAction::Delayed) == "delayed");
    CHECK(action_word(DsnAction::Delivered) == "delivered");
    CHECK(action_word(DsnAction::Relayed) == "relayed");
    CHECK(action_word(DsnAction::Expanded) == "expanded");
    CHECK(action_word(DsnAction::Unknown).empty());
    CHECK(action_word(static_cast<DsnAction>(42)).empty());
}

} // namespace
