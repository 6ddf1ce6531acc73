// Tests of src/cli/file_input.hpp: files into the core, the report out to a
// C stream.
#include "cli/file_input.hpp"

#include "explain.hpp"

#include <doctest/doctest.h>

#include "read/email_input.hpp"

#include <cerrno>
#include <cstdio>
#include <string>

namespace {

TEST_CASE("read_file feeds a whole file, in blocks, and finishes the input") {
    std::FILE* file = std::tmpfile();
    REQUIRE(file != nullptr);
    std::string input;
    for (int i = 0; i < 5000; ++i) {
        input += "250-line " + std::to_string(i) + "\r\n";
    }
    input += "250 last"; // no line end
    REQUIRE(std::fwrite(input.data(), 1, input.size(), file) == input.size());
    std::rewind(file);

    smtp_explain::StringSink sink;
    {
        smtp_explain::Output output(sink);
        smtp_explain::Options options;
        options.format = smtp_explain::Format::Brief;
        options.limits.max_lines = 10000;
        smtp_explain::Explanation explanation(options, output);
        smtp_explain::InputReader reader(explanation, "tmp");
        CHECK(smtp_explain::read_file(file, reader));
        CHECK(explanation.finish());
    }
    std::fclose(file);
    CHECK(sink.text() == "tmp:1: 250 Ok, Proceed\n1 reply, 0 warnings; everything understood.\n");
}

// The report of `bytes` read by read_input, and how reading ended.
struct Read {
    smtp_explain::ReadStatus status;
    std::string report;
};

Read read_input(const std::string& bytes) {
    std::FILE* file = std::tmpfile();
    REQUIRE(file != nullptr);
    REQUIRE(std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size());
    std::rewind(file);
    smtp_explain::StringSink sink;
    Read out{};
    {
        smtp_explain::Output output(sink);
        smtp_explain::Options options;
        options.format = smtp_explain::Format::Brief;
        smtp_explain::Explanation explanation(options, output);
        out.status = smtp_explain::read_input(file, explanation, "in");
        explanation.finish();
    }
    std::fclose(file);
    out.report = sink.text();
    return out;
}

TEST_CASE("read_input: an email whole, anything else line by line") {
    const Read email = read_input(
        "Return-Path: <>\nFrom: MAILER-DAEMON@mx.example.org\nSubject: failure notice\n\n"
        "<a@example.net>:\nRemote host said: 55=\n0 5.1.1 unknown\n");
    CHECK(email.status == smtp_explain::ReadStatus::Ok);
    // Not quoted-printable (no Content-Transfer-Encoding): "55=" stays, and
    // words no rule reads are onhold.
    CHECK(email.report == "in: a@example.net: onhold, Fail\n"
                          "1 bounce recipient, 0 warnings; everything understood.\n");
    const Read qp = read_input(
        "Return-Path: <>\nFrom: MAILER-DAEMON@mx.example.org\nContent-Transfer-Encoding: "
        "quoted-printable\n\n<a@example.net>:\nRemote host said: 55=\n0 5.1.1 unknown\n");
    CHECK(qp.report == "in: a@example.net: 550 5.1.1 userunknown (hard), Fail\n"
                       "1 bounce recipient, 0 warnings; everything understood.\n");
    // A log, longer than the first look at it.
    std::string log(smtp_explain::email_sniff_size, '#');
    log += "\n550 5.1.1 no\n";
    const Read lines = read_input(log);
    CHECK(lines.status == smtp_explain::ReadStatus::Ok);
    CHECK(lines.report == "in:2: 550 5.1.1 MailboxUnavailable, Fail\n"
                          "1 reply, 0 warnings; everything understood.\n");
    // An email that holds no bounce is not understood.
    CHECK(read_input("From: bob@example.com\nSubject: lunch\n\nHi!\n").report ==
          "in: no bounce found (1 part)\n0 replies, 0 warnings, 1 not understood.\n");
}

TEST_CASE("read_input: an email larger than max_email_size is refused") {
    std::string big = "From: MAILER-DAEMON@mx.example.org\n\n";
    big.append(smtp_explain::max_email_size, 'x');
    const Read read = read_input(big);
    CHECK(read.status == smtp_explain::ReadStatus::TooLarge);
    CHECK(read.report.find("bounce") == std::string::npos);
}

TEST_CASE("FileSink writes and flushes, and keeps the errno of a failed write") {
    std::FILE* file = std::tmpfile();
    REQUIRE(file != nullptr);
    smtp_explain::FileSink sink(file);
    CHECK(sink.write("report\n"));
    CHECK(sink.error() == 0);
    std::rewind(file);
    char buffer[16] = {};
    CHECK(std::fread(buffer, 1, sizeof buffer, file) == 7);
    CHECK(std::string(buffer) == "report\n");
    std::fclose(file);

    std::FILE* full = std::fopen("/dev/full", "wb");
    if (full == nullptr) {
        MESSAGE("no /dev/full here: the failing write is tested end to end only");
        return;
    }
    smtp_explain::FileSink failing(full);
    CHECK_FALSE(failing.write("report\n"));
    CHECK(failing.error() == ENOSPC);
    CHECK_FALSE(failing.write("more\n"));
    CHECK(failing.error() == ENOSPC);
    std::fclose(full);
}

} // namespace
