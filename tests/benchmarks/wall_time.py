#!/usr/bin/env python3
# smtp-status: what an SMTP server's reply means.
# SPDX-License-Identifier: BSL-1.0
"""Wall-clock table of the benchmarks: medians and ratios, in one run.

Runs the benchmark program with --benchmark_repetitions (the repetitions of
all benchmarks randomly interleaved, so a burst of load on a shared machine
spreads over all of them) and prints, per benchmark, the median CPU time
per unit (an operation when the benchmark sets the `ops` counter, a byte
when it reports bytes processed, else an iteration), the coefficient of
variation over the repetitions, and the ratio to ours (smtp, or
parse_reply) in the same group. Compare ratios, not absolute times: they
hold across machines and loads far better.

Usage:
  python3 tests/benchmarks/wall_time.py [BENCHMARK_PROGRAM] [--repetitions 10]
      [--min-time 0.1] [--filter REGEX] [--check]
BENCHMARK_PROGRAM defaults to build/bench/tests/benchmarks/smtp_status_benchmarks;
the default filter leaves out the callgrind variants. --check exits 1 when a
wall-time target of BENCHMARKS.md is missed.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PROGRAM = ROOT / "build/bench/tests/benchmarks/smtp_status_benchmarks"
OURS = ("smtp", "parse_reply")
SECONDS = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}


def run(args):
    with tempfile.TemporaryDirectory(prefix="smtp-wall-time-") as scratch:
        report = Path(scratch) / "report.json"
        subprocess.run([args.program, f"--benchmark_filter={args.filter}",
                        f"--benchmark_repetitions={args.repetitions}",
                        f"--benchmark_min_time={args.min_time}",
                        "--benchmark_enable_random_interleaving=true",
                        "--benchmark_report_aggregates_only=true",
                        f"--benchmark_out={report}", "--benchmark_out_format=json"],
                       check=True, stdout=subprocess.DEVNULL)
        return json.loads(report.read_text())


def listed(program, regex):
    result = subprocess.run([program, f"--benchmark_filter={regex}", "--benchmark_list_tests=true"],
                            check=True, capture_output=True, text=True)
    return [line.strip() for line in result.stdout.splitlines() if line.strip()]


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("program", nargs="?", default=str(DEFAULT_PROGRAM))
    parser.add_argument("--repetitions", type=int, default=10)
    parser.add_argument("--min-time", default="0.1", help="seconds per repetition")
    parser.add_argument("--filter", default="-callgrind", help="Google Benchmark filter")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()

    data = run(args)
    medians, cvs = {}, {}
    # With one repetition there are no aggregates: the run is its own median.
    wanted = "median" if args.repetitions > 1 else None
    for bench in data["benchmarks"]:
        name = bench["run_name"]
        if bench.get("aggregate_name") == wanted:
            seconds = bench["cpu_time"] * SECONDS[bench.get("time_unit", "ns")]
            if "bytes_per_second" in bench:
                medians[name] = (1e9 / bench["bytes_per_second"], "byte")
            elif bench.get("ops"):
                medians[name] = (seconds * 1e9 / bench["ops"], "op")
            else:
                medians[name] = (seconds * 1e9, "iteration")
        elif bench.get("aggregate_name") == "cv":
            cvs[name] = bench["cpu_time"]

    groups = {}
    # In the order the benchmarks are registered, not the shuffled run order.
    order = listed(args.program, args.filter)
    for name, value in sorted(medians.items(),
                              key=lambda item: order.index(item[0]) if item[0] in order else 0):
        group, _, impl = name.rpartition("/")
        groups.setdefault(group or "(ungrouped)", {})[impl or name] = (name, value)

    context = data.get("context", {})
    print(f"Wall time: median of {args.repetitions} interleaved repetitions, CPU time; "
          f"{context.get('num_cpus', '?')} CPUs at {context.get('mhz_per_cpu', '?')} MHz.\n")
    print("| group | impl | ns per unit | unit | cv | x ours |")
    print("|---|---|--:|---|--:|--:|")
    missed = []
    for group, impls in groups.items():
        ours = next((impls[o][1][0] for o in OURS if o in impls), None)
        for impl, (name, (value, unit)) in impls.items():
            ratio = f"{value / ours:.2f}" if ours else ""
            cv = f"{cvs[name] * 100:.0f} %" if name in cvs else ""
            digits = 3 if value < 1 else 2 if value < 10 else 1
            print(f"| {group} | {impl} | {value:.{digits}f} | {unit} | {cv} | {ratio} |")
        time = {impl: value for impl, (_, (value, _)) in impls.items()}
        if "smtp" in time and "dense_array" in time and time["smtp"] > 1.5 * time["dense_array"]:
            missed.append(f"{group}: smtp {time['smtp']:.2f} ns > 1.5 x dense_array "
                          f"{time['dense_array']:.2f} ns")
        if group == "from_name" and "unordered_map" in time and \
                time["unordered_map"] < 5 * time["smtp"]:
            missed.append(f"from_name: unordered_map only {time['unordered_map'] / time['smtp']:.1f}"
                          " x slower than smtp (target 5 x)")
        if group == "reply" and "parse_reply" in time:
            if "memchr_lines" in time and time["parse_reply"] > time["memchr_lines"]:
                missed.append("reply: parse_reply slower than memchr_lines")
            if "naive_getline_stoi" in time and \
                    time["naive_getline_stoi"] < 5 * time["parse_reply"]:
                missed.append("reply: naive_getline_stoi less than 5 x slower than parse_reply")
    if missed:
        print("\nMissed targets: " + "; ".join(missed))
        if args.check:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
