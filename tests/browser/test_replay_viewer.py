"""The browser replay viewer (clients/web/replay.html) on a replay file served from the same origin, in headless
Chromium: it loads the JSON, draws the board and the charts at the requested step and viewpoint."""
import functools
import http.server
import shutil
import subprocess
import threading

import pytest

from replay_support import OUT, ROOT, armistice, chromium, dump_dom, match_log, png_colours, screenshot


@pytest.fixture()
def served(tmp_path):
    chromium()
    site = tmp_path / "site"
    shutil.copytree(ROOT / "clients" / "web" / "replay", site / "replay")
    shutil.copy(ROOT / "clients" / "web" / "replay.html", site / "replay.html")
    log = match_log(tmp_path)
    shutil.copy(log, site / "match.jsonl")
    subprocess.run([armistice(), "report", str(log), "--format", "json", "--out", str(site / "match.replay.json")],
                   check=True, capture_output=True, cwd=ROOT)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_viewer_shows_board_and_charts(served):
    url = f"{served}/replay.html?src=/match.replay.json&step=60&as=rok"
    dom = dump_dom(url)
    assert 'data-ready="true"' in dom, "the viewer did not finish loading"
    assert "<polyline" in dom, "no chart drawn"
    assert "ROK (South Korea)" in dom
    assert "Military tension" in dom
    assert "step 60 of" in dom
    shot = OUT / "replay-viewer.png"
    screenshot(url, shot)
    colours = png_colours(shot)
    assert len(colours) > 40, f"blank or nearly blank screenshot: {len(colours)} colours"


def test_viewer_explains_a_raw_log(served):
    dom = dump_dom(f"{served}/replay.html?src=/match.jsonl")
    assert "this is a match log" in dom
    assert "armistice report LOG --format json" in dom
