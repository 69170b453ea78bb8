"""A team's say on another team's action: the "no decision" choice says what no answer counts as (REPORT-terminal #10,
the same on the student's page). Under the `veto` rule no answer lets the action go ahead; under `all` it is refused:
a student who leaves a `veto` request undecided in order to refuse it would let it through."""

from selenium.webdriver.common.by import By

from conftest import js_errors, wait
from pages import LONG, console_click, create_room, css, join, wait_phase


def no_decision_label(driver, action):
    radio = css(driver, f"#consent-{action}-none")
    return radio.find_element(By.XPATH, "..").text.strip()


def to_negotiation(teacher, student):
    console_click(teacher, "start", "started")
    wait_phase(student, "Briefing")
    console_click(teacher, "skip", "Phase ended")
    wait_phase(student, "Negotiation")


def test_no_decision_says_what_it_counts_as_under_each_rule(server, browsers):
    # Koreanization: the DPRK decides on the ROK's summit proposal under `veto`.
    teacher, kim = browsers(), browsers()
    code = create_room(teacher, server, phases=LONG, turns=1)
    join(kim, server, code, "Kim", team="dprk")
    to_negotiation(teacher, kim)
    wait(kim, lambda d: d.find_elements(By.CSS_SELECTOR, "#consent-propose_summit-none"), message="no say on the summit")
    assert no_decision_label(kim, "propose_summit") == "No decision (counts as approving: it goes ahead)"
    assert css(kim, "#consent-propose_summit-none").is_selected()

    # The tutorial: Tervane decides on Marisol's proposed terms under `all`.
    teacher2, ana = browsers(), browsers()
    code2 = create_room(teacher2, server, ruleset="coral_strait", phases=LONG, turns=1)
    join(ana, server, code2, "Ana", team="tervane")
    to_negotiation(teacher2, ana)
    wait(ana, lambda d: d.find_elements(By.CSS_SELECTOR, "#consent-marisol_propose_terms-none"), message="no say on Marisol's terms")
    assert no_decision_label(ana, "marisol_propose_terms") == "No decision (counts as not approving: it is refused)"
    for d in (kim, ana):
        assert js_errors(d) == []
