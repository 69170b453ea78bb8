"""The after-action report opened in headless Chromium: the charts are drawn (screenshot kept in test-output/)."""
import subprocess

from replay_support import OUT, ROOT, armistice, match_log, png_colours, screenshot, chromium


def test_report_charts_are_drawn(tmp_path):
    chromium()
    log = match_log(tmp_path)
    report = OUT / "report-browser.html"
    OUT.mkdir(exist_ok=True)
    subprocess.run([armistice(), "report", str(log), "--out", str(report)], check=True, capture_output=True, cwd=ROOT)
    html = report.read_text()
    assert "<script" not in html.lower(), "the report must need no scripts"
    assert html.count("<polyline") >= 5, "a chart per track"

    shot = OUT / "report-browser.png"
    screenshot(f"file://{report}", shot)
    colours = png_colours(shot)
    assert len(colours) > 40, f"blank or nearly blank screenshot: {len(colours)} colours"
    assert colours.get(0x1F77B4, 0) > 50, "the first chart's line (#1f77b4) is not drawn"
    assert colours.get(0xD62728, 0) > 50, "the second chart's line (#d62728) is not drawn"


def test_report_csv_and_json(tmp_path):
    log = match_log(tmp_path)
    csv = subprocess.run([armistice(), "report", str(log), "--format", "csv"], check=True, capture_output=True, text=True, cwd=ROOT).stdout
    rows = csv.strip().splitlines()
    assert rows[0].startswith("turn,date,tension")
    assert rows[1].startswith("0,Start,")
    out = subprocess.run([armistice(), "report", str(log), "--format", "json", "--no-chat"], check=True, capture_output=True, text=True, cwd=ROOT).stdout
    assert '"format":1' in out and '"views":[' in out and '"chat"' not in out
