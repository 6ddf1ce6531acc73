// Tests for <smtp/semantics.hpp>. It is included first to prove that it
// compiles on its own.
#include <smtp/semantics.hpp>

#include <smtp/reply.hpp>

#include <doctest/doctest.h>

#include "../support/test_values.hpp"

#include <algorithm>
#include <cstdint>
#include <climits>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using smtp::Action;
using smtp::Command;
using smtp::EnhancedStatusCode;
using smtp::ForeignApi;
using smtp::ReplyWriteError;
using smtp::SmtpStatusCode;
using test_values::class_digit;

// ---------------------------------------------------------------------------
// The expected replies, written out per command by hand from the RFC texts,
// independently of the header's rule table: each list is the union of what
// RFC 5321 section 4.3.2 gives the command, the replies any command may get
// (421 always; 500 and 501 for command lines; 503 after a 554 greeting,
// RFC 5321 section 3.1), RFC 1870 sections 6.1, 6.2 and 6.4, RFC 3030
// section 2, RFC 3207 sections 4 and 4.1 (530 except NOOP, EHLO, STARTTLS,
// QUIT; 554 except QUIT), RFC 4954 sections 4 and 6 (530 except AUTH, EHLO,
// HELO, NOOP, RSET, QUIT), RFC 5321 section 4.2.4 (502 for the extension
// commands) and RFC 7504 (521 for the greeting and every command but QUIT;
// 556 for RCPT).
struct ExpectedRow {
    Command command;
    std::set<int> codes;
};

const std::vector<ExpectedRow>& expected_rows() {
    static const std::vector<ExpectedRow> rows = {
        {Command::Greeting, {220, 554, 421, 521}},
        {Command::Helo, {521, 250, 504, 550, 502, 421, 500, 501, 503, 530, 554}},
        {Command::Ehlo, {521, 250, 504, 550, 502, 421, 500, 501, 503, 554}},
        {Command::Mail, {521, 250, 552, 451, 452, 550, 553, 503, 455, 555, 421, 500, 501, 530, 554}},
        {Command::Rcpt,
         {521, 556, 250, 251, 550, 551, 552, 553, 450, 451, 452, 503, 455, 555, 421, 500, 501, 530, 554}},
        {Command::Data, {521, 354, 503, 554, 452, 552, 421, 500, 501, 530}},
        {Command::DataEnd, {250, 552, 554, 451, 452, 450, 550, 421}},
        {Command::Bdat, {521, 250, 503, 450, 451, 452, 550, 552, 554, 502, 421, 500, 501, 530}},
        {Command::Rset, {521, 250, 421, 500, 501, 503, 530, 554}},
        {Command::Vrfy, {521, 250, 251, 252, 550, 551, 553, 502, 504, 421, 500, 501, 503, 530, 554}},
        {Command::Expn, {521, 250, 252, 550, 500, 502, 504, 421, 501, 503, 530, 554}},
        {Command::Help, {521, 211, 214, 502, 504, 421, 500, 501, 503, 530, 554}},
        {Command::Noop, {521, 250, 421, 500, 501, 503, 554}},
        {Command::Quit, {221, 421, 500, 501}},
        {Command::Auth,
         {521, 235, 334, 500, 501, 503, 504, 535, 432, 454, 534, 538, 502, 421, 530, 554}},
        {Command::StartTls, {521, 220, 501, 454, 502, 421, 500, 503, 530, 554}},
        // Other: every code, handled below.
    };
    return rows;
}

bool expected_by_hand(Command command, int code) {
    if (code < 200 || code > 599) {
        return false;
    }
    if (command == Command::Other) {
        return true;
    }
    for (const ExpectedRow& row : expected_rows()) {
        if (row.command == command) {
            return row.codes.count(code) != 0;
        }
    }
    return false;
}

Action action_by_hand(int code, Command command, std::optional<EnhancedStatusCode> enhanced) {
    switch (class_digit(code)) {
    case 2: return Action::Proceed;
    case 3: return Action::Continue;
    case 4: return Action::Retry;
    case 5: break;
    default: return Action::Fail;
    }
    if (code != 552 || command != Command::Rcpt) {
        return Action::Fail;
    }
    // RFC 5321 section 4.5.3.1.10, unless a class 5 enhanced code says the
    // 552 is about something lasting.
    if (!enhanced || enhanced->status_class != 5) {
        return Action::Retry;
    }
    const std::string tail =
        std::to_string(enhanced->subject) + "." + std::to_string(enhanced->detail);
    const bool temporary = tail == "0.0" || tail == "5.3" || tail == "2.2" || tail == "3.1";
    return temporary ? Action::Retry : Action::Fail;
}

} // namespace

TEST_CASE("is_expected_reply") {
    SUBCASE("every command and every code 200..599 against the RFC lists") {
        for (const Command command : smtp::all_commands) {
            for (int code = 200; code <= 599; ++code) {
                INFO("command ", smtp::name(command), " code ", code);
                CHECK(smtp::is_expected_reply(command, code) == expected_by_hand(command, code));
            }
        }
    }
    SUBCASE("the hand-written lists cover every command but Other") {
        CHECK(expected_rows().size() + 1 == smtp::all_commands.size());
    }
    SUBCASE("421 is expected for every command, the greeting included") {
        for (const Command command : smtp::all_commands) {
            CHECK(smtp::is_expected_reply(command, 421));
        }
    }
    SUBCASE("500 and 501 for every command line, not the greeting or the data's end") {
        for (const Command command : smtp::all_commands) {
            const bool command_line = command != Command::Greeting && command != Command::DataEnd;
            CHECK(smtp::is_expected_reply(command, 500) == command_line);
            CHECK(smtp::is_expected_reply(command, 501) == command_line);
        }
    }
    SUBCASE("examples from the RFCs") {
        CHECK(smtp::is_expected_reply(Command::Rcpt, 552));      // RFC 5321 4.3.2
        CHECK(smtp::is_expected_reply(Command::Data, 354));
        CHECK_FALSE(smtp::is_expected_reply(Command::Mail, 354));
        CHECK_FALSE(smtp::is_expected_reply(Command::Quit, 250));
        CHECK(smtp::is_expected_reply(Command::Auth, 334));      // RFC 4954 4
        CHECK(smtp::is_expected_reply(Command::StartTls, 454));  // RFC 3207 4
        CHECK(smtp::is_expected_reply(Command::Mail, 530));      // RFC 4954 6
        CHECK_FALSE(smtp::is_expected_reply(Command::Ehlo, 530));
        CHECK(smtp::is_expected_reply(Command::Bdat, 250));      // RFC 3030 2
        CHECK(smtp::is_expected_reply(Command::Rcpt, 452));      // RFC 1870 6.4
        CHECK_FALSE(smtp::is_expected_reply(Command::Greeting, 250));
        CHECK(smtp::is_expected_reply(Command::Other, 299));
    }
    SUBCASE("no code outside 200..599 is expected") {
        for (const Command command : smtp::all_commands) {
            for (const int code : test_values::interesting_ints()) {
                if (code < 200 || code > 599) {
                    CHECK_FALSE(smtp::is_expected_reply(command, code));
                }
            }
        }
    }
    SUBCASE("a value that is no Command expects nothing") {
        for (const int bad : {-1, 17, 18, 31, 32, 64, INT_MIN, INT_MAX}) {
            CHECK_FALSE(smtp::is_expected_reply(static_cast<Command>(bad), 250));
            CHECK_FALSE(smtp::is_expected_reply(static_cast<Command>(bad), 421));
        }
    }
}

TEST_CASE("expected_reply_source") {
    SUBCASE("names an RFC exactly when the reply is expected") {
        for (const Command command : smtp::all_commands) {
            for (int code = 150; code <= 650; ++code) {
                const std::string_view source = smtp::expected_reply_source(command, code);
                CHECK(source.empty() != smtp::is_expected_reply(command, code));
                if (!source.empty() && command != Command::Other) {
                    CHECK(source.substr(0, 4) == "RFC ");
                }
            }
        }
    }
    SUBCASE("cites the RFC that lists the reply") {
        CHECK(smtp::expected_reply_source(Command::Auth, 534) == "RFC 4954 section 6");
        CHECK(smtp::expected_reply_source(Command::StartTls, 220) == "RFC 3207 section 4");
        CHECK(smtp::expected_reply_source(Command::Bdat, 250) == "RFC 3030 section 2");
        CHECK(smtp::expected_reply_source(Command::Rcpt, 550) == "RFC 5321 section 4.3.2");
        CHECK(smtp::expected_reply_source(Command::Quit, 250).empty());
    }
}

TEST_CASE("expected_reply_rules") {
    SUBCASE("every row cites its source and lists only reply codes") {
        for (const smtp::ExpectedReplyRule& rule : smtp::expected_reply_rules) {
            CHECK_FALSE(rule.source.empty());
            CHECK(rule.commands.bits != 0);
            for (const int code : rule.codes) {
                CHECK((code == 0 || (code >= 200 && code <= 599)));
            }
        }
    }
    SUBCASE("the extension RFCs each have rows") {
        for (const std::string_view rfc :
             {"RFC 5321", "RFC 4954", "RFC 3207", "RFC 3030", "RFC 1870"}) {
            const auto cites = [rfc](const smtp::ExpectedReplyRule& rule) {
                return rule.source.substr(0, rfc.size()) == rfc;
            };
            CHECK(std::any_of(std::begin(smtp::expected_reply_rules),
                              std::end(smtp::expected_reply_rules), cites));
        }
    }
}

TEST_CASE("next_action") {
    SUBCASE("by class for every command and a wide range of ints") {
        for (const Command command : smtp::all_commands) {
            for (const int code : test_values::interesting_ints()) {
                INFO("command ", smtp::name(command), " code ", code);
                CHECK(smtp::next_action(code, command) == action_by_hand(code, command, {}));
            }
        }
    }
    SUBCASE("552 after RCPT is Retry (RFC 5321 section 4.5.3.1.10)") {
        CHECK(smtp::next_action(552, Command::Rcpt) == Action::Retry);
    }
    SUBCASE("its neighbours keep their class") {
        CHECK(smtp::next_action(552, Command::Data) == Action::Fail);
        CHECK(smtp::next_action(552, Command::DataEnd) == Action::Fail);
        CHECK(smtp::next_action(552, Command::Mail) == Action::Fail);
        CHECK(smtp::next_action(552, Command::Bdat) == Action::Fail);
        CHECK(smtp::next_action(452, Command::Rcpt) == Action::Retry);
        CHECK(smtp::next_action(550, Command::Rcpt) == Action::Fail);
        CHECK(smtp::next_action(551, Command::Rcpt) == Action::Fail);
        CHECK(smtp::next_action(553, Command::Rcpt) == Action::Fail);
    }
    SUBCASE("what is not a reply code is Fail") {
        for (const int code : {INT_MIN, -552, -1, 0, 1, 99, 199, 600, 999, 1552, 5520, INT_MAX}) {
            for (const Command command : smtp::all_commands) {
                CHECK(smtp::next_action(code, command) == Action::Fail);
            }
        }
    }
    SUBCASE("the enhanced code refines only 552 after RCPT") {
        std::vector<std::optional<EnhancedStatusCode>> codes = {std::nullopt};
        for (const int cls : {2, 4, 5, 0, 7}) {
            for (const int subject : {0, 1, 2, 3, 5, 7, 999}) {
                for (const int detail : {0, 1, 2, 3, 4, 10, -1}) {
                    codes.push_back(EnhancedStatusCode{cls, subject, detail});
                }
            }
        }
        for (const Command command : smtp::all_commands) {
            for (int code = 190; code <= 610; ++code) {
                for (const auto& enhanced : codes) {
                    CHECK(smtp::next_action(code, command, enhanced) ==
                          action_by_hand(code, command, enhanced));
                }
            }
        }
    }
    SUBCASE("552 after RCPT with an enhanced code") {
        CHECK(smtp::next_action(552, Command::Rcpt, EnhancedStatusCode{5, 5, 3}) == Action::Retry);
        CHECK(smtp::next_action(552, Command::Rcpt, EnhancedStatusCode{5, 2, 2}) == Action::Retry);
        CHECK(smtp::next_action(552, Command::Rcpt, EnhancedStatusCode{5, 3, 1}) == Action::Retry);
        CHECK(smtp::next_action(552, Command::Rcpt, EnhancedStatusCode{5, 0, 0}) == Action::Retry);
        // A size limit for this recipient (RFC 1870 section 6.4), a bad address.
        CHECK(smtp::next_action(552, Command::Rcpt, EnhancedStatusCode{5, 3, 4}) == Action::Fail);
        CHECK(smtp::next_action(552, Command::Rcpt, EnhancedStatusCode{5, 2, 3}) == Action::Fail);
        CHECK(smtp::next_action(552, Command::Rcpt, EnhancedStatusCode{5, 1, 1}) == Action::Fail);
        // A class that does not match the reply is ignored (RFC 2034).
        CHECK(smtp::next_action(552, Command::Rcpt, EnhancedStatusCode{4, 3, 4}) == Action::Retry);
        CHECK(smtp::next_action(552, Command::Rcpt, EnhancedStatusCode{2, 0, 0}) == Action::Retry);
    }
    SUBCASE("a value that is no Command is judged by class alone") {
        CHECK(smtp::next_action(552, static_cast<Command>(99)) == Action::Fail);
        CHECK(smtp::next_action(250, static_cast<Command>(-7)) == Action::Proceed);
    }
}

TEST_CASE("name(Action)") {
    CHECK(smtp::name(Action::Proceed) == "Proceed");
    CHECK(smtp::name(Action::Continue) == "Continue");
    CHECK(smtp::name(Action::Retry) == "Retry");
    CHECK(smtp::name(Action::Fail) == "Fail");
    CHECK(smtp::name(static_cast<Action>(4)).empty());
}

TEST_CASE("closes_connection") {
    SUBCASE("221 and 421 only") {
        for (const int code : test_values::interesting_ints()) {
            CHECK(smtp::closes_connection(code) == (code == 221 || code == 421));
        }
    }
}

// ---------------------------------------------------------------------------
// Pairing basic and enhanced codes
// ---------------------------------------------------------------------------

namespace {

// The rule, worked out per registry entry from its raw column data (the
// registry itself is tested in enhanced_status_code_test.cpp).
smtp::Pairing pairing_by_hand(int basic, const smtp::EnhancedStatusCodeEntry& entry, int cls) {
    if (class_digit(basic) != cls) {
        return smtp::Pairing::ClassMismatch;
    }
    const smtp::AssociatedBasicCodes& codes = entry.basic_codes;
    bool listed = false;
    for (std::size_t i = 0; i < codes.count; ++i) {
        listed = listed || codes.codes[i] == basic;
    }
    switch (codes.scope) {
    case smtp::BasicCodeScope::Any: return smtp::Pairing::Usual;
    case smtp::BasicCodeScope::Any5yz:
        return listed || cls == 5 ? smtp::Pairing::Usual : smtp::Pairing::Unusual;
    case smtp::BasicCodeScope::ListedOrAny4yz5yz:
        return listed || cls == 4 || cls == 5 ? smtp::Pairing::Usual : smtp::Pairing::Unusual;
    case smtp::BasicCodeScope::Listed:
        if (codes.count == 0) {
            return smtp::Pairing::NotGiven;
        }
        return listed ? smtp::Pairing::Usual : smtp::Pairing::Unusual;
    }
    return smtp::Pairing::Invalid;
}

} // namespace

TEST_CASE("pairing") {
    SUBCASE("the issue's examples") {
        CHECK(smtp::pairing(550, EnhancedStatusCode{5, 1, 1}) == smtp::Pairing::Usual);
        CHECK(smtp::pairing(552, EnhancedStatusCode{5, 1, 1}) == smtp::Pairing::Unusual);
        CHECK(smtp::is_usual_pairing(550, EnhancedStatusCode{5, 1, 1}));
        CHECK_FALSE(smtp::is_usual_pairing(552, EnhancedStatusCode{5, 1, 1}));
    }
    SUBCASE("facts from the registry, written out") {
        CHECK(smtp::pairing(451, EnhancedStatusCode{4, 1, 1}) == smtp::Pairing::Usual);
        CHECK(smtp::pairing(552, EnhancedStatusCode{5, 2, 2}) == smtp::Pairing::Usual);   // X.2.2: 552
        CHECK(smtp::pairing(550, EnhancedStatusCode{5, 2, 2}) == smtp::Pairing::Unusual);
        CHECK(smtp::pairing(535, EnhancedStatusCode{5, 7, 8}) == smtp::Pairing::Usual);   // RFC 4954
        CHECK(smtp::pairing(250, EnhancedStatusCode{2, 0, 0}) == smtp::Pairing::Usual);   // X.0.0: any
        CHECK(smtp::pairing(599, EnhancedStatusCode{5, 0, 0}) == smtp::Pairing::Usual);
        CHECK(smtp::pairing(556, EnhancedStatusCode{5, 1, 10}) == smtp::Pairing::Usual);  // RFC 7505
        CHECK(smtp::pairing(550, EnhancedStatusCode{5, 1, 2}) == smtp::Pairing::NotGiven);
    }
    SUBCASE("codes the registry does not list, and classes that do not match") {
        CHECK(smtp::pairing(550, EnhancedStatusCode{5, 7, 500}) == smtp::Pairing::Unregistered);
        CHECK(smtp::pairing(451, EnhancedStatusCode{4, 16, 1}) == smtp::Pairing::Unregistered);
        CHECK(smtp::pairing(550, EnhancedStatusCode{4, 1, 1}) == smtp::Pairing::ClassMismatch);
        CHECK(smtp::pairing(451, EnhancedStatusCode{5, 1, 1}) == smtp::Pairing::ClassMismatch);
        CHECK(smtp::pairing(354, EnhancedStatusCode{2, 0, 0}) == smtp::Pairing::ClassMismatch);
        CHECK(smtp::pairing(199, EnhancedStatusCode{2, 0, 0}) == smtp::Pairing::Invalid);
        CHECK(smtp::pairing(600, EnhancedStatusCode{5, 0, 0}) == smtp::Pairing::Invalid);
        CHECK(smtp::pairing(550, EnhancedStatusCode{3, 0, 0}) == smtp::Pairing::Invalid);
        CHECK(smtp::pairing(550, EnhancedStatusCode{5, 1000, 0}) == smtp::Pairing::Invalid);
        CHECK(smtp::pairing(550, EnhancedStatusCode{5, 1, -1}) == smtp::Pairing::Invalid);
        CHECK(smtp::pairing(INT_MIN, EnhancedStatusCode{INT_MIN, INT_MIN, INT_MIN}) ==
              smtp::Pairing::Invalid);
    }
    SUBCASE("every registry entry, every class and every code 200..599") {
        std::size_t usual = 0;
        std::size_t unusual = 0;
        for (const smtp::EnhancedStatusCodeEntry& entry : smtp::enhanced_status_code_registry) {
            for (const int cls : {2, 4, 5}) {
                const EnhancedStatusCode enhanced{cls, entry.subject, entry.detail};
                for (int basic = 200; basic <= 599; ++basic) {
                    INFO("basic ", basic, " enhanced ", cls, ".", entry.subject, ".", entry.detail);
                    const smtp::Pairing expected = pairing_by_hand(basic, entry, cls);
                    CHECK(smtp::pairing(basic, enhanced) == expected);
                    CHECK(smtp::is_usual_pairing(basic, enhanced) ==
                          (expected == smtp::Pairing::Usual));
                    usual += expected == smtp::Pairing::Usual ? 1 : 0;
                    unusual += expected == smtp::Pairing::Unusual ? 1 : 0;
                }
            }
        }
        CHECK(usual > 0);
        CHECK(unusual > 0);
    }
    SUBCASE("valid codes outside the registry are Unregistered") {
        for (const int cls : {2, 4, 5}) {
            for (int subject = 0; subject <= 12; ++subject) {
                for (int detail = 0; detail <= 40; ++detail) {
                    const EnhancedStatusCode enhanced{cls, subject, detail};
                    if (!smtp::is_registered(enhanced)) {
                        CHECK(smtp::pairing(cls * 100 + 50, enhanced) == smtp::Pairing::Unregistered);
                    }
                }
            }
        }
    }
    SUBCASE("names") {
        CHECK(smtp::name(smtp::Pairing::Usual) == "Usual");
        CHECK(smtp::name(smtp::Pairing::Unusual) == "Unusual");
        CHECK(smtp::name(smtp::Pairing::NotGiven) == "NotGiven");
        CHECK(smtp::name(smtp::Pairing::Unregistered) == "Unregistered");
        CHECK(smtp::name(smtp::Pairing::ClassMismatch) == "ClassMismatch");
        CHECK(smtp::name(smtp::Pairing::Invalid) == "Invalid");
        CHECK(smtp::name(static_cast<smtp::Pairing>(6)).empty());
    }
}

// ---------------------------------------------------------------------------
// Names from other ecosystems, written out from the libraries' documentation
// (.NET System.Net.Mail.SmtpStatusCode, MailKit.Net.Smtp.SmtpStatusCode) and
// Aspose.Email's SmtpStatusCode, whose names are ours.
// ---------------------------------------------------------------------------

namespace {

struct ForeignRow {
    std::string_view name;
    int value;
};

constexpr ForeignRow dotnet_names[] = {
    {"GeneralFailure", -1},
    {"SystemStatus", 211},
    {"HelpMessage", 214},
    {"ServiceReady", 220},
    {"ServiceClosingTransmissionChannel", 221},
    {"Ok", 250},
    {"UserNotLocalWillForward", 251},
    {"CannotVerifyUserWillAttemptDelivery", 252},
    {"StartMailInput", 354},
    {"ServiceNotAvailable", 421},
    {"MailboxBusy", 450},
    {"LocalErrorInProcessing", 451},
    {"InsufficientStorage", 452},
    {"ClientNotPermitted", 454},
    {"CommandUnrecognized", 500},
    {"SyntaxError", 501},
    {"CommandNotImplemented", 502},
    {"BadCommandSequence", 503},
    {"CommandParameterNotImplemented", 504},
    {"MustIssueStartTlsFirst", 530},
    {"MailboxUnavailable", 550},
    {"UserNotLocalTryAlternatePath", 551},
    {"ExceededStorageAllocation", 552},
    {"MailboxNameNotAllowed", 553},
    {"TransactionFailed", 554},
};

constexpr ForeignRow mailkit_names[] = {
    {"SystemStatus", 211},
    {"HelpMessage", 214},
    {"ServiceReady", 220},
    {"ServiceClosingTransmissionChannel", 221},
    {"AuthenticationSuccessful", 235},
    {"Ok", 250},
    {"UserNotLocalWillForward", 251},
    {"CannotVerifyUserWillAttemptDelivery", 252},
    {"AuthenticationChallenge", 334},
    {"StartMailInput", 354},
    {"ServiceNotAvailable", 421},
    {"PasswordTransitionNeeded", 432},
    {"MailboxBusy", 450},
    {"ErrorInProcessing", 451},
    {"InsufficientStorage", 452},
    {"TemporaryAuthenticationFailure", 454},
    {"CommandUnrecognized", 500},
    {"SyntaxError", 501},
    {"CommandNotImplemented", 502},
    {"BadCommandSequence", 503},
    {"CommandParameterNotImplemented", 504},
    {"AuthenticationRequired", 530},
    {"AuthenticationMechanismTooWeak", 534},
    {"AuthenticationInvalidCredentials", 535},
    {"EncryptionRequiredForAuthenticationMechanism", 538},
    {"MailboxUnavailable", 550},
    {"UserNotLocalTryAlternatePath", 551},
    {"ExceededStorageAllocation", 552},
    {"MailboxNameNotAllowed", 553},
    {"TransactionFailed", 554},
    {"MailFromOrRcptToParametersNotRecognizedOrNotImplemented", 555},
};

// Aspose.Email's names are SmtpStatusCode's, minus the four codes it lacks.
std::vector<ForeignRow> aspose_names() {
    std::vector<ForeignRow> rows;
    for (const SmtpStatusCode code : smtp::all_status_codes) {
        const int v = smtp::value(code);
        if (v != 455 && v != 521 && v != 555 && v != 556) {
            rows.push_back({smtp::name(code), v});
        }
    }
    return rows;
}

template <class Rows>
void check_api(ForeignApi api, const Rows& rows) {
    for (const ForeignRow& row : rows) {
        INFO(smtp::name(api), " ", row.name);
        const std::optional<SmtpStatusCode> expected = smtp::from_value(row.value);
        REQUIRE(expected.has_value());
        CHECK(smtp::from_foreign_name(row.name) == expected);
        CHECK(smtp::from_foreign_name(row.name, api) == expected);
        CHECK(smtp::foreign_name(*expected, api) == row.name);
    }
}

} // namespace

TEST_CASE("from_foreign_name") {
    SUBCASE(".NET System.Net.Mail names") { check_api(ForeignApi::DotNet, dotnet_names); }
    SUBCASE("MailKit names") { check_api(ForeignApi::MailKit, mailkit_names); }
    SUBCASE("Aspose.Email names") {
        const std::vector<ForeignRow> rows = aspose_names();
        CHECK(rows.size() == 32);
        check_api(ForeignApi::Aspose, rows);
    }
    SUBCASE("the issue's examples") {
        CHECK(smtp::from_foreign_name("ErrorInProcessing") == SmtpStatusCode::LocalErrorInProcessing);
        CHECK(smtp::from_foreign_name("LocalErrorInProcessing") ==
              SmtpStatusCode::LocalErrorInProcessing);
        CHECK(smtp::from_foreign_name("BadCommandSequence") == SmtpStatusCode::CommandNotPermitted);
        CHECK(smtp::from_foreign_name("MustIssueStartTlsFirst") ==
              SmtpStatusCode::AuthenticationRequired);
    }
    SUBCASE("a name is only accepted for the library that uses it") {
        CHECK_FALSE(smtp::from_foreign_name("ErrorInProcessing", ForeignApi::DotNet));
        CHECK_FALSE(smtp::from_foreign_name("ErrorInProcessing", ForeignApi::Aspose));
        CHECK_FALSE(smtp::from_foreign_name("BadCommandSequence", ForeignApi::Aspose));
        CHECK_FALSE(smtp::from_foreign_name("NotDefined", ForeignApi::DotNet));
        CHECK(smtp::from_foreign_name("NotDefined", ForeignApi::Aspose) == SmtpStatusCode::NotDefined);
        CHECK_FALSE(smtp::from_foreign_name("Ok", static_cast<ForeignApi>(3)));
    }
    SUBCASE("every table name belongs to one of the three lists above") {
        std::set<std::string_view> written;
        for (const ForeignRow& row : dotnet_names) written.insert(row.name);
        for (const ForeignRow& row : mailkit_names) written.insert(row.name);
        for (const ForeignRow& row : aspose_names()) written.insert(row.name);
        std::set<std::string_view> table;
        for (const smtp::ForeignName& row : smtp::foreign_names) table.insert(row.name);
        CHECK(table == written);
    }
    SUBCASE("anything else is nullopt") {
        for (const std::string_view text : std::initializer_list<std::string_view>{
                 "", "ok", "OK", "Ok ", " Ok", "errorInProcessing", "ErrorInProcessin",
              "HostDoesNotAcceptMail", "ServerUnableToAccommodateParameters", "552",
              "AuthenticationMechanismIsTooWeak", std::string_view("Ok\0", 3)}) {
            CHECK_FALSE(smtp::from_foreign_name(text));
            CHECK_FALSE(smtp::from_foreign_name(text, ForeignApi::DotNet));
        }
    }
}

TEST_CASE("foreign_name_entry") {
    SUBCASE("finds every row by its exact name and in any case") {
        for (const smtp::ForeignName& row : smtp::foreign_names) {
            CAPTURE(row.name);
            std::string lower(row.name);
            for (char& c : lower) {
                c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
            }
            const auto exact = smtp::foreign_name_entry(row.name, [](char a, char b) noexcept {
                return a == b;
            });
            REQUIRE(exact);
            CHECK(exact->name == row.name);
            CHECK(exact->value == row.value);
            CHECK(exact->apis == row.apis);
            const auto folded = smtp::foreign_name_entry(lower, smtp::case_insensitive);
            REQUIRE(folded);
            CHECK(folded->name == row.name);
        }
    }
    SUBCASE("says whose name it is") {
        const auto mailkit = smtp::foreign_name_entry("errorinprocessing", smtp::case_insensitive);
        REQUIRE(mailkit);
        CHECK(mailkit->name == "ErrorInProcessing");
        CHECK(mailkit->value == 451);
        CHECK(mailkit->used_by(ForeignApi::MailKit));
        CHECK_FALSE(mailkit->used_by(ForeignApi::DotNet));
        CHECK_FALSE(mailkit->used_by(ForeignApi::Aspose));
        const auto shared = smtp::foreign_name_entry("MAILBOXBUSY", smtp::case_insensitive);
        REQUIRE(shared);
        CHECK(shared->value == 450);
        CHECK(shared->used_by(ForeignApi::DotNet));
        CHECK(shared->used_by(ForeignApi::MailKit));
        CHECK(shared->used_by(ForeignApi::Aspose));
    }
    SUBCASE("anything else is nullopt") {
        for (const std::string_view text : {"", "ok ", "Error In Processing", "552",
                                            "HostDoesNotAcceptMail", "AuthenticationMechanismIsTooWeak"}) {
            CAPTURE(text);
            CHECK_FALSE(smtp::foreign_name_entry(text, smtp::case_insensitive));
        }
    }
}

TEST_CASE("foreign_name") {
    SUBCASE("empty where the library has no name") {
        CHECK(smtp::foreign_name(SmtpStatusCode::Base64Response, ForeignApi::DotNet).empty());
        CHECK(smtp::foreign_name(SmtpStatusCode::NotDefined, ForeignApi::MailKit).empty());
        CHECK(smtp::foreign_name(SmtpStatusCode::DomainDoesNotAcceptMail, ForeignApi::Aspose).empty());
        CHECK(smtp::foreign_name(static_cast<SmtpStatusCode>(571), ForeignApi::DotNet).empty());
        CHECK(smtp::foreign_name(SmtpStatusCode::Ok, static_cast<ForeignApi>(-1)).empty());
    }
    SUBCASE("names of the API enum") {
        CHECK(smtp::name(ForeignApi::DotNet) == "DotNet");
        CHECK(smtp::name(ForeignApi::MailKit) == "MailKit");
        CHECK(smtp::name(ForeignApi::Aspose) == "Aspose");
        CHECK(smtp::name(static_cast<ForeignApi>(3)).empty());
    }
}

// ---------------------------------------------------------------------------
// Writing replies
// ---------------------------------------------------------------------------

namespace {

struct WriteCase {
    int code;
    std::optional<EnhancedStatusCode> enhanced;
    std::vector<std::string_view> lines;
    std::string_view wire;
};

std::string write(const WriteCase& c, smtp::ReplyWriteOptions options = {}) {
    std::string out(4096, '#');
    const smtp::ReplyWriteResult r =
        smtp::write_reply(out.data(), out.data() + out.size(), c.code, c.enhanced,
                          c.lines.data(), c.lines.size(), options);
    REQUIRE(r.ok());
    // Nothing beyond the reported size was touched.
    CHECK(out.find_first_not_of('#', r.size) == std::string::npos);
    out.resize(r.size);
    return out;
}

} // namespace

TEST_CASE("write_reply") {
    SUBCASE("writes the RFC 5321 and RFC 2034 shapes") {
        const WriteCase cases[] = {
            {250, std::nullopt, {"OK"}, "250 OK\r\n"},
            {250, std::nullopt, {""}, "250 \r\n"},
            {334, std::nullopt, {""}, "334 \r\n"},
            {334, std::nullopt, {"VXNlcm5hbWU6"}, "334 VXNlcm5hbWU6\r\n"},
            {250, std::nullopt, {"mx.example.org", "SIZE 35882577", "8BITMIME"},
             "250-mx.example.org\r\n250-SIZE 35882577\r\n250 8BITMIME\r\n"},
            {250, std::nullopt, {"", ""}, "250-\r\n250 \r\n"},
            {550, EnhancedStatusCode{5, 1, 1}, {"No such user"}, "550 5.1.1 No such user\r\n"},
            {550, EnhancedStatusCode{5, 1, 1}, {""}, "550 5.1.1\r\n"},
            {452, EnhancedStatusCode{4, 5, 3}, {"Too many", "recipients"},
             "452-4.5.3 Too many\r\n452 4.5.3 recipients\r\n"},
            {250, EnhancedStatusCode{2, 0, 0}, {"a", "", "b"},
             "250-2.0.0 a\r\n250-2.0.0\r\n250 2.0.0 b\r\n"},
            {554, EnhancedStatusCode{5, 999, 999}, {"x"}, "554 5.999.999 x\r\n"},
            {571, EnhancedStatusCode{5, 7, 1}, {"Delivery not authorized"},
             "571 5.7.1 Delivery not authorized\r\n"},
            {299, std::nullopt, {"234 Text beginning with numbers"},
             "299 234 Text beginning with numbers\r\n"},
            {220, std::nullopt, {"tab\there", "caf\xc3\xa9 \x01\x7f"},
             "220-tab\there\r\n220 caf\xc3\xa9 \x01\x7f\r\n"},
            {200, std::nullopt, {"low"}, "200 low\r\n"},
            {599, std::nullopt, {"high"}, "599 high\r\n"},
        };
        for (const WriteCase& c : cases) {
            INFO("wire ", std::string(c.wire));
            CHECK(write(c) == c.wire);
            const smtp::ReplyWriteResult measured =
                smtp::measure_reply(c.code, c.enhanced, c.lines.data(), c.lines.size());
            CHECK(measured.ok());
            CHECK(measured.size == c.wire.size());
        }
    }
    SUBCASE("lines given in braces") {
        char buf[64];
        const auto r = smtp::write_reply(buf, buf + sizeof buf, 221, EnhancedStatusCode{2, 0, 0},
                                         {"Bye"});
        REQUIRE(r.ok());
        CHECK(std::string_view(buf, r.size) == "221 2.0.0 Bye\r\n");
    }
    SUBCASE("refuses a code that is not a reply code") {
        for (const int code : {INT_MIN, -250, -1, 0, 25, 199, 600, 999, 1000, 2500, INT_MAX}) {
            char buf[64];
            const auto r = smtp::write_reply(buf, buf + sizeof buf, code, std::nullopt, {"x"});
            CHECK(r.error == ReplyWriteError::InvalidCode);
            CHECK(r.size == 0);
        }
    }
    SUBCASE("refuses a bad enhanced code") {
        struct Refusal {
            int code;
            EnhancedStatusCode enhanced;
            ReplyWriteError error;
        };
        const Refusal refusals[] = {
            {550, {4, 1, 1}, ReplyWriteError::EnhancedClassMismatch},
            {450, {5, 1, 1}, ReplyWriteError::EnhancedClassMismatch},
            {250, {5, 0, 0}, ReplyWriteError::EnhancedClassMismatch},
            {550, {2, 0, 0}, ReplyWriteError::EnhancedClassMismatch},
            {354, {2, 0, 0}, ReplyWriteError::EnhancedOnIntermediate},
            {334, {5, 7, 0}, ReplyWriteError::EnhancedOnIntermediate},
            {550, {3, 1, 1}, ReplyWriteError::InvalidEnhancedCode},
            {550, {5, 1000, 1}, ReplyWriteError::InvalidEnhancedCode},
            {550, {5, 1, -1}, ReplyWriteError::InvalidEnhancedCode},
            {550, {INT_MIN, INT_MIN, INT_MIN}, ReplyWriteError::InvalidEnhancedCode},
            {354, {3, 0, 0}, ReplyWriteError::InvalidEnhancedCode},
        };
        for (const Refusal& f : refusals) {
            char buf[64];
            const auto r = smtp::write_reply(buf, buf + sizeof buf, f.code, f.enhanced, {"x"});
            CHECK(r.error == f.error);
            CHECK(smtp::name(r.error) == smtp::name(f.error));
        }
    }
    SUBCASE("refuses CR and LF in the text, naming the line") {
        for (const std::string_view bad : {"a\r", "\n", "a\r\nb", "a\rb", "a\nb", "\r\n250 forged"}) {
            char buf[64];
            const std::string_view lines[] = {"fine", "also fine", bad};
            const auto r = smtp::write_reply(buf, buf + sizeof buf, 250, std::nullopt, lines, 3);
            CHECK(r.error == ReplyWriteError::LineBreakInText);
            CHECK(r.line == 2);
        }
    }
    SUBCASE("refuses no lines") {
        char buf[64];
        CHECK(smtp::write_reply(buf, buf + sizeof buf, 250, std::nullopt, {}).error ==
              ReplyWriteError::NoLines);
        CHECK(smtp::write_reply(buf, buf + sizeof buf, 250, std::nullopt, nullptr, 3).error ==
              ReplyWriteError::NoLines);
    }
    SUBCASE("512 octets per line by default, CRLF included") {
        std::string buf(2048, '\0');
        const std::string longest(512 - 6, 'x'); // "250 " + text + CRLF
        const std::string too_long(512 - 5, 'x');
        const auto ok = smtp::write_reply(buf.data(), buf.data() + buf.size(), 250, std::nullopt,
                                          {longest});
        CHECK(ok.ok());
        CHECK(ok.size == 512);
        const auto bad = smtp::write_reply(buf.data(), buf.data() + buf.size(), 250, std::nullopt,
                                           {"short", too_long});
        CHECK(bad.error == ReplyWriteError::LineTooLong);
        CHECK(bad.line == 1);
        // The enhanced code and its space count too.
        const std::string with_code(512 - 6 - 6, 'x'); // "5.1.1 "
        CHECK(smtp::write_reply(buf.data(), buf.data() + buf.size(), 550,
                                EnhancedStatusCode{5, 1, 1}, {with_code})
                  .size == 512);
        CHECK(smtp::write_reply(buf.data(), buf.data() + buf.size(), 550,
                                EnhancedStatusCode{5, 1, 1}, {with_code + "x"})
                  .error == ReplyWriteError::LineTooLong);
    }
    SUBCASE("the limit is configurable") {
        char buf[64];
        smtp::ReplyWriteOptions tight;
        tight.max_line_length = 10;
        CHECK(smtp::write_reply(buf, buf + sizeof buf, 250, std::nullopt, {"1234"}, tight).size ==
              10);
        CHECK(smtp::write_reply(buf, buf + sizeof buf, 250, std::nullopt, {"12345"}, tight).error ==
              ReplyWriteError::LineTooLong);
        smtp::ReplyWriteOptions none;
        none.max_line_length = 5; // not even "250 " and CRLF fit
        CHECK(smtp::write_reply(buf, buf + sizeof buf, 250, std::nullopt, {""}, none).error ==
              ReplyWriteError::LineTooLong);
        smtp::ReplyWriteOptions huge;
        huge.max_line_length = static_cast<std::size_t>(-1);
        CHECK(smtp::write_reply(buf, buf + sizeof buf, 250, EnhancedStatusCode{2, 0, 0}, {"ok"},
                                huge)
                  .ok());
    }
    SUBCASE("a buffer too small gets nothing and learns the size") {
        std::string buf(32, '#');
        const auto r = smtp::write_reply(buf.data(), buf.data() + 10, 250, std::nullopt,
                                         {"hello", "world"});
        CHECK(r.error == ReplyWriteError::BufferTooSmall);
        REQUIRE(r.size == std::string_view("250-hello\r\n250 world\r\n").size());
        CHECK(buf == std::string(32, '#'));
        const auto exact = smtp::write_reply(buf.data(), buf.data() + r.size, 250, std::nullopt,
                                             {"hello", "world"});
        CHECK(exact.ok());
        CHECK(smtp::write_reply(nullptr, nullptr, 250, std::nullopt, {"x"}).error ==
              ReplyWriteError::BufferTooSmall);
        CHECK(smtp::write_reply(buf.data() + 5, buf.data(), 250, std::nullopt, {"x"}).error ==
              ReplyWriteError::BufferTooSmall);
        CHECK(smtp::write_reply(buf.data(), nullptr, 250, std::nullopt, {"x"}).error ==
              ReplyWriteError::BufferTooSmall);
        CHECK(smtp::write_reply(nullptr, buf.data() + 8, 250, std::nullopt, {"x"}).error ==
              ReplyWriteError::BufferTooSmall);
    }
    SUBCASE("errors are reported in a fixed order: code, enhanced code, lines, buffer") {
        CHECK(smtp::write_reply(nullptr, nullptr, 600, EnhancedStatusCode{9, 9, 9}, {"\r"}).error ==
              ReplyWriteError::InvalidCode);
        CHECK(smtp::write_reply(nullptr, nullptr, 550, EnhancedStatusCode{4, 0, 0}, {"\r"}).error ==
              ReplyWriteError::EnhancedClassMismatch);
        CHECK(smtp::write_reply(nullptr, nullptr, 550, std::nullopt, {"\r"}).error ==
              ReplyWriteError::LineBreakInText);
    }
}

TEST_CASE("write_reply_to") {
    SUBCASE("writes the same bytes as write_reply") {
        std::string out;
        const auto r = smtp::write_reply_to(std::back_inserter(out), 250, EnhancedStatusCode{2, 0, 0},
                                            {"first", "last"});
        CHECK(r.ok());
        CHECK(r.size == out.size());
        CHECK(out == "250-2.0.0 first\r\n250 2.0.0 last\r\n");
    }
    SUBCASE("writes nothing when it refuses") {
        std::string out;
        const auto r = smtp::write_reply_to(std::back_inserter(out), 250, std::nullopt,
                                            {"ok", "bad\n"});
        CHECK(r.error == ReplyWriteError::LineBreakInText);
        CHECK(r.line == 1);
        CHECK(out.empty());
    }
    SUBCASE("returns the iterator past the reply") {
        char buf[32] = {};
        const auto r = smtp::write_reply_to(buf + 1, 421, std::nullopt, {"bye"});
        CHECK(r.out == buf + 1 + 9);
        CHECK(std::string_view(buf + 1, 9) == "421 bye\r\n");
    }
}

TEST_CASE("measure_reply") {
    CHECK(smtp::measure_reply(250, std::nullopt, {"a", "bc"}).size == 15); // "250-a\r\n250 bc\r\n"
    CHECK(smtp::measure_reply(250, std::nullopt, {"a\n"}).error == ReplyWriteError::LineBreakInText);
    CHECK(smtp::measure_reply(199, std::nullopt, {"a"}).error == ReplyWriteError::InvalidCode);
    // Lines by pointer: a null pointer has no lines, whatever the count.
    const std::string_view lines[] = {"a", "bc"};
    CHECK(smtp::measure_reply(250, std::nullopt, lines, 2).size == 15);
    CHECK(smtp::measure_reply(250, std::nullopt, nullptr, 2).error == ReplyWriteError::NoLines);
    CHECK(smtp::measure_reply(250, std::nullopt, lines, 0).error == ReplyWriteError::NoLines);
}

// ---------------------------------------------------------------------------
// Round trips through parse_reply
// ---------------------------------------------------------------------------

namespace {

// What parse_reply gives as a line's text: the enhanced code, a space and the
// text, or just one of them.
std::string read_back_text(const std::optional<EnhancedStatusCode>& enhanced, std::string_view text) {
    if (!enhanced) {
        return std::string(text);
    }
    std::string out = test_values::enhanced_text(*enhanced);
    if (!text.empty()) {
        out += " ";
        out += text;
    }
    return out;
}

void check_round_trip(int code, const std::optional<EnhancedStatusCode>& enhanced,
                      const std::vector<std::string>& text) {
    const std::vector<std::string_view> lines(text.begin(), text.end());
    std::string buf(64 * 1024, '\0');
    const smtp::ReplyWriteResult w = smtp::write_reply(
        buf.data(), buf.data() + buf.size(), code, enhanced, lines.data(), lines.size());
    REQUIRE(w.ok());
    const std::string_view wire(buf.data(), w.size);
    // Another reply after it must not be read (pipelining, RFC 2920).
    std::string input(wire);
    input += "221 next\r\n";
    const smtp::ReplyParse p = smtp::parse_reply(input);
    REQUIRE(p.ok());
    CHECK(p.consumed == w.size);
    CHECK(p.reply.raw() == wire);
    CHECK(p.reply.code() == code);
    CHECK(p.reply.line_count() == lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        CHECK(p.reply.line(i) == read_back_text(enhanced, lines[i]));
    }
    if (enhanced) {
        CHECK(p.reply.enhanced() == enhanced);
    }
}

// A small deterministic generator, so that failures reproduce.
struct Lcg {
    std::uint64_t state;
    std::uint32_t next() {
        state = state * 6364136223846793005u + 1442695040888963407u;
        return static_cast<std::uint32_t>(state >> 33);
    }
    std::uint32_t below(std::uint32_t n) { return next() % n; }
};

} // namespace

TEST_CASE("write_reply round trips through parse_reply") {
    SUBCASE("the shapes servers send") {
        check_round_trip(250, std::nullopt, {"OK"});
        check_round_trip(250, std::nullopt, {""});
        check_round_trip(334, std::nullopt, {""});
        check_round_trip(334, std::nullopt, {"PDQxOTI5NDIzNDEuMTI4Mjg0NzJAc291cmNlZm91ci5hbmRyZXcuY211LmVkdT4="});
        check_round_trip(250, std::nullopt, {"mx.example.org", "PIPELINING", "SIZE 35882577",
                                             "8BITMIME", "ENHANCEDSTATUSCODES", "CHUNKING"});
        check_round_trip(250, std::nullopt, {"234 Text beginning with numbers", "The last line"});
        check_round_trip(550, EnhancedStatusCode{5, 1, 1}, {"No such user here"});
        check_round_trip(550, EnhancedStatusCode{5, 1, 1}, {""});
        check_round_trip(550, EnhancedStatusCode{5, 7, 1},
                         {"The user or domain that you are sending to", "", "does not accept mail"});
        check_round_trip(451, EnhancedStatusCode{4, 3, 0}, {"Try again later [#4.16.1]"});
        check_round_trip(421, EnhancedStatusCode{4, 4, 5}, {"Too busy", "closing"});
        check_round_trip(220, std::nullopt, {"caf\xc3\xa9 \x01 \t"});
        check_round_trip(554, EnhancedStatusCode{5, 999, 999}, {"x"});
        check_round_trip(250, EnhancedStatusCode{2, 0, 0}, {std::string(512 - 12, 'x')});
    }
    SUBCASE("many generated replies") {
        Lcg rng{20240601};
        for (int n = 0; n < 20000; ++n) {
            const int code = 200 + static_cast<int>(rng.below(400));
            std::optional<EnhancedStatusCode> enhanced;
            if (code / 100 != 3 && rng.below(2) == 0) {
                enhanced = EnhancedStatusCode{code / 100, static_cast<int>(rng.below(1000)),
                                              static_cast<int>(rng.below(1000))};
            }
            std::vector<std::string> text(1 + rng.below(6));
            for (std::string& t : text) {
                const std::uint32_t length = rng.below(5) == 0 ? rng.below(480) : rng.below(20);
                for (std::uint32_t k = 0; k < length; ++k) {
                    char c = static_cast<char>(rng.below(256));
                    if (c == '\r' || c == '\n') {
                        c = '.';
                    }
                    t.push_back(c);
                }
            }
            check_round_trip(code, enhanced, text);
        }
    }
    SUBCASE("without an enhanced code, text that starts with one reads back as one") {
        std::string buf(64, '\0');
        const auto w = smtp::write_reply(buf.data(), buf.data() + buf.size(), 550, std::nullopt,
                                         {"5.1.1 unknown user"});
        REQUIRE(w.ok());
        const auto p = smtp::parse_reply(std::string_view(buf.data(), w.size));
        REQUIRE(p.ok());
        CHECK(p.reply.enhanced() == EnhancedStatusCode{5, 1, 1});
        CHECK(p.reply.line(0) == "5.1.1 unknown user");
    }
}

TEST_CASE("name(ReplyWriteError)") {
    const std::pair<ReplyWriteError, std::string_view> names[] = {
        {ReplyWriteError::None, "None"},
        {ReplyWriteError::InvalidCode, "InvalidCode"},
        {ReplyWriteError::InvalidEnhancedCode, "InvalidEnhancedCode"},
        {ReplyWriteError::EnhancedClassMismatch, "EnhancedClassMismatch"},
        {ReplyWriteError::EnhancedOnIntermediate, "EnhancedOnIntermediate"},
        {ReplyWriteError::NoLines, "NoLines"},
        {ReplyWriteError::LineBreakInText, "LineBreakInText"},
        {ReplyWriteError::LineTooLong, "LineTooLong"},
        {ReplyWriteError::BufferTooSmall, "BufferTooSmall"},
    };
    for (const auto& [error, spelling] : names) {
        CHECK(smtp::name(error) == spelling);
    }
    CHECK(smtp::name(static_cast<ReplyWriteError>(9)).empty());
    CHECK(smtp::name(static_cast<ReplyWriteError>(-1)).empty());
}
