// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
// parse_enhanced_status_code against what a project would otherwise write,
// on the same random strings in one run:
//
//   smtp              parse_enhanced_status_code
//   naive_split_stoi  split on '.' into std::strings, check the digits,
//                     std::stoi each part: the usual hand-written parser
//   from_chars        find the dots, std::from_chars each field: the careful
//                     hand-written parser, no allocation
//   memchr            find the two dots with std::memchr and nothing else: a
//                     floor, not a parser (it accepts "x.y.z")
//   loop              only reads the inputs
//
// The parsers are checked against the library on every input before
// anything runs (memchr, which does not parse, is not).
//
// Inputs (make_texts): 50 % valid codes, mostly in the registry's range, a
// few with three-digit fields or leading zeros; 50 % near misses ("5.1",
// "511", "5.1.1.1", "5.1000.1", " 5.1.1", "6.1.1", "5.x.1", "5..1", "+5.1.1",
// "") and random bytes.
#include <smtp/enhanced_status_code.hpp>

#include "harness.hpp"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstring>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace {

using smtp::EnhancedStatusCode;
using smtp_bench::Random;

std::string field(Random& random, int largest) {
    std::string text = std::to_string(random.below(static_cast<std::size_t>(largest) + 1));
    if (random.chance(3) && text.size() < 3) {
        text = "0" + text; // leading zero: read as the number
    }
    return text;
}

std::string valid_code(Random& random) {
    static const char classes[] = {'2', '4', '5'};
    const bool wide = random.chance(10); // beyond the registry: up to 999
    return std::string(1, classes[random.below(3)]) + "." + field(random, wide ? 999 : 7) + "." +
           field(random, wide ? 999 : 30);
}

std::vector<std::string> make_texts() {
    Random random(0x5eed0003);
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < smtp_bench::input_count; ++i) {
        std::string text = valid_code(random);
        switch (random.below(24)) {
        case 0: text = text.substr(0, text.rfind('.')); break;                  // 5.1
        case 1: text.erase(std::remove(text.begin(), text.end(), '.'), text.end()); break; // 511
        case 2: text += "." + field(random, 9); break;                           // 5.1.1.1
        case 3: text.insert(text.find('.') + 1, "1000"); break;                  // 5.10001.1
        case 4: text = " " + text; break;
        case 5: text += random.chance(50) ? " " : ";"; break;
        case 6: text[0] = "01367"[random.below(5)]; break;                       // 6.1.1
        case 7: text[text.size() - 1] = 'x'; break;                              // 5.1.x
        case 8: text.insert(text.find('.') + 1, "."); break;                     // 5..1
        case 9: text = (random.chance(50) ? "+" : "-") + text; break;
        case 10: text.clear(); break;
        case 11: { // random bytes, sometimes with dots
            text.assign(1 + random.below(10), '.');
            for (char& c : text) {
                c = "0123456789.. x-"[random.below(15)];
            }
            break;
        }
        default: break; // half of all: valid
        }
        texts.push_back(std::move(text));
    }
    return texts;
}

const smtp_bench::TextPool text_pool(make_texts());
const std::vector<std::string_view>& texts = text_pool.views();

// ---- baselines ------------------------------------------------------------------

std::optional<EnhancedStatusCode> naive_split_stoi(std::string_view text) {
    std::vector<std::string> parts;
    std::string part;
    for (char c : text) {
        if (c == '.') {
            parts.push_back(part);
            part.clear();
        } else {
            part += c;
        }
    }
    parts.push_back(part);
    if (parts.size() != 3) {
        return std::nullopt;
    }
    for (const std::string& p : parts) {
        if (p.empty() || p.size() > 3 ||
            !std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            return std::nullopt;
        }
    }
    if (parts[0].size() != 1) {
        return std::nullopt;
    }
    const int status_class = std::stoi(parts[0]);
    if (status_class != 2 && status_class != 4 && status_class != 5) {
        return std::nullopt;
    }
    return EnhancedStatusCode{status_class, std::stoi(parts[1]), std::stoi(parts[2])};
}

std::optional<EnhancedStatusCode> from_chars_parser(std::string_view text) {
    // One field of 1 to 3 digits ending at `end`; from_chars alone would take
    // a sign-less longer number, so the length is checked first.
    const auto read = [](const char* first, const char* end, int& out) {
        if (end - first < 1 || end - first > 3 || *first < '0' || *first > '9') {
            return false;
        }
        const std::from_chars_result r = std::from_chars(first, end, out);
        return r.ec == std::errc() && r.ptr == end;
    };
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    const char* const dot1 = std::find(begin, end, '.');
    if (dot1 == end) {
        return std::nullopt;
    }
    const char* const dot2 = std::find(dot1 + 1, end, '.');
    if (dot2 == end) {
        return std::nullopt;
    }
    EnhancedStatusCode code{};
    if (dot1 - begin != 1 || !read(begin, dot1, code.status_class) ||
        !read(dot1 + 1, dot2, code.subject) || !read(dot2 + 1, end, code.detail)) {
        return std::nullopt;
    }
    if (code.status_class != 2 && code.status_class != 4 && code.status_class != 5) {
        return std::nullopt;
    }
    return code;
}

// Not a parser: where the two dots are, the least any parser must find.
std::pair<const void*, const void*> memchr_dots(std::string_view text) {
    const void* dot1 = std::memchr(text.data(), '.', text.size());
    if (dot1 == nullptr) {
        return {nullptr, nullptr};
    }
    const char* after = static_cast<const char*>(dot1) + 1;
    const auto rest = static_cast<std::size_t>(text.data() + text.size() - after);
    return {dot1, std::memchr(after, '.', rest)};
}

void check_baselines() {
    std::size_t valid = 0;
    for (std::string_view text : texts) {
        const std::optional<EnhancedStatusCode> expected = smtp::parse_enhanced_status_code(text);
        valid += expected.has_value();
        if (naive_split_stoi(text) != expected || from_chars_parser(text) != expected) {
            smtp_bench::fail("parse_enhanced_status_code(\"" + std::string(text) + "\")");
        }
    }
    if (valid < texts.size() / 3 || valid > texts.size() * 2 / 3) {
        smtp_bench::fail("enhanced codes are not a mix of valid and invalid");
    }
}

const bool registered = [] {
    check_baselines();
    using smtp_bench::add_kernel;
    using smtp_bench::each;
    add_kernel("parse_enhanced", "loop",
               [] { return each(texts, [](std::string_view s) { return s; }); });
    add_kernel("parse_enhanced", "smtp", [] {
        return each(texts, [](std::string_view s) { return smtp::parse_enhanced_status_code(s); });
    });
    add_kernel("parse_enhanced", "naive_split_stoi",
               [] { return each(texts, [](std::string_view s) { return naive_split_stoi(s); }); });
    add_kernel("parse_enhanced", "from_chars",
               [] { return each(texts, [](std::string_view s) { return from_chars_parser(s); }); });
    add_kernel("parse_enhanced", "memchr",
               [] { return each(texts, [](std::string_view s) { return memchr_dots(s); }); });
    return true;
}();

} // namespace
