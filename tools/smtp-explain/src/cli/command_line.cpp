// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "cli/command_line.hpp"

#include "analyse/arguments.hpp"
#include "explain.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace smtp_explain {

namespace {

constexpr const char* description =
    "Says what SMTP reply codes, enhanced status codes and whole server replies\n"
    "mean, and what a client should do next.";

constexpr const char* footer = R"(WHAT is any of:
  550, 421            a reply code
  5.1.1, 4.7.500      an enhanced status code (RFC 3463)
  X.1.1               an entry of the IANA enhanced status code registry
  5xx                 a whole class of replies
  MailboxBusy         a code's name (also .NET's, MailKit's and Aspose's names)
  -                   replies, a transcript, a mail log or an email on stdin
  FILE                the same, from a file (an argument that is no code)
  "550 5.1.1 text"    reply text given as one argument (it has a space)

Input may be raw replies back to back; a transcript with client and server
lines marked as tools print them (S:/C:, <<</>>>, swaks's <-/->/<~/~>/<**,
msmtp's <--/-->, curl's </>, exim's SMTP<</SMTP>>, Python smtplib's
send:/reply:), or typed by hand (telnet, openssl s_client); Postfix and Exim
log lines; or a bounce's text (Diagnostic-Code:, Status:, "host ... said:").
Each reply is explained with the command it answers when the input shows it.
An email (a bounce, a feedback report, an auto-reply) is read whole and
explained per recipient: status, reply code, reason, whether the address is
bad, and what to do with the message.

Exit status: 0 when everything was understood (codes no table lists, such
as 571 or 4.7.500, are understood by their class), 1 when something was not
a valid code or reply, an input held no reply or an email no bounce, 2 for a
usage error, a file that cannot be read, an email over 32 MiB or a report
that cannot be written.

Examples:
  smtp-explain 550 5.1.1
  smtp-explain --command rcpt 552
  printf '550-5.1.1 No such user\r\n550 5.1.1 here\r\n' | smtp-explain -
  grep 'status=bounced' /var/log/mail.log | smtp-explain -
  smtp-explain --json bounce.eml)";

// An existing file of any type but a directory: regular files, and also
// pipes such as the /dev/fd/63 of a shell's <(grep ... mail.log).
bool is_readable_file(const std::string& path) {
    std::error_code error;
    const std::filesystem::path name(path);
    return std::filesystem::exists(name, error) && !std::filesystem::is_directory(name, error);
}

bool has_blank_or_newline(std::string_view text) {
    return text.find_first_of(" \t\r\n") != std::string_view::npos;
}

CommandLine usage_error(std::string message) {
    for (char& c : message) {
        if (c == '\n' || c == '\r') {
            c = ' '; // one line on stderr, always
        }
    }
    CommandLine out;
    out.action = CommandLine::Action::UsageError;
    out.message = "smtp-explain: " + message + " (try 'smtp-explain --help')";
    return out;
}

} // namespace

CommandLine parse_command_line(int argc, const char* const* argv) {
    CLI::App app{description, "smtp-explain"};
    app.get_formatter()->column_width(24);
    app.footer(footer);

    std::vector<std::string> what;
    std::vector<std::string> files;
    std::string command;
    bool list = false;
    bool enhanced = false;
    bool reasons = false;
    bool brief = false;
    bool json = false;
    bool version = false;

    const CLI::Option* what_option =
        app.add_option("WHAT", what, "what to explain, in order (below)")->type_name("");
    const CLI::Option* file_option = app.add_option("-f,--file", files,
                                                    "read FILE even if its name looks like a code\n"
                                                    "('-' for standard input)")
                                         ->type_name("FILE")
                                         ->allow_extra_args(false);
    app.add_option("-c,--command", command,
                   "judge codes, and replies whose command the input\n"
                   "does not show, as answers to CMD (greeting, helo,\n"
                   "ehlo, mail, rcpt, data, dataend, bdat, rset, vrfy,\n"
                   "expn, help, noop, quit, auth, starttls)")
        ->type_name("CMD")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)
        ->check(CLI::Validator(
            [](const std::string& value) {
                return command_from_option(value)
                           ? std::string()
                           : "unknown command '" + value + "' (rcpt, mail, dataend, ...)";
            },
            ""));
    app.add_flag("-l,--list", list, "list every reply code the library knows")
        ->disable_flag_override();
    app.add_flag("-e,--enhanced", enhanced,
                 "with --list: list the IANA enhanced status code\nregistry")
        ->disable_flag_override();
    app.add_flag("-r,--reasons", reasons,
                 "with --list: list the bounce reasons a bounce's\nrecipients are given")
        ->disable_flag_override();
    app.add_flag("-b,--brief", brief, "one line per code or reply (text output)")
        ->disable_flag_override();
    app.add_flag("-j,--json", json, "write one JSON document")->disable_flag_override();
    app.add_flag("-V,--version", version, "Display program version information and exit")
        ->disable_flag_override();

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        CommandLine out;
        out.action = CommandLine::Action::Help;
        out.message = app.help();
        return out;
    } catch (const CLI::ParseError& error) {
        return usage_error(error.what());
    }

    CommandLine out;
    out.options.format = json ? Format::Json : brief ? Format::Brief : Format::Text;
    if (!command.empty()) {
        out.options.command = command_from_option(command);
    }
    if (version) {
        out.action = CommandLine::Action::Version;
        return out;
    }
    if (enhanced && !list) {
        return usage_error("--enhanced goes with --list");
    }
    if (reasons && !list) {
        return usage_error("--reasons goes with --list");
    }
    if (enhanced && reasons) {
        return usage_error("--enhanced and --reasons are two lists: give one");
    }
    if (list) {
        if (!what.empty() || !files.empty()) {
            return usage_error("--list takes no codes or files");
        }
        out.action = enhanced  ? CommandLine::Action::ListEnhanced
                     : reasons ? CommandLine::Action::ListReasons
                               : CommandLine::Action::List;
        return out;
    }
    if (what.empty() && files.empty()) {
        return usage_error(
            "nothing to explain: give a code, a name, '-' for standard input, or a file");
    }

    // The arguments in the order they were given, files and codes mixed.
    std::size_t next_what = 0;
    std::size_t next_file = 0;
    bool stdin_used = false;
    for (const CLI::Option* option : app.parse_order()) {
        const bool is_file = option == file_option;
        if (!is_file && option != what_option) {
            continue;
        }
        std::string& text = is_file ? files[next_file++] : what[next_what++];
        Argument argument{Argument::Kind::Code, std::move(text), {}};
        if (argument.text == "-") {
            if (stdin_used) {
                return usage_error("standard input ('-') given more than once");
            }
            stdin_used = true;
            argument.kind = Argument::Kind::Stdin;
        } else if (is_file) {
            argument.kind = Argument::Kind::File;
        } else {
            argument.code = parse_code_argument(argument.text);
            // A code wins over a file of that name (-f reads the file); what
            // is no code may be a file, else reply text, else a bad code.
            if (names_a_code(argument.code)) {
                argument.kind = Argument::Kind::Code;
            } else if (is_readable_file(argument.text)) {
                argument.kind = Argument::Kind::File;
            } else if (has_blank_or_newline(argument.text)) {
                argument.kind = Argument::Kind::Text;
            }
        }
        out.arguments.push_back(std::move(argument));
    }
    return out;
}

} // namespace smtp_explain
