"""qa5 Confusing #18: an instructor who opened console.html?room=CODE in a tab with no instructor seat for that room was
sent to the students' join page ("join with the code"), the console form closed and empty. It now lands on the front
page's console form, open and filled with the code, saying why; the key opens the console from there."""

from conftest import js_errors, wait
from pages import LONG, click, create_room, css, text


def test_a_console_link_without_an_instructor_seat_opens_the_filled_console_form(server, browsers):
    teacher, other = browsers(), browsers()
    code = create_room(teacher, server, phases=LONG)
    other.get(server.url(f"console.html?room={code.lower()}"))
    wait(other, lambda d: "index.html" in d.current_url, message=lambda d: d.current_url)
    assert "lost=console_no_seat" in other.current_url and f"console={code}" in other.current_url, other.current_url
    wait(other, lambda d: css(d, "#console-details").get_attribute("open") is not None, message="the console form is closed")
    assert css(other, "#console-code").get_attribute("value") == code
    assert css(other, "#join-code").get_attribute("value") == "", "not sent to the students' join form"
    wait(other, lambda d: text(d, "#notice").startswith("This browser holds no instructor seat in that room"), message=lambda d: text(d, "#notice"))
    assert css(other, "#console-key").is_displayed()
    css(other, "#console-key").send_keys(server.key)
    click(other, "#console-submit")
    wait(other, lambda d: "console.html" in d.current_url and text(d, "#room-code") == code, message=lambda d: d.current_url)
    # In Korean, the same.
    click(other, ".lang-switch button[data-lang=ko]")
    other.get(server.url(f"index.html?console={code}&lost=console_no_seat"))
    wait(other, lambda d: text(d, "#notice").startswith("이 브라우저에는 그 방의 교사 자리가 없습니다"), message=lambda d: text(d, "#notice"))
    assert not js_errors(other)
