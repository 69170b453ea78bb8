"""qa5 Confusing #7: the roster's Remove turned into "Confirm removal" in place with no other cue, while the status line
still said an old "Phase ended.", so the first press looked lost. The first press now says what the second does, in the
roster's status line, and the old lines go."""

from conftest import js_errors, wait
from pages import LONG, click, console_click, create_room, join, text


def test_the_first_remove_press_says_what_the_second_does(server, browsers):
    teacher, kim = browsers(), browsers()
    code = create_room(teacher, server, phases=LONG)
    join(kim, server, code, "Kim", team="dprk")
    console_click(teacher, "start", "started")
    console_click(teacher, "skip", "Phase ended")
    seat = teacher.execute_script("return window.armistice.game.roster.find((r) => r.name === 'Kim').seat")
    click(teacher, f"#remove-{seat}")
    wait(teacher, lambda d: text(d, f"#remove-{seat}") == "Confirm removal")
    assert text(teacher, "#roster-status") == "Press “Confirm removal” to remove Kim from the room: they are told and sent to the front page."
    assert text(teacher, "#controls-status") == "", "the old 'Phase ended.' stays beside it"
    click(teacher, ".lang-switch button[data-lang=ko]")
    wait(teacher, lambda d: text(d, "#roster-status").startswith("“내보내기 확인”을 누르면 Kim 님을"), message=lambda d: text(d, "#roster-status"))
    click(teacher, ".lang-switch button[data-lang=en]")
    click(teacher, f"#remove-{seat}")
    wait(teacher, lambda d: "Kim removed" in text(d, "#roster-status"), message=lambda d: text(d, "#roster-status"))
    assert not js_errors(teacher)
