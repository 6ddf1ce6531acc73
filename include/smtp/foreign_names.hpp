// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/foreign_names.hpp>`: the names other libraries give the reply codes
/// (.NET's, MailKit's and Aspose.Email's SmtpStatusCode), for code ported
/// from them and for people who know those names.
///
/// Everything here is constexpr, noexcept and allocation free, and gives a
/// defined answer for any input.
#ifndef SMTP_FOREIGN_NAMES_HPP
#define SMTP_FOREIGN_NAMES_HPP

#include <smtp/case_insensitive.hpp>
#include <smtp/detail/deferred.hpp>
#include <smtp/detail/sv_literals.hpp>
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
[[nodiscard]] constexpr std::string_view name(ForeignApi api) noexcept {
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
    /// The enumerator's name in those libraries ("MailboxBusy").
    std::string_view name;
    /// The reply code it stands for.
    int value;
    /// The libraries that spell it so: bit `1 << static_cast<int>(api)` each.
    unsigned apis;

    /// Whether `api` spells a code this way.
    [[nodiscard]] constexpr bool used_by(ForeignApi api) const noexcept {
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
    {"GeneralFailure"sv, -1, detail::dotnet | detail::aspose},
    {"NotDefined"sv, 0, detail::aspose},
    {"SystemStatus"sv, 211, detail::dotnet | detail::mailkit | detail::aspose},
    {"HelpMessage"sv, 214, detail::dotnet | detail::mailkit | detail::aspose},
    {"ServiceReady"sv, 220, detail::dotnet | detail::mailkit | detail::aspose},
    {"ServiceClosingTransmissionChannel"sv, 221, detail::dotnet | detail::mailkit | detail::aspose},
    {"AuthenticationSuccessful"sv, 235, detail::mailkit},
    {"AuthenticationSucceeded"sv, 235, detail::aspose},
    {"Ok"sv, 250, detail::dotnet | detail::mailkit | detail::aspose},
    {"UserNotLocalWillForward"sv, 251, detail::dotnet | detail::mailkit | detail::aspose},
    {"CannotVerifyUserWillAttemptDelivery"sv, 252, detail::dotnet | detail::mailkit | detail::aspose},
    {"AuthenticationChallenge"sv, 334, detail::mailkit},
    {"Base64Response"sv, 334, detail::aspose},
    {"StartMailInput"sv, 354, detail::dotnet | detail::mailkit | detail::aspose},
    {"ServiceNotAvailable"sv, 421, detail::dotnet | detail::mailkit | detail::aspose},
    {"PasswordTransitionNeeded"sv, 432, detail::mailkit | detail::aspose},
    {"MailboxBusy"sv, 450, detail::dotnet | detail::mailkit | detail::aspose},
    {"ErrorInProcessing"sv, 451, detail::mailkit},
    {"LocalErrorInProcessing"sv, 451, detail::dotnet | detail::aspose},
    {"InsufficientStorage"sv, 452, detail::dotnet | detail::mailkit | detail::aspose},
    {"TemporaryAuthenticationFailure"sv, 454, detail::mailkit},
    {"ClientNotPermitted"sv, 454, detail::dotnet | detail::aspose},
    {"CommandUnrecognized"sv, 500, detail::dotnet | detail::mailkit | detail::aspose},
    {"SyntaxError"sv, 501, detail::dotnet | detail::mailkit | detail::aspose},
    {"CommandNotImplemented"sv, 502, detail::dotnet | detail::mailkit | detail::aspose},
    {"BadCommandSequence"sv, 503, detail::dotnet | detail::mailkit},
    {"CommandNotPermitted"sv, 503, detail::aspose},
    {"CommandParameterNotImplemented"sv, 504, detail::dotnet | detail::mailkit},
    {"UnrecognizedAuthenticationType"sv, 504, detail::aspose},
    {"MustIssueStartTlsFirst"sv, 530, detail::dotnet},
    {"AuthenticationRequired"sv, 530, detail::mailkit | detail::aspose},
    {"AuthenticationMechanismTooWeak"sv, 534, detail::mailkit},
    {"AuthenticationMechanismIsToWeak"sv, 534, detail::aspose},
    {"AuthenticationInvalidCredentials"sv, 535, detail::mailkit},
    {"CredentialsInvalid"sv, 535, detail::aspose},
    {"EncryptionRequiredForAuthenticationMechanism"sv, 538, detail::mailkit},
    {"EncryptionRequiredRequestedMechanism"sv, 538, detail::aspose},
    {"MailboxUnavailable"sv, 550, detail::dotnet | detail::mailkit | detail::aspose},
    {"UserNotLocalTryAlternatePath"sv, 551, detail::dotnet | detail::mailkit | detail::aspose},
    {"ExceededStorageAllocation"sv, 552, detail::dotnet | detail::mailkit | detail::aspose},
    {"MailboxNameNotAllowed"sv, 553, detail::dotnet | detail::mailkit | detail::aspose},
    {"TransactionFailed"sv, 554, detail::dotnet | detail::mailkit | detail::aspose},
    {"MailFromOrRcptToParametersNotRecognizedOrNotImplemented"sv, 555, detail::mailkit},
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
[[nodiscard]] constexpr std::optional<SmtpStatusCode> from_foreign_name(std::string_view text) noexcept {
    for (const ForeignName& row : foreign_names) {
        if (row.name == text) {
            return from_value(row.value);
        }
    }
    return std::nullopt;
}

/// As from_foreign_name(text), but only names that `api` uses: "Ok" is
/// accepted for every library, "ErrorInProcessing" only for MailKit.
[[nodiscard]] constexpr std::optional<SmtpStatusCode> from_foreign_name(std::string_view text,
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
[[nodiscard]] constexpr typename detail::Deferred<std::optional<ForeignName>, BinaryPredicate>::type
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
[[nodiscard]] constexpr std::string_view foreign_name(SmtpStatusCode code, ForeignApi api) noexcept {
    for (const ForeignName& row : foreign_names) {
        if (row.value == value(code) && row.used_by(api)) {
            return row.name;
        }
    }
    return {};
}

} // namespace smtp

#endif // SMTP_FOREIGN_NAMES_HPP
