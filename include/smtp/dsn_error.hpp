// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/dsn_error.hpp>`: DsnError, why parse_delivery_status
/// (`<smtp/delivery_status.hpp>`) found nothing to report on, and its
/// enumerators' names. A header of its own, so that `<smtp/error_code.hpp>`
/// gets the enum without the delivery status reader.
#ifndef SMTP_DSN_ERROR_HPP
#define SMTP_DSN_ERROR_HPP

#include <string_view>

namespace smtp {

/// Why parse_delivery_status found nothing to report on. With any value but
/// None the DSN has no recipients.
enum class DsnError : int {
    /// The content has at least one group of per-recipient fields.
    None = 0,
    /// The input is empty or holds only blank lines; problems() is empty.
    Empty,
    /// Not one line is a header field ("Name: value"): not DSN content.
    NoFields,
    /// Header fields, but no group of per-recipient fields after the
    /// per-message ones (RFC 3464 section 2.1 requires one at least).
    NoRecipients,
};

/// The enumerator's spelling ("NoFields"); empty for a value that is no
/// enumerator.
[[nodiscard]] constexpr std::string_view name(DsnError error) noexcept {
    switch (error) {
    case DsnError::None: return "None";
    case DsnError::Empty: return "Empty";
    case DsnError::NoFields: return "NoFields";
    case DsnError::NoRecipients: return "NoRecipients";
    }
    return {};
}

} // namespace smtp

#endif // SMTP_DSN_ERROR_HPP
