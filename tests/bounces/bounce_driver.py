# smtp-status: what an SMTP server's reply means.
# SPDX-License-Identifier: BSL-1.0
#
# The client side of the bounce test bed (make_bounces.sh runs it):
#
#   submit   mails every case of bounce_cases.py to the MTA under test over
#            SMTP on loopback, one message per case (a reply at the end of
#            DATA answers the whole message, so each case needs its own);
#   message  prints one case's message, for an MTA's own submission command;
#   collect  waits (bounded) until the sink has every notice the MTA owes,
#            writes each to OUTDIR as MTA-CASE-ACTION.eml with OUTDIR/
#            expected.json, and checks them;
#   check    checks folders made by collect, e.g. the committed set;
#   selftest proves on a copy of a good folder that check finds mistakes.
#
# The checks use Python's email package: every notice must have the
# Content-Type its MTA uses (multipart/report of report-type
# delivery-status, RFC 6522, but for OpenSMTPD's multipart/mixed) and a
# message/delivery-status part (RFC 3464 section 2) whose fields give the
# recipient, the Action and the Status that bounce_cases.py expects; its
# text must quote the sink's reply, and its Diagnostic-Code too where the
# MTA writes one; and expected.json must agree with bounce_cases.py.
import argparse
import concurrent.futures
import email
import email.policy
import email.utils
import json
import os
import re
import smtplib
import sys
import time

# Run with python3 -I, which leaves the script's folder off sys.path; and
# no __pycache__ in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bounce_cases  # noqa: E402
from bounce_cases import CASES, SENDER  # noqa: E402


def build_message(case, mta, local_domain):
    """The test message of one case, as bytes with CRLF line ends."""
    recipient = case.address(local_domain)
    stamp = time.strftime("%Y%m%d%H%M%S")
    headers = [
        ("From", f"Bounce Test Sender <{SENDER}>"),
        ("To", f"<{recipient}>"),
        ("Subject", f"smtp-status bounce test: {case.name} via {mta}"),
        ("Date", email.utils.formatdate(localtime=False)),
        ("Message-ID", f"<{case.name}.{mta}.{stamp}@sender.example.test>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=us-ascii"),
    ]
    body = [f"This message tests how {mta} reports the case '{case.name}'.",
            "It was sent by the smtp-status bounce test bed on loopback."]
    body += [f"Line {i:03d} of the test text: the quick brown fox jumps over the lazy dog."
             for i in range(1, case.body_lines + 1)]
    lines = [f"{name}: {value}" for name, value in headers] + [""] + body
    return ("\r\n".join(lines) + "\r\n").encode("ascii")


def submit_one(case, args):
    """Mails case to the MTA; returns None, or what went wrong."""
    recipient = case.address(args.local_domain)
    mail_options, rcpt_options = [], []
    if case.envid:
        mail_options.append(f"ENVID={case.envid}")
    if case.notify:
        rcpt_options.append(f"NOTIFY={case.notify}")
    message = build_message(case, args.mta, args.local_domain)
    try:
        with smtplib.SMTP(args.host, args.port, local_hostname=bounce_cases.CLIENT_HELO,
                          timeout=30, source_address=(args.source, 0)) as smtp:
            smtp.ehlo()
            refused = smtp.sendmail(SENDER, [recipient], message,
                                    mail_options=mail_options, rcpt_options=rcpt_options)
        if refused:
            return f"{recipient} refused: {refused}"
    except (smtplib.SMTPException, OSError) as error:
        return f"{recipient}: {error}"
    return None


def submit(args):
    """Mails every case (but those skipped), each in a session of its own,
    all at once: an MTA that takes its time per message (Exim: about half a
    second) then costs that time once."""
    skipped = set(args.skip.split(","))
    cases = [c for c in CASES if c.name not in skipped]
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(cases)) as pool:
        errors = list(pool.map(lambda c: submit_one(c, args), cases))
    for case, error in zip(cases, errors):
        print(f"submitting {case.name}: {error or 'accepted'}", flush=True)
    return 1 if any(errors) else 0


def message(args):
    case = next(c for c in CASES if c.name == args.case)
    sys.stdout.buffer.write(build_message(case, args.mta, args.local_domain).replace(b"\r\n", b"\n"))
    return 0


# ------------------------------------------------------------- reading --

def parse(data):
    return email.message_from_bytes(data, policy=email.policy.compat32)


def delivery_status(msg):
    """The field blocks of the message/delivery-status part (the per-message
    block first), or None when the message has no such part."""
    for part in msg.walk():
        if part.get_content_type() == "message/delivery-status":
            payload = part.get_payload()
            if isinstance(payload, list):
                return payload
            return None
    return None


def field_value(value):
    """A field's value unfolded and stripped; "type; value" kept whole."""
    return re.sub(r"\s+", " ", str(value)).strip() if value is not None else None


def action_of(value):
    """The action-value of an Action field, lower-case, without the RFC 822
    comments an MTA may add (Sendmail: "relayed (to non-dsn-aware mailer)")."""
    return re.sub(r"\([^()]*\)", " ", field_value(value) or "").strip().lower()


def address_of(typed):
    """The address of "rfc822; a@b" (RFC 3464 section 2.3.2)."""
    if typed is None:
        return None
    _, _, address = typed.partition(";")
    return address.strip().strip("<>").lower()


def case_of_address(address, local_domain):
    for case in CASES:
        if address == case.address(local_domain).lower():
            return case
    return None


def notices_in(store):
    """[(file, envelope, message bytes)] of what the sink got for the sender."""
    index = os.path.join(store, "index.jsonl")
    out = []
    if not os.path.exists(index):
        return out
    with open(index) as lines:
        for line in lines:
            entry = json.loads(line)
            with open(os.path.join(store, entry["file"]), "rb") as f:
                out.append((entry, f.read()))
    return out


def classify(data, local_domain):
    """[(case, action)] a notice reports, read from its delivery-status part,
    or from the text for a notice without one."""
    msg = parse(data)
    blocks = delivery_status(msg)
    found = []
    if blocks:
        for block in blocks[1:]:
            case = case_of_address(address_of(block.get("Final-Recipient")), local_domain)
            action = action_of(block.get("Action"))
            if case is not None:
                found.append((case, action))
        return found
    # No delivery-status part (the check will say so): the case by the
    # address the text names, the action unknown.
    text = data.decode("utf-8", "replace").lower()
    return [(case, "unknown") for case in CASES if case.address(local_domain).lower() in text]


def quotes_reply(text, reply):
    """What of the sink's reply (its code, its enhanced code) text lacks."""
    return [f"lacks the sink's {value}" for value in (str(reply.code), reply.status)
            if value is not None
            and not re.search(rf"(?<![\d.]){re.escape(value)}(?![\d.])", text)]


def report_text(msg):
    """The notice without the message it returns: its own text parts and
    its delivery-status fields (never what a message/rfc822 part holds)."""
    parts = msg.get_payload() if msg.is_multipart() else [msg]
    out = []
    for part in parts:
        if part.get_content_type() == "message/delivery-status":
            out += [block.as_string() for block in part.get_payload()]
        elif part.get_content_maintype() == "text" and part.get_content_type() != "text/rfc822-headers":
            out.append(str(part.get_payload(decode=True) or b"", "utf-8", "replace"))
    return "\n".join(out)


def check_notice(data, entry, mta, local_domain):
    """The problems of one notice against its expected.json entry and what
    bounce_cases.py expects of MTA ([] if none)."""
    problems = []
    case = next((c for c in CASES if c.name == entry["case"]), None)
    notices = bounce_cases.expected_notices(mta).get(entry["case"], ())
    notice = next((n for n in notices
                   if entry_for(mta, case, n, local_domain)["file"] == entry["file"]), None)
    if notice is None:
        return [f"bounce_cases.py expects no such notice of {mta}"]
    # expected.json must say what bounce_cases.py says.
    derived = entry_for(mta, case, notice, local_domain)
    problems += [f"expected.json has {key} {entry.get(key)!r}, bounce_cases.py gives {value!r}"
                 for key, value in derived.items() if entry.get(key) != value]
    problems += [f"expected.json has {key}, which bounce_cases.py does not give"
                 for key in entry if key not in derived]
    msg = parse(data)
    if msg.get_content_type() != entry["content_type"]:
        problems.append(f"Content-Type is {msg.get_content_type()}, not {entry['content_type']}")
    if (msg.get_content_type() == "multipart/report"
            and (msg.get_param("report-type") or "").lower() != "delivery-status"):
        problems.append(f"report-type is {msg.get_param('report-type')}, not delivery-status")
    blocks = delivery_status(msg)
    if not blocks:
        return problems + ["no message/delivery-status part"]
    if not blocks[0].get("Reporting-MTA"):
        problems.append("no Reporting-MTA field (RFC 3464 section 2.2)")
    mine = [b for b in blocks[1:]
            if address_of(b.get("Final-Recipient")) == entry["recipient"].lower()]
    if len(mine) != 1:
        return problems + [f"{len(mine)} recipient blocks for {entry['recipient']}"]
    block = mine[0]
    for name in ("Action", "Status"):
        if not block.get(name):
            problems.append(f"no {name} field (RFC 3464 section 2.3)")
    action = action_of(block.get("Action"))
    status = (field_value(block.get("Status")) or "").split(" ")[0]
    if action != entry["action"]:
        problems.append(f"Action {action!r}, expected {entry['action']!r}")
    if status != entry["dsn_status"]:
        problems.append(f"Status {status!r}, expected {entry['dsn_status']!r}")
    # A Diagnostic-Code with nothing after its type ("SMTP; ") is none.
    diagnostic = field_value(block.get("Diagnostic-Code"))
    if diagnostic is not None and not diagnostic.partition(";")[2].strip():
        diagnostic = None
    if case.reply is not None and diagnostic is None and notice.diagnostic:
        problems.append("no Diagnostic-Code quoting the sink's reply")
    if case.reply is not None and diagnostic is not None:
        if notice.diagnostic is False:
            problems.append(f"a Diagnostic-Code {diagnostic!r}, where none was seen before")
        problems += [f"Diagnostic-Code {diagnostic!r}: {p}"
                     for p in quotes_reply(diagnostic, case.reply)]
    if case.envid and bounce_cases.STYLES[mta].envid:
        envid = field_value(blocks[0].get("Original-Envelope-Id"))
        if envid != case.envid:
            problems.append(f"Original-Envelope-Id {envid!r}, expected {case.envid!r}")
    text = report_text(msg)
    if entry["recipient"].lower() not in text.lower():
        problems.append(f"the report does not name {entry['recipient']}")
    if case.reply is not None and notice.quoted:
        # The reader must find the sink's reply somewhere in the report
        # (the text, the Diagnostic-Code, a transcript).
        problems += [f"the report: {p}" for p in quotes_reply(text, case.reply)]
    return problems


def check_folder(folder):
    with open(os.path.join(folder, "expected.json")) as f:
        expected = json.load(f)
    problems = []
    for entry in expected["notices"]:
        path = os.path.join(folder, entry["file"])
        if not os.path.exists(path):
            problems.append(f"{entry['file']}: missing")
            continue
        with open(path, "rb") as f:
            for p in check_notice(f.read(), entry, expected["mta"], expected["local_domain"]):
                problems.append(f"{entry['file']}: {p}")
    listed = {e["file"] for e in expected["notices"]}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".eml") and name not in listed:
            problems.append(f"{name}: not in expected.json")
    return expected, problems


def entry_for(mta, case, notice, local_domain):
    """The expected.json entry of one notice: all of it from bounce_cases.py."""
    reply = case.reply
    style = bounce_cases.STYLES[mta]
    other = notice.other_reply
    # The enhanced status a reader should report: the reply's, where the
    # notice quotes one (the sink's, in its Diagnostic-Code or its text;
    # or another reply it quotes), else the MTA's Status field.
    if other and other[1]:
        status = other[1]
    elif reply and reply.status and notice.quoted:
        status = reply.status
    else:
        status = notice.dsn_status
    reason = notice.reason or case.reason
    notes = [notice.note] if notice.note else []
    next_action = bounce_cases.verdict(notice.action, status)
    if notice.action == "failed" and next_action == "Retry":
        notes.append(bounce_cases.GAVE_UP_NOTE)
    entry = {
        "file": f"{mta}-{case.name}-{notice.label or notice.action}.eml",
        "case": case.name,
        "recipient": case.address(local_domain),
        "action": notice.action,
        "status": status,
        "dsn_status": notice.dsn_status,
        # The reply code the notice quotes (null: none), and the sink's whole
        # reply, as on the wire, lines joined by \n (null: it sent none).
        "code": other[0] if other else (reply.code if reply and notice.quoted else None),
        "sink_reply": reply.wire().replace("\r\n", "\n") if reply else None,
        "next_action": next_action,
        # The reason (<smtp/bounce_reason.hpp>'s vocabulary) and whether the
        # address is bad, as a reader of this notice concludes.
        "reason": reason,
        "hard": reason in bounce_cases.HARD_REASONS,
        # The Content-Type of the notice; every one has a
        # message/delivery-status part.
        "content_type": style.container,
    }
    if notes:
        entry["note"] = "; ".join(notes)
    return entry


def arrivals(store, local_domain):
    """What the sink got so far: ({case name: [(action, file, bytes)]} of
    the notices, in the order they came; [files of notices naming no case];
    {addresses of the other messages})."""
    notices, strays, accepted = {}, [], set()
    for envelope, data in notices_in(store):
        if envelope["mail_from"] not in ("", "<>"):
            accepted.update(a.lower() for a in envelope["rcpt_tos"])
            continue
        found = classify(data, local_domain)
        if not found:
            strays.append(envelope["file"])
        for case, action in found:
            notices.setdefault(case.name, []).append((action, envelope["file"], data))
    return notices, strays, accepted


def collect(args):
    """Waits until every notice bounce_cases.py expects of the MTA came (or
    the time is up), matches them in order of arrival with the expected
    ones of their case, writes them and expected.json, and checks them."""
    expected = bounce_cases.expected_notices(args.mta)
    deadline = time.monotonic() + args.wait
    while True:
        got, strays, accepted = arrivals(args.store, args.local_domain)
        if (all(len(got.get(name, ())) >= len(want) for name, want in expected.items())
                or time.monotonic() > deadline):
            break
        time.sleep(0.5)
    os.makedirs(args.out, exist_ok=True)
    for name in os.listdir(args.out):
        if name.endswith(".eml") or name == "expected.json":
            os.remove(os.path.join(args.out, name))
    entries, problems = [], []
    for case in CASES:
        want, came = expected[case.name], got.get(case.name, [])
        for i, notice in enumerate(want):
            if i >= len(came):
                problems.append(f"no {notice.action} notice ({i + 1} of {len(want)}) for {case.name}")
                continue
            action, file, data = came[i]
            if action != notice.action:
                problems.append(f"{file}: {action}, expected {notice.action} for {case.name}")
            entry = entry_for(args.mta, case, notice, args.local_domain)
            with open(os.path.join(args.out, entry["file"]), "wb") as out:
                out.write(data)
            entries.append(entry)
        problems += [f"{file}: a {action} notice not expected for {case.name}"
                     for action, file, _ in came[len(want):]]
        if case.stage == "accept" and case.address(args.local_domain).lower() not in accepted:
            problems.append(f"the sink never got the message of {case.name}")
    problems += [f"{file}: a notice for no case" for file in strays]
    entries.sort(key=lambda e: e["file"])
    with open(os.path.join(args.out, "expected.json"), "w") as out:
        json.dump({"mta": args.mta, "local_domain": args.local_domain,
                   "notices": entries}, out, indent=2)
        out.write("\n")
    print(f"collect[{args.mta}]: {len(entries)} notices written", flush=True)
    for entry in entries:
        print(f"  {entry['file']}: {entry['action']} {entry['dsn_status']} ({entry['status']})"
              f" code {entry['code']} -> {entry['next_action']}", flush=True)
    problems += check_folder(args.out)[1]
    for p in problems:
        print(f"collect[{args.mta}]: PROBLEM: {p}", flush=True)
    return 1 if problems else 0


def check(args):
    failed = 0
    for folder in args.folders:
        expected, problems = check_folder(folder)
        for p in problems:
            print(f"check {folder}: PROBLEM: {p}")
        print(f"check {folder}: {len(expected['notices'])} notices, {len(problems)} problems")
        failed += bool(problems)
    return 1 if failed else 0


def selftest(args):
    """Proves that check finds what it must: each mutation below, made in a
    copy of a good folder, must give at least one problem."""
    import shutil
    import tempfile
    mutations = {
        "an Action changed": lambda d, e: _edit(d, e[0]["file"], b"Action: ", b"Action: x"),
        "a Status changed": lambda d, e: _edit(d, e[0]["file"], b"Status: ", b"Status: 9."),
        "the recipient renamed": lambda d, e: _edit(
            d, e[0]["file"], e[0]["recipient"].encode(), b"someone@else.example.test"),
        "a notice removed": lambda d, e: os.remove(os.path.join(d, e[0]["file"])),
        "a notice added": lambda d, e: shutil.copy(os.path.join(d, e[0]["file"]),
                                                   os.path.join(d, "extra.eml")),
        "expected.json's status changed": lambda d, e: _set(d, "status", "5.9.9"),
        "expected.json's next_action changed": lambda d, e: _set(d, "next_action", "Proceed"),
    }
    failures = 0
    _, problems = check_folder(args.folder)
    if problems:
        print(f"selftest: {args.folder} has problems to begin with: {problems}")
        return 1
    for name, mutate in mutations.items():
        with tempfile.TemporaryDirectory() as scratch:
            copy = os.path.join(scratch, "copy")
            shutil.copytree(args.folder, copy)
            with open(os.path.join(copy, "expected.json")) as f:
                entries = json.load(f)["notices"]
            mutate(copy, entries)
            _, problems = check_folder(copy)
        print(f"selftest: {name}: {len(problems)} problems" + ("" if problems else " (MISSED)"))
        failures += not problems
    return 1 if failures else 0


def _edit(folder, name, old, new):
    path = os.path.join(folder, name)
    with open(path, "rb") as f:
        data = f.read()
    assert old in data, (name, old)
    with open(path, "wb") as f:
        f.write(data.replace(old, new))


def _set(folder, key, value):
    path = os.path.join(folder, "expected.json")
    with open(path) as f:
        expected = json.load(f)
    expected["notices"][0][key] = value
    with open(path, "w") as f:
        json.dump(expected, f)


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("submit")
    p.add_argument("--mta", required=True)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--source", default="127.0.0.1")
    p.add_argument("--local-domain", required=True)
    p.add_argument("--skip", default="", help="cases not to submit over SMTP, comma-separated")
    p.set_defaults(run=submit)
    p = sub.add_parser("message")
    p.add_argument("--mta", required=True)
    p.add_argument("--case", required=True)
    p.add_argument("--local-domain", required=True)
    p.set_defaults(run=message)
    p = sub.add_parser("collect")
    p.add_argument("--mta", required=True)
    p.add_argument("--store", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--local-domain", required=True)
    p.add_argument("--wait", type=float, default=60)
    p.set_defaults(run=collect)
    p = sub.add_parser("check")
    p.add_argument("folders", nargs="+")
    p.set_defaults(run=check)
    p = sub.add_parser("selftest")
    p.add_argument("folder")
    p.set_defaults(run=selftest)
    args = parser.parse_args()
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
