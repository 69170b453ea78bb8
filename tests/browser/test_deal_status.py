"""Status lines on the student's page that speak of a deal go once that deal is settled (clients/web/README.md):
"Deal proposed: it takes effect when every party accepts" stands while the deal is open, and goes when it is
withdrawn, rejected or agreed. A team's say on another team's action names that team without nested parentheses
("DPRK (North Korea): Admit IAEA inspectors — …", not "Admit IAEA inspectors (DPRK (North Korea))")."""

from selenium.webdriver.common.by import By

from conftest import js_errors, wait
from pages import class_in_negotiation, click, css, propose_contact_deal, text


def deal_status(driver):
    return text(driver, "#deal-status")


def propose(driver):
    """The contact deal, from a closed proposal box (propose_contact_deal opens it)."""
    if css(driver, "#propose-box").get_attribute("open") is not None:
        click(driver, "#propose-box summary")
    propose_contact_deal(driver)


def test_the_deal_proposed_line_goes_once_that_deal_is_withdrawn_rejected_or_agreed(server, browsers):
    teacher, (kim, lee, sam), code = class_in_negotiation(browsers, server, teams=("dprk", "rok", "usa"), names=("Kim", "Lee", "Sam"))

    # Withdrawn by its proposer.
    propose(kim)
    wait(kim, lambda d: d.find_elements(By.CSS_SELECTOR, "#deal-1-withdraw"), message="no withdraw button")
    assert "Deal proposed" in deal_status(kim)
    click(kim, "#deal-1-withdraw")
    wait(kim, lambda d: "withdrawn" in text(d, "#deals-status"), message=lambda d: text(d, "#deals-status"))
    wait(kim, lambda d: deal_status(d) == "", message=lambda d: f"still: {deal_status(d)!r}")

    # Rejected by the other party.
    propose(kim)
    wait(lee, lambda d: d.find_elements(By.CSS_SELECTOR, "#deal-2-reject"), message="Lee has no deal to answer")
    assert "Deal proposed" in deal_status(kim)
    click(lee, "#deal-2-reject")
    wait(kim, lambda d: deal_status(d) == "", message=lambda d: f"still: {deal_status(d)!r}")

    # Agreed: every party accepted.
    propose(kim)
    wait(lee, lambda d: d.find_elements(By.CSS_SELECTOR, "#deal-3-accept"), message="Lee has no third deal")
    # Another deal's news does not clear the line: only this deal's.
    assert "Deal proposed" in deal_status(kim)
    click(lee, "#deal-3-accept")
    wait(kim, lambda d: "agreed" in css(d, "#deals .deal[data-deal='3']").text, message="deal 3 not agreed")
    wait(kim, lambda d: deal_status(d) == "", message=lambda d: f"still: {deal_status(d)!r}")

    # The US has a say on the DPRK's inspections: its consent line names the DPRK first, no parentheses in parentheses.
    consent = text(sam, "#consents .consent[data-consent='admit_inspectors'] p")
    assert consent.startswith("DPRK (North Korea): Admit IAEA inspectors — "), consent
    assert "))" not in text(sam, "#consents")
    for d in (kim, lee, sam, teacher):
        assert js_errors(d) == []
