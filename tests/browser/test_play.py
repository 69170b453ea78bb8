"""A real match in real browsers: two students on different teams, the instructor's console and the projector."""

import time

from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import OUTPUT, InstructorSocket, assert_nothing_private, js_errors, screenshot, wait
from pages import (LONG, click, console_click, create_room, css, game_value, join, lock_in, open_channel,
                   propose_contact_deal, send_chat, text, wait_phase)
from pngcheck import colour_stats


def assert_not_blank(png, name):
    width, height, colours, top_share = colour_stats(png)
    assert (width, height) == (1366, 768), f"{name}: {width}x{height}"
    assert colours >= 12, f"{name}: only {colours} colours: blank?"
    assert top_share < 0.97, f"{name}: one colour covers {top_share:.0%}: blank?"


def test_front_page_is_not_blank_and_has_labels(server, browsers):
    d = browsers()
    d.get(server.url("index.html"))
    wait(d, lambda d: d.find_elements(By.CSS_SELECTOR, "#create-ruleset option"))
    for field in d.find_elements(By.CSS_SELECTOR, "input:not([type=radio]):not([type=checkbox]), select, textarea"):
        fid = field.get_attribute("id")
        labelled = fid and d.find_elements(By.CSS_SELECTOR, f"label[for='{fid}']")
        wrapped = d.execute_script("return !!arguments[0].closest('label')", field)
        assert labelled or wrapped, f"field {fid or field.get_attribute('name')} has no label"
    assert_not_blank(screenshot(d, "index"), "index")
    assert js_errors(d) == []


def test_a_turn_with_two_students_the_console_and_the_projector(server, browsers):
    teacher, kim, lee, projector = browsers(), browsers(), browsers(), browsers()
    code = create_room(teacher, server, phases=LONG, turns=1)
    auditor = InstructorSocket(server, code)

    join(kim, server, code, "Kim", team="dprk")
    join(lee, server, code, "Lee", team="rok")
    projector.get(server.url(f"board.html?room={code}"))
    wait(projector, lambda d: text(d, "#join-code") == code, message="no code on the projector")

    # Everyone is on the roster and on the board.
    wait(teacher, lambda d: "Kim" in text(d, "#roster") and "Lee" in text(d, "#roster"))
    wait(projector, lambda d: "Kim" in text(d, "#teams") and "Lee" in text(d, "#teams"))
    assert "Team or role" in text(teacher, "#roster")

    # Start, then skip the briefing.
    console_click(teacher, "start", "started")
    wait_phase(kim, "Briefing")
    console_click(teacher, "skip", "Phase ended")
    for d in (kim, lee, teacher, projector):
        wait_phase(d, "Negotiation")

    # The clock runs on every page.
    wait(kim, lambda d: ":" in text(d, "[data-field=clock]"))
    assert ":" in text(projector, "[data-field=clock]")

    # Kim drafts an action only the DPRK has; her draft and the console show it, the ROK page does not.
    snap = auditor.fresh()
    rok_ids = {a["id"] for a in snap["view"]["actions"] if a["team"] == "rok"}
    dprk_only = [a for a in snap["view"]["actions"] if a["team"] == "dprk" and a["id"] not in rok_ids
                 and a["available"] and not a["params"] and a["cost"] <= 2]
    assert dprk_only, "no available DPRK-only action without parameters"
    act = dprk_only[0]
    click(kim, f"#act-{act['id']}-add")
    wait(kim, lambda d: act["name"] in text(d, "#draft-orders"), message="draft not shown to Kim")
    wait(kim, lambda d: "Draft saved" in text(d, "#orders-status"))
    assert "left" in text(kim, "#budget-line")
    wait(teacher, lambda d: act["name"] in css(d, "[data-team=dprk].team-column").text, message="console does not show the DPRK draft")
    assert act["name"] not in css(teacher, "[data-team=rok].team-column").text

    # An action that cannot be taken says why.
    reasons = kim.find_elements(By.CSS_SELECTOR, "#actions .reason")
    assert reasons and all(r.text for r in reasons)

    # Chat in the pair channel, with unread counts on the other side.
    pair = "pair:dprk+rok"
    send_chat(kim, pair, "Shall we reopen the liaison office?")
    wait(lee, lambda d: css(d, f"#chat [data-channel='{pair}'] .unread").text == "1", message="no unread count for Lee")
    open_channel(lee, pair)
    wait(lee, lambda d: "Shall we reopen the liaison office?" in text(d, "#chat .chat-log"))
    wait(teacher, lambda d: css(d, f"#chat [data-channel='{pair}'] .unread").text == "1")

    # A deal: Kim proposes, Lee accepts.
    propose_contact_deal(kim, note="contact for consultations")
    wait(lee, lambda d: d.find_elements(By.CSS_SELECTOR, "[id^=deal-][id$=-accept]"), message="Lee has no deal to accept")
    assert "contact for consultations" in text(lee, "#deals")
    assert "Consult the alliance working group" in text(lee, "#deals")  # names, not ids
    click(lee, "[id^=deal-][id$=-accept]")
    wait(kim, lambda d: "agreed" in text(d, "#deals"), message="deal not agreed")

    # The instructor publishes news and adjusts a track with a reason; everyone sees the news.
    css(teacher, "#news-text").send_keys("Seoul's markets rally on summit hopes")
    click(teacher, "#news-form button")
    for d in (kim, lee, projector):
        wait(d, lambda d: "Seoul's markets rally" in text(d, "#news-feed"), message="news not shown")
    events = Select(css(teacher, "#event-id")).options  # the scenario's events, by name, from the instructor's view
    assert events and all(o.get_attribute("value") for o in events), "no scenario events to inject"
    Select(css(teacher, "#adjust-target")).select_by_value("tension")
    css(teacher, "#adjust-value").send_keys("3")
    css(teacher, "#adjust-reason").send_keys("the class agreed the DMZ is calm")
    click(teacher, "#adjust-form button")
    wait(teacher, lambda d: text(d, "#inject-status").startswith("Set "), message=lambda d: text(d, "#inject-status"))
    wait(kim, lambda d: "the class agreed the DMZ is calm" in text(d, "#results"))

    # Pause, resume and extend the clock.
    console_click(teacher, "pause", "paused")
    wait(kim, lambda d: "paused" in text(d, "[data-field=phase]"))
    console_click(teacher, "unpause", "running")
    console_click(teacher, "extend", "moved")

    # Privacy while drafting: each team's page against the instructor's full view.
    snap = auditor.fresh()
    assert_nothing_private(lee, snap, "rok", "Lee")
    assert_nothing_private(kim, snap, "dprk", "Kim")
    assert_nothing_private(projector, snap, None, "the projector")
    hidden_from_rok = [t["name"] for t in snap["view"]["tracks"] if "rok" in (t.get("hidden_from") or [])]
    assert hidden_from_rok, "the scenario should hide a track from the ROK"
    for name in hidden_from_rok:
        assert name not in lee.page_source
    dprk_only_tracks = [t["name"] for t in snap["view"]["tracks"] if set(t.get("hidden_from") or []) >= {"rok", "usa", "un"}]
    assert all(name in text(kim, "#tracks") for name in dprk_only_tracks), "Kim should see the DPRK-only tracks"

    # Orders: both students lock in; the teams nobody plays do not hold the phase up.
    console_click(teacher, "skip", "Phase ended")
    wait_phase(kim, "Orders")
    for d in (kim, lee):
        lock_in(d)
        wait(d, lambda d: "locked in" in text(d, "#orders-status") or not css(d, "#lock").is_enabled())
    for d in (kim, lee, teacher):
        # A one-turn match: after its adjudication the header says these are the last turn's results.
        wait(d, lambda d: phase(d) in ("Adjudication", "Results", "Last turn's results", "Match over"), 20)

    # Results with dice, for Kim's action.
    wait(kim, lambda d: act["name"] in text(d, "#results"), message="no result for Kim's action")
    results = text(kim, "#results")
    assert "Your orders" in results and "Changes over the turn" in results  # the turn's summary comes first
    wait(teacher, lambda d: "State hash" in text(d, "#records") or "STATE HASH" in text(d, "#records"))

    snap = auditor.fresh()
    assert_nothing_private(lee, snap, "rok", "Lee")
    assert_nothing_private(kim, snap, "dprk", "Kim")
    assert_nothing_private(projector, snap, None, "the projector")

    # Screenshots of every view at 1366x768.
    for d, name in ((kim, "student-dprk"), (lee, "student-rok"), (teacher, "console"), (projector, "projector")):
        assert_not_blank(screenshot(d, name), name)

    # The log downloads with the key; the match ends.
    console_click(teacher, "download", "Log downloaded")
    console_click(teacher, "end")
    console_click(teacher, "end", "ended")
    for d in (kim, lee, projector):
        wait(d, lambda d: not css(d, "#outcome").get_attribute("hidden"), message="no outcome shown")
    assert_not_blank(screenshot(kim, "student-dprk-ended"), "ended")

    for d, who in ((kim, "Kim"), (lee, "Lee"), (teacher, "console"), (projector, "projector")):
        errors = js_errors(d)
        assert errors == [], f"{who}: {errors}"
    auditor.close()


def phase(d):
    return css(d, "[data-field=phase]").text


PAYLOAD = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script><b id="pwn">x</b>'


def no_injection(d):
    try:
        d.switch_to.alert
        raise AssertionError("an alert opened")
    except NoAlertPresentException:
        pass
    assert d.execute_script("return window.__pwned === undefined")
    assert d.find_elements(By.ID, "pwn") == []
    assert d.find_elements(By.CSS_SELECTOR, "img[src=x]") == []


def test_script_injection_in_a_name_and_in_chat_is_shown_as_text(server, browsers):
    teacher, mallory, lee, projector = browsers(), browsers(), browsers(), browsers()
    code = create_room(teacher, server, phases=LONG)
    name = '<b id="pwn">M</b><img src=x>'  # names are cut at 40 characters
    join(mallory, server, code, name, team="dprk")
    join(lee, server, code, "Lee", team="dprk")
    projector.get(server.url(f"board.html?room={code}"))
    wait(projector, lambda d: text(d, "#join-code") == code)

    send_chat(mallory, "all", PAYLOAD)
    send_chat(mallory, "team:dprk", PAYLOAD)
    for d in (lee, teacher):
        open_channel(d, "all")
        wait(d, lambda d: PAYLOAD in text(d, "#chat .chat-log"), message="payload not shown literally")
    open_channel(lee, "team:dprk")
    wait(lee, lambda d: PAYLOAD in text(lee, "#chat .chat-log"))
    for d in (lee, teacher, projector):
        wait(d, lambda d: name in d.find_element(By.TAG_NAME, "body").text, message="name not shown literally")
    time.sleep(0.5)
    for d in (mallory, lee, teacher, projector):
        no_injection(d)


def test_a_dropped_connection_resumes_the_seat_and_catches_up(server, browsers):
    teacher, kim, lee = browsers(), browsers(), browsers()
    code = create_room(teacher, server, phases=LONG)
    join(kim, server, code, "Kim", team="dprk")
    join(lee, server, code, "Lee", team="dprk")
    seat = game_value(kim, "g.you.seat")

    # The connection drops; a teammate writes meanwhile; the page resumes the same seat and shows the message.
    kim.execute_script("window.armistice.session.stopped = false; window.armistice.session.drop();")
    send_chat(lee, "team:dprk", "did you see the briefing?")
    wait(kim, lambda d: d.execute_script("return document.body.dataset.connection") == "online", 20)
    wait(kim, lambda d: "did you see the briefing?" in "".join(game_value(d, "g.chat.map(m => m.text)")), 20)
    assert game_value(kim, "g.you.seat") == seat

    # A reload keeps the seat too (the token is in localStorage, per room and seat).
    kim.refresh()
    wait(kim, lambda d: d.execute_script("return document.body.dataset.connection") == "online")
    wait(kim, lambda d: d.execute_script("return !!(window.armistice && window.armistice.game.view)"))
    assert game_value(kim, "g.you.seat") == seat
    stored = kim.execute_script(f"return JSON.parse(localStorage.getItem('armistice.seat.{code}.player.{seat}'))")
    assert stored["token"].startswith(code + ".") and stored["seq"] > 0
    open_channel(kim, "team:dprk")
    assert "did you see the briefing?" in text(kim, "#chat .chat-log")

    # Removed by the instructor: the page says so and the token is forgotten.
    row = css(teacher, f"tr[data-seat='{seat}']")
    click(teacher, row.find_element(By.CSS_SELECTOR, f"#remove-{seat}"))
    click(teacher, f"#remove-{seat}")
    wait(kim, lambda d: "removed" in text(d, "#notice"), message="no notice of removal")
    assert kim.execute_script(f"return localStorage.getItem('armistice.seat.{code}.player.{seat}')") is None


def test_the_dashboard_fits_a_phone(server, browsers):
    teacher, phone = browsers(), browsers(390, 844, mobile=True)
    code = create_room(teacher, server, phases=LONG)
    join(phone, server, code, "Kim", team="rok")
    width = phone.execute_script("return document.documentElement.scrollWidth")
    inner = phone.execute_script("return window.innerWidth")
    assert width <= inner + 1, f"the page scrolls sideways on a phone: {width} > {inner}"
    # In play, the action cards' pickers hold long names ("Inter-Korean rail and road reconnection"): they stay
    # inside their cards.
    console_click(teacher, "start", "started")
    console_click(teacher, "skip", "Phase ended")
    wait_phase(phone, "Negotiation")
    wait(phone, lambda d: d.find_elements(By.CSS_SELECTOR, "#actions select"), message="no picker on an action card")
    width = phone.execute_script("return document.documentElement.scrollWidth")
    assert width <= inner + 1, f"the page scrolls sideways on a phone in play: {width} > {inner}"
    assert css(phone, ".mobile-nav").is_displayed()
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "student-phone.png").write_bytes(phone.get_screenshot_as_png())


def affordable_orders(actions, budget, first):
    """Orders of distinct actions (`first` and then ones without parameters) costing exactly `budget`, or None."""
    plain = [a for a in actions if not a["params"] and a["id"] not in ("restore_contact", first["action"])]
    cost = {a["id"]: a["cost"] for a in actions}
    best = {cost[first["action"]]: [first]}
    for a in plain:
        for spent, orders in sorted(best.items(), reverse=True):
            if spent + a["cost"] <= budget and spent + a["cost"] not in best:
                best[spent + a["cost"]] = orders + [{"action": a["id"], "params": {}}]
    return best.get(budget)


def test_a_draft_past_the_budget_is_stopped_and_its_lock_warns(server, browsers):
    """With an agreed deal on top of a full draft: Add is disabled with the reason, the lines the budget cannot pay
    say so, and locking asks first by how much; results come only after adjudication, and old status lines go."""
    teacher, kim, lee = browsers(), browsers(), browsers()
    code = create_room(teacher, server, phases=LONG, turns=2)
    auditor = InstructorSocket(server, code)
    join(kim, server, code, "Kim", team="dprk")
    join(lee, server, code, "Lee", team="rok")
    console_click(teacher, "start", "started")
    wait_phase(kim, "Briefing")
    assert text(kim, "[data-field=date]").startswith("· "), "the turn line has no separator before the date"
    console_click(teacher, "skip", "Phase ended")
    wait_phase(kim, "Negotiation")

    # Kim's team drafts its whole budget, one order with a labelled parameter first; then a deal adds 1 more.
    snap = auditor.fresh()
    budget = next(t["budget"] for t in snap["view"]["teams"] if t["id"] == "dprk")
    dprk = [a for a in snap["view"]["actions"] if a["team"] == "dprk"]
    labelled = next(a for a in dprk if any(p.get("label") for p in a["params"]))
    param = next(p for p in labelled["params"] if p.get("label"))
    first = {"action": labelled["id"], "params": {param["id"]: param["choices"][-1]["id"]}}
    orders = affordable_orders(dprk, budget, first)
    assert orders, f"no DPRK orders costing exactly {budget}"
    kim.execute_async_script("window.armistice.session.request({type: 'set_orders', orders: arguments[0], consents: {}}).then(arguments[1], arguments[1]);", orders)
    wait(kim, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#draft-orders .draft-order")) == len(orders))
    line = css(kim, f"#draft-orders .draft-order[data-action='{labelled['id']}']").text
    assert param["label"] in line and f"{param['id']}:" not in line, f"the parameter is not named by its label: {line!r}"
    propose_contact_deal(kim)
    click(lee, "[id^=deal-][id$=-accept]")
    wait(kim, lambda d: "agreed" in text(d, "#deals"), message="deal not agreed")

    wait(kim, lambda d: css(d, "#budget-line").get_attribute("data-kind") == "error", message=lambda d: text(d, "#budget-line"))
    over = kim.find_elements(By.CSS_SELECTOR, "#draft-orders .draft-order.over-budget")
    assert len(over) == 1 and "Over budget" in over[0].text, [o.text for o in over]
    for a in dprk:
        if a["cost"] > 0 and a["id"] != "restore_contact":
            card = css(kim, f"#actions .action[data-action='{a['id']}']")
            assert not css(kim, f"#act-{a['id']}-add").is_enabled(), f"Add is enabled on {a['id']} with nothing left"
            assert "already 1 over the budget" in card.find_element(By.CSS_SELECTOR, ".reason").text
    # Over the budget, the lines say by how much, never "-1 left".
    assert text(kim, "#budget-line").endswith(": 1 over budget."), text(kim, "#budget-line")
    # The header reads "Budget 1 over (6 of 5)", not "Budget left 1 over 5" (qa5 Confusing #1).
    assert text(kim, "#budget-left") == f"1 over ({budget + 1} of {budget})", text(kim, "#budget-left")
    assert kim.execute_script("return document.querySelector('#budget-left').parentElement.querySelector('.label').textContent") == "Budget"
    click(kim, ".lang-switch button[data-lang=ko]")
    wait(kim, lambda d: text(d, "#budget-left") == f"1 초과 ({budget} 중 {budget + 1} 사용)", message=lambda d: text(d, "#budget-left"))
    assert kim.execute_script("return document.querySelector('#budget-left').parentElement.querySelector('.label').textContent") == "예산"
    click(kim, ".lang-switch button[data-lang=en]")
    wait(kim, lambda d: text(d, "#budget-left").startswith("1 over ("))

    # Locking asks first, saying by how much; the second press locks.
    console_click(teacher, "skip", "Phase ended")
    wait_phase(kim, "Orders")
    click(kim, "#lock")
    wait(kim, lambda d: "1 over budget" in text(d, "#lock"), message=lambda d: text(d, "#lock"))
    assert "1 more than the budget" in text(kim, "#orders-status")
    assert "will not be carried out" in text(kim, "#orders-status") and "over_budget" not in text(kim, "#orders-status")
    click(kim, "#lock")
    wait(kim, lambda d: "locked in" in text(d, "#orders-status"))

    # Before the turn is played there are no results to speak of (no "your team gave no orders").
    results = text(kim, "#results")
    assert "Your orders" not in results and "gave no orders" not in results, results

    # Lee locks too: the turn is played. The old "locked in" line goes with the phase.
    lock_in(lee)
    wait(kim, lambda d: "Your orders" in text(d, "#results"), 20, message=lambda d: text(d, "#results"))
    wait(kim, lambda d: text(d, "#orders-status") == "", message=lambda d: text(d, "#orders-status"))

    # Turn 2's briefing: its start is labelled as such, with no orders yet; the lock button is ready again.
    wait_phase(kim, "Results")
    console_click(teacher, "skip", "Phase ended")
    wait(kim, lambda d: text(d, "[data-field=turn]").startswith("Turn 2"), message=lambda d: text(d, "[data-field=turn]"))
    for section in kim.find_elements(By.CSS_SELECTOR, "#results .turn-summary[data-turn='2']"):
        assert section.get_attribute("data-played") == "false"
        assert "Start of turn 2" in section.text and "Your orders" not in section.text, section.text
    assert text(kim, "#lock") == "Lock in our orders" and text(kim, "#orders-status") == ""
    assert js_errors(kim) == []
    auditor.close()
