"""qa5 Confusing #2: a consent decision settled by an agreed deal showed its radios disabled, and the deal's choice, a
disabled checked radio, is a faint grey dot: the tester read it as "No decision" still selected. The deal's choice is
now marked in words (bold, with the deal's badge) and the other choices are dimmed."""

from selenium.webdriver.common.by import By

from conftest import js_errors, wait
from pages import accept_the_deal, class_in_negotiation, click, css, in_page


def test_a_consent_settled_by_a_deal_marks_the_deals_choice(server, browsers):
    _teacher, (kim, lee), _code = class_in_negotiation(browsers, server)
    # An action of the ROK's that the DPRK has a say on, and takes no parameters.
    action = in_page(kim, """
        const c = (game.view.consents || []).find((x) => x.teams.includes('rok') && !((game.view.catalog || []).find((a) => a.id === x.action)?.params || []).length);
        done(c ? c.action : null);
    """)
    assert action, "the DPRK has no say on a ROK action"
    proposed = in_page(lee, f"""
        session.request({{ type: 'propose_deal', commitments: [{{ team: 'rok', action: '{action}', params: {{}} }}, {{ team: 'dprk', consent: '{action}', decision: 'approve' }}] }})
          .then(() => done(true), (e) => done(String(e.message || e)));
    """)
    assert proposed is True, proposed
    accept_the_deal(kim)
    box = f"#consents .consent[data-consent='{action}']"
    wait(kim, lambda d: "Settled by deal #1" in css(d, box).text, message=lambda d: css(d, box).text)
    chosen = css(kim, f"{box} label.settled-choice")
    assert chosen.find_element(By.CSS_SELECTOR, "input").get_attribute("value") == "approve"
    assert chosen.find_element(By.CSS_SELECTOR, "input").is_selected()
    assert chosen.find_element(By.CSS_SELECTOR, ".badge").text == "deal #1"
    assert int(chosen.value_of_css_property("font-weight")) >= 700
    others = kim.find_elements(By.CSS_SELECTOR, f"{box} label.settled-other")
    assert len(others) == 2 and not any(o.find_element(By.CSS_SELECTOR, "input").is_selected() for o in others)
    click(kim, ".lang-switch button[data-lang=ko]")
    wait(kim, lambda d: css(d, f"{box} label.settled-choice .badge").text == "합의 #1")
    assert not js_errors(kim)
