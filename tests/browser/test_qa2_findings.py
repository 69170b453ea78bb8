"""The browser client's fixes from the second outside class (/tmp/qa2/REPORT-browser.md): a projector opened while
joining is closed, deals whose step will fail, several students on one browser, status lines in the page's language,
a moved student, and smaller wording fixes."""

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
