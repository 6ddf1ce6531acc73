// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Mail logs and the text of bounces: Postfix (smtp's "... said: ...",
// "refused to talk to me", smtpd's "reject:" lines, including header and
// body checks and milters, and delivery lines with only "dsn="), Exim
// ("SMTP error from remote mail server after ..."), and the fields of a
// delivery status notification (RFC 3464 Status: and Diagnostic-Code:).
// A reply a log joined into one line is split back into its lines; a line
// continued on indented lines (a wrapped bounce, a folded header) is read
// whole, at most max_input_line bytes of it.
#ifndef SMTP_EXPLAIN_EXTRACT_MAIL_LOG_HPP
#define SMTP_EXPLAIN_EXTRACT_MAIL_LOG_HPP

#include "extract/events.hpp"
#include "read/line_reader.hpp"

#include <smtp/enhanced_status_code.hpp>
#include <smtp/semantics.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace smtp_explain {

/// A reply as a log writes it on one line, back into lines: Postfix joins
/// the lines of a multiline reply with spaces ("550-5.1.1 Text 550 5.1.1
/// More"), Exim writes them with "\n" escapes. Splits before each repeat of
/// the first line's code that is followed by '-' or a space, up to the line
/// that ends the reply. Every line of the result ends with LF.
std::string split_joined_reply(std::string_view text);

/// What a log line says around a reply: Postfix's from=, to=, relay= and
/// status= fields, or else the address Exim logs after its flag (** == =>
/// ->). Empty when it says none of these.
std::string log_context(std::string_view text);

/// The log lines of one input, read line by line.
class MailLog {
public:
    MailLog(EventSink& sink, std::string_view source, const ExtractOptions& options)
        : sink_(sink), source_(source), options_(options) {}

    /// A line that continues a folded one (indented, not blank); true when
    /// it was one. Any other line first ends the folded line, which hands
    /// on what it held.
    bool continuation(const Line& line);

    /// A log line or a bounce's field (`text` is the line trimmed); true
    /// when it was one, even one without a reply in it.
    bool line(std::string_view text, const Line& line);

    /// Ends a folded line at the end of the input.
    void finish() { finish_folding(); }

private:
    enum class Folding { None, Diagnostic, Said };

    void said(std::string_view text, std::uint64_t line, std::string_view context);
    void log_reply(std::string_view text, std::uint64_t line, Origin origin,
                   std::optional<smtp::Command> answered, std::string_view command_text,
                   std::string_view context);
    void status(const smtp::EnhancedStatusCode& code, std::uint64_t line, Origin origin,
                std::string_view context);
    void begin_folding(Folding folding, std::string_view text, std::uint64_t line);
    void finish_folding();

    EventSink& sink_;
    std::string_view source_;
    ExtractOptions options_;
    Folding folding_ = Folding::None;
    std::string folded_;
    std::string folded_context_;
    std::uint64_t folded_line_ = 0;
};

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_EXTRACT_MAIL_LOG_HPP
