"""qa5 Confusing #9: the projector kept inviting students to "Join at … with the code" while the instructor had closed
joining. While joining is closed it says so above the code; opened again, the invitation comes back."""

from conftest import js_errors, wait
from pages import LONG, click, create_room, open_projector, text


def shown(driver, selector):
    return driver.execute_script("const n = document.querySelector(arguments[0]); return Boolean(n && n.getClientRects().length);", selector)


def test_the_projector_stops_inviting_students_while_joining_is_closed(server, browsers):
    teacher = browsers()
    code = create_room(teacher, server, phases=LONG)
    projector = open_projector(browsers, server, code)
    assert shown(projector, "#join-hint") and not shown(projector, "#join-closed")
    assert "with the code" in text(projector, ".join-box")
    click(teacher, "#joining-toggle")
    wait(teacher, lambda d: text(d, "#joining-state").startswith("Joining closed"))
    wait(projector, lambda d: shown(d, "#join-closed"), message=lambda d: text(d, ".join-box"))
    assert not shown(projector, "#join-hint")
    assert text(projector, "#join-closed") == "Joining is closed for now. Room code:"
    assert text(projector, "#join-code") == code
    assert "with the code" not in text(projector, ".join-box") and text(projector, "#join-warning") == ""
    click(projector, ".lang-switch button[data-lang=ko]")
    wait(projector, lambda d: text(d, "#join-closed") == "지금은 새로 참여할 수 없습니다. 방 코드:")
    click(projector, ".lang-switch button[data-lang=en]")
    click(teacher, "#joining-toggle")
    wait(projector, lambda d: shown(d, "#join-hint") and not shown(d, "#join-closed"), message=lambda d: text(d, ".join-box"))
    assert "with the code" in text(projector, ".join-box")
    assert not js_errors(projector)
