"""The after-action report opened in headless Chromium: the charts are drawn (screenshot kept in test-output/)."""
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from replay_support import OUT, ROOT, armistice, match_log, png_colours, png_ink_depth, screenshot, chromium


def test_report_charts_are_drawn(tmp_path):
    chromium()
    log = match_log(tmp_path)
    report = OUT / "report-browser.html"
    OUT.mkdir(exist_ok=True)
    subprocess.run([armistice(), "report", str(log), "--out", str(report)], check=True, capture_output=True, cwd=ROOT)
    html = report.read_text()
    assert "<script" not in html.lower(), "the report must need no scripts"
    assert html.count("<polyline") >= 5, "a chart per track"

    # A laptop's first screenful (1366×768) shows the first row of charts below the outcome and its score table: their
    # plot areas (#f8f9fb) are there, two of them side by side, well over one chart's worth.
    shot = OUT / "report-browser.png"
    screenshot(f"file://{report}", shot)
    colours = png_colours(shot)
    assert len(colours) > 40, f"blank or nearly blank screenshot: {len(colours)} colours"
    assert colours.get(0xF8F9FB, 0) > 40_000, "the first row of charts does not begin in the first screenful (1366×768)"
    # Their lines are drawn (a track that stays low draws its line near the plot's foot, below the first screenful:
    # the window is taller here, as in ReportTests.chromiumDrawsTheCharts).
    tall = OUT / "report-browser-tall.png"
    screenshot(f"file://{report}", tall, window="1366,1100")
    colours = png_colours(tall)
    assert colours.get(0x1F77B4, 0) > 200, "the first chart's line (#1f77b4) is not drawn"
    assert colours.get(0xD62728, 0) > 50, "the second chart's line (#d62728) is not drawn"


def test_report_csv_and_json(tmp_path):
    log = match_log(tmp_path)
    csv = subprocess.run([armistice(), "report", str(log), "--format", "csv"], check=True, capture_output=True, text=True, cwd=ROOT).stdout
    rows = csv.strip().splitlines()
    assert rows[0].startswith("turn,date,tension")
    assert rows[1].startswith("0,Start,")
    out = subprocess.run([armistice(), "report", str(log), "--format", "json", "--no-chat"], check=True, capture_output=True, text=True, cwd=ROOT).stdout
    assert '"format":2' in out and '"viewParts":{' in out and '"views":[' in out and '"chat"' not in out


def test_report_tells_the_story_and_compares(tmp_path):
    log = match_log(tmp_path)
    other = tmp_path / "other.jsonl"
    subprocess.run([armistice(), "replay-bench", "--events", "700", "--runs", "1", "--save", str(other),
                    "--ruleset", str(ROOT / "rulesets" / "koreanization.yaml")], check=True, capture_output=True, cwd=ROOT)
    html = subprocess.run([armistice(), "report", str(log)], check=True, capture_output=True, text=True, cwd=ROOT).stdout
    for section in ("story", "turning-points", "plans", "questions", "case-objectives", "case-next", "timeline"):
        assert f'id="{section}"' in html, f"no {section} section"
    assert "advance the phase" not in html
    assert f'href="replay.html?src={log.stem}.replay.json&amp;seq=' in html, "moments do not link into the viewer"
    compare = OUT / "compare-browser.html"
    subprocess.run([armistice(), "report", str(log), str(other), "--compare", "--out", str(compare)], check=True, capture_output=True, cwd=ROOT)
    page = compare.read_text()
    assert page.count("<polyline") >= 10 and 'id="choices"' in page
    refused = subprocess.run([armistice(), "report", str(log), str(other)], capture_output=True, text=True, cwd=ROOT)
    assert refused.returncode != 0 and "--compare" in refused.stderr


def print_pages(html: Path, name: str, paper: str) -> list:
    """Prints a page to PDF in headless Chromium on A4 or Letter, then each PDF page to a PNG in test-output/print/."""
    if not shutil.which("pdftoppm"):
        pytest.skip("no pdftoppm: apt-get install -y poppler-utils")
    out = OUT / "print"
    out.mkdir(parents=True, exist_ok=True)
    sized = html.with_name(f"{html.stem}-{paper}.html")
    sized.write_text(html.read_text().replace("</head>", f"<style>@page{{size:{paper}}}</style></head>", 1))
    pdf = out / f"{name}-{paper.lower()}.pdf"
    pdf.unlink(missing_ok=True)
    subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                    "--virtual-time-budget=3000", f"file://{sized}"], check=True, capture_output=True, timeout=120)
    assert pdf.exists(), "chromium wrote no PDF"
    for old in out.glob(f"{name}-{paper.lower()}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(out / f"{name}-{paper.lower()}")], check=True, capture_output=True)
    pages = sorted(out.glob(f"{name}-{paper.lower()}-*.png"))
    # No page but the last is all but empty (a box too tall to break pushed to the next page, a stray heading).
    short = [p.name for p in pages[:-1] if png_ink_depth(p) < 0.15]
    assert not short, f"{paper}: pages left mostly empty: {short}"
    data = pdf.read_bytes()
    boxes = set(re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", data))
    want = {"A4": (595, 842), "Letter": (612, 792)}[paper]
    assert boxes and all(abs(float(w) - want[0]) < 2 and abs(float(h) - want[1]) < 2 for w, h in boxes), f"{paper}: page sizes {boxes}"
    return pages


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_report_and_case_print(tmp_path, paper):
    chromium()
    log = match_log(tmp_path)
    report = tmp_path / "report.html"
    subprocess.run([armistice(), "report", str(log), "--out", str(report)], check=True, capture_output=True, cwd=ROOT)
    pages = print_pages(report, "report", paper)
    assert len(pages) >= 4, f"the report printed on {len(pages)} pages"
    for page in (pages[0], pages[1], pages[-1]):
        assert len(png_colours(page)) > 8, f"{page.name} is blank"
    case = tmp_path / "case.html"
    subprocess.run([armistice(), "ruleset", "case", str(ROOT / "rulesets" / "koreanization.yaml"), "--out", str(case)],
                   check=True, capture_output=True, cwd=ROOT)
    pages = print_pages(case, "case", paper)
    # The overview and objectives, one page per role (12), the glossary, what happened next.
    assert len(pages) >= 14, f"the case package printed on {len(pages)} pages"
    for page in (pages[0], pages[2], pages[-1]):
        assert len(png_colours(page)) > 8, f"{page.name} is blank"
    tutorial = tmp_path / "tutorial-case.html"
    subprocess.run([armistice(), "ruleset", "case", str(ROOT / "rulesets" / "tutorial.yaml"), "--out", str(tutorial)],
                   check=True, capture_output=True, cwd=ROOT)
    pages = print_pages(tutorial, "tutorial-case", paper)
    assert len(pages) >= 8, f"the tutorial's case package printed on {len(pages)} pages"   # overview, 6 roles, glossary...
    other = tmp_path / "other.jsonl"
    subprocess.run([armistice(), "replay-bench", "--events", "300", "--runs", "1", "--save", str(other),
                    "--ruleset", str(ROOT / "rulesets" / "koreanization.yaml")], check=True, capture_output=True, cwd=ROOT)
    compare = tmp_path / "compare.html"
    subprocess.run([armistice(), "report", str(log), str(other), "--compare", "--out", str(compare)], check=True, capture_output=True, cwd=ROOT)
    pages = print_pages(compare, "compare", paper)
    assert len(pages) >= 2 and len(png_colours(pages[0])) > 8


def test_report_case_package_is_checked(tmp_path):
    """`armistice ruleset check` checks the case package beside a scenario: a misspelt role and a stale track id are
    named with file:line:column, and the exit status is 1; the shipped packages pass."""
    for name in ("koreanization", "tutorial"):
        ok = subprocess.run([armistice(), "ruleset", "check", f"rulesets/{name}.yaml"], capture_output=True, text=True, cwd=ROOT)
        assert ok.returncode == 0 and f"rulesets/{name}.case/case.yaml: ok" in ok.stdout, ok.stderr
    rules = tmp_path / "my.yaml"
    shutil.copy(ROOT / "rulesets" / "koreanization.yaml", rules)
    (tmp_path / "my.case").mkdir()
    text = (ROOT / "rulesets" / "koreanization.case" / "case.yaml").read_text()
    text = text.replace("role: foreign_minister", "role: foreign_ministr").replace("ids: [cma_measures,", "ids: [cma_measure,")
    (tmp_path / "my.case" / "case.yaml").write_text(text)
    bad = subprocess.run([armistice(), "ruleset", "check", str(rules)], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 1
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "cma_measure," in l)
    assert re.search(rf"my\.case/case\.yaml:{line}:\d+: error: the scenario has no track, flag, project, action or event \"cma_measure\"", bad.stderr), bad.stderr
    assert 'team rok has no role "foreign_ministr"' in bad.stderr
    assert "team rok's role foreign_minister has no brief" in bad.stderr
