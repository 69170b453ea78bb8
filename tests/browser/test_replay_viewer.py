"""The browser replay viewer (clients/web/replay.html) on a replay file served from the same origin, in headless
Chromium: it loads the JSON, draws the board and the charts at the requested step and viewpoint."""
import functools
import http.server
import json
import shutil
import subprocess
import threading
import urllib.request

import pytest

from replay_support import OUT, ROOT, armistice, chromium, dump_dom, match_log, png_colours, screenshot


@pytest.fixture()
def served(tmp_path):
    chromium()
    site = tmp_path / "site"
    shutil.copytree(ROOT / "clients" / "web" / "replay", site / "replay")
    shutil.copy(ROOT / "clients" / "web" / "replay.html", site / "replay.html")
    # The viewer's words: the i18n modules and the catalogs (clients/web/README.md, "Languages").
    (site / "js").mkdir()
    for module in ("i18n.js", "catalog.js"):
        shutil.copy(ROOT / "clients" / "web" / "js" / module, site / "js" / module)
    shutil.copytree(ROOT / "clients" / "web" / "locales", site / "locales")
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
    assert "step 61 of" in dom  # counted from 1, as the loaded line counts the steps
    shot = OUT / "replay-viewer.png"
    screenshot(url, shot)
    colours = png_colours(shot)
    assert len(colours) > 40, f"blank or nearly blank screenshot: {len(colours)} colours"


def test_viewer_explains_a_raw_log(served):
    dom = dump_dom(f"{served}/replay.html?src=/match.jsonl")
    assert "this is a match log" in dom
    assert "armistice report LOG --format json" in dom


def test_viewer_opens_a_reports_moment_and_shows_the_debrief(served):
    """The report's links say seq=N: the viewer shows the step after the last input with seq <= N, and, for the
    instructor, the turning points and questions (buttons to their moments) and the scenario's case package."""
    data = json.loads(urllib.request.urlopen(f"{served}/match.replay.json").read())
    point = data["story"]["turningPoints"][0]
    dom = dump_dom(f"{served}/replay.html?src=/match.replay.json&seq={point['seq']}&as=instructor")
    assert 'data-ready="true"' in dom
    assert f"step {point['step'] + 1} of {len(data['steps'])}" in dom, "seq= did not open the turning point's step"
    assert "Turning points" in dom and "Questions for the debrief" in dom
    assert f'data-step="{point["step"]}"' in dom
    assert "Case package: Koreanization" in dom and "What happened next" in dom
    student = dump_dom(f"{served}/replay.html?src=/match.replay.json&seq={point['seq']}&as=rok")
    assert "Turning points" not in student, "the story names covert orders: instructor only"


def test_the_turn_list_does_not_repeat_a_records_kind_and_the_scrubber_says_its_step_from_the_start(served):
    """A news, intel, event or outcome sentence starts with its kind ("News: …", as the report writes it); the chip
    before it says the kind already, so the line is "news The talks…", never "news News: The talks…". The scrubber's
    aria-valuetext names the step shown before it is ever moved."""
    import re
    dom = dump_dom(f"{served}/replay.html?src=/match.replay.json&step=60&as=instructor")
    assert 'data-ready="true"' in dom, "the viewer did not finish loading"
    lines = re.findall(r'<li class="rec ([a-z]+)[^"]*"><span class="kind">([^<]*)</span> ([^<]*)</li>', dom)
    assert any(kind == "news" for kind, _, _ in lines), lines[:5]
    repeated = [(word, sentence) for _, word, sentence in lines if sentence.lower().startswith(f"{word.lower()}:")]
    assert repeated == [], repeated[:5]
    scrub = re.search(r'<input id="scrub"[^>]*>', dom).group(0)
    assert re.search(r'aria-valuetext="step 61 of \d+', scrub), scrub


def test_the_viewer_opens_a_dropped_replay_file_and_explains_a_dropped_log(served, tmp_path, browsers):
    """An instructor who downloaded a match's replay file ("Replay file" in My rooms) opens it with no room: dropped
    on the page, or with the file chooser. A dropped raw log is not replayed (the browser has no engine): the page says
    so and where the replay file comes from."""
    from conftest import wait, js_errors
    d = browsers()
    d.get(f"{served}/replay.html")
    wait(d, lambda d: d.find_element("css selector", ".drop-hint").text.strip(), message="no drop hint")
    drop = """
      const [path, name, done] = arguments;
      fetch(path).then((r) => r.text()).then((text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], name, { type: 'application/json' }));
        document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        done();
      });"""
    d.execute_async_script(drop, "/match.jsonl", "armistice-ABC123.jsonl")
    wait(d, lambda d: "this is a match log" in d.find_element("id", "status").text, message=lambda d: d.find_element("id", "status").text)
    assert "Replay file" in d.find_element("id", "status").text
    assert not d.find_element("id", "viewer").is_displayed()
    d.execute_async_script(drop, "/match.replay.json", "armistice-ABC123.replay.json")
    wait(d, lambda d: d.find_element("id", "viewer").is_displayed(), message=lambda d: d.find_element("id", "status").text)
    assert "armistice-ABC123.replay.json" in d.find_element("id", "status").text
    assert "ROK (South Korea)" in d.find_element("id", "viewpoint").text
    assert d.find_elements("css selector", "#board *"), "no board drawn"
    assert "dropping" not in d.find_element("tag name", "body").get_attribute("class")
    # The file chooser, as a downloaded file is opened from disk.
    d2 = browsers()
    d2.get(f"{served}/replay.html")
    local = tmp_path / "downloaded.replay.json"
    local.write_bytes(urllib.request.urlopen(f"{served}/match.replay.json").read())
    wait(d2, lambda d: d.find_element("css selector", ".drop-hint").text.strip())
    d2.find_element("id", "file").send_keys(str(local))
    wait(d2, lambda d: d.find_element("id", "viewer").is_displayed(), message=lambda d: d.find_element("id", "status").text)
    assert "downloaded.replay.json" in d2.find_element("id", "status").text
    assert not js_errors(d) and not js_errors(d2)


def test_the_instructors_clock_changes_are_chipped_as_the_clocks_not_a_seats(served, tmp_path):
    """The instructor pausing, resuming or extending the phase clock is the clock's doing: its chip says so ("Clock
    paused", "시계 멈춤"), not "Seats"/"자리" (outside tester qa8 C8)."""
    import re
    path = next(p for p in tmp_path.rglob("match.replay.json"))
    data = json.loads(path.read_text())
    turn, phase = data["steps"][60]["turn"], data["steps"][60].get("phase", "orders")
    base = {"line": 2, "seq": 2, "t": 0, "step": 60, "turn": turn, "phase": phase, "by": "s1", "who": "Teacher (s1)"}
    data["seatChanges"] = (data.get("seatChanges") or []) + [
        dict(base, kind=k, text=f"the instructor {k} the clock") for k in ("paused", "resumed", "extended")]
    path.write_text(json.dumps(data))
    dom = dump_dom(f"{served}/replay.html?src=/match.replay.json&step=60&as=instructor")
    assert 'data-ready="true"' in dom, "the viewer did not finish loading"
    chips = dict((text.split(" the clock")[0].split()[-1], word) for word, text in
                 re.findall(r'<span class="kind">([^<]*)</span> (Teacher \(s1\): [^<]*)</li>', dom))
    assert chips == {"paused": "Clock paused", "resumed": "Clock resumed", "extended": "Time changed"}, chips
