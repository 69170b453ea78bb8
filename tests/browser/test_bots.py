"""Issue 15, bots at the table, in the browser: the create form's "played by" and absent rule, the bot badge on the
student page, the console and the projector, and the instructor putting a bot on and taking it off (set_bot)."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import OUTPUT, InstructorSocket, js_errors, screenshot, wait
from pages import LONG, click, console_click, create_room, css, join, text, wait_phase
from test_accessibility import match, violations  # noqa: F401 (match is a fixture)


def chip(driver, team):
    """The team's line in the teams strip (student page, projector)."""
    return css(driver, f"#teams [data-team={team}]").text


def column(driver, team):
    return css(driver, f"[data-team={team}].team-column").text


def test_the_create_form_seats_bots_and_every_page_shows_the_badge(server, browsers):
    teacher, kim, projector = browsers(), browsers(), browsers()
    code = create_room(teacher, server, phases=LONG, turns=2, bots={"usa": "greedy", "un": "approve-all"}, absent="hold")

    # The room was created with the bots and the absent rule the form chose.
    audit = InstructorSocket(server, code)
    try:
        bots = {r["team"]: r["bot"] for r in audit.snapshot["roster"] if r.get("bot")}
        assert bots == {"usa": "greedy", "un": "approve-all"}, bots
        assert audit.snapshot["settings"].get("absent") == "hold", audit.snapshot["settings"]
    finally:
        audit.close()

    # The console: a badge on each bot's team column, the absent rule in words, bot seats in the roster.
    wait(teacher, lambda d: "bot (greedy)" in column(d, "usa"), message=lambda d: column(d, "usa"))
    assert "bot (approve-all)" in column(teacher, "un")
    assert "bot" not in column(teacher, "dprk").split("\n")[0], "a team with no bot has no badge"
    assert "they hold" in text(teacher, "#absent-rule")
    roster = text(teacher, "#roster")
    assert "United States bot" in roster and "United States: bot (greedy)" in roster
    assert teacher.find_elements(By.CSS_SELECTOR, "#roster tr[data-bot=greedy] button[id^=botoff-]"), "a bot seat is taken off, not moved"

    # The student page and the projector show the badge on the teams played by bots, in words.
    join(kim, server, code, "Kim", team="dprk")
    projector.get(server.url(f"board.html?room={code}"))
    wait(projector, lambda d: text(d, "#join-code") == code)
    for d in (kim, projector):
        wait(d, lambda d: "bot (greedy)" in chip(d, "usa"), message=lambda d: chip(d, "usa"))
        assert "no students: the bot plays" in chip(d, "usa")
        assert "bot (approve-all)" in chip(d, "un")
        assert "bot" not in chip(d, "dprk")
        badge = css(d, "#teams [data-team=usa] .badge.bot")
        assert badge.get_attribute("title").startswith("United States is played by a bot (greedy)")
        # The emoji is decoration: hidden from screen readers, the words carry the meaning.
        assert css(d, "#teams [data-team=usa] .bot-mark").get_attribute("aria-hidden") == "true"
    # Kim's own team has no bot: nothing in her team box.
    assert text(kim, "#team-bot") == ""

    console_click(teacher, "start", "started")
    console_click(teacher, "skip", "Phase ended")
    wait_phase(kim, "Negotiation")
    wait_phase(projector, "Negotiation")
    screenshot(kim, "bots-student-badges")
    screenshot(projector, "bots-projector-badges")
    screenshot(teacher, "bots-console-badges")
    # The bots drafted as negotiation opened (they lock when orders open): the console shows their drafts.
    wait(teacher, lambda d: "No orders drafted" not in column(d, "usa"), message=lambda d: column(d, "usa"))

    found = {name: violations(d, f"bots-{name}") for name, d in (("play", kim), ("console", teacher), ("board", projector))}
    assert not any(found.values()), found
    for d in (teacher, kim, projector):
        assert not js_errors(d), js_errors(d)


def test_the_instructor_puts_a_bot_on_and_takes_it_off(match):
    """`match`: a room in negotiation with Kim (DPRK), the console and the projector open, no bots."""
    teacher, kim, projector = match["teacher"], match["kim"], match["projector"]
    assert not teacher.find_elements(By.CSS_SELECTOR, "#bot-off-un"), "no bot to take off yet"

    # Mid-match, a random bot on the United Nations: feedback under the columns, the badge everywhere.
    Select(css(teacher, "#bot-policy-un")).select_by_value("random")
    click(teacher, "#bot-on-un")
    wait(teacher, lambda d: "A random bot now plays United Nations" in text(d, "#bots-status"), message=lambda d: text(d, "#bots-status"))
    wait(teacher, lambda d: "bot (random)" in column(d, "un"))
    for d in (kim, projector):
        wait(d, lambda d: "bot (random)" in chip(d, "un"), message=lambda d: chip(d, "un"))
    # The bot drafted for its team at once (negotiation is open).
    wait(teacher, lambda d: "No orders drafted" not in column(d, "un"), message=lambda d: column(d, "un"))
    # The policy chosen stays chosen across the console's re-renders; the button now changes the bot.
    assert Select(css(teacher, "#bot-policy-un")).first_selected_option.get_attribute("value") == "random"
    assert text(teacher, "#bot-on-un") == "Change the bot"
    screenshot(teacher, "bots-console-put-on")
    screenshot(projector, "bots-projector-put-on")

    # A bot on Kim's own team stands by while she is online; her team box says when it plays.
    Select(css(teacher, "#bot-policy-dprk")).select_by_value("greedy")
    click(teacher, "#bot-on-dprk")
    wait(kim, lambda d: "bot (greedy) plays when you are all offline" in text(d, "#team-bot"), message=lambda d: text(d, "#team-bot"))
    wait(kim, lambda d: "bot (greedy), standing by" in chip(d, "dprk"), message=lambda d: chip(d, "dprk"))
    assert "Kim" in chip(kim, "dprk") and "DPRK (North Korea) bot" not in chip(kim, "dprk"), "the bot is not listed as a player"
    screenshot(kim, "bots-student-own-team-bot")

    # Changing the policy replaces the bot.
    Select(css(teacher, "#bot-policy-un")).select_by_value("idle")
    click(teacher, "#bot-on-un")
    wait(projector, lambda d: "bot (idle)" in chip(d, "un"), message=lambda d: chip(d, "un"))
    assert len(teacher.find_elements(By.CSS_SELECTOR, "#roster tr[data-bot]")) == 2

    # Taking the bots off: from the team column, then from the roster.
    click(teacher, "#bot-off-un")
    wait(teacher, lambda d: "The bot is off United Nations" in text(d, "#bots-status"), message=lambda d: text(d, "#bots-status"))
    for d in (kim, projector):
        wait(d, lambda d: "bot" not in chip(d, "un"), message=lambda d: chip(d, "un"))
    assert not teacher.find_elements(By.CSS_SELECTOR, "#bot-off-un")
    assert text(teacher, "#bot-on-un") == "Put a bot on"
    click(teacher, "#roster tr[data-bot=greedy] button[id^=botoff-]")
    wait(kim, lambda d: text(d, "#team-bot") == "", message=lambda d: text(d, "#team-bot"))
    wait(teacher, lambda d: "The bot is off DPRK (North Korea)" in text(d, "#bots-status"))
    screenshot(teacher, "bots-console-taken-off")

    # Taking off a bot that is not there is refused with the server's words.
    teacher.execute_script("window.armistice.session.request({type: 'set_bot', team: 'un'}).catch((e) => { window.lastBotError = e.message; })")
    wait(teacher, lambda d: d.execute_script("return window.lastBotError || ''"), message="no refusal")
    assert "no bot to take off" in teacher.execute_script("return window.lastBotError")
    for d in (teacher, kim, projector):
        assert not js_errors(d), js_errors(d)


def test_the_create_form_with_its_bot_fields_meets_wcag_2_1_aa(server, browsers):
    front = browsers()
    front.get(server.url("index.html"))
    css(front, "#create-details summary").click()
    click(front, "#load-rulesets")
    wait(front, lambda d: d.find_elements(By.CSS_SELECTOR, "#create-bot-usa"), message="no per-team bot fields")
    # One "played by" select per team of the chosen scenario, labelled with the team's name; students by default.
    labels = [e.text for e in front.find_elements(By.CSS_SELECTOR, "#create-bot-seats label")]
    assert labels == ["DPRK (North Korea) played by", "ROK (South Korea) played by", "United States played by", "United Nations played by"], labels
    assert Select(css(front, "#create-bot-usa")).first_selected_option.text == "students"
    assert Select(css(front, "#create-absent")).first_selected_option.get_attribute("value") == "nothing"
    # Another scenario: its own teams.
    Select(css(front, "#create-ruleset")).select_by_value("coral_strait")
    wait(front, lambda d: d.find_elements(By.CSS_SELECTOR, "#create-bot-tervane"))
    Select(css(front, "#create-bot-tervane")).select_by_value("greedy")
    Select(css(front, "#create-absent")).select_by_value("bot")
    # The bot fields are below the fold: the capture is of the form itself.
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "bots-create-form.png").write_bytes(css(front, "#create-bots").find_element(By.XPATH, "..").screenshot_as_png)
    assert not violations(front, "bots-index-create-open")


def test_the_projector_still_fits_1920_by_1080_with_three_bots(server, browsers):
    teacher, kim = browsers(), browsers()
    projector = browsers(1920, 1080)
    projector.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1920, "height": 1080, "deviceScaleFactor": 1, "mobile": False})
    code = create_room(teacher, server, phases=LONG, turns=1, bots={"rok": "greedy", "usa": "block-all", "un": "approve-all"})
    join(kim, server, code, "Kim", team="dprk")
    projector.get(server.url(f"board.html?room={code}"))
    wait(projector, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#teams .badge.bot")) == 3, message="not three bot badges")
    console_click(teacher, "start", "started")
    console_click(teacher, "skip", "Phase ended")
    wait_phase(projector, "Negotiation")
    height = projector.execute_script("return document.documentElement.scrollHeight")
    (OUTPUT / "bots-projector-1920x1080.png").write_bytes(projector.get_screenshot_as_png())
    assert height <= 1080, f"the board is {height} px tall with three bots"
    # The badge reads from the back of the room: 16 px or more.
    size = projector.execute_script("return parseFloat(getComputedStyle(document.querySelector('#teams .badge.bot')).fontSize)")
    assert size >= 16, size
