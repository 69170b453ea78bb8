"""WCAG 2.1 AA on every page, checked by axe-core in Chromium, at the desktop size and on a phone; and the keyboard
path from the orders to the chat.

axe-core 4 comes from PyPI's axe-playwright-python, installed without its dependencies (scripts/setup.sh): only its
axe.min.js is used, injected through Selenium. (axe-selenium-python ships axe-core 3.1, which has no WCAG 2.1 tags.)"""

import json
import pathlib

import axe_playwright_python
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import OUTPUT, wait
from pages import LONG, console_click, create_room, css, join, text, wait_phase

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE = pathlib.Path(axe_playwright_python.__file__).with_name("axe.min.js")


def violations(driver, name):
    """axe's WCAG 2.1 A and AA violations on the page as it is now; the full report is kept in test-output."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    driver.set_script_timeout(60)
    found = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then((r) => done(r.violations), (e) => done([{id: 'axe-error', help: String(e), nodes: []}]));", TAGS)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / f"axe-{name}.json").write_text(json.dumps(found, indent=1))
    return [f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:5]}" for v in found]


@pytest.fixture
def match(server, browsers):
    """A room in negotiation with a student, the console and the projector open."""
    teacher, kim, projector = browsers(), browsers(), browsers()
    code = create_room(teacher, server, phases=LONG, turns=1)
    join(kim, server, code, "Kim", team="dprk")
    projector.get(server.url(f"board.html?room={code}"))
    wait(projector, lambda d: text(d, "#join-code") == code)
    console_click(teacher, "start", "started")
    console_click(teacher, "skip", "Phase ended")
    wait_phase(kim, "Negotiation")
    return {"teacher": teacher, "kim": kim, "projector": projector, "code": code}


def test_every_page_meets_wcag_2_1_aa(server, browsers, match):
    front = browsers()
    front.get(server.url("index.html"))
    wait(front, lambda d: d.find_elements(By.CSS_SELECTOR, "#create-ruleset option"))
    replay = browsers()
    replay.get(server.url("replay.html"))
    wait(replay, lambda d: d.execute_script("return document.readyState") == "complete")
    found = {}
    for name, driver in (("index", front), ("play", match["kim"]), ("console", match["teacher"]),
                         ("board", match["projector"]), ("replay", replay)):
        found[name] = violations(driver, name)
    assert not any(found.values()), json.dumps({k: v for k, v in found.items() if v}, indent=1, ensure_ascii=False)


def test_the_student_page_on_a_phone_meets_wcag_2_1_aa_and_fits(server, browsers):
    teacher, phone = browsers(), browsers(390, 844, mobile=True)
    code = create_room(teacher, server, phases=LONG, turns=1)
    join(phone, server, code, "Kim", team="dprk")
    width = phone.execute_script("return document.documentElement.scrollWidth")
    assert width <= 391, f"the page scrolls sideways on a phone: {width} px"
    header = phone.execute_script("return document.querySelector('.gamebar').getBoundingClientRect().height")
    assert header <= 120, f"the game bar takes {header} px of an 844 px screen"
    clock = css(phone, "[data-field=clock]")
    assert clock.is_displayed()
    assert not violations(phone, "play-phone")
    (OUTPUT / "student-phone-compact-bar.png").write_bytes(phone.get_screenshot_as_png())


def test_the_keyboard_reaches_the_chat_from_the_orders_quickly(server, browsers, match):
    kim = match["kim"]
    kim.execute_script("document.getElementById('lock').focus()")
    steps = 0
    while steps < 40:
        active = kim.switch_to.active_element
        if active.get_attribute("id") and active.get_attribute("id").startswith("chat-input"):
            break
        active.send_keys(Keys.TAB)
        steps += 1
    assert steps < 40, "the chat cannot be reached with Tab"
    # The skip links take a keyboard user straight to the orders and to the talks.
    links = [a.get_attribute("href").split("#")[-1] for a in kim.find_elements(By.CSS_SELECTOR, ".skip-link")]
    assert "talks" in links and "orders-panel" in links
    # A hovered chat tab keeps its contrast (it fell to 1.27:1 when hover painted the selected tab light grey).
    tab = css(kim, "#chat .tab[aria-selected=true]")
    ActionChains(kim).move_to_element(tab).perform()
    colours = kim.execute_script("const s = getComputedStyle(arguments[0]); return [s.color, s.backgroundColor];", tab)
    assert colours == ["rgb(255, 255, 255)", "rgb(11, 92, 173)"], colours
