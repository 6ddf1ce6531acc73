// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// What the bounce formats share when they read a notice's text: its lines,
// the addresses and replies in them, the fixed sentences that mark a format,
// and the recipient a notice reports on. Each format (the other units of
// this folder) knows where its MTA writes what; these only read it.
#ifndef SMTP_EXPLAIN_EXTRACT_FORMATS_NOTICE_HPP
#define SMTP_EXPLAIN_EXTRACT_FORMATS_NOTICE_HPP

#include "extract/events.hpp"
#include "extract/message.hpp"

#include <smtp/command.hpp>
#include <smtp/enhanced_status_code.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain::notice {

/// The text/plain parts of the report, outside the returned original, in
/// tree order: where a notice states its verdicts.
std::vector<std::string_view> report_texts(const DecodedMessage& message);

/// report_texts joined, a blank line between them: the whole report as one
/// text (a MIME preamble, a part per language and the like included), at
/// most max_notice_size bytes of it (bounce_text.hpp). A notice written in
/// HTML alone (no text/plain part but a preamble) is read as text
/// (html_to_text) after them.
std::string report_text(const DecodedMessage& message);

/// Whether any of report_texts holds `sentence` (ASCII case ignored), or,
/// for a notice in HTML alone, its text.
bool report_says(const DecodedMessage& message, std::string_view sentence);

/// Whether the email has a delivery status part (RFC 3464's
/// message/delivery-status, RFC 6533's message/global-delivery-status)
/// outside the returned original.
bool has_delivery_status(const DecodedMessage& message);

/// Whether the report's text holds a DSN's per-recipient fields pasted
/// into it ("Final-Recipient:" at the start of a line), as old MTAs and
/// broken MIME leave them: the generic readers read those fields.
bool pastes_delivery_status(const DecodedMessage& message);

/// The lines of `text`, without their LF or CRLF.
std::vector<std::string_view> lines_of(std::string_view text);

/// Whether `text` holds `needle`, ASCII case ignored.
bool icontains(std::string_view text, std::string_view needle) noexcept;

/// Where `needle` starts in `text` (ASCII case ignored), or npos.
std::size_t ifind(std::string_view text, std::string_view needle, std::size_t from = 0) noexcept;

/// The value of the top-level header field `name`, or empty.
std::string_view header(const DecodedMessage& message, std::string_view name);

/// Whether the From field's address ends with `suffix` ("@googlemail.com",
/// ASCII case ignored).
bool from_ends_with(const DecodedMessage& message, std::string_view suffix);

/// The first email address in `text`: the inside of the first <...> that is
/// one (a "mailto:" before it left out), else the first address anywhere
/// (bounce_text.hpp's first_address). Empty when there is none.
std::string_view find_address(std::string_view text) noexcept;

/// A line that starts with an address in angle brackets ("<a@b>: 550 ...",
/// "<a@b>   (Unknown user)", "<a@b> (expanded from <c@d>): ..."): the
/// address, and what follows the '>' without the white space around it.
struct LeadingAddress {
    std::string_view address;
    std::string_view rest;
};

/// The address that `line` (trimmed) starts with, in angle brackets; an
/// empty address when it starts with none.
LeadingAddress leading_address(std::string_view line) noexcept;

/// A stage of the SMTP session as a notice names it in words, and the
/// command it stands for ("[RCPT_TO]", "does not like recipient.").
struct StageWords {
    std::string_view words;
    smtp::Command command;
};

/// Whether `line` names one address and nothing else: "bob@example.jp",
/// "<bob@example.jp>", "Bob<mailto:bob@example.jp>", "\"bob@example.jp\":".
bool is_address_line(std::string_view line) noexcept;

/// The enhanced status code that `token` is, written as a word ("5.1.1",
/// "#5.1.1", "(#5.1.1)"), or nothing.
std::optional<smtp::EnhancedStatusCode> status_token(std::string_view token) noexcept;

/// The last "(#x.y.z)" in `text` (qmail writes its own status so), or
/// nothing.
std::optional<smtp::EnhancedStatusCode> hash_status(std::string_view text) noexcept;

/// Sets the recipient's reply from `text`, which holds a server's reply or
/// an MTA's own words: the reply code and its enhanced code (read as
/// bounce_text.hpp's read_reply_text reads them: smtp::read_diagnostic, a
/// code written twice read once), a problem for each of read_diagnostic's
/// flags, and the diagnostic, the reply's lines joined ("550 5.1.1 <a@b>...
/// User unknown"), or the words with their white space collapsed when there
/// is no reply. A reply that is no failure or success code (1yz, 3yz) is
/// taken as words. Returns whether a reply was found.
bool set_reply(BounceRecipient& recipient, std::string_view text);

/// Sets the recipient's reply from `text` as set_reply does; when `text`
/// holds no reply but the MTA's own words, the reason of the row of
/// `own_words` (the last, when more) whose words they start with, ASCII case
/// ignored. Returns whether a reply was found.
bool set_reply_or_own_words(BounceRecipient& recipient, std::string_view text,
                            const StatedReason* own_words, std::size_t count);

/// set_reply_or_own_words over a format's table of its own words.
template <std::size_t N>
bool set_reply_or_own_words(BounceRecipient& recipient, std::string_view text,
                            const StatedReason (&own_words)[N]) {
    return set_reply_or_own_words(recipient, text, own_words, N);
}

/// A paragraph that a line "<address>:" opens (qmail's format, QSBMF, and
/// those that copy it): the address and the lines after that one.
struct AddressParagraph {
    std::string_view address;
    std::vector<std::string_view> lines;
};

/// The paragraphs of `lines` that "<address>:" lines open, each up to a
/// blank line or the next such line, all of them up to the first line that
/// starts with "---" (where the returned copy follows).
std::vector<AddressParagraph> address_paragraphs(const std::vector<std::string_view>& lines);

/// The recipients of a report in paragraphs that "<address>:" lines open
/// (address_paragraphs): each failed, read by `read` from its paragraph's
/// lines, handed on (hand_on).
void extract_paragraphs(const DecodedMessage& message,
                        void (*read)(BounceRecipient&, const std::vector<std::string_view>&),
                        BounceSink& sink);

/// "(in reply to RCPT TO command)" (Postfix's words) in `text`: sets the
/// recipient's command, and returns `text` up to it.
std::string_view in_reply_to(std::string_view text, BounceRecipient& recipient);

/// A recipient with `address` (brackets removed) and `action`.
BounceRecipient recipient_for(std::string_view address, smtp::DsnAction action);

/// What a format read from a notice's text, joined with what its DSN part
/// says of the same recipients (matched by address): the DSN's recipients
/// in its order, each with the DSN's Action and Status (but the text's status
/// where the DSN's says the class alone, "5.0.0") and the text's
/// reply, command, server and reason (the text's where the DSN leaves a
/// field empty or, for the reply, quotes none); then the text's recipients
/// the DSN does not list.
std::vector<BounceRecipient> merge_with_dsn(std::vector<BounceRecipient> from_text,
                                            std::vector<BounceRecipient> from_dsn);

/// Hands every recipient to `sink`, in order, each merged with the
/// message's DSN part when it has one (merge_with_dsn); at most
/// max_notice_recipients of those the text names.
void hand_on(const DecodedMessage& message, std::vector<BounceRecipient>& recipients,
             BounceSink& sink);

} // namespace smtp_explain::notice

#endif // SMTP_EXPLAIN_EXTRACT_FORMATS_NOTICE_HPP
