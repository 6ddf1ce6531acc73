// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// The core's entry: explain arguments (codes, names, classes), inputs of
// text (replies, transcripts, mail logs) and emails (bounces, decoded by the
// caller) into a report, text or JSON. The pipeline behind it, one folder
// per step:
//
//   read/      bytes into bounded lines; whether an input is an email
//   extract/   lines and emails into events, one unit per input family
//   analyse/   arguments and events judged: findings
//   report/    items written as text or JSON into an Output
//
// The core touches no file, stream or process state: the program (or a
// WebAssembly page) hands it bytes and takes the report from an OutputSink.
#ifndef SMTP_EXPLAIN_EXPLAIN_HPP
#define SMTP_EXPLAIN_EXPLAIN_HPP

#include "analyse/arguments.hpp"
#include "analyse/judgement.hpp"
#include "extract/events.hpp"
#include "extract/input.hpp"
#include "extract/message.hpp"
#include "read/line_reader.hpp"
#include "report/output.hpp"
#include "report/report.hpp"

#include <smtp/reply.hpp>
#include <smtp/semantics.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain {

/// The form of the report.
enum class Format {
    Text,  ///< one block per item, for people
    Brief, ///< one line per item (--brief)
    Json,  ///< one JSON document (--json)
};

/// What applies to the whole run.
struct Options {
    Format format = Format::Text;
    /// Judge codes, and replies whose command the input does not show, as
    /// answers to this command (--command).
    std::optional<smtp::Command> command;
    /// What the reply parser accepts.
    smtp::ReplyLimits limits;
};

/// One run of the tool: everything it explains goes into one report.
class Explanation {
public:
    /// Starts the report (the JSON form writes its head at once). `output`
    /// must outlive the explanation.
    Explanation(const Options& options, Output& output);
    Explanation(const Explanation&) = delete;
    Explanation& operator=(const Explanation&) = delete;
    ~Explanation();

    /// Explains an argument: a reply code, an enhanced code, an entry of
    /// the registry, a class or a code's name; anything else is reported as
    /// not understood.
    void argument(std::string_view text);
    /// The same for an argument the caller has read already.
    void argument(std::string_view text, const CodeArgument& parsed);

    /// Explains the replies in `text`, an input named `source` in the report.
    void text(std::string_view source, std::string_view text);

    /// Explains an email, decoded (extract/message.hpp), named `source` in
    /// the report: one bounce item for each recipient it reports on, or an
    /// item saying that it holds no bounce.
    void message(std::string_view source, const DecodedMessage& message);

    /// Lists every reply code the library knows (--list).
    void list_codes();
    /// Lists the IANA enhanced status code registry (--list --enhanced).
    void list_registry();
    /// Lists the bounce reasons (--list --reasons).
    void list_reasons();

    /// Ends the report with its summary. True when everything was
    /// understood: the exit status 0.
    bool finish();

private:
    friend class InputReader;

    Options options_;
    ExtractOptions extract_;
    std::unique_ptr<Report> report_;
    Judgement judgement_;
};

/// One input of text read in pieces as they come (a file, standard input):
/// feed() the bytes, then finish().
class InputReader {
public:
    /// `source` names the input in the report; it must outlive the reader.
    InputReader(Explanation& explanation, std::string_view source)
        : extractor_(explanation.judgement_, source, explanation.extract_) {}

    void feed(std::string_view bytes);
    void finish();

private:
    LineReader lines_;
    InputExtractor extractor_;
};

/// Something to explain, for explain().
struct Input {
    enum class Kind {
        Argument, ///< a code, a name or a class, as on the command line
        Text,     ///< replies, a transcript or a mail log
    };
    Kind kind;
    std::string_view text;
    /// The input's name in the report, for Kind::Text.
    std::string_view source = "argument";
};

/// A whole report.
struct Explained {
    std::string report;
    /// Everything was understood (the program's exit status 0).
    bool ok;
};

/// Explains `inputs` in order into one report, as the program does with its
/// arguments: explain(options, {{Input::Kind::Text, pasted}}) gives the
/// report of `smtp-explain -` on the same bytes.
Explained explain(const Options& options, const std::vector<Input>& inputs);

/// What --version prints, in the form `format` asks for, with its newline.
std::string version_text(Format format);

} // namespace smtp_explain

#endif // SMTP_EXPLAIN_EXPLAIN_HPP
