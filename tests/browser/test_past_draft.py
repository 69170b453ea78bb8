"""In a turn's results the student's draft box still holds that turn's orders: it says they are that turn's, carried
out and no longer editable, never reads as the next turn's draft (outside tester qa8 C7). In real browsers against the
real server."""

from selenium.webdriver.common.by import By

from conftest import js_errors, wait
from pages import class_in_briefing_with_projector, click, console_click, css, text, wait_phase


def test_the_draft_box_in_the_results_says_it_is_the_turns_orders_and_not_editable(server, browsers):
    teacher, kim, _projector, _code = class_in_briefing_with_projector(browsers, server, turns=2)
    console_click(teacher, "skip", "Phase ended")
    wait_phase(kim, "Negotiation")
    click(kim, "#act-missile_test-add")
    wait(kim, lambda d: d.find_elements(By.CSS_SELECTOR, "#draft-orders [data-action=missile_test]"))
    assert "past" not in css(kim, "#draft").get_attribute("class")
    console_click(teacher, "skip", "Phase ended")
    wait_phase(kim, "Orders")
    console_click(teacher, "skip", "Phase ended")
    wait_phase(kim, "Results", timeout=20)
    wait(kim, lambda d: "turn 1's orders, already carried out" in text(d, "#budget-line"), message=lambda d: text(d, "#budget-line"))
    assert "can no longer be changed" in text(kim, "#budget-line")
    assert "past" in css(kim, "#draft").get_attribute("class")
    assert kim.find_elements(By.CSS_SELECTOR, "#draft-orders [data-action=missile_test]"), "the turn's orders are still listed"
    assert not kim.find_elements(By.CSS_SELECTOR, "#draft-orders button"), "nothing in it can be removed"
    assert all(not r.is_enabled() for r in kim.find_elements(By.CSS_SELECTOR, "#consents input"))
    assert not css(kim, "#lock").is_enabled()
    # The next turn's briefing starts an empty draft: no such note.
    console_click(teacher, "skip", "Phase ended")
    wait_phase(kim, "Briefing")
    wait(kim, lambda d: "past" not in css(d, "#draft").get_attribute("class"))
    assert "carried out" not in text(kim, "#budget-line")
    assert not js_errors(kim)
