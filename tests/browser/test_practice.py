"""`armistice practice --browser`: a student alone against bots, in the browser, from one command, with a report."""
import os
import pathlib
import re
import subprocess
import tempfile
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import ROOT, screenshot, wait
from pages import css, lock_in, text, wait_phase


def test_practice_in_the_browser_plays_a_whole_match_against_bots(browsers):
    binary = pathlib.Path(os.environ.get("ARMISTICE_BIN", ROOT / ".build" / "debug" / "armistice"))
    out = tempfile.mkdtemp(prefix="armistice-practice-")
    process = subprocess.Popen(
        [str(binary), "practice", str(ROOT / "rulesets" / "tutorial.yaml"), "--team", "marisol", "--browser", "--turns", "1",
         "--pause", "2", "--seed", "3", "--web", str(ROOT / "clients" / "web"), "--out", out],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url, deadline, lines = None, time.time() + 60, []
        while url is None and time.time() < deadline:
            line = process.stdout.readline()
            if not line and process.poll() is not None:
                break
            lines.append(line)
            m = re.search(r"Open (http://\S+) in your browser", line)
            url = m.group(1) if m else None
        assert url, "".join(lines)
        student = browsers()
        student.get(url)
        css(student, "#join-name").send_keys("Ana")
        wait(student, lambda d: d.find_elements(By.CSS_SELECTOR, "#join-team option[value='marisol']"), message="teams not listed")
        Select(css(student, "#join-team")).select_by_value("marisol")
        css(student, "#join-submit").click()
        wait(student, lambda d: "play.html" in d.current_url, message=lambda d: text(d, "#join-status"))
        # The other teams are bots, and say so.
        wait(student, lambda d: "bot" in d.find_element(By.TAG_NAME, "body").text.lower(), message="no bot shown")
        wait_phase(student, "Negotiation", 30)
        lock_in(student)
        # The student's lock ends the negotiation, the bots lock, the turn is adjudicated: one turn, so it is over.
        wait(student, lambda d: text(d, "[data-field=phase]") == "Match over", 60, message=lambda d: text(d, "[data-field=phase]"))
        screenshot(student, "practice-browser-over")
        process.wait(timeout=60)
        # The practice server has exited with its match: the header says the match is over, not "Offline — retrying"
        # (qa9 C8), and keeps saying it.
        wait(student, lambda d: text(d, "#connection") == "Match over · not connected", 15, message=lambda d: text(d, "#connection"))
        time.sleep(3)
        assert text(student, "#connection") == "Match over · not connected"
        assert "practice server" in css(student, "#connection").get_attribute("title")
        rest = process.stdout.read()
        assert process.returncode == 0, "".join(lines) + rest
        reports = [p for p in pathlib.Path(out).iterdir() if p.name.startswith("report-")]
        assert len(reports) == 1, rest
    finally:
        if process.poll() is None:
            process.kill()
