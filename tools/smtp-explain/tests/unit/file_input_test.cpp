// Tests of src/cli/file_input.hpp: files into the core, the report out to a
// C stream.
#include "cli/file_input.hpp"

#include "explain.hpp"

#include <doctest/doctest.h>

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
