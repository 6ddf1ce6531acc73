// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The command a client's line sends, and the command a mail log's words
// name, for the extractors that match replies with what they answer.
#ifndef SMTP_EXPLAIN_EXTRACT_COMMANDS_HPP
#define SMTP_EXPLAIN_EXTRACT_COMMANDS_HPP

#include <smtp/command.hpp>

#include <cstddef>
#include <optional>
#include <string_view>

namespace smtp_explain {

/// The longest command text kept for the report.
inline constexpr std::size_t max_command_text = 120;

/// The command a client line starts with, as SMTP clients send it (RFC 5321
/// section 4.1.1 and the extensions): "RCPT TO:<a@b>" is Rcpt. With
/// `strict`, for lines that carry no prefix saying the client sent them,
/// only the exact shapes count (MAIL must be "MAIL FROM:", DATA alone on its
/// line), so prose that starts with "Data" or "Help" is not a command.
std::optional<smtp::Command> command_from_line(std::string_view line, bool strict);

/// The Command for a verb as logs name it ("RCPT", "END-OF-MESSAGE",
/// "CONNECT", "end of DATA", dma's "final DATA", "pipelined MAIL
/// FROM:<a@b>"); Other for an unknown verb, nothing for no verb at all.
std::optional<smtp::Command> command_from_verb(std::string_view phrase);

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_EXTRACT_COMMANDS_HPP
