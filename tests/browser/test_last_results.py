"""After the last turn the results phase still runs (its clock, pause, extend, end now): the pages say it is the last
turn's results, not that the match is over; the console says when the match ends and how to end it now, and offers
the report and the replay only once the room has ended. The outcome's shared objective (`team: all`) is "Every
team", and once the match is over no page shows a clock (nor a lone dash on the projector)."""

import re

from conftest import js_errors, wait
from pages import class_in_briefing_with_projector, console_click, css, phase, skip_a_turn, text


def test_the_last_turns_results_are_not_called_the_end_and_the_report_comes_when_the_room_ends(server, browsers):
    teacher, kim, projector, code = class_in_briefing_with_projector(browsers, server)
    skip_a_turn(teacher, kim)

    # The last turn's results: the outcome is known, the phase still runs with its clock.
    for d in (teacher, kim, projector):
        wait(d, lambda d: phase(d) == "Last turn's results", 20, message=lambda d: phase(d))
        wait(d, lambda d: re.fullmatch(r"\d+:\d\d", text(d, "[data-field=clock]")), message=lambda d: text(d, "[data-field=clock]"))
    wait(teacher, lambda d: css(d, "#outcome").is_displayed(), message="no outcome on the console")
    # The ending is decided, but the match is not over: the student and the projector say so, as the console does.
    for d in (kim, projector):
        wait(d, lambda d: css(d, "#outcome").is_displayed(), message="no outcome")
        heading = text(d, "#outcome h2")
        assert heading.startswith("The ending is decided: ") and "over" not in heading, heading
        assert "the match ends when this phase does" in text(d, "#outcome .decided-note")
    assert "The match ended" not in text(kim, "#results") and "The ending is decided: " in text(kim, "#results .summary-outcome")
    note = text(teacher, "#last-results-note")
    assert "not over yet" in note and "End this phase now" in note, note
    assert not teacher.find_elements("css selector", "#open-report, #open-replay"), "the report is offered before the room has ended"
    for control in ("skip", "pause", "extend", "end"):
        assert css(teacher, f"#{control}").is_enabled(), f"#{control}: the last results phase can still be run"

    # At 1366 px the console's title has the bar's free space: it is not cut.
    title = css(teacher, "[data-field=title]")
    assert teacher.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth", title), \
        teacher.execute_script("return [arguments[0].scrollWidth, arguments[0].clientWidth]", title)

    # The shared objective is every team's, in words.
    objectives = text(teacher, "#outcome .objectives")
    assert "Every team: " in objectives and "all:" not in objectives, objectives
    # Each objective says what its number is, as the student's page does: never a bare "(3)" that reads both ways.
    items = [li.text for li in teacher.find_elements("css selector", "#outcome .objectives li")]
    assert items and all(" — met, " in x and " scored" in x or " — not met, worth " in x for x in items), items
    # The ending is decided: the End form says a reason typed now would not be used.
    assert "would not be used" in text(teacher, "#end-reason-note") and not css(teacher, "#end-reason").is_enabled()

    # Ended now: the match is over, the report and the replay are offered, and no page shows a clock.
    console_click(teacher, "skip", "Phase ended")
    for d in (teacher, kim, projector):
        wait(d, lambda d: phase(d) == "Match over", message=lambda d: phase(d))
        wait(d, lambda d: not css(d, "[data-field=clock]").is_displayed(), message=lambda d: f"clock: {text(d, '[data-field=clock]')!r}")
    wait(teacher, lambda d: d.find_elements("css selector", "#open-report") and d.find_elements("css selector", "#open-replay"),
         message="no report or replay once the room has ended")
    assert not teacher.find_elements("css selector", "#last-results-note")
    assert text(teacher, "#end-reason-note") == ""
    for d in (kim, projector):
        wait(d, lambda d: text(d, "#outcome h2").startswith("The match is over: "), message=lambda d: text(d, "#outcome h2"))
        assert not d.find_elements("css selector", "#outcome .decided-note")
    assert "The match ended: " in text(kim, "#results .summary-outcome")
    # The student sees which of the team's objectives were met in the outcome itself, not only in the collapsed brief;
    # the ending's reason reads as a sentence ("The last turn was played").
    objectives = kim.find_elements("css selector", "#outcome #outcome-objectives li")
    assert objectives and all(" — met, " in li.text or " — not met, worth " in li.text for li in objectives), [li.text for li in objectives]
    assert any(li.text.startswith("Every team: ") for li in objectives), [li.text for li in objectives]
    assert "Your team's objectives" in text(kim, "#outcome-objectives-title")
    reason = text(kim, "#outcome .hint")
    assert reason[:1].isupper(), reason
    assert "—" not in text(projector, ".board-clock"), text(projector, ".board-clock")
    # Where the report opens, and the room's language, say the same true thing: the page's language.
    assert "this page's language" in text(teacher, "#outcome .finished-links")
    hint = css(teacher, "#room-language-hint").get_attribute("textContent")
    assert "language of the page that opens them" in hint and "created" not in hint, hint
    for d in (teacher, kim, projector):
        assert js_errors(d) == []
