"""The teacher's archive (clients/web/archive.html) against the real server: a teacher made with `armistice teacher
add` signs in with the secret, sees their finished match (and not the admin's), opens its report and its replay
viewer served by the server (no CLI step), and deletes it."""
import json
import os
import pathlib
import re
import subprocess
import time
import urllib.request

from selenium.webdriver.common.by import By

from conftest import ROOT, js_errors, screenshot, wait
from pages import click, console_click, create_room, css, text

BOTS = {"dprk": "greedy", "rok": "greedy", "usa": "greedy", "un": "greedy"}
QUICK = {"briefing": 1, "negotiation": 1, "orders": 1, "adjudication": 1, "results": 1}


def add_teacher(server, name):
    binary = pathlib.Path(os.environ.get("ARMISTICE_BIN", ROOT / ".build" / "debug" / "armistice"))
    out = subprocess.run([str(binary), "teacher", "add", name, "--data", server.data], check=True, capture_output=True, text=True).stdout
    return re.search(r"secret: ([0-9a-f]{32})", out).group(1)


def api(server, path, secret, method="GET"):
    request = urllib.request.Request(server.url(path), method=method, headers={"Authorization": f"Bearer {secret}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def bot_match(server, key, name):
    """A one-turn match that bots play through in a few seconds, created with `key`; returns its code."""
    from websockets.sync.client import connect
    with connect(server.ws_url, subprotocols=["armistice.v2"], open_timeout=10) as ws:
        ws.send(json.dumps({"type": "hello", "protocol": "armistice.v2"}))
        ws.send(json.dumps({"type": "create_room", "id": 1, "key": key, "ruleset": "koreanization", "seed": 11, "turns": 1,
                            "phases": QUICK, "bots": BOTS, "name": name}))
        code = None
        while code is None:
            msg = json.loads(ws.recv(timeout=10))
            assert msg.get("type") != "error", msg
            code = msg.get("room") if msg.get("type") == "room_created" else None
        ws.send(json.dumps({"type": "start", "id": 2}))
        deadline = time.time() + 60
        while time.time() < deadline:
            msg = json.loads(ws.recv(timeout=max(0.1, deadline - time.time())))
            if msg.get("type") == "update" and (msg.get("changes") or {}).get("phase") == "ended":
                return code
        raise AssertionError("the bots did not finish the match")


def wait_finished(server, secret, code):
    deadline = time.time() + 30
    while time.time() < deadline:
        rooms = {r["code"]: r for r in api(server, "/api/teacher/rooms", secret)}
        if rooms.get(code, {}).get("state") == "finished":
            return rooms
        time.sleep(0.2)
    raise AssertionError(f"{code} is not listed as finished")


def cell(d, row, n):
    """The text of the row's n-th data cell (1: scenario, 2: created, 3: state, 4: players, 5: outcome)."""
    return (d.execute_script("return document.querySelector(arguments[0])?.textContent", f"{row} td:nth-of-type({n})") or "").strip()


def sign_in(d, secret, code, refused):
    """On the archive page: a wrong secret first (the page must say `refused`), then `secret`; waits until the
    finished match `code` is listed with its outcome, and returns its row's selector."""
    css(d, "#signin-secret").send_keys("wrong-secret-0000")
    css(d, "#signin-submit").click()
    wait(d, lambda d: refused in text(d, "#signin-status"), message=lambda d: text(d, "#signin-status"))
    box = css(d, "#signin-secret")
    box.clear()
    box.send_keys(secret)
    css(d, "#signin-submit").click()
    row = f"tr[data-code='{code}'][data-state='finished']"
    wait(d, lambda d: d.find_elements(By.CSS_SELECTOR, row), message=lambda d: text(d, "#rooms-status") + text(d, "#signin-status"))
    # The ending is worked out in the background; the page asks again until it is listed.
    wait(d, lambda d: cell(d, row, 5), message="no outcome listed")
    return row


def test_a_teacher_opens_a_finished_match_report_and_replay_from_the_server_and_deletes_it(server, browsers):
    secret = add_teacher(server, "Ms Archive")
    other = add_teacher(server, "Mr Other")
    mine = bot_match(server, secret, "Ms Archive")
    admins = bot_match(server, server.key, "Admin")
    rooms = wait_finished(server, secret, mine)
    assert admins not in rooms, "a teacher sees only their own rooms"
    assert mine not in {r["code"] for r in api(server, "/api/teacher/rooms", other)}, "nor another teacher's"

    d = browsers()
    d.get(server.url("archive.html"))
    row = sign_in(d, secret, mine, refused="not known")
    assert "Ms Archive" in text(d, "#whoami")
    assert not d.find_elements(By.CSS_SELECTOR, f"tr[data-code='{admins}']")
    # The secret is kept in this tab to sign in again; what is sent is the session it was traded for.
    assert d.execute_script("return sessionStorage.getItem('armistice.instructorKey')") == secret
    assert d.execute_script("return JSON.parse(sessionStorage.getItem('armistice.session')).token").startswith("session-")
    assert secret not in d.current_url
    players = cell(d, row, 4)
    assert "DPRK" in players and "(dprk)" not in players and "(un)" not in players, f"teams by id, not name: {players}"
    screenshot(d, "archive-my-rooms")
    from test_accessibility import violations  # axe-core, WCAG 2.1 A and AA, as for every other page
    assert not violations(d, "archive"), violations(d, "archive")

    # The report, rendered by the server, in a new tab.
    archive_tab = d.current_window_handle
    css(d, f"{row} button[data-action=report]").click()
    wait(d, lambda d: len(d.window_handles) == 2, message="no report tab")
    d.switch_to.window([h for h in d.window_handles if h != archive_tab][0])
    wait(d, lambda d: "/report.html" in d.current_url and "Koreanization" in d.find_element(By.TAG_NAME, "body").text,
         message=lambda d: d.current_url)
    assert secret not in d.current_url, "the secret never goes in a URL (a view ticket does)"
    body = d.find_element(By.TAG_NAME, "body").text
    assert "Turning points" in body or "turn by turn" in body, body[:500]
    screenshot(d, "archive-report")

    # A moment's link in the report opens the replay viewer on the server's replay JSON (the tab's secret).
    links = d.find_elements(By.CSS_SELECTOR, "a[href*='replay.html']")
    assert links, "the report links its moments to the viewer"
    href = links[0].get_attribute("href")
    assert f"/api/teacher/rooms/{mine}/replay.json" in href
    d.get(href)
    wait(d, lambda d: d.execute_script("return document.body.dataset.ready") == "true", 60, message=lambda d: text(d, "#status"))
    wait(d, lambda d: d.find_elements(By.CSS_SELECTOR, "#charts polyline"), message=lambda d: text(d, "#status"))
    assert "step" in text(d, "#where")
    screenshot(d, "archive-replay-from-report")
    d.close()
    d.switch_to.window(archive_tab)

    # The Replay button opens the viewer with a view ticket.
    css(d, f"{row} button[data-action=replay]").click()
    wait(d, lambda d: len(d.window_handles) == 2, message="no replay tab")
    d.switch_to.window([h for h in d.window_handles if h != archive_tab][0])
    wait(d, lambda d: "replay.html" in d.current_url and d.find_elements(By.CSS_SELECTOR, "#charts polyline"), 60,
         message=lambda d: d.current_url + " " + text(d, "#status"))
    screenshot(d, "archive-replay")
    d.close()
    d.switch_to.window(archive_tab)

    # "Replay file" downloads the viewer's file, to open with no server (replay.html's chooser or a drop).
    d.execute_script("""window.__saved = null; const make = URL.createObjectURL;
      URL.createObjectURL = (blob) => { blob.text().then((t) => { window.__saved = t; }); return make(blob); };""")
    css(d, f"{row} button[data-action=replayFile]").click()
    saved = wait(d, lambda d: d.execute_script("return window.__saved"), 60, message=lambda d: text(d, "#rooms-status"))
    replay = json.loads(saved)
    assert replay["format"] == 2 and replay["viewParts"] and replay["match"]["room"] == mine

    # One student's data, as a JSON download (bots are never a student: none here).
    css(d, "#export-name").send_keys("Falcon")
    css(d, "#export-submit").click()
    wait(d, lambda d: "downloaded" in text(d, "#export-status"), message=lambda d: text(d, "#export-status"))
    assert "0 matches with Falcon" in text(d, "#export-status")

    # Sharing with another teacher by id (a prompt): they see it too, and the row says with whom.
    css(d, f"{row} button[data-action=share]").click()
    wait(d, lambda d: d.switch_to.alert, message="no prompt")
    d.switch_to.alert.send_keys("mr-other")
    d.switch_to.alert.accept()
    wait(d, lambda d: "Shared with mr-other" in (d.execute_script("return document.querySelector(arguments[0])?.textContent", row) or ""),
         message=lambda d: text(d, "#rooms-status"))
    assert mine in {r["code"] for r in api(server, "/api/teacher/rooms", other)}

    # Deleting asks first; then the match is gone from the list and the disk.
    css(d, f"{row} button[data-action=delete]").click()
    wait(d, lambda d: d.switch_to.alert, message="no confirmation")
    d.switch_to.alert.accept()
    wait(d, lambda d: not d.find_elements(By.CSS_SELECTOR, row), message=lambda d: text(d, "#rooms-status"))
    assert "deleted" in text(d, "#rooms-status")
    assert not (pathlib.Path(server.data) / "matches" / f"{mine}.jsonl").exists()
    assert (pathlib.Path(server.data) / "matches" / f"{admins}.jsonl").exists()
    # The wrong secret, on purpose (refused where it is traded for a session).
    errors = [e for e in js_errors(d) if not ("/api/teacher/session" in e and "403" in e)]
    assert not errors, errors


def test_a_nickname_only_room_says_so_on_the_join_form_and_refuses_a_full_name(server, browsers):
    from websockets.sync.client import connect
    with connect(server.ws_url, subprotocols=["armistice.v2"], open_timeout=10) as ws:
        ws.send(json.dumps({"type": "hello", "protocol": "armistice.v2"}))
        ws.send(json.dumps({"type": "create_room", "id": 1, "key": server.key, "ruleset": "koreanization", "nicknames": True}))
        code = None
        while code is None:
            msg = json.loads(ws.recv(timeout=10))
            code = msg.get("room") if msg.get("type") == "room_created" else None
        d = browsers()
        d.get(server.url("index.html"))
        assert not css(d, "#join-name-hint").is_displayed()
        css(d, "#join-code").send_keys(code)
        wait(d, lambda d: css(d, "#join-name-hint").is_displayed(), message="no nickname hint")
        css(d, "#join-name").send_keys("Kim Ji-woo")
        css(d, "#join-submit").click()
        wait(d, lambda d: "nickname" in text(d, "#join-status"), message=lambda d: text(d, "#join-status"))
        assert "index.html" in d.current_url
        screenshot(d, "archive-nickname-join")


def test_the_console_of_a_finished_match_opens_its_report_and_the_archive_without_asking_again(server, browsers):
    """The console holds the instructor key (this tab's sessionStorage): once the match ends it links its report and
    replay, as the archive does, and the archive opened from it needs no second sign-in."""
    d = browsers()
    code = create_room(d, server, turns=1)
    console_click(d, "start", "started")
    console_click(d, "end")
    console_click(d, "end", "ended")
    wait(d, lambda d: d.find_elements(By.CSS_SELECTOR, "#open-report"), message="no report link on the console")
    assert "this page's language" in text(d, "#outcome")
    console = d.current_window_handle
    click(d, "#open-report")
    wait(d, lambda d: len(d.window_handles) == 2, message="no report tab")
    d.switch_to.window([h for h in d.window_handles if h != console][0])
    wait(d, lambda d: "/report.html" in d.current_url and "Koreanization" in d.find_element(By.TAG_NAME, "body").text, 60,
         message=lambda d: d.current_url)
    assert server.key not in d.current_url
    assert not re.search("[\uac00-\ud7a3]", d.find_element(By.TAG_NAME, "h1").text), "the English console's report is English"
    d.close()
    d.switch_to.window(console)
    # The room was created in English; a console switched to Korean opens the report in Korean.
    click(d, ".lang-switch button[data-lang=ko]")
    wait(d, lambda d: "페이지의 언어" in text(d, "#outcome"), message=lambda d: text(d, "#outcome"))
    click(d, "#open-report")
    wait(d, lambda d: len(d.window_handles) == 2, message="no report tab")
    d.switch_to.window([h for h in d.window_handles if h != console][0])
    wait(d, lambda d: "/report.html" in d.current_url and re.search("[\uac00-\ud7a3]", d.find_element(By.TAG_NAME, "h1").text), 60,
         message=lambda d: d.current_url)
    assert "lang=ko" in d.current_url
    d.close()
    d.switch_to.window(console)
    click(d, ".lang-switch button[data-lang=en]")
    click(d, "#outcome a[href='archive.html']")
    wait(d, lambda d: d.find_elements(By.CSS_SELECTOR, f"tr[data-code='{code}']"), message=lambda d: text(d, "#signin-status"))
    assert not css(d, "#rooms").get_attribute("hidden") and css(d, "#signin").get_attribute("hidden")
