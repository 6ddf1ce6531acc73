// Prints every SMTP reply code the library knows: value, name, class and
// what it means.
#include <smtp/status_code.hpp>

#include <cstdio>

int main() {
    for (const smtp::SmtpStatusCode code : smtp::all_status_codes) {
        const std::string_view name = smtp::name(code);
        const std::string_view reply_class = smtp::name(smtp::reply_class(code));
        const std::string_view description = smtp::description(code);
        std::printf("%4d  %-40.*s %-21.*s %.*s\n", smtp::value(code),
                    static_cast<int>(name.size()), name.data(),
                    static_cast<int>(reply_class.size()), reply_class.data(),
                    static_cast<int>(description.size()), description.data());
    }
}
