"""The browser's records renderer says what the Swift one says: both run Tests/Fixtures/records/record-text-cases.json,
and the catalog entries they share (record.* and phase.*) are the same text in both catalogs."""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ("record.kind.", "record.text.", "record.cause.", "record.result.", "phase.")


def test_the_browser_renders_every_case_as_the_swift_renderer_does():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to run the browser's renderer (scripts/setup.sh installs nodejs)")
    run = subprocess.run([node, str(ROOT / "tests/web/record_text.mjs")], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
    assert " 0 mismatches" in run.stdout


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_shared_record_words_are_the_same_in_both_catalogs(lang):
    swift = json.loads((ROOT / f"Sources/ArmisticeLocale/Resources/{lang}.json").read_text(encoding="utf-8"))
    web = json.loads((ROOT / f"clients/web/locales/{lang}.json").read_text(encoding="utf-8"))
    keys = {k for k in set(swift) | set(web) if k.startswith(SHARED)}
    assert keys, "no shared record words"
    differ = sorted(k for k in keys if swift.get(k) != web.get(k))
    assert not differ, f"{lang}: record words that differ between the Swift and the browser catalogs: {differ}"
