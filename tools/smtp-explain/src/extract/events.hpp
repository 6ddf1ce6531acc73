// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// What the extractors find in an input, as plain events: a reply (with the
// command it answers when the input shows it), bytes that should have been
// a reply and are none, an enhanced code stated on its own, or nothing at
// all. Extractors know the input formats and nothing of the judgement or the
// reports; they hand events to an EventSink, in input order.
//
// Each input family of text lines is one extractor unit beside this header
// (reply_lines, transcript, mail_log). Emails are read whole, as a
// DecodedMessage (message.hpp), by the bounce extractors: what a bounce says
// of each recipient is a BounceRecipient, which they hand to a BounceSink;
// the dispatch (bounce.hpp) sends each on as a BounceEvent to a MessageSink.
#ifndef SMTP_EXPLAIN_EXTRACT_EVENTS_HPP
#define SMTP_EXPLAIN_EXTRACT_EVENTS_HPP

#include <smtp/bounce_reason.hpp>
#include <smtp/command.hpp>
#include <smtp/delivery_status.hpp>
#include <smtp/enhanced_status_code.hpp>
#include <smtp/reply.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
    /// The input ends inside the reply: its last line given still says more
    /// follow ('-' after the code). `reply` holds the lines there are, the
    /// last of them read as the reply's last, so that one line of a
    /// multiline reply pasted alone is still explained.
    bool cut_off;
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

// ---------------------------------------------------------------------------
// Bounces: emails read whole

/// Something odd in what a bounce says of a recipient; the recipient is
/// still reported.
struct BounceProblem {
    /// Stable identifier for scripts: a DsnProblem or DiagnosticFlag name
    /// ("MissingAction", "MissingLastLine") or an extractor's own
    /// ("recipient_from_original").
    std::string kind;
    /// A sentence for people.
    std::string message;
};

/// Words of a format's own (a field's value, a sentence of the notice) and
/// the reason they state outright: the rows of an extractor's table.
struct StatedReason {
    std::string_view words;
    smtp::BounceReason reason;
};

/// What a bounce (a delivery status notification, an MTA's failure notice,
/// a feedback report, an auto-reply) says of one recipient. Plain data: an
/// extractor fills in what the bounce states and leaves the rest empty; the
/// analysis draws the verdict from it.
struct BounceRecipient {
    /// The address the bounce reports on (Final-Recipient), without angle
    /// brackets or a type; empty when the bounce names none.
    std::string recipient;
    /// The address the sender gave (Original-Recipient, RFC 3461 ORCPT);
    /// empty when not stated.
    std::string original_recipient;
    /// The address an alias expanded to, where the reporting MTA says it
    /// (Sendmail's "X-Actual-Recipient: RFC822; b@c"); empty otherwise. The
    /// bounce's text may name the recipient by it.
    std::string actual_recipient;
    /// What the reporting MTA did (RFC 3464 section 2.3.3); Unknown when the
    /// bounce does not say.
    smtp::DsnAction action = smtp::DsnAction::Unknown;
    /// The enhanced status code the bounce states for the recipient (a DSN's
    /// Status field, a "#5.1.1" in a notice); possibly a class alone (5.0.0).
    std::optional<smtp::EnhancedStatusCode> status;
    /// The remote server's reply code, 0 when the bounce quotes no reply.
    int code = 0;
    /// The enhanced code of that reply, the one right after its code.
    std::optional<smtp::EnhancedStatusCode> reply_status;
    /// The diagnostic as the bounce gives it, unfolded, lines joined with a
    /// space: the reply with its codes ("550 5.1.1 <a@b>: User unknown"), or
    /// the MTA's own words ("DNS Error: ...", "Unrouteable address").
    std::string diagnostic;
    /// The server that gave the diagnostic (Remote-MTA, "host ... said").
    std::string remote_mta;
    /// The command the reply answered, when the bounce says it ("in reply to
    /// RCPT TO command", "after RCPT TO:<a@b>", ">>> DATA").
    std::optional<smtp::Command> command;
    /// The reason, when the bounce's kind or format states it outright:
    /// Feedback for a feedback report, Vacation for an auto-reply, a
    /// provider's own bounce type. Otherwise the analysis classifies.
    std::optional<smtp::BounceReason> reason;
    /// The extractor that read it ("dsn", "text", "arf", a format's name);
    /// a static string.
    std::string_view format;
    /// What was odd, in the order noticed.
    std::vector<BounceProblem> problems;
};

/// Where the bounce extractors put each recipient, in the order the bounce
/// lists them.
class BounceSink {
public:
    virtual void add(BounceRecipient&& recipient) = 0;

protected:
    BounceSink() = default;
    BounceSink(const BounceSink&) = default;
    BounceSink& operator=(const BounceSink&) = default;
    ~BounceSink() = default;
};

/// A BounceSink that keeps what it is given, in order: for an extractor
/// that reads another's recipients before handing them on.
class KeptRecipients final : public BounceSink {
public:
    void add(BounceRecipient&& recipient) override { recipients.push_back(std::move(recipient)); }
    std::vector<BounceRecipient> recipients;
};

/// One recipient of a bounce read from an input.
struct BounceEvent {
    /// The input's name: "-" for standard input, a file name.
    std::string_view source;
    /// Valid during the call only.
    const BounceRecipient& recipient;
};

/// An email in which no extractor found a bounce, feedback report or
/// auto-reply.
struct NoBounceEvent {
    std::string_view source;
    /// The number of leaf parts the email has.
    std::size_t parts;
};

/// Where the events of emails go.
class MessageSink {
public:
    virtual void bounce(const BounceEvent& event) = 0;
    virtual void no_bounce(const NoBounceEvent& event) = 0;

protected:
    MessageSink() = default;
    MessageSink(const MessageSink&) = default;
    MessageSink& operator=(const MessageSink&) = default;
    ~MessageSink() = default;
};

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_EXTRACT_EVENTS_HPP
