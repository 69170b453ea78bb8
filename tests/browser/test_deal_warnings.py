"""A deal's card (and a proposal being written) says what stands in the way of its steps before a team accepts it:
the reader's own step that cannot go as promised (a requirement the state does not meet, the budget, a copy in the
draft), and a step a team outside the deal can still refuse while the rest of the deal goes ahead. English and
Korean, in real browsers against the real server."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import js_errors, screenshot, wait
from pages import LONG, click, console_click, create_room, css, join, text, wait_phase
from test_korean import console_do, create_room_in_korean, join_in_korean, korean_browser, phase_is


def rows(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#commitments .commitment-row")


def write_proposal(driver, commitments):
    """Fills the proposal form: each commitment (team, action) or (team, action, "approve"|"block") for a consent."""
    if css(driver, "#propose-box").get_attribute("open") is None:
        click(driver, "#propose-box summary")
    wait(driver, lambda d: rows(d), message="no commitment row")
    for i, (team, action, *decision) in enumerate(commitments):
        if i >= len(rows(driver)):
            click(driver, "#add-commitment")
            wait(driver, lambda d: len(rows(d)) > i)
        row = rows(driver)[i]
        Select(row.find_element(By.CSS_SELECTOR, ".cm-team")).select_by_value(team)
        if decision:
            Select(row.find_element(By.CSS_SELECTOR, ".cm-kind")).select_by_value("consent")
        Select(row.find_element(By.CSS_SELECTOR, "select.cm-action")).select_by_value(action)
        if decision:
            Select(row.find_element(By.CSS_SELECTOR, ".cm-decision")).select_by_value(decision[0])


def submit_proposal(driver, expect):
    click(driver, "#propose-form button[type=submit]")
    wait(driver, lambda d: expect in text(d, "#deal-status"), message=lambda d: f"deal: {text(d, '#deal-status')}")


def row_notes(driver, i):
    """What the notes under the i-th row of the proposal say (read in one step: the page re-renders them)."""
    return driver.execute_script(
        "const r = document.querySelectorAll('#commitments .commitment-row')[arguments[0]];"
        "return r ? r.querySelector('.cm-notes').innerText.trim() : null;", i)


def step(driver, deal, action):
    """A commitment's line on a deal's card."""
    selector = f"#deals .deal[data-deal='{deal}'] li.commitment[data-action='{action}']"
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, selector), message=f"deal {deal} has no line for {action}")
    return css(driver, selector)


def notes(driver, deal, action, kind):
    """The text of a line's notes of one kind, "step-warning" or "consent-note" (read in one step: every change of
    the view re-renders the cards)."""
    step(driver, deal, action)
    return driver.execute_script(
        "return [...document.querySelectorAll(`#deals .deal[data-deal='${arguments[0]}'] li.commitment[data-action='${arguments[1]}'] .${arguments[2]}`)]"
        ".map((n) => n.innerText.trim()).join(' ');", deal, action, kind)


def test_an_open_deal_says_which_of_our_steps_cannot_go_as_promised_and_who_can_still_refuse(server, browsers):
    teacher, kim, lee = browsers(), browsers(), browsers()
    code = create_room(teacher, server, phases=LONG, turns=1)
    join(kim, server, code, "Kim", team="dprk")
    join(lee, server, code, "Lee", team="rok")
    console_click(teacher, "start", "started")
    wait_phase(kim, "Briefing")
    console_click(teacher, "skip", "Phase ended")
    for d in (kim, lee):
        wait_phase(d, "Negotiation")

    # Lee writes a deal: the DPRK admits inspectors (the US and the UN may veto it), the ROK consults its alliance and
    # proposes a summit (the DPRK may veto it). While it is written, each row says whose consent it still needs.
    write_proposal(lee, [("dprk", "admit_inspectors"), ("rok", "alliance_working_group"), ("rok", "propose_summit")])
    wait(lee, lambda d: "Needs the consent of United States, United Nations" in row_notes(d, 0), message=lambda d: row_notes(d, 0))
    assert "unless they block it" in row_notes(lee, 0)
    assert row_notes(lee, 1) == ""
    assert "Needs the consent of DPRK (North Korea)" in row_notes(lee, 2), row_notes(lee, 2)
    # A DPRK promise in the same deal to approve the summit settles its consent: the note goes.
    write_proposal(lee, [("dprk", "admit_inspectors"), ("rok", "alliance_working_group"), ("rok", "propose_summit"),
                         ("dprk", "propose_summit", "approve")])
    wait(lee, lambda d: row_notes(d, 2) == "", message=lambda d: row_notes(d, 2))
    assert "United States, United Nations" in row_notes(lee, 0)
    # Taken out again, the summit needs the DPRK's say once more: that is what Lee proposes.
    click(lee, rows(lee)[3].find_element(By.CSS_SELECTOR, ".cm-remove"))
    wait(lee, lambda d: "DPRK (North Korea)" in row_notes(d, 2), message=lambda d: row_notes(d, 2))
    submit_proposal(lee, "Deal proposed")

    # Kim's card, before the DPRK answers: its step cannot be carried out now (the scenario's reason), and two teams
    # outside the deal can still refuse it; the summit is the DPRK's own say.
    wait(kim, lambda d: d.find_elements(By.CSS_SELECTOR, "#deal-1-accept"), message="Kim has no deal to answer")
    warning = notes(kim, 1, "admit_inspectors", "step-warning")
    assert "cannot be carried out now" in warning and "Inspectors verify a declaration" in warning, warning
    consent = notes(kim, 1, "admit_inspectors", "consent-note")
    assert "United States, United Nations" in consent and "not bound by this deal" in consent, consent
    assert "Your team has a say on this step" in notes(kim, 1, "propose_summit", "consent-note")
    assert notes(kim, 1, "alliance_working_group", "step-warning") == ""
    assert notes(kim, 1, "alliance_working_group", "consent-note") == ""
    # Lee's card names the consents too, but the DPRK's step is not Lee's to warn about.
    assert "United States, United Nations" in notes(lee, 1, "admit_inspectors", "consent-note")
    assert notes(lee, 1, "admit_inspectors", "step-warning") == ""
    assert "needs the consent of DPRK (North Korea)".lower() in notes(lee, 1, "propose_summit", "consent-note").lower()

    # Kim drafts a missile test. Lee's second deal orders it again, with a declaration and the Yongbyon offer: 6 of the
    # DPRK's 5 points. The copy in the draft will be the duplicate; the offer is what the budget cannot pay.
    click(kim, "#act-missile_test-add")
    wait(kim, lambda d: "Draft saved" in text(d, "#orders-status"))
    write_proposal(lee, [("dprk", "missile_test"), ("dprk", "submit_declaration"), ("dprk", "offer_yongbyon")])
    submit_proposal(lee, "Deal proposed")
    wait(kim, lambda d: d.find_elements(By.CSS_SELECTOR, "#deal-2-accept"), message="Kim has no second deal to answer")
    assert "Also in your draft" in notes(kim, 2, "missile_test", "step-warning")
    assert notes(kim, 2, "submit_declaration", "step-warning") == ""
    over = notes(kim, 2, "offer_yongbyon", "step-warning")
    assert "cannot pay for this step: it costs 2, and 1 is left" in over, over

    # With a declaration drafted as well (4 of 5 drafted), the server says the inspectors cost more than is left. That
    # is the draft's budget, not the deal's: a deal is paid first, so the card says which drafted order would not fit.
    click(kim, "#act-submit_declaration-add")
    wait(kim, lambda d: d.find_elements(By.CSS_SELECTOR, "#draft-orders [data-action=submit_declaration]"), message="declaration not drafted")
    wait(kim, lambda d: "1 drafted order would no longer fit" in notes(d, 1, "admit_inspectors", "step-warning"),
         message=lambda d: notes(d, 1, "admit_inspectors", "step-warning"))
    assert "costs 3" not in notes(kim, 1, "admit_inspectors", "step-warning")
    assert "Also in your draft" in notes(kim, 2, "submit_declaration", "step-warning")
    screenshot(kim, "deal-warnings-dprk")

    # Accepted and agreed, the step is the DPRK's promise: no warning any more, but the veto is still theirs.
    click(kim, "#deal-1-accept")
    wait(kim, lambda d: "agreed" in css(d, "#deals .deal[data-deal='1']").text, message="deal 1 not agreed")
    assert notes(kim, 1, "admit_inspectors", "step-warning") == ""
    assert "United States, United Nations" in notes(kim, 1, "admit_inspectors", "consent-note")
    for d in (kim, lee, teacher):
        assert js_errors(d) == []


def test_a_deal_step_a_third_team_can_refuse_is_said_in_korean(server, browsers):
    teacher = korean_browser(browsers)
    code = create_room_in_korean(teacher, server, turns=1)
    kim, lee = korean_browser(browsers), korean_browser(browsers)
    join_in_korean(kim, server, code, "dprk", "김철수")
    join_in_korean(lee, server, code, "rok", "이영희")
    console_do(teacher, "start", "시작")
    phase_is(kim, "브리핑")
    console_do(teacher, "skip", "단계를 끝냈습니다")
    for d in (kim, lee):
        phase_is(d, "협상")

    write_proposal(lee, [("dprk", "admit_inspectors"), ("rok", "alliance_working_group")])
    wait(lee, lambda d: "미국, 유엔의 동의가 필요" in row_notes(d, 0), message=lambda d: row_notes(d, 0))
    submit_proposal(lee, "합의를 제안했습니다")

    wait(kim, lambda d: d.find_elements(By.CSS_SELECTOR, "#deal-1-accept"), message="Kim has no deal to answer")
    consent = notes(kim, 1, "admit_inspectors", "consent-note")
    # The particle after the last team's name is chosen by its final consonant (유엔 → 은), and none is left unresolved.
    assert "이 합의에 묶이지 않은 미국, 유엔의 동의가 필요하며, 미국, 유엔은 거부할 수 있습니다" in consent, consent
    assert "(는)" not in consent and "(가)" not in consent
    warning = notes(kim, 1, "admit_inspectors", "step-warning")
    # The scenario's reason comes in the room's language.
    assert "지금 실행할 수 없습니다" in warning and "사찰은 신고를 검증하는 일이므로" in warning, warning
    screenshot(kim, "deal-warnings-dprk-ko")
    for d in (kim, lee, teacher):
        assert js_errors(d) == []
