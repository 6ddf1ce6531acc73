#!/usr/bin/env python3
# smtp-status: what an SMTP server's reply means.
# SPDX-License-Identifier: BSL-1.0
"""How fast smtp-explain reads a mail log, against `wc -l` on the same file.

Writes a Postfix log of the size asked for (default 200 MB) the way a busy
relay writes one: connections, queue IDs, deliveries with `status=sent`,
and about one delivery in eight deferred or bounced (the lines of
tools/smtp-explain/samples/postfix-mail.log, with their own queue IDs).
Then runs, alternately, `wc -l FILE` (the baseline: reading the file and
finding its line ends, nothing more) and `smtp-explain --brief FILE` with
its output to /dev/null, and prints for each the median wall time, MB/s,
the ratio of the two, and smtp-explain's peak resident memory (GNU time's
%M). The file is read from the page cache both times.

Usage:
  python3 tests/benchmarks/explain_log_speed.py [PROGRAM] [--size-mb 200]
      [--runs 5] [--file PATH] [--keep] [--min-mb-s N] [--max-rss-mb N]
PROGRAM defaults to build/release/tools/smtp-explain/smtp-explain. --file
reuses (or writes) the log at PATH; otherwise it goes to a temporary folder
and is deleted afterwards unless --keep. --min-mb-s and --max-rss-mb make
the script exit 1 when smtp-explain is slower or larger than that (a
developer's check on a quiet machine; CI only runs the script small).
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PROGRAM = ROOT / "build/release/tools/smtp-explain/smtp-explain"
SAMPLE = ROOT / "tools/smtp-explain/samples/postfix-mail.log"
MB = 1_000_000
TIME = "/usr/bin/time"  # GNU time (Debian package time), for the peak RSS


def queue_id(rng):
    return "".join(rng.choice("0123456789ABCDEF") for _ in range(10))


def delivery(rng, second, failures):
    """The lines one message leaves in the log, a failure every 8th or so."""
    stamp = f"Nov 28 {10 + second // 3600 % 12:02d}:{second // 60 % 60:02d}:{second % 60:02d}"
    qid = queue_id(rng)
    pid = rng.randrange(1000, 30000)
    client = f"client{rng.randrange(1, 250)}.example.org[192.0.2.{rng.randrange(1, 250)}]"
    user = f"user{rng.randrange(1, 5000)}"
    lines = [
        f"{stamp} relay postfix/smtpd[{pid}]: connect from {client}",
        f"{stamp} relay postfix/smtpd[{pid}]: Anonymous TLS connection established from "
        f"{client}: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)",
        f"{stamp} relay postfix/smtpd[{pid}]: {qid}: client={client}, sasl_method=PLAIN, "
        f"sasl_username={user}",
        f"{stamp} relay postfix/cleanup[{pid + 1}]: {qid}: "
        f"message-id=<{second}.{qid}@example.org>",
        f"{stamp} relay postfix/qmgr[812]: {qid}: from=<{user}@example.org>, "
        f"size={rng.randrange(900, 90000)}, nrcpt=1 (queue active)",
        f"{stamp} relay postfix/smtpd[{pid}]: disconnect from {client} ehlo=2 starttls=1 "
        f"auth=1 mail=1 rcpt=1 data=1 quit=1 commands=8",
    ]
    if rng.randrange(8) == 0:
        # A failure from the sample, with this message's time and queue ID.
        failure = rng.choice(failures)
        lines.append(f"{stamp} {failure.split(' ', 3)[3].replace('3F2A1C0123', qid)}")
    else:
        lines.append(
            f"{stamp} relay postfix/smtp[{pid + 2}]: {qid}: to=<r{rng.randrange(1, 9999)}"
            f"@example.net>, relay=mx.example.net[192.0.2.25]:25, delay=0.9, "
            f"delays=0.1/0/0.4/0.4, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as "
            f"{queue_id(rng)})")
    lines.append(f"{stamp} relay postfix/qmgr[812]: {qid}: removed")
    return "\n".join(lines) + "\n"


def write_log(path, size):
    """Writes `size` bytes of log: a 4 MB block of varied deliveries, repeated."""
    rng = random.Random(20241130)
    failures = [line for line in SAMPLE.read_text().splitlines() if line]
    block = []
    length = 0
    second = 0
    while length < 4 * MB:
        text = delivery(rng, second, failures)
        block.append(text)
        length += len(text)
        second += 1
    data = "".join(block).encode()
    written = 0
    with open(path, "wb") as out:
        while written < size:
            # Whole lines only: cut the last block at a line end.
            piece = data if written + len(data) <= size else data[: data.rfind(b"\n", 0, size - written) + 1]
            if not piece:
                break
            out.write(piece)
            written += len(piece)
    return written


def timed(command):
    """Runs `command` with stdout to /dev/null under GNU time: (seconds, peak
    RSS in KiB). The peak is what time reports for its own child: the
    ru_maxrss of a process forked from this script would include the
    memory it inherited from Python before exec."""
    with tempfile.NamedTemporaryFile(mode="r", prefix="smtp-explain-rss-") as rss, \
            open(os.devnull, "wb") as null:
        start = time.perf_counter()
        result = subprocess.run([TIME, "-f", "%M", "-o", rss.name, *command], stdout=null,
                                stderr=subprocess.PIPE)
        seconds = time.perf_counter() - start
        if result.returncode not in (0, 1):
            sys.exit(f"{command[0]} failed ({result.returncode}): "
                     f"{result.stderr.decode(errors='replace')}")
        return seconds, int(rss.read().split()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("program", nargs="?", default=str(DEFAULT_PROGRAM))
    parser.add_argument("--size-mb", type=float, default=200.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--file", help="the log to read (written first when missing)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary log")
    parser.add_argument("--min-mb-s", type=float, help="fail when slower")
    parser.add_argument("--max-rss-mb", type=float, help="fail when larger")
    args = parser.parse_args()

    scratch = None
    if args.file:
        path = Path(args.file)
    else:
        scratch = tempfile.mkdtemp(prefix="smtp-explain-log-")
        path = Path(scratch) / "mail.log"
    if not path.exists():
        write_log(path, int(args.size_mb * MB))
    size = path.stat().st_size
    try:
        baseline, ours, rss = [], [], []
        timed(["wc", "-l", str(path)])  # warm the page cache
        for _ in range(args.runs):
            baseline.append(timed(["wc", "-l", str(path)])[0])
            seconds, peak = timed([args.program, "--brief", str(path)])
            ours.append(seconds)
            rss.append(peak)
    finally:
        if scratch and not args.keep:
            path.unlink()
            os.rmdir(scratch)
        elif scratch:
            print(f"log kept: {path}")

    wc_time = statistics.median(baseline)
    our_time = statistics.median(ours)
    peak_mb = max(rss) / 1024
    print(f"input: {size / MB:.1f} MB Postfix log, {args.runs} runs, medians")
    print(f"wc -l                   {wc_time:8.3f} s  {size / MB / wc_time:9.1f} MB/s")
    print(f"smtp-explain --brief    {our_time:8.3f} s  {size / MB / our_time:9.1f} MB/s  "
          f"peak RSS {peak_mb:.1f} MiB")
    print(f"ratio (smtp-explain time / wc -l time): {our_time / wc_time:.2f}")
    failed = False
    if args.min_mb_s is not None and size / MB / our_time < args.min_mb_s:
        print(f"FAILED: slower than {args.min_mb_s} MB/s")
        failed = True
    if args.max_rss_mb is not None and peak_mb > args.max_rss_mb:
        print(f"FAILED: peak RSS above {args.max_rss_mb} MiB")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
