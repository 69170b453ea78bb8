"""Every command's --help reads as paragraphs at 80 columns: a sentence is never broken where the source file broke
its line (swift-argument-parser keeps a discussion's line breaks; a line that goes on must end in a backslash).

Run after `swift build`:  python3 -m pytest tests/python/test_help_text.py
"""
import os
import re
import subprocess

from served import BINARY

COMMANDS = ["serve", "join", "practice", "instructor", "ruleset", "simulate", "replay", "report", "bench",
            "replay-bench", "loadtest", "campaign", "teacher", "cluster"]


def discussion(command):
    """The lines between the overview and USAGE (the discussion), at 80 columns."""
    env = dict(os.environ, COLUMNS="80")
    out = subprocess.run([BINARY, command, "--help"], capture_output=True, text=True, env=env, check=True).stdout
    lines = out.split("\n")
    end = next(i for i, line in enumerate(lines) if line.startswith("USAGE:"))
    start = next(i for i, line in enumerate(lines) if line == "") + 1
    return lines[start:end]


def test_no_sentence_is_broken_where_the_source_broke_its_line():
    broken = []
    for command in COMMANDS:
        lines = discussion(command)
        for line, following in zip(lines, lines[1:]):
            # A short line followed by one that goes on with the same sentence (small letter or an opening bracket;
            # an indented line is an example, set apart on purpose).
            if line.strip() and len(line) < 60 and re.match(r"[a-z(]", following) and not line.rstrip().endswith((".", ":")):
                broken.append(f"{command}: {line!r} / {following!r}")
    assert not broken, "help text broken mid-sentence:\n" + "\n".join(broken)
