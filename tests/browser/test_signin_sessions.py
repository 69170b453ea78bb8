"""A teacher signed in once is not locked out by a student at the same address (outside tester's REPORT-browser,
A #1): the tab trades the secret for a sign-in session, and while a "student" at the same address (every browser here
is on loopback) keeps sending wrong keys, My rooms, the front page's create form and the console's log download go on
working with the session. A session the server no longer knows is traded again with the kept secret.

This module runs its own server: it uses up loopback's budget of wrong keys, which the other tests' server must keep."""
import json
import threading
import types
import urllib.error
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import js_errors, screenshot, server as shared_server, wait
from pages import click, console_click, create_room, css, text
from test_archive import add_teacher


@pytest.fixture(scope="module")
def server():
    """This module's own server, started as the shared one is."""
    yield from shared_server.__wrapped__()


def status_of(server, path, key, method="GET"):
    request = urllib.request.Request(server.url(path), method=method, headers={"Authorization": f"Bearer {key}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


class WrongKeys:
    """A student at the school's address sending a wrong key every 2 s, after a first burst that uses the budget up."""

    def __init__(self, server):
        self.server, self.stop = server, threading.Event()
        for _ in range(12):
            status_of(server, "/api/teacher/me", "a-wrong-guess-0000")
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while not self.stop.wait(2):
            status_of(self.server, "/api/teacher/me", "a-wrong-guess-0000")

    def end(self):
        self.stop.set()
        self.thread.join(5)


def stored_session(d):
    return d.execute_script("return JSON.parse(sessionStorage.getItem('armistice.session') || 'null')")


def test_a_signed_in_teacher_keeps_working_while_the_address_sends_wrong_keys(server, browsers):
    secret = add_teacher(server, "Ms Session")
    d = browsers()
    # Before the class: the teacher creates a room from the front page with her secret; the tab now holds a session.
    code = create_room(d, types.SimpleNamespace(key=secret, url=server.url), name="Ms Session")
    held = stored_session(d)
    assert held and held["token"].startswith("session-") and held["token"] != secret, held
    assert d.execute_script("return sessionStorage.getItem('armistice.instructorKey')") == secret, "the secret is kept to sign in again"

    # A session the server no longer knows (as after a restart) is traded again with the kept secret, once.
    d.execute_script("sessionStorage.setItem('armistice.session', JSON.stringify({token: 'session-' + '0'.repeat(32), expires: Date.now() + 3600e3}))")
    d.get(server.url("archive.html"))
    wait(d, lambda d: d.find_elements(By.CSS_SELECTOR, f"tr[data-code='{code}']"), message=lambda d: f"no room after a stale session: {text(d, '#signin-status')!r}")
    renewed = stored_session(d)
    assert renewed["token"].startswith("session-") and renewed["token"] not in (held["token"], "session-" + "0" * 32)

    student = WrongKeys(server)
    try:
        status, body = status_of(server, "/api/teacher/me", secret)
        assert status == 429 and body["code"] == "rate_limited", "the address is past its budget: even the right secret is refused"
        assert "wait a few minutes" not in body["message"], body["message"]

        # My rooms: reloaded and refreshed, still signed in, the room listed.
        d.get(server.url("archive.html"))
        wait(d, lambda d: d.find_elements(By.CSS_SELECTOR, f"tr[data-code='{code}']"), message=lambda d: f"My rooms: {text(d, '#signin-status')!r}")
        assert "Ms Session" in text(d, "#whoami")
        click(d, "#refresh")
        wait(d, lambda d: "1 match" in text(d, "#rooms-status"), message=lambda d: text(d, "#rooms-status"))

        # The front page's create form holds the session: a second room is created.
        d.get(server.url("index.html"))
        css(d, "#create-details summary").click()
        assert css(d, "#create-key").get_attribute("value").startswith("session-")
        click(d, "#load-rulesets")
        wait(d, lambda d: "scenarios on this server" in text(d, "#create-status"), message="scenarios not loaded")
        Select(css(d, "#create-ruleset")).select_by_value("coral_strait")
        click(d, "#create-submit")
        wait(d, lambda d: "console.html" in d.current_url, message=lambda d: f"no console: {text(d, '#create-status')!r}")
        wait(d, lambda d: len(text(d, "#room-code")) == 6 and text(d, "#room-code") != code, message="no second room")

        # The console's log download, with the session this tab holds: no key box is shown for it.
        assert not css(d, "#log-key").is_displayed()
        console_click(d, "download", "Log downloaded")
        screenshot(d, "signin-session-console-log")

        # Someone who did not sign in before is told why, without being promised that waiting helps.
        fresh = browsers()
        fresh.get(server.url("archive.html"))
        css(fresh, "#signin-secret").send_keys(secret)
        click(fresh, "#signin-submit")
        wait(fresh, lambda f: "signed in before" in text(f, "#signin-status"), message=lambda f: text(f, "#signin-status"))
    finally:
        student.end()
    # The stale session's 403 is the one failed request the page makes (and answers by signing in again).
    errors = [e for e in js_errors(d) if "/api/teacher/" not in e]
    assert not errors, errors
