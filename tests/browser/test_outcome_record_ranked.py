"""The outcome's record lists the scores ranked as the outcome box above it does, on the projector's news column and
in the student's full log (outside tester qa8 W3: "북한 6, 한국 5, 유엔 9, 미국 12" under a ranked box). In real
browsers against the real server."""

from selenium.webdriver.common.by import By

from conftest import js_errors, wait
from pages import class_in_briefing_with_projector, click, console_click, css


def outcome_detail(driver, container):
    return driver.execute_script(
        "const r = document.querySelector(arguments[0] + ' .record.kind-outcome .record-detail'); return r ? r.textContent : null;", container)


def test_the_outcome_record_ranks_the_scores_as_the_outcome_box(server, browsers):
    teacher, kim, projector, _code = class_in_briefing_with_projector(browsers, server)
    console_click(teacher, "end")
    console_click(teacher, "end", "ended")
    wait(projector, lambda d: outcome_detail(d, "#news-feed"), message="no outcome in the news column")
    ranked = projector.execute_script("const g = window.armistice.game; return g.rankedScores().map(([x, n]) => `${g.teamName(x)} ${n}`).join(', ');")
    by_id = projector.execute_script("const g = window.armistice.game, s = g.view.outcome.scores; return Object.keys(s).sort().map((x) => `${g.teamName(x)} ${s[x]}`).join(', ');")
    assert ranked != by_id, "the scores' ranking must differ from the id order for this test to mean anything"
    assert outcome_detail(projector, "#news-feed").endswith(ranked), outcome_detail(projector, "#news-feed")
    box = [li.text for li in projector.find_elements(By.CSS_SELECTOR, "#outcome .scores li")]
    assert len(box) == ranked.count(",") + 1
    # The student's full log of the last turn: the same order; and the student's outcome box ranks them so.
    wait(kim, lambda d: d.find_elements(By.CSS_SELECTOR, "#results [id^=show-log-]"), message="no full log button")
    click(kim, kim.find_elements(By.CSS_SELECTOR, "#results [id^=show-log-]")[-1])
    wait(kim, lambda d: outcome_detail(d, "#results"), message="no outcome in the full log")
    kim_ranked = kim.execute_script("const g = window.armistice.game; return g.rankedScores().map(([x, n]) => `${g.teamName(x)} ${n}`).join(', ');")
    assert outcome_detail(kim, "#results").endswith(kim_ranked), outcome_detail(kim, "#results")
    assert not js_errors(projector) and not js_errors(kim)
