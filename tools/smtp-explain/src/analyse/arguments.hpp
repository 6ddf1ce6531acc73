// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// What a command-line argument names: a reply code, an enhanced code, a
// class, a registry entry or a code's name, or why it is none of them; and
// the command a --command value names.
#ifndef SMTP_EXPLAIN_ANALYSE_ARGUMENTS_HPP
#define SMTP_EXPLAIN_ANALYSE_ARGUMENTS_HPP

#include <smtp/enhanced_status_code.hpp>
#include <smtp/semantics.hpp>
#include <smtp/status_code.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace smtp_explain {

/// What an argument names, as parse_code_argument reads it.
struct CodeArgument {
    /// The shape the argument has.
    enum class Kind {
        Basic,    ///< 550, a name, or the API's placeholders 0 and -1
        Enhanced, ///< 5.1.1
        Registry, ///< X.1.1
        Class,    ///< 5xx
        Invalid,  ///< shaped like a code or a name, but not one
        NotACode, ///< nothing like a code: maybe a file or reply text
    };
    Kind kind = Kind::NotACode;
    /// Kind::Basic: the reply code.
    int code = 0;
    /// Kind::Enhanced: the code.
    smtp::EnhancedStatusCode enhanced{};
    /// Kind::Registry: the registry's entry.
    const smtp::EnhancedStatusCodeEntry* entry = nullptr;
    /// Kind::Class: the class.
    smtp::ReplyClass reply_class = smtp::ReplyClass::None;
    /// How a name was matched when it was not the exact spelling.
    std::string matched;
    /// Kind::Invalid: why.
    std::string reason;
    /// Kind::Enhanced: written with leading zeros ("5.01.1").
    bool leading_zeros = false;
};

/// What `text` names. Kind::NotACode means it has none of the shapes of a
/// code or a name, so the caller may try it as a file or as reply text.
CodeArgument parse_code_argument(std::string_view text);

/// Whether parse_code_argument found a code, a class, a registry entry or a
/// name in the argument (neither Invalid nor NotACode).
bool names_a_code(const CodeArgument& argument) noexcept;

/// Whether an argument that names no code has the look of a file's path:
/// a '/' or '\\' in it, a leading '~' or '.', or a file name extension of up
/// to four letters and digits ("bounce.eml", "mail.log"). The program reads
/// an existing file before it asks; for one that does not exist, "no such
/// file" says more than "not a code".
bool looks_like_path(std::string_view text) noexcept;

/// The Command a --command option names: the library's spelling or the
/// verb, in any case ("rcpt", "Rcpt", "RCPT", "dataend", "end-of-data").
std::optional<smtp::Command> command_from_option(std::string_view text);

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_ANALYSE_ARGUMENTS_HPP
