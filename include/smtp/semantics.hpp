// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
/// @file
/// `<smtp/semantics.hpp>`: a reply judged in the context of the command it
/// answers: what a client does next (next_action) and whether the server
/// closes the connection (closes_connection). It also gives everything a
/// reader of a reply in context needs, each in a header of its own:
///
///     <smtp/command.hpp>                        Command, parse_command
///     <smtp/expected_reply.hpp>                 is_expected_reply
///     <smtp/enhanced_status_code_registry.hpp>  pairing with the registry
///     <smtp/foreign_names.hpp>                  .NET, MailKit, Aspose names
///     <smtp/reply_writer.hpp>                   write_reply, for servers
///
/// Everything here is constexpr, noexcept and allocation free, and gives a
/// defined answer for any input.
#ifndef SMTP_SEMANTICS_HPP
#define SMTP_SEMANTICS_HPP

#include <smtp/command.hpp>
#include <smtp/enhanced_code.hpp>
#include <smtp/enhanced_status_code.hpp>
#include <smtp/expected_reply.hpp>
#include <smtp/foreign_names.hpp>
#include <smtp/reply_writer.hpp>
#include <smtp/status_code.hpp>

#include <optional>
#include <string_view>

namespace smtp {

/// What a client does after a reply.
enum class Action : int {
    /// 2yz: done; go on with the next command.
    Proceed,
    /// 3yz: the server waits for more (the mail data after 354, the next
    /// AUTH line after 334).
    Continue,
    /// Not done now; the same thing may succeed later (requeue, try again).
    Retry,
    /// Not done; do not repeat it unchanged.
    Fail,
};

/// The enumerator's spelling ("Retry"); empty for a value that is no
/// enumerator.
[[nodiscard]] constexpr std::string_view name(Action action) noexcept {
    switch (action) {
    case Action::Proceed: return "Proceed";
    case Action::Continue: return "Continue";
    case Action::Retry: return "Retry";
    case Action::Fail: return "Fail";
    }
    return {};
}

namespace detail {

// RFC 5321 section 4.5.3.1.10: a 552 answering RCPT is the old "too many
// recipients" code and is temporary. An enhanced code can say the 552 means
// something else; only a class 5 code counts (RFC 2034 section 3: the class
// must match the reply's). These keep the temporary reading:
//   X.0.0  says nothing more (RFC 3463 section 3.1);
//   X.5.3  too many recipients (RFC 3463 section 3.6);
//   X.2.2  mailbox full and X.3.1 mail system full, which RFC 3463 sections
//          3.3 and 3.4 call persistent transient failures.
// Any other class 5 code names a lasting cause, for example X.2.3 or X.3.4
// for a message too big for this recipient, which RFC 1870 section 6.4 says
// not to requeue.
constexpr bool rcpt_552_is_temporary(const std::optional<EnhancedStatusCode>& enhanced) noexcept {
    if (!enhanced || enhanced->status_class != 5) {
        return true;
    }
    const int subject = enhanced->subject;
    const int detail = enhanced->detail;
    return (subject == 0 && detail == 0) || (subject == 5 && detail == 3) ||
           (subject == 2 && detail == 2) || (subject == 3 && detail == 1);
}

} // namespace detail

/// What to do after reply `code` to `answered`: 2yz Proceed, 3yz Continue,
/// 4yz Retry, 5yz Fail, and Fail for anything that is no reply code (outside
/// 200..599). One exception, RFC 5321 section 4.5.3.1.10: 552 answering RCPT
/// means "too many recipients" and is Retry (send the remaining recipients in
/// a later transaction), unless `enhanced` is a class 5 code naming another
/// cause (such as 5.3.4, message too big: RFC 1870 section 6.4); 5.5.3,
/// 5.2.2, 5.3.1 and 5.0.0 keep it Retry. `enhanced` changes nothing else.
[[nodiscard]] constexpr Action next_action(int code, Command answered,
                             std::optional<EnhancedStatusCode> enhanced = {}) noexcept {
    switch (reply_class(code)) {
    case ReplyClass::None: return Action::Fail;
    case ReplyClass::PositiveCompletion: return Action::Proceed;
    case ReplyClass::PositiveIntermediate: return Action::Continue;
    case ReplyClass::TransientNegative: return Action::Retry;
    case ReplyClass::PermanentNegative: break;
    }
    // 5yz.
    const bool too_many_recipients =
        code == 552 && answered == Command::Rcpt && detail::rcpt_552_is_temporary(enhanced);
    return too_many_recipients ? Action::Retry : Action::Fail;
}

/// Whether the server closes the connection after this reply: 221 (closing,
/// normally after QUIT) and 421 (service not available, whatever it answers;
/// RFC 5321 section 3.8).
[[nodiscard]] constexpr bool closes_connection(int code) noexcept {
    return code == 221 || code == 421;
}

} // namespace smtp

#endif // SMTP_SEMANTICS_HPP
