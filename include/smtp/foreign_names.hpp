// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
// <smtp/foreign_names.hpp>: the names other libraries give the reply codes
// (.NET's, MailKit's and Aspose.Email's SmtpStatusCode), for code ported
// from them and for people who know those names.
//
// Everything here is constexpr, noexcept and allocation free, and gives a
// defined answer for any input.
#ifndef SMTP_FOREIGN_NAMES_HPP
#define SMTP_FOREIGN_NAMES_HPP

#include <smtp/case_insensitive.hpp>
#include <smtp/status_code.hpp>

#include <cstddef>
#include <optional>
#include <string_view>

namespace smtp {

/// A library whose SMTP status enumeration code may be ported from.
enum class ForeignApi : int {
    /// .NET's System.Net.Mail.SmtpStatusCode.
    DotNet,
    /// MailKit's MailKit.Net.Smtp.SmtpStatusCode.
    MailKit,
    /// Aspose.Email's SmtpStatusCode, whose names SmtpStatusCode keeps.
    Aspose,
};

/// The enumerator's spelling ("MailKit"); empty for a value that is no
/// enumerator.
constexpr std::string_view name(ForeignApi api) noexcept {
    switch (api) {
    case ForeignApi::DotNet: return "DotNet";
    case ForeignApi::MailKit: return "MailKit";
    case ForeignApi::Aspose: return "Aspose";
    }
    return {};
}

/// One enumerator name of another library, with its value and the libraries
/// that spell it so (one bit per ForeignApi, 1 << value).
struct ForeignName {
    std::string_view name;
    int value;
    unsigned apis;

    /// Whether `api` spells a code this way.
    constexpr bool used_by(ForeignApi api) const noexcept {
        const auto index = static_cast<unsigned>(api);
        return index < 3 && ((apis >> index) & 1u) != 0;
    }
};

namespace detail {
inline constexpr unsigned dotnet = 1u << static_cast<unsigned>(ForeignApi::DotNet);
inline constexpr unsigned mailkit = 1u << static_cast<unsigned>(ForeignApi::MailKit);
inline constexpr unsigned aspose = 1u << static_cast<unsigned>(ForeignApi::Aspose);
} // namespace detail

/// Every name of the three libraries, each once, with the value the library
/// gives it (checked against the libraries' documentation and source): the
/// one table behind from_foreign_name and foreign_name. Where two libraries
/// share a name they also share its value.
inline constexpr ForeignName foreign_names[] = {
    {"GeneralFailure", -1, detail::dotnet | detail::aspose},
    {"NotDefined", 0, detail::aspose},
    {"SystemStatus", 211, detail::dotnet | detail::mailkit | detail::aspose},
    {"HelpMessage", 214, detail::dotnet | detail::mailkit | detail::aspose},
    {"ServiceReady", 220, detail::dotnet | detail::mailkit | detail::aspose},
    {"ServiceClosingTransmissionChannel", 221, detail::dotnet | detail::mailkit | detail::aspose},
    {"AuthenticationSuccessful", 235, detail::mailkit},
    {"AuthenticationSucceeded", 235, detail::aspose},
    {"Ok", 250, detail::dotnet | detail::mailkit | detail::aspose},
    {"UserNotLocalWillForward", 251, detail::dotnet | detail::mailkit | detail::aspose},
    {"CannotVerifyUserWillAttemptDelivery", 252, detail::dotnet | detail::mailkit | detail::aspose},
    {"AuthenticationChallenge", 334, detail::mailkit},
    {"Base64Response", 334, detail::aspose},
    {"StartMailInput", 354, detail::dotnet | detail::mailkit | detail::aspose},
    {"ServiceNotAvailable", 421, detail::dotnet | detail::mailkit | detail::aspose},
    {"PasswordTransitionNeeded", 432, detail::mailkit | detail::aspose},
    {"MailboxBusy", 450, detail::dotnet | detail::mailkit | detail::aspose},
    {"ErrorInProcessing", 451, detail::mailkit},
    {"LocalErrorInProcessing", 451, detail::dotnet | detail::aspose},
    {"InsufficientStorage", 452, detail::dotnet | detail::mailkit | detail::aspose},
    {"TemporaryAuthenticationFailure", 454, detail::mailkit},
    {"ClientNotPermitted", 454, detail::dotnet | detail::aspose},
    {"CommandUnrecognized", 500, detail::dotnet | detail::mailkit | detail::aspose},
    {"SyntaxError", 501, detail::dotnet | detail::mailkit | detail::aspose},
    {"CommandNotImplemented", 502, detail::dotnet | detail::mailkit | detail::aspose},
    {"BadCommandSequence", 503, detail::dotnet | detail::mailkit},
    {"CommandNotPermitted", 503, detail::aspose},
    {"CommandParameterNotImplemented", 504, detail::dotnet | detail::mailkit},
    {"UnrecognizedAuthenticationType", 504, detail::aspose},
    {"MustIssueStartTlsFirst", 530, detail::dotnet},
    {"AuthenticationRequired", 530, detail::mailkit | detail::aspose},
    {"AuthenticationMechanismTooWeak", 534, detail::mailkit},
    {"AuthenticationMechanismIsToWeak", 534, detail::aspose},
    {"AuthenticationInvalidCredentials", 535, detail::mailkit},
    {"CredentialsInvalid", 535, detail::aspose},
    {"EncryptionRequiredForAuthenticationMechanism", 538, detail::mailkit},
    {"EncryptionRequiredRequestedMechanism", 538, detail::aspose},
    {"MailboxUnavailable", 550, detail::dotnet | detail::mailkit | detail::aspose},
    {"UserNotLocalTryAlternatePath", 551, detail::dotnet | detail::mailkit | detail::aspose},
    {"ExceededStorageAllocation", 552, detail::dotnet | detail::mailkit | detail::aspose},
    {"MailboxNameNotAllowed", 553, detail::dotnet | detail::mailkit | detail::aspose},
    {"TransactionFailed", 554, detail::dotnet | detail::mailkit | detail::aspose},
    {"MailFromOrRcptToParametersNotRecognizedOrNotImplemented", 555, detail::mailkit},
};

namespace detail {

// Compile-time checks on foreign_names: names are unique, each row belongs to
// some library, each library gives each value one name, and the Aspose rows
// are exactly the spellings SmtpStatusCode keeps.
constexpr bool foreign_names_are_consistent() noexcept {
    constexpr std::size_t rows = sizeof(foreign_names) / sizeof(foreign_names[0]);
    std::size_t aspose_rows = 0;
    for (std::size_t i = 0; i < rows; ++i) {
        const ForeignName& row = foreign_names[i];
        if (row.name.empty() || row.apis == 0 || (row.apis & ~(dotnet | mailkit | aspose)) != 0) {
            return false;
        }
        if ((row.apis & aspose) != 0) {
            ++aspose_rows;
            if (smtp::name(static_cast<SmtpStatusCode>(row.value)) != row.name) {
                return false;
            }
        }
        for (std::size_t j = i + 1; j < rows; ++j) {
            const ForeignName& other = foreign_names[j];
            if (other.name == row.name ||
                (other.value == row.value && (other.apis & row.apis) != 0)) {
                return false;
            }
        }
    }
    // The 32 enumerators SmtpStatusCode takes from Aspose.Email.
    return aspose_rows == 32;
}

// Asserted in tests/compile/table_consistency.cpp, once per test build
// rather than in every translation unit that includes this header.

} // namespace detail

/// The SmtpStatusCode for a name of .NET's, MailKit's or Aspose.Email's
/// SmtpStatusCode (exact, case-sensitive): "ErrorInProcessing" (MailKit) and
/// "LocalErrorInProcessing" (.NET, Aspose) both give LocalErrorInProcessing,
/// "BadCommandSequence" gives CommandNotPermitted. std::nullopt for any other
/// text, and for a name whose value has no enumerator here.
constexpr std::optional<SmtpStatusCode> from_foreign_name(std::string_view text) noexcept {
    for (const ForeignName& row : foreign_names) {
        if (row.name == text) {
            return from_value(row.value);
        }
    }
    return std::nullopt;
}

/// As from_foreign_name(text), but only names that `api` uses: "Ok" is
/// accepted for every library, "ErrorInProcessing" only for MailKit.
constexpr std::optional<SmtpStatusCode> from_foreign_name(std::string_view text,
                                                          ForeignApi api) noexcept {
    for (const ForeignName& row : foreign_names) {
        if (row.name == text) {
            return row.used_by(api) ? from_value(row.value) : std::nullopt;
        }
    }
    return std::nullopt;
}

/// The row of foreign_names spelled as `text` by `equal`, a comparison of
/// two chars: `foreign_name_entry("errorinprocessing", case_insensitive)` is
/// MailKit's {"ErrorInProcessing", 451}, which says whose name it is (for a
/// message such as "the name ErrorInProcessing of MailKit"). std::nullopt
/// for any other text. (A copy, not a pointer, as for vendor_note.)
template <class BinaryPredicate>
[[nodiscard]] constexpr std::optional<ForeignName>
foreign_name_entry(std::string_view text,
                   const BinaryPredicate& equal) noexcept(noexcept(equal('a', 'a'))) {
    for (const ForeignName& row : foreign_names) {
        if (detail::same_text(row.name, text, equal)) {
            return row;
        }
    }
    return std::nullopt;
}

/// The name `api` gives `code` ("ErrorInProcessing" for 451 in MailKit);
/// empty when that library has no name for it.
constexpr std::string_view foreign_name(SmtpStatusCode code, ForeignApi api) noexcept {
    for (const ForeignName& row : foreign_names) {
        if (row.value == value(code) && row.used_by(api)) {
            return row.name;
        }
    }
    return {};
}

} // namespace smtp

#endif // SMTP_FOREIGN_NAMES_HPP
