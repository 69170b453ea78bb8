"""A drafted order that repeats an agreed deal's step comes back "duplicate" at adjudication and is never charged: the
student's page and the console count it so, never "2 over budget" (outside tester qa8 W1). In real browsers against the
real server."""

from selenium.webdriver.common.by import By

from conftest import js_errors, wait
from pages import accept_the_deal, class_in_negotiation, in_page, text


def test_a_drafted_order_an_agreed_deal_repeats_is_not_charged_to_the_budget(server, browsers):
    teacher, (lee, kim), _code = class_in_negotiation(browsers, server, teams=("rok", "dprk"), names=("Lee", "Kim"))
    # The ROK drafts a confidence package (2) and a summit (3), then a deal orders its summit too.
    budget = in_page(lee, """
        session.request({ type: 'set_orders', orders: [{ action: 'confidence_package', params: {} }, { action: 'propose_summit', params: {} }], consents: {} })
          .then(() => session.request({ type: 'propose_deal', commitments: [{ team: 'rok', action: 'propose_summit', params: {} }, { team: 'dprk', action: 'restore_contact', params: {} }] }))
          .then(() => done(game.team('rok').budget), (e) => done(String(e.message || e)));
    """)
    assert isinstance(budget, int) and 5 <= budget < 8, budget  # counted twice, the summit would take it over
    accept_the_deal(kim)
    wait(lee, lambda d: d.find_elements(By.CSS_SELECTOR, "#draft-orders .draft-order.committed[data-action=propose_summit]"), message="the deal's step is not in the draft")
    # The student: the duplicate line is "duplicate", nothing is over the budget, 5 of it is used.
    wait(lee, lambda d: d.find_elements(By.CSS_SELECTOR, "#draft-orders .draft-order.duplicate[data-action=propose_summit]"))
    assert not lee.find_elements(By.CSS_SELECTOR, "#draft-orders .over-budget")
    assert lee.execute_script("return document.querySelector('#budget-line').dataset.kind") != "error", text(lee, "#budget-line")
    assert "over" not in text(lee, "#budget-left").lower(), text(lee, "#budget-left")
    assert f"{budget - 5}" in text(lee, "#budget-left")
    # The lock's confirmation does not warn of the budget.
    lee.execute_script("document.querySelector('#lock').click()")
    wait(lee, lambda d: "Confirm" in text(d, "#lock"))
    assert "budget" not in text(lee, "#orders-status").lower(), text(lee, "#orders-status")
    # The console: no "over budget" badge on the ROK's column, none on its lines.
    column = "#team-columns .team-column[data-team=rok]"
    wait(teacher, lambda d: d.find_elements(By.CSS_SELECTOR, f"{column} .draft-order.committed"), message="the console has not the deal's step")
    assert not teacher.find_elements(By.CSS_SELECTOR, f"{column} .badge.over"), text(teacher, column)
    assert "over budget" not in text(teacher, column).lower()
    assert not js_errors(lee) and not js_errors(teacher)
