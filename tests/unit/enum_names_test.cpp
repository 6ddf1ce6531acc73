// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
// name() of every enumerator of every enum that the other suites do not
// spell out in a table of their own (SmtpStatusCode: status_code_test.cpp;
// Command: command_test.cpp; ReplyError: reply_test.cpp; ReplyWriteError:
// semantics_test.cpp; BounceReason: bounce_reason_test.cpp), each against
// its literal spelling. Each table lists the enumerators in value order, and
// the value after the last one must have no name, so an enumerator added
// without a row here fails.
#include <smtp/smtp.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <string_view>
#include <utility>

namespace {

template <class Enum, std::size_t N>
void check_spellings(const std::pair<Enum, std::string_view> (&rows)[N], int first_value = 0) {
    int expected = first_value;
    for (const auto& row : rows) {
        CAPTURE(row.second);
        CHECK(static_cast<int>(row.first) == expected);
        CHECK(smtp::name(row.first) == row.second);
        ++expected;
    }
    CHECK(smtp::name(static_cast<Enum>(expected)).empty());
    CHECK(smtp::name(static_cast<Enum>(first_value - 1)).empty());
}

} // namespace

TEST_CASE("name(Action): every enumerator, spelled out") {
    const std::pair<smtp::Action, std::string_view> rows[] = {
        {smtp::Action::Proceed, "Proceed"},
        {smtp::Action::Continue, "Continue"},
        {smtp::Action::Retry, "Retry"},
        {smtp::Action::Fail, "Fail"},
    };
    check_spellings(rows);
}

TEST_CASE("name(ReplyClass): every enumerator, spelled out") {
    // None is 0; the classes are their first digits, 2 to 5.
    CHECK(smtp::name(smtp::ReplyClass::None) == "None");
    CHECK(smtp::name(static_cast<smtp::ReplyClass>(1)).empty());
    const std::pair<smtp::ReplyClass, std::string_view> rows[] = {
        {smtp::ReplyClass::PositiveCompletion, "PositiveCompletion"},
        {smtp::ReplyClass::PositiveIntermediate, "PositiveIntermediate"},
        {smtp::ReplyClass::TransientNegative, "TransientNegative"},
        {smtp::ReplyClass::PermanentNegative, "PermanentNegative"},
    };
    check_spellings(rows, 2);
}

TEST_CASE("name(BasicCodeScope): every enumerator, spelled out") {
    const std::pair<smtp::BasicCodeScope, std::string_view> rows[] = {
        {smtp::BasicCodeScope::Listed, "Listed"},
        {smtp::BasicCodeScope::ListedOrAny4yz5yz, "ListedOrAny4yz5yz"},
        {smtp::BasicCodeScope::Any5yz, "Any5yz"},
        {smtp::BasicCodeScope::Any, "Any"},
    };
    check_spellings(rows);
}

TEST_CASE("name(Pairing): every enumerator, spelled out") {
    const std::pair<smtp::Pairing, std::string_view> rows[] = {
        {smtp::Pairing::Usual, "Usual"},
        {smtp::Pairing::Unusual, "Unusual"},
        {smtp::Pairing::NotGiven, "NotGiven"},
        {smtp::Pairing::Unregistered, "Unregistered"},
        {smtp::Pairing::ClassMismatch, "ClassMismatch"},
        {smtp::Pairing::Invalid, "Invalid"},
    };
    check_spellings(rows);
}

TEST_CASE("name(ForeignApi): every enumerator, spelled out") {
    const std::pair<smtp::ForeignApi, std::string_view> rows[] = {
        {smtp::ForeignApi::DotNet, "DotNet"},
        {smtp::ForeignApi::MailKit, "MailKit"},
        {smtp::ForeignApi::Aspose, "Aspose"},
    };
    check_spellings(rows);
}

TEST_CASE("name(CodeWeight): every enumerator, spelled out") {
    const std::pair<smtp::CodeWeight, std::string_view> rows[] = {
        {smtp::CodeWeight::Decisive, "Decisive"},
        {smtp::CodeWeight::Hint, "Hint"},
        {smtp::CodeWeight::Vague, "Vague"},
    };
    check_spellings(rows);
}

TEST_CASE("name(PhraseSource): every enumerator, spelled out") {
    const std::pair<smtp::PhraseSource, std::string_view> rows[] = {
        {smtp::PhraseSource::Rfc3463, "RFC 3463"},
        {smtp::PhraseSource::Rfc5321, "RFC 5321"},
        {smtp::PhraseSource::Rfc7504, "RFC 7504"},
        {smtp::PhraseSource::Gmail, "Gmail"},
        {smtp::PhraseSource::Microsoft, "Microsoft Exchange Online"},
        {smtp::PhraseSource::OutlookCom, "Outlook.com"},
        {smtp::PhraseSource::Yahoo, "Yahoo"},
        {smtp::PhraseSource::AmazonSes, "Amazon SES"},
        {smtp::PhraseSource::Mimecast, "Mimecast"},
        {smtp::PhraseSource::Postfix, "Postfix"},
        {smtp::PhraseSource::Exim, "Exim"},
        {smtp::PhraseSource::Sendmail, "Sendmail"},
        {smtp::PhraseSource::Qmail, "qmail"},
        {smtp::PhraseSource::OpenSmtpd, "OpenSMTPD"},
        {smtp::PhraseSource::Dovecot, "Dovecot"},
        {smtp::PhraseSource::Amavis, "amavisd-new"},
        {smtp::PhraseSource::Cox, "Cox"},
        {smtp::PhraseSource::Facebook, "Facebook"},
        {smtp::PhraseSource::ObservedInBounces, "observed in real bounces"},
    };
    check_spellings(rows);
}

TEST_CASE("name(DeliveryOutcome): every enumerator, spelled out") {
    const std::pair<smtp::DeliveryOutcome, std::string_view> rows[] = {
        {smtp::DeliveryOutcome::Unknown, "Unknown"},
        {smtp::DeliveryOutcome::Delayed, "Delayed"},
        {smtp::DeliveryOutcome::Failed, "Failed"},
    };
    check_spellings(rows);
}

TEST_CASE("name(BounceBasis): every enumerator, spelled out") {
    const std::pair<smtp::BounceBasis, std::string_view> rows[] = {
        {smtp::BounceBasis::None, "None"},
        {smtp::BounceBasis::EnhancedCode, "EnhancedCode"},
        {smtp::BounceBasis::Text, "Text"},
        {smtp::BounceBasis::Command, "Command"},
        {smtp::BounceBasis::ReplyCode, "ReplyCode"},
    };
    check_spellings(rows);
}

TEST_CASE("name(DsnFieldKind): every enumerator, spelled out") {
    const std::pair<smtp::DsnFieldKind, std::string_view> rows[] = {
        {smtp::DsnFieldKind::OriginalEnvelopeId, "OriginalEnvelopeId"},
        {smtp::DsnFieldKind::ReportingMta, "ReportingMta"},
        {smtp::DsnFieldKind::DsnGateway, "DsnGateway"},
        {smtp::DsnFieldKind::ReceivedFromMta, "ReceivedFromMta"},
        {smtp::DsnFieldKind::ArrivalDate, "ArrivalDate"},
        {smtp::DsnFieldKind::OriginalRecipient, "OriginalRecipient"},
        {smtp::DsnFieldKind::FinalRecipient, "FinalRecipient"},
        {smtp::DsnFieldKind::Action, "Action"},
        {smtp::DsnFieldKind::Status, "Status"},
        {smtp::DsnFieldKind::RemoteMta, "RemoteMta"},
        {smtp::DsnFieldKind::DiagnosticCode, "DiagnosticCode"},
        {smtp::DsnFieldKind::LastAttemptDate, "LastAttemptDate"},
        {smtp::DsnFieldKind::FinalLogId, "FinalLogId"},
        {smtp::DsnFieldKind::WillRetryUntil, "WillRetryUntil"},
        {smtp::DsnFieldKind::Extension, "Extension"},
        {smtp::DsnFieldKind::Unknown, "Unknown"},
    };
    check_spellings(rows);
}

TEST_CASE("name(DsnAction): every enumerator, spelled out") {
    const std::pair<smtp::DsnAction, std::string_view> rows[] = {
        {smtp::DsnAction::Failed, "Failed"},       {smtp::DsnAction::Delayed, "Delayed"},
        {smtp::DsnAction::Delivered, "Delivered"}, {smtp::DsnAction::Relayed, "Relayed"},
        {smtp::DsnAction::Expanded, "Expanded"},   {smtp::DsnAction::Unknown, "Unknown"},
    };
    check_spellings(rows);
}

TEST_CASE("name(DsnError): every enumerator, spelled out") {
    const std::pair<smtp::DsnError, std::string_view> rows[] = {
        {smtp::DsnError::None, "None"},
        {smtp::DsnError::Empty, "Empty"},
        {smtp::DsnError::NoFields, "NoFields"},
        {smtp::DsnError::NoRecipients, "NoRecipients"},
    };
    check_spellings(rows);
}

TEST_CASE("name(DsnProblem): every enumerator, spelled out") {
    const std::pair<smtp::DsnProblem, std::string_view> rows[] = {
        {smtp::DsnProblem::MalformedLine, "MalformedLine"},
        {smtp::DsnProblem::SpaceBeforeColon, "SpaceBeforeColon"},
        {smtp::DsnProblem::MissingSeparator, "MissingSeparator"},
        {smtp::DsnProblem::DuplicateField, "DuplicateField"},
        {smtp::DsnProblem::MisplacedField, "MisplacedField"},
        {smtp::DsnProblem::UnknownField, "UnknownField"},
        {smtp::DsnProblem::MissingType, "MissingType"},
        {smtp::DsnProblem::EmptyValue, "EmptyValue"},
        {smtp::DsnProblem::UnclosedComment, "UnclosedComment"},
        {smtp::DsnProblem::AddressInBrackets, "AddressInBrackets"},
        {smtp::DsnProblem::MissingReportingMta, "MissingReportingMta"},
        {smtp::DsnProblem::MissingFinalRecipient, "MissingFinalRecipient"},
        {smtp::DsnProblem::MissingAction, "MissingAction"},
        {smtp::DsnProblem::UnknownAction, "UnknownAction"},
        {smtp::DsnProblem::MissingStatus, "MissingStatus"},
        {smtp::DsnProblem::StatusNotEnhanced, "StatusNotEnhanced"},
        {smtp::DsnProblem::StatusHasText, "StatusHasText"},
    };
    check_spellings(rows);
}

TEST_CASE("name(DiagnosticFlag): every enumerator, spelled out") {
    const std::pair<smtp::DiagnosticFlag, std::string_view> rows[] = {
        {smtp::DiagnosticFlag::JoinedLines, "JoinedLines"},
        {smtp::DiagnosticFlag::MissingLastLine, "MissingLastLine"},
        {smtp::DiagnosticFlag::EnhancedClassMismatch, "EnhancedClassMismatch"},
        {smtp::DiagnosticFlag::EnhancedWithHash, "EnhancedWithHash"},
    };
    check_spellings(rows);
}
