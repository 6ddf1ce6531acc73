#!/usr/bin/env python3
# smtp-explain: what an SMTP reply, code or session transcript means.
# SPDX-License-Identifier: BSL-1.0
"""Keeps the README honest: runs the smtp-explain part of its first command
(the newcomer's command) with this build's program and compares the output
with the text block the README shows after it.

    readme_check.py README.md PROGRAM
    readme_check.py README.md PROGRAM --example "smtp-explain --brief" --cwd DIR

The second form checks the sh block holding the example text instead, run
in DIR, with its leading "smtp-explain" replaced by PROGRAM.
"""
import re
import subprocess
import sys


def check_example(blocks, program, example, cwd):
    for index, (language, body) in enumerate(blocks):
        if language == "sh" and example in body:
            break
    else:
        print(f"FAILED: no sh block with {example!r}")
        return 1
    if index + 1 >= len(blocks) or blocks[index + 1][0] != "text":
        print("FAILED: the example is not followed by a text block with its output")
        return 1
    command = body.strip()
    if not command.startswith("smtp-explain "):
        print("FAILED: the example does not start with smtp-explain")
        return 1
    command = "\"$0\"" + command[len("smtp-explain"):]
    result = subprocess.run(["sh", "-c", command, program], capture_output=True, timeout=60,
                            cwd=cwd)
    actual = result.stdout.decode("utf-8")
    if actual != blocks[index + 1][1]:
        print("--- the README shows ---\n" + blocks[index + 1][1] +
              "--- the program prints ---\n" + actual)
        print("FAILED: the README's output is not what the program prints")
        return 1
    print("the README's example prints what the README shows")
    return 0


def main():
    readme, program = sys.argv[1], sys.argv[2]
    text = open(readme, encoding="utf-8").read()
    blocks = re.findall(r"```(\w+)\n(.*?)```", text, re.S)
    if len(sys.argv) == 7 and sys.argv[3] == "--example" and sys.argv[5] == "--cwd":
        return check_example(blocks, program, sys.argv[4], sys.argv[6])
    for index, (language, body) in enumerate(blocks):
        if language == "sh" and "smtp-explain/smtp-explain -" in body:
            break
    else:
        print("FAILED: no sh block running smtp-explain in the README")
        return 1
    if index + 1 >= len(blocks) or blocks[index + 1][0] != "text":
        print("FAILED: the command is not followed by a text block with its output")
        return 1
    if index != next(i for i, (language, _) in enumerate(blocks) if language == "sh"):
        print("FAILED: the smtp-explain command is not the README's first command")
        return 1
    command = body.strip().split(" && ")[-1]
    command = command.replace("build/release/tools/smtp-explain/smtp-explain", "\"$0\"")
    shown = blocks[index + 1][1]
    result = subprocess.run(["sh", "-c", command, program], capture_output=True, timeout=60)
    actual = result.stdout.decode("utf-8")
    if result.returncode != 0 or actual != shown:
        print(f"command: {command}\nexit status: {result.returncode}")
        print("--- the README shows ---\n" + shown + "--- the program prints ---\n" + actual)
        print("FAILED: the README's output is not what the program prints")
        return 1
    print("the README's first command prints what the README shows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
