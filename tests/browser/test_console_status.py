"""The instructor's console: a status line (what a request did, or why it was refused) goes once it stops being true:
when the next request succeeds, or when the room moves on (a new phase, the clock paused or running, the room's
language), as the student's page does with its own lines."""

import re

from selenium.webdriver.support.ui import Select

from conftest import InstructorSocket, js_errors, wait
from pages import LONG, click, console_click, create_room, css, text


def test_the_consoles_status_lines_go_when_they_stop_being_true(server, browsers):
    teacher = browsers()
    code = create_room(teacher, server, phases=LONG, turns=1)

    # An event injected before the start is refused, and says why.
    wait(teacher, lambda d: Select(css(d, "#event-id")).options, message="no events to inject")
    click(teacher, "#event-form button[type=submit]")
    wait(teacher, lambda d: "start the match" in text(d, "#inject-status").lower(), message=lambda d: text(d, "#inject-status"))
    assert css(teacher, "#inject-status").get_attribute("data-kind") == "error"
    # Started, that refusal is no longer true: it goes, and the start says so where it was asked.
    console_click(teacher, "start", "started")
    wait(teacher, lambda d: text(d, "#inject-status") == "", message=lambda d: f"stale: {text(d, '#inject-status')!r}")
    assert "started" in text(teacher, "#controls-status"), "the start's own confirmation must stay through its own change"

    # An adjustment without a reason is refused on the page; the next request that succeeds (a bot on a team nobody
    # plays, one that does nothing) replaces it, and the start's confirmation with it.
    css(teacher, "#adjust-value").send_keys("3")
    click(teacher, "#adjust-form button[type=submit]")
    wait(teacher, lambda d: "needs a reason" in text(d, "#inject-status"), message=lambda d: text(d, "#inject-status"))
    Select(css(teacher, "#bot-policy-usa")).select_by_value("idle")
    click(teacher, "#bot-on-usa")
    wait(teacher, lambda d: text(d, "#bots-status") != "", message="no confirmation of the bot")
    wait(teacher, lambda d: text(d, "#inject-status") == "" and text(d, "#controls-status") == "",
         message=lambda d: f"stale: {text(d, '#inject-status')!r} {text(d, '#controls-status')!r}")

    # "Clock paused" holds until the clock runs again, whoever starts it: here a second instructor's seat.
    console_click(teacher, "pause", "paused")
    other = InstructorSocket(server, code)
    other.send({"type": "unpause", "id": 2})
    other.expect("ack")
    wait(teacher, lambda d: text(d, "#controls-status") == "", message=lambda d: f"stale: {text(d, '#controls-status')!r}")

    # The room's language set from this console: said; the phase ended from elsewhere: old news, it goes.
    Select(css(teacher, "#room-language")).select_by_value("ko")
    click(teacher, "#set-room-language")
    # Named in the page's language: "Korean" on an English console ("한국어" on a Korean one).
    wait(teacher, lambda d: "The projector now uses Korean." in text(d, "#controls-status"), message=lambda d: text(d, "#controls-status"))
    other.send({"type": "skip", "id": 3})
    other.expect("ack")
    wait(teacher, lambda d: text(d, "#controls-status") == "", message=lambda d: f"stale: {text(d, '#controls-status')!r}")
    other.close()
    assert js_errors(teacher) == []


def adjust(teacher, target, value, reason):
    Select(css(teacher, "#adjust-target")).select_by_value(target)
    box = css(teacher, "#adjust-value")
    box.clear()
    box.send_keys(str(value))
    css(teacher, "#adjust-reason").send_keys(reason)
    click(teacher, "#adjust-form button[type=submit]")


def test_adjusted_goes_after_a_removal_and_after_the_phase_changes(server, browsers):
    """The report's steps: the adjustment's confirmation ("Set …") in the Intervene box, then a student removed from
    the roster (the roster says so), then the phase ended: the Intervene box's line is gone after each."""
    from pages import join
    teacher, jordan = browsers(), browsers()
    code = create_room(teacher, server, phases=LONG, turns=1)
    join(jordan, server, code, "Jordan", team="dprk")
    console_click(teacher, "start", "started")
    adjust(teacher, "approval", 50, "poll: a new survey")
    wait(teacher, lambda d: text(d, "#inject-status").startswith("Set ROK presidential approval (%): "), message=lambda d: text(d, "#inject-status"))
    # The student's results quote the instructor's reason: its own colon does not make a chain of colons.
    wait(jordan, lambda d: "ROK presidential approval (%): " in text(d, "#results"), message=lambda d: text(d, "#results"))
    line = text(jordan, "#results .summary-change[data-target=approval]")
    # The turn's events moved approval too, so the line splits the change among its causes (e1b35ea): the instructor's
    # share is what the adjustment itself moved, not the whole change; every share is shown and they add up to it.
    moved = jordan.execute_script("return window.armistice.game.records"
                                  ".filter((r) => r.kind === 'adjustment' && r.target === 'approval').map((r) => r.to - r.from)")
    assert len(moved) == 1, moved
    head = re.fullmatch(r"ROK presidential approval \(%\): (\d+) → 50 \(([+-]\d+)\) — (.+)", line)
    assert head, line
    delta, shares = int(head[2]), head[3].split(", ")
    assert delta == 50 - int(head[1]) and delta != moved[0], line
    assert f"{moved[0]:+d} set by the instructor (“poll: a new survey”)" in shares, line
    assert len(shares) > 1 and all(re.match(r"[+-]\d+ \S", s) for s in shares), line
    assert sum(int(s.split(" ")[0]) for s in shares) == delta, line
    seat = teacher.execute_script("return window.armistice.game.roster.find((r) => r.name === 'Jordan').seat")
    click(teacher, f"#remove-{seat}")
    click(teacher, f"#remove-{seat}")
    wait(teacher, lambda d: "Jordan removed" in text(d, "#roster-status"), message=lambda d: text(d, "#roster-status"))
    assert text(teacher, "#inject-status") == ""
    adjust(teacher, "approval", 55, "another poll")
    wait(teacher, lambda d: text(d, "#inject-status").startswith("Set ROK presidential approval (%): "), message=lambda d: text(d, "#inject-status"))
    console_click(teacher, "skip")
    wait(teacher, lambda d: text(d, "#inject-status") == "", message=lambda d: f"stale: {text(d, '#inject-status')!r}")
    assert js_errors(teacher) == []
