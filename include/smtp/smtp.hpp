// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/smtp.hpp>`: the whole library in one include (but `<smtp/fmt.hpp>`,
/// which needs {fmt}).
#ifndef SMTP_SMTP_HPP
#define SMTP_SMTP_HPP

#include <smtp/bounce_reason.hpp>
#include <smtp/case_insensitive.hpp>
#include <smtp/command.hpp>
#include <smtp/delivery_status.hpp>
#include <smtp/dsn_error.hpp>
#include <smtp/enhanced_code.hpp>
#include <smtp/enhanced_status_code.hpp>
#include <smtp/enhanced_status_code_registry.hpp>
#include <smtp/error_code.hpp>
#include <smtp/expected_reply.hpp>
#include <smtp/fixed_text.hpp>
#include <smtp/foreign_names.hpp>
#include <smtp/format.hpp>
#include <smtp/reply.hpp>
#include <smtp/reply_error.hpp>
#include <smtp/reply_write_error.hpp>
#include <smtp/reply_writer.hpp>
#include <smtp/semantics.hpp>
#include <smtp/status_code.hpp>
#include <smtp/vendor_notes.hpp>
#include <smtp/version.hpp>

/// @namespace smtp
/// Everything smtp-status declares: reply codes (SmtpStatusCode, ReplyClass),
/// enhanced status codes (EnhancedStatusCode) and their IANA registry, the
/// reply parser (parse_reply), a reply judged in the context of its command
/// (next_action), replies written for servers (write_reply), bounces
/// (parse_delivery_status, classify_bounce), and each value as text and as
/// std::error_code. Names in smtp::detail are not part of the API.

#endif // SMTP_SMTP_HPP
