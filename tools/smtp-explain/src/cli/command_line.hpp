// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The program's command line, read with CLI11: the options, and what each
// argument is (a code for the core, a file, standard input, or reply text).
#ifndef SMTP_EXPLAIN_CLI_COMMAND_LINE_HPP
#define SMTP_EXPLAIN_CLI_COMMAND_LINE_HPP

#include "analyse/arguments.hpp"
#include "explain.hpp"

#include <string>
#include <vector>

namespace smtp_explain {

/// One argument to explain, in command-line order.
struct Argument {
    enum class Kind {
        Code,  ///< a code, name or class, or something that is none of them
        File,  ///< a file to read (an existing one, or one named by -f)
        Stdin, ///< '-'
        Text,  ///< reply text given as the argument itself
    };
    Kind kind;
    std::string text;
    /// For Kind::Code: what the argument names.
    CodeArgument code;
};

/// What the command line asks for.
struct CommandLine {
    enum class Action {
        Explain,      ///< explain `arguments`
        List,         ///< --list
        ListEnhanced, ///< --list --enhanced
        ListReasons,  ///< --list --reasons
        Help,         ///< --help: print `message` and exit 0
        Version,      ///< --version
        UsageError,   ///< print `message` on stderr and exit 2
    };
    Action action = Action::Explain;
    Options options;
    std::vector<Argument> arguments;
    /// The help text, or the usage error's one line (without its newline).
    std::string message;
};

/// Reads the command line. Never exits: errors come back as
/// Action::UsageError.
CommandLine parse_command_line(int argc, const char* const* argv);

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_CLI_COMMAND_LINE_HPP
