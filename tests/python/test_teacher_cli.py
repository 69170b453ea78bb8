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


def run(data, *args, env_lang=None):
    import os
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    if env_lang:
        env["LANG"] = env_lang
    return subprocess.run([BINARY, "teacher", *args, "--data", data], capture_output=True, text=True, env=env)


def test_teacher_speaks_korean_with_lang_ko_or_a_korean_environment():
    """qa4 #16: `teacher` follows --lang, else LC_ALL / LC_MESSAGES / LANG, as join and instructor do."""
    with tempfile.TemporaryDirectory() as data:
        empty = run(data, "list", env_lang="ko_KR.UTF-8")
        assert empty.returncode == 0 and empty.stdout.startswith("아직 교사가 없습니다"), empty.stdout
        first = run(data, "add", "김지우", env_lang="ko_KR.UTF-8")
        assert first.returncode == 0, first.stderr
        assert first.stdout.startswith("교사를 추가했습니다: 김지우 (id gimjiu)"), first.stdout
        assert "비밀 키: " in first.stdout and "김지우에게 전하세요" in first.stdout and "secret" not in first.stdout, first.stdout
        second = run(data, "add", "김지우", "--lang", "ko")
        assert "참고: 교사 gimjiu도 이름이 김지우입니다" in second.stderr and "armistice teacher reset gimjiu" in second.stderr, second.stderr
        taken = run(data, "add", "박서연", "--id", "gimjiu", "--lang", "ko")
        assert taken.returncode == 1 and "“gimjiu” id는 이미 다른 교사(김지우)가 쓰고 있습니다" in taken.stderr, taken.stderr
        unknown = run(data, "reset", "nobody", env_lang="ko_KR.UTF-8")
        assert unknown.returncode == 1 and "“nobody” 교사가 없습니다" in unknown.stderr, unknown.stderr
        bad = run(data, "add", "박서연", "--id", "Park_SY", "--lang", "ko")
        assert bad.returncode != 0 and "쓸 수 없는 id: “Park_SY”" in bad.stderr, bad.stderr
        reset = run(data, "reset", "gimjiu", "--lang", "ko")
        assert reset.returncode == 0 and reset.stdout.startswith("새 비밀 키: "), reset.stdout
        removed = run(data, "remove", "gimjiu-2", "--lang", "ko")
        assert removed.returncode == 0 and removed.stdout.startswith("교사를 지웠습니다: 김지우 (id gimjiu-2)"), removed.stdout
        # --lang wins over the environment; an unknown --lang is refused as the other commands refuse it.
        english = run(data, "list", "--lang", "en", env_lang="ko_KR.UTF-8")
        assert english.returncode == 0 and english.stdout.startswith("gimjiu\t김지우\t"), english.stdout
        english_unknown = run(data, "remove", "nobody", "--lang", "en", env_lang="ko_KR.UTF-8")
        assert 'no teacher "nobody" in ' in english_unknown.stderr, english_unknown.stderr
        wrong = run(data, "list", "--lang", "fr")
        assert wrong.returncode != 0 and "--lang is ko or en" in wrong.stderr, wrong.stderr
