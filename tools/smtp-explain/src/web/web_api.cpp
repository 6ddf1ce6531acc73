// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "web/web_api.hpp"

#include "analyse/arguments.hpp"
#include "explain.hpp"
#include "extract/message.hpp"
#include "read/email_input.hpp"
#include "report/output.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#define SMTP_EXPLAIN_EXPORT EMSCRIPTEN_KEEPALIVE
#else
#define SMTP_EXPLAIN_EXPORT
#endif

namespace {

using namespace smtp_explain;

// The last answer, kept for the caller to read.
std::string last_report;
bool last_ok = false;

// The email being handed over, and the content type its parameters go to.
DecodedMessage message;
ContentType* last_type = &message.content_type;

std::string_view view(const char* bytes, std::size_t size) {
    return bytes != nullptr ? std::string_view(bytes, size) : std::string_view();
}

std::optional<Format> format_from_name(std::string_view name) {
    if (name == "text") {
        return Format::Text;
    }
    if (name == "brief") {
        return Format::Brief;
    }
    if (name == "json") {
        return Format::Json;
    }
    return std::nullopt;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The text without the blanks and line ends around it.
std::string_view strip(std::string_view text) {
    while (!text.empty() && is_space(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_space(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

// The program's rule for an argument (cli/command_line.cpp), less files: a
// single word is a code, a name or a class (or not understood); text with a
// blank or a line break is replies. A bare "250" pasted alone is read as the
// code, as `smtp-explain 250` reads it.
Input paste_input(std::string_view bytes, std::string_view source) {
    const std::string_view word = strip(bytes);
    bool single_word = !word.empty();
    for (const char c : word) {
        single_word = single_word && !is_space(c);
    }
    if (single_word) {
        return Input{Input::Kind::Argument, word, source};
    }
    return Input{Input::Kind::Text, bytes, source};
}

const char* answer(Explained explained) {
    last_report = std::move(explained.report);
    last_ok = explained.ok;
    return last_report.c_str();
}

const char* refuse() {
    last_report.clear();
    last_ok = false;
    return nullptr;
}

// The options named as the program's, or nothing for a name it has not.
std::optional<Options> options_from(const char* format, const char* command) {
    const std::optional<Format> chosen = format_from_name(format != nullptr ? format : "");
    if (!chosen) {
        return std::nullopt;
    }
    Options options;
    options.format = *chosen;
    if (command != nullptr && *command != '\0') {
        options.command = command_from_option(command);
        if (!options.command) {
            return std::nullopt;
        }
    }
    return options;
}

// The email as the program explains one read with GMime: one bounce item for
// each recipient it reports on, or an item saying that it holds no bounce.
Explained explain_message(const Options& options, std::string_view source,
                          const DecodedMessage& email) {
    StringSink sink;
    bool ok = false;
    {
        Output output(sink);
        Explanation explanation(options, output);
        explanation.message(source, email);
        ok = explanation.finish();
    }
    return Explained{sink.text(), ok};
}

} // namespace

extern "C" {

SMTP_EXPLAIN_EXPORT const char* smtp_explain_paste(const char* bytes, std::size_t size,
                                                   const char* source, const char* format,
                                                   const char* command) {
    const std::optional<Options> options = options_from(format, command);
    if (!options) {
        return refuse();
    }
    const std::string_view name(source != nullptr ? source : "");
    return answer(
        explain(*options, {paste_input(view(bytes, size), name.empty() ? "pasted text" : name)}));
}

SMTP_EXPLAIN_EXPORT int smtp_explain_looks_like_email(const char* bytes, std::size_t size) {
    return looks_like_email(view(bytes, size)) ? 1 : 0;
}

SMTP_EXPLAIN_EXPORT void smtp_explain_message_begin() {
    message = DecodedMessage{};
    last_type = &message.content_type;
}

SMTP_EXPLAIN_EXPORT void smtp_explain_message_header(const char* name, std::size_t name_size,
                                                     const char* value, std::size_t value_size) {
    message.headers.push_back(
        HeaderField{std::string(view(name, name_size)), std::string(view(value, value_size))});
}

SMTP_EXPLAIN_EXPORT void smtp_explain_message_type(const char* type, std::size_t type_size) {
    message.content_type = ContentType{std::string(view(type, type_size)), {}};
    last_type = &message.content_type;
}

SMTP_EXPLAIN_EXPORT void smtp_explain_message_part(const char* type, std::size_t type_size,
                                                   const char* text, std::size_t text_size,
                                                   int in_original) {
    MessagePart part;
    part.content_type.type = std::string(view(type, type_size));
    part.text = std::string(view(text, text_size));
    part.in_original = in_original != 0;
    message.parts.push_back(std::move(part));
    last_type = &message.parts.back().content_type;
}

SMTP_EXPLAIN_EXPORT void smtp_explain_message_parameter(const char* name, std::size_t name_size,
                                                        const char* value,
                                                        std::size_t value_size) {
    last_type->parameters.push_back(
        Parameter{std::string(view(name, name_size)), std::string(view(value, value_size))});
}

SMTP_EXPLAIN_EXPORT const char* smtp_explain_message(const char* source, const char* format,
                                                     const char* command) {
    const std::optional<Options> options = options_from(format, command);
    if (!options) {
        return refuse();
    }
    const std::string_view name(source != nullptr ? source : "");
    return answer(explain_message(*options, name.empty() ? "email" : name, message));
}

SMTP_EXPLAIN_EXPORT std::size_t smtp_explain_report_size() { return last_report.size(); }

SMTP_EXPLAIN_EXPORT int smtp_explain_report_ok() { return last_ok ? 1 : 0; }

SMTP_EXPLAIN_EXPORT const char* smtp_explain_version(const char* format) {
    const std::optional<Format> chosen = format_from_name(format != nullptr ? format : "");
    if (!chosen || *chosen == Format::Brief) {
        return refuse();
    }
    last_report = version_text(*chosen);
    last_ok = true;
    return last_report.c_str();
}

} // extern "C"
