#!/usr/bin/env python3
# smtp-status: what an SMTP server's reply means.
# SPDX-License-Identifier: BSL-1.0
"""Compile cost of each public header against its own standard headers.

For every include/smtp/*.hpp this compiles two translation units with each
compiler (-fsyntax-only, so only the front end runs, as in an edit-compile
loop):

  header.cpp    #include <smtp/NAME.hpp>
  baseline.cpp  the non-smtp headers NAME.hpp includes, directly or through
                the smtp headers it includes (what it "needs")

and reports the extra cost of the header over its baseline, two ways:

  instructions  the compiler's instruction count under
                valgrind --tool=callgrind --trace-children=yes (the driver and
                cc1plus/clang -cc1 summed): repeatable to a few parts per
                million, so it is the figure to compare across changes;
  time          the median wall time of --runs runs (header and baseline
                interleaved), which a busy machine makes noisy.

Usage:
  python3 tests/benchmarks/compile_cost.py [--runs 9] [--compilers g++,clang++]
      [--std c++17] [--headers status_code,smtp] [--no-time] [--no-callgrind]
      [--check]

--check exits with status 1 when a target of BENCHMARKS.md is missed
(instructions: status_code.hpp at most +20 %, smtp.hpp at most +50 %).
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INCLUDE = ROOT / "include"
INCLUDE_RE = re.compile(r'^\s*#\s*include\s*<([^>]+)>', re.MULTILINE)

# Targets of issue 8, as a fraction over the baseline (instructions).
TARGETS = {"status_code": 0.20, "smtp": 0.50}


def needed_headers(header, seen=None):
    """The non-smtp headers `header` includes, directly or through smtp ones."""
    seen = set() if seen is None else seen
    result = set()
    for name in INCLUDE_RE.findall(header.read_text()):
        if name.startswith("smtp/"):
            if name not in seen:
                seen.add(name)
                result |= needed_headers(INCLUDE / name, seen)
        else:
            result.add(name)
    return result


def command(cxx, std, source):
    return [cxx, f"-std={std}", "-fsyntax-only", f"-I{INCLUDE}", str(source)]


def compiles(cxx, std, source):
    run = subprocess.run(command(cxx, std, source), capture_output=True, text=True)
    if run.returncode != 0:
        sys.stderr.write(f"{cxx} cannot compile {source.name}:\n{run.stderr[:2000]}\n")
    return run.returncode == 0


def instructions(cxx, std, source, scratch):
    """Instructions the compiler executes (all its processes), under callgrind."""
    out = Path(tempfile.mkdtemp(dir=scratch))
    subprocess.run(["valgrind", "--tool=callgrind", "--trace-children=yes",
                    f"--callgrind-out-file={out}/cg.%p"] + command(cxx, std, source),
                   check=True, capture_output=True)
    total = 0
    for dump in out.iterdir():
        for line in dump.read_text(errors="replace").splitlines():
            if line.startswith("summary:"):
                total += int(line.split()[1])
    shutil.rmtree(out)
    return total


def wall_times(cxx, std, sources, runs):
    """Median wall time of each source, the sources interleaved run by run."""
    times = {source: [] for source in sources}
    for _ in range(runs):
        for source in sources:
            started = time.perf_counter()
            subprocess.run(command(cxx, std, source), check=True, capture_output=True)
            times[source].append(time.perf_counter() - started)
    return {source: statistics.median(values) for source, values in times.items()}


def percent(extra):
    return f"{extra * 100:+.1f} %"


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9, help="timed runs per file (median)")
    parser.add_argument("--compilers", default="g++,clang++")
    parser.add_argument("--std", default="c++17")
    parser.add_argument("--headers", default="",
                        help="comma-separated header stems (default: every public header)")
    parser.add_argument("--no-time", action="store_true", help="skip the wall-time runs")
    parser.add_argument("--no-callgrind", action="store_true",
                        help="skip the instruction counts")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when an instruction-count target is missed")
    args = parser.parse_args()

    headers = sorted((INCLUDE / "smtp").glob("*.hpp"))
    if args.headers:
        wanted = set(args.headers.split(","))
        headers = [h for h in headers if h.stem in wanted]
    compilers = args.compilers.split(",")

    rows = []
    missed = []
    with tempfile.TemporaryDirectory(prefix="smtp-compile-cost-") as scratch:
        scratch = Path(scratch)
        for header in headers:
            needed = sorted(needed_headers(header))
            header_tu = scratch / f"{header.stem}.cpp"
            baseline_tu = scratch / f"{header.stem}_baseline.cpp"
            header_tu.write_text(f"#include <smtp/{header.name}>\n")
            baseline_tu.write_text("".join(f"#include <{n}>\n" for n in needed))
            for cxx in compilers:
                if not (compiles(cxx, args.std, header_tu) and
                        compiles(cxx, args.std, baseline_tu)):
                    continue
                row = {"header": header.name, "needs": needed, "cxx": cxx}
                if not args.no_callgrind:
                    base = instructions(cxx, args.std, baseline_tu, scratch)
                    full = instructions(cxx, args.std, header_tu, scratch)
                    row["instr"] = (base, full, full / base - 1)
                    target = TARGETS.get(header.stem)
                    if target is not None and full / base - 1 > target:
                        missed.append(f"{header.name} with {cxx}: {percent(full / base - 1)}"
                                      f" (target {percent(target)})")
                if not args.no_time:
                    medians = wall_times(cxx, args.std, [baseline_tu, header_tu], args.runs)
                    base, full = medians[baseline_tu], medians[header_tu]
                    row["time"] = (base, full, full / base - 1)
                rows.append(row)
                sys.stderr.write(f"measured {header.name} with {cxx}\n")

    print(f"Compile cost, -std={args.std} -fsyntax-only; baseline: the standard "
          f"(and fmt) headers each header needs.\n")
    print("| header | compiler | baseline instr | header instr | extra instr "
          "| baseline time | header time | extra time | target |")
    print("|---|---|--:|--:|--:|--:|--:|--:|--:|")
    for row in rows:
        stem = row["header"][:-4]
        target = percent(TARGETS[stem]) if stem in TARGETS else ""
        cells = [f"`{row['header']}`", row["cxx"]]
        if "instr" in row:
            base, full, extra = row["instr"]
            cells += [f"{base / 1e6:.1f} M", f"{full / 1e6:.1f} M", percent(extra)]
        else:
            cells += ["", "", ""]
        if "time" in row:
            base, full, extra = row["time"]
            cells += [f"{base * 1e3:.0f} ms", f"{full * 1e3:.0f} ms", percent(extra)]
        else:
            cells += ["", "", ""]
        cells.append(target)
        print("| " + " | ".join(cells) + " |")
    print()
    print("Baselines (what each header needs):")
    seen = set()
    for row in rows:
        if row["header"] not in seen:
            seen.add(row["header"])
            print(f"- `{row['header']}`: " + " ".join(f"`<{n}>`" for n in row["needs"]))
    if missed:
        print("\nMissed targets: " + "; ".join(missed))
        if args.check:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
