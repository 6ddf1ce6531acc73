// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
#include "analyse/arguments.hpp"

#include "text.hpp"

#include <smtp/case_insensitive.hpp>
#include <smtp/command.hpp>
#include <smtp/enhanced_status_code.hpp>
#include <smtp/semantics.hpp>
#include <smtp/status_code.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace smtp_explain {

namespace {

bool all_digits(std::string_view text) noexcept {
    if (text.empty()) {
        return false;
    }
    for (const char c : text) {
        if (!is_digit(c)) {
            return false;
        }
    }
    return true;
}

bool is_identifier(std::string_view text) noexcept {
    if (text.empty() || !is_alpha(text[0])) {
        return false;
    }
    for (const char c : text) {
        if (!is_alpha(c) && !is_digit(c) && c != '_') {
            return false;
        }
    }
    return true;
}

// ".NET", ".NET and MailKit", ".NET, MailKit and Aspose.Email".
std::string api_names(const smtp::ForeignName& foreign) {
    std::string names[3];
    std::size_t count = 0;
    for (const smtp::ForeignApi api :
         {smtp::ForeignApi::DotNet, smtp::ForeignApi::MailKit, smtp::ForeignApi::Aspose}) {
        if (!foreign.used_by(api)) {
            continue;
        }
        switch (api) {
        case smtp::ForeignApi::DotNet: names[count++] = ".NET"; break;
        case smtp::ForeignApi::MailKit: names[count++] = "MailKit"; break;
        case smtp::ForeignApi::Aspose: names[count++] = "Aspose.Email"; break;
        }
    }
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0) {
            out += i + 1 == count ? " and " : ", ";
        }
        out += names[i];
    }
    return out;
}

// Why a dotted argument is no enhanced code (RFC 3463 section 2).
std::string enhanced_reason(std::string_view text) {
    std::size_t parts = 1;
    std::size_t part_length = 0;
    bool long_part = false;
    bool empty_part = false;
    for (const char c : text) {
        if (c == '.') {
            ++parts;
            empty_part = empty_part || part_length == 0;
            part_length = 0;
        } else if (is_digit(c)) {
            ++part_length;
            long_part = long_part || part_length > 3;
        } else {
            return "an enhanced status code is digits and dots only: class.subject.detail "
                   "(RFC 3463 section 2)";
        }
    }
    empty_part = empty_part || part_length == 0;
    if (parts != 3) {
        return "an enhanced status code has three parts, class.subject.detail (RFC 3463 "
               "section 2); this has " +
               std::to_string(parts);
    }
    if (empty_part || long_part) {
        return "subject and detail have one to three digits (RFC 3463 section 2)";
    }
    return "the class of an enhanced status code is 2, 4 or 5 (RFC 3463 section 2)";
}

} // namespace

CodeArgument parse_code_argument(std::string_view text) {
    CodeArgument out;
    using Kind = CodeArgument::Kind;
    const bool negative = !text.empty() && text[0] == '-';
    const std::string_view digits = negative ? text.substr(1) : text;
    if (all_digits(digits)) {
        if (!negative && digits.size() == 3 && digits[0] >= '2' && digits[0] <= '5') {
            out.kind = Kind::Basic;
            out.code = (digits[0] - '0') * 100 + (digits[1] - '0') * 10 + (digits[2] - '0');
            return out;
        }
        // The API's placeholders, NotDefined (0) and GeneralFailure (-1).
        if (digits.size() == 1 &&
            smtp::from_value(negative ? -(digits[0] - '0') : digits[0] - '0')) {
            out.kind = Kind::Basic;
            out.code = negative ? -(digits[0] - '0') : digits[0] - '0';
            return out;
        }
        out.kind = Kind::Invalid;
        out.reason = "an SMTP reply code is three digits, the first 2 to 5 (RFC 5321 section "
                     "4.2)";
        return out;
    }
    // "5xx", "4XX": a whole class.
    if (text.size() == 3 && text[0] >= '2' && text[0] <= '5' &&
        (text[1] == 'x' || text[1] == 'X') && (text[2] == 'x' || text[2] == 'X')) {
        out.kind = Kind::Class;
        out.reply_class = smtp::reply_class((text[0] - '0') * 100);
        return out;
    }
    // "X.1.1": a registry entry, whatever the class.
    if (text.size() >= 2 && (text[0] == 'X' || text[0] == 'x') && text[1] == '.') {
        const std::string probe = "2" + std::string(text.substr(1));
        const auto code = smtp::parse_enhanced_status_code(probe);
        const smtp::EnhancedStatusCodeEntry* entry = code ? smtp::registry_entry(*code) : nullptr;
        if (entry == nullptr) {
            out.kind = Kind::Invalid;
            out.reason = code ? "the IANA registry has no entry " + std::string(text) +
                                    " (see smtp-explain --list --enhanced)"
                              : enhanced_reason(probe);
            return out;
        }
        out.kind = Kind::Registry;
        out.entry = entry;
        return out;
    }
    if (!text.empty() && is_digit(text[0]) && text.find('.') != std::string_view::npos) {
        if (const auto code = smtp::parse_enhanced_status_code(text)) {
            out.kind = Kind::Enhanced;
            out.enhanced = *code;
            out.leading_zeros = smtp::to_text(*code).view() != text;
            return out;
        }
        bool dotted = true;
        for (const char c : text) {
            dotted = dotted && (is_digit(c) || c == '.');
        }
        if (dotted) {
            out.kind = Kind::Invalid;
            out.reason = enhanced_reason(text);
            return out;
        }
        return out; // "1.2.3.4/x" and the like: maybe a file
    }
    if (is_identifier(text)) {
        if (const auto code = smtp::from_name(text)) {
            out.kind = Kind::Basic;
            out.code = smtp::value(*code);
            return out;
        }
        if (const auto code = smtp::from_name(text, smtp::case_insensitive)) {
            out.kind = Kind::Basic;
            out.code = smtp::value(*code);
            out.matched = "case-insensitive match for " + std::string(smtp::name(*code));
            return out;
        }
        if (const auto foreign = smtp::foreign_name_entry(text, smtp::case_insensitive)) {
            out.kind = Kind::Basic;
            out.code = foreign->value;
            out.matched = "the name " + std::string(foreign->name) + " of " + api_names(*foreign);
            return out;
        }
        out.kind = Kind::Invalid;
        out.reason = "no reply code has this name (names are listed by smtp-explain --list)";
        return out;
    }
    return out;
}

bool looks_like_path(std::string_view text) noexcept {
    if (text.empty()) {
        return false;
    }
    if (text.find_first_of("/\\") != std::string_view::npos || text[0] == '~' || text[0] == '.') {
        return true;
    }
    const std::size_t dot = text.rfind('.');
    if (dot == std::string_view::npos || dot == 0) {
        return false;
    }
    const std::string_view extension = text.substr(dot + 1);
    bool letter = false;
    for (const char c : extension) {
        if (!is_alpha(c) && !is_digit(c)) {
            return false;
        }
        letter = letter || is_alpha(c);
    }
    return letter && extension.size() <= 4;
}

bool names_a_code(const CodeArgument& argument) noexcept {
    switch (argument.kind) {
    case CodeArgument::Kind::Basic:
    case CodeArgument::Kind::Enhanced:
    case CodeArgument::Kind::Registry:
    case CodeArgument::Kind::Class: return true;
    case CodeArgument::Kind::Invalid:
    case CodeArgument::Kind::NotACode: return false;
    }
    return false;
}

std::optional<smtp::Command> command_from_option(std::string_view text) {
    if (const auto command = smtp::command_from_name(text, smtp::case_insensitive)) {
        return command;
    }
    if (iequals(text, "end-of-data") || iequals(text, "eod") || iequals(text, ".")) {
        return smtp::Command::DataEnd;
    }
    if (iequals(text, "lhlo")) {
        return smtp::Command::Ehlo;
    }
    if (iequals(text, "connect") || iequals(text, "banner")) {
        return smtp::Command::Greeting;
    }
    return std::nullopt;
}

} // namespace smtp_explain
