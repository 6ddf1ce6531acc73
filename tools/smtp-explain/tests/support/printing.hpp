// smtp-explain: what an SMTP reply, code or session transcript means.
// SPDX-License-Identifier: BSL-1.0
//
// Lets doctest print the lists the unit tests compare, one item per line.
#ifndef SMTP_EXPLAIN_TESTS_PRINTING_HPP
#define SMTP_EXPLAIN_TESTS_PRINTING_HPP

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace doctest {

template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& items) {
        std::string out = "{";
        for (const std::string& item : items) {
            out += "\n    \"" + item + "\"";
        }
        out += items.empty() ? "}" : "\n}";
        return String(out.c_str());
    }
};

} // namespace doctest

#endif // SMTP_EXPLAIN_TESTS_PRINTING_HPP
