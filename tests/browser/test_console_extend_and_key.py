"""The console's extend box and log download (outside tester qa8 C3, C4): typing into the seconds box replaces its 60
(so "30" never becomes 3060), an extension longer than the phase itself is asked about before it goes, and the key
box beside "Download the log" is shown only when the tab holds no session. In real browsers against the real server."""

from conftest import js_errors, wait
from pages import click, console_click, create_room, css, join, text, wait_phase


def test_the_extend_box_is_replaced_by_typing_and_a_long_extension_is_asked_first(server, browsers):
    teacher, kim = browsers(), browsers()
    phases = {"briefing": 100, "negotiation": 600, "orders": 600, "adjudication": 1, "results": 600}
    code = create_room(teacher, server, phases=phases)
    join(kim, server, code, "Kim", team="dprk")
    # Signed in with the key: the session is enough to download the log, no key box is shown.
    assert not css(teacher, "#log-key").is_displayed() and not css(teacher, "label[for=log-key]").is_displayed()
    console_click(teacher, "start", "started")
    wait_phase(kim, "Briefing")
    box = css(teacher, "#extend-seconds")
    click(teacher, box)
    box.send_keys("30")
    assert box.get_attribute("value") == "30", box.get_attribute("value")
    # 30 s: fine at once.
    console_click(teacher, "extend", "30 s later")
    # 3060 s, longer than the 100 s briefing: asked first, nothing changed; pressed again, it goes.
    click(teacher, box)
    box.send_keys("3060")
    before = teacher.execute_script("return window.armistice.game.clock.deadline")
    click(teacher, "#extend")
    wait(teacher, lambda d: "press “Extend the deadline” again" in text(d, "#controls-status"), message=lambda d: text(d, "#controls-status"))
    assert "longer than this whole phase (100 s)" in text(teacher, "#controls-status")
    assert teacher.execute_script("return window.armistice.game.clock.deadline") == before
    console_click(teacher, "extend", "3,060 s later")
    wait(teacher, lambda d: d.execute_script("return window.armistice.game.clock.deadline") - before >= 3_000_000)
    assert not js_errors(teacher)


def test_the_log_key_box_is_not_shown_to_a_signed_in_console(server, browsers):
    teacher = browsers()
    create_room(teacher, server)
    assert not css(teacher, "#log-key").is_displayed()
    console_click(teacher, "download", "Log downloaded")
    assert not css(teacher, "#log-key").is_displayed()
