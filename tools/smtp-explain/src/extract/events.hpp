// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// What the extractors find in an input, as plain events: a reply (with the
// command it answers when the input shows it), bytes that should have been
// a reply and are none, an enhanced code stated on its own, or nothing at
// all. Extractors know the input formats and nothing of the judgement or the
// reports; they hand events to an EventSink, in input order.
//
// Each input family is one extractor unit beside this header (reply_lines,
// transcript, mail_log); a new family, such as bounce messages read as
// decoded MIME parts, is one more unit, and what it finds that these events
// cannot carry (a bounce's per-recipient report: recipient, status, code,
// diagnostic text, action, the command it answered) one more event struct
// and one more EventSink member.
#ifndef SMTP_EXPLAIN_EXTRACT_EVENTS_HPP
#define SMTP_EXPLAIN_EXTRACT_EVENTS_HPP

#include <smtp/command.hpp>
#include <smtp/enhanced_status_code.hpp>
#include <smtp/reply.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace smtp_explain {

/// How a reply or a status was found in the input.
enum class Origin {
    Transcript, ///< a reply line, raw or marked as a server's in a transcript
    Python,     ///< Python smtplib's debug output (reply: b'...')
    Postfix,    ///< a Postfix log line, or the text of a Postfix bounce
    Exim,       ///< an Exim log line
    Dsn,        ///< a delivery status notification's fields (RFC 3464)
};

/// "transcript", "python", "postfix", "exim", "dsn": the origin as the
/// reports spell it.
constexpr std::string_view origin_name(Origin origin) noexcept {
    switch (origin) {
    case Origin::Transcript: return "transcript";
    case Origin::Python: return "python";
    case Origin::Postfix: return "postfix";
    case Origin::Exim: return "exim";
    case Origin::Dsn: return "dsn";
    }
    return {};
}

/// Where in the input a reply or status came from.
struct Location {
    /// The input's name: "-" for standard input, a file name, "argument".
    std::string_view source;
    /// The input line it starts on, from 1.
    std::uint64_t line;
    Origin origin;
};

/// A reply read from the input. Every view is valid during the call only.
struct ReplyEvent {
    Location where;
    /// A view into the extractor's buffer.
    smtp::Reply reply;
    /// The command it answers, when the input shows it or --command names it.
    std::optional<smtp::Command> answered;
    /// The client's line it answers, as shown in the input (credentials
    /// removed), or a log's words for it; empty when the input does not
    /// show it.
    std::string_view command_text;
    /// Whether `answered` came from --command rather than the input.
    bool assumed;
    /// For a reply from a log line: what the log says around it
    /// ("to=<a@b>, relay=mx.example.net[192.0.2.1]:25, status=bounced").
    std::string_view context;
};

/// Lines of the input that should have been a reply and are not one.
struct InvalidReplyEvent {
    Location where;
    smtp::ReplyError error;
    /// The lines as handed to the parser, each ended by LF.
    std::string_view raw;
    /// The first byte of `raw` no valid reply can have (ReplyParse::error_offset).
    std::size_t error_offset;
};

/// An enhanced code the input states without a reply around it: a DSN's
/// Status: field, a Postfix log line's dsn=, a header check's reject.
struct StatusEvent {
    Location where;
    smtp::EnhancedStatusCode code;
    /// The text around it that says what happened; may be empty.
    std::string_view context;
};

/// An input in which the extractors found nothing.
struct NoReplyEvent {
    std::string_view source;
    /// The number of lines read.
    std::uint64_t lines;
    /// Whether more than one byte in twenty was a control character.
    bool binary;
};

/// What every extractor is told.
struct ExtractOptions {
    /// The command a reply answers when the input does not show it
    /// (--command).
    std::optional<smtp::Command> default_command;
    /// What the reply parser accepts.
    smtp::ReplyLimits limits;
};

/// Where extractors send what they find.
class EventSink {
public:
    virtual void reply(const ReplyEvent& event) = 0;
    virtual void invalid_reply(const InvalidReplyEvent& event) = 0;
    virtual void status(const StatusEvent& event) = 0;

protected:
    EventSink() = default;
    EventSink(const EventSink&) = default;
    EventSink& operator=(const EventSink&) = default;
    ~EventSink() = default;
};

/// Where the events of whole inputs go: also told of an input in which no
/// extractor found anything.
class InputSink : public EventSink {
public:
    virtual void no_reply(const NoReplyEvent& event) = 0;

protected:
    InputSink() = default;
    InputSink(const InputSink&) = default;
    InputSink& operator=(const InputSink&) = default;
    ~InputSink() = default;
};

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_EXTRACT_EVENTS_HPP
