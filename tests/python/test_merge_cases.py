"""The browser's and the Python bot's view merges run the cases the Swift merge runs (Tests/Fixtures/wire/
merge-cases.json, taken from a real match by MergeCaseCaptureTests): each case is a view held, the messages the
server sent next, and the view of the snapshot it sent right after."""
import json
import os
import shutil
import subprocess

import pytest

from view_merge import apply_message

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CASES = os.path.join(ROOT, "Tests", "Fixtures", "wire", "merge-cases.json")
BROWSER_MERGE = os.path.join(ROOT, "clients", "web", "js", "viewmerge.js")


def load_cases():
    with open(CASES, encoding="utf-8") as f:
        return json.load(f)["cases"]


def test_the_file_holds_real_cases():
    cases = load_cases()
    assert len(cases) >= 10
    assert any("patches" in m for c in cases for m in c["messages"])


def test_the_python_bots_merge_passes_every_case():
    for case in load_cases():
        view = case["view"]
        for m in case["messages"]:
            view = apply_message(view, m)
        assert view == case["expected"], case["name"]


# Loads viewmerge.js alone as an ES module (from a data: URL, as the file has no imports) and folds each case.
NODE_SCRIPT = r"""
import { readFileSync } from "node:fs";
const [mergeFile, casesFile] = process.argv.slice(1);
const source = readFileSync(mergeFile);
const { applyMessage } = await import("data:text/javascript;base64," + source.toString("base64"));
const canonical = (v) => Array.isArray(v) ? v.map(canonical)
  : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])])) : v;
const failed = [];
const cases = JSON.parse(readFileSync(casesFile, "utf8")).cases;
for (const c of cases) {
  let view = c.view;
  for (const m of c.messages) view = applyMessage(view, m);
  if (JSON.stringify(canonical(view)) !== JSON.stringify(canonical(c.expected))) failed.push(c.name);
}
console.log(JSON.stringify({ cases: cases.length, failed }));
"""


def test_the_browsers_merge_passes_every_case():
    node = shutil.which("node")
    if not node:
        pytest.skip("node is not installed")
    out = subprocess.run([node, "--input-type=module", "-e", NODE_SCRIPT, BROWSER_MERGE, CASES],
                         capture_output=True, text=True, timeout=60, check=True)
    result = json.loads(out.stdout)
    assert result["cases"] == len(load_cases())
    assert result["failed"] == []
