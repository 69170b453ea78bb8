"""A deal's card (and a proposal being written) says what stands in the way of its steps before a team accepts it:
the reader's own step that cannot go as promised (a requirement the state does not meet, the budget, a copy in the
draft), and a step a team outside the deal can still refuse while the rest of the deal goes ahead. English and
Korean, in real browsers against the real server."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import js_errors, screenshot, wait
from pages import class_in_negotiation, click, css, text
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
    teacher, (kim, lee), code = class_in_negotiation(browsers, server)

    # Lee writes a deal: the DPRK admits inspectors (the US and the UN may veto it), the ROK consults its alliance and
    # proposes a summit (the DPRK may veto it). While it is written, each row says whose consent it still needs.
    write_proposal(lee, [("dprk", "admit_inspectors"), ("rok", "alliance_working_group"), ("rok", "propose_summit")])
    wait(lee, lambda d: "Needs the consent of United States, United Nations" in row_notes(d, 0), message=lambda d: row_notes(d, 0))
    assert "unless they block it" in row_notes(lee, 0)
    assert row_notes(lee, 1) == ""
    # The DPRK has a step of its own in the deal: a party, not bound to approve the summit, never "not bound".
    assert "Needs the consent of DPRK (North Korea), party to this deal but not bound by it to approve" in row_notes(lee, 2), row_notes(lee, 2)
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
    # The action cards say the same: the cost in the page's words and numbers (adding it refused), a copy in the draft
    # in the server's words.
    wait(kim, lambda d: "Costs 3: only 1 is left after your draft and your agreed deals." in text(d, "#actions [data-action=admit_inspectors] .reason"),
         message=lambda d: text(d, "#actions [data-action=admit_inspectors] .reason"))
    assert not css(kim, "#act-admit_inspectors-add").is_enabled()
    assert "already in your orders this turn" in text(kim, "#actions [data-action=missile_test] .reason")
    assert "Also in your draft" in notes(kim, 2, "submit_declaration", "step-warning")
    screenshot(kim, "deal-warnings-dprk")

    # Accepted and agreed, the step is the DPRK's promise, paid first: the draft's budget no longer stands in its way,
    # but the requirement the state still fails would stop it at adjudication, so that warning stays; the veto is
    # still theirs.
    click(kim, "#deal-1-accept")
    wait(kim, lambda d: "agreed" in css(d, "#deals .deal[data-deal='1']").text, message="deal 1 not agreed")
    agreed = notes(kim, 1, "admit_inspectors", "step-warning")
    assert agreed == "Your team's step cannot be carried out now: Inspectors verify a declaration: one must be accepted first.", agreed
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
    assert "지금 이행할 수 없습니다" in warning and "사찰은 신고를 검증하는 일이므로" in warning, warning
    screenshot(kim, "deal-warnings-dprk-ko")

    # A copy in the draft is told by the server's reason_code, the reason itself being in Korean.
    click(kim, "#act-missile_test-add")
    wait(kim, lambda d: "초안을 저장했습니다" in text(d, "#orders-status"), message=lambda d: text(d, "#orders-status"))
    write_proposal(lee, [("dprk", "missile_test")])
    submit_proposal(lee, "합의를 제안했습니다")
    wait(kim, lambda d: d.find_elements(By.CSS_SELECTOR, "#deal-2-accept"), message="Kim has no second deal to answer")
    assert "초안에도 있는 행동입니다" in notes(kim, 2, "missile_test", "step-warning"), notes(kim, 2, "missile_test", "step-warning")
    for d in (kim, lee, teacher):
        assert js_errors(d) == []


# Each action the view says Kim cannot add now, with a reason in words no page could match and a reason_code that
# alone says what kind of reason it is (docs/protocol.md, `actions`). The draft and the budget say otherwise: nothing
# is drafted, 10 points are free and the team is not locked, so only the code can give the warnings expected.
CODED = [
    ("cm_requirement", "requirement", "사찰은 신고를 검증하는 일이므로 신고가 먼저 있어야 합니다"),
    ("cm_english_words", "requirement", "already in your orders this turn"),
    ("cm_in_draft", "already_ordered", "이번 턴 명령에 이미 있습니다"),
    ("cm_locked", "locked", "이번 턴 명령이 잠겼습니다"),
    ("cm_cost", "cost", "비용 1, 남은 예산 0"),
]


def coded_step_warnings(driver):
    """stepWarnings of the page's own commitments module (with the page's catalog), on a view made up for CODED."""
    return driver.execute_async_script("""
        const [coded, done] = arguments;
        import(new URL("js/commitments.js", location.href).href).then((m) => {
          const actions = coded.map(([id, code, reason]) => ({ id, team: "dprk", name: id, cost: 1, params: [], available: false, reason, reason_code: code }));
          const view = { phase: "orders", deals: [], catalog: [], actions, orders: { dprk: { orders: [], consents: {} } }, spent: { dprk: 0 } };
          const game = { view, team: (id) => (id === "dprk" ? { id, budget: 10, locked: false } : null) };
          const warnings = m.stepWarnings(game, actions.map((a) => ({ team: "dprk", action: a.id })), "dprk");
          done(actions.map((_, i) => warnings.get(i) || []));
        }).catch((e) => done(String(e)));""", CODED)


def test_a_steps_warning_follows_the_reason_code_not_the_reasons_words(server, browsers):
    teacher = korean_browser(browsers)
    code = create_room_in_korean(teacher, server, turns=1)
    kim = korean_browser(browsers)
    join_in_korean(kim, server, code, "dprk", "김철수")
    got = dict(zip([c[0] for c in CODED], coded_step_warnings(kim)))
    assert got["cm_requirement"] == ["우리 팀의 이 약속은 지금 이행할 수 없습니다: 사찰은 신고를 검증하는 일이므로 신고가 먼저 있어야 합니다"], got
    # The English words of another kind of reason do not make it that kind.
    assert got["cm_english_words"] == ["우리 팀의 이 약속은 지금 이행할 수 없습니다: already in your orders this turn"], got
    assert len(got["cm_in_draft"]) == 1 and got["cm_in_draft"][0].startswith("초안에도 있는 행동입니다"), got
    # The lock and the draft's budget are not the step's own reasons.
    assert got["cm_locked"] == [] and got["cm_cost"] == [], got
    assert js_errors(kim) == []


def squeeze_warnings(driver, locked):
    """stepWarnings for a DPRK step of 3 when the draft holds an order of 3 and the budget is 5: paid first, the step
    leaves the drafted order without a budget. `locked`: whether the DPRK has locked in."""
    return driver.execute_async_script("""
        const [locked, done] = arguments;
        import(new URL("js/commitments.js", location.href).href).then((m) => {
          const actions = [
            { id: "step", team: "dprk", name: "Step", cost: 3, params: [], available: true },
            { id: "drafted", team: "dprk", name: "Drafted", cost: 3, params: [], available: !locked, reason_code: locked ? "locked" : undefined },
          ];
          const view = { phase: "negotiation", deals: [], catalog: [], actions, orders: { dprk: { orders: [{ action: "drafted" }], consents: {} } }, spent: { dprk: 3 } };
          const game = { view, team: (id) => (id === "dprk" ? { id, budget: 5, locked } : null) };
          done(m.stepWarnings(game, [{ team: "dprk", action: "step" }], "dprk").get(0) || []);
        }).catch((e) => done(String(e)));""", locked)


def test_a_locked_team_is_told_it_cannot_remove_the_orders_a_deal_would_push_over_budget(server, browsers):
    d = browsers()
    d.get(server.url("index.html"))
    wait(d, lambda d: d.execute_script("return document.documentElement.lang") == "en")
    open_draft = squeeze_warnings(d, False)
    assert open_draft == ["If this deal is agreed, its steps are paid before your draft: 1 drafted order would no longer fit the budget."], open_draft
    locked = squeeze_warnings(d, True)
    assert len(locked) == 1 and "1 drafted order would no longer fit the budget" in locked[0], locked
    assert "your team has locked in, so it cannot remove it: it will come back over budget" in locked[0], locked
    assert js_errors(d) == []


def test_a_step_whose_requirement_fails_is_marked_for_its_own_team_and_on_the_console(server, browsers):
    # The outside tester's case: in turn 1 of Koreanization the DPRK proposes that the United States hold a summit,
    # which needs working-level groundwork first. The USA is told before it accepts; the DPRK is not (the view says
    # nothing of another team's requirements); the instructor, whose view holds every team's actions, sees it on the
    # deal and, once agreed, on the USA's draft.
    teacher, (kim, sam), code = class_in_negotiation(browsers, server, teams=("dprk", "usa"), names=("Kim", "Sam"))
    write_proposal(kim, [("usa", "us_summit"), ("dprk", "offer_yongbyon")])
    submit_proposal(kim, "Deal proposed")
    wait(sam, lambda d: d.find_elements(By.CSS_SELECTOR, "#deal-1-accept"), message="Sam has no deal to answer")
    reason = "No working-level groundwork for a summit."
    assert notes(sam, 1, "us_summit", "step-warning") == f"Your team's step cannot be carried out now: {reason}"
    assert notes(kim, 1, "us_summit", "step-warning") == ""
    console_note = f"Requirement not met now: {reason}"
    wait(teacher, lambda d: notes(d, 1, "us_summit", "step-warning") == console_note, message=lambda d: notes(d, 1, "us_summit", "step-warning"))
    assert notes(teacher, 1, "offer_yongbyon", "step-warning") == ""

    click(sam, "#deal-1-accept")
    wait(sam, lambda d: "agreed" in css(d, "#deals .deal[data-deal='1']").text, message="deal 1 not agreed")
    assert notes(sam, 1, "us_summit", "step-warning") == f"Your team's step cannot be carried out now: {reason}"
    # Agreed, the step is on the USA's draft, locked: the console's column says it will not go as things stand.
    line = "article.team-column[data-team=usa] .draft-order.committed[data-action=us_summit]"
    wait(teacher, lambda d: d.find_elements(By.CSS_SELECTOR, f"{line}.unmet"), message="the USA's committed summit is not marked")
    assert console_note in text(teacher, line), text(teacher, line)
    assert not teacher.find_elements(By.CSS_SELECTOR, "article.team-column[data-team=dprk] .draft-order.unmet")
    assert notes(teacher, 1, "us_summit", "step-warning") == console_note

    click(teacher, ".lang-switch button[data-lang=ko]")
    ko = "지금은 요건을 충족하지 못함: 정상회담을 위한 실무 협상 기반이 없습니다."
    wait(teacher, lambda d: notes(d, 1, "us_summit", "step-warning") == ko, message=lambda d: notes(d, 1, "us_summit", "step-warning"))
    assert ko in text(teacher, line), text(teacher, line)
    screenshot(teacher, "deal-warnings-console")
    for d in (kim, sam, teacher):
        assert js_errors(d) == []
