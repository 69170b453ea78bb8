"""The Korean interface (issue 14): every page in Korean shows no English of its own, screenshots of each page in
Korean, the projector at 1920×1080 and the student's phone at 390×844 still fit, the projector follows its room's
language, and switching the language mid-match changes nothing in the match log.

"No English left" walks the page's visible text nodes (and the aria-label, title, placeholder and alt a person reads)
and flags runs of Latin letters outside what is legitimately Latin. The allow-list is small and explicit:
- the scenario's own texts and the server's record texts, as long as the scenario is not in Korean (the ruleset's
  Korean texts are the server side's part of the issue): every string of the view, the records and the roster;
- abbreviations kept in Korean prose (DMZ, JSA, CVID, …: the list ACRONYMS);
- names and codes: people's names, the product name, a file format (JSON), the join code, a state hash, the bot
  policies' ids, the projector's URL parameter (&join=), commands in <code>;
- text marked with another language (lang="en": the switch's "English" button, the room-language choice)."""

import json
import re
import subprocess
import time
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import OUTPUT, wait
from pages import LONG, click, css, propose_contact_deal, text
from replay_support import armistice
from test_accessibility import violations

NAMES = ["김민준", "이서연"]
# Abbreviations a Korean teacher writes as they are, in the scenario's Korean texts (rulesets/koreanization.yaml).
ACRONYMS = ["DMZ", "JSA", "CVID", "UN", "US", "DPRK", "ROK", "IAEA", "WFP", "FAO", "NLL", "ICBM"]
ACRONYM = re.compile(r"(?<![A-Za-z])(?:" + "|".join(ACRONYMS) + r")(?![A-Za-z])")
ALLOWED = ["Armistice", "JSON", "&join=", "greedy", "random", "block-all", "approve-all", "idle"]
CODE = re.compile(r"\b[0-9A-Z]{6}\b|\b[0-9a-f]{16,}\b")  # a join code, a state hash
LATIN = re.compile(r"[A-Za-z]{2,}")

# Visible text nodes and read attributes, each with the page's closest language; <details> opened first, so what
# they hold is checked too. Text in <code>, <script>, <style> and under another lang is left out.
VISIBLE_TEXT = """
for (const d of document.querySelectorAll('details')) d.open = true;
const out = [];
const shown = (el) => {
  if (!el) return false;
  if (el.closest('option, optgroup')) el = el.closest('select');
  return el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
};
const ko = (el) => { const l = el.closest('[lang]'); return !l || l.lang.startsWith('ko'); };
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const el = n.parentElement;
  const t = n.nodeValue.trim();
  if (!t || !el || el.closest('script, style, code, noscript') || !ko(el) || !shown(el)) continue;
  out.push(t);
}
for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-valuetext]')) {
  if (!ko(el) || !(shown(el) || el.closest('select, svg'))) continue;
  for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext']) {
    const v = el.getAttribute(a);
    if (v && v.trim()) out.push(v.trim());
  }
}
out.push(document.title);
return [...new Set(out)];
"""

# Every string the server sent this page about the match (view, records, roster, chat): scenario and record texts.
SERVER_STRINGS = """
const a = window.armistice, out = new Set();
const walk = (x) => { if (typeof x === 'string') out.add(x); else if (x && typeof x === 'object') Object.values(x).forEach(walk); };
if (a && a.game) { walk(a.game.view); walk(a.game.records); walk(a.game.roster); walk(a.game.chat); }
return [...out];
"""


def korean_browser(browsers, width=1366, height=768, mobile=False):
    return browsers(width, height, mobile, lang="ko")


def english_left(driver, extra=()):
    """The texts on the page that still hold Latin words once the allowed strings are taken out."""
    texts = driver.execute_script(VISIBLE_TEXT)
    server = driver.execute_script(SERVER_STRINGS) or []
    view_title = driver.execute_script("const a = window.armistice; return a && a.game && a.game.view ? a.game.view.title || '' : ''")
    scenario_in_korean = bool(re.search(r"[\uac00-\ud7a3]", view_title or ""))
    # People's names (the roster's, the chat's) are theirs, in any script: the projector joins as "Projector" in
    # an English browser.
    names = driver.execute_script("const a = window.armistice; return a && a.game ? [...a.game.roster, ...a.game.chat].map((r) => r.name).filter(Boolean) : []") or []
    allowed = list(ALLOWED) + list(extra) + names
    if not scenario_in_korean:
        allowed += [s for s in server if LATIN.search(s)]
        allowed += [s.replace("_", " ") for s in server if "_" in s]
    allowed = sorted({s for s in allowed if s}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(s) for s in allowed)) if allowed else None
    left = []
    for t in texts:
        rest = pattern.sub(" ", t) if pattern else t
        rest = ACRONYM.sub(" ", CODE.sub(" ", rest))
        if LATIN.search(rest):
            left.append(t)
    return left


def assert_korean(driver, name, extra=()):
    wait(driver, lambda d: d.execute_script("return document.documentElement.lang") == "ko", message=f"{name}: <html lang> is not ko")
    left = english_left(driver, extra)
    assert not left, f"{name}: English left on the Korean page: {left[:20]}"


def shoot(driver, name, width, height):
    """A screenshot at the given size (the page's own layout at that size) into test-output/screenshots."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    driver.execute_script("window.scrollTo(0, 0)")
    time.sleep(0.3)
    (OUTPUT / f"{name}.png").write_bytes(driver.get_screenshot_as_png())


def fits(driver):
    """Whether the page needs no horizontal scrolling, and (for the projector) no vertical one either."""
    return driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.scrollHeight, innerWidth, innerHeight]")


def create_room_in_korean(driver, server, ruleset="koreanization", phases=LONG, turns=2):
    driver.get(server.url("index.html"))
    wait(driver, lambda d: text(d, "#join-title") == "수업 참여하기", message="the front page is not in Korean")
    css(driver, "#create-details summary").click()
    css(driver, "#create-key").send_keys(server.key)
    css(driver, "#load-rulesets").click()
    wait(driver, lambda d: "이 서버에 시나리오가" in text(d, "#create-status"), message=lambda d: text(d, "#create-status"))
    Select(css(driver, "#create-ruleset")).select_by_value(ruleset)
    assert Select(css(driver, "#create-lang")).first_selected_option.get_attribute("value") == "ko", "the room language follows the page"
    name = css(driver, "#create-name")
    name.clear()
    name.send_keys("이지은")
    css(driver, "#create-seed").send_keys("7")
    css(driver, "#create-turns").send_keys(str(turns))
    for phase, seconds in phases.items():
        css(driver, f"input[name=phase-{phase}]").send_keys(str(seconds))
    click(driver, "#create-submit")
    wait(driver, lambda d: "console.html" in d.current_url, message=lambda d: text(d, "#create-status"))
    wait(driver, lambda d: len(text(d, "#room-code")) == 6, message="no join code on the console")
    return text(driver, "#room-code")


def join_in_korean(driver, server, code, team, name):
    driver.get(server.url(f"index.html?code={code}"))
    css(driver, "#join-name").send_keys(name)
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, f"#join-team option[value='{team}']"), message="teams not listed")
    Select(css(driver, "#join-team")).select_by_value(team)
    wait(driver, lambda d: re.search(r"[\uac00-\ud7a3]", Select(css(d, "#join-team")).first_selected_option.text),
         message=lambda d: f"the team is not named in Korean: {Select(css(d, '#join-team')).first_selected_option.text}")
    css(driver, "#join-submit").click()
    wait(driver, lambda d: "play.html" in d.current_url, message=lambda d: text(d, "#join-status"))
    wait(driver, lambda d: d.execute_script("return document.body.dataset.connection") == "online", message="not online")
    wait(driver, lambda d: text(d, "#team-name") not in ("", "불러오는 중…"), message="no team shown")


def console_do(driver, button, expect):
    wait(driver, lambda d: css(d, f"#{button}").is_enabled(), message=f"#{button} stays disabled")
    click(driver, f"#{button}")
    wait(driver, lambda d: expect in text(d, "#controls-status"), message=lambda d: text(d, "#controls-status"))


def phase_is(driver, words):
    wait(driver, lambda d: css(d, "[data-field=phase]").text.startswith(words), message=lambda d: css(d, "[data-field=phase]").text)


def match_log(server, code):
    request = urllib.request.Request(server.url(f"api/rooms/{code}/log"), headers={"Authorization": f"Bearer {server.key}"})
    return urllib.request.urlopen(request, timeout=10).read()


def play_a_turn_in_korean(server, browsers, ruleset, teams, deal=None, shots="ko"):
    """Creates a room in Korean, seats a student per team (the first on a phone), opens the projector in an English
    browser (it follows the room's language), plays a turn with chat, news and an order (and `deal`, a function of
    the first student's browser), and checks every page for English left. Returns the scenario's title as shown."""
    teacher = korean_browser(browsers)
    code = create_room_in_korean(teacher, server, ruleset=ruleset)
    first = korean_browser(browsers, 390, 844, mobile=True)
    second = korean_browser(browsers)
    join_in_korean(first, server, code, teams[0], NAMES[0])
    join_in_korean(second, server, code, teams[1], NAMES[1])
    projector = browsers(1920, 1080)  # an English browser: the projector reads the room's language
    projector.get(server.url(f"board.html?room={code}"))
    wait(projector, lambda d: text(d, "#join-code") == code)
    wait(projector, lambda d: d.execute_script("return document.documentElement.lang") == "ko", message="the projector does not follow the room's language")

    console_do(teacher, "start", "경기가 시작되었습니다")
    console_do(teacher, "skip", "단계를 끝냈습니다")
    phase_is(first, "협상")

    # Chat in Korean, news, an order (and a deal): the pages have records, chat and a draft to show.
    if deal:
        deal(first)
    box = css(first, "#chat textarea")
    first.execute_script("arguments[0].value = arguments[1];", box, "비핵화 협상을 시작합시다")
    click(first, "#chat .chat-form button[type=submit]")
    wait(first, lambda d: any("비핵화" in m.text for m in d.find_elements(By.CSS_SELECTOR, "#chat .msg-text")))
    css(teacher, "#news-text").send_keys("남북정상회담 개최 발표")
    click(teacher, "#news-form button[type=submit]")
    wait(teacher, lambda d: "뉴스를 게시했습니다" in text(d, "#inject-status"))
    add = first.find_elements(By.CSS_SELECTOR, "#actions .action:not(.unavailable) button[id$=-add]")
    assert add, "no action the student can take"
    click(first, add[0])
    wait(first, lambda d: d.find_elements(By.CSS_SELECTOR, "#draft-orders .draft-order"), message="no order in the draft")

    # A whole turn: orders, adjudication, results with a summary.
    console_do(teacher, "skip", "단계를 끝냈습니다")
    phase_is(first, "명령")
    console_do(teacher, "skip", "단계를 끝냈습니다")
    wait(first, lambda d: d.find_elements(By.CSS_SELECTOR, "#results .turn-summary"), timeout=30, message="no results")
    phase_is(first, "결과")

    for driver, name in ((teacher, "console"), (first, "student (phone)"), (second, "student"), (projector, "projector")):
        wait(driver, lambda d: d.execute_script("return document.body.dataset.connection") == "online")
        assert_korean(driver, f"{ruleset} {name}")
        # Particles agree with the word before them: "북한과", never "북한와(과)".
        unresolved = re.findall(r"[\uac00-\ud7a3](?:와\(과\)|을\(를\)|이\(가\)|은\(는\)|\(으\)로)", css(driver, "body").text)
        assert not unresolved, f"{ruleset} {name}: particles left unresolved: {unresolved}"
    shoot(teacher, f"{shots}-console", 1366, 768)
    shoot(second, f"{shots}-play", 1366, 768)
    shoot(first, f"{shots}-play-phone", 390, 844)
    shoot(projector, f"{shots}-board-1920x1080", 1920, 1080)

    width, height, inner_w, inner_h = fits(projector)
    assert width <= inner_w and height <= inner_h, f"the Korean projector does not fit 1920×1080: {width}×{height}"
    width, _, inner_w, _ = fits(first)
    assert width <= inner_w, f"the Korean student page scrolls sideways on a phone: {width} > {inner_w}"
    # WCAG 2.1 AA holds in Korean too (the language switch, <html lang>, the labels).
    for driver, name in ((teacher, "console"), (first, "play-phone"), (projector, "board")):
        found = violations(driver, f"{shots}-{name}")
        assert not found, f"{ruleset} {name} in Korean: {found}"
    return text(second, "[data-field=title]")


def test_the_front_page_in_korean(server, browsers):
    front = korean_browser(browsers)
    front.get(server.url("index.html"))
    css(front, "#create-details summary").click()
    css(front, "#load-rulesets").click()
    wait(front, lambda d: "이 서버에 시나리오가" in text(d, "#create-status"))
    # The front page has no match view: the scenarios' texts come from the server's list of them, in Korean for a
    # scenario written in Korean (`localized.ko`), else as they are.
    scenarios = json.loads(urllib.request.urlopen(server.url("api/rulesets"), timeout=10).read())
    texts = set().union(*(strings_of((r.get("localized") or {}).get("ko") or r) for r in scenarios))
    assert all((r.get("localized") or {}).get("ko") for r in scenarios if r["id"] in ("koreanization", "coral_strait"))
    assert_korean(front, "front page", extra=[x for x in texts if LATIN.search(x)])
    shoot(front, "ko-index", 1366, 768)


def test_a_koreanization_match_in_korean_is_korean_all_over(server, browsers):
    """The Koreanization scenario, whose ruleset is in Korean: the whole screen is Korean, its texts included (the
    check allows English scenario texts only while the view's title is not Korean)."""
    title = play_a_turn_in_korean(server, browsers, "koreanization", ["dprk", "rok"],
                          deal=lambda d: propose_contact_deal(d, note="개성공단 재가동을 논의합시다", expect="합의를 제안했습니다"))
    assert re.search(r"[\uac00-\ud7a3]", title), f"the scenario's title is not in Korean: {title!r}"


def test_a_coral_strait_match_in_korean_is_korean_all_over(server, browsers):
    """The tutorial scenario has Korean texts: the whole screen is Korean, the scenario's texts included."""
    title = play_a_turn_in_korean(server, browsers, "coral_strait", ["marisol", "tervane"], shots="ko-coral")
    assert re.search(r"[\uac00-\ud7a3]", title), f"the scenario's title is not in Korean: {title!r}"


def test_switching_language_mid_match_changes_nothing_in_the_match_log(server, browsers):
    teacher = korean_browser(browsers)
    code = create_room_in_korean(teacher, server)
    kim = browsers()  # an English browser
    kim.get(server.url(f"index.html?code={code}"))
    wait(kim, lambda d: text(d, "#join-title") == "Join a class")
    css(kim, "#join-name").send_keys("Kim")
    wait(kim, lambda d: d.find_elements(By.CSS_SELECTOR, "#join-team option[value='dprk']"))
    Select(css(kim, "#join-team")).select_by_value("dprk")
    css(kim, "#join-submit").click()
    wait(kim, lambda d: "play.html" in d.current_url)
    wait(kim, lambda d: d.execute_script("return document.body.dataset.connection") == "online")
    console_do(teacher, "start", "경기가 시작되었습니다")
    console_do(teacher, "skip", "단계를 끝냈습니다")
    wait(kim, lambda d: css(d, "[data-field=phase]").text.startswith("Negotiation"))
    time.sleep(0.5)
    before = match_log(server, code)

    # The student switches to Korean and back; the instructor to English and back.
    for driver, to, word in ((kim, "ko", "협상"), (teacher, "en", "Negotiation"), (kim, "en", "Negotiation"), (teacher, "ko", "협상")):
        click(driver, f".lang-switch button[data-lang={to}]")
        wait(driver, lambda d: d.execute_script("return document.documentElement.lang") == to)
        wait(driver, lambda d: css(d, "[data-field=phase]").text.startswith(word), message=lambda d: css(d, "[data-field=phase]").text)
        assert css(driver, f".lang-switch button[data-lang={to}]").get_attribute("aria-pressed") == "true"
    time.sleep(0.5)
    assert match_log(server, code) == before, "switching a person's language changed the match log"
    # The projector of an English browser reads the room's language (Korean), and follows the instructor's change.
    projector = browsers(1920, 1080)
    projector.get(server.url(f"board.html?room={code}"))
    wait(projector, lambda d: d.execute_script("return document.documentElement.lang") == "ko", message="the projector does not read the room's language")
    wait(projector, lambda d: d.execute_script("return document.body.dataset.connection") == "online")
    before = match_log(server, code)  # the projector's seat joined: that is in the log
    Select(css(teacher, "#room-language")).select_by_value("en")
    click(teacher, "#set-room-language")
    wait(teacher, lambda d: "영어로" in text(d, "#controls-status"), message=lambda d: text(d, "#controls-status"))
    wait(projector, lambda d: d.execute_script("return document.documentElement.lang") == "en", message="the projector did not follow the room's language")
    wait(projector, lambda d: css(d, "[data-field=phase]").text.startswith("Negotiation"))
    time.sleep(0.5)
    after = match_log(server, code)
    assert after == before, "switching the language changed the match log:\n" + after[len(before):].decode(errors="replace")[:2000]
    # The choice is remembered by the browser: a reload keeps it (a reload is a presence change in the log: not
    # compared).
    kim.refresh()
    wait(kim, lambda d: d.execute_script("return document.documentElement.lang") == "en")
    assert kim.execute_script("return localStorage.getItem('armistice.lang')") == "en"


def test_the_replay_viewer_in_korean(browsers, tmp_path, server):
    log = tmp_path / "match.jsonl"
    subprocess.run([armistice(), "replay-bench", "--events", "400", "--runs", "1", "--save", str(log),
                    "--ruleset", "rulesets/koreanization.yaml"], check=True, capture_output=True, cwd=server_root())
    replay = tmp_path / "match.replay.json"
    subprocess.run([armistice(), "report", str(log), "--format", "json", "--out", str(replay)], check=True, capture_output=True, cwd=server_root())
    viewer = korean_browser(browsers)
    viewer.get(server.url("replay.html"))
    wait(viewer, lambda d: d.execute_script("return document.documentElement.lang") == "ko")
    assert_korean(viewer, "replay viewer (empty)")
    css(viewer, "#file").send_keys(str(replay))
    wait(viewer, lambda d: not css(d, "#viewer").get_attribute("hidden") is not None and "장면" in text(d, "#where"), message=lambda d: f"{text(d, '#status')} {d.get_log('browser')}")
    css(viewer, "#next").click()
    # The report's own texts (the match's story, the case package) come from the file, as the scenario's do.
    file_strings = strings_of(json.loads(replay.read_text()))
    assert_korean(viewer, "replay viewer", extra=[replay.name] + [s for s in file_strings if LATIN.search(s) and s not in NOT_FILE_TEXT])
    shoot(viewer, "ko-replay", 1366, 768)


# Values of the replay file that are codes the viewer words itself: allowing them would hide untranslated labels.
NOT_FILE_TEXT = {"news", "intel", "order", "effect", "event", "draw", "deal", "adjustment", "outcome", "hash", "phase",
                 "locked", "setup", "briefing", "negotiation", "orders", "adjudication", "results", "ended", "all",
                 "instructor", "observer", "agreed", "carried_out", "carried out", "expired", "rejected", "withdrawn",
                 "history", "after_essay", "after essay", "invented"}


def strings_of(data):
    """Every string in a JSON value, also with its underscores read as spaces."""
    out = set()

    def walk(x):
        if isinstance(x, str):
            out.update((x, x.replace("_", " ")))
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(data)
    return out


def server_root():
    from replay_support import ROOT
    return ROOT


def test_the_teachers_archive_in_korean(server, browsers):
    """The teacher's archive ("내 방") in a Korean browser: the sign-in, a refused secret, the list of matches (state,
    date, players, actions) and a student's export are all in Korean; the switch to English redraws the list at once.
    The scenario's title and the match's ending are the scenario's own Korean texts; players' names are theirs."""
    from test_archive import add_teacher, api, bot_match, cell, sign_in, wait_finished
    secret = add_teacher(server, "Kim Haneul")
    code = bot_match(server, secret, "Kim Haneul")
    wait_finished(server, secret, code)
    # The server lists the title and, once its replay has found it, the ending in each language of the scenario.
    deadline = time.time() + 30
    while not (entry := {r["code"]: r for r in api(server, "/api/teacher/rooms", secret)}[code]).get("outcome"):
        assert time.time() < deadline, "the ending is never listed"
        time.sleep(0.2)
    korean = entry["localized"]["ko"]
    assert korean["title"] != entry["title"] and korean["outcome"] != entry["outcome"], entry

    d = korean_browser(browsers)
    d.get(server.url("archive.html"))
    wait(d, lambda d: text(d, "#signin-title") == "로그인", message=lambda d: text(d, "#signin-title"))
    assert_korean(d, "archive (sign-in)")
    shoot(d, "ko-archive-signin", 1366, 768)
    row = sign_in(d, secret, code, refused="등록되지 않은 비밀 키")
    wait(d, lambda d: text(d, "#rooms-status") == "경기 1개", message=lambda d: text(d, "#rooms-status"))
    assert cell(d, row, 3) == "끝남", cell(d, row, 3)
    assert cell(d, row, 1).startswith(korean["title"]) and cell(d, row, 5) == korean["outcome"], (cell(d, row, 1), cell(d, row, 5))
    assert not LATIN.search(cell(d, row, 2)), f"the date is not written the Korean way: {cell(d, row, 2)!r}"
    assert "Kim Haneul" in text(d, "#whoami") and "로그인했습니다" in text(d, "#whoami")
    assert [b.text for b in d.find_elements(By.CSS_SELECTOR, f"{row} button")] == ["보고서", "다시 보기", "기록", "보고서 파일", "다시 보기 파일", "공유…", "삭제"]

    css(d, "#export-name").send_keys("Falcon")
    css(d, "#export-submit").click()
    wait(d, lambda d: "내려받았습니다" in text(d, "#export-status"), message=lambda d: text(d, "#export-status"))
    assert "경기 0개" in text(d, "#export-status")

    # What the server says of the matches in English (titles, endings) is not on the page; names and ids may be.
    listed = strings_of(api(server, "/api/teacher/rooms", secret)) - {entry["title"], entry["outcome"]} | {"Kim Haneul", "Falcon"}
    assert_korean(d, "archive", extra=[s for s in listed if LATIN.search(s)])
    shoot(d, "ko-archive", 1366, 768)
    found = violations(d, "ko-archive")
    assert not found, f"the archive in Korean: {found}"

    # The switch: English at once, the list redrawn without asking the server again.
    click(d, ".lang-switch button[data-lang=en]")
    wait(d, lambda d: d.execute_script("return document.documentElement.lang") == "en")
    wait(d, lambda d: cell(d, row, 3) == "Finished", message=lambda d: cell(d, row, 3))
    assert text(d, "#rooms-title") == "My rooms" and text(d, "#rooms-status") == "1 match"
