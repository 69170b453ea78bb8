"""What a class met in the browser: a projector opened while joining is closed, deals whose step will fail, several
students on one browser, status lines in the page's language, a moved student, and smaller wording fixes."""

from selenium.webdriver.common.by import By

from conftest import InstructorSocket, js_errors, wait
from pages import LONG, click, console_click, create_room, css, join, text


def test_a_projector_opened_while_joining_is_closed_says_why_and_joins_once_it_opens(server, browsers):
    teacher = browsers()
    code = create_room(teacher, server, phases=LONG, turns=1)
    click(teacher, "#joining-toggle")
    wait(teacher, lambda d: "Joining closed" in text(d, "#joining-state"), message=lambda d: text(d, "#joining-state"))
    assert "before you close it" in text(teacher, "#joining-hint")

    projector = browsers(1920, 1080)
    projector.get(server.url(f"board.html?room={code}"))
    wait(projector, lambda d: "closed to new seats" in text(d, "#notice"), message=lambda d: text(d, "#notice"))
    assert "Open joining" in text(projector, "#notice")
    assert text(projector, "#join-code") == code
    assert text(projector, "#join-url").strip() != ""
    assert text(projector, "#connection") == "Waiting for joining to open"

    click(teacher, "#joining-toggle")
    wait(teacher, lambda d: "Joining open" in text(d, "#joining-state"), message=lambda d: text(d, "#joining-state"))
    wait(projector, lambda d: d.execute_script("return document.body.dataset.connection") == "online", timeout=20,
         message=lambda d: text(d, "#connection"))
    assert text(projector, "#notice") == ""
    assert js_errors(projector) == []


def test_an_agreed_deal_still_warns_that_our_step_will_come_back_not_possible(server, browsers):
    from test_deal_warnings import notes, submit_proposal, write_proposal
    from pages import class_in_negotiation
    teacher, (kim, lee), code = class_in_negotiation(browsers, server)
    # The DPRK's inspection needs a declaration first: the step cannot be carried out now.
    write_proposal(lee, [("dprk", "admit_inspectors"), ("rok", "alliance_working_group")])
    submit_proposal(lee, "Deal proposed")
    wait(kim, lambda d: d.find_elements(By.CSS_SELECTOR, "#deal-1-accept"), message="Kim has no deal to answer")
    assert "cannot be carried out now" in notes(kim, 1, "admit_inspectors", "step-warning")
    click(kim, "#deal-1-accept")
    wait(kim, lambda d: d.find_elements(By.CSS_SELECTOR, "#deals .deal.status-agreed[data-deal='1']"), message="deal not agreed")
    # The agreed card and the locked line of the draft both still say it.
    wait(kim, lambda d: "cannot be carried out now" in notes(d, 1, "admit_inspectors", "step-warning"),
         message=lambda d: notes(d, 1, "admit_inspectors", "step-warning"))
    line = "#draft-orders li.committed[data-action='admit_inspectors']"
    wait(kim, lambda d: "not possible" in text(d, line), message=lambda d: text(d, line))
    assert "unmet" in css(kim, line).get_attribute("class")
    # Lee's own step meets its requirements: no warning on Lee's side.
    assert notes(lee, 1, "alliance_working_group", "step-warning") == ""
    assert js_errors(kim) == []


def saved_items(driver):
    return driver.execute_script("return [...document.querySelectorAll('#saved-list li a')].map((a) => a.textContent);")


def test_a_shared_browser_keeps_every_students_seat_and_resumes_the_one_chosen(server, browsers):
    teacher = browsers()
    code = create_room(teacher, server, phases=LONG, turns=1)
    laptop = browsers()
    join(laptop, server, code, "Alice", team="dprk")
    alice_team = text(laptop, "#team-name")
    join(laptop, server, code, "Bob", team="rok")
    bob_team = text(laptop, "#team-name")
    assert alice_team != bob_team

    laptop.get(server.url("index.html"))
    # Both seats are listed, each with its team's name (not its id) once the scenarios are read.
    wait(laptop, lambda d: len(saved_items(d)) == 2 and all("(dprk)" not in x and "(rok)" not in x for x in saved_items(d)),
         message=lambda d: saved_items(d))
    items = saved_items(laptop)
    assert any("Alice" in x and alice_team in x for x in items), items
    assert any("Bob" in x and bob_team in x for x in items), items

    # Alice's entry resumes Alice's seat, not the newer one.
    link = [a for a in laptop.find_elements(By.CSS_SELECTOR, "#saved-list li a") if "Alice" in a.text][0]
    click(laptop, link)
    wait(laptop, lambda d: d.execute_script("return document.body.dataset.connection") == "online", message="not online")
    wait(laptop, lambda d: text(d, "#team-name") == alice_team, message=lambda d: text(d, "#team-name"))
    assert laptop.execute_script("return window.armistice.game.you.name") == "Alice"

    # An older page's single entry (armistice.seat.CODE.player) is kept under its seat id.
    laptop.get(server.url("index.html"))
    laptop.execute_script(
        "const k = Object.keys(localStorage).find((k) => k.includes('.player.') && JSON.parse(localStorage[k]).name === 'Bob');"
        "localStorage.setItem(`armistice.seat.${arguments[0]}.player`, localStorage[k]); localStorage.removeItem(k);", code)
    laptop.refresh()
    wait(laptop, lambda d: len(saved_items(d)) == 2, message=lambda d: saved_items(d))
    keys = laptop.execute_script("return Object.keys(localStorage).filter((k) => k.startsWith('armistice.seat.'));")
    assert f"armistice.seat.{code}.player" not in keys and len([k for k in keys if ".player." in k]) == 2, keys
    assert js_errors(laptop) == []


def test_a_lost_seat_in_a_finished_room_points_to_the_replay_not_the_join_form(server, browsers):
    teacher = browsers()
    code = create_room(teacher, server, phases=LONG, turns=1)
    other = InstructorSocket(server, code)
    other.send({"type": "start", "id": 2})
    other.expect("ack")
    other.send({"type": "end", "id": 3, "reason": "the bell rang"})
    other.expect("ack")
    other.close()
    student = browsers()
    student.get(server.url(f"play.html?room={code}"))
    wait(student, lambda d: "lost=no_seat" in d.current_url, message=lambda d: d.current_url)
    wait(student, lambda d: "has ended" in text(d, "#notice") and "Replay a finished match" in text(d, "#notice"),
         message=lambda d: text(d, "#notice"))
    assert not css(student, "#join-submit").is_enabled()


def test_a_moved_student_is_told_and_the_old_teams_status_line_goes(server, browsers):
    from pages import class_in_negotiation
    teacher, (kim,), code = class_in_negotiation(browsers, server, teams=("dprk",), names=("Kim",))
    click(kim, "#act-restore_contact-add")
    wait(kim, lambda d: "Draft saved" in text(d, "#orders-status"), message=lambda d: text(d, "#orders-status"))
    seat = kim.execute_script("return window.armistice.game.you.seat")
    other = InstructorSocket(server, code)
    other.send({"type": "move_seat", "seat": seat, "team": "un", "id": 2})
    other.expect("ack")
    other.close()
    wait(kim, lambda d: "The instructor moved you to United Nations" in text(d, "#notice"), message=lambda d: text(d, "#notice"))
    assert text(kim, "#orders-status") == ""
    # The front page's list names the new team.
    kim.get(server.url("index.html"))
    wait(kim, lambda d: any("United Nations" in x for x in saved_items(d)), message=lambda d: saved_items(d))


def test_console_status_lines_follow_the_language_and_name_the_policy_and_language(server, browsers):
    teacher = browsers()
    code = create_room(teacher, server, phases=LONG, turns=1)
    wait(teacher, lambda d: d.find_elements(By.CSS_SELECTOR, "#bot-on-un"))
    click(teacher, "#bot-on-un")
    wait(teacher, lambda d: "bot now plays United Nations" in text(d, "#bots-status"), message=lambda d: text(d, "#bots-status"))
    click(teacher, ".lang-switch button[data-lang=ko]")
    wait(teacher, lambda d: "유엔" in text(d, "#bots-status"), message=lambda d: text(d, "#bots-status"))
    words = text(teacher, "#bots-status")
    assert "greedy" not in words and "적극형" in words, words
    from selenium.webdriver.support.ui import Select
    Select(css(teacher, "#room-language")).select_by_value("en")
    click(teacher, "#set-room-language")
    wait(teacher, lambda d: "영어로" in text(d, "#controls-status"), message=lambda d: text(d, "#controls-status"))
    # The roster's remove button reads 내보내기 (the hint and the student's notice say 내보낸/내보냈습니다).
    student = browsers()
    join(student, server, code, "Kim", team="dprk")
    wait(teacher, lambda d: d.find_elements(By.CSS_SELECTOR, "#roster button[id^=remove-]"))
    assert text(teacher, "#roster button[id^=remove-]") == "내보내기"


def test_the_create_forms_name_is_a_placeholder(server, browsers):
    driver = browsers()
    driver.get(server.url("index.html"))
    css(driver, "#create-details summary").click()
    box = css(driver, "#create-name")
    assert box.get_attribute("value") == "" and box.get_attribute("placeholder") == "Instructor"
    box.send_keys("Ms Kim")
    assert box.get_attribute("value") == "Ms Kim"


def test_chat_that_came_while_away_is_counted_as_unread(server, browsers):
    from pages import class_in_negotiation, send_chat
    teacher, (kim, lee), code = class_in_negotiation(browsers, server)
    pair = kim.execute_script("return window.armistice.game.channels().find((c) => c.startsWith('pair:') && c.includes('rok'))")
    wait(lee, lambda d: d.find_elements(By.CSS_SELECTOR, f"#chat [data-channel='{pair}']"))
    lee.get(server.url("index.html"))
    send_chat(kim, pair, "Shall we talk?")
    send_chat(kim, "all", "Hello everyone")
    lee.get(server.url(f"play.html?room={code}"))
    tab = f"#chat [data-channel='{pair}'] .unread"
    wait(lee, lambda d: d.find_elements(By.CSS_SELECTOR, tab) and text(d, tab) == "1", message="no unread count on the pair's tab")
    # The channel shown ("everyone", read on opening) has no count; once the pair's channel is opened its count goes,
    # and it stays read after a reload.
    click(lee, f"#chat [data-channel='{pair}']")
    wait(lee, lambda d: not d.find_elements(By.CSS_SELECTOR, tab))
    lee.refresh()
    wait(lee, lambda d: d.find_elements(By.CSS_SELECTOR, f"#chat [data-channel='{pair}']"))
    assert not lee.find_elements(By.CSS_SELECTOR, tab)
