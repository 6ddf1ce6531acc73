// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Reading the words of a bounce: what every bounce extractor needs from the
// text people read (the DSN reader for what a DSN leaves out, the generic
// plain-text reader, and the MTA formats):
//
//   - where the returned original starts in a plain-text notice (the quote
//     markers: "------ This is a copy of the message, including all the
//     headers. ------", "--- Below this line is a copy of the message.", ...),
//     so that nothing below it is judged;
//   - the notice's text: the parts outside the original, each cut there;
//   - e-mail addresses, and the paragraphs of a notice that name each
//     recipient;
//   - the server's reply in such a paragraph ("said: 550 ...", "host ...
//     [192.0.2.1]: 550 ...", "Remote host said: ...", "<<< 550 ..."), the
//     command it answered and the server that gave it.
#ifndef SMTP_EXPLAIN_EXTRACT_BOUNCE_TEXT_HPP
#define SMTP_EXPLAIN_EXTRACT_BOUNCE_TEXT_HPP

#include "extract/events.hpp"
#include "extract/message.hpp"

#include <smtp/command.hpp>
#include <smtp/delivery_status.hpp>
#include <smtp/enhanced_status_code.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain {

/// The most of a notice's text that is read: notices are a few kilobytes; a
/// bigger text part is a returned original pasted in, or an attack on time.
inline constexpr std::size_t max_notice_size = 256 * 1024;

/// The most recipients read from a notice's text (a DSN's are all read).
inline constexpr std::size_t max_notice_recipients = 1000;

/// Where the returned original starts in a plain-text notice: the offset of
/// the line that introduces it, or npos. Recognised, at the start of a line
/// and in any case:
///   - a marker line: "------ This is a copy of the message, including all
///     the headers. ------" (Exim), "--- Below this line is a copy of the
///     message." (qmail), "Below is a copy of the original message:"
///     (OpenSMTPD), "----- Original message -----", "------- Returned
///     Message --------", "----- Unsent message follows -----", "Original
///     message follows.", "Original mail as follows:", "--- The header of the
///     original message is following. ---", "Included is a copy of the
///     message header";
///   - "The original message was received at ..." when header fields follow
///     it (and not, as in Sendmail's notices, prose);
///   - a "Received:" or "Return-Path:" field at the start of a line, or
///     after a '>': an original pasted without a marker, or quoted.
std::size_t quoted_original_start(std::string_view text);

/// `text` up to quoted_original_start().
std::string_view before_quoted_original(std::string_view text);

/// HTML as plain text, roughly: tags dropped (<br>, </p>, </div>, </tr> and
/// </li> end a line), the content of <style>, <script> and <head> dropped,
/// the usual character references decoded.
std::string html_to_text(std::string_view html);

/// The text of a notice that people read: every text leaf outside the
/// returned original, each up to its quote marker, joined with blank lines,
/// at most max_notice_size bytes of it. HTML leaves count (as text) only when
/// no text/plain leaf is there (a multipart's preamble is none: "This is a
/// multi-part message in MIME format." stands before HTML-only notices too).
std::string notice_text(const DecodedMessage& message);

/// The length of the e-mail address (local@domain) that starts at `at`, or
/// 0. The local part may hold UTF-8 (RFC 6531); the domain is letters,
/// digits, '-' and '.' with a dot inside, or an address literal [192.0.2.1].
std::size_t address_length_at(std::string_view text, std::size_t at) noexcept;

/// The first address in `text` ("Name <a@b>", "rfc822; a@b"), or empty.
std::string_view first_address(std::string_view text) noexcept;

/// The addresses of an address header field ("a@b, Name <c@d>"), in order.
std::vector<std::string_view> addresses(std::string_view text);

/// One recipient's paragraph of a notice.
struct NoticeBlock {
    /// The address as the notice writes it.
    std::string_view address;
    /// From the line that names it to the line before the next recipient's.
    std::string_view text;
};

/// The recipients a plain-text notice lists, each with its paragraph, in
/// the order they first appear: lines that start with an address ("<a@b>:",
/// "  a@b", "a@b: 550 ...", "* a@b", "\"a@b\":", ">>> a@b", Sendmail's "554
/// <a@b>... Host unknown"), else addresses after a colon ("Unknown user:
/// a@b", "RCPT TO: a@b") but not a sender's or a contact's ("From:", "MAIL
/// FROM:", "System Contact:"), else
/// addresses after the words of a sentence that say the message was for
/// them ("undeliverable to a@b", "addressed to 'a@b'", "(generated from
/// a@b)"). An
/// address the notice repeats keeps its first paragraph. Addresses in
/// `exclude` (the notice's own From, say) are skipped. At most
/// max_notice_recipients.
std::vector<NoticeBlock> notice_blocks(std::string_view notice,
                                       const std::vector<std::string_view>& exclude = {});

/// The text of `notice` before its first recipient's paragraph (all of it
/// without any): where a notice says what befell all its recipients ("Could
/// not be delivered because of 550 5.1.1 User unknown. The following
/// recipients were affected:"), or its session transcript.
std::string_view notice_head(std::string_view notice, const std::vector<NoticeBlock>& blocks);

/// The paragraphs of a notice by address (lower case), for looking up many
/// recipients.
using NoticeIndex = std::map<std::string, const NoticeBlock*>;

/// `blocks` by address; the views point into `blocks`, which must outlive it.
NoticeIndex index_blocks(const std::vector<NoticeBlock>& blocks);

/// The block for `address` (any case), or nullptr.
const NoticeBlock* find_block(const NoticeIndex& index, std::string_view address);

/// smtp::read_diagnostic, and two rules more: a reply code written twice
/// ("550 550 5.1.1 user unknown", as Gmail's notices once quoted replies) is
/// read once, and a positive reply joined to the failure after it ("220-mx
/// 421 4.2.1 Service refused") gives way to it. `input` is set to the text
/// the result's views point into.
smtp::DiagnosticReply read_reply_text(std::string_view text, std::string_view& input);

/// The reply an expiry quotes as its cause: Amazon SES and WorkMail give up
/// with "554 4.4.7 Message expired: unable to deliver in 840
/// minutes.<421 4.4.2 Connection timed out>", their own verdict and, in
/// angle brackets, the last reply they got, which is why the message could
/// not be delivered. Reads the last "<...>" of `text` that starts with a
/// failure reply (4xx or 5xx); nothing found otherwise.
smtp::DiagnosticReply quoted_cause(std::string_view text);

/// The enhanced code written right after the '#' at `hash` in `text`
/// ("#5.1.1": digits and dots), or nothing.
std::optional<smtp::EnhancedStatusCode> status_after_hash(std::string_view text,
                                                          std::size_t hash) noexcept;

/// The first enhanced code written "(#5.1.1)" or "#5.1.1" in `text`, as
/// qmail writes its own status (and MTAs that relay qmail's replies quote
/// it), or nothing.
std::optional<smtp::EnhancedStatusCode> hashed_status(std::string_view text);

/// A server's reply found in the text of a notice.
struct TextReply {
    /// The reply code, 0 when none was found.
    int code = 0;
    /// Its enhanced code, or one the text states alone ("(#5.1.1)").
    std::optional<smtp::EnhancedStatusCode> enhanced;
    /// The reply from its code to the end of its lines, joined with spaces;
    /// without Postfix's "(in reply to ... command)".
    std::string diagnostic;
    /// The command it answered: "(in reply to RCPT TO command)", "after RCPT
    /// TO:<a@b>:", a transcript's ">>> DATA".
    std::optional<smtp::Command> command;
    /// The server that gave it: "host mx.example[192.0.2.1] said",
    /// "host mx.example [192.0.2.1]:", "while talking to mx.example.:".
    std::string remote_mta;
    /// What read_diagnostic noticed.
    smtp::DiagnosticFlags flags;

    /// Whether a reply code or an enhanced code was found.
    bool found() const noexcept { return code != 0 || enhanced.has_value(); }
};

/// The first failure reply in `text` (a NoticeBlock's, or a whole notice):
/// its lines are read as logical lines (a line with the indented lines that
/// continue it, as Postfix and Exim wrap), each with read_reply_text; a 4yz
/// or 5yz reply wins over a 2yz or 3yz one (a transcript's), and one with a
/// reply code over an enhanced code alone. Transcript lines (">>> DATA",
/// "<<< 550 ...", Postfix's "In:" and "Out:") give the command. Without an
/// enhanced code in the reply, one written "(#5.1.1)" anywhere counts.
TextReply find_text_reply(std::string_view text);

/// Sets the reply fields of `recipient` (code, reply_status, diagnostic,
/// command, remote_mta where still empty) from `reply`, and adds a problem
/// for each of its flags.
void apply_text_reply(BounceRecipient& recipient, const TextReply& reply);

/// A problem for each flag of a diagnostic ("MissingLastLine").
void add_diagnostic_problems(BounceRecipient& recipient, smtp::DiagnosticFlags flags);

/// `text` with every run of white space and line breaks made one space, and
/// none at either end: a folded field's value or a paragraph as one line.
std::string collapse_space(std::string_view text);

/// The returned original's header section (the first leaf of an original
/// type, is_original_type), or nullptr when the email returns none.
const MessagePart* returned_header(const DecodedMessage& message);

/// The value of the first field `name` (any case) in a header section,
/// unfolded; empty when absent.
std::string section_field(std::string_view section, std::string_view name);

/// A recipient's paragraph as one line of words, for the classifier when
/// it quotes no reply: at most the first 1000 bytes, cut at a character.
std::string paragraph_words(std::string_view paragraph);

/// The addresses of the bounce's own From field: the reporting system,
/// never a recipient it reports on. (Not its To: a sender who wrote to
/// itself gets the bounce of its own address.)
std::vector<std::string_view> own_addresses(const DecodedMessage& message);

/// The addresses of the bounce's own X-Failed-Recipients field, which Exim
/// and Google's mailer add (Google Groups' and some Gmail notices name the
/// recipient only there); none when it has no such field.
std::vector<std::string_view> failed_recipients(const DecodedMessage& message);

/// Whether a mail system wrote the email about a failure: sent from a mailer
/// daemon or postmaster (or MDaemon, which signs its notices so), or with a
/// subject that says the mail failed ("Undelivered", "Delivery Status
/// Notification", "failure notice", "Returned mail").
bool written_by_mail_system(const DecodedMessage& message);

/// Whether the email presents itself as a failure notice:
/// written_by_mail_system, or sent with the null return path (RFC 5321
/// section 4.5.5, which auto-replies use too: RFC 3834 section 3.3).
bool looks_like_failure_notice(const DecodedMessage& message);

/// Whether the notice says that delivery failed ("could not be delivered",
/// "undeliverable", "permanent error", "failed permanently", Dovecot's
/// "was automatically rejected").
bool says_failed(std::string_view notice) noexcept;

/// Whether the notice says the failure is permanent ("This is a permanent
/// error", "failed permanently", "permanent fatal errors").
bool says_permanent(std::string_view notice) noexcept;

/// Whether the notice says delivery is only delayed and will be tried again
/// ("has not yet been delivered", "will be retried", "delayed").
bool says_delayed(std::string_view notice) noexcept;

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_EXTRACT_BOUNCE_TEXT_HPP
