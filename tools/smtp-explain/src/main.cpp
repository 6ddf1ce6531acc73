// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The program: the command line in, the core's report out. Exit status: 0
// when everything was understood, 1 when something was not a valid code or
// reply or an email held no bounce, 2 for a usage error, an unreadable file,
// an email too large to read or a failed write (one line on stderr).
#include "cli/command_line.hpp"
#include "cli/file_input.hpp"
#include "explain.hpp"
#include "read/email_input.hpp"
#include "report/output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace smtp_explain;

struct CloseFile {
    void operator()(std::FILE* file) const noexcept { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, CloseFile>;

void complain(const std::string& message) {
    std::fprintf(stderr, "smtp-explain: %s\n", message.c_str());
}

// 0, or 2 with a line on stderr when standard output took not everything.
int written(const FileSink& sink, int status) {
    if (sink.error() == 0) {
        return status;
    }
    complain(std::string("cannot write the report: ") + std::strerror(sink.error()));
    return 2;
}

int print(FileSink& sink, std::string_view text) {
    sink.write(text);
    return written(sink, 0);
}

int run(const CommandLine& command_line) {
    FileSink sink(stdout);
    switch (command_line.action) {
    case CommandLine::Action::UsageError:
        std::fprintf(stderr, "%s\n", command_line.message.c_str());
        return 2;
    case CommandLine::Action::Help: return print(sink, command_line.message);
    case CommandLine::Action::Version:
        return print(sink, version_text(command_line.options.format));
    case CommandLine::Action::List:
    case CommandLine::Action::ListEnhanced:
    case CommandLine::Action::ListReasons:
    case CommandLine::Action::Explain: break;
    }

    // Every file opens before anything is explained: a usage error leaves
    // standard output empty.
    std::vector<File> files;
    for (const Argument& argument : command_line.arguments) {
        if (argument.kind == Argument::Kind::File) {
            files.emplace_back(std::fopen(argument.text.c_str(), "rb"));
            if (!files.back()) {
                complain("cannot read '" + argument.text + "': " + std::strerror(errno));
                return 2;
            }
        }
    }

    bool read_failed = false;
    Output output(sink);
    Explanation explanation(command_line.options, output);
    if (command_line.action == CommandLine::Action::List) {
        explanation.list_codes();
    } else if (command_line.action == CommandLine::Action::ListEnhanced) {
        explanation.list_registry();
    } else if (command_line.action == CommandLine::Action::ListReasons) {
        explanation.list_reasons();
    }
    auto next_file = files.begin();
    for (const Argument& argument : command_line.arguments) {
        switch (argument.kind) {
        case Argument::Kind::Code: explanation.argument(argument.text, argument.code); break;
        case Argument::Kind::Text: explanation.text("argument", argument.text); break;
        case Argument::Kind::Stdin:
        case Argument::Kind::File: {
            std::FILE* file = argument.kind == Argument::Kind::Stdin ? stdin : (next_file++)->get();
            switch (read_input(file, explanation, argument.text)) {
            case ReadStatus::Ok: break;
            case ReadStatus::Failed:
                complain("error reading '" + argument.text + "'");
                read_failed = true;
                break;
            case ReadStatus::TooLarge:
                complain("'" + argument.text + "' is an email larger than " +
                         std::to_string(max_email_size >> 20) + " MiB: not read");
                read_failed = true;
                break;
            }
            break;
        }
        }
    }
    const bool ok = explanation.finish();
    output.flush();
    return written(sink, read_failed ? 2 : ok ? 0 : 1);
}

} // namespace

int main(int argc, char** argv) { return run(smtp_explain::parse_command_line(argc, argv)); }
