"""REPORT-browser E #20: a student who comes online on a team a bot has been playing is told, by the draft, that the bot
drafted the orders this turn (the server's `drafted_by`, kept by the page's Game), until a person changes the draft; the
instructor's console says who last set each team's draft."""

from selenium.webdriver.common.by import By

from conftest import js_errors, wait
from pages import LONG, click, console_click, create_room, join, text, wait_phase

LINE = "The bot drafted these orders this turn: review them before you lock."
LINE_KO = "이번 턴 명령안은 봇이 작성했습니다. 확정하기 전에 검토하세요."


def console_author(driver, team):
    """What the console's column of `team` says of who set its draft ("" when it says nothing)."""
    return driver.execute_script(
        "const n = document.querySelector(`article.team-column[data-team='${arguments[0]}'] .draft-author`); return n ? n.textContent : '';", team)


def author_line(driver):
    return driver.execute_script("const n = document.querySelector('#draft-author'); return n && !n.hidden ? n.textContent : '';")


def test_a_student_on_a_bots_team_sees_the_bot_drafted_until_a_person_changes_the_draft(server, browsers):
    teacher, kim, park, jiwoo = browsers(), browsers(), browsers(), browsers(lang="ko")
    code = create_room(teacher, server, phases=LONG, turns=2, seed=11, bots={"un": "greedy"})
    join(kim, server, code, "Kim", team="dprk")
    console_click(teacher, "start", "started")
    console_click(teacher, "skip", "Phase ended")
    wait_phase(kim, "Negotiation")

    # Park comes online on the UN team the bot played: the bot's draft is there, and the line says it is the bot's.
    join(park, server, code, "Park", team="un")
    wait(park, lambda d: d.find_elements(By.CSS_SELECTOR, "#draft-orders li.draft-order"), message="the bot's draft is not shown")
    wait(park, lambda d: author_line(d) == LINE, message=lambda d: author_line(d))
    # In Korean for a Korean page; nothing of it on a team no bot played.
    join(jiwoo, server, code, "Jiwoo", team="un")
    wait(jiwoo, lambda d: author_line(d) == LINE_KO, message=lambda d: author_line(d))
    assert author_line(kim) == ""
    # The console says it in the UN's column; the DPRK's, whose draft nobody has set, says nothing.
    wait(teacher, lambda d: console_author(d, "un") == "The bot drafted this turn's orders; no one has changed them since.",
         message=lambda d: console_author(d, "un"))
    assert console_author(teacher, "dprk") == ""

    # Park removes one of the bot's orders: a person set the draft, and the line goes for both UN students.
    click(park, "#remove-order-0")
    for d in (park, jiwoo):
        wait(d, lambda d: author_line(d) == "", message=lambda d: author_line(d))
    wait(teacher, lambda d: console_author(d, "un") == "This turn's draft was last set by Park.", message=lambda d: console_author(d, "un"))
    click(teacher, ".lang-switch button[data-lang=ko]")
    wait(teacher, lambda d: console_author(d, "un") == "이번 턴 명령안을 마지막으로 정한 사람: Park", message=lambda d: console_author(d, "un"))
    # A reload (a fresh snapshot) keeps it gone.
    park.refresh()
    wait(park, lambda d: d.execute_script("return document.body.dataset.connection") == "online", message="not online")
    wait(park, lambda d: text(d, "#team-name") not in ("", "Loading…"), message="no team shown")
    assert author_line(park) == ""
    assert js_errors(park) == [] and js_errors(jiwoo) == [] and js_errors(teacher) == []
