"""Fixtures: the real `armistice serve` binary on a free port with a temporary data folder, headless Chromium
browsers driven by Selenium, and a plain WebSocket client for what the tests need to know as the instructor."""

import json
import os
import pathlib
import re
import secrets
import shutil
import signal
import subprocess
import tempfile
import threading
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "test-output" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not look for browsers on the internet


class Server:
    def __init__(self, process, port, key, data):
        self.process, self.port, self.key, self.data = process, port, key, data
        self.base = f"http://127.0.0.1:{port}"
        self.ws_url = f"ws://127.0.0.1:{port}/ws"
        self.lines = []

    def url(self, path=""):
        return f"{self.base}/{path.lstrip('/')}"


@pytest.fixture(scope="session")
def server():
    binary = pathlib.Path(os.environ.get("ARMISTICE_BIN", ROOT / ".build" / "debug" / "armistice"))
    if not binary.exists():
        pytest.fail(f"{binary} not found: run `swift build` first (or set ARMISTICE_BIN)")
    data = tempfile.mkdtemp(prefix="armistice-browser-")
    key = "test-" + secrets.token_hex(12)
    process = subprocess.Popen(
        [str(binary), "serve", "--host", "127.0.0.1", "--port", "0", "--data", data, "--instructor-key", key,
         "--rulesets", str(ROOT / "rulesets"), "--web", str(ROOT / "clients" / "web"), "--log-level", "warning"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    port, deadline, lines = None, time.time() + 60, []
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            if process.poll() is not None:
                break
            continue
        lines.append(line)
        m = re.search(r"listening on port (\d+)", line)
        if m:
            port = int(m.group(1))
            break
    if port is None:
        process.kill()
        pytest.fail("the server did not start:\n" + "".join(lines))
    srv = Server(process, port, key, data)
    srv.lines = lines
    threading.Thread(target=lambda: [srv.lines.append(l) for l in process.stdout], daemon=True).start()
    yield srv
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    shutil.rmtree(data, ignore_errors=True)


def make_driver(width=1366, height=768, mobile=False, lang=None):
    """A headless Chromium; `lang` ("ko") makes it a browser set to that language (navigator.languages)."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    if lang:
        options.add_argument(f"--lang={lang}")
        options.add_experimental_option("prefs", {"intl.accept_languages": lang})
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--window-size={width},{height}", "--disable-extensions", "--no-first-run"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    if mobile:  # a phone's viewport (a headless window cannot be narrower than 500 px)
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": True})
    return driver


@pytest.fixture
def browsers():
    """A factory of fresh browsers (each its own profile, so its own localStorage); all closed afterwards."""
    made = []

    def new(width=1366, height=768, mobile=False, lang=None):
        d = make_driver(width, height, mobile, lang)
        made.append(d)
        return d

    yield new
    for d in made:
        try:
            d.quit()
        except Exception:
            pass


def wait(driver, predicate, timeout=15, message=""):
    """Waits until predicate(driver) is true; `message` may be a function of the driver, called on failure. An element
    the page re-rendered between finding and reading it (every view change re-renders its cards) is "not yet"."""
    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.1, ignored_exceptions=(StaleElementReferenceException,)).until(lambda d: predicate(d))
    except TimeoutException:
        detail = message(driver) if callable(message) else message
        raise AssertionError(f"timed out: {detail}") from None


def js_errors(driver):
    """Console errors the page logged (a missing favicon or a closed socket are not counted)."""
    errors = []
    for entry in driver.get_log("browser"):
        if entry.get("level") != "SEVERE":
            continue
        text = entry.get("message", "")
        if "favicon" in text:
            continue
        # The pages ask for /api/rooms/CODE and /api/rulesets first and fall back when the server has neither.
        if ("/api/rooms/" in text or "/api/rulesets" in text) and "404" in text:
            continue
        errors.append(text)
    return errors


def screenshot(driver, name):
    """Saves a 1366x768 screenshot into test-output/screenshots and returns its bytes."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1366, "height": 768, "deviceScaleFactor": 1, "mobile": False})
    driver.execute_script("window.scrollTo(0, 0)")
    time.sleep(0.3)
    png = driver.get_screenshot_as_png()
    (OUTPUT / f"{name}.png").write_bytes(png)
    return png


class InstructorSocket:
    """The instructor's full view of a room over a plain WebSocket, to know what each team must not see."""

    def __init__(self, server, code):
        from websockets.sync.client import connect
        self.connection = connect(server.ws_url, subprotocols=["armistice.v2"], open_timeout=10)
        self.ws = self.connection.__enter__()
        self.send({"type": "hello", "protocol": "armistice.v2", "id": 0})
        self.expect("welcome")
        self.send({"type": "join", "code": code, "name": "Auditor", "role": "instructor", "key": server.key, "id": 1})
        self.expect("joined")
        self.snapshot = self.expect("snapshot")

    def send(self, message):
        self.ws.send(json.dumps(message))

    def expect(self, kind, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            msg = json.loads(self.ws.recv(timeout=max(0.1, deadline - time.time())))
            if msg.get("type") == kind:
                return msg
        raise AssertionError(f"no {kind}")

    def fresh(self):
        self.send({"type": "resync"})
        self.snapshot = self.expect("snapshot")
        return self.snapshot

    def close(self):
        self.connection.__exit__(None, None, None)


def secrets_hidden_from(snapshot, team):
    """Strings in the instructor's view that `team` (a team id, or None for the public) must never be sent."""
    view = snapshot["view"]
    out = {}
    mine = {a["id"] for a in view.get("actions") or [] if a.get("team") == team}
    mine_names = {a["name"] for a in view.get("actions") or [] if a.get("team") == team}
    # Every team's non-covert actions are public (the view's `catalog`, for naming them in deals): their names are no
    # secret; that another team has drafted one is, and a covert action's name is too.
    public_names = {a["name"] for a in view.get("catalog") or []}
    for track in view.get("tracks", []):
        hidden = track.get("hidden_from") or []
        if team is None and hidden or team in hidden:
            out[f"hidden track {track['id']}"] = track["name"]
    for t in view.get("teams", []):
        if t["id"] != team and t.get("brief"):
            out[f"brief of {t['id']}"] = t["brief"][:60]
    for other, draft in (view.get("orders") or {}).items():
        if other == team:
            continue
        for order in draft.get("orders", []):
            if order["action"] in mine:
                continue
            names = {a["name"] for a in view.get("actions") or [] if a["id"] == order["action"]}
            for name in names - mine_names - public_names:
                out[f"draft of {other}: {order['action']}"] = name
    for r in view.get("records", []):
        visible = r.get("visible_to")
        if visible is not None and (team is None or team not in visible) and r.get("kind") in ("intel", "news") and r.get("text"):
            out[f"{r['kind']} for {visible}"] = r["text"][:60]
    for o in [] if view.get("outcome") else view.get("objectives") or []:  # the outcome reveals every objective
        if o.get("team") not in (team, "all") and o.get("text"):
            out[f"objective of {o['team']}"] = o["text"][:60]
    # The same words may be the team's own (two teams can share an objective's wording): those are not secrets.
    own = [o["text"] for o in view.get("objectives") or [] if o.get("team") in (team, "all")]
    own += [t["name"] for t in view.get("tracks", []) if team is not None and team not in (t.get("hidden_from") or [])]
    own += list(mine_names)
    return {k: v for k, v in out.items() if len(v) >= 6 and not any(v in text for text in own)}


def assert_nothing_private(driver, snapshot, team, who):
    """No string private to other teams is in the page's DOM, its text, or what the page was sent."""
    forbidden = secrets_hidden_from(snapshot, team)
    assert forbidden, "the check needs something secret to look for"
    source = driver.page_source
    text = driver.find_element("tag name", "body").text
    sent = driver.execute_script("const a = window.armistice; return a && a.game ? JSON.stringify({v: a.game.view, r: a.game.records, c: a.game.chat}) : '';")
    storage = driver.execute_script("return JSON.stringify(Object.assign({}, localStorage));")
    leaks = [(label, value) for label, value in forbidden.items()
             if value in source or value in text or value in sent or value in storage]
    assert not leaks, f"{who} ({team}) has private data of others: {leaks}"
    # Structurally too: the view the page holds carries no other team's draft.
    held = driver.execute_script("const a = window.armistice; return a && a.game && a.game.view ? Object.keys(a.game.view.orders || {}) : [];")
    assert all(t == team for t in held), f"{who} ({team}) holds the drafts of {held}"
    return forbidden
