"""What an outside tester found playing a class in Chromium (Korean and English): a paused clock shows the time left,
frozen; the turn summary tells the deal's order from a drafted copy; an action that cannot succeed warns on the draft
line; the projector fits 1920×1080 once the match is over and stops inviting people in; a rejected deal says who
rejected it; an event fired again says it repeats its effects."""

import json
import re
import time
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import OUTPUT, InstructorSocket, js_errors, screenshot, wait
from pages import (LONG, class_in_briefing_with_projector, class_in_negotiation, click, console_click, create_room, css, join, lock_in, open_projector,
                   propose_contact_deal, skip_a_turn, text, wait_phase)
from test_korean import console_do, create_room_in_korean, join_in_korean, korean_browser

TIME = re.compile(r"^\d+:\d\d$")


def test_a_paused_clock_shows_the_time_left_frozen(server, browsers):
    teacher, kim, projector, code = class_in_briefing_with_projector(browsers, server)
    console_click(teacher, "pause", "paused")
    for d in (kim, teacher, projector):
        wait(d, lambda d: "paused" in text(d, "[data-field=phase]"), message=lambda d: text(d, "[data-field=phase]"))
        wait(d, lambda d: css(d, "[data-field=clock]").get_attribute("data-paused") == "true")
        wait(d, lambda d: TIME.match(text(d, "[data-field=clock]")), message=lambda d: f"clock: {text(d, '[data-field=clock]')!r}")
    before = {id(d): text(d, "[data-field=clock]") for d in (kim, teacher, projector)}
    time.sleep(1.6)
    for d in (kim, teacher, projector):
        assert text(d, "[data-field=clock]") == before[id(d)], "a paused clock must not run"
    # The pause mark is drawn before the time (not read out: the phase says "paused" in words).
    mark = kim.execute_script("return getComputedStyle(document.querySelector('[data-field=clock]'), '::before').content")
    assert "⏸" in mark, mark
    console_click(teacher, "unpause", "running")
    wait(kim, lambda d: css(d, "[data-field=clock]").get_attribute("data-paused") == "false")
    assert TIME.match(text(kim, "[data-field=clock]"))
    assert js_errors(kim) == [] and js_errors(projector) == []


def test_the_turn_summary_tells_the_deals_order_from_the_drafted_copy(server, browsers):
    teacher, (kim, lee), code = class_in_negotiation(browsers, server)
    # Lee drafts the alliance consultation, then accepts a deal that orders it too, and leaves the drafted copy in.
    click(lee, "#act-alliance_working_group-add")
    wait(lee, lambda d: "Draft saved" in text(d, "#orders-status"))
    propose_contact_deal(kim)
    wait(lee, lambda d: d.find_elements(By.CSS_SELECTOR, "[id^=deal-][id$=-accept]"), message="Lee has no deal to accept")
    click(lee, "[id^=deal-][id$=-accept]")
    wait(kim, lambda d: "agreed" in text(d, "#deals"), message="deal not agreed")
    console_click(teacher, "skip", "Phase ended")
    wait_phase(lee, "Orders")
    for d in (kim, lee):
        lock_in(d)
    selector = "#results .summary-order[data-action=alliance_working_group]"
    wait(lee, lambda d: len(d.find_elements(By.CSS_SELECTOR, selector)) == 2, 20, message=lambda d: text(d, "#results"))
    wait(kim, lambda d: len(d.find_elements(By.CSS_SELECTOR, selector)) == 2, 20, message=lambda d: text(d, "#results"))
    for d, copy in ((lee, "a second copy, from your team's draft: deal #1 already orders this action"),
                    (kim, "a second copy, from their draft: deal #1 already orders this action")):
        lines = [e.text for e in d.find_elements(By.CSS_SELECTOR, selector)]
        dealt = [l for l in lines if "from deal #1" in l]
        dupes = [l for l in lines if "duplicate" in l]
        assert len(dealt) == 1 and len(dupes) == 1, lines
        assert dealt[0] != dupes[0], f"the drafted duplicate is attributed to the deal: {lines}"
        assert copy in dupes[0], dupes[0]
    screenshot(lee, "findings-summary-drafted-copy")
    assert js_errors(lee) == [] and js_errors(kim) == []


def test_an_action_that_cannot_succeed_warns_on_its_draft_line(server, browsers):
    teacher, (kim,), code = class_in_negotiation(browsers, server, teams=("dprk",), names=("Kim",))
    auditor = InstructorSocket(server, code)
    actions = [a for a in auditor.fresh()["view"]["actions"] if a["team"] == "dprk"]
    auditor.close()
    restore = next(a for a in actions if a["id"] == "restore_contact")
    possible = next(a for a in actions if a["available"] and not a["params"] and a["cost"] <= 2)
    assert restore["available"] is False and restore["reason_code"] == "requirement", restore
    # The card says it plainly, and the action can still be added (the situation may change before adjudication).
    wait(kim, lambda d: d.find_elements(By.CSS_SELECTOR, "#act-restore_contact-reason"))
    assert text(kim, "#act-restore_contact-reason") == f"Not possible as things stand: {restore['reason']}"
    assert css(kim, "#act-restore_contact-add").is_enabled()
    click(kim, "#act-restore_contact-add")
    line = "#draft-orders .draft-order[data-action=restore_contact]"
    wait(kim, lambda d: d.find_elements(By.CSS_SELECTOR, line), message="not drafted")
    # Drafted, the card's reason is "already in your orders": the draft line still says the order will fail, and why.
    wait(kim, lambda d: restore["reason"] in text(d, line), message=lambda d: text(d, line))
    assert "unless the situation changes" in text(kim, line)
    assert "unmet" in css(kim, line).get_attribute("class")
    # After a reload of the tab too.
    kim.refresh()
    wait(kim, lambda d: d.find_elements(By.CSS_SELECTOR, line) and restore["reason"] in text(d, line), message="warning lost on reload")
    # An order whose requirements hold carries no such warning.
    click(kim, f"#act-{possible['id']}-add")
    other = f"#draft-orders .draft-order[data-action={possible['id']}]"
    wait(kim, lambda d: d.find_elements(By.CSS_SELECTOR, other), message="not drafted")
    assert "as things stand" not in text(kim, other) and "unmet" not in css(kim, other).get_attribute("class")
    assert js_errors(kim) == []


def test_the_projector_shows_the_outcome_within_1920_by_1080_and_invites_nobody_after_the_end(server, browsers):
    teacher, kim = browsers(), browsers()
    code = create_room(teacher, server, phases=LONG, turns=1)
    join(kim, server, code, "Kim", team="dprk")
    projector = open_projector(browsers, server, code)
    assert css(projector, ".join-box").is_displayed()
    console_click(teacher, "start", "started")
    skip_a_turn(teacher, kim)  # the only turn is adjudicated: the match is over
    wait(projector, lambda d: css(d, "#outcome").is_displayed(), 30, message="no outcome on the projector")
    wait(projector, lambda d: d.find_elements(By.CSS_SELECTOR, ".delta"), 10, message="no change marked after the turn")
    assert "The match is over" in text(projector, "#outcome")
    assert not css(projector, ".join-box").is_displayed(), "a finished match still invites people to join"
    height = projector.execute_script("return document.documentElement.scrollHeight")
    projector.save_screenshot(str(OUTPUT / "findings-projector-over-1920x1080.png"))
    assert height <= 1080, f"the finished board is {height} px tall"
    bottom = projector.execute_script("return document.querySelector('#outcome').getBoundingClientRect().bottom")
    assert bottom < 400, f"the outcome ends at {bottom} px"
    assert js_errors(projector) == []


def test_a_rejected_deal_says_who_rejected_it(server, browsers):
    teacher, (kim, lee), code = class_in_negotiation(browsers, server)
    propose_contact_deal(kim)
    wait(lee, lambda d: d.find_elements(By.CSS_SELECTOR, "#deal-1-reject"), message="Lee has no deal to answer")
    # Each step reads as the team and the action's name, not a sentence with a capital letter in its middle.
    steps = [e.text for e in lee.find_elements(By.CSS_SELECTOR, "#deals .deal[data-deal='1'] .commitment-text")]
    assert "ROK (South Korea): Consult the alliance working group" in steps, steps
    click(lee, "#deal-1-reject")
    effect = "#deals .deal[data-deal='1'] .deal-effect"
    for d in (kim, lee, teacher):
        wait(d, lambda d: d.find_elements(By.CSS_SELECTOR, effect) and text(d, effect) == "Rejected by ROK (South Korea): nothing happens.",
             message=lambda d: text(d, "#deals"))
    # The view's `rejected_by` (docs/protocol.md, `deals`) is what the card follows when the server sends it.
    kim.execute_script("const g = window.armistice.game; g.view.deals.find((d) => d.id === 1).rejected_by = 'usa'; g.emit('update', {});")
    wait(kim, lambda d: text(d, effect) == "Rejected by United States: nothing happens.", message=lambda d: text(d, effect))
    assert js_errors(kim) == [] and js_errors(lee) == []


def test_the_replay_viewer_names_the_room_not_the_url_with_its_ticket(server, browsers):
    teacher, viewer = browsers(), browsers()
    code = create_room(teacher, server, phases=LONG, turns=1)
    console_click(teacher, "start", "started")
    console_click(teacher, "end")
    console_click(teacher, "end", "ended")
    links, deadline = None, time.time() + 30
    while links is None and time.time() < deadline:
        request = urllib.request.Request(server.url(f"api/teacher/rooms/{code}/ticket?lang=en"), method="POST",
                                         headers={"Authorization": f"Bearer {server.key}"})
        with urllib.request.urlopen(request) as answer:
            body = json.loads(answer.read())
            links = body if answer.status == 200 else None
        time.sleep(0.5 if links is None else 0)
    assert links and links["ticket"] in links["replay"], links
    viewer.get(server.url(links["replay"]))  # the viewer's page, given the replay's URL with its ticket
    wait(viewer, lambda d: d.execute_script("return document.body.dataset.ready") == "true", 60, message=lambda d: text(d, "#status"))
    status = text(viewer, "#status")
    assert status.startswith(f"room {code}:") and "steps" in status, status
    assert "ticket" not in status and links["ticket"] not in viewer.find_element(By.TAG_NAME, "body").text, status


def test_a_korean_phone_reads_its_budget_and_can_read_the_whole_title(server, browsers):
    teacher = korean_browser(browsers)
    code = create_room_in_korean(teacher, server, turns=1)
    phone = korean_browser(browsers, 390, 844, mobile=True)
    join_in_korean(phone, server, code, "dprk", "김민준")
    console_do(teacher, "start", "시작")
    wait(phone, lambda d: re.fullmatch(r"-?\d+ / \d+", text(d, "#budget-left")), message=lambda d: text(d, "#budget-left"))
    title = phone.execute_script("return window.armistice.game.view.title")
    h1 = css(phone, ".gamebar h1")
    assert h1.get_attribute("title") == title
    assert phone.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", h1), "the title should be cut on a phone"
    phone.execute_script("arguments[0].focus()", h1)  # a tap
    wait(phone, lambda d: d.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth", h1), message="a tap does not unfold the title")
    assert js_errors(phone) == []
