"""The instructor's console closes the room to new students and opens it again (`set_joining`): the roster panel says
which, the front page says so as soon as a student's code is in (before a name is typed), a student's join is refused
there with the server's words (ask the instructor to open it), and the state a second instructor sets shows on this
console too."""

from conftest import InstructorSocket, js_errors, wait
from pages import LONG, click, create_room, css, text


def test_the_console_closes_and_opens_joining(server, browsers):
    teacher = browsers()
    code = create_room(teacher, server, phases=LONG, turns=1)
    wait(teacher, lambda d: "Joining open" in text(d, "#joining-state"), message=lambda d: text(d, "#joining-state"))
    assert text(teacher, "#joining-toggle") == "Close joining"

    click(teacher, "#joining-toggle")
    wait(teacher, lambda d: "Joining closed" in text(d, "#joining-state"), message=lambda d: text(d, "#joining-state"))
    assert text(teacher, "#joining-toggle") == "Open joining"
    wait(teacher, lambda d: "already seated" in text(d, "#roster-status"), message=lambda d: text(d, "#roster-status"))

    # A student is told before typing a name (the room's lookup says it is closed), and the button stays for when
    # it opens again; a join is refused, and told what to do.
    student = browsers()
    student.get(server.url(f"index.html?code={code}"))
    wait(student, lambda d: "ask your instructor to open it" in text(d, "#join-status"), message=lambda d: text(d, "#join-status"))
    assert css(student, "#join-submit").is_enabled()
    css(student, "#join-name").send_keys("Kim")
    css(student, "#join-submit").click()
    wait(student, lambda d: "ask your instructor to open it" in text(d, "#join-status"), message=lambda d: text(d, "#join-status"))
    assert "play.html" not in student.current_url

    # Opened from another instructor seat: this console follows.
    other = InstructorSocket(server, code)
    assert other.snapshot["settings"].get("joining") == "closed"
    other.send({"type": "set_joining", "open": True, "id": 2})
    other.expect("ack")
    wait(teacher, lambda d: "Joining open" in text(d, "#joining-state"), message=lambda d: text(d, "#joining-state"))
    other.close()
    css(student, "#join-submit").click()
    wait(student, lambda d: "play.html" in d.current_url, message=lambda d: text(d, "#join-status"))
    assert js_errors(teacher) == []
