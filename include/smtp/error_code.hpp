// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/error_code.hpp>`: the library's values as std::error_code: SMTP reply
/// codes, with their classes (RFC 5321 section 4.2.1) as std::error_condition,
/// and the errors of the reply parser and writer and of the delivery status
/// reader, for code that reports
/// errors the way Asio and the standard library do:
///
///     std::error_code ec = smtp::parse_reply(buffer).error;         // if (ec) ...
///
///     std::error_code ec = smtp::SmtpStatusCode::MailboxBusy;      // 450
///     ec == smtp::ReplyClass::TransientNegative;                   // true
///     std::error_code{571, smtp::smtp_category()}
///         == smtp::ReplyClass::PermanentNegative;                  // true
///     ec.message();                                                // description(450)
///
/// The trap: `if (ec)` asks only "is the value non-zero?". Every reply code,
/// 250 included, is non-zero, so an error_code holding a positive reply tests
/// true. This header keeps the reply exactly as the server sent it and does
/// not hide that: test the class instead (`ec == ReplyClass::PositiveCompletion`),
/// or convert only the replies you treat as failures. Only NotDefined (0)
/// tests false.
///
/// ReplyError, ReplyWriteError and DsnError are plain error enums: their None is 0, so
/// `if (ec)` means "failed", as usual.
///
/// Nothing here is constexpr: std::error_category is a class with virtual
/// functions. Everything else in the library stays free of `<system_error>`,
/// and this header needs only the error enums (`<smtp/reply_error.hpp>`,
/// `<smtp/reply_write_error.hpp>`, `<smtp/dsn_error.hpp>`), not the parsers
/// and the writer that return them.
#ifndef SMTP_ERROR_CODE_HPP
#define SMTP_ERROR_CODE_HPP

#include <smtp/dsn_error.hpp>
#include <smtp/reply_error.hpp>
#include <smtp/reply_write_error.hpp>
#include <smtp/status_code.hpp>

#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

// Exports the category functions, and with them their static objects,
// even from a shared library built with -fvisibility=hidden: otherwise such a
// library would get a category object of its own, and its error_codes would
// compare unequal to everyone else's. (On Windows every DLL has its own copy
// regardless; a header-only library cannot change that.)
#ifndef SMTP_STATUS_SYMBOL_VISIBLE
#if defined(__GNUC__)
#define SMTP_STATUS_SYMBOL_VISIBLE __attribute__((visibility("default")))
#else
#define SMTP_STATUS_SYMBOL_VISIBLE
#endif
#endif

namespace smtp {

namespace detail {

/// The category of SmtpStatusCode values: name "smtp".
class SmtpCategory final : public std::error_category {
public:
    const char* name() const noexcept override { return "smtp"; }

    /// The code's description, or for a value that is no enumerator a text
    /// that names it: "unknown SMTP reply code 571 (permanent negative)".
    std::string message(int value) const override {
        const std::string_view text = description(static_cast<SmtpStatusCode>(value));
        if (!text.empty()) {
            return std::string(text);
        }
        const ReplyClass reply = reply_class(value);
        if (reply == ReplyClass::None) {
            return std::to_string(value) + " is not an SMTP reply code";
        }
        return "unknown SMTP reply code " + std::to_string(value) + " (" +
               std::string(description(reply)) + ")";
    }

    /// Every value, listed or not, maps to its class (RFC 5321 section
    /// 4.2.1), so `ec == ReplyClass::TransientNegative` holds for any 4yz.
    std::error_condition default_error_condition(int value) const noexcept override;
};

/// The category of ReplyClass conditions: name "smtp.reply_class".
class ReplyClassCategory final : public std::error_category {
public:
    const char* name() const noexcept override { return "smtp.reply_class"; }

    std::string message(int value) const override {
        switch (static_cast<ReplyClass>(value)) {
        case ReplyClass::None:
            return "not an SMTP reply code";
        case ReplyClass::PositiveCompletion:
            return "positive completion reply (2yz): the action was completed";
        case ReplyClass::PositiveIntermediate:
            return "positive intermediate reply (3yz): the server waits for more";
        case ReplyClass::TransientNegative:
            return "transient negative reply (4yz): the command may succeed later";
        case ReplyClass::PermanentNegative:
            return "permanent negative reply (5yz): do not repeat the command unchanged";
        }
        return "unknown SMTP reply class " + std::to_string(value);
    }
};

/// The category of ReplyError codes: name "smtp.reply".
class ReplyErrorCategory final : public std::error_category {
public:
    const char* name() const noexcept override { return "smtp.reply"; }

    /// What went wrong, and what to do, in a sentence.
    std::string message(int value) const override {
        switch (static_cast<ReplyError>(value)) {
        case ReplyError::None: return "no error: a whole reply was read";
        case ReplyError::Incomplete:
            return "the reply is incomplete: read more bytes and parse again";
        case ReplyError::InvalidCode:
            return "a reply line does not start with a three-digit reply code "
                   "(RFC 5321 section 4.2)";
        case ReplyError::InvalidSeparator:
            return "a reply code is followed by something other than a space, '-' or "
                   "the line's end (RFC 5321 section 4.2)";
        case ReplyError::CodeMismatch:
            return "a line of a multiline reply has another code than the first "
                   "(RFC 5321 section 4.2.1)";
        case ReplyError::LineTooLong: return "a reply line is longer than the limit";
        case ReplyError::TooManyLines: return "the reply has more lines than the limit";
        case ReplyError::BareLineFeed:
            return "a reply line ends with a bare LF, not CRLF (RFC 5321 section 2.3.8)";
        }
        return "unknown SMTP reply parse error " + std::to_string(value);
    }
};

/// The category of ReplyWriteError codes: name "smtp.reply_write".
class ReplyWriteErrorCategory final : public std::error_category {
public:
    const char* name() const noexcept override { return "smtp.reply_write"; }

    /// Why write_reply refused, in a sentence.
    std::string message(int value) const override {
        switch (static_cast<ReplyWriteError>(value)) {
        case ReplyWriteError::None: return "no error: the reply was written";
        case ReplyWriteError::InvalidCode:
            return "the reply code is outside 200..599 (RFC 5321 section 4.2)";
        case ReplyWriteError::InvalidEnhancedCode:
            return "the enhanced status code is not class 2, 4 or 5 with subject and "
                   "detail 0 to 999 (RFC 3463 section 2)";
        case ReplyWriteError::EnhancedClassMismatch:
            return "the enhanced status code's class differs from the reply code's "
                   "first digit (RFC 3463 section 2)";
        case ReplyWriteError::EnhancedOnIntermediate:
            return "a 3yz reply carries no enhanced status code (RFC 2034 section 3)";
        case ReplyWriteError::NoLines: return "a reply has at least one line";
        case ReplyWriteError::LineBreakInText: return "a line's text holds a CR or LF";
        case ReplyWriteError::LineTooLong: return "a reply line is longer than the limit";
        case ReplyWriteError::BufferTooSmall:
            return "the output range is too small for the reply";
        }
        return "unknown SMTP reply write error " + std::to_string(value);
    }
};

/// The category of DsnError codes: name "smtp.dsn".
class DsnErrorCategory final : public std::error_category {
public:
    const char* name() const noexcept override { return "smtp.dsn"; }

    /// Why parse_delivery_status found nothing to report on, in a sentence.
    std::string message(int value) const override {
        switch (static_cast<DsnError>(value)) {
        case DsnError::None: return "no error: the delivery status has recipients";
        case DsnError::Empty: return "the delivery status content is empty";
        case DsnError::NoFields:
            return "no line of the content is a header field: not delivery status content "
                   "(RFC 3464 section 2)";
        case DsnError::NoRecipients:
            return "the delivery status has no per-recipient fields (RFC 3464 section 2.1)";
        }
        return "unknown delivery status error " + std::to_string(value);
    }
};

} // namespace detail

/// The category of every SmtpStatusCode error_code. One object per program
/// (error_code compares categories by address): a function-local static of
/// an inline function, unlike a namespace-scope object, is shared by every
/// translation unit and, being exported, by every shared library.
SMTP_STATUS_SYMBOL_VISIBLE inline const std::error_category& smtp_category() noexcept {
    static const detail::SmtpCategory category;
    return category;
}

/// The category of the ReplyClass error conditions; one object per program.
SMTP_STATUS_SYMBOL_VISIBLE inline const std::error_category& reply_class_category() noexcept {
    static const detail::ReplyClassCategory category;
    return category;
}

/// The category of ReplyError codes; one object per program, like
/// smtp_category().
SMTP_STATUS_SYMBOL_VISIBLE inline const std::error_category& reply_error_category() noexcept {
    static const detail::ReplyErrorCategory category;
    return category;
}

/// The category of ReplyWriteError codes; one object per program.
SMTP_STATUS_SYMBOL_VISIBLE inline const std::error_category&
reply_write_error_category() noexcept {
    static const detail::ReplyWriteErrorCategory category;
    return category;
}

/// The category of DsnError codes; one object per program.
SMTP_STATUS_SYMBOL_VISIBLE inline const std::error_category& dsn_error_category() noexcept {
    static const detail::DsnErrorCategory category;
    return category;
}

inline std::error_condition
detail::SmtpCategory::default_error_condition(int value) const noexcept {
    return {static_cast<int>(reply_class(value)), reply_class_category()};
}

/// The reply as an error_code in smtp_category(), its value the code's int.
/// Found by argument-dependent lookup, so `std::error_code ec = code;` works.
[[nodiscard]] inline std::error_code make_error_code(SmtpStatusCode code) noexcept {
    return {value(code), smtp_category()};
}

/// A parse error as an error_code in reply_error_category(); found by
/// argument-dependent lookup, so `std::error_code ec = parse.error;` works,
/// and `if (ec)` is false for ReplyError::None alone.
[[nodiscard]] inline std::error_code make_error_code(ReplyError error) noexcept {
    return {static_cast<int>(error), reply_error_category()};
}

/// A writer error as an error_code in reply_write_error_category().
[[nodiscard]] inline std::error_code make_error_code(ReplyWriteError error) noexcept {
    return {static_cast<int>(error), reply_write_error_category()};
}

/// A delivery status reader's error as an error_code in dsn_error_category().
[[nodiscard]] inline std::error_code make_error_code(DsnError error) noexcept {
    return {static_cast<int>(error), dsn_error_category()};
}

/// The class as an error_condition, so `ec == ReplyClass::PermanentNegative`
/// compares an error_code with a class.
[[nodiscard]] inline std::error_condition make_error_condition(ReplyClass reply) noexcept {
    return {static_cast<int>(reply), reply_class_category()};
}

} // namespace smtp

namespace std {

template <>
struct is_error_code_enum<smtp::SmtpStatusCode> : true_type {};

template <>
struct is_error_code_enum<smtp::ReplyError> : true_type {};

template <>
struct is_error_code_enum<smtp::ReplyWriteError> : true_type {};

template <>
struct is_error_code_enum<smtp::DsnError> : true_type {};

template <>
struct is_error_condition_enum<smtp::ReplyClass> : true_type {};

} // namespace std

#endif // SMTP_ERROR_CODE_HPP
