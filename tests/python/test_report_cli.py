"""`armistice report` on the command line: where `--out` writes, and the notice when the case package is left out.

Run after `swift build`:  ARMISTICE_BIN=$PWD/.build/debug/armistice python3 -m pytest -q tests/python/test_report_cli.py
"""
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))
from replay_support import ROOT, armistice, match_log  # noqa: E402


@pytest.fixture(scope="module")
def log(tmp_path_factory):
    return match_log(tmp_path_factory.mktemp("log"))


def report(*args, cwd):
    return subprocess.run([armistice(), "report", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def test_out_writes_through_a_named_pipe_and_keeps_it(log, tmp_path):
    """qa10 W4: a temp file renamed over PATH replaced a FIFO (and /dev/full, as root) with a regular file."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    got = {}
    reader = threading.Thread(target=lambda: got.setdefault("bytes", pipe.read_bytes()))
    reader.start()
    r = report(log, "--format", "csv", "--out", pipe, cwd=tmp_path)
    reader.join(10)
    assert r.returncode == 0, r.stderr
    assert pipe.is_fifo(), "the named pipe was replaced"
    assert got["bytes"].startswith(b"turn"), got


def test_out_writes_through_a_symlink_to_its_target(log, tmp_path):
    link = tmp_path / "link.csv"
    link.symlink_to("target.csv")
    r = report(log, "--format", "csv", "--out", link, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert link.is_symlink(), "the symlink was replaced"
    assert (tmp_path / "target.csv").read_bytes().startswith(b"turn")


def test_out_still_replaces_a_regular_file_whole(log, tmp_path):
    out = tmp_path / "old.csv"
    out.write_text("x" * 100000)
    assert report(log, "--format", "csv", "--out", out, cwd=tmp_path).returncode == 0
    assert out.read_bytes().startswith(b"turn") and out.stat().st_size < 100000


def test_a_report_run_outside_the_kit_says_the_case_package_is_left_out(log, tmp_path):
    """qa8 W4: --rulesets defaults to ./rulesets; run from another folder the case package was left out silently."""
    r = report(log, "--lang", "ko", "--out", tmp_path / "r.html", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "사례 자료가 없어" in r.stderr and "--rulesets" in r.stderr, r.stderr
    assert report(log, "--no-case", "--out", tmp_path / "r.html", cwd=tmp_path).stderr.count("\n") == 1
    inside = report(log, "--out", tmp_path / "r.html", cwd=ROOT)
    assert "case package" not in inside.stderr, inside.stderr


def test_a_damaged_case_package_is_named(log, tmp_path):
    """qa10 C6: a cut case.yaml made the package drop out of the report with nothing said."""
    folder = tmp_path / "rs" / "koreanization.case"
    folder.mkdir(parents=True)
    (folder / "case.yaml").write_bytes((ROOT / "rulesets" / "koreanization.case" / "case.yaml").read_bytes()[:300])
    r = report(log, "--rulesets", tmp_path / "rs", "--out", tmp_path / "r.html", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "koreanization.case/case.yaml cannot be read as the case package" in r.stderr, r.stderr
