"""The instructor console's adjustment form (REPORT-browser #10) and its outcome line (#20): beside the new value, what
the chosen track, flag or project may be set to and what it is now (the field's min and max follow); a value outside
that range is refused in the page, beside the field, naming the target and its range, and nothing is sent; what the
server applied is said from its record (the target, from, to), and a value the server refuses (out of range) is
said in the server's words. The outcome's reason reads as a sentence, as on the student's page."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import js_errors, wait
from pages import LONG, click, console_click, create_room, css, text, wait_phase, join
from test_korean import create_room_in_korean


def adjust(teacher, target, value, reason):
    Select(css(teacher, "#adjust-target")).select_by_value(target)
    box = css(teacher, "#adjust-value")
    box.clear()
    box.send_keys(str(value))
    reason_box = css(teacher, "#adjust-reason")
    reason_box.clear()
    reason_box.send_keys(reason)
    click(teacher, "#adjust-form button[type=submit]")


def adjustments(driver):
    return driver.execute_script("return window.armistice.game.records.filter((r) => r.kind === 'adjustment').length")


def test_the_adjust_form_shows_each_range_refuses_outside_it_and_says_what_the_server_applied(server, browsers):
    teacher = browsers()
    create_room(teacher, server, phases=LONG, turns=1)
    console_click(teacher, "start", "started")

    # A track: its range and its value now, beside the field, which takes them as min and max.
    Select(css(teacher, "#adjust-target")).select_by_value("approval")
    now = teacher.execute_script("return window.armistice.game.track('approval').value")
    assert now != 60
    wait(teacher, lambda d: text(d, "#adjust-range") == f"0 to 100 (now {now})", message=lambda d: text(d, "#adjust-range"))
    box = css(teacher, "#adjust-value")
    assert (box.get_attribute("min"), box.get_attribute("max")) == ("0", "100")
    assert "adjust-range" in box.get_attribute("aria-describedby")

    # 150 is refused beside the field, naming the track and its range; the field has the focus; nothing was sent.
    adjust(teacher, "approval", 150, "poll")
    error = "ROK presidential approval (%) must be a whole number from 0 to 100 (not 150)."
    wait(teacher, lambda d: text(d, "#adjust-value-error") == error, message=lambda d: text(d, "#adjust-value-error"))
    assert teacher.switch_to.active_element.get_attribute("id") == "adjust-value"
    assert box.get_attribute("aria-invalid") == "true"
    assert "adjust-value-error" in box.get_attribute("aria-describedby")
    assert adjustments(teacher) == 0
    # Typing again clears it.
    box.send_keys("\b")
    wait(teacher, lambda d: text(d, "#adjust-value-error") == "")

    # A value in range: what was set, from what, to what.
    adjust(teacher, "approval", 60, "poll: a new survey")
    wait(teacher, lambda d: text(d, "#inject-status") == f"Set ROK presidential approval (%): {now} → 60.", message=lambda d: text(d, "#inject-status"))
    wait(teacher, lambda d: text(d, "#adjust-range") == "0 to 100 (now 60)", message=lambda d: text(d, "#adjust-range"))
    # The same value again: nothing changed, and the page says so.
    adjust(teacher, "approval", 60, "again")
    wait(teacher, lambda d: text(d, "#inject-status").startswith("ROK presidential approval (%) was already 60: nothing changed"),
         message=lambda d: text(d, "#inject-status"))

    # The server refuses what the page lets through out of range (REPORT-terminal #2: it no longer clamps): a view that
    # allows more than the engine (here widened by hand, as an out-of-date page would) is told the target, its range
    # and its value now, and nothing changes.
    teacher.execute_script("const t = window.armistice.game.view.tracks.find((x) => x.id === 'approval'); t.max = 1000;")
    adjust(teacher, "approval", 150, "the whole class asked")
    refused = "ROK presidential approval (%) goes from 0 to 100 and is 60 now, so it cannot be set to 150: adjust sets the value, it does not add to it"
    wait(teacher, lambda d: text(d, "#inject-status") == refused, message=lambda d: text(d, "#inject-status"))
    assert css(teacher, "#inject-status").get_attribute("data-kind") == "error"
    assert teacher.execute_script("return window.armistice.game.track('approval').value") == 60

    # A flag: 1 for yes, 0 for no; 2 is refused.
    Select(css(teacher, "#adjust-target")).select_by_value("contact_cut")
    wait(teacher, lambda d: text(d, "#adjust-range") == "1 for yes, 0 for no (now no)", message=lambda d: text(d, "#adjust-range"))
    adjust(teacher, "contact_cut", 2, "a test")
    wait(teacher, lambda d: text(d, "#adjust-value-error") == "Pyongyang has cut contact with Seoul must be a whole number from 0 to 1 (not 2).",
         message=lambda d: text(d, "#adjust-value-error"))
    adjust(teacher, "contact_cut", 1, "a test")
    wait(teacher, lambda d: text(d, "#inject-status") == "Set Pyongyang has cut contact with Seoul: no → yes.", message=lambda d: text(d, "#inject-status"))

    # A project: its positions with their statuses.
    Select(css(teacher, "#adjust-target")).select_by_value("kaesong")
    wait(teacher, lambda d: text(d, "#adjust-range") == "0 (closed) to 3 (operating); now 0 (closed)", message=lambda d: text(d, "#adjust-range"))
    adjust(teacher, "kaesong", 4, "a test")
    wait(teacher, lambda d: "from 0 to 3 (not 4)" in text(d, "#adjust-value-error"), message=lambda d: text(d, "#adjust-value-error"))
    adjust(teacher, "kaesong", 1, "a test")
    wait(teacher, lambda d: text(d, "#inject-status") == "Set Kaesong Industrial Complex: 0 (closed) → 1 (inspection visit).",
         message=lambda d: text(d, "#inject-status"))
    assert js_errors(teacher) == []


def test_the_adjust_form_in_korean(server, browsers):
    teacher = browsers(lang="ko")
    create_room_in_korean(teacher, server, turns=1)
    wait(teacher, lambda d: css(d, "#start").is_enabled())
    click(teacher, "#start")
    wait(teacher, lambda d: d.execute_script("return window.armistice.game.view.phase") == "briefing")
    Select(css(teacher, "#adjust-target")).select_by_value("tension")
    now = teacher.execute_script("return window.armistice.game.track('tension').value")
    assert now != 6
    wait(teacher, lambda d: text(d, "#adjust-range") == f"0부터 10까지 (현재 {now})", message=lambda d: text(d, "#adjust-range"))
    name = teacher.execute_script("return window.armistice.game.targetName('tension')")
    adjust(teacher, "tension", 11, "시험")
    wait(teacher, lambda d: text(d, "#adjust-value-error").startswith(name) and "0" in text(d, "#adjust-value-error") and "11" in text(d, "#adjust-value-error"),
         message=lambda d: text(d, "#adjust-value-error"))
    assert not any(c.isascii() and c.isalpha() for c in text(teacher, "#adjust-value-error").replace(name, "")), text(teacher, "#adjust-value-error")
    adjust(teacher, "tension", 6, "DMZ 총격 사건")
    wait(teacher, lambda d: text(d, "#inject-status") == f"조정했습니다: {name} {now} → 6", message=lambda d: text(d, "#inject-status"))
    teacher.execute_script("const t = window.armistice.game.view.tracks.find((x) => x.id === 'tension'); t.max = 50;")
    adjust(teacher, "tension", 20, "시험")
    # The server refuses it in Korean, naming the track, its range and its value now; nothing changes.
    refused = f"{name}의 범위는 0에서 10까지이고 지금 값은 6입니다. 20으로는 정할 수 없습니다. 조정은 지금 값에 더하거나 빼지 않고 값을 새로 정합니다."
    wait(teacher, lambda d: text(d, "#inject-status") == refused, message=lambda d: text(d, "#inject-status"))
    assert teacher.execute_script("return window.armistice.game.track('tension').value") == 6
    assert js_errors(teacher) == []


def test_the_consoles_outcome_reason_reads_as_a_sentence(server, browsers):
    """The report's "the last turn was played" under the console's outcome: a sentence, as the student's page has it."""
    teacher, kim = browsers(), browsers()
    code = create_room(teacher, server, phases=LONG, turns=1)
    join(kim, server, code, "Kim", team="dprk")
    console_click(teacher, "start", "started")
    wait_phase(kim, "Briefing")
    for phase in ("Negotiation", "Orders"):
        console_click(teacher, "skip", "Phase ended")
        wait_phase(kim, phase)
    console_click(teacher, "skip", "Phase ended")
    wait(teacher, lambda d: d.find_elements(By.CSS_SELECTOR, "#outcome p.hint"), timeout=30, message="no outcome reason on the console")
    reason = text(teacher, "#outcome p.hint")  # the first hint under the outcome's text
    assert reason == "The last turn was played", reason
    student = text(kim, "#outcome .hint")
    assert student == reason, (student, reason)
    assert js_errors(teacher) == []
