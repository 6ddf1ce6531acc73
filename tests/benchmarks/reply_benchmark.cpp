// parse_reply against its ceiling and its baseline, on the same bytes in one
// run: a deterministic corpus of pipelined single- and multi-line replies,
// like a busy client's input stream.
//
// - reply/parse_reply:       parse_reply over the corpus, reply after reply
// - reply/parse_reply_lines: the same, then visiting every line's text
// - reply/memchr_lines:      memchr from line end to line end: the ceiling
//                            (no parsing at all, only finding the lines)
// - reply/naive_getline_stoi: std::getline and std::stoi into a
//                            std::vector<std::string>: what is often written
//
// Compare bytes_per_second; run with
//   --benchmark_filter='^reply/' --benchmark_repetitions=10
//   --benchmark_report_aggregates_only=true
// The reply_callgrind/ variants make one pass each, a fixed workload for
//   valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*bm_parse_reply*'
//     smtp_status_benchmarks --benchmark_filter='^reply_callgrind/parse_reply$'
// (instructions per reply: the Ir total over the `replies` counter).
#include <smtp/reply.hpp>

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

// A small LCG: the corpus must be the same on every machine and run.
class Lcg {
public:
    std::uint32_t next() {
        state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::uint32_t>(state_ >> 33);
    }
    std::size_t below(std::size_t n) { return next() % n; }

private:
    std::uint64_t state_ = 0x5eed5eedull;
};

std::string queue_id(Lcg& rng) {
    static constexpr char alphabet[] = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    std::string id;
    for (int i = 0; i < 10; ++i) {
        id += alphabet[rng.below(sizeof alphabet - 1)];
    }
    return id;
}

// Replies modelled on what Postfix, Exim, Gmail and Microsoft send: most
// single-line with an enhanced code, some EHLO and HELP lists, some
// multi-line rejections with long URLs, now and then a multi-kilobyte line.
std::string make_corpus(std::size_t target_bytes) {
    Lcg rng;
    std::string out;
    out.reserve(target_bytes + 8192);
    while (out.size() < target_bytes) {
        const std::string eol = rng.below(20) == 0 ? "\n" : "\r\n";
        switch (rng.below(16)) {
        case 0:
            out += "220 mx" + std::to_string(rng.below(100)) +
                   ".example.org ESMTP Postfix (Debian/GNU)" + eol;
            break;
        case 1:
            out += "250-mx.example.org Hello client.example.net [192.0.2." +
                   std::to_string(rng.below(256)) + "]" + eol + "250-SIZE 52428800" + eol +
                   "250-8BITMIME" + eol + "250-PIPELINING" + eol + "250-AUTH PLAIN LOGIN" + eol +
                   "250-CHUNKING" + eol + "250-STARTTLS" + eol + "250-ENHANCEDSTATUSCODES" +
                   eol + "250-DSN" + eol + "250 SMTPUTF8" + eol;
            break;
        case 2:
        case 3:
            out += "250 2.1.0 Ok" + eol;
            break;
        case 4:
        case 5:
            out += "250 2.1.5 <user" + std::to_string(rng.below(100000)) +
                   "@example.org> Recipient ok" + eol;
            break;
        case 6:
            out += "354 End data with <CR><LF>.<CR><LF>" + eol;
            break;
        case 7:
        case 8:
            out += "250 2.0.0 Ok: queued as " + queue_id(rng) + eol;
            break;
        case 9:
            out += "550 5.1.1 <nobody" + std::to_string(rng.below(1000)) +
                   "@example.org>: Recipient address rejected: User unknown in virtual "
                   "mailbox table" + eol;
            break;
        case 10:
            out += "451 4.7.1 Greylisted, see http://postgrey.example.org/help/example.org; "
                   "try again in " + std::to_string(60 + rng.below(600)) + " seconds" + eol;
            break;
        case 11:
            out += "550-5.7.1 [192.0.2." + std::to_string(rng.below(256)) +
                   "] The IP you're using to send mail is not authorized to" + eol +
                   "550-5.7.1 send email directly to our servers. Please use the SMTP" + eol +
                   "550-5.7.1 relay at your service provider instead. For more information," +
                   eol + "550 5.7.1 visit https://support.example.com/mail/answer/" +
                   std::to_string(rng.below(1000000)) + " " + queue_id(rng) + " - gsmtp" + eol;
            break;
        case 12:
            out += "334 " + std::string(rng.below(2) ? "VXNlcm5hbWU6" : "UGFzc3dvcmQ6") + eol;
            break;
        case 13:
            out += "221 2.0.0 Bye" + eol;
            break;
        case 14:
            out += "214-Commands supported:" + eol +
                   "214-    AUTH HELO EHLO MAIL RCPT DATA BDAT NOOP QUIT RSET HELP" + eol +
                   "214 For more information see https://www.example.org/help" + eol;
            break;
        default:
            if (rng.below(8) == 0) {
                // A long policy line, as some providers send.
                out += "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using "
                       "policy list; " + std::string(1000 + rng.below(3000), 'x') + eol;
            } else {
                out += "250 2.0.0 Ok" + eol;
            }
            break;
        }
    }
    return out;
}

const std::string& corpus() {
    static const std::string bytes = make_corpus(std::size_t{4} << 20);
    return bytes;
}
// Built before main, so no measurement (nor callgrind's count) includes it.
const bool corpus_built = !corpus().empty();

void bm_parse_reply(benchmark::State& state) {
    const std::string_view all = corpus();
    std::size_t replies = 0;
    for (auto _ : state) {
        std::string_view rest = all;
        std::size_t code_sum = 0;
        while (!rest.empty()) {
            const smtp::ReplyParse got = smtp::parse_reply(rest);
            if (!got.ok()) {
                state.SkipWithError("the corpus does not parse");
                return;
            }
            code_sum += static_cast<std::size_t>(got.reply.code()) + got.reply.line_count() +
                        (got.reply.enhanced() ? 1u : 0u);
            rest.remove_prefix(got.consumed);
            ++replies;
        }
        benchmark::DoNotOptimize(code_sum);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(all.size()));
    state.counters["replies"] = static_cast<double>(replies) / static_cast<double>(state.iterations());
}
BENCHMARK(bm_parse_reply)->Name("reply/parse_reply");
BENCHMARK(bm_parse_reply)->Name("reply_callgrind/parse_reply")->Iterations(1);

void bm_parse_reply_lines(benchmark::State& state) {
    const std::string_view all = corpus();
    for (auto _ : state) {
        std::string_view rest = all;
        std::size_t text_bytes = 0;
        while (!rest.empty()) {
            const smtp::ReplyParse got = smtp::parse_reply(rest);
            for (const std::string_view line : got.reply.lines()) {
                text_bytes += line.size();
            }
            rest.remove_prefix(got.consumed == 0 ? rest.size() : got.consumed);
        }
        benchmark::DoNotOptimize(text_bytes);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(all.size()));
}
BENCHMARK(bm_parse_reply_lines)->Name("reply/parse_reply_lines");
BENCHMARK(bm_parse_reply_lines)->Name("reply_callgrind/parse_reply_lines")->Iterations(1);

void bm_memchr_lines(benchmark::State& state) {
    const std::string_view all = corpus();
    for (auto _ : state) {
        const char* p = all.data();
        const char* const end = p + all.size();
        std::size_t lines = 0;
        while (const void* hit = std::memchr(p, '\n', static_cast<std::size_t>(end - p))) {
            p = static_cast<const char*>(hit) + 1;
            ++lines;
        }
        benchmark::DoNotOptimize(lines);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(all.size()));
}
BENCHMARK(bm_memchr_lines)->Name("reply/memchr_lines");
BENCHMARK(bm_memchr_lines)->Name("reply_callgrind/memchr_lines")->Iterations(1);

// The baseline: lines through std::getline, the code through std::stoi (which
// accepts "+50" and " 25"), the texts copied into strings.
void bm_naive_getline_stoi(benchmark::State& state) {
    const std::string& all = corpus();
    for (auto _ : state) {
        std::istringstream in(all);
        std::string line;
        std::size_t code_sum = 0;
        std::vector<std::string> texts;
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r') {
                line.pop_back();
            }
            const int code = std::stoi(line.substr(0, 3));
            texts.push_back(line.size() > 4 ? line.substr(4) : std::string());
            if (line.size() > 3 && line[3] == '-') {
                continue; // more lines of this reply follow
            }
            code_sum += static_cast<std::size_t>(code) + texts.size();
            texts.clear();
        }
        benchmark::DoNotOptimize(code_sum);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(all.size()));
}
BENCHMARK(bm_naive_getline_stoi)->Name("reply/naive_getline_stoi");
BENCHMARK(bm_naive_getline_stoi)->Name("reply_callgrind/naive_getline_stoi")->Iterations(1);

} // namespace
