#!/usr/bin/env python3
# smtp-explain: what an SMTP reply, code or session transcript means.
# SPDX-License-Identifier: BSL-1.0
"""Keeps the manual page in step with --help: the same options in the same
order, each with the same value name and the same description word for word,
and an ARGUMENTS entry for every kind of WHAT the help lists.

    man_page_check.py PROGRAM smtp-explain.1
"""
import re
import shlex
import subprocess
import sys


def unroff(text):
    """The text of roff source: font escapes gone, special characters as text."""
    text = re.sub(r"\\f[BIRP]", "", text)
    for escape, character in (("\\-", "-"), ("\\(aq", "'"), ("\\(dq", '"'), ("\\e", "\\")):
        text = text.replace(escape, character)
    return text


def macro_text(line):
    """The text of a line: a font macro's arguments as printed (.BR joins its
    arguments, .B and .I separate them with spaces), other lines as they are."""
    match = re.match(r"^\.(BR|RB|IR|RI|BI|IB|B|I) (.*)$", line)
    if not match:
        return line
    lexer = shlex.shlex(match.group(2), posix=True)
    lexer.whitespace_split = True
    lexer.escape = ""
    arguments = list(lexer)
    return ("" if len(match.group(1)) == 2 else " ").join(arguments)


def words(text):
    return " ".join(text.split())


def help_options(help_text):
    """[(option column, description)] of the help's Options section."""
    section = help_text.split("\nOptions:\n", 1)[1].split("\n\n", 1)[0]
    entries = []
    for line in section.splitlines():
        if line.startswith("  -"):
            name, _, description = line[2:].partition("  ")
            entries.append([name.strip(), description.strip()])
        else:
            entries[-1][1] += " " + line.strip()
    return [(re.sub(r" \.\.\.$", "", name).replace(",", ", "), words(text))
            for name, text in entries]


def help_what(help_text):
    """The left column of the help's "WHAT is any of" table."""
    table = help_text.split("WHAT is any of:\n", 1)[1].split("\n\n", 1)[0]
    return [line[2:].split("  ", 1)[0].strip() for line in table.splitlines()]


def man_section(page, name):
    return page.split(f"\n.SH {name}\n", 1)[1].split("\n.SH ", 1)[0]


def man_entries(section):
    """[(tag, description)] of the .TP paragraphs of a section."""
    entries = []
    for chunk in section.split(".TP")[1:]:
        lines = [line for line in chunk.strip("\n").splitlines()]
        if re.fullmatch(r"\s*\d*\s*", lines[0]):  # ".TP 20": the indent
            lines = lines[1:]
        tag, body = macro_text(lines[0]), []
        for line in lines[1:]:
            text = macro_text(line)
            if text.startswith("."):
                break
            body.append(text)
        entries.append((words(unroff(tag)), words(unroff(" ".join(body)))))
    return entries


def main():
    program, page_file = sys.argv[1], sys.argv[2]
    help_text = subprocess.run([program, "--help"], capture_output=True, text=True,
                               check=True, timeout=60).stdout
    page = open(page_file, encoding="utf-8").read()
    failed = False

    expected = help_options(help_text)
    actual = man_entries(man_section(page, "OPTIONS"))
    if [name for name, _ in expected] != [name for name, _ in actual]:
        print("FAILED: the options differ\n  --help:   " +
              " | ".join(name for name, _ in expected) + "\n  man page: " +
              " | ".join(name for name, _ in actual))
        failed = True
    for (name, description), (_, text) in zip(expected, actual):
        if description != text:
            print(f"FAILED: {name}\n  --help:   {description}\n  man page: {text}")
            failed = True

    tags = [tag for tag, _ in man_entries(man_section(page, "ARGUMENTS"))]
    for what in help_what(help_text):
        if what not in tags:
            print(f"FAILED: the help lists {what!r}, the man page's ARGUMENTS do not")
            failed = True
    if not failed:
        print(f"the man page and --help agree on {len(expected)} options and "
              f"{len(tags)} kinds of argument")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
