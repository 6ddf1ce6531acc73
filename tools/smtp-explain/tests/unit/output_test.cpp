// Tests of src/report/output.hpp: the report's text handed to a sink in
// blocks.
#include "report/output.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace {

using smtp_explain::Output;

// A sink that keeps the size of each block and fails when told to.
class Blocks final : public smtp_explain::OutputSink {
public:
    bool write(std::string_view bytes) override {
        sizes.push_back(bytes.size());
        text.append(bytes.data(), bytes.size());
        return !fail;
    }
    std::vector<std::size_t> sizes;
    std::string text;
    bool fail = false;
};

TEST_CASE("text is handed on in blocks once a block is full, and the rest at flush") {
    Blocks sink;
    Output output(sink);
    output.buffer() += "small";
    output.maybe_flush();
    CHECK(sink.sizes.empty());
    output.buffer() += std::string(Output::block_size, 'x');
    output.maybe_flush();
    CHECK(sink.sizes == std::vector<std::size_t>{Output::block_size + 5});
    CHECK(output.buffer().empty());
    output.buffer() += "tail";
    output.flush();
    output.flush(); // nothing left: no empty write
    CHECK(sink.sizes == std::vector<std::size_t>{Output::block_size + 5, 4});
    CHECK_FALSE(output.failed());
}

TEST_CASE("what is left is handed on when the output goes") {
    Blocks sink;
    {
        Output output(sink);
        output.buffer() += "last words";
    }
    CHECK(sink.text == "last words");
}

TEST_CASE("a sink that fails once gets nothing more, and the output says so") {
    Blocks sink;
    sink.fail = true;
    Output output(sink);
    output.buffer() += "first";
    output.flush();
    CHECK(output.failed());
    output.buffer() += "second";
    output.flush();
    CHECK(sink.text == "first");
    CHECK(output.buffer().empty());
}

TEST_CASE("a StringSink keeps everything") {
    smtp_explain::StringSink sink;
    CHECK(sink.write("one "));
    CHECK(sink.write("two"));
    CHECK(sink.text() == "one two");
}

} // namespace
