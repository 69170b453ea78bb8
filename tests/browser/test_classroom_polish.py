"""The browser findings still open from the outside tester's second class (/tmp/qa2/REPORT-browser.md): a chosen
variant's defaults and description on the create form (#11), a team over its budget marked on the console, tied scores
in one order on every page (#21), change markers in a neutral colour (#22), Korean wording (#23), the console's
channels in the scenario's team order (#24), and the instructor's seat changes in the replay viewer."""

import re
import json
import pathlib
import subprocess
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import InstructorSocket, js_errors, wait
from pages import (LONG, accept_the_deal, class_in_negotiation, class_with_a_deal_past_the_budget, click, console_click, create_room, css, join,
                   open_projector, skip_a_turn, text, wait_phase)

TEAM_ORDER = ["dprk", "rok", "usa", "un"]  # rulesets/koreanization.yaml's teams, in its order
LEGEND = "legend[data-i18n='index.phase_lengths']"  # the create form's phase lengths


def open_create_form(driver, server):
    driver.get(server.url("index.html"))
    css(driver, "#create-details summary").click()
    css(driver, "#create-key").send_keys(server.key)
    css(driver, "#load-rulesets").click()
    wait(driver, lambda d: "scenarios on this server" in text(d, "#create-status"), message="scenarios not loaded")
    Select(css(driver, "#create-ruleset")).select_by_value("koreanization")


def options(driver):
    """The variant menu's options as shown."""
    return [o.text for o in driver.find_elements(By.CSS_SELECTOR, "#create-variant option")]


def phase_hints(driver):
    return {s.get_attribute("data-default"): s.text for s in driver.find_elements(By.CSS_SELECTOR, "[data-default]")}


def test_the_create_form_shows_the_chosen_variants_turns_phases_and_description(server, browsers):
    d = browsers()
    open_create_form(d, server)
    # The standard rules: the scenario's 8 turns and its phases, no variant description. The legend holds whichever
    # rules are chosen: a blank takes the default beside each field (qa4 #15); the hints start with a capital, as the
    # other hints do.
    legend = "Phase lengths in seconds (blank: the default beside each)"
    assert text(d, "#create-turns-hint") == "Blank: the scenario's 8."
    assert phase_hints(d)["negotiation"] == "Default: 300"
    assert text(d, LEGEND) == legend, text(d, LEGEND)
    assert not css(d, "#create-variant-about").is_displayed()

    # koreanization.yaml's class-50: 5 turns, 1m/3m/2m/10s/1m, and what it changes, in the page's language.
    Select(css(d, "#create-variant")).select_by_value("class-50")
    wait(d, lambda d: text(d, "#create-turns-hint") == "Blank: this variant's 5.", message=lambda d: text(d, "#create-turns-hint"))
    assert phase_hints(d) == {"briefing": "Default: 60", "negotiation": "Default: 180", "orders": "Default: 120",
                              "adjudication": "Default: 10", "results": "Default: 60"}, phase_hints(d)
    assert text(d, LEGEND) == legend
    assert text(d, "#create-variant-about").startswith("Five three-month turns"), text(d, "#create-variant-about")
    assert "Policy: a hawkish United States (8 turns)" in options(d)

    click(d, ".lang-switch button[data-lang=ko]")
    wait(d, lambda d: text(d, "#create-variant-about").startswith("석 달짜리 턴 다섯 번"), message=lambda d: text(d, "#create-variant-about"))
    assert css(d, "#create-variant").get_attribute("value") == "class-50"
    assert text(d, "#create-turns-hint") == "비워 두면 이 변형 규칙의 기본값 5턴입니다."
    assert phase_hints(d)["negotiation"] == "기본: 180"
    ko_legend = "단계별 시간(초 단위, 비워 두면 칸마다 적힌 기본값)"
    assert text(d, LEGEND) == ko_legend, text(d, LEGEND)
    # The turns follow a variant's name as the scenario's own bracket does, without a space: "수업 시간용(50분, 5턴)"
    # and "정책: 강경한 미국(8턴)"; the line under the form is said again in Korean.
    assert "정책: 강경한 미국(8턴)" in options(d) and "수업 시간용(50분, 5턴)" in options(d), options(d)
    assert text(d, "#create-status") == "이 서버에 시나리오가 2개 있습니다.", text(d, "#create-status")

    # A variant that says nothing of the phases: the scenario's, and its own description.
    Select(css(d, "#create-variant")).select_by_value("hawkish-us")
    wait(d, lambda d: text(d, "#create-variant-about").startswith("미국 봇이"), message=lambda d: text(d, "#create-variant-about"))
    assert phase_hints(d)["negotiation"] == "기본: 300"
    Select(css(d, "#create-variant")).select_by_value("")
    wait(d, lambda d: text(d, "#create-turns-hint") == "비워 두면 시나리오 기본값 8턴입니다.", message=lambda d: text(d, "#create-turns-hint"))
    assert not css(d, "#create-variant-about").is_displayed()
    assert text(d, LEGEND) == ko_legend
    assert not any("(초) (" in x or ") (" in x for x in [text(d, "#create-form")] + options(d)), text(d, "#create-form")
    assert js_errors(d) == []


def test_the_console_marks_a_team_over_its_budget_beside_its_lock_and_on_the_order_it_cannot_pay(server, browsers):
    # The USA drafts up to its budget; a deal it proposes and the DPRK accepts orders one more of its actions, paid first.
    teacher, alex, kim, budget, cost = class_with_a_deal_past_the_budget(browsers, server)
    column = "article.team-column[data-team=usa]"
    assert not teacher.find_elements(By.CSS_SELECTOR, f"{column} h3 .badge.over")
    accept_the_deal(kim)
    wait(teacher, lambda d: d.find_elements(By.CSS_SELECTOR, f"{column} h3 .badge.over"), message="no over-budget mark")
    assert text(teacher, f"{column} h3 .badge.over") == f"{cost - budget} over budget"
    unpaid = teacher.find_elements(By.CSS_SELECTOR, f"{column} .draft-order.over")
    assert unpaid and all("over budget: comes back not carried out" in li.text for li in unpaid), [li.text for li in unpaid]
    assert not teacher.find_elements(By.CSS_SELECTOR, "article.team-column[data-team=dprk] .badge.over")
    click(teacher, ".lang-switch button[data-lang=ko]")
    wait(teacher, lambda d: text(d, f"{column} h3 .badge.over") == f"예산 {cost - budget} 초과", message=lambda d: text(d, f"{column} h3"))
    assert "예산 초과로 실행되지 않음" in teacher.find_elements(By.CSS_SELECTOR, f"{column} .draft-order.over")[0].text
    assert js_errors(teacher) == []


def score_teams(driver, selector, names):
    """The teams of an outcome's score list, in the order shown, as ids."""
    items = [li.text for li in driver.find_elements(By.CSS_SELECTOR, selector)]
    return [next(tid for tid, name in names.items() if item.startswith(f"{name}:")) for item in items]


def test_tied_scores_are_listed_in_one_order_on_the_console_the_projector_and_the_students_pages(server, browsers):
    teacher = browsers()
    code = create_room(teacher, server, phases=LONG, turns=1)
    kim, alex = browsers(), browsers()
    join(kim, server, code, "Kim", team="dprk")
    join(alex, server, code, "Alex", team="usa")
    projector = open_projector(browsers, server, code)
    console_click(teacher, "start", "started")
    wait_phase(kim, "Briefing")
    console_click(teacher, "end")
    console_click(teacher, "end", "ended")
    names = {x["id"]: x["name"] for x in teacher.execute_script("return window.armistice.game.view.teams;")}
    scores = teacher.execute_script("return window.armistice.game.view.outcome.scores;")
    # Most points first, and a tie in the scenario's team order.
    expected = sorted(scores, key=lambda team: (-scores[team], TEAM_ORDER.index(team)))
    assert len(set(scores.values())) < len(scores), f"no tie to order: {scores}"
    wait(teacher, lambda d: d.find_elements(By.CSS_SELECTOR, "#outcome ul li"), message="no scores on the console")
    assert score_teams(teacher, "#outcome > ul:first-of-type li", names) == expected
    for d in (kim, alex):
        wait(d, lambda d: d.find_elements(By.CSS_SELECTOR, "#outcome ul.scores li"), message="no scores on the student's page")
        assert score_teams(d, "#outcome ul.scores li", names) == expected
    wait(projector, lambda d: d.find_elements(By.CSS_SELECTOR, "#outcome ul.scores li"), message="no scores on the projector")
    assert score_teams(projector, "#outcome ul.scores li", names) == expected
    # The rule itself, on scores the server happens to send in any order.
    ranked = teacher.execute_script("""return window.armistice.game.rankedScores({ un: 2, usa: 2, rok: 4, dprk: 2 }).map(([id]) => id);""")
    assert ranked == ["rok", "dprk", "usa", "un"]


def test_the_projectors_change_markers_are_one_neutral_colour_whichever_way_a_value_moved(server, browsers):
    teacher, kim = browsers(), browsers()
    code = create_room(teacher, server, phases=LONG, turns=2)
    join(kim, server, code, "Kim", team="dprk")
    projector = open_projector(browsers, server, code)
    console_click(teacher, "start", "started")
    skip_a_turn(teacher, kim)
    wait(projector, lambda d: d.find_elements(By.CSS_SELECTOR, ".delta"), 30, message="no change marked after the turn")
    marks = projector.execute_script("""return [...document.querySelectorAll('.delta')].map((n) => ({ text: n.textContent,
        up: n.classList.contains('up'), background: getComputedStyle(n).backgroundColor, color: getComputedStyle(n).color }));""")
    # The ruleset does not say which way is good for a track (a rise in tension is bad news): no green, no red, one colour.
    assert len({(m["background"], m["color"]) for m in marks}) == 1, marks
    assert marks[0]["background"] not in ("rgb(213, 239, 223)", "rgb(249, 222, 222)"), marks
    assert all(m["text"].startswith("▲" if m["up"] else "▼") for m in marks), marks


def test_the_korean_console_says_it_lengthened_or_brought_forward_the_deadline(server, browsers):
    teacher = browsers()
    create_room(teacher, server, phases=LONG, turns=1)
    console_click(teacher, "start", "started")
    click(teacher, ".lang-switch button[data-lang=ko]")
    box = css(teacher, "#extend-seconds")
    box.clear()
    box.send_keys("120")
    console_click(teacher, "extend", "마감을 120초 늘렸습니다.")
    box = css(teacher, "#extend-seconds")
    box.clear()
    box.send_keys("-30")
    console_click(teacher, "extend", "마감을 30초 당겼습니다.")
    assert "옮겼습니다" not in text(teacher, "#controls-status")
    click(teacher, ".lang-switch button[data-lang=en]")
    box = css(teacher, "#extend-seconds")
    box.clear()
    box.send_keys("60")
    console_click(teacher, "extend", "Deadline moved 60 s later.")


def test_the_consoles_channels_follow_the_scenarios_team_order_within_and_across_pairs(server, browsers):
    teacher = browsers()
    code = create_room(teacher, server, phases=LONG, turns=1)
    kim = browsers()
    join(kim, server, code, "Kim", team="usa")
    wait(teacher, lambda d: d.find_elements(By.CSS_SELECTOR, "#chat [data-channel^='pair:']"), message="no pair channels")
    names = {x["id"]: x["name"] for x in teacher.execute_script("return window.armistice.game.view.teams;")}
    tabs = [b.text for b in teacher.find_elements(By.CSS_SELECTOR, "#chat [data-channel^='pair:']")]
    expected = [f"{names[a]} + {names[b]}" for i, a in enumerate(TEAM_ORDER) for b in TEAM_ORDER[i + 1:]]
    assert tabs == expected, tabs
    assert tabs[-1] == "United States + United Nations"
    # The student's own pairs in the same order.
    student = [b.text for b in kim.find_elements(By.CSS_SELECTOR, "#chat [data-channel^='pair:']")]
    assert student == [f"With {names[x]}" for x in TEAM_ORDER if x != "usa"], student


def match_log_of(server, code):
    logs = [p for p in pathlib.Path(server.data).rglob("*.jsonl") if code in p.name]
    assert logs, f"no log of {code} under {server.data}"
    return logs[0]


def test_the_replay_viewer_shows_the_instructors_seat_changes_at_their_moment(server, browsers, tmp_path):
    teacher = browsers()
    code = create_room(teacher, server, phases=LONG, turns=1, name="Ms Lee")
    kim, troll = browsers(), browsers()
    join(kim, server, code, "Kim", team="dprk")
    join(troll, server, code, "Troll", team="un")
    console_click(teacher, "start", "started")
    wait_phase(kim, "Briefing")
    ws = InstructorSocket(server, code)
    try:
        troll_seat = troll.execute_script("return window.armistice.game.you.seat;")
        for n, request in enumerate([{"type": "remove_seat", "seat": troll_seat}, {"type": "set_joining", "open": False},
                                     {"type": "set_bot", "team": "un", "policy": "greedy"}, {"type": "set_bot", "team": "un"},
                                     {"type": "set_joining", "open": True}], start=10):
            ws.send({**request, "id": n})
            ws.expect("ack")
    finally:
        ws.close()
    console_click(teacher, "end")
    console_click(teacher, "end", "ended")
    time.sleep(0.5)
    replay = tmp_path / "replay-ko.json"
    from replay_support import armistice
    subprocess.run([armistice(), "report", str(match_log_of(server, code)), "--format", "json", "--lang", "ko", "--out", str(replay)],
                   check=True, capture_output=True)
    changes = json.loads(replay.read_text(encoding="utf-8"))["seatChanges"]
    assert [c["kind"] for c in changes] == ["removed", "joining_closed", "bot", "bot_off", "joining_opened"], changes

    viewer = browsers(lang="ko")
    viewer.get(server.url("replay.html"))
    wait(viewer, lambda d: d.execute_script("return document.documentElement.lang") == "ko")
    css(viewer, "#file").send_keys(str(replay))
    wait(viewer, lambda d: css(d, "#viewer").is_displayed(), message=lambda d: text(d, "#status"))
    last = int(css(viewer, "#scrub").get_attribute("max"))
    # Before the removal: none shown. At the step the changes follow: each in its place, in the page's language.
    viewer.execute_script("arguments[0].value = '0'; arguments[0].dispatchEvent(new Event('input'));", css(viewer, "#scrub"))
    assert not viewer.find_elements(By.CSS_SELECTOR, "#records li.seat")
    at = changes[-1]["step"]
    viewer.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", css(viewer, "#scrub"), str(at))
    wait(viewer, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#records li.seat")) == 5, message=lambda d: text(d, "#records"))
    rows = [li.text for li in viewer.find_elements(By.CSS_SELECTOR, "#records li.seat")]
    assert rows[0].startswith("내보냄") and "교사가 방에서 내보냄: Troll" in rows[0], rows
    assert rows[1].startswith("입장 닫힘") and "교사가 입장을 닫음" in rows[1], rows
    assert rows[2].startswith("봇 넣음") and "적극형" in rows[2], rows
    assert rows[3].startswith("봇 뺌"), rows
    assert rows[4].startswith("입장 열림"), rows
    # Who did it, as the report says it: the instructor's seat that sent it (here the test's own socket).
    assert rows[0].split(" ", 1)[1].startswith("Auditor (s"), rows
    # Seen from a team's viewpoint too: the roster showed them to everyone.
    Select(css(viewer, "#viewpoint")).select_by_value("dprk")
    wait(viewer, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#records li.seat")) == 5, message=lambda d: text(d, "#records"))
    # A project's position reads "(3/5)": not "단계", the word for a phase, and not "(5 중 3)".
    projects = [li.text for li in viewer.find_elements(By.CSS_SELECTOR, "#board li") if re.search(r"\(\d+/\d+\)$", li.text)]
    # (A status may hold 중 itself: "운영 중", in operation.)
    assert projects and not any("단계" in p or re.search(r"\d+ 중 \d+", p) for p in projects), projects
    # The page's words switch; the report's sentences stay the file's.
    click(viewer, ".lang-switch button[data-lang=en]")
    wait(viewer, lambda d: text(d, "#records li.seat").startswith("REMOVED") or text(d, "#records li.seat").startswith("Removed"),
         message=lambda d: text(d, "#records"))
    assert last >= at
    assert js_errors(viewer) == []
