// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Session transcripts: client and server lines marked as tools print them
// (S:/C:, <<</>>>, swaks, msmtp, curl -v, exim -d, Python smtplib), or typed
// by hand (telnet, openssl s_client), where a command is known by its verb.
// Each reply is matched with the command it answers, in order, so pipelined
// commands (RFC 2920) line up; the message after 354 is skipped, the AUTH
// exchange after 334 followed without keeping a credential, and the session
// starts over after 221, 421 and STARTTLS. Raw replies with no transcript
// around them pass through here too: they answer nothing the input shows.
#ifndef SMTP_EXPLAIN_EXTRACT_TRANSCRIPT_HPP
#define SMTP_EXPLAIN_EXTRACT_TRANSCRIPT_HPP

#include "extract/events.hpp"
#include "extract/reply_lines.hpp"
#include "read/line_reader.hpp"

#include <smtp/reply.hpp>
#include <smtp/semantics.hpp>

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>

namespace smtp_explain {

/// The most commands remembered while waiting for their replies (RFC 2920
/// pipelining); older ones are forgotten.
inline constexpr std::size_t max_queued_commands = 256;

/// Decodes the text of a Python bytes or str literal as smtplib's debug
/// output prints it (b'250-PIPELINING\r\n'): \r, \n, \t, \\, quotes, \xNN.
/// Other escapes stay as they are; the literal ends at its closing quote.
std::string decode_python_literal(std::string_view text);

/// Whether an unmarked client line inside an AUTH exchange is credentials:
/// base64 (RFC 4648 section 4), or '*' to cancel (RFC 4954 section 4).
bool looks_like_auth_data(std::string_view line) noexcept;

/// What a client's AUTH line may show: the verb and the mechanism, never
/// the initial response after them ("AUTH PLAIN ...").
std::string without_credentials(std::string_view auth_line);

/// One session transcript, read line by line.
class Transcript final : private ReplyGatherer::Handler {
public:
    Transcript(EventSink& sink, std::string_view source, const ExtractOptions& options)
        : sink_(sink), options_(options), replies_(*this, source, options.limits) {}

    /// The lines a transcript claims before any other input family looks at
    /// them: the message after DATA, Python smtplib's debug lines, and lines
    /// marked as the server's or the client's. `text` is the line trimmed.
    /// True when the line was one of them.
    bool marked_line(std::string_view text, const Line& line);

    /// A line no other family took: a bare reply line, or a command typed
    /// by hand (only while no line has been marked as the client's).
    void unmarked_line(std::string_view text, const Line& line);

    /// Hands on the reply being gathered: before another family's event,
    /// so events stay in input order, and at the end of the input.
    void flush() { replies_.flush(); }
    /// The end of the input: hands on the reply being gathered, also one
    /// cut off before its last line (ReplyGatherer::finish).
    void finish() { replies_.finish(); }

private:
    enum class Role { None, Server, Client };
    struct Queued {
        smtp::Command command;
        std::string text;
    };

    static Role strip_prefix(std::string_view text, bool in_auth, std::string_view& rest);
    bool python_line(std::string_view text, const Line& line);
    void client_line(std::string_view rest);
    void auth_answer();
    void client_command(smtp::Command command, std::string_view text);
    void queue(smtp::Command command, std::string text);
    void server_line(std::string_view rest, const Line& line, Origin origin);
    void end_data();

    void reply(const smtp::Reply& reply, const Location& where, bool cut_off) override;
    void invalid(const InvalidReplyEvent& event) override;

    EventSink& sink_;
    ExtractOptions options_;
    ReplyGatherer replies_;
    std::deque<Queued> commands_;
    bool client_prefixed_seen_ = false;
    bool client_seen_ = false;
    bool reply_seen_ = false;
    bool in_data_ = false;
    // After a 334, until the client answers or the server speaks again.
    bool in_auth_ = false;
};

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_EXTRACT_TRANSCRIPT_HPP
