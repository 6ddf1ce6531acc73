// Values and reference answers the unit tests share. The answers are worked
// out another way than the library does, so a test can catch a wrong one.
#ifndef SMTP_TESTS_SUPPORT_TEST_VALUES_HPP
#define SMTP_TESTS_SUPPORT_TEST_VALUES_HPP

#include <smtp/enhanced_status_code.hpp>
#include <smtp/status_code.hpp>

#include <climits>
#include <string>
#include <vector>

namespace test_values {

// The class digit of a reply code by the rule of RFC 5321 section 4.2.1,
// read from its decimal text so as not to repeat the library's arithmetic:
// 2 to 5 for 200..599, else 0.
inline int class_digit(int v) {
    const std::string text = std::to_string(v);
    if (text.size() != 3 || text[0] < '2' || text[0] > '5') {
        return 0;
    }
    return text[0] - '0';
}

inline smtp::ReplyClass class_from_text(int v) {
    return static_cast<smtp::ReplyClass>(class_digit(v));
}

// Every int from -1100 to 1100, and the extremes and near-misses beyond
// (5520 and 65536 + 250 end in a reply code's digits).
inline std::vector<int> interesting_ints() {
    std::vector<int> values;
    for (int v = -1100; v <= 1100; ++v) {
        values.push_back(v);
    }
    for (int v : {INT_MIN, INT_MIN + 1, -100000, -65536, 1999, 2000, 2500, 5520, 65535,
                  65536 + 250, 100000, INT_MAX - 1, INT_MAX}) {
        values.push_back(v);
    }
    return values;
}

// "5.1.1": an enhanced code's text, by std::to_string rather than the
// library's to_chars.
inline std::string enhanced_text(const smtp::EnhancedStatusCode& code) {
    return std::to_string(code.status_class) + "." + std::to_string(code.subject) + "." +
           std::to_string(code.detail);
}

} // namespace test_values

#endif // SMTP_TESTS_SUPPORT_TEST_VALUES_HPP
