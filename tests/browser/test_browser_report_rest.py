"""What was left of an outside tester's class in Chromium (REPORT-browser) once its main findings were fixed: a team's
say on another team's action names who else has one (never "any one of us" for one team), and an action that needs
one team's approval under `all` says so (never "all must approve", #15); the console says by how much a team is over
its budget, never "-1 left", and with the budget taken by deals the draft and a new deal's step say nothing is left
(#14); each turn's briefing opens the brief and objectives, which otherwise sit collapsed at the end of the situation
(#11)."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import js_errors, wait
from pages import (LONG, accept_the_deal, class_in_negotiation, class_with_a_deal_past_the_budget, click, console_click, create_room, css,
                   game_value, in_page, join, skip_a_turn, text, wait_phase)


def consent_lines(driver):
    return {c.get_attribute("data-consent"): c.find_element(By.CSS_SELECTOR, "p").text
            for c in driver.find_elements(By.CSS_SELECTOR, "#consents .consent")}


def test_a_say_on_another_teams_action_names_who_else_has_one(server, browsers):
    teacher, (alex,), code = class_in_negotiation(browsers, server, teams=("usa",), names=("Alex",))
    wait(alex, lambda d: consent_lines(d))
    lines = consent_lines(alex)
    # Inspectors: the USA and the UN have a say; crossing the DMZ: the USA alone (rulesets/koreanization.yaml).
    shared = game_value(alex, "g.view.catalog.find((a) => a.id === 'admit_inspectors').consent_from")
    alone = game_value(alex, "g.view.consents.map((c) => c.action).filter((id) => JSON.stringify((g.view.catalog.find((a) => a.id === id) || {}).consent_from) === '[\"usa\"]')")
    assert sorted(shared) == ["un", "usa"] and alone, (shared, alone)
    assert lines["admit_inspectors"] == "DPRK (North Korea): Admit IAEA inspectors — your team or United Nations can block it: one block is enough", lines
    for action in alone:
        assert lines[action].endswith(" — your team can block it"), lines[action]
    assert not any("any one of us" in line for line in lines.values()), lines
    click(alex, ".lang-switch button[data-lang=ko]")
    wait(alex, lambda d: consent_lines(d).get(alone[0], "").endswith(" — 우리 팀이 막을 수 있음"), message=lambda d: consent_lines(d))
    wait(alex, lambda d: consent_lines(d)["admit_inspectors"].endswith(" — 우리 팀이나 유엔 중 한 팀만 반대해도 막힘"), message=lambda d: consent_lines(d))
    assert js_errors(alex) == []


def test_the_console_says_by_how_much_a_team_is_over_its_budget(server, browsers):
    # The USA drafts up to its budget, then a deal it proposes and the DPRK accepts orders one more action of the USA's:
    # agreed commitments are paid first, so the team is over its budget.
    teacher, alex, kim, budget, cost = class_with_a_deal_past_the_budget(browsers, server)
    accept_the_deal(kim)
    line = lambda d: [p.text for p in d.find_elements(By.CSS_SELECTOR, "article.team-column[data-team=usa] p") if p.text.startswith("Budget")]
    # "Budget 6, orders cost 8 (deals 3): 2 over budget", never "-2 left".
    wait(teacher, lambda d: len(line(d)) == 1 and line(d)[0].startswith(f"Budget {budget}, orders cost {cost} (deals ")
         and line(d)[0].endswith(f"): {cost - budget} over budget"), message=line)
    click(teacher, ".lang-switch button[data-lang=ko]")
    ko = lambda d: [p.text for p in d.find_elements(By.CSS_SELECTOR, "article.team-column[data-team=usa] p") if p.text.startswith("예산")]
    wait(teacher, lambda d: ko(d) and ko(d)[0].endswith(f", 예산 {cost - budget} 초과"), message=ko)
    assert not any("-" in l for l in line(teacher) + ko(teacher))
    assert js_errors(teacher) == []


def test_each_turns_briefing_opens_the_brief_and_objectives(server, browsers):
    teacher, kim = browsers(), browsers()
    code = create_room(teacher, server, phases=LONG, turns=2)
    join(kim, server, code, "Kim", team="dprk")
    is_open = lambda d: d.execute_script("return document.querySelector('#brief-box').open")
    assert not is_open(kim)
    console_click(teacher, "start", "started")
    wait_phase(kim, "Briefing")
    wait(kim, is_open, message="the briefing left the brief closed")
    assert css(kim, "#objectives li").is_displayed()
    # Closed by the student, it stays closed for the rest of the phase, whatever the page redraws.
    click(kim, "#brief-box summary")
    wait(kim, lambda d: not is_open(d))
    console_click(teacher, "pause", "paused")
    wait(kim, lambda d: css(d, "[data-field=clock]").get_attribute("data-paused") == "true")
    assert not is_open(kim)
    console_click(teacher, "unpause", "running")
    # The next turn's briefing opens it again.
    skip_a_turn(teacher, kim)
    wait_phase(kim, "Results")
    console_click(teacher, "skip", "Phase ended")
    wait(kim, lambda d: game_value(d, "g.view.turn") == 2 and game_value(d, "g.view.phase") == "briefing", message=lambda d: text(d, "[data-field=phase]"))
    wait(kim, is_open, message="turn 2's briefing left the brief closed")
    assert js_errors(kim) == []


def test_with_the_budget_taken_by_deals_the_draft_and_a_new_step_say_nothing_is_left(server, browsers):
    teacher, (alex, kim), code = class_in_negotiation(browsers, server, teams=("usa", "dprk"), names=("Alex", "Kim"))
    # The USA drafts one order, then a deal it proposes and the DPRK accepts orders the USA's whole budget or more:
    # agreed commitments are paid first, so nothing is left for the drafted order nor for a new deal's step.
    chosen = in_page(alex, """
        const budget = game.team('usa').budget;
        const plain = game.view.actions.filter((a) => !(a.params || []).length && !(a.consent_from || []).length && a.cost > 0);
        const drafted = plain[0];
        const promised = []; let cost = 0;
        for (const a of plain.slice(1)) { if (cost >= budget || promised.length === 7) break; promised.push(a); cost += a.cost; }
        const spare = plain.find((a) => a !== drafted && !promised.includes(a)) || drafted;
        session.request({ type: 'set_orders', orders: [{ action: drafted.id, params: {} }], consents: {} })
          .then(() => session.request({ type: 'propose_deal', commitments: [...promised.map((a) => ({ team: 'usa', action: a.id, params: {} })), { team: 'dprk', action: 'restore_contact', params: {} }] }))
          .then(() => done({ budget, cost, drafted: drafted.id, spare: spare && spare.id }), (e) => done(String(e.message || e)));
    """)
    assert isinstance(chosen, dict) and chosen["cost"] >= chosen["budget"], chosen
    accept_the_deal(kim)
    warning = lambda d: [w.text for w in d.find_elements(By.CSS_SELECTOR, f"#draft-orders li.draft-order[data-action={chosen['drafted']}] .warn")]
    wait(alex, lambda d: any(w.startswith("Over budget: costs ") and "nothing is left after your deals" in w for w in warning(d)), message=warning)
    assert not any(" -" in w for w in warning(alex)), warning(alex)
    # A step of a new deal: the budget is gone, said so (never "0 is left").
    click(alex, "#propose-box summary")
    wait(alex, lambda d: d.find_elements(By.CSS_SELECTOR, ".commitment-row select.cm-action option"))
    Select(css(alex, ".commitment-row .cm-action")).select_by_value(chosen["spare"])
    notes = lambda d: text(d, ".commitment-row .cm-notes")
    wait(alex, lambda d: "your agreed deals already take the whole budget" in notes(d), message=notes)
    assert "0 is left" not in notes(alex)
    click(alex, ".lang-switch button[data-lang=ko]")
    wait(alex, lambda d: any("합의와 위 명령만으로 예산을 다 썼습니다" in w for w in warning(d)), message=warning)
    assert js_errors(alex) == []


def test_one_teams_say_under_the_all_rule_reads_as_that_teams(server, browsers):
    # The tutorial: Marisol's proposed terms need Tervane's approval (`all`), Tervane's alone.
    teacher, mia, ana = browsers(), browsers(), browsers()
    code = create_room(teacher, server, ruleset="coral_strait", phases=LONG)
    join(mia, server, code, "Mia", team="marisol")
    join(ana, server, code, "Ana", team="tervane")
    console_click(teacher, "start", "started")
    console_click(teacher, "skip", "Phase ended")
    wait_phase(ana, "Negotiation")
    hint = lambda d: [p.text for p in d.find_elements(By.CSS_SELECTOR, "#actions li[data-action=marisol_propose_terms] p.hint") if "onsent" in p.text or "동의" in p.text]
    wait(mia, lambda d: hint(d) == ["Needs the consent of Kingdom of Tervane, which must approve it."], message=hint)
    wait(ana, lambda d: consent_lines(d).get("marisol_propose_terms") == "Republic of Marisol: Propose to move the accord forward — goes ahead only if your team approves it", message=consent_lines)
    click(mia, ".lang-switch button[data-lang=ko]")
    wait(mia, lambda d: hint(d) == ["테르반 왕국의 동의가 필요합니다 (승인해야만 진행됨)."], message=hint)
    assert js_errors(mia) == [] and js_errors(ana) == []
