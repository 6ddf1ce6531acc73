// smtp-status: what an SMTP server's reply means.
// SPDX-License-Identifier: BSL-1.0
//
// Shared by the benchmark files: a deterministic random source, and the
// registration of one "kernel" (one pass over a fixed input set) as two
// Google Benchmarks:
//
//   <group>/<impl>            timed: Google Benchmark picks the iterations;
//                             counter ns_per_op is the time per operation
//   callgrind/<group>/<impl>  a fixed number of passes, for
//                             tests/benchmarks/callgrind.py, which counts the
//                             instructions under valgrind and divides by the
//                             `ops` counter
//
// Every impl of a group does the same operations on the same inputs; impl
// "loop" only reads the inputs, so callgrind.py subtracts its count (the
// loop and the harness) from the others.
#ifndef SMTP_BENCHMARKS_HARNESS_HPP
#define SMTP_BENCHMARKS_HARNESS_HPP

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace smtp_bench {

// How many inputs each workload has: enough to defeat the branch predictor's
// memory of the sequence, small enough to stay in the L1/L2 caches.
inline constexpr std::size_t input_count = 65536;

// Passes of the callgrind/ variants: instructions are counted over
// input_count * callgrind_passes operations.
inline constexpr benchmark::IterationCount callgrind_passes = 4;

// A small 64-bit LCG (Knuth's MMIX constants): the inputs must be the same on
// every machine and in every run, which std::uniform_int_distribution does
// not promise across standard libraries.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint32_t next() {
        state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::uint32_t>(state_ >> 32);
    }
    // Uniform enough in [0, n) for the small n used here.
    std::size_t below(std::size_t n) { return next() % n; }
    // Chance `percent` in 100.
    bool chance(unsigned percent) { return next() % 100u < percent; }

private:
    std::uint64_t state_;
};

[[noreturn]] inline void fail(const std::string& what) {
    std::fprintf(stderr, "benchmark inputs or baselines are wrong: %s\n", what.c_str());
    std::abort();
}

// Strings stored back to back in one buffer, read in order: the benchmarks
// measure the lookups, not cache misses on scattered heap blocks.
class TextPool {
public:
    explicit TextPool(const std::vector<std::string>& texts) {
        std::size_t total = 0;
        for (const std::string& text : texts) {
            total += text.size();
        }
        bytes_.reserve(total);
        for (const std::string& text : texts) {
            bytes_ += text;
        }
        std::size_t at = 0;
        for (const std::string& text : texts) {
            views_.emplace_back(bytes_.data() + at, text.size());
            at += text.size();
        }
    }
    const std::vector<std::string_view>& views() const { return views_; }

private:
    std::string bytes_;
    std::vector<std::string_view> views_;
};

// Registers `kernel` (a callable that makes one pass over its inputs and
// returns how many operations it did) under both names.
template <class Kernel>
void add_kernel(const std::string& group, const std::string& impl, Kernel kernel) {
    const auto run = [kernel](benchmark::State& state) {
        std::size_t ops = 0;
        for (auto _ : state) {
            ops = kernel();
        }
        state.counters["ops"] = static_cast<double>(ops);
        state.counters["ns_per_op"] = benchmark::Counter(
            static_cast<double>(ops),
            benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
    };
    benchmark::RegisterBenchmark((group + "/" + impl).c_str(), run);
    benchmark::RegisterBenchmark(("callgrind/" + group + "/" + impl).c_str(), run)
        ->Iterations(callgrind_passes);
}

// Consumes every result, so no lookup is optimised away, in the same way for
// every implementation: the result is stored where the (empty) asm of
// DoNotOptimize could read it. Handing it over by value instead makes g++
// reload a std::optional it has just stored field by field (a
// store-forwarding stall), and "use" it through a select that g++ turns into
// a branch or not depending on the surrounding code.
template <class Inputs, class Lookup>
std::size_t each(const Inputs& inputs, Lookup lookup) {
    for (const auto& input : inputs) {
        const auto result = lookup(input);
        benchmark::DoNotOptimize(&result);
    }
    return inputs.size();
}

} // namespace smtp_bench

#endif // SMTP_BENCHMARKS_HARNESS_HPP
