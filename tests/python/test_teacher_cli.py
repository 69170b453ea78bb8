"""armistice teacher add: the id a Korean name gets, a chosen id, and a second account under a name already taken
(a teacher who lost her secret should be reset, not added again: the command says so).

Run after `swift build`:  python3 -m pytest tests/python/test_teacher_cli.py
"""
import subprocess
import tempfile

from served import BINARY


def add(data, *args):
    return subprocess.run([BINARY, "teacher", "add", *args, "--data", data], capture_output=True, text=True)


def test_a_second_account_under_a_name_taken_points_to_reset():
    with tempfile.TemporaryDirectory() as data:
        first = add(data, "김지우")
        assert first.returncode == 0 and first.stdout.startswith("teacher gimjiu (김지우) added"), first.stdout
        assert "also named" not in first.stderr
        second = add(data, "김지우")
        assert second.returncode == 0 and second.stdout.startswith("teacher gimjiu-2 (김지우) added"), second.stdout
        assert "teacher gimjiu is also named 김지우" in second.stderr, second.stderr
        assert "armistice teacher reset gimjiu" in second.stderr and "armistice teacher remove gimjiu-2" in second.stderr
        chosen = add(data, "박서연", "--id", "park-seoyeon")
        assert chosen.stdout.startswith("teacher park-seoyeon (박서연) added"), chosen.stdout
        bad = add(data, "박서연", "--id", "Park_SY")
        assert bad.returncode != 0 and "lower-case letters" in bad.stderr, bad.stderr
