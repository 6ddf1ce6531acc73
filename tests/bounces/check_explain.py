# smtp-status: what an SMTP server's reply means.
# SPDX-License-Identifier: BSL-1.0
#
# check_explain.py SMTP_EXPLAIN FOLDER...
# check_explain.py --selftest SMTP_EXPLAIN FOLDER
#
# Explains every notice of each folder's expected.json (the committed
# generated/<mta>/ sets, or a set make_bounces.sh just made) with
# `SMTP_EXPLAIN --json -f NOTICE` and checks what it reports: exit status 0,
# one "bounce" item, whose recipient, status, code, next_action, reason and
# hard are the entry's. --selftest proves on a copy of FOLDER that a wrong
# entry is found.
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True

FIELDS = ("status", "code", "next_action", "reason", "hard")


def check_notice(program, folder, entry):
    """The problems of one notice ([] if none)."""
    path = os.path.join(folder, entry["file"])
    done = subprocess.run([program, "--json", "-f", path], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=60, check=False)
    if done.returncode != 0:
        return [f"exit status {done.returncode}: {done.stderr.decode(errors='replace').strip()}"]
    try:
        items = json.loads(done.stdout)["items"]
    except (ValueError, KeyError) as error:
        return [f"no JSON report: {error}"]
    bounces = [item for item in items if item.get("kind") == "bounce"]
    if len(bounces) != 1:
        return [f"{len(bounces)} bounce items, expected 1 ({[i.get('kind') for i in items]})"]
    item = bounces[0]
    problems = []
    if (item.get("recipient") or "").lower() != entry["recipient"].lower():
        problems.append(f"recipient {item.get('recipient')!r}, expected {entry['recipient']!r}")
    for field in FIELDS:
        if item.get(field) != entry[field]:
            problems.append(f"{field} {item.get(field)!r}, expected {entry[field]!r}")
    return problems


def check_folder(program, folder):
    with open(os.path.join(folder, "expected.json")) as f:
        expected = json.load(f)
    problems = []
    for entry in expected["notices"]:
        problems += [f"{entry['file']}: {p}" for p in check_notice(program, folder, entry)]
    return len(expected["notices"]), problems


def selftest(program, folder):
    """A copy of `folder` whose first entry has another reason must fail."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = os.path.join(scratch, "copy")
        shutil.copytree(folder, copy)
        path = os.path.join(copy, "expected.json")
        with open(path) as f:
            expected = json.load(f)
        entry = expected["notices"][0]
        entry["reason"] = "vacation" if entry["reason"] != "vacation" else "undefined"
        with open(path, "w") as f:
            json.dump(expected, f)
        _, problems = check_folder(program, copy)
    print(f"check_explain selftest: a changed reason gives {len(problems)} problems")
    return 0 if problems else 1


def main(argv):
    if len(argv) == 3 and argv[0] == "--selftest":
        return selftest(argv[1], argv[2])
    if len(argv) < 2:
        print(__doc__ or "usage: check_explain.py SMTP_EXPLAIN FOLDER...", file=sys.stderr)
        return 2
    program, failed = argv[0], False
    for folder in argv[1:]:
        count, problems = check_folder(program, folder)
        for p in problems:
            print(f"check_explain {folder}: PROBLEM: {p}")
        print(f"check_explain {folder}: {count} notices explained, {len(problems)} problems")
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
