#!/usr/bin/env python3
# smtp-status: what an SMTP server's reply means.
# SPDX-License-Identifier: BSL-1.0
"""Instructions per operation of every benchmark, counted by callgrind.

Runs each benchmark once under valgrind --tool=callgrind, with collection
switched on only inside the benchmark's function (--toggle-collect, so
start-up and the building of inputs are not counted), and prints a table of instructions
per operation. The
count is a property of the code and the inputs, not of the machine's load,
so it is the figure that shows a regression on a busy machine.

Which benchmarks: those whose name matches --filter (default: the
callgrind/ variants, which make a fixed number of passes, and the
reply_callgrind/ ones of reply_benchmark.cpp). The unit: a byte when the
benchmark reports bytes processed (the reply parsers), else an operation
when it sets one of the --op-counters (default "ops,replies": operations
per iteration), else an iteration. In a group (the name
without its last part) an impl named "loop" only reads the inputs: its count
per operation is subtracted from the others' in the "net" column.

Usage:
  python3 tests/benchmarks/callgrind.py [BENCHMARK_PROGRAM] [--filter REGEX]
      [--check]
BENCHMARK_PROGRAM defaults to build/bench/tests/benchmarks/smtp_status_benchmarks.
--check exits 1 when a target of BENCHMARKS.md is missed (smtp within 1.5 x
dense_array, unordered_map at least 3 x smtp, in net instructions).
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PROGRAM = ROOT / "build/bench/tests/benchmarks/smtp_status_benchmarks"
OURS = ("smtp", "parse_reply")


def listed(program, regex):
    result = subprocess.run([str(program), f"--benchmark_filter={regex}",
                             "--benchmark_list_tests=true"],
                            check=True, capture_output=True, text=True)
    return [line.strip() for line in result.stdout.splitlines() if line.strip()]


def count(program, name, scratch):
    """Instructions inside the benchmark's Run, and its Google Benchmark report."""
    out = scratch / "callgrind.out"
    report = scratch / "report.json"
    command = ["valgrind", "--tool=callgrind", "--collect-atstart=no",
               # A benchmark registered as a function (BENCHMARK(f)) is
               # f(benchmark::State&); one registered as a lambda is called
               # through LambdaBenchmark<...>::Run (valgrind prints its
               # parameter without the &, so the patterns do not overlap).
               "--toggle-collect=*(benchmark::State&)",
               "--toggle-collect=benchmark::internal::LambdaBenchmark*::Run*",
               f"--callgrind-out-file={out}",
               str(program), f"--benchmark_filter=^{re.escape(name)}$",
               f"--benchmark_out={report}", "--benchmark_out_format=json"]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    total = None
    for line in out.read_text(errors="replace").splitlines():
        if line.startswith("summary:"):
            total = int(line.split()[1])
    runs = [b for b in json.loads(report.read_text())["benchmarks"]
            if b.get("run_type", "iteration") == "iteration"]
    if total is None or len(runs) != 1:
        sys.exit(f"callgrind.py: no single count for {name}")
    return total, runs[0]


def per_unit(bench, total, op_counters):
    """Instructions per operation, per byte or per iteration, and the unit."""
    per_iteration = total / bench["iterations"]
    if "bytes_per_second" in bench:
        # Google Benchmark divides the bytes by the CPU time; multiplying back
        # by the CPU time of an iteration gives the bytes of an iteration.
        seconds = bench["cpu_time"] * {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[
            bench.get("time_unit", "ns")]
        return per_iteration / (bench["bytes_per_second"] * seconds), "byte"
    ops = next((bench[c] for c in op_counters if c in bench), None)
    if ops:
        return per_iteration / ops, "op"
    return per_iteration, "iteration"


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("program", nargs="?", default=str(DEFAULT_PROGRAM))
    parser.add_argument("--filter", default="callgrind/",
                        help="Google Benchmark filter (regex) of the benchmarks to count")
    parser.add_argument("--op-counters", default="ops,replies")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()

    op_counters = args.op_counters.split(",")
    rows = {}  # group -> impl -> (per op, unit)
    with tempfile.TemporaryDirectory(prefix="smtp-callgrind-") as scratch:
        for name in listed(args.program, args.filter):
            total, bench = count(args.program, name, Path(scratch))
            short = re.sub(r"/iterations:\d+$", "", name)
            # callgrind/<group>/<impl>, or <group>_callgrind/<impl>
            short = re.sub(r"^(?:(\w+)_)?callgrind/",
                           lambda m: f"{m.group(1)}/" if m.group(1) else "", short)
            group, _, impl = short.rpartition("/")
            per, unit = per_unit(bench, total, op_counters)
            rows.setdefault(group or short, {})[impl] = (per, unit)
            sys.stderr.write(f"counted {name}\n")

    print("Instructions per operation (valgrind --tool=callgrind; net: minus the "
          "group's loop-only kernel).\n")
    print("| group | impl | unit | instr/unit | net instr/unit | x ours (net) |")
    print("|---|---|---|--:|--:|--:|")
    missed = []
    for group, impls in rows.items():
        loop = impls.get("loop", (0.0, ""))[0]
        net = {impl: per - loop for impl, (per, _) in impls.items()}
        ours = next((net[o] for o in OURS if o in net), None)
        for impl, (per, unit) in impls.items():
            ratio = f"{net[impl] / ours:.2f}" if ours and impl != "loop" else ""
            net_cell = f"{net[impl]:.1f}" if impl != "loop" else ""
            print(f"| {group} | {impl} | {unit} | {per:.1f} | {net_cell} | {ratio} |")
        if ours and "smtp" in net:
            if "dense_array" in net and net["smtp"] > 1.5 * net["dense_array"]:
                missed.append(f"{group}: smtp {net['smtp']:.1f} > 1.5 x dense_array "
                              f"{net['dense_array']:.1f}")
            if "unordered_map" in net and net["unordered_map"] < 3 * net["smtp"]:
                missed.append(f"{group}: unordered_map {net['unordered_map']:.1f} < 3 x "
                              f"smtp {net['smtp']:.1f}")
    if missed:
        print("\nMissed targets: " + "; ".join(missed))
        if args.check:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
