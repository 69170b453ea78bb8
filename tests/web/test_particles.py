"""Korean particles in the browser's catalogs (clients/web/js/catalog.js): a text written with both forms, 와(과),
을(를), 이(가), 은(는), (으)로, keeps the one the word before it takes, by the same rules as the server's Josa (ArmisticeLocale)."""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# The same cases as the server's Josa is checked against (Tests/ArmisticeLocaleTests/JosaCasesTests.swift): one file,
# so the two follow the same rules.
CASES = {c["text"]: c["expected"] for c in
         json.loads((ROOT / "Tests/Fixtures/locale/particle-cases.json").read_text(encoding="utf-8"))["cases"]}


def test_korean_particles_follow_the_word_before_them():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to run the browser's catalog code (scripts/setup.sh installs nodejs)")
    script = ("import { particles } from " + json.dumps((ROOT / "clients/web/js/catalog.js").as_uri()) + ";"
              "const cases = JSON.parse(process.argv[1]);"
              "console.log(JSON.stringify(Object.fromEntries(Object.keys(cases).map((k) => [k, particles(k, 'ko')]))));")
    run = subprocess.run([node, "--input-type=module", "-e", script, json.dumps(CASES)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    got = json.loads(run.stdout)
    assert got == CASES
    run = subprocess.run([node, "--input-type=module", "-e", script.replace("'ko'", "'en'"), json.dumps({"a와(과)": "a와(과)"})],
                         capture_output=True, text=True, timeout=60)
    assert json.loads(run.stdout) == {"a와(과)": "a와(과)"}, "English text is left as it is"


PARTICLE_STARTS = ("이(가)", "을(를)", "은(는)", "와(과)", "(으)로", "으로", "로 ", "로)", "이 ", "가 ", "을 ", "를 ", "은 ", "는 ", "와 ", "과 ")


def test_no_korean_particle_is_glued_to_a_command_in_the_pages():
    """A Korean text that follows a `<code>` command (Latin: `armistice serve`) cannot choose its particle: it names
    the command by a Korean word instead (`armistice serve 명령이`), whose particle is known."""
    import re
    ko = json.loads((ROOT / "clients/web/locales/ko.json").read_text(encoding="utf-8"))
    after = set()
    for page in (ROOT / "clients/web").glob("*.html"):
        after |= set(re.findall(r'</code><span data-i18n="([^"]+)"', page.read_text(encoding="utf-8")))
    assert after, "no text follows a command in the pages"
    glued = {key: ko[key] for key in sorted(after) if isinstance(ko.get(key), str) and ko[key].startswith(PARTICLE_STARTS)}
    assert not glued, f"a particle right after a command: {glued}"
