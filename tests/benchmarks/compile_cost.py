#!/usr/bin/env python3
# smtp-status: what an SMTP server's reply means.
# SPDX-License-Identifier: BSL-1.0
"""Compile cost of each public header, against fixed standard headers.

For every include/smtp/*.hpp this compiles, with each compiler
(-fsyntax-only, so only the front end runs, as in an edit-compile loop), a
translation unit holding only `#include <smtp/NAME.hpp>`, and compares it
with two kinds of baseline:

  references  translation units holding one fixed standard header each,
              <string_view>, <string> and <iostream>: what a user already
              pays for the text types and for printing. The targets below
              are ratios to these, so they do not move when a header's own
              includes change.
  needs       the non-smtp headers NAME.hpp includes, directly or through
              the smtp headers it includes: the extra column says what the
              library's own declarations and tables cost on top.

Two measures:

  instructions  the compiler's instruction count under
                valgrind --tool=callgrind --trace-children=yes (the driver and
                cc1plus/clang -cc1 summed): repeatable to a few parts per
                million, so it is the figure to compare across changes and
                the one the targets use;
  time          the median wall time of --runs runs (header and baselines
                interleaved), which a busy machine makes noisy.

Targets (instructions, with each compiler):
  status_code.hpp  at most 1.5 x <string_view>
  reply.hpp        at most <string>
  smtp.hpp         at most <iostream>

Usage:
  python3 tests/benchmarks/compile_cost.py [--runs 9] [--compilers g++,clang++]
      [--std c++17] [--headers status_code,reply,smtp] [--no-time]
      [--no-callgrind] [--no-needs] [--include DIR] [--check]

--include measures the headers of another tree (an older checkout, for a
before-and-after table). --check exits with status 1 when a target is missed
(CI runs it with --headers status_code,reply,smtp --no-time --no-needs).
"""

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INCLUDE_RE = re.compile(r'^\s*#\s*include\s*<([^>]+)>', re.MULTILINE)

# The fixed references, and the targets as (reference, largest ratio).
REFERENCES = ["string_view", "string", "iostream"]
TARGETS = {
    "status_code": ("string_view", 1.5),
    "reply": ("string", 1.0),
    "smtp": ("iostream", 1.0),
}


def needed_headers(include, header, seen=None):
    """The non-smtp headers `header` includes, directly or through smtp ones."""
    seen = set() if seen is None else seen
    result = set()
    for name in INCLUDE_RE.findall(header.read_text()):
        if name.startswith("smtp/"):
            if name not in seen:
                seen.add(name)
                result |= needed_headers(include, include / name, seen)
        else:
            result.add(name)
    return result


def command(cxx, std, include, source):
    return [cxx, f"-std={std}", "-fsyntax-only", f"-I{include}", str(source)]


def compiles(cxx, std, include, source):
    run = subprocess.run(command(cxx, std, include, source), capture_output=True, text=True)
    if run.returncode != 0:
        sys.stderr.write(f"{cxx} cannot compile {source.name}:\n{run.stderr[:2000]}\n")
    return run.returncode == 0


def instructions(cxx, std, include, source, scratch):
    """Instructions the compiler executes (all its processes), under callgrind."""
    out = Path(tempfile.mkdtemp(dir=scratch))
    subprocess.run(["valgrind", "--tool=callgrind", "--trace-children=yes",
                    f"--callgrind-out-file={out}/cg.%p"] + command(cxx, std, include, source),
                   check=True, capture_output=True)
    total = 0
    for dump in out.iterdir():
        for line in dump.read_text(errors="replace").splitlines():
            if line.startswith("summary:"):
                total += int(line.split()[1])
    shutil.rmtree(out)
    return total


def wall_times(cxx, std, include, sources, runs):
    """Median wall time of each source, the sources interleaved run by run."""
    times = {source: [] for source in sources}
    for _ in range(runs):
        for source in sources:
            started = time.perf_counter()
            subprocess.run(command(cxx, std, include, source), check=True, capture_output=True)
            times[source].append(time.perf_counter() - started)
    return {source: statistics.median(values) for source, values in times.items()}


def percent(extra):
    return f"{extra * 100:+.1f} %"


def measure(cxx, args, include, source, scratch):
    """(instructions or None, seconds or None) for one translation unit."""
    instr = None if args.no_callgrind else instructions(cxx, args.std, include, source, scratch)
    seconds = None
    if not args.no_time:
        seconds = wall_times(cxx, args.std, include, [source], args.runs)[source]
    return instr, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9, help="timed runs per file (median)")
    parser.add_argument("--compilers", default="g++,clang++")
    parser.add_argument("--std", default="c++17")
    parser.add_argument("--headers", default="",
                        help="comma-separated header stems (default: every public header)")
    parser.add_argument("--include", default=str(ROOT / "include"),
                        help="the include folder whose smtp/ headers are measured")
    parser.add_argument("--no-time", action="store_true", help="skip the wall-time runs")
    parser.add_argument("--no-callgrind", action="store_true",
                        help="skip the instruction counts")
    parser.add_argument("--no-needs", action="store_true",
                        help="skip the baseline of each header's own standard headers")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when an instruction-count target is missed")
    args = parser.parse_args()

    include = Path(args.include).resolve()
    headers = sorted((include / "smtp").glob("*.hpp"))
    if args.headers:
        wanted = args.headers.split(",")
        headers = [h for h in headers if h.stem in wanted]
        missing = set(wanted) - {h.stem for h in headers}
        if missing:
            sys.stderr.write(f"no such header: {', '.join(sorted(missing))}\n")
            return 2
    compilers = args.compilers.split(",")

    rows = []
    references = {}
    missed = []
    with tempfile.TemporaryDirectory(prefix="smtp-compile-cost-") as scratch:
        scratch = Path(scratch)
        # The same file names on every run: compilers hash them, which moves
        # the counts by up to 0.3 %.
        for name in REFERENCES:
            tu = scratch / f"reference_{name}.cpp"
            tu.write_text(f"#include <{name}>\n")
            for cxx in compilers:
                references[(name, cxx)] = measure(cxx, args, include, tu, scratch)
                sys.stderr.write(f"measured <{name}> with {cxx}\n")
        for header in headers:
            needed = sorted(needed_headers(include, header))
            header_tu = scratch / f"{header.stem}.cpp"
            baseline_tu = scratch / f"{header.stem}_baseline.cpp"
            header_tu.write_text(f"#include <smtp/{header.name}>\n")
            baseline_tu.write_text("".join(f"#include <{n}>\n" for n in needed))
            for cxx in compilers:
                if not compiles(cxx, args.std, include, header_tu):
                    continue
                row = {"header": header.name, "stem": header.stem, "needs": needed,
                       "cxx": cxx, "full": measure(cxx, args, include, header_tu, scratch)}
                if not args.no_needs and compiles(cxx, args.std, include, baseline_tu):
                    row["base"] = measure(cxx, args, include, baseline_tu, scratch)
                target = TARGETS.get(header.stem)
                if target is not None and row["full"][0] is not None:
                    reference, ratio = target
                    limit = references[(reference, cxx)][0] * ratio
                    if row["full"][0] > limit:
                        missed.append(f"{header.name} with {cxx}: {row['full'][0] / 1e6:.1f} M, "
                                      f"target {limit / 1e6:.1f} M ({ratio:g} x <{reference}>)")
                rows.append(row)
                sys.stderr.write(f"measured {header.name} with {cxx}\n")

    print(f"Compile cost, -std={args.std} -fsyntax-only, {include}.\n")
    print("References:\n")
    print("| header | compiler | instr | time |")
    print("|---|---|--:|--:|")
    for (name, cxx), (instr, seconds) in references.items():
        print(f"| `<{name}>` | {cxx} | "
              + (f"{instr / 1e6:.1f} M" if instr is not None else "") + " | "
              + (f"{seconds * 1e3:.0f} ms" if seconds is not None else "") + " |")
    print()
    print("| header | compiler | instr | x <string_view> | x <string> | x <iostream> "
          "| extra over its std headers | time | extra time | target |")
    print("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for row in rows:
        instr, seconds = row["full"]
        cells = [f"`{row['header']}`", row["cxx"]]
        if instr is not None:
            cells.append(f"{instr / 1e6:.1f} M")
            for name in REFERENCES:
                cells.append(f"{instr / references[(name, row['cxx'])][0]:.2f}")
        else:
            cells += ["", "", "", ""]
        base = row.get("base")
        cells.append(percent(instr / base[0] - 1) if base and instr is not None else "")
        cells.append(f"{seconds * 1e3:.0f} ms" if seconds is not None else "")
        cells.append(percent(seconds / base[1] - 1) if base and seconds is not None else "")
        target = TARGETS.get(row["stem"])
        cells.append(f"{target[1]:g} x <{target[0]}>" if target else "")
        print("| " + " | ".join(cells) + " |")
    if not args.no_needs:
        print()
        print("What each header needs (its std headers, the baseline of the extra column):")
        seen = set()
        for row in rows:
            if row["header"] not in seen:
                seen.add(row["header"])
                print(f"- `{row['header']}`: " + " ".join(f"`<{n}>`" for n in row["needs"]))
    if missed:
        print("\nMissed targets: " + "; ".join(missed))
        if args.check:
            return 1
    elif args.check:
        print("\nEvery target met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
