// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The command line: parse the arguments, then explain each in order.
// Exit status: 0 when everything was understood, 1 when something was not a
// valid code or reply, 2 for a usage error (one line on stderr).
#include "arguments.hpp"
#include "facts.hpp"
#include "json_report.hpp"
#include "report.hpp"
#include "text.hpp"
#include "text_report.hpp"
#include "transcript.hpp"

#include <smtp/enhanced_status_code.hpp>
#include <smtp/semantics.hpp>
#include <smtp/status_code.hpp>
#include <smtp/version.hpp>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace smtp_explain {
namespace {

constexpr std::string_view help_text =
    R"(Usage: smtp-explain [OPTIONS] [--] WHAT...

Says what SMTP reply codes, enhanced status codes and whole server replies
mean, and what a client should do next.

WHAT is any of:
  550, 421            a reply code
  5.1.1, 4.7.500      an enhanced status code (RFC 3463)
  X.1.1               an entry of the IANA enhanced status code registry
  5xx                 a whole class of replies
  MailboxBusy         a code's name (also .NET's, MailKit's and Aspose's names)
  -                   replies, a session transcript or a mail log on stdin
  FILE                the same, from a file (an argument that is no code)
  "550 5.1.1 text"    reply text given as one argument (it has a space)

Input may be raw replies back to back; a transcript with client and server
lines marked as tools print them (S:/C:, <<</>>>, swaks's <-/->/<~/~>/<**,
msmtp's <--/-->, curl's </>, exim's SMTP<</SMTP>>, Python smtplib's
send:/reply:), or typed by hand (telnet, openssl s_client); Postfix and Exim
log lines; or a bounce (Diagnostic-Code:, Status:, "host ... said: ...").
Each reply is explained with the command it answers when the input shows it.

Options:
  -f, --file FILE      read FILE even if its name looks like a code
  -c, --command CMD    judge codes, and replies whose command the input does
                       not show, as answers to CMD (greeting, helo, ehlo,
                       mail, rcpt, data, dataend, bdat, rset, vrfy, expn,
                       help, noop, quit, auth, starttls)
  -l, --list           list every reply code the library knows
  -e, --enhanced       with --list: list the IANA enhanced status code registry
  -b, --brief          one line per code or reply (text output)
  -j, --json           write one JSON document (see tools/smtp-explain/README.md)
  -h, --help           show this help
  -V, --version        show the version

Exit status: 0 when everything was understood (codes no table lists, such
as 571 or 4.7.500, are understood by their class), 1 when something was not
a valid code or reply, or an input held no reply, 2 for a usage error.

Examples:
  smtp-explain 550 5.1.1
  smtp-explain --command rcpt 552
  printf '550-5.1.1 No such user\r\n550 5.1.1 here\r\n' | smtp-explain -
  grep 'status=bounced' /var/log/mail.log | smtp-explain -
)";

struct Input {
    enum class Kind { Code, File, Stdin, Text };
    Kind kind;
    std::string_view text;   // the argument
    CodeArgument code;       // Kind::Code
    std::FILE* file = nullptr;
};

[[noreturn]] void usage_error(const std::string& message) {
    std::fprintf(stderr, "smtp-explain: %s (try 'smtp-explain --help')\n", message.c_str());
    std::exit(2);
}

// An existing file of any type but a directory: regular files, and also
// pipes such as the /dev/fd/63 of a shell's <(grep ... mail.log).
bool is_readable_file(const char* path) {
    std::error_code error;
    const std::filesystem::path name(path);
    return std::filesystem::exists(name, error) && !std::filesystem::is_directory(name, error);
}

std::FILE* open_or_fail(const char* path) {
    std::FILE* file = std::fopen(path, "rb");
    if (file == nullptr) {
        std::fprintf(stderr, "smtp-explain: cannot read '%s': %s\n", path, std::strerror(errno));
        std::exit(2);
    }
    return file;
}

bool has_blank_or_newline(std::string_view text) {
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
    }
    return false;
}

void explain_code(Report& report, const Input& input, std::optional<smtp::Command> command) {
    const CodeArgument& code = input.code;
    switch (code.kind) {
    case CodeArgument::Kind::Basic: {
        BasicItem item{input.text, code.code, code.matched, command, {}};
        if (smtp::reply_class(code.code) != smtp::ReplyClass::None) {
            analyse_basic(item.findings, code.code, command, std::nullopt);
        }
        report.basic(item);
        return;
    }
    case CodeArgument::Kind::Enhanced: {
        EnhancedItem item{input.text, code.enhanced, {}};
        if (code.leading_zeros) {
            item.findings.push_back(
                {Severity::Warning, "leading_zeros",
                 "Written with leading zeros, which RFC 3463 section 2 does not allow; read as " +
                     std::string(smtp::to_text(code.enhanced).view()) + "."});
        }
        analyse_enhanced(item.findings, code.enhanced, std::nullopt);
        report.enhanced(item);
        return;
    }
    case CodeArgument::Kind::Registry: report.registry_entry(input.text, *code.entry); return;
    case CodeArgument::Kind::Class:
        report.reply_class(ClassItem{input.text, code.reply_class});
        return;
    case CodeArgument::Kind::Invalid: report.invalid_argument(input.text, code.reason); return;
    case CodeArgument::Kind::NotACode:
        report.invalid_argument(input.text,
                                "not a reply code, an enhanced code, a code's name or a file");
        return;
    }
}

int run(int argc, char** argv) {
    bool json = false;
    bool brief = false;
    bool list = false;
    bool enhanced = false;
    bool help = false;
    bool version = false;
    std::optional<smtp::Command> command;
    std::vector<Input> inputs;
    bool stdin_used = false;
    bool options_done = false;

    auto add_stdin = [&](std::string_view text) {
        if (stdin_used) {
            usage_error("standard input ('-') given more than once");
        }
        stdin_used = true;
        inputs.push_back(Input{Input::Kind::Stdin, text, {}, stdin});
    };
    auto add_file = [&](const char* path) {
        if (std::string_view(path) == "-") {
            add_stdin(path);
            return;
        }
        inputs.push_back(Input{Input::Kind::File, path, {}, open_or_fail(path)});
    };
    auto set_command = [&](std::string_view value) {
        command = command_from_option(value);
        if (!command) {
            usage_error("unknown command '" + std::string(value) +
                        "' for --command (rcpt, mail, dataend, ...)");
        }
    };

    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool looks_negative_number =
            arg.size() > 1 && arg[0] == '-' && detail::all_digits(arg.substr(1));
        if (options_done || arg == "-" || arg.empty() || arg[0] != '-' || looks_negative_number) {
            if (arg == "-") {
                add_stdin(arg);
                continue;
            }
            CodeArgument code = parse_code_argument(arg);
            const bool valid = code.kind != CodeArgument::Kind::Invalid &&
                               code.kind != CodeArgument::Kind::NotACode;
            if (valid) {
                inputs.push_back(Input{Input::Kind::Code, arg, std::move(code), nullptr});
            } else if (is_readable_file(argv[i])) {
                add_file(argv[i]);
            } else if (has_blank_or_newline(arg)) {
                inputs.push_back(Input{Input::Kind::Text, arg, {}, nullptr});
            } else {
                inputs.push_back(Input{Input::Kind::Code, arg, std::move(code), nullptr});
            }
            continue;
        }
        if (arg == "--") {
            options_done = true;
            continue;
        }
        if (arg.substr(0, 2) == "--") {
            const std::size_t equals = arg.find('=');
            const std::string_view name = arg.substr(2, equals == std::string_view::npos
                                                            ? std::string_view::npos
                                                            : equals - 2);
            const bool has_value = equals != std::string_view::npos;
            auto value = [&]() -> std::string_view {
                if (has_value) {
                    return arg.substr(equals + 1);
                }
                if (i + 1 >= argc) {
                    usage_error("option '--" + std::string(name) + "' needs a value");
                }
                return argv[++i];
            };
            auto no_value = [&]() {
                if (has_value) {
                    usage_error("option '--" + std::string(name) + "' takes no value");
                }
            };
            if (name == "brief") {
                no_value();
                brief = true;
            } else if (name == "json") {
                no_value();
                json = true;
            } else if (name == "list") {
                no_value();
                list = true;
            } else if (name == "enhanced") {
                no_value();
                enhanced = true;
            } else if (name == "help") {
                no_value();
                help = true;
            } else if (name == "version") {
                no_value();
                version = true;
            } else if (name == "file") {
                const std::string_view path = value();
                // argv strings are NUL-terminated; a "--file=x" value is too.
                add_file(path.data());
            } else if (name == "command") {
                set_command(value());
            } else {
                usage_error("unknown option '" + std::string(arg) + "'");
            }
            continue;
        }
        // Short options, possibly bundled: -lj, -fFILE, -c rcpt.
        for (std::size_t k = 1; k < arg.size(); ++k) {
            const char c = arg[k];
            auto value = [&]() -> std::string_view {
                if (k + 1 < arg.size()) {
                    const std::string_view attached = arg.substr(k + 1);
                    k = arg.size();
                    return attached;
                }
                if (i + 1 >= argc) {
                    usage_error(std::string("option '-") + c + "' needs a value");
                }
                return argv[++i];
            };
            switch (c) {
            case 'b': brief = true; break;
            case 'j': json = true; break;
            case 'l': list = true; break;
            case 'e': enhanced = true; break;
            case 'h': help = true; break;
            case 'V': version = true; break;
            case 'f': add_file(value().data()); break;
            case 'c': set_command(value()); break;
            default: usage_error(std::string("unknown option '-") + c + "'");
            }
        }
    }

    if (help) {
        std::fwrite(help_text.data(), 1, help_text.size(), stdout);
        return std::fflush(stdout) == 0 ? 0 : 2;
    }
    if (version) {
        const std::string number = version_string();
        if (json) {
            std::printf("{\"tool\":\"smtp-explain\",\"version\":\"%s\",\"registry\":\"%.*s\"}\n",
                        number.c_str(),
                        static_cast<int>(smtp::enhanced_status_code_registry_updated.size()),
                        smtp::enhanced_status_code_registry_updated.data());
        } else {
            std::printf("smtp-explain %s (smtp-status %s, IANA enhanced status code registry "
                        "of %.*s)\n",
                        number.c_str(), number.c_str(),
                        static_cast<int>(smtp::enhanced_status_code_registry_updated.size()),
                        smtp::enhanced_status_code_registry_updated.data());
        }
        return std::fflush(stdout) == 0 ? 0 : 2;
    }
    if (enhanced && !list) {
        usage_error("--enhanced goes with --list");
    }
    if (list && !inputs.empty()) {
        usage_error("--list takes no codes or files");
    }
    if (!list && inputs.empty()) {
        usage_error("nothing to explain: give a code, a name, '-' for standard input, or a file");
    }

    Output output(stdout);
    std::unique_ptr<Report> report;
    if (json) {
        report = std::make_unique<JsonReport>(output);
    } else {
        report = std::make_unique<TextReport>(output, brief);
    }

    if (list) {
        if (enhanced) {
            for (const smtp::EnhancedStatusCodeEntry& entry : smtp::enhanced_status_code_registry) {
                report->registry_entry({}, entry);
            }
        } else {
            for (const smtp::SmtpStatusCode code : smtp::all_status_codes) {
                report->basic(BasicItem{{}, smtp::value(code), {}, std::nullopt, {}});
            }
        }
        report->finish(true);
        return output.failed() ? 2 : 0;
    }

    ReaderOptions options;
    options.default_command = command;
    bool read_failed = false;
    for (Input& input : inputs) {
        switch (input.kind) {
        case Input::Kind::Code: explain_code(*report, input, command); break;
        case Input::Kind::Text: {
            Transcript transcript(*report, "argument", options);
            read_text(input.text, transcript);
            break;
        }
        case Input::Kind::Stdin:
        case Input::Kind::File: {
            Transcript transcript(*report, input.text, options);
            if (!read_lines(input.file, transcript)) {
                std::fprintf(stderr, "smtp-explain: error reading '%.*s'\n",
                             static_cast<int>(input.text.size()), input.text.data());
                read_failed = true;
            }
            if (input.kind == Input::Kind::File) {
                std::fclose(input.file);
            }
            break;
        }
        }
    }
    const bool ok = report->errors() == 0;
    report->finish(ok);
    if (read_failed || output.failed()) {
        return 2;
    }
    return ok ? 0 : 1;
}

} // namespace
} // namespace smtp_explain

int main(int argc, char** argv) { return smtp_explain::run(argc, argv); }
