"""What a person does on each page, as Selenium steps."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import wait

LONG = {"briefing": 600, "negotiation": 600, "orders": 600, "adjudication": 1, "results": 600}


def css(driver, selector):
    return driver.find_element(By.CSS_SELECTOR, selector)


def click(driver, element):
    """Scrolls an element to the middle of the window (clear of the sticky game bar) and clicks it."""
    if isinstance(element, str):
        element = css(driver, element)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    element.click()


def text(driver, selector):
    return css(driver, selector).text


def create_room(driver, server, ruleset="koreanization", turns=1, seed=7, phases=LONG, name="Ms Lee", bots=None, absent=None):
    """Creates a room from the front page's form; `bots` {team: policy} and `absent` use its bot fields (issue 15)."""
    driver.get(server.url("index.html"))
    css(driver, "#create-details summary").click()
    css(driver, "#create-key").send_keys(server.key)
    css(driver, "#load-rulesets").click()
    wait(driver, lambda d: "scenarios on this server" in text(d, "#create-status"), message="scenarios not loaded")
    Select(css(driver, "#create-ruleset")).select_by_value(ruleset)
    name_box = css(driver, "#create-name")
    name_box.clear()
    name_box.send_keys(name)
    css(driver, "#create-seed").send_keys(str(seed))
    css(driver, "#create-turns").send_keys(str(turns))
    for phase, seconds in phases.items():
        css(driver, f"input[name=phase-{phase}]").send_keys(str(seconds))
    for team, policy in (bots or {}).items():
        Select(css(driver, f"#create-bot-{team}")).select_by_value(policy)
    if absent:
        Select(css(driver, "#create-absent")).select_by_value(absent)
    click(driver, "#create-submit")
    wait(driver, lambda d: "console.html" in d.current_url, message="no console after creating")
    wait(driver, lambda d: len(text(d, "#room-code")) == 6, message="no join code on the console")
    return text(driver, "#room-code")


def join(driver, server, code, name, team=None, role="player"):
    driver.get(server.url(f"index.html?code={code}"))
    css(driver, "#join-name").send_keys(name)
    if role == "observer":
        css(driver, "input[name=role][value=observer]").click()
    if team:
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, f"#join-team option[value='{team}']"), message="teams not listed")
        Select(css(driver, "#join-team")).select_by_value(team)
    css(driver, "#join-submit").click()
    page = "board.html" if role == "observer" else "play.html"
    wait(driver, lambda d: page in d.current_url, message=lambda d: f"did not reach {page}: {text(d, '#join-status')}")
    wait(driver, lambda d: d.execute_script("return document.body.dataset.connection") == "online", message="not online")
    if role == "player":
        wait(driver, lambda d: text(d, "#team-name") not in ("", "Loading…"), message="no team shown")


def phase(driver):
    return css(driver, "[data-field=phase]").text


def wait_phase(driver, name, timeout=15):
    wait(driver, lambda d: phase(d).startswith(name), timeout, message=lambda d: f"phase is {phase(d)!r}, not {name}")


def console_click(driver, button_id, expect_status=None):
    wait(driver, lambda d: css(d, f"#{button_id}").is_enabled(), message=f"#{button_id} stays disabled")
    click(driver, f"#{button_id}")
    if expect_status:
        wait(driver, lambda d: expect_status in text(d, "#controls-status"), message=lambda d: f"status: {text(d, '#controls-status')!r}")


def class_in_negotiation(browsers, server, teams=("dprk", "rok"), names=("Kim", "Lee"), turns=1):
    """The instructor's console and one student per team (in `teams`, named `names`), the match started and moved on
    to the negotiation: (teacher, [students], code)."""
    teacher = browsers()
    students = [browsers() for _ in teams]
    code = create_room(teacher, server, phases=LONG, turns=turns)
    for d, team, name in zip(students, teams, names):
        join(d, server, code, name, team=team)
    console_click(teacher, "start", "started")
    wait_phase(students[0], "Briefing")
    console_click(teacher, "skip", "Phase ended")
    for d in students:
        wait_phase(d, "Negotiation")
    return teacher, students, code


def in_page(driver, body):
    """Runs `body` in the page, with its `game` and `session`, until it calls done(result)."""
    return driver.execute_async_script("const done = arguments[arguments.length - 1]; const { game, session } = window.armistice;\n" + body)


def accept_the_deal(driver):
    """The student's team accepts the one open deal (as its Accept button does)."""
    wait(driver, lambda d: game_value(d, "(g.view.deals || []).length") == 1)
    assert in_page(driver, "session.request({ type: 'respond_deal', deal: game.view.deals[0].id, accept: true }).then(() => done(true), (e) => done(String(e)));") is True


def class_with_a_deal_past_the_budget(browsers, server):
    """`class_in_negotiation` with Alex on the USA and Kim on the DPRK; the USA drafts up to its budget (its costliest
    actions that take no parameters and need no one's consent, while they fit), then proposes a deal, the DPRK restoring
    contact, that orders one more of its actions. Once Kim accepts it (`accept_the_deal`), the deal's step is paid first
    and the USA is over its budget. Returns (teacher, alex, kim, budget, cost): cost, the USA's draft and step together."""
    teacher, (alex, kim), _code = class_in_negotiation(browsers, server, teams=("usa", "dprk"), names=("Alex", "Kim"))
    over = in_page(alex, """
        const budget = game.team('usa').budget;
        const actions = game.view.actions.filter((a) => !(a.params || []).length && !(a.consent_from || []).length).sort((a, b) => b.cost - a.cost);
        const orders = []; let cost = 0;
        for (const a of actions) if (cost + a.cost <= budget) { orders.push({ action: a.id, params: {} }); cost += a.cost; }
        const extra = actions.find((a) => !orders.some((o) => o.action === a.id) && cost + a.cost > budget);
        session.request({ type: 'set_orders', orders, consents: {} })
          .then(() => session.request({ type: 'propose_deal', commitments: [{ team: 'usa', action: extra.id, params: {} }, { team: 'dprk', action: 'restore_contact', params: {} }] }))
          .then(() => done([budget, cost + extra.cost]), (e) => done(String(e.message || e)));
    """)
    assert isinstance(over, list), over
    budget, cost = over
    return teacher, alex, kim, budget, cost


def open_projector(browsers, server, code):
    """A 1920×1080 projector showing the room's board."""
    projector = browsers(1920, 1080)
    projector.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1920, "height": 1080, "deviceScaleFactor": 1, "mobile": False})
    projector.get(server.url(f"board.html?room={code}"))
    wait(projector, lambda d: text(d, "#join-code") == code)
    return projector


def class_in_briefing_with_projector(browsers, server, turns=1):
    """The console, Kim on the DPRK and a projector; the match started, in the briefing: (teacher, kim, projector, code)."""
    teacher, kim = browsers(), browsers()
    code = create_room(teacher, server, phases=LONG, turns=turns)
    join(kim, server, code, "Kim", team="dprk")
    projector = open_projector(browsers, server, code)
    console_click(teacher, "start", "started")
    wait_phase(kim, "Briefing")
    return teacher, kim, projector, code


def skip_a_turn(teacher, student):
    """From the briefing, the instructor ends each phase until the turn is adjudicated."""
    for phase in ("Negotiation", "Orders"):
        console_click(teacher, "skip", "Phase ended")
        wait_phase(student, phase)
    console_click(teacher, "skip", "Phase ended")


def open_channel(driver, channel):
    click(driver, f"#chat [data-channel='{channel}']")
    wait(driver, lambda d: css(d, f"#chat [data-channel='{channel}']").get_attribute("aria-selected") == "true")


def send_chat(driver, channel, message):
    open_channel(driver, channel)
    box = css(driver, "#chat textarea")
    driver.execute_script("arguments[0].value = arguments[1];", box, message)
    click(driver, "#chat .chat-form button[type=submit]")
    wait(driver, lambda d: any(m.text == message for m in d.find_elements(By.CSS_SELECTOR, "#chat .msg-text")),
         message="own message not shown")


def game_value(driver, expression):
    return driver.execute_script(f"const g = window.armistice.game; return {expression};")


def propose_contact_deal(proposer, note="", expect="Deal proposed"):
    """A DPRK student proposes: the DPRK restores contact, the ROK consults its alliance working group. `expect` is
    the start of the confirmation in the page's language."""
    click(proposer, "#propose-box summary")
    wait(proposer, lambda d: d.find_elements(By.CSS_SELECTOR, ".commitment-row"))
    Select(css(proposer, ".commitment-row .cm-action")).select_by_value("restore_contact")
    click(proposer, "#add-commitment")
    rows = proposer.find_elements(By.CSS_SELECTOR, ".commitment-row")
    Select(rows[1].find_element(By.CSS_SELECTOR, ".cm-team")).select_by_value("rok")
    Select(rows[1].find_element(By.CSS_SELECTOR, "select.cm-action")).select_by_value("alliance_working_group")
    if note:
        css(proposer, "#deal-note").send_keys(note)
    click(proposer, "#propose-form button[type=submit]")
    wait(proposer, lambda d: expect in text(d, "#deal-status"), message=lambda d: f"deal: {text(d, '#deal-status')}")


def lock_in(driver):
    """Locks the team's orders: the button asks for a confirmation first."""
    click(driver, "#lock")
    wait(driver, lambda d: "Confirm" in text(d, "#lock"))
    click(driver, "#lock")
