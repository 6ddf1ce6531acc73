// Tests of src/cli/command_line.hpp: the program's options (CLI11) and what
// each argument is.
#include "cli/command_line.hpp"

#include "support/printing.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using smtp_explain::Argument;
using smtp_explain::CommandLine;
using smtp_explain::Format;
using Action = CommandLine::Action;

const std::string tool_dir = SMTP_EXPLAIN_TOOL_DIR;

CommandLine parse(const std::vector<std::string>& arguments) {
    std::vector<std::string> storage{"smtp-explain"};
    storage.insert(storage.end(), arguments.begin(), arguments.end());
    std::vector<const char*> argv;
    for (const std::string& argument : storage) {
        argv.push_back(argument.c_str());
    }
    return smtp_explain::parse_command_line(static_cast<int>(argv.size()), argv.data());
}

// "code:550", "file:...", "stdin:-", "text:...": the arguments in order.
std::vector<std::string> arguments(const CommandLine& line) {
    std::vector<std::string> out;
    for (const Argument& argument : line.arguments) {
        switch (argument.kind) {
        case Argument::Kind::Code: out.push_back("code:" + argument.text); break;
        case Argument::Kind::File: out.push_back("file:" + argument.text); break;
        case Argument::Kind::Stdin: out.push_back("stdin:" + argument.text); break;
        case Argument::Kind::Text: out.push_back("text:" + argument.text); break;
        }
    }
    return out;
}

using Strings = std::vector<std::string>;

TEST_CASE("codes, files, standard input and reply text, in the order given") {
    const std::string log = tool_dir + "/samples/postfix-mail.log";
    const CommandLine line =
        parse({"550", log, "-", "550 5.1.1 No such user", "Bogus", "./no-such-file"});
    CHECK(line.action == Action::Explain);
    CHECK(arguments(line) == Strings{"code:550", "file:" + log, "stdin:-",
                                     "text:550 5.1.1 No such user", "code:Bogus",
                                     "code:./no-such-file"});
    // What is neither a file nor text is reported as the code it is not.
    CHECK(line.arguments[0].code.kind == smtp_explain::CodeArgument::Kind::Basic);
    CHECK(line.arguments[4].code.kind == smtp_explain::CodeArgument::Kind::Invalid);
    CHECK(line.arguments[5].code.kind == smtp_explain::CodeArgument::Kind::NotACode);
}

TEST_CASE("a code wins over a file of its name, and -f reads the file") {
    const std::string dir = tool_dir + "/tests/data";
    const std::string file = dir + "/550";
    CHECK(arguments(parse({"-f", file, file, "-f", "550"})) ==
          Strings{"file:" + file, "file:" + file, "file:550"});
    // An argument that names no code but an existing file is the file.
    CHECK(arguments(parse({dir + "/../data/550"})) == Strings{"file:" + dir + "/../data/550"});
    // A directory is no file to read.
    CHECK(arguments(parse({dir})) == Strings{"code:" + dir});
}

TEST_CASE("options as users expect them: bundled, attached values, '=', and '--'") {
    const CommandLine bundled = parse({"-lj"});
    CHECK(bundled.action == Action::List);
    CHECK(bundled.options.format == Format::Json);
    CHECK(parse({"-le"}).action == Action::ListEnhanced);
    CHECK(parse({"--list", "--enhanced", "--brief"}).options.format == Format::Brief);
    CHECK(parse({"-lr"}).action == Action::ListReasons);
    CHECK(parse({"--list", "--reasons", "--json"}).options.format == Format::Json);

    const CommandLine attached = parse({"-crcpt", "552"});
    CHECK(attached.options.command == smtp::Command::Rcpt);
    CHECK(parse({"--command=dataend", "552"}).options.command == smtp::Command::DataEnd);
    CHECK(parse({"-c", "RCPT", "-c", "quit", "250"}).options.command == smtp::Command::Quit);
    CHECK(arguments(parse({"-fsamples/x.log"})) == Strings{"file:samples/x.log"});
    CHECK(arguments(parse({"--file=a.log", "--file", "b.log"})) ==
          Strings{"file:a.log", "file:b.log"});

    // After "--" everything is a WHAT, also what starts with '-'.
    CHECK(arguments(parse({"550", "--", "--json", "-f"})) ==
          Strings{"code:550", "code:--json", "code:-f"});
    CHECK(parse({"550", "--", "--json"}).options.format == Format::Text);
    // Negative numbers are no options: the placeholder -1.
    CHECK(arguments(parse({"0", "-1"})) == Strings{"code:0", "code:-1"});
}

TEST_CASE("--help and --version win over the rest, in CLI11's way") {
    const CommandLine help = parse({"999", "-h"});
    CHECK(help.action == Action::Help);
    CHECK(help.message.find("Usage: smtp-explain [OPTIONS] [WHAT...]") != std::string::npos);
    CHECK(help.message.find("\nOptions:\n  -h,--help ") != std::string::npos);
    CHECK(help.message.find("Exit status: 0 when everything was understood") != std::string::npos);
    CHECK(parse({"--help"}).message == help.message);

    CHECK(parse({"--version"}).action == Action::Version);
    const CommandLine json = parse({"-V", "--json"});
    CHECK(json.action == Action::Version);
    CHECK(json.options.format == Format::Json);
    CHECK(parse({"550", "--version"}).action == Action::Version);
}

TEST_CASE("--reasons goes with --list, and not with --enhanced") {
    const CommandLine alone = parse({"--reasons"});
    CHECK(alone.action == Action::UsageError);
    CHECK(alone.message == "smtp-explain: --reasons goes with --list (try 'smtp-explain --help')");
    const CommandLine both = parse({"-ler"});
    CHECK(both.action == Action::UsageError);
    CHECK(both.message.find("two lists") != std::string::npos);
}

TEST_CASE("usage errors: one line, starting with the program's name") {
    const std::pair<std::vector<std::string>, std::string> cases[] = {
        {{}, "nothing to explain"},
        {{"--frobnicate"}, "--frobnicate"},
        {{"-z"}, "-z"},
        {{"550", "--command"}, "--command"},
        {{"-f"}, "--file"},
        {{"--command", "bogus", "550"}, "unknown command 'bogus'"},
        {{"-", "-"}, "standard input ('-') given more than once"},
        {{"-f", "-", "-"}, "standard input ('-') given more than once"},
        {{"--json=yes", "550"}, "json"},
        {{"--enhanced"}, "--enhanced goes with --list"},
        {{"--list", "550"}, "--list takes no codes or files"},
        {{"--list", "-f", "x"}, "--list takes no codes or files"},
    };
    for (const auto& c : cases) {
        const std::string& says = c.second;
        const CommandLine line = parse(c.first);
        CAPTURE(line.message);
        CHECK(line.action == Action::UsageError);
        CHECK(line.message.rfind("smtp-explain: ", 0) == 0);
        CHECK(line.message.find(says) != std::string::npos);
        CHECK(line.message.find('\n') == std::string::npos);
        CHECK(line.message.find("(try 'smtp-explain --help')") != std::string::npos);
    }
}

} // namespace
