// Benchmarks for <smtp/semantics.hpp>, each beside a baseline doing the same
// job the obvious way, on the same inputs: compare the ratio in one run.
#include <smtp/semantics.hpp>

#include <benchmark/benchmark.h>

#include <array>
#include <cstddef>
#include <cstdio>
#include <string_view>

namespace {

// A typical multiline reply with an enhanced code (RFC 2034).
constexpr std::array<std::string_view, 4> lines = {
    "mx.example.org at your service", "The recipient's mailbox is full and cannot",
    "accept messages now. Please try again later,", "or contact the recipient another way"};
constexpr smtp::EnhancedStatusCode enhanced{4, 2, 2};

void BM_write_reply(benchmark::State& state) {
    char buf[1024];
    for (auto _ : state) {
        const auto r = smtp::write_reply(buf, buf + sizeof buf, 452, enhanced, lines.data(),
                                         lines.size());
        benchmark::DoNotOptimize(r);
        benchmark::DoNotOptimize(buf);
    }
}
BENCHMARK(BM_write_reply);

// Baseline: the same bytes with snprintf, checking nothing.
void BM_write_reply_snprintf_baseline(benchmark::State& state) {
    char buf[1024];
    for (auto _ : state) {
        std::size_t used = 0;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const int n = std::snprintf(buf + used, sizeof buf - used, "%d%c%d.%d.%d %.*s\r\n", 452,
                                        i + 1 == lines.size() ? ' ' : '-', enhanced.status_class,
                                        enhanced.subject, enhanced.detail,
                                        static_cast<int>(lines[i].size()), lines[i].data());
            used += static_cast<std::size_t>(n);
        }
        benchmark::DoNotOptimize(used);
        benchmark::DoNotOptimize(buf);
    }
}
BENCHMARK(BM_write_reply_snprintf_baseline);

// A day's mix of (command, code) pairs.
struct Pair {
    smtp::Command command;
    int code;
};
constexpr std::array<Pair, 8> pairs = {{{smtp::Command::Greeting, 220},
                                        {smtp::Command::Ehlo, 250},
                                        {smtp::Command::Mail, 250},
                                        {smtp::Command::Rcpt, 552},
                                        {smtp::Command::Rcpt, 550},
                                        {smtp::Command::Data, 354},
                                        {smtp::Command::DataEnd, 451},
                                        {smtp::Command::Quit, 221}}};

void BM_next_action_and_is_expected_reply(benchmark::State& state) {
    for (auto _ : state) {
        int sum = 0;
        for (const Pair& p : pairs) {
            benchmark::DoNotOptimize(p);
            sum += static_cast<int>(smtp::next_action(p.code, p.command)) +
                   (smtp::is_expected_reply(p.command, p.code) ? 8 : 0);
        }
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_next_action_and_is_expected_reply);

// Baseline: the first digit alone, as most clients do, and no table.
void BM_first_digit_baseline(benchmark::State& state) {
    for (auto _ : state) {
        int sum = 0;
        for (const Pair& p : pairs) {
            benchmark::DoNotOptimize(p);
            sum += p.code >= 200 && p.code <= 599 ? p.code / 100 : 0;
        }
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(BM_first_digit_baseline);

} // namespace
