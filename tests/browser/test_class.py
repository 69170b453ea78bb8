"""Issue 13, the class experience: deals that show in the draft, the turn summary, feedback that can be seen, Korean
input. Each test plays what a class did, in real browsers against the real server."""

import time

from selenium.webdriver.common.by import By

from conftest import js_errors, screenshot, wait
from pages import (LONG, click, console_click, create_room, css, join, lock_in, open_channel, open_projector, propose_contact_deal,
                   skip_a_turn, text, wait_phase)


def agree_contact_deal(kim, lee):
    """Kim (DPRK) proposes: DPRK restores contact, ROK consults its alliance; Lee (ROK) accepts."""
    propose_contact_deal(kim)
    wait(lee, lambda d: d.find_elements(By.CSS_SELECTOR, "[id^=deal-][id$=-accept]"), message="Lee has no deal to accept")
    # Before it is agreed, the card says what will happen.
    assert "If every party accepts" in text(lee, "#deals")
    assert "added to your orders by itself" in text(lee, "#deals")
    click(lee, "[id^=deal-][id$=-accept]")
    # The answer is said where it can be seen: under the deals, not inside the closed "Propose a deal" box.
    wait(lee, lambda d: "You accepted deal #1" in text(d, "#deals-status"), message=lambda d: text(d, "#deals-status"))
    assert css(lee, "#deals-status").is_displayed()
    wait(kim, lambda d: "Agreed" in text(d, "#deals"), message="deal not agreed")


def test_deal_commitments_are_locked_lines_of_the_draft_and_never_duplicates(server, browsers):
    teacher, kim, lee = browsers(), browsers(), browsers()
    code = create_room(teacher, server, phases=LONG, turns=1)
    join(kim, server, code, "Kim", team="dprk")
    join(lee, server, code, "Lee", team="rok")

    # Before the start the budget is not known yet (the scenario computes it when the match starts): it does not read 0.
    assert text(kim, "#budget-left") == "set at the start", text(kim, "#budget-left")
    console_click(teacher, "start", "started")
    wait_phase(kim, "Briefing")
    # In the briefing, action cards carry no warning colour: "orders are given later" is a quiet hint.
    assert kim.find_elements(By.CSS_SELECTOR, "#actions .reason")
    assert not kim.find_elements(By.CSS_SELECTOR, "#actions .reason:not(.quiet)")
    screenshot(kim, "class-briefing-dprk")
    console_click(teacher, "skip", "Phase ended")
    wait_phase(kim, "Negotiation")

    # Kim drafted the contact before the deal: the draft will warn about it once the deal is agreed.
    click(kim, "#act-restore_contact-add")
    wait(kim, lambda d: "Restore contact with Seoul" in text(d, "#draft-orders"))
    agree_contact_deal(kim, lee)

    # Kim's draft: a locked line for the commitment, with its cost and its deal, and the drafted copy flagged.
    wait(kim, lambda d: d.find_elements(By.CSS_SELECTOR, "#draft-orders .committed"), message="no committed line")
    committed = css(kim, "#draft-orders .committed")
    assert "Restore contact with Seoul" in committed.text and "cost 1" in committed.text and "Deal #1" in committed.text
    assert committed.find_elements(By.TAG_NAME, "button") == [], "a committed line cannot be removed"
    dup = css(kim, "#draft-orders .duplicate")
    assert "Also promised in deal #1" in dup.text
    # The budget counts the commitment, not the drafted copy, which adjudication drops as a duplicate (b41355e).
    assert "Spent 1 of 5 (drafted 0, deals 1): 4 left." == text(kim, "#budget-line"), text(kim, "#budget-line")
    assert text(kim, "#budget-left").startswith("4 of 5")
    # Drafting it again is refused at once, with the reason, not at adjudication.
    assert not css(kim, "#act-restore_contact-add").is_enabled()
    assert "Already promised in deal #1" in text(kim, "[data-action=restore_contact] .reason")
    # Kim removes the drafted copy; the commitment stays.
    click(kim, "#draft-orders .duplicate button")
    wait(kim, lambda d: not d.find_elements(By.CSS_SELECTOR, "#draft-orders .duplicate"))
    assert "Spent 1 of 5 (drafted 0, deals 1): 4 left." == text(kim, "#budget-line")

    # Lee's draft shows the ROK's commitment too; the deal card says it is carried out by itself.
    wait(lee, lambda d: "Consult the alliance working group" in text(d, "#draft-orders .committed"))
    assert "Agreed: every commitment is carried out" in text(lee, "#deals")
    # The console shows the committed orders of each team.
    wait(teacher, lambda d: "deal #1" in css(d, "[data-team=dprk].team-column").text, message="console shows no committed order")
    assert "Restore contact with Seoul" in css(teacher, "[data-team=dprk].team-column").text
    assert "No orders drafted" not in css(teacher, "[data-team=rok].team-column").text
    for d, name in ((kim, "class-draft-with-deal-dprk"), (lee, "class-draft-with-deal-rok"), (teacher, "class-console-committed")):
        screenshot(d, name)

    # Orders, lock in, adjudicate: the commitments come back as results, never as duplicates.
    console_click(teacher, "skip", "Phase ended")
    wait_phase(kim, "Orders")
    for d in (kim, lee):
        lock_in(d)
    # The summary of turn 1 exists before (its events); wait for the adjudication's orders in it.
    wait(kim, lambda d: d.find_elements(By.CSS_SELECTOR, "#results .turn-summary .summary-order"), 30, message="no orders in the summary")
    summary = css(kim, "#results .turn-summary")
    mine = summary.find_elements(By.CSS_SELECTOR, "h4")
    assert [h.text for h in mine][:3] == ["Your orders", "What others did that you can see", "Changes over the turn"]
    orders = summary.find_elements(By.CSS_SELECTOR, ".summary-order")
    assert any("Restore contact with Seoul" in o.text and "from deal #1" in o.text for o in orders), [o.text for o in orders]
    assert not any(o.get_attribute("data-result") == "duplicate" for o in orders), [o.text for o in orders]
    assert "duplicate" not in summary.text
    # One line per track: no target twice among the changes.
    targets = [c.get_attribute("data-target") for c in summary.find_elements(By.CSS_SELECTOR, ".summary-change")]
    assert len(targets) == len(set(targets)), targets
    # The full log is one click away.
    log = css(kim, "#results .full-log")
    assert not log.is_displayed()
    click(kim, "#results [id^=show-log-]")
    wait(kim, lambda d: css(d, "#results .full-log").is_displayed())
    # Read through wait(): an update may redraw the results between finding the log and reading it.
    wait(kim, lambda d: any(w in css(d, "#results .full-log").text for w in ("Effect", "EFFECT")), message="no effect in the full log")
    kim.execute_script("document.getElementById('results').scrollIntoView()")
    screenshot_results(kim, "class-results-summary-dprk")
    assert js_errors(kim) == [] and js_errors(lee) == [] and js_errors(teacher) == []


def screenshot_results(driver, name):
    """A screenshot of the results section (the summary sits low on the page)."""
    from conftest import OUTPUT
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / f"{name}.png").write_bytes(css(driver, "#news").screenshot_as_png)


def test_feedback_objectives_and_parameters_read_as_words(server, browsers):
    teacher, kim = browsers(), browsers()
    code = create_room(teacher, server, phases=LONG, turns=1)
    join(kim, server, code, "Kim", team="dprk")
    click(kim, "#brief-box summary")
    objectives = [li.text for li in kim.find_elements(By.CSS_SELECTOR, "#objectives li")]
    assert objectives, "no objectives shown"
    assert not any(o.endswith(" 0 points") for o in objectives), objectives
    # Parameter labels are words, not raw ids.
    labels = [l.text for l in kim.find_elements(By.CSS_SELECTOR, "#actions .param label")]
    assert labels, "no parameter pickers"
    assert not any(l in ("project", "target", "team", "amount") for l in labels), labels
    # Each "Add to orders" button names its action for a screen reader.
    buttons = kim.find_elements(By.CSS_SELECTOR, "#actions button[id$=-add]")
    names = {b.get_attribute("aria-label") for b in buttons}
    assert len(names) == len(buttons) and all("to the orders" in n for n in names)


def messages(driver):
    """The chat messages shown, read in one go (the list is redrawn as messages arrive)."""
    return driver.execute_script("return [...document.querySelectorAll('#chat .msg-text')].map((n) => n.textContent)")


def test_chat_does_not_send_on_an_enter_that_commits_a_korean_syllable(server, browsers):
    teacher, kim = browsers(), browsers()
    code = create_room(teacher, server, phases=LONG, turns=1)
    join(kim, server, code, "김", team="dprk")
    open_channel(kim, "all")
    box = css(kim, "#chat textarea")
    kim.execute_script("arguments[0].value = '비핵화'; arguments[0].focus();", box)
    # What a real IME sends when Enter commits the last syllable: keydown with isComposing (keyCode 229).
    kim.execute_script("""
        const box = arguments[0];
        box.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', isComposing: true, bubbles: true, cancelable: true}));
        box.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', keyCode: 229, bubbles: true, cancelable: true}));
    """, box)
    time.sleep(1.0)
    assert not "비핵화" in messages(kim), "sent during composition"
    assert box.get_attribute("value") == "비핵화"
    # The Enter after the composition sends.
    kim.execute_script("arguments[0].dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true, cancelable: true}));", box)
    wait(kim, lambda d: "비핵화" in messages(d), message="not sent after composing")
    # Hangul keeps its words whole when lines wrap.
    assert kim.execute_script("return getComputedStyle(document.querySelector('#chat .msg-text')).wordBreak") == "keep-all"
    long = "한반도 비핵화와 평화 체제 구축을 위한 남북 정상회담의 합의 사항을 이행하자는 제안입니다"
    kim.execute_script("arguments[0].value = arguments[1];", box, long)
    kim.execute_script("arguments[0].dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true, cancelable: true}));", box)
    wait(kim, lambda d: long in messages(d))
    # Every line break falls between words: each rendered line of the message starts a word of the text.
    starts = kim.execute_script("""
        const node = [...document.querySelectorAll('#chat .msg-text')].pop().firstChild;
        const range = document.createRange(); const tops = new Map();
        for (let i = 0; i < node.length; i++) {
          range.setStart(node, i); range.setEnd(node, i + 1);
          const r = range.getClientRects()[0]; if (!r) continue;
          const top = Math.round(r.top); if (!tops.has(top)) tops.set(top, i);
        }
        return [...tops.values()];""")
    assert len(starts) > 1, "the message should wrap in the chat box"
    assert all(i == 0 or long[i - 1] == " " for i in starts), [long[i:i + 4] for i in starts]
    kim.execute_script("document.getElementById('talks').scrollIntoView()")
    from conftest import OUTPUT
    (OUTPUT / "class-korean-chat.png").write_bytes(css(kim, "#talks").screenshot_as_png)


def test_phase_flow_says_when_all_have_locked_and_when_the_match_is_over(server, browsers):
    teacher, kim, lee, late = browsers(), browsers(), browsers(), browsers()
    # Blank phase lengths show the scenario's own values.
    late.get(server.url("index.html"))
    css(late, "#create-details summary").click()
    wait(late, lambda d: "Default: " in text(d, "[data-default=negotiation]"), message="no default phase length shown")
    assert "Blank: the scenario's" in text(late, "#create-turns-hint") and any(c.isdigit() for c in text(late, "#create-turns-hint"))
    screenshot(late, "class-front-page-defaults")

    code = create_room(teacher, server, phases=LONG, turns=1)
    join(kim, server, code, "Kim", team="dprk")
    join(lee, server, code, "Lee", team="rok")
    assert "set when the match starts" in css(teacher, "[data-team=dprk].team-column").text
    console_click(teacher, "start", "started")
    console_click(teacher, "skip", "Phase ended")
    wait_phase(kim, "Negotiation")
    for d in (kim, lee):
        lock_in(d)
    wait(kim, lambda d: "Every team with players has locked in" in text(d, "#lock-state"), message=lambda d: text(d, "#lock-state"))
    wait(teacher, lambda d: "you can end the negotiation now" in text(d, "#all-locked"), message=lambda d: text(d, "#all-locked"))

    # Ended: the header says so and counts nothing down; the front page does not offer a seat in it.
    console_click(teacher, "end")
    console_click(teacher, "end", "ended")
    wait(kim, lambda d: text(d, "[data-field=phase]") == "Match over", message=lambda d: text(d, "[data-field=phase]"))
    wait(kim, lambda d: not css(d, "[data-field=clock]").is_displayed(), message=lambda d: text(d, "[data-field=clock]"))
    late.get(server.url(f"index.html?code={code}"))
    wait(late, lambda d: "This match has ended" in text(d, "#join-status"), message=lambda d: text(d, "#join-status"))
    assert not css(late, "#join-submit").is_enabled()
    screenshot(late, "class-front-page-finished-room")


def test_the_projector_fits_1920_by_1080_reads_from_the_back_and_marks_the_last_turns_changes(server, browsers):
    teacher, kim = browsers(), browsers()
    code = create_room(teacher, server, phases=LONG, turns=2)
    join(kim, server, code, "Kim", team="dprk")
    projector = open_projector(browsers, server, code)
    # Opened on the server's own machine: it does not pass 127.0.0.1 off as the address students type.
    assert "only this computer can reach" in text(projector, "#join-warning")
    console_click(teacher, "start", "started")
    skip_a_turn(teacher, kim)
    wait(projector, lambda d: d.find_elements(By.CSS_SELECTOR, ".delta"), 30, message="no change marked after the turn")
    assert "changes over turn 1" in text(projector, "#changes-turn")
    # Everything fits the screen: no scrolling on a 1920×1080 projector.
    height = projector.execute_script("return document.documentElement.scrollHeight")
    from conftest import OUTPUT as out
    out.mkdir(parents=True, exist_ok=True)
    projector.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1920, "height": max(1080, height), "deviceScaleFactor": 1, "mobile": False})
    (out / "class-projector-whole.png").write_bytes(projector.get_screenshot_as_png())
    projector.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1920, "height": 1080, "deviceScaleFactor": 1, "mobile": False})
    assert height <= 1080, f"the board is {height} px tall"
    # No label under 16 px.
    small = projector.execute_script("""
        return [...document.querySelectorAll('body *')].filter((n) => n.childNodes.length && [...n.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim()))
          .filter((n) => n.getClientRects().length && parseFloat(getComputedStyle(n).fontSize) < 16)
          .map((n) => `${n.className || n.tagName}: ${getComputedStyle(n).fontSize} ${n.textContent.trim().slice(0, 30)}`)""")
    assert not small, small[:10]
    from conftest import OUTPUT
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "projector-1920x1080.png").write_bytes(projector.get_screenshot_as_png())
    # Given the classroom address, it shows that one.
    projector.get(server.url(f"board.html?room={code}&join=10.1.2.3:8080"))
    wait(projector, lambda d: text(d, "#join-url") == "10.1.2.3:8080")
    assert text(projector, "#join-warning") == ""


def test_the_front_page_says_when_the_server_stops_answering_and_recovers(server, browsers):
    d = browsers()
    d.get(server.url("index.html"))
    wait(d, lambda d: "scenarios on this server" in text(d, "#create-status") or d.find_elements(By.CSS_SELECTOR, "#create-ruleset option"))
    # The server goes away (its requests fail at the network level, as when it is stopped).
    d.execute_cdp_cmd("Network.enable", {})
    d.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/api/*"]})
    d.execute_script("document.getElementById('load-rulesets').click()")
    wait(d, lambda d: "does not answer" in text(d, "#notice"), message=lambda d: text(d, "#notice"))
    assert server.url("").split("//")[1].rstrip("/") in text(d, "#notice")
    screenshot(d, "class-front-page-server-down")
    d.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    wait(d, lambda d: text(d, "#notice") == "", 12, message="the notice stays after the server is back")
