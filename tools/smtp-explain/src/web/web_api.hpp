// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The core's C interface, for the WebAssembly build that the page in
// tools/smtp-explain/web/ loads: text in, the report of the program out,
// the same bytes `smtp-explain` prints for the same input. Nothing here
// explains anything itself; it picks what the text is and hands it to
// explain() (explain.hpp).
//
// The report is kept in the interface until the next call, so a caller reads
// it through the pointer and size without copying it out first. Not for use
// from two threads at once (a page has one).
#ifndef SMTP_EXPLAIN_WEB_WEB_API_HPP
#define SMTP_EXPLAIN_WEB_WEB_API_HPP

#include <cstddef>

extern "C" {

/// Explains `size` bytes pasted or read from a file, as the program explains
/// one argument: a reply code, an enhanced code, a class or a code's name
/// when the text is a single word (`550`, `5.1.1`, `5xx`, `MailboxBusy`; any
/// other single word is reported as not understood), else replies, a
/// session transcript or a mail log, named `source` in the report.
/// `format` is "text", "brief" or "json" (--brief, --json); `command` is
/// empty or a --command value ("rcpt", "dataend", ...). Returns the report,
/// NUL-terminated UTF-8 of smtp_explain_report_size() bytes, valid until the
/// next call; or a null pointer when `format` or `command` is none of those
/// (smtp_explain_report_ok() is then 0 too).
const char* smtp_explain_paste(const char* bytes, std::size_t size, const char* source,
                               const char* format, const char* command);

/// 1 when `size` bytes that start an input (the first email_sniff_size are
/// enough) start an email, which the caller then decodes as MIME and hands
/// over with the smtp_explain_message_* calls, as the program reads one.
int smtp_explain_looks_like_email(const char* bytes, std::size_t size);

/// An email, decoded by the caller's MIME parser (the page's postal-mime),
/// handed over piece by piece into the core's model of it
/// (extract/message.hpp), then explained. Strings are UTF-8 of the given
/// size; none need a NUL.
///
///     smtp_explain_message_begin()                      a new, empty email
///     smtp_explain_message_header(name, value)          a top-level field, in order
///     smtp_explain_message_type(type)                   the top-level content type
///     smtp_explain_message_part(type, text, original)   the next leaf part
///     smtp_explain_message_parameter(name, value)       a parameter of the content
///                                                       type given last
///     smtp_explain_message(source, format, command)     the report
void smtp_explain_message_begin();
void smtp_explain_message_header(const char* name, std::size_t name_size, const char* value,
                                 std::size_t value_size);
void smtp_explain_message_type(const char* type, std::size_t type_size);
/// `in_original`: nonzero when the part is, or lies inside, the returned
/// original message (MessagePart::in_original).
void smtp_explain_message_part(const char* type, std::size_t type_size, const char* text,
                               std::size_t text_size, int in_original);
void smtp_explain_message_parameter(const char* name, std::size_t name_size, const char* value,
                                    std::size_t value_size);
/// Explains the email built since smtp_explain_message_begin(), named
/// `source` in the report; the arguments and the answer as for
/// smtp_explain_paste.
const char* smtp_explain_message(const char* source, const char* format, const char* command);

/// The size in bytes of the last report, without its NUL.
std::size_t smtp_explain_report_size();

/// 1 when the last report understood everything (the program's exit status
/// 0, the JSON report's "ok"), else 0.
int smtp_explain_report_ok();

/// What `smtp-explain --version` prints in `format` ("text" or "json"), with
/// its newline; valid until the next call. A null pointer for another format.
const char* smtp_explain_version(const char* format);

} // extern "C"

#endif // SMTP_EXPLAIN_WEB_WEB_API_HPP
