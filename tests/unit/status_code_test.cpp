// Tests for <smtp/status_code.hpp>. It is included first to prove that it
// compiles on its own.
#include <smtp/status_code.hpp>

#include <doctest/doctest.h>

#include "../support/test_values.hpp"

#include <algorithm>
#include <climits>
#include <cstddef>
#include <iterator>
#include <set>
#include <string_view>
#include <string>
#include <vector>

namespace {

using smtp::ReplyClass;
using test_values::class_from_text;
using test_values::interesting_ints;
using smtp::SmtpStatusCode;

struct ExpectedCode {
    SmtpStatusCode code;
    int value;
    std::string_view name;
    ReplyClass reply_class;
};

// Written out by hand from the enum's documentation (README.md, "The API at
// a glance"; RFC 5321 section 4.2.1 for the classes), independently of the
// header's own table, and ascending by value.
constexpr ExpectedCode expected_codes[] = {
    {SmtpStatusCode::GeneralFailure,                          -1, "GeneralFailure",                          ReplyClass::None},
    {SmtpStatusCode::NotDefined,                               0, "NotDefined",                              ReplyClass::None},
    {SmtpStatusCode::SystemStatus,                           211, "SystemStatus",                            ReplyClass::PositiveCompletion},
    {SmtpStatusCode::HelpMessage,                            214, "HelpMessage",                             ReplyClass::PositiveCompletion},
    {SmtpStatusCode::ServiceReady,                           220, "ServiceReady",                            ReplyClass::PositiveCompletion},
    {SmtpStatusCode::ServiceClosingTransmissionChannel,      221, "ServiceClosingTransmissionChannel",       ReplyClass::PositiveCompletion},
    {SmtpStatusCode::AuthenticationSucceeded,                235, "AuthenticationSucceeded",                 ReplyClass::PositiveCompletion},
    {SmtpStatusCode::Ok,                                     250, "Ok",                                      ReplyClass::PositiveCompletion},
    {SmtpStatusCode::UserNotLocalWillForward,                251, "UserNotLocalWillForward",                 ReplyClass::PositiveCompletion},
    {SmtpStatusCode::CannotVerifyUserWillAttemptDelivery,    252, "CannotVerifyUserWillAttemptDelivery",     ReplyClass::PositiveCompletion},
    {SmtpStatusCode::Base64Response,                         334, "Base64Response",                          ReplyClass::PositiveIntermediate},
    {SmtpStatusCode::StartMailInput,                         354, "StartMailInput",                          ReplyClass::PositiveIntermediate},
    {SmtpStatusCode::ServiceNotAvailable,                    421, "ServiceNotAvailable",                     ReplyClass::TransientNegative},
    {SmtpStatusCode::PasswordTransitionNeeded,               432, "PasswordTransitionNeeded",                ReplyClass::TransientNegative},
    {SmtpStatusCode::MailboxBusy,                            450, "MailboxBusy",                             ReplyClass::TransientNegative},
    {SmtpStatusCode::LocalErrorInProcessing,                 451, "LocalErrorInProcessing",                  ReplyClass::TransientNegative},
    {SmtpStatusCode::InsufficientStorage,                    452, "InsufficientStorage",                     ReplyClass::TransientNegative},
    {SmtpStatusCode::ClientNotPermitted,                     454, "ClientNotPermitted",                      ReplyClass::TransientNegative},
    {SmtpStatusCode::ServerUnableToAccommodateParameters,    455, "ServerUnableToAccommodateParameters",     ReplyClass::TransientNegative},
    {SmtpStatusCode::CommandUnrecognized,                    500, "CommandUnrecognized",                     ReplyClass::PermanentNegative},
    {SmtpStatusCode::SyntaxError,                            501, "SyntaxError",                             ReplyClass::PermanentNegative},
    {SmtpStatusCode::CommandNotImplemented,                  502, "CommandNotImplemented",                   ReplyClass::PermanentNegative},
    {SmtpStatusCode::CommandNotPermitted,                    503, "CommandNotPermitted",                     ReplyClass::PermanentNegative},
    {SmtpStatusCode::UnrecognizedAuthenticationType,         504, "UnrecognizedAuthenticationType",          ReplyClass::PermanentNegative},
    {SmtpStatusCode::HostDoesNotAcceptMail,                  521, "HostDoesNotAcceptMail",                   ReplyClass::PermanentNegative},
    {SmtpStatusCode::AuthenticationRequired,                 530, "AuthenticationRequired",                  ReplyClass::PermanentNegative},
    {SmtpStatusCode::AuthenticationMechanismIsToWeak,        534, "AuthenticationMechanismIsToWeak",         ReplyClass::PermanentNegative},
    {SmtpStatusCode::CredentialsInvalid,                     535, "CredentialsInvalid",                      ReplyClass::PermanentNegative},
    {SmtpStatusCode::EncryptionRequiredRequestedMechanism,   538, "EncryptionRequiredRequestedMechanism",    ReplyClass::PermanentNegative},
    {SmtpStatusCode::MailboxUnavailable,                     550, "MailboxUnavailable",                      ReplyClass::PermanentNegative},
    {SmtpStatusCode::UserNotLocalTryAlternatePath,           551, "UserNotLocalTryAlternatePath",            ReplyClass::PermanentNegative},
    {SmtpStatusCode::ExceededStorageAllocation,              552, "ExceededStorageAllocation",               ReplyClass::PermanentNegative},
    {SmtpStatusCode::MailboxNameNotAllowed,                  553, "MailboxNameNotAllowed",                   ReplyClass::PermanentNegative},
    {SmtpStatusCode::TransactionFailed,                      554, "TransactionFailed",                       ReplyClass::PermanentNegative},
    {SmtpStatusCode::ParametersNotRecognizedOrNotImplemented, 555, "ParametersNotRecognizedOrNotImplemented", ReplyClass::PermanentNegative},
    {SmtpStatusCode::DomainDoesNotAcceptMail,                556, "DomainDoesNotAcceptMail",                 ReplyClass::PermanentNegative},
};

const ExpectedCode* find_expected(int v) {
    for (const ExpectedCode& row : expected_codes) {
        if (row.value == v) {
            return &row;
        }
    }
    return nullptr;
}



} // namespace

TEST_CASE("all_status_codes") {
    SUBCASE("lists every enumerator once, ascending by value") {
        REQUIRE(smtp::all_status_codes.size() == std::size(expected_codes));
        for (std::size_t i = 0; i < std::size(expected_codes); ++i) {
            CAPTURE(i);
            CHECK(smtp::all_status_codes[i] == expected_codes[i].code);
        }
    }
    SUBCASE("is strictly ascending") {
        CHECK(std::adjacent_find(smtp::all_status_codes.begin(),
                                 smtp::all_status_codes.end(),
                                 [](SmtpStatusCode a, SmtpStatusCode b) {
                                     return smtp::value(a) >= smtp::value(b);
                                 }) == smtp::all_status_codes.end());
    }
    SUBCASE("has the seed's 32 codes and the 4 standard additions") {
        CHECK(smtp::all_status_codes.size() == 36);
    }
}

TEST_CASE("name, value, from_value and from_name for every enumerator") {
    for (const ExpectedCode& row : expected_codes) {
        CAPTURE(row.value);
        CHECK(smtp::value(row.code) == row.value);
        CHECK(smtp::name(row.code) == row.name);
        CHECK(smtp::is_defined(row.code));
        CHECK(smtp::from_value(row.value) == row.code);
        CHECK(smtp::from_name(row.name) == row.code);
        CHECK(smtp::from_value(smtp::value(row.code)) == row.code);
        CHECK(smtp::from_name(smtp::name(row.code)) == row.code);
    }
}

TEST_CASE("description") {
    std::set<std::string_view> seen;
    for (const ExpectedCode& row : expected_codes) {
        const std::string_view text = smtp::description(row.code);
        CAPTURE(row.name);
        SUBCASE("is one or two plain English sentences") {
            REQUIRE(text.size() >= 40);
            CHECK(text.size() <= 320);
            CHECK(text.front() >= 'A');
            CHECK(text.front() <= 'Z');
            CHECK(text.back() == '.');
            CHECK(std::all_of(text.begin(), text.end(), [](char c) {
                return c >= ' ' && c <= '~';
            }));
            CHECK(text.find("  ") == std::string_view::npos);
        }
        seen.insert(text);
    }
    SUBCASE("differs for every code") {
        CHECK(seen.size() == std::size(expected_codes));
    }
    SUBCASE("notes the second meaning where a code has two") {
        CHECK(smtp::description(SmtpStatusCode::ClientNotPermitted).find("STARTTLS") != std::string_view::npos);
        CHECK(smtp::description(SmtpStatusCode::ClientNotPermitted).find("AUTH") != std::string_view::npos);
        CHECK(smtp::description(SmtpStatusCode::CommandNotPermitted).find("sequence") != std::string_view::npos);
        CHECK(smtp::description(SmtpStatusCode::InsufficientStorage).find("too many recipients") != std::string_view::npos);
        CHECK(smtp::description(SmtpStatusCode::ExceededStorageAllocation).find("too many recipients") != std::string_view::npos);
    }
}

TEST_CASE("lookups on values that are no enumerator") {
    for (int v : interesting_ints()) {
        const auto code = static_cast<SmtpStatusCode>(v);
        const ExpectedCode* row = find_expected(v);
        CAPTURE(v);
        CHECK(smtp::is_defined(code) == (row != nullptr));
        CHECK(smtp::from_value(v).has_value() == (row != nullptr));
        if (row == nullptr) {
            CHECK(smtp::name(code).empty());
            CHECK(smtp::description(code).empty());
        }
    }
}

TEST_CASE("from_value over a wide range agrees with the table") {
    std::size_t found = 0;
    for (int v = -200000; v <= 200000; ++v) {
        const auto result = smtp::from_value(v);
        if (result) {
            ++found;
            REQUIRE(find_expected(v) != nullptr);
            CHECK(smtp::value(*result) == v);
        }
    }
    CHECK(found == std::size(expected_codes));
}

TEST_CASE("from_name") {
    SUBCASE("rejects a change of any one byte of every name, and any prefix") {
        // Every byte of a name counts, wherever it is.
        for (const ExpectedCode& row : expected_codes) {
            const std::string name(row.name);
            CAPTURE(name);
            for (std::size_t at = 0; at < name.size(); ++at) {
                CAPTURE(at);
                for (const int flip : {0x01, 0x20, 0x80}) {
                    std::string changed = name;
                    changed[at] = static_cast<char>(changed[at] ^ flip);
                    CHECK_FALSE(smtp::from_name(changed));
                }
                CHECK_FALSE(smtp::from_name(std::string_view(name).substr(0, at)));
                CHECK_FALSE(smtp::from_name(std::string_view(name).substr(at + 1)));
            }
            // The name inside a longer buffer: only the view's bytes count.
            const std::string padded = "x" + name + "x";
            CHECK(smtp::from_name(std::string_view(padded).substr(1, name.size())) == row.code);
        }
    }
    SUBCASE("rejects near-misses of every name") {
        for (const ExpectedCode& row : expected_codes) {
            const std::string name(row.name);
            CAPTURE(name);
            std::string lower = name;
            std::transform(lower.begin(), lower.end(), lower.begin(),
                           [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
            std::string upper = name;
            std::transform(upper.begin(), upper.end(), upper.begin(),
                           [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
            CHECK_FALSE(smtp::from_name(lower));
            CHECK_FALSE(smtp::from_name(upper));
            CHECK_FALSE(smtp::from_name(" " + name));
            CHECK_FALSE(smtp::from_name(name + " "));
            CHECK_FALSE(smtp::from_name(name + "\n"));
            CHECK_FALSE(smtp::from_name(name.substr(0, name.size() - 1)));
            CHECK_FALSE(smtp::from_name(name.substr(1)));
            CHECK_FALSE(smtp::from_name(name + "s"));
            CHECK_FALSE(smtp::from_name(name + name));
            CHECK_FALSE(smtp::from_name(name + std::string(1, '\0')));
            std::string with_nul = name;
            with_nul[with_nul.size() / 2] = '\0';
            CHECK_FALSE(smtp::from_name(with_nul));
            std::string changed_last = name;
            changed_last.back() = static_cast<char>(changed_last.back() ^ 1);
            CHECK_FALSE(smtp::from_name(changed_last));
            std::string changed_inside = name;
            changed_inside[1] = static_cast<char>(changed_inside[1] ^ 1);
            CHECK_FALSE(smtp::from_name(changed_inside));
        }
    }
    SUBCASE("rejects numbers, other spellings and empty text") {
        for (std::string_view text :
             {"", " ", "250", "Ok ", "OK", "ok", "SmtpStatusCode::Ok", "Ok\r\n",
              "AuthenticationMechanismIsTooWeak", "BadCommandSequence",
              "ErrorInProcessing", "None", "PositiveCompletion"}) {
            CAPTURE(text);
            CHECK_FALSE(smtp::from_name(text));
        }
    }
    SUBCASE("rejects every string of one or two bytes") {
        for (int a = 0; a < 256; ++a) {
            const char one[] = {static_cast<char>(a)};
            CHECK_FALSE(smtp::from_name(std::string_view(one, 1)));
            for (int b = 0; b < 256; ++b) {
                const char two[] = {static_cast<char>(a), static_cast<char>(b)};
                // "Ok" is the only name of two characters.
                CHECK(smtp::from_name(std::string_view(two, 2)).has_value() ==
                      (a == 'O' && b == 'k'));
            }
        }
    }
    SUBCASE("answers for huge and binary input") {
        const std::string huge(1 << 20, 'A');
        CHECK_FALSE(smtp::from_name(huge));
        std::string binary;
        for (int i = 0; i < 512; ++i) {
            binary.push_back(static_cast<char>(i * 37 + 11));
        }
        for (std::size_t length = 0; length <= binary.size(); ++length) {
            CHECK_FALSE(smtp::from_name(std::string_view(binary).substr(0, length)));
        }
    }
}

TEST_CASE("reply_class and the classifiers") {
    SUBCASE("truth table over every int from -1000 to 1000 and the extremes") {
        for (int v : interesting_ints()) {
            CAPTURE(v);
            const ReplyClass expected = class_from_text(v);
            const auto code = static_cast<SmtpStatusCode>(v);
            CHECK(smtp::reply_class(v) == expected);
            CHECK(smtp::reply_class(code) == expected);
            CHECK(smtp::is_success(v) == (expected == ReplyClass::PositiveCompletion));
            CHECK(smtp::is_intermediate(v) == (expected == ReplyClass::PositiveIntermediate));
            CHECK(smtp::is_transient(v) == (expected == ReplyClass::TransientNegative));
            CHECK(smtp::is_permanent(v) == (expected == ReplyClass::PermanentNegative));
            CHECK(smtp::is_success(code) == smtp::is_success(v));
            CHECK(smtp::is_intermediate(code) == smtp::is_intermediate(v));
            CHECK(smtp::is_transient(code) == smtp::is_transient(v));
            CHECK(smtp::is_permanent(code) == smtp::is_permanent(v));
        }
    }
    SUBCASE("every enumerator has the class the contract gives it") {
        for (const ExpectedCode& row : expected_codes) {
            CAPTURE(row.name);
            CHECK(smtp::reply_class(row.code) == row.reply_class);
        }
    }
    SUBCASE("codes no table lists still classify") {
        CHECK(smtp::reply_class(571) == ReplyClass::PermanentNegative);
        CHECK(smtp::reply_class(299) == ReplyClass::PositiveCompletion);
        CHECK(smtp::is_transient(static_cast<SmtpStatusCode>(471)));
        CHECK(smtp::reply_class(199) == ReplyClass::None);
        CHECK(smtp::reply_class(600) == ReplyClass::None);
    }
}

TEST_CASE("name of ReplyClass") {
    CHECK(smtp::name(ReplyClass::None) == "None");
    CHECK(smtp::name(ReplyClass::PositiveCompletion) == "PositiveCompletion");
    CHECK(smtp::name(ReplyClass::PositiveIntermediate) == "PositiveIntermediate");
    CHECK(smtp::name(ReplyClass::TransientNegative) == "TransientNegative");
    CHECK(smtp::name(ReplyClass::PermanentNegative) == "PermanentNegative");
    for (int v : {-1, 1, 6, 7, 250, INT_MIN, INT_MAX}) {
        CAPTURE(v);
        CHECK(smtp::name(static_cast<ReplyClass>(v)).empty());
    }
}

TEST_CASE("description of ReplyClass") {
    CHECK(smtp::description(ReplyClass::None) == "not a reply code");
    CHECK(smtp::description(ReplyClass::PositiveCompletion) == "positive completion");
    CHECK(smtp::description(ReplyClass::PositiveIntermediate) == "positive intermediate");
    CHECK(smtp::description(ReplyClass::TransientNegative) == "transient negative");
    CHECK(smtp::description(ReplyClass::PermanentNegative) == "permanent negative");
    for (int v : {-1, 1, 6, 7, 250, INT_MIN, INT_MAX}) {
        CAPTURE(v);
        CHECK(smtp::description(static_cast<ReplyClass>(v)).empty());
    }
}

TEST_CASE("from_name with a character comparison") {
    SUBCASE("case_insensitive finds every name in any ASCII case") {
        for (const ExpectedCode& row : expected_codes) {
            CAPTURE(row.name);
            std::string lower(row.name);
            std::string upper(row.name);
            std::string alternating(row.name);
            for (std::size_t i = 0; i < lower.size(); ++i) {
                const char c = lower[i];
                const bool is_upper = c >= 'A' && c <= 'Z';
                const bool is_lower = c >= 'a' && c <= 'z';
                lower[i] = is_upper ? static_cast<char>(c + 32) : c;
                upper[i] = is_lower ? static_cast<char>(c - 32) : c;
                alternating[i] = i % 2 == 0 ? lower[i] : upper[i];
            }
            CHECK(smtp::from_name(row.name, smtp::case_insensitive) == row.code);
            CHECK(smtp::from_name(lower, smtp::case_insensitive) == row.code);
            CHECK(smtp::from_name(upper, smtp::case_insensitive) == row.code);
            CHECK(smtp::from_name(alternating, smtp::case_insensitive) == row.code);
            CHECK_FALSE(smtp::from_name(lower + "x", smtp::case_insensitive));
            CHECK_FALSE(smtp::from_name(lower.substr(1), smtp::case_insensitive));
        }
    }
    SUBCASE("case_insensitive folds only ASCII letters") {
        // '@' (0x40) and '`' (0x60), '[' (0x5B) and '{' (0x7B) differ by 0x20
        // as letters do; they are no letters, so they stay different.
        CHECK(smtp::case_insensitive('A', 'a'));
        CHECK(smtp::case_insensitive('z', 'Z'));
        CHECK(smtp::case_insensitive('5', '5'));
        CHECK_FALSE(smtp::case_insensitive('@', '`'));
        CHECK_FALSE(smtp::case_insensitive('[', '{'));
        CHECK_FALSE(smtp::case_insensitive('a', 'b'));
        CHECK_FALSE(smtp::case_insensitive('\xc1', '\xe1')); // Latin-1 A and a with acute
        CHECK_FALSE(smtp::from_name("Ok\xe2\x80\x8b", smtp::case_insensitive));
        CHECK_FALSE(smtp::from_name("", smtp::case_insensitive));
        CHECK_FALSE(smtp::from_name("None", smtp::case_insensitive));
    }
    SUBCASE("any comparison of two chars") {
        const auto same = [](char a, char b) noexcept { return a == b; };
        const auto any = [](char, char) noexcept { return true; };
        CHECK(smtp::from_name("MailboxBusy", same) == SmtpStatusCode::MailboxBusy);
        CHECK_FALSE(smtp::from_name("mailboxbusy", same));
        // The first name of the length in value order: "Ok" is the only one of 2.
        CHECK(smtp::from_name("xy", any) == SmtpStatusCode::Ok);
        CHECK(smtp::from_name("NotDefined", any) == SmtpStatusCode::NotDefined);
        static_assert(noexcept(smtp::from_name(std::string_view{}, same)));
        static_assert(smtp::from_name("sYnTaXeRrOr", smtp::case_insensitive) ==
                      SmtpStatusCode::SyntaxError);
    }
}
