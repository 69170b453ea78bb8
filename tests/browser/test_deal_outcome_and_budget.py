"""A deal agreed in the negotiation: the proposer, whose draft and agreed deals now spend past its budget, is told at
once, as the team that accepted was warned before it did (REPORT-terminal #14); after the adjudication, the deal one of
whose steps could not be taken reads "carried out in part" on the students' cards, naming the step and why, as the
report does (REPORT-browser, second class #3). In real browsers against the real server."""

from selenium.webdriver.common.by import By

from conftest import js_errors, screenshot, wait
from pages import class_in_negotiation, click, console_click, css, text, wait_phase
from test_deal_warnings import submit_proposal, write_proposal


def card(driver, deal):
    """A deal card's badge and effect line, read in one step (every change of the view re-renders the cards)."""
    return driver.execute_script(
        "const c = document.querySelector(`#deals .deal[data-deal='${arguments[0]}']`);"
        "return c ? [c.querySelector('.badge').innerText.trim(), c.querySelector('.deal-effect').innerText.trim()] : null;", deal)


def test_the_proposer_is_told_of_its_budget_and_a_step_not_taken_reads_carried_out_in_part(server, browsers):
    teacher, (kim, john), code = class_in_negotiation(browsers, server, teams=("dprk", "usa"), names=("Kim", "John"))

    # Kim (the DPRK, 5 points) drafts a missile test and a declaration (4), then proposes: the DPRK tables Yongbyon (2),
    # the US holds a summit (4 of its 6), which needs working-level talks the match has not had.
    click(kim, "#act-missile_test-add")
    wait(kim, lambda d: "Draft saved" in text(d, "#orders-status"))
    click(kim, "#act-submit_declaration-add")
    wait(kim, lambda d: d.find_elements(By.CSS_SELECTOR, "#draft-orders [data-action=submit_declaration]"), message="declaration not drafted")
    write_proposal(kim, [("dprk", "offer_yongbyon"), ("usa", "us_summit")])
    submit_proposal(kim, "Deal proposed")

    # John accepts: the deal is agreed, and Kim is told that the DPRK's orders are now 1 over its budget.
    wait(john, lambda d: d.find_elements(By.CSS_SELECTOR, "#deal-1-accept"), message="John has no deal to answer")
    click(john, "#deal-1-accept")
    wait(kim, lambda d: "Deal #1 is agreed" in text(d, "#orders-status"), message=lambda d: text(d, "#orders-status"))
    said = text(kim, "#orders-status")
    assert "cost 6 of the 5 points, 1 over budget" in said and "the order marked over budget will not be carried out" in said, said
    assert "over_budget" not in said, "the wire code in the prose (qa5 Polish)"
    # The US stays within its budget: nothing to tell it.
    assert "is agreed" not in text(john, "#orders-status")
    # Once the draft fits again the line goes.
    click(kim, "#remove-order-1")
    wait(kim, lambda d: "is agreed" not in text(d, "#orders-status"), message=lambda d: text(d, "#orders-status"))

    # The adjudication: the summit is not possible. Both cards say the deal was carried out in part, and why.
    console_click(teacher, "skip", "Phase ended")
    wait_phase(kim, "Orders")
    console_click(teacher, "skip", "Phase ended")
    for d in (kim, john):
        wait(d, lambda d: (card(d, 1) or [""])[0] == "carried out in part", message=lambda d: card(d, 1), timeout=20)
        badge, effect = card(d, 1)
        assert effect.startswith("Carried out only in part at the adjudication of turn 1. Not carried out:"), effect
        assert "United States's “Hold a US-DPRK summit”: could not be taken (No working-level groundwork for a summit)" in effect, effect
        assert "Carried out at the adjudication" not in effect
    screenshot(kim, "deal-carried-out-in-part")
    assert not js_errors(kim) and not js_errors(john)
