#!/usr/bin/env python3
# smtp-explain: what an SMTP reply, code or session transcript means.
# SPDX-License-Identifier: BSL-1.0
"""Runs smtp-explain once and checks what it did; ctest runs one case per test.

    run_case.py --exe PATH [checks...] -- [smtp-explain arguments...]

Input (standard input of the program):
  --stdin FILE           the bytes of FILE
  --stdin-text TEXT      TEXT, with \\r, \\n and \\xNN escapes decoded
  --generate KIND:BYTES  BYTES bytes made on the fly and piped in while the
                         program runs (KIND: transcript, binary,
                         endless-line, continuations, long-lines, and the
                         emails email-notice and email-dsn: a header, then
                         recipients' paragraphs or DSN groups)
Output:
  --stdout-file PATH     the program's stdout is PATH (such as /dev/full)
                         instead of a pipe; the stdout checks see nothing
Checks:
  --exit N               the exit status (required)
  --stdout-has TEXT      stdout contains TEXT (repeatable)
  --stdout-lacks TEXT    stdout does not contain TEXT (repeatable)
  --stdout-empty         nothing on stdout
  --no-control-bytes     stdout holds no control character but the newline
  --stderr-empty         nothing on stderr
  --stderr-one-line      exactly one line on stderr, starting "smtp-explain: "
  --stderr-has TEXT      stderr contains TEXT
  --json                 stdout is one JSON document (Python's json module)
  --json-eq PATH=VALUE   the value at PATH (dots; numbers index arrays) equals
                         the JSON VALUE, e.g. items.0.code=550
  --json-kinds K,K,...   the items' "kind" fields, in order
  --json-finding KIND    some item has a finding of this kind (repeatable)
  --max-rss-mb N         the program's peak resident memory stays below N MiB
  --max-rss-growth-mb N  ... stays below N MiB more than that of a run of
                         `smtp-explain --version` (the peak a child reports
                         includes what it inherited from this script)
  --timeout SECONDS      kill the program (and fail) after this long
  --keep-stdout BYTES    keep only the last BYTES of stdout (for huge output)
"""
import argparse
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time

SAMPLE_BLOCK = (
    b"<-  220 mx.example.net ESMTP ready\r\n"
    b" -> EHLO client.example.org\r\n"
    b"<-  250-mx.example.net\r\n<-  250-PIPELINING\r\n<-  250 ENHANCEDSTATUSCODES\r\n"
    b" -> MAIL FROM:<a@example.org>\r\n -> RCPT TO:<b@example.net>\r\n -> DATA\r\n"
    b"<-  250 2.1.0 Ok\r\n<-  552 5.5.3 Too many recipients\r\n<-  354 Go ahead\r\n"
    b" -> Subject: x\r\n -> \r\n -> body\r\n -> .\r\n"
    b"<-  250 2.0.0 Ok: queued\r\n -> QUIT\r\n<-  221 2.0.0 Bye\r\n"
    b"Nov 28 10:00:01 relay postfix/smtp[1]: 1A: to=<n@example.net>, relay=mx[192.0.2.1]:25, "
    b"dsn=5.1.1, status=bounced (host mx[192.0.2.1] said: 550-5.1.1 No such user 550 5.1.1 "
    b"here (in reply to RCPT TO command))\n"
    b"250-first\r\n251 mismatch\r\n"
    b"421 4.7.0 [TSS04] deferred - 4.16.55.1; see [#4.16.1]\r\n"
)


EMAIL_HEAD = (b"Return-Path: <>\r\nFrom: MAILER-DAEMON@mx.example.org\r\n"
              b"Subject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\n")


def generate_email(kind, size):
    """Yields an email of `size` bytes: a header, then a paragraph or a DSN
    group for one recipient after another, each address new."""
    if kind == "email-notice":
        head = EMAIL_HEAD + b"Content-Type: text/plain\r\n\r\n"
        item = (b"<u%d@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1 no such"
                b" user (in\r\n    reply to RCPT TO command)\r\n\r\n")
    else:
        head = (EMAIL_HEAD + b"Content-Type: multipart/report; report-type=delivery-status;"
                b" boundary=B\r\n\r\n--B\r\nContent-Type: message/delivery-status\r\n\r\n"
                b"Reporting-MTA: dns; mx.example.org\r\n\r\n")
        item = (b"Final-Recipient: rfc822; u%d@example.net\r\nAction: failed\r\n"
                b"Status: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 no\r\n\r\n")
    sent, number = 0, 0
    block = head
    while sent < size:
        while len(block) < 65536:
            block += item % number
            number += 1
        piece = block[: size - sent]
        sent += len(piece)
        block = b""
        yield piece


def generate(kind, size):
    """Yields blocks of input, `size` bytes in all."""
    if kind in ("email-notice", "email-dsn"):
        yield from generate_email(kind, size)
        return
    if kind == "transcript":
        block = SAMPLE_BLOCK * max(1, 65536 // len(SAMPLE_BLOCK))
    elif kind == "binary":
        block = random.Random(20241128).randbytes(1 << 20)
    elif kind == "endless-line":
        block = b"250-" + b"x" * 65532
    elif kind == "continuations":
        block = b"250-more follows\r\n" * (65536 // 18)
    elif kind == "long-lines":
        block = b"550-" + b"y" * 99990 + b"\r\n" + b"noise " * 2000 + b"\n"
    else:
        raise SystemExit(f"unknown generator {kind}")
    sent = 0
    while sent < size:
        piece = block[: size - sent]
        sent += len(piece)
        yield piece


def decode_escapes(text):
    return text.encode("latin-1", "backslashreplace").decode("unicode_escape").encode("latin-1")


def lookup(document, path):
    value = document
    for part in path.split("."):
        if isinstance(value, list):
            value = value[int(part)]
        else:
            value = value[part]
    return value


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--exe", required=True)
    parser.add_argument("--exit", type=int, required=True)
    parser.add_argument("--stdin")
    parser.add_argument("--stdin-text")
    parser.add_argument("--generate")
    parser.add_argument("--stdout-file")
    parser.add_argument("--stdout-has", action="append", default=[])
    parser.add_argument("--stdout-lacks", action="append", default=[])
    parser.add_argument("--stdout-empty", action="store_true")
    parser.add_argument("--no-control-bytes", action="store_true")
    parser.add_argument("--stderr-empty", action="store_true")
    parser.add_argument("--stderr-one-line", action="store_true")
    parser.add_argument("--stderr-has", action="append", default=[])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--json-eq", action="append", default=[])
    parser.add_argument("--json-kinds")
    parser.add_argument("--json-finding", action="append", default=[])
    parser.add_argument("--max-rss-mb", type=float)
    parser.add_argument("--max-rss-growth-mb", type=float)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--keep-stdout", type=int)
    parser.add_argument("arguments", nargs="*")
    options = parser.parse_args()

    if options.stdin is not None:
        source = [open(options.stdin, "rb").read()]
    elif options.stdin_text is not None:
        source = [decode_escapes(options.stdin_text)]
    elif options.generate is not None:
        kind, _, size = options.generate.partition(":")
        source = generate(kind, int(size))
    else:
        source = []

    baseline_mib = None
    if options.max_rss_growth_mb is not None:
        probe = subprocess.Popen([options.exe, "--version"], stdout=subprocess.DEVNULL)
        _, _, probe_usage = os.wait4(probe.pid, 0)
        probe.returncode = 0
        baseline_mib = probe_usage.ru_maxrss / 1024.0

    started = time.monotonic()
    stdout_target = (open(options.stdout_file, "wb") if options.stdout_file is not None
                     else subprocess.PIPE)
    process = subprocess.Popen([options.exe] + options.arguments, stdin=subprocess.PIPE,
                               stdout=stdout_target, stderr=subprocess.PIPE)
    if options.stdout_file is not None:
        stdout_target.close()
    stdout_parts, stderr_parts = [], []
    stdout_total = [0]

    def feed():
        try:
            for block in source:
                process.stdin.write(block)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the program stopped reading, which checks below judge
        finally:
            try:
                process.stdin.close()
            except (BrokenPipeError, ConnectionResetError):
                pass

    def drain(stream, parts, total=None, keep=None):
        kept = 0
        while True:
            block = stream.read(1 << 16)
            if not block:
                return
            if total is not None:
                total[0] += len(block)
            parts.append(block)
            kept += len(block)
            if keep is not None and kept > 2 * keep:
                joined = b"".join(parts)[-keep:]
                parts[:] = [joined]
                kept = len(joined)

    threads = [threading.Thread(target=feed),
               threading.Thread(target=drain, args=(process.stderr, stderr_parts))]
    if process.stdout is not None:
        threads.append(threading.Thread(target=drain, args=(process.stdout, stdout_parts,
                                                            stdout_total, options.keep_stdout)))
    for thread in threads:
        thread.daemon = True
        thread.start()

    timed_out = [False]

    def kill_on_timeout():
        timed_out[0] = True
        try:
            os.kill(process.pid, signal.SIGKILL)  # only the process this script started
        except ProcessLookupError:
            pass

    timer = threading.Timer(options.timeout, kill_on_timeout)
    timer.start()
    _, status, usage = os.wait4(process.pid, 0)
    timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    for thread in threads:
        thread.join(30)
    elapsed = time.monotonic() - started
    stdout = b"".join(stdout_parts)
    stderr = b"".join(stderr_parts)
    peak_mib = usage.ru_maxrss / 1024.0  # Linux reports KiB

    failures = []
    if timed_out[0]:
        failures.append(f"killed after the {options.timeout} s timeout")
    if process.returncode != options.exit:
        failures.append(f"exit status {process.returncode}, expected {options.exit}")
    text = stdout.decode("utf-8", "replace")
    for needle in options.stdout_has:
        if needle not in text:
            failures.append(f"stdout lacks {needle!r}")
    for needle in options.stdout_lacks:
        if needle in text:
            failures.append(f"stdout has {needle!r}")
    if options.stdout_empty and stdout:
        failures.append("stdout is not empty")
    if options.no_control_bytes:
        bad = sorted({byte for byte in stdout if (byte < 0x20 and byte != 0x0A) or byte == 0x7F})
        if bad:
            failures.append(f"stdout holds control bytes {bad}")
    if options.stderr_empty and stderr:
        failures.append("stderr is not empty")
    if options.stderr_one_line:
        lines = stderr.decode("utf-8", "replace").splitlines()
        if len(lines) != 1 or not lines[0].startswith("smtp-explain: "):
            failures.append(f"stderr is not one 'smtp-explain: ' line: {lines!r}")
    for needle in options.stderr_has:
        if needle not in stderr.decode("utf-8", "replace"):
            failures.append(f"stderr lacks {needle!r}")
    if options.json or options.json_eq or options.json_kinds or options.json_finding:
        try:
            # Strict: the bytes must be UTF-8 and the text one JSON document.
            document = json.loads(stdout.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            failures.append(f"stdout is not valid JSON: {error}")
            document = None
        if document is not None:
            for check in options.json_eq:
                path, _, expected = check.partition("=")
                try:
                    actual = lookup(document, path)
                except (KeyError, IndexError, ValueError, TypeError):
                    failures.append(f"no {path} in the JSON")
                    continue
                if actual != json.loads(expected):
                    failures.append(f"{path} is {actual!r}, expected {expected}")
            if options.json_kinds is not None:
                kinds = [item.get("kind") for item in document.get("items", [])]
                expected = options.json_kinds.split(",") if options.json_kinds else []
                if kinds != expected:
                    failures.append(f"item kinds {kinds}, expected {expected}")
            for kind in options.json_finding:
                found = any(finding.get("kind") == kind
                            for item in document.get("items", [])
                            for finding in item.get("findings", []))
                if not found:
                    failures.append(f"no finding of kind {kind}")
    if options.max_rss_mb is not None and peak_mib >= options.max_rss_mb:
        failures.append(f"peak memory {peak_mib:.1f} MiB, limit {options.max_rss_mb} MiB")

    if baseline_mib is not None and peak_mib >= baseline_mib + options.max_rss_growth_mb:
        failures.append(f"peak memory {peak_mib:.1f} MiB, more than {options.max_rss_growth_mb} "
                        f"MiB above the {baseline_mib:.1f} MiB of a trivial run")

    print(f"exit {process.returncode}, {stdout_total[0]} bytes out, {len(stderr)} bytes on "
          f"stderr, {elapsed:.2f} s, peak memory {peak_mib:.1f} MiB")
    if failures:
        shown = text if options.keep_stdout is None else text[-4000:]
        print("--- stdout ---\n" + shown[:20000])
        print("--- stderr ---\n" + stderr.decode("utf-8", "replace")[:4000])
        for failure in failures:
            print("FAILED: " + failure)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
