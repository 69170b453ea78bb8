"""armistice practice --variant: the variant's `bots:` pins win over --policy, as in `simulate` (qa9 W4: the
hawkish-us variant pins usa=block-all, and practice used to seat a greedy US).

Run after `swift build`:  python3 -m pytest tests/python/test_practice_variant_bots.py
"""
import glob
import json
import os
import subprocess
import tempfile

from served import BINARY

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
SCENARIO = os.path.join(ROOT, "rulesets", "koreanization.yaml")


def bot_seats(out):
    """The bot policy each team was seated with, read from the match log."""
    (log,) = glob.glob(os.path.join(out, "data", "matches", "*.jsonl"))
    seats = {}
    with open(log) as f:
        for line in f:
            entry = json.loads(line)
            if entry.get("kind") == "join" and "bot" in entry:
                seats[entry["team"]] = entry["bot"]
    return seats


def practice(out, *args):
    return subprocess.run([BINARY, "practice", SCENARIO, "--team", "dprk", "--watch", "--plain", "--pause", "1",
                           "--seed", "5", "--turns", "1", "--out", out, *args],
                          capture_output=True, text=True, timeout=180)


def test_a_variants_pinned_bot_plays_in_practice():
    with tempfile.TemporaryDirectory() as out:
        run = practice(out, "--variant", "hawkish-us")
        assert run.returncode == 0, run.stderr
        assert "pins usa=block-all" in run.stderr, run.stderr
        seats = bot_seats(out)
        assert seats["usa"] == "block-all", seats
        assert seats["rok"] == "greedy" and seats["un"] == "greedy", seats


def test_without_a_variant_practice_plays_the_policy_asked():
    with tempfile.TemporaryDirectory() as out:
        run = practice(out, "--policy", "random")
        assert run.returncode == 0, run.stderr
        assert "pins" not in run.stderr, run.stderr
        seats = bot_seats(out)
        assert seats["usa"] == "random" and seats["rok"] == "random", seats
        assert seats["dprk"] == "greedy", seats  # --watch: a greedy bot plays the student's team
