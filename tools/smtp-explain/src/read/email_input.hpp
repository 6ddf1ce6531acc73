// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Which inputs are emails. An email is read whole and decoded as MIME (its
// parts, transfer encodings and charsets), since a bounce's reply may sit in
// a base64 part or be split by a quoted-printable soft line break; every
// other input (replies, transcripts, mail logs) is read line by line.
#ifndef SMTP_EXPLAIN_READ_EMAIL_INPUT_HPP
#define SMTP_EXPLAIN_READ_EMAIL_INPUT_HPP

#include <cstddef>
#include <string_view>

namespace smtp_explain {

/// The largest email read; a bigger one is refused (a bounce is a few
/// kilobytes; a returned original with attachments a few megabytes).
inline constexpr std::size_t max_email_size = std::size_t{32} << 20;

/// Enough of an input's start to tell whether it is an email.
inline constexpr std::size_t email_sniff_size = 1024;

/// Whether an input that starts with `head` is an email: its first line (a
/// UTF-8 byte order mark aside) is an mbox "From " line (RFC 4155) or a
/// header field that starts messages ("Received:", "Return-Path:",
/// "Delivered-To:", "From:", "Date:", "MIME-Version:", "Content-Type:",
/// "Message-ID:", "X-...:", ...), a name and a colon with nothing between.
/// Transcripts ("S: 220", "send: 'EHLO'") and logs never start so.
bool looks_like_email(std::string_view head) noexcept;

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_READ_EMAIL_INPUT_HPP
