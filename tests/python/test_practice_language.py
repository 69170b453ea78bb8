"""armistice practice --lang ko speaks Korean on every line it prints, the team by its Korean name (qa9 L1: the
address line and the closing line were English, the team "Calis (delta)").

Run after `swift build`:  python3 -m pytest tests/python/test_practice_language.py
"""
import os
import subprocess
import tempfile

from served import BINARY

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
SCENARIO = os.path.join(ROOT, "rulesets", "koreanization.yaml")


def test_watching_practice_in_korean_prints_korean_lines():
    with tempfile.TemporaryDirectory() as out:
        run = subprocess.run([BINARY, "practice", SCENARIO, "--team", "dprk", "--watch", "--plain", "--pause", "1",
                              "--seed", "5", "--turns", "1", "--out", out, "--lang", "ko"],
                             capture_output=True, text=True, timeout=180)
        assert run.returncode == 0, run.stderr
        assert "방을 지켜봅니다: 모든 팀을 봇이 플레이합니다." in run.stderr, run.stderr
        assert "경기 기록은 " in run.stderr and "에 있습니다." in run.stderr, run.stderr
        assert "Watching room" not in run.stderr and "The match log is" not in run.stderr, run.stderr


def test_practice_in_the_browser_names_the_team_in_korean():
    with tempfile.TemporaryDirectory() as out:
        web = os.path.join(ROOT, "clients", "web")
        proc = subprocess.Popen([BINARY, "practice", SCENARIO, "--team", "dprk", "--browser", "--web", web, "--pause", "1",
                                 "--turns", "1", "--out", out, "--lang", "ko"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            line = proc.stdout.readline()
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        assert line.startswith("브라우저에서 http://127.0.0.1:"), line
        assert "북한" in line and "(으)로" not in line and "(팀 id dprk)" in line, line
        assert "in your browser" not in line, line
