"""qa5 Confusing #3: "Propose a deal" opened (and, after a proposal, reset) on the team's first action with a warning
already showing ("Also in your draft: …") before the student had chosen anything. A fresh form now says nothing until
something in it is chosen; then the notes come as before."""

from selenium.webdriver.support.ui import Select

from conftest import js_errors, wait
from pages import class_in_negotiation, click, css, game_value, in_page, text

IN_DRAFT = "Also in your draft"


def notes(driver):
    return " ".join(n.text for n in driver.find_elements("css selector", "#commitments .cm-notes"))


def test_a_fresh_deal_form_shows_no_warning_until_something_is_chosen(server, browsers):
    _teacher, (kim, _lee), _code = class_in_negotiation(browsers, server)
    # The DPRK drafts its first action, the one a fresh form starts on.
    first = in_page(kim, """
        const a = game.view.actions[0];
        session.request({ type: 'set_orders', orders: [{ action: a.id, params: Object.fromEntries((a.params || []).map((p) => [p.id, p.choices ? p.choices[0].id : p.min])) }], consents: {} })
          .then(() => done(a.id), (e) => done('error: ' + (e.message || e)));
    """)
    assert not first.startswith("error"), first
    wait(kim, lambda d: game_value(d, "(g.view.orders.dprk.orders || []).length") == 1)
    click(kim, "#propose-box summary")
    wait(kim, lambda d: d.find_elements("css selector", ".commitment-row select.cm-action"))
    assert css(kim, ".commitment-row select.cm-action").get_attribute("value") == first
    assert notes(kim) == "", f"a fresh form warns: {notes(kim)!r}"
    # The student chooses: another action, then the drafted one again; now the form says it is in the draft.
    action = Select(css(kim, ".commitment-row select.cm-action"))
    other = next(o.get_attribute("value") for o in action.options if o.get_attribute("value") != first)
    action.select_by_value(other)
    Select(css(kim, ".commitment-row select.cm-action")).select_by_value(first)
    wait(kim, lambda d: IN_DRAFT in notes(d), message=lambda d: notes(d))
    # Proposed, the form starts again on the first action, quiet again.
    click(kim, "#add-commitment")
    rows = kim.find_elements("css selector", ".commitment-row")
    Select(rows[1].find_element("css selector", ".cm-team")).select_by_value("rok")
    Select(rows[1].find_element("css selector", "select.cm-action")).select_by_value("alliance_working_group")
    click(kim, "#propose-form button[type=submit]")
    wait(kim, lambda d: "Deal proposed" in text(d, "#deal-status"), message=lambda d: text(d, "#deal-status"))
    wait(kim, lambda d: len(d.find_elements("css selector", ".commitment-row")) == 1)
    assert css(kim, ".commitment-row select.cm-action").get_attribute("value") == first
    assert notes(kim) == "", f"the reset form warns: {notes(kim)!r}"
    assert not js_errors(kim)
