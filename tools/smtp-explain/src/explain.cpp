// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "explain.hpp"

#include "extract/bounce.hpp"
#include "report/json_report.hpp"
#include "report/text_report.hpp"

#include <smtp/bounce_reason.hpp>
#include <smtp/enhanced_status_code.hpp>
#include <smtp/status_code.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smtp_explain {

namespace {

std::unique_ptr<Report> make_report(Format format, Output& output) {
    switch (format) {
    case Format::Text: return std::make_unique<TextReport>(output, false);
    case Format::Brief: return std::make_unique<TextReport>(output, true);
    case Format::Json: return std::make_unique<JsonReport>(output);
    }
    return std::make_unique<TextReport>(output, false);
}

// An extractor's recipients, each judged and reported as it comes.
class ToJudgement final : public BounceSink {
public:
    ToJudgement(MessageSink& sink, std::string_view source) : sink_(sink), source_(source) {}
    void add(BounceRecipient&& recipient) override {
        sink_.bounce(BounceEvent{source_, recipient});
    }

private:
    MessageSink& sink_;
    std::string_view source_;
};

} // namespace

Explanation::Explanation(const Options& options, Output& output)
    : options_(options), extract_{options.command, options.limits},
      report_(make_report(options.format, output)), judgement_(*report_, extract_.limits) {}

Explanation::~Explanation() = default;

void Explanation::argument(std::string_view text) { argument(text, parse_code_argument(text)); }

void Explanation::argument(std::string_view text, const CodeArgument& parsed) {
    judge_argument(*report_, text, parsed, options_.command);
}

void Explanation::text(std::string_view source, std::string_view text) {
    InputReader reader(*this, source);
    reader.feed(text);
    reader.finish();
}

void Explanation::message(std::string_view source, const DecodedMessage& message) {
    ToJudgement sink(judgement_, source);
    if (extract_bounce(message, sink) == 0) {
        judgement_.no_bounce(NoBounceEvent{source, message.parts.size()});
    }
}

void Explanation::list_codes() {
    for (const smtp::SmtpStatusCode code : smtp::all_status_codes) {
        report_->basic(BasicItem{{}, smtp::value(code), {}, std::nullopt, {}});
    }
}

void Explanation::list_registry() {
    for (const smtp::EnhancedStatusCodeEntry& entry : smtp::enhanced_status_code_registry) {
        report_->registry_entry({}, entry);
    }
}

void Explanation::list_reasons() {
    for (const smtp::BounceReason reason : smtp::all_bounce_reasons) {
        report_->bounce_reason(reason);
    }
}

bool Explanation::finish() {
    const bool ok = report_->errors() == 0;
    report_->finish(ok);
    return ok;
}

void InputReader::feed(std::string_view bytes) {
    Line line{};
    while (lines_.next(bytes, line)) {
        extractor_.line(line);
    }
}

void InputReader::finish() {
    Line line{};
    if (lines_.last(line)) {
        extractor_.line(line);
    }
    extractor_.finish(lines_.lines(), lines_.looks_binary());
}

Explained explain(const Options& options, const std::vector<Input>& inputs) {
    StringSink sink;
    bool ok = false;
    {
        Output output(sink);
        Explanation explanation(options, output);
        for (const Input& input : inputs) {
            switch (input.kind) {
            case Input::Kind::Argument: explanation.argument(input.text); break;
            case Input::Kind::Text: explanation.text(input.source, input.text); break;
            }
        }
        ok = explanation.finish();
    }
    return Explained{sink.text(), ok};
}

std::string version_text(Format format) {
    const std::string version = version_string();
    const std::string_view registry = smtp::enhanced_status_code_registry_updated;
    std::string out;
    switch (format) {
    case Format::Json: {
        JsonObject o(out);
        o.string("tool", "smtp-explain");
        o.string("version", version);
        o.string("registry", registry);
        o.close();
        break;
    }
    case Format::Text:
    case Format::Brief:
        out = "smtp-explain " + version + " (smtp-status " + version +
              ", IANA enhanced status code registry of " + std::string(registry) + ")";
        break;
    }
    out += '\n';
    return out;
}

} // namespace smtp_explain
