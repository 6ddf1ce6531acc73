// The program every consumer project builds: it uses the library the way a
// user would and exits non-zero if an answer is wrong. The find_package
// consumer also builds it with {fmt} (SMTP_CONSUMER_WITH_FMT).
#include <smtp/smtp.hpp>
#if defined(SMTP_CONSUMER_WITH_FMT)
#include <smtp/fmt.hpp>
#endif

#include <cstdio>
#include <sstream>
#include <string>
#include <system_error>

int main() {
    int failures = 0;
    const auto expect = [&failures](bool ok, const char* what) {
        if (!ok) {
            std::fprintf(stderr, "consumer: wrong answer for %s\n", what);
            ++failures;
        }
    };
    expect(smtp::name(smtp::SmtpStatusCode::MailboxBusy) == "MailboxBusy", "name");
    expect(smtp::from_value(550) == smtp::SmtpStatusCode::MailboxUnavailable, "from_value");
    expect(smtp::from_name("Ok") == smtp::SmtpStatusCode::Ok, "from_name");
    expect(smtp::is_transient(451) && smtp::is_permanent(571), "classification");
    expect(smtp::all_status_codes.size() == 36, "all_status_codes");

    // std::error_code: a listed code, and one no table lists.
    const std::error_code busy = smtp::SmtpStatusCode::MailboxBusy;
    expect(busy == smtp::ReplyClass::TransientNegative, "error_code condition");
    expect(busy.message() == smtp::description(smtp::SmtpStatusCode::MailboxBusy),
           "error_code message");
    expect(std::error_code(571, smtp::smtp_category()) == smtp::ReplyClass::PermanentNegative,
           "error_code of an unlisted code");

    // Printing.
    std::ostringstream out;
    out << smtp::SmtpStatusCode::MailboxUnavailable << ' ' << smtp::EnhancedStatusCode{5, 1, 1};
    expect(out.str() == "550 MailboxUnavailable 5.1.1", "operator<<");
#if defined(SMTP_CONSUMER_WITH_FMT)
    expect(fmt::format("{} {} {}", smtp::SmtpStatusCode::MailboxBusy,
                       smtp::ReplyClass::TransientNegative, smtp::EnhancedStatusCode{4, 2, 1}) ==
               "450 MailboxBusy TransientNegative 4.2.1",
           "fmt::format");
#endif

    if (failures == 0) {
        std::printf("consumer: ok\n");
    }
    return failures == 0 ? 0 : 1;
}
