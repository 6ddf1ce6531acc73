#!/usr/bin/env python3
"""Measure smtp-explain on a corpus of real bounce emails against labels.

Usage:
    measure_corpus.py BINARY CORPUS_DIR [--labels labels.json] [--misses] [--json]

BINARY is the smtp-explain program; CORPUS_DIR holds the emails (*.eml);
labels.json (default: CORPUS_DIR/../labels.json, else CORPUS_DIR/labels.json)
holds one object per email: {"file": NAME, "recipients": [{"recipient",
"deliverystatus", "replycode", "reason", "hardbounce", "action", ...}]}, as
made by a bounce classifier such as sisimai. A label may carry a "reviewed"
object whose fields replace the classifier's (a hand correction).

For every email the program runs as `BINARY --json -f EMAIL`. Its items of
kind "bounce" are matched to the labelled recipients by address, case
insensitive; a labelled recipient with no item is a miss for every figure.

What is counted, per recipient:
  status       our "status" equals the label's deliverystatus, where the
               email states it: sisimai's own pseudo-codes (X.0.9xx, which
               no email contains) and codes that do not occur in the email's
               text are left out, as "not stated".
  code         our "code" equals the label's replycode, where the email
               states it (the three digits occur in the email's text).
  status+code  both of the above, over the recipients that state both.
  next_action  our "next_action" equals the expected verdict (expected_action).
  reason       our "reason" equals the label's reason; a label's
               "emailtoolarge" (the word later sisimai 5 releases use for
               both "mesgtoobig" and "exceedlimit", which our vocabulary
               keeps apart) agrees with either (SAME_REASONS).
  reason (labeller's words)
               the same, leaving out the recipients whose reason is one of
               the words the labeller (sisimai 4.25, the version in Debian
               12) does not have, LATER_REASONS, where ours differs from its
               label: it could not have agreed.
  hard         our "hard" equals the label's hardbounce (when not null).
Per email:
  exit 0       the program exited 0 (it understood the email).
  quoted       an item with a verdict of failure (next_action Fail or Retry)
               whose recipient or code occurs only inside the quoted
               original message (a message/rfc822 or text/rfc822-headers
               part, or after a plain-text "copy of the message" line), not
               in the report itself: a verdict read from the wrong place. (A
               feedback report's or an auto-reply's item is no such verdict:
               a feedback report may name the recipient only in the
               reported message.)

The summary gives counts and percentages, then the same per family (the file
name up to its first "-"); --misses lists every miss.
"""

import argparse
import email
import email.policy
import json
import os
import re
import subprocess
import sys
from collections import OrderedDict, defaultdict

# Verdicts for reasons that are no failure.
PROCEED_REASONS = frozenset({"delivered", "feedback", "vacation"})
# Reasons whose nature is transient, used only when the label has neither an
# enhanced status nor a reply code (sisimai's vocabulary).
TRANSIENT_REASONS = frozenset({
    "mailboxfull", "systemfull", "toomanyconn", "ratelimited", "speeding",
    "networkerror", "expired", "systemerror",
})
# Reasons sisimai added after version 4.25 (its release notes): authfailure,
# badreputation, notcompliantrfc and requireptr in 5.0.0, failedstarttls in
# 5.2.0, ratelimited in 5.6.0. Labels made with 4.25 say "blocked",
# "securityerror" or "policyviolation" where these apply.
LATER_REASONS = frozenset({
    "authfailure", "badreputation", "notcompliantrfc", "requireptr", "failedstarttls",
    "ratelimited",
})
# A labeller's word and the words of ours it covers.
SAME_REASONS = {"emailtoolarge": frozenset({"mesgtoobig", "exceedlimit"})}
# Reasons that say nothing either way: no verdict is expected for them.
UNDECIDED_REASONS = frozenset({"undefined", "onhold", ""})

# Plain-text lines after which bounces without MIME structure quote the
# original message (qmail, Exim, GMX/1&1, IMail, Gmail, Notes, m-FILTER,
# OpenSMTPD, fml, old Sendmail, MXLogic, ...). Matched case-insensitively at the start of a line.
QUOTE_MARKERS = re.compile(
    r"^\s*(?:"
    r"-+ ?Below this line is a copy of the message"
    r"|-+ This is a copy of the message"
    r"|-+ The header of the original message is following"
    r"|Original message follows"
    r"|-+ ?Original message ?-+"
    r"|-+ ?Returned Message ?-+"
    r"|-+ ?original message\s*$"
    r"|Below is a copy of the original message"
    r"|Original mail as follows"
    r"|-+ ?Unsent message follows ?-+"
    r"|Included is a copy of the message header"
    r")",
    re.IGNORECASE | re.MULTILINE)

QUOTED_TYPES = frozenset({"message/rfc822", "text/rfc822-headers", "message/partial"})


def family_of(name):
    """The family of a corpus file: its name up to the first '-'."""
    return os.path.basename(name).split("-", 1)[0]


def is_pseudo_status(status):
    """sisimai's own codes X.0.9xx (no MTA sends them)."""
    parts = (status or "").split(".")
    return len(parts) == 3 and parts[1] == "0" and parts[2].isdigit() and int(parts[2]) >= 900


def label_value(rcpt, field):
    """A label's field, the hand-reviewed value first."""
    reviewed = rcpt.get("reviewed") or {}
    if field in reviewed:
        return reviewed[field]
    return rcpt.get(field)


def as_code(value):
    """A reply code as an int, or None ('550', 550, '', None)."""
    if value is None:
        return None
    text = str(value).strip()
    return int(text) if re.fullmatch(r"[2-5]\d\d", text) else None


def expected_action(rcpt):
    """The verdict a reader should take for a labelled recipient.

    The same rule as smtp-explain's (analyse/bounce_verdict.hpp):
    1. reason delivered, feedback or vacation, or action delivered, relayed
       or expanded: Proceed (no failure);
    2. action "delayed": Retry;
    3. the label's enhanced status class (sisimai's X.0.9xx included: its class
       is the classifier's judgement): 4 Retry, 5 Fail;
    4. else the reply code's class: 4 Retry, 5 Fail;
    5. else action "failed": Fail (the MTA gave up and says no more);
    6. else the reason: a transient one (TRANSIENT_REASONS) Retry, undefined
       or onhold nothing expected (None), any other Fail.
    """
    reason = label_value(rcpt, "reason") or ""
    action = (label_value(rcpt, "action") or "").lower()
    if reason in PROCEED_REASONS or action in ("delivered", "relayed", "expanded"):
        return "Proceed"
    if action == "delayed":
        return "Retry"
    status = label_value(rcpt, "deliverystatus") or ""
    if status[:1] in ("4", "5"):
        return "Retry" if status[0] == "4" else "Fail"
    code = as_code(label_value(rcpt, "replycode"))
    if code is not None and code // 100 in (4, 5):
        return "Retry" if code // 100 == 4 else "Fail"
    if action == "failed":
        return "Fail"
    if reason in UNDECIDED_REASONS:
        return None
    return "Retry" if reason in TRANSIENT_REASONS else "Fail"


def split_report_and_quoted(raw):
    """(report text, quoted text) of an email: the quoted original message
    apart from the rest. MIME parts of QUOTED_TYPES are quoted; in a text part,
    whatever follows a QUOTE_MARKERS line is quoted too."""
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    report, quoted = [], []
    header_text = "".join("%s: %s\n" % (k, v) for k, v in msg.items())
    report.append(header_text)

    def text_of(part):
        payload = part.get_payload(decode=True)
        if payload is None:
            payload = part.get_payload()
            return payload if isinstance(payload, str) else ""
        return payload.decode(part.get_content_charset() or "utf-8", "replace")

    def walk(part, inside_quote):
        ctype = part.get_content_type()
        quote_here = inside_quote or ctype in QUOTED_TYPES
        if part.is_multipart() or isinstance(part.get_payload(), list):
            # The text before the first boundary and after the last one is
            # part of the report (some MTAs write their notice there).
            for extra in (part.preamble, part.epilogue):
                if extra:
                    (quoted if quote_here else report).append(extra)
            for sub in part.get_payload():
                if isinstance(sub, email.message.Message):
                    # A message/delivery-status part parses into header
                    # blocks: its fields are the sub-part's headers.
                    headers = "".join("%s: %s\n" % (k, v) for k, v in sub.items())
                    (quoted if quote_here else report).append(headers)
                    walk(sub, quote_here)
            return
        text = text_of(part)
        if quote_here:
            quoted.append(text)
            return
        found = QUOTE_MARKERS.search(text)
        if found:
            report.append(text[:found.start()])
            quoted.append(text[found.start():])
        else:
            report.append(text)

    walk(msg, False)
    return "\n".join(report), "\n".join(quoted)


def from_quoted_only(item, report, quoted):
    """Whether a bounce item with a verdict of failure (Fail, Retry) has a
    recipient or code that occurs only in the quoted original (and not in
    the report)."""
    if item.get("next_action") not in ("Fail", "Retry"):
        return False
    low_report, low_quoted = report.lower(), quoted.lower()
    rcpt = (item.get("recipient") or "").lower()
    if rcpt and rcpt not in low_report and rcpt in low_quoted:
        return True
    code = item.get("code")
    if isinstance(code, int):
        pattern = re.compile(r"(?<![\d.])%d(?![\d.])" % code)
        if not pattern.search(report) and pattern.search(quoted):
            return True
    return False


def run_tool(binary, path, timeout):
    """(exit status, bounce items, error text) of one run of the program."""
    try:
        done = subprocess.run([binary, "--json", "-f", path], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None, [], "timed out after %ss" % timeout
    except OSError as error:
        return None, [], str(error)
    try:
        document = json.loads(done.stdout.decode("utf-8", "replace") or "null")
    except ValueError as error:
        return done.returncode, [], "no JSON: %s" % error
    items = (document or {}).get("items") or [] if isinstance(document, dict) else []
    bounces = [i for i in items if isinstance(i, dict) and i.get("kind") == "bounce"]
    return done.returncode, bounces, ""


class Tally:
    """Hits and totals of each figure."""

    FIGURES = ("exit 0", "quoted", "recipients found", "status", "code", "status+code",
               "next_action", "reason", "reason (labeller's words)", "hard")

    def __init__(self):
        self.hits = defaultdict(int)
        self.totals = defaultdict(int)

    def count(self, figure, hit):
        self.totals[figure] += 1
        self.hits[figure] += 1 if hit else 0

    def row(self, figure):
        total = self.totals[figure]
        hits = self.hits[figure]
        percent = 100.0 * hits / total if total else 0.0
        return hits, total, percent


def measure(binary, corpus, labels, timeout=60.0):
    """Run the program over the corpus; return (overall Tally, per-family
    Tallies, misses, notes)."""
    overall, families = Tally(), defaultdict(Tally)
    misses, notes = [], defaultdict(int)
    for entry in labels:
        name = entry["file"]
        path = os.path.join(corpus, name)
        if not os.path.exists(path):
            notes["labelled email missing from the corpus"] += 1
            continue
        with open(path, "rb") as handle:
            raw = handle.read()
        text = raw.decode("utf-8", "replace")
        tallies = (overall, families[family_of(name)])
        status, items, error = run_tool(binary, path, timeout)

        def count(figure, hit, recipient="", expected=None, got=None):
            for tally in tallies:
                tally.count(figure, hit)
            if not hit:
                misses.append((name, recipient, figure, expected, got))

        count("exit 0", status == 0, expected=0, got=error or status)
        report, quoted = split_report_and_quoted(raw)
        wrong = [i for i in items if from_quoted_only(i, report, quoted)]
        count("quoted", not wrong, expected="none from the quoted original",
              got=", ".join("%s %s" % (i.get("recipient"), i.get("code")) for i in wrong))

        by_address = {}
        for item in items:
            by_address.setdefault((item.get("recipient") or "").lower(), item)
        matched = set()
        for rcpt in entry.get("recipients") or []:
            address = (label_value(rcpt, "recipient") or "").lower()
            item = by_address.get(address)
            if item is not None:
                matched.add(address)
            count("recipients found", item is not None, address, address, None)
            got = item or {}

            stated_status = label_value(rcpt, "deliverystatus") or ""
            if stated_status and not is_pseudo_status(stated_status) and stated_status in text:
                count("status", got.get("status") == stated_status, address,
                      stated_status, got.get("status"))
            else:
                notes["status not stated in the email (not counted)"] += 1
            stated_code = as_code(label_value(rcpt, "replycode"))
            if stated_code is not None and re.search(r"(?<!\d)%d(?!\d)" % stated_code, text):
                count("code", got.get("code") == stated_code, address, stated_code, got.get("code"))
                if stated_status and not is_pseudo_status(stated_status) and stated_status in text:
                    both = got.get("status") == stated_status and got.get("code") == stated_code
                    count("status+code", both, address, "%s %s" % (stated_code, stated_status),
                          "%s %s" % (got.get("code"), got.get("status")))
            else:
                notes["reply code not stated in the email (not counted)"] += 1

            verdict = expected_action(rcpt)
            if verdict is None:
                notes["no verdict expected (reason undefined/onhold, no code)"] += 1
            else:
                count("next_action", got.get("next_action") == verdict, address, verdict,
                      got.get("next_action"))
            reason = label_value(rcpt, "reason")
            if reason:
                agree = got.get("reason") == reason or got.get("reason") in SAME_REASONS.get(
                    reason, ())
                count("reason", agree, address, reason, got.get("reason"))
                if agree or got.get("reason") not in LATER_REASONS:
                    count("reason (labeller's words)", agree, address, reason, got.get("reason"))
                else:
                    notes["reason a word the labeller does not have (left out of its figure)"] += 1
            hard = label_value(rcpt, "hardbounce")
            if isinstance(hard, bool):
                count("hard", got.get("hard") is hard, address, hard, got.get("hard"))
        extra = [a for a in by_address if a not in matched]
        notes["bounce items for recipients the label does not list"] += len(extra)
    return overall, families, misses, notes


def load_labels(path):
    with open(path, encoding="utf-8") as handle:
        labels = json.load(handle)
    if not isinstance(labels, list):
        raise ValueError("%s: a list of emails expected" % path)
    return labels


def print_report(overall, families, misses, notes, show_misses, out=None):
    out = out or sys.stdout
    print("%-26s %6s %6s %8s" % ("figure", "hits", "of", "percent"), file=out)
    for figure in Tally.FIGURES:
        hits, total, percent = overall.row(figure)
        print("%-26s %6d %6d %7.1f%%" % (figure, hits, total, percent), file=out)
    for note, number in sorted(notes.items()):
        print("note: %s: %d" % (note, number), file=out)
    columns = ("exit 0", "status", "code", "next_action", "reason", "hard")
    print("", file=out)
    print("%-16s %6s %6s " % ("family", "emails", "rcpts") + " ".join("%12s" % c for c in columns),
          file=out)
    for name in sorted(families):
        tally = families[name]
        cells = []
        for figure in columns:
            hits, total, _ = tally.row(figure)
            cells.append("%12s" % ("%d/%d" % (hits, total) if total else "-"))
        print("%-16s %6d %6d " % (name, tally.totals["exit 0"], tally.totals["recipients found"])
              + " ".join(cells), file=out)
    if show_misses:
        print("", file=out)
        print("misses (file, recipient, figure: expected -> got)", file=out)
        for name, recipient, figure, expected, got in misses:
            print("%s %s %s: %r -> %r" % (name, recipient or "-", figure, expected, got), file=out)


def summary_json(overall, families, notes):
    def rows(tally):
        return OrderedDict((f, dict(zip(("hits", "total", "percent"), tally.row(f))))
                           for f in Tally.FIGURES)
    return {"overall": rows(overall), "families": {k: rows(v) for k, v in sorted(families.items())},
            "notes": dict(notes)}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", help="the smtp-explain program")
    parser.add_argument("corpus", help="folder of the emails (*.eml)")
    parser.add_argument("--labels", help="labels.json (default: beside or in the corpus folder)")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per email")
    args = parser.parse_args(argv)
    labels_path = args.labels
    if labels_path is None:
        beside = os.path.join(os.path.dirname(os.path.abspath(args.corpus)), "labels.json")
        labels_path = beside if os.path.exists(beside) else os.path.join(args.corpus, "labels.json")
    try:
        labels = load_labels(labels_path)
    except (OSError, ValueError) as error:
        print("measure_corpus: %s" % error, file=sys.stderr)
        return 2
    if not os.access(args.binary, os.X_OK):
        print("measure_corpus: %s: not an executable program" % args.binary, file=sys.stderr)
        return 2
    overall, families, misses, notes = measure(args.binary, args.corpus, labels, args.timeout)
    if args.json:
        json.dump(summary_json(overall, families, notes), sys.stdout, indent=1)
        print()
    else:
        print_report(overall, families, misses, notes, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
