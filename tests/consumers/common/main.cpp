// The program every consumer project builds: it uses the library the way a
// user would and exits non-zero if an answer is wrong.
#include <smtp/status_code.hpp>

#include <cstdio>

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
    if (failures == 0) {
        std::printf("consumer: ok\n");
    }
    return failures == 0 ? 0 : 1;
}
