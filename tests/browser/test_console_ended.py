"""qa5 Wrong #12: after the match had ended the console still offered Publish, Fire the event, Adjust, and Move and
Remove for every seat, all of which the server refuses. Once the room has ended they are gone, each box saying why in
one sentence, as the terminal's Control pane does; reloading the ended room's console shows the same."""

from selenium.webdriver.common.by import By

from conftest import js_errors, wait
from pages import click, console_click, create_room, join, LONG, wait_phase

OVER = "The match is over: news, events and adjustments would change nothing now."
ROSTER_OVER = "The match is over: seats are no longer moved or removed, and nobody new joins."


def shown(driver, selector):
    return any(e.is_displayed() for e in driver.find_elements(By.CSS_SELECTOR, selector))


def test_an_ended_console_offers_no_intervention_and_says_why(server, browsers):
    teacher, kim = browsers(), browsers()
    code = create_room(teacher, server, phases=LONG)
    join(kim, server, code, "Kim", team="dprk")
    console_click(teacher, "start", "started")
    wait_phase(kim, "Briefing")
    # While the match runs, everything is offered.
    for selector in ("#news-form", "#event-form", "#adjust-form", "#joining-toggle", "[id^=remove-]", "[id^=move-]"):
        assert shown(teacher, selector), selector
    assert not shown(teacher, "#intervene-over")
    console_click(teacher, "end")
    console_click(teacher, "end", "ended")
    for page in (teacher, ):
        wait(page, lambda d: not shown(d, "#news-form"), message="the news form stays")
    for reload in (False, True):
        if reload:
            teacher.refresh()
            wait(teacher, lambda d: d.find_elements(By.CSS_SELECTOR, "#roster-over"), message="no roster line after a reload")
        for selector in ("#news-form", "#event-form", "#adjust-form", "#joining-toggle", "#joining-state", "[id^=remove-]", "[id^=move-]"):
            assert not shown(teacher, selector), f"{selector} still offered (reload: {reload})"
        assert teacher.find_element(By.CSS_SELECTOR, "#intervene-over").text.startswith(OVER)
        assert teacher.find_element(By.CSS_SELECTOR, "#roster-over").text == ROSTER_OVER
        assert "Kim" in teacher.find_element(By.CSS_SELECTOR, "#roster").text, "the roster still lists who played"
    click(teacher, ".lang-switch button[data-lang=ko]")
    wait(teacher, lambda d: d.find_element(By.CSS_SELECTOR, "#intervene-over").text.startswith("경기가 끝났습니다. 이제 뉴스, 이벤트, 조정은"))
    assert teacher.find_element(By.CSS_SELECTOR, "#roster-over").text.startswith("경기가 끝났습니다. 이제 자리를")
    assert not js_errors(teacher)
