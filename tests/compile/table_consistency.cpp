// The data tables' own consistency checks. They live here, not in the
// headers, because constant evaluation is paid by every translation unit
// that includes a header and these checks were most of the umbrella header's
// compile cost (BENCHMARKS.md, "Compile cost"). This file is part of every
// test build, in every language mode of the CI matrix, so a table that falls
// out of step still fails the build.

#include <smtp/enhanced_status_code.hpp>
#include <smtp/semantics.hpp>

#include <cstddef>

namespace smtp::detail {

// Every enumerator of SmtpStatusCode, by a switch without a default: with
// -Wswitch and warnings as errors, an enumerator added to the enum but not
// here fails this build, and the check below then wants a row for it.
constexpr bool is_enumerator(SmtpStatusCode code) noexcept {
    switch (code) {
    case SmtpStatusCode::NotDefined:
    case SmtpStatusCode::GeneralFailure:
    case SmtpStatusCode::SystemStatus:
    case SmtpStatusCode::HelpMessage:
    case SmtpStatusCode::ServiceReady:
    case SmtpStatusCode::ServiceClosingTransmissionChannel:
    case SmtpStatusCode::AuthenticationSucceeded:
    case SmtpStatusCode::Ok:
    case SmtpStatusCode::UserNotLocalWillForward:
    case SmtpStatusCode::CannotVerifyUserWillAttemptDelivery:
    case SmtpStatusCode::Base64Response:
    case SmtpStatusCode::StartMailInput:
    case SmtpStatusCode::ServiceNotAvailable:
    case SmtpStatusCode::PasswordTransitionNeeded:
    case SmtpStatusCode::MailboxBusy:
    case SmtpStatusCode::LocalErrorInProcessing:
    case SmtpStatusCode::InsufficientStorage:
    case SmtpStatusCode::ClientNotPermitted:
    case SmtpStatusCode::ServerUnableToAccommodateParameters:
    case SmtpStatusCode::CommandUnrecognized:
    case SmtpStatusCode::SyntaxError:
    case SmtpStatusCode::CommandNotImplemented:
    case SmtpStatusCode::CommandNotPermitted:
    case SmtpStatusCode::UnrecognizedAuthenticationType:
    case SmtpStatusCode::HostDoesNotAcceptMail:
    case SmtpStatusCode::AuthenticationRequired:
    case SmtpStatusCode::AuthenticationMechanismIsToWeak:
    case SmtpStatusCode::CredentialsInvalid:
    case SmtpStatusCode::EncryptionRequiredRequestedMechanism:
    case SmtpStatusCode::MailboxUnavailable:
    case SmtpStatusCode::UserNotLocalTryAlternatePath:
    case SmtpStatusCode::ExceededStorageAllocation:
    case SmtpStatusCode::MailboxNameNotAllowed:
    case SmtpStatusCode::TransactionFailed:
    case SmtpStatusCode::ParametersNotRecognizedOrNotImplemented:
    case SmtpStatusCode::DomainDoesNotAcceptMail: return true;
    }
    return false;
}

// The rows after the empty row 0: one per enumerator (the switch above has
// 36 cases), strictly ascending by value (so none twice), each with a name
// and a description; and the two indexes find every row.
constexpr bool code_rows_are_consistent() noexcept {
    if (code_rows[0].code != SmtpStatusCode{} || !code_rows[0].name.empty() ||
        !code_rows[0].description.empty() || code_count != 36) {
        return false;
    }
    for (std::size_t row = 1; row <= code_count; ++row) {
        const CodeRow& r = code_rows[row];
        if (!is_enumerator(r.code) || r.name.empty() || r.description.empty() ||
            (row > 1 && static_cast<int>(code_rows[row - 1].code) >= static_cast<int>(r.code)) ||
            row_of_value(static_cast<int>(r.code)) != row || from_name(r.name) != r.code) {
            return false;
        }
    }
    return true;
}

static_assert(code_rows_are_consistent(),
              "code_rows: a missing, repeated or unordered enumerator, an empty text, or an "
              "index that does not find a row");

static_assert(registry_is_strictly_ascending(),
              "registry entries must be sorted by subject then detail, without duplicates");
static_assert(registry_entries_are_well_formed(),
              "a registry entry is malformed (see registry_entries_are_well_formed)");
static_assert(!subject_title(registry_subjects - 1).empty() &&
                  subject_title(static_cast<int>(registry_subjects)).empty(),
              "every subject the registry's lookups cover has a title, and no other");
static_assert(registry_is_contiguous(),
              "the registry: 81 entries, details contiguous from 0 in each of the subjects 0 to 7");
static_assert(vendor_notes_are_well_formed(), "vendor_notes: overlapping or malformed rows");

static_assert(expected_reply_rules_are_well_formed(),
              "expected_reply_rules: a row has no source or command, a code outside "
              "200..599 or a gap, or a command has no positive reply");
static_assert(foreign_names_are_consistent(),
              "foreign_names: a duplicate name, two names for one value in one library, "
              "or an Aspose row that is not SmtpStatusCode's spelling");

} // namespace smtp::detail
