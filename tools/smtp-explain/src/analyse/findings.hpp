// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The judgement: what the tool notices about a code or a reply beyond its
// meaning (findings), each with a severity, a stable machine-readable kind
// and a sentence for people, and why bytes that should have been a reply
// are none.
#ifndef SMTP_EXPLAIN_ANALYSE_FINDINGS_HPP
#define SMTP_EXPLAIN_ANALYSE_FINDINGS_HPP

#include <smtp/enhanced_status_code.hpp>
#include <smtp/reply.hpp>
#include <smtp/semantics.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain {

/// How much a finding matters.
enum class Severity {
    /// Worth knowing; nothing is wrong.
    Note,
    /// The server strays from the RFCs or the registry; the reply is still
    /// understood.
    Warning,
    /// Not a valid code or reply: the tool exits with 1.
    Error,
};

/// "note", "warning", "error": the severity as both reports spell it.
std::string_view severity_name(Severity severity) noexcept;

/// One thing noticed about a code or a reply.
struct Finding {
    Severity severity;
    /// Stable identifier for scripts ("unusual_pairing").
    std::string_view kind;
    /// A sentence for people, with the RFC behind it.
    std::string message;
};

/// The findings on one item, in the order they were noticed.
using Findings = std::vector<Finding>;

/// Findings about a basic code on its own and as the answer to `answered`.
void analyse_basic(Findings& out, int code, std::optional<smtp::Command> answered,
                   std::optional<smtp::EnhancedStatusCode> enhanced);

/// Findings about an enhanced code, alone or sent with basic code `basic`.
void analyse_enhanced(Findings& out, const smtp::EnhancedStatusCode& code,
                      std::optional<int> basic);

/// Findings about a parsed reply: line lengths, the enhanced code and its
/// pairing, pseudo-codes, and the command it answers. `cut_off`: the input
/// ended inside the reply (ReplyEvent::cut_off), which a note says first.
Findings analyse_reply(const smtp::Reply& reply, std::optional<smtp::Command> answered,
                       bool cut_off = false);

/// A sentence on why `raw` (the bytes handed to parse_reply, one line per
/// line) is no valid reply, naming the line that holds the first offending
/// byte, `error_offset` (ReplyParse::error_offset), where that tells more.
std::string describe_reply_error(smtp::ReplyError error, std::string_view raw,
                                 std::size_t error_offset, const smtp::ReplyLimits& limits);

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_ANALYSE_FINDINGS_HPP
