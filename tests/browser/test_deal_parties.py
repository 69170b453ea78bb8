"""A deal's consent notes never call a party to that deal "not bound by this deal" (it is bound, only not to approve
the step), and the proposer's card warns of its own step that cannot be carried out, as the other parties' cards do
before they answer."""

from selenium.webdriver.common.by import By

from conftest import js_errors, wait
from pages import class_in_negotiation
from test_deal_warnings import notes, row_notes, submit_proposal, write_proposal


def test_a_party_with_a_say_on_a_step_is_not_called_unbound_and_the_proposer_is_warned_of_its_own_step(server, browsers):
    teacher, (kim, ban), code = class_in_negotiation(browsers, server, teams=("dprk", "un"), names=("Kim", "Ban"))

    # The UN proposes its food aid and the DPRK's admitting inspectors; the inspectors need the consent of the United
    # States (outside the deal) and of the UN (a party to it).
    write_proposal(ban, [("un", "food_aid"), ("dprk", "admit_inspectors")])
    wait(ban, lambda d: "United States" in row_notes(d, 1), message=lambda d: row_notes(d, 1))
    written = row_notes(ban, 1)
    assert "Your team has a say on this step" in written and "United Nations" not in written, written
    submit_proposal(ban, "Deal proposed")

    wait(kim, lambda d: d.find_elements(By.CSS_SELECTOR, "#deal-1-accept"), message="Kim has no deal to answer")
    consent = notes(kim, 1, "admit_inspectors", "consent-note")
    assert "Needs the consent of United States, who are not bound by this deal" in consent, consent
    assert "Needs the consent of United Nations, party to this deal but not bound by it to approve this step" in consent, consent
    assert "United Nations, who are not bound" not in consent and "States, United Nations" not in consent, consent
    # The UN's card: the United States outside the deal, and the UN's own say.
    on_un = notes(ban, 1, "admit_inspectors", "consent-note")
    assert "United States, who are not bound" in on_un and "Your team has a say on this step" in on_un, on_un

    # The DPRK proposes its inspectors (they need a declaration first) and nothing else of its own: its own card, as
    # the proposer's, says the step cannot be carried out now (the proposal is its answer; the UN has not answered).
    write_proposal(kim, [("dprk", "admit_inspectors"), ("un", "food_aid")])
    submit_proposal(kim, "Deal proposed")
    wait(kim, lambda d: "cannot be carried out now" in notes(d, 2, "admit_inspectors", "step-warning"),
         message=lambda d: notes(d, 2, "admit_inspectors", "step-warning"))
    for d in (kim, ban, teacher):
        assert js_errors(d) == []
