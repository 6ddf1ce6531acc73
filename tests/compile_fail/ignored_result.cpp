// Compiled by check_ignored_result.cmake, not by the build: with
// SMTP_TEST_IGNORE set to a case number, it drops a result that must not be
// dropped, which -Werror has to turn into an error; with 0 it uses every
// result, and must compile, so that the failure proves the diagnostic and
// not a mistake in this file.
#include <smtp/reply.hpp>
#include <smtp/reply_writer.hpp>
#include <smtp/status_code.hpp>

#include <string_view>

#ifndef SMTP_TEST_IGNORE
#error "define SMTP_TEST_IGNORE"
#endif

int use(std::string_view bytes, char* buffer, char* buffer_end) {
#if SMTP_TEST_IGNORE == 1
    smtp::parse_reply(bytes); // the parse's answer, dropped
#elif SMTP_TEST_IGNORE == 2
    smtp::write_reply(buffer, buffer_end, 250, {}, {"ok"}); // whether it wrote
#elif SMTP_TEST_IGNORE == 3
    smtp::from_name(bytes); // a lookup's answer
#else
    const smtp::ReplyParse parse = smtp::parse_reply(bytes);
    const smtp::ReplyWriteResult written = smtp::write_reply(buffer, buffer_end, 250, {}, {"ok"});
    return static_cast<int>(parse.consumed + written.size) + (smtp::from_name(bytes) ? 1 : 0);
#endif
    static_cast<void>(bytes);
    static_cast<void>(buffer);
    static_cast<void>(buffer_end);
    return 0;
}
