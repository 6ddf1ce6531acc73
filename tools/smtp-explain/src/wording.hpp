// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The tool's wording around the library's facts, shared by the analysis
// (findings are sentences) and both reports: how a class, an action or a
// command is said to a person, which commands a code answers, and how the
// registry's entries are named. Every fact about a code itself comes from
// the library.
#ifndef SMTP_EXPLAIN_WORDING_HPP
#define SMTP_EXPLAIN_WORDING_HPP

#include <smtp/enhanced_status_code.hpp>
#include <smtp/semantics.hpp>
#include <smtp/status_code.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain {

/// "permanent negative (5yz)": the class as RFC 5321 section 4.2.1 names it
/// (the library's description), with its digit.
std::string class_phrase(smtp::ReplyClass reply_class);

/// What the class says happened, in a few words.
std::string_view class_meaning(smtp::ReplyClass reply_class) noexcept;

/// What a client does next, in a sentence.
std::string_view action_advice(smtp::Action action) noexcept;

/// What a bounce's verdict means for the sender of the message, in a
/// sentence.
std::string_view bounce_advice(smtp::Action action) noexcept;

/// The action the class of an enhanced code implies (RFC 3463 section 3.1):
/// next_action for the class's x00 code (None is 0, which is Fail).
smtp::Action action_for_class(smtp::ReplyClass reply_class) noexcept;

/// A command as a person reads it in a transcript: "RCPT TO", "end of data".
std::string_view command_phrase(smtp::Command command) noexcept;

/// The commands whose listed replies include `code` (is_expected_reply),
/// Other left out because it accepts everything.
std::vector<smtp::Command> commands_answered_by(int code);

/// "X.1.1": a registry entry, or the subject and detail of an enhanced code
/// whatever its class.
std::string registry_code(int subject, int detail);

/// "451, 550", "any code", "451, 550 and any 5yz code": the registry's
/// associated basic codes as a phrase.
std::string basic_codes_phrase(const smtp::AssociatedBasicCodes& codes);

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_WORDING_HPP
