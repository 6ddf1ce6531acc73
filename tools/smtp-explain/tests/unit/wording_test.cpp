// Tests of src/wording.hpp: how the tool words the library's facts.
#include "wording.hpp"

#include <doctest/doctest.h>

#include <smtp/enhanced_status_code.hpp>
#include <smtp/semantics.hpp>
#include <smtp/status_code.hpp>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

using smtp::Command;
using smtp::ReplyClass;

// A value of the enum that is no enumerator: the functions still answer.
template <class Enum>
Enum stray() {
    return static_cast<Enum>(99);
}

TEST_CASE("class phrases name the class as RFC 5321 section 4.2.1 does, with its digit") {
    CHECK(smtp_explain::class_phrase(ReplyClass::PositiveCompletion) ==
          "positive completion (2yz)");
    CHECK(smtp_explain::class_phrase(ReplyClass::PositiveIntermediate) ==
          "positive intermediate (3yz)");
    CHECK(smtp_explain::class_phrase(ReplyClass::TransientNegative) == "transient negative (4yz)");
    CHECK(smtp_explain::class_phrase(ReplyClass::PermanentNegative) == "permanent negative (5yz)");
    CHECK(smtp_explain::class_phrase(ReplyClass::None) == "not a reply code");
}

TEST_CASE("class meanings and action advice: one distinct sentence each") {
    std::set<std::string_view> meanings;
    for (const ReplyClass reply_class :
         {ReplyClass::None, ReplyClass::PositiveCompletion, ReplyClass::PositiveIntermediate,
          ReplyClass::TransientNegative, ReplyClass::PermanentNegative}) {
        meanings.insert(smtp_explain::class_meaning(reply_class));
    }
    CHECK(meanings.size() == 5);
    CHECK(smtp_explain::class_meaning(ReplyClass::TransientNegative) ==
          "not done now; the same command may succeed later");
    CHECK(smtp_explain::class_meaning(stray<ReplyClass>()) == "not an SMTP reply");

    std::set<std::string_view> advice;
    for (const smtp::Action action :
         {smtp::Action::Proceed, smtp::Action::Continue, smtp::Action::Retry, smtp::Action::Fail}) {
        CHECK_FALSE(smtp_explain::action_advice(action).empty());
        advice.insert(smtp_explain::action_advice(action));
    }
    CHECK(advice.size() == 4);
    CHECK(smtp_explain::action_advice(stray<smtp::Action>()).empty());

    // A bounce's verdict is said to the message's sender, each differently.
    std::set<std::string_view> bounce;
    for (const smtp::Action action : {smtp::Action::Proceed, smtp::Action::Retry, smtp::Action::Fail}) {
        CHECK_FALSE(smtp_explain::bounce_advice(action).empty());
        CHECK(advice.count(smtp_explain::bounce_advice(action)) == 0);
        bounce.insert(smtp_explain::bounce_advice(action));
    }
    CHECK(bounce.size() == 3);
    CHECK(smtp_explain::bounce_advice(smtp::Action::Continue) ==
          smtp_explain::action_advice(smtp::Action::Continue));
    CHECK(smtp_explain::bounce_advice(stray<smtp::Action>()).empty());
}

TEST_CASE("an enhanced code's class implies the action of its x00 code (RFC 3463 section 3.1)") {
    CHECK(smtp_explain::action_for_class(ReplyClass::PositiveCompletion) == smtp::Action::Proceed);
    CHECK(smtp_explain::action_for_class(ReplyClass::TransientNegative) == smtp::Action::Retry);
    CHECK(smtp_explain::action_for_class(ReplyClass::PermanentNegative) == smtp::Action::Fail);
    CHECK(smtp_explain::action_for_class(ReplyClass::None) == smtp::Action::Fail);
}

TEST_CASE("every command has its own phrase") {
    std::set<std::string_view> phrases;
    for (const Command command : smtp::all_commands) {
        phrases.insert(smtp_explain::command_phrase(command));
    }
    CHECK(phrases.size() == smtp::all_commands.size());
    CHECK(smtp_explain::command_phrase(Command::Rcpt) == "RCPT TO");
    CHECK(smtp_explain::command_phrase(Command::DataEnd) == "end of data");
    CHECK(smtp_explain::command_phrase(Command::Greeting) == "the greeting");
    CHECK(smtp_explain::command_phrase(stray<Command>()) == "another command");
}

TEST_CASE("commands_answered_by lists what the RFCs list, never Other") {
    CHECK(smtp_explain::commands_answered_by(354) == std::vector<Command>{Command::Data});
    CHECK(smtp_explain::commands_answered_by(334) == std::vector<Command>{Command::Auth});
    const std::vector<Command> any = smtp_explain::commands_answered_by(421);
    CHECK(any.size() == smtp::all_commands.size() - 1);
    for (const Command command : any) {
        CHECK(command != Command::Other);
    }
    CHECK(smtp_explain::commands_answered_by(299).empty());
}

TEST_CASE("registry codes and basic-code phrases") {
    CHECK(smtp_explain::registry_code(1, 1) == "X.1.1");
    CHECK(smtp_explain::registry_code(7, 30) == "X.7.30");

    const auto phrase = [](int subject, int detail) {
        return smtp_explain::basic_codes_phrase(
            smtp::associated_basic_codes(smtp::EnhancedStatusCode{5, subject, detail}));
    };
    CHECK(phrase(1, 1) == "451, 550");
    CHECK(phrase(0, 0) == "any code");                                // scope Any, nothing listed
    CHECK(phrase(7, 17) == "any 5yz code");                           // Any5yz
    CHECK(phrase(7, 15) == "450, 550 and any other 4yz or 5yz code"); // RFC 6710
    CHECK(phrase(6, 10) == "none given");                             // the registry gives none

    smtp::AssociatedBasicCodes stray_scope = smtp::associated_basic_codes({5, 1, 1});
    stray_scope.scope = stray<smtp::BasicCodeScope>();
    CHECK(smtp_explain::basic_codes_phrase(stray_scope) == "451, 550");
}

} // namespace
