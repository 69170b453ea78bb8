"""What an outside tester found playing a class in Chromium (REPORT-browser): a removed student is told why, on the
front page, in its language; number parameters are checked beside their field; a language switch redraws the whole
page; the deal form offers a team only the consents it has a say on; and the other findings of that report."""

import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import js_errors, wait
from pages import LONG, class_in_negotiation, click, console_click, create_room, css, game_value, join, text, wait_phase
from test_korean import join_in_korean, korean_browser


def test_a_removed_student_is_told_why_on_the_front_page_in_its_language(server, browsers):
    teacher, jordan = browsers(), browsers()
    code = create_room(teacher, server, phases=LONG)
    join(jordan, server, code, "Jordan", team="dprk")
    seat = game_value(jordan, "g.you.seat")
    row = css(teacher, f"tr[data-seat='{seat}']")
    click(teacher, row.find_element(By.CSS_SELECTOR, f"#remove-{seat}"))
    click(teacher, f"#remove-{seat}")
    # At once: the reason on top, the header no longer says Connected, and the team's view is gone.
    wait(jordan, lambda d: text(d, "#notice") == "The instructor removed you from the room.", message=lambda d: text(d, "#notice"))
    assert text(jordan, "#connection") == "Not in the room"
    assert not css(jordan, "#orders-panel").is_displayed() and not css(jordan, "#situation").is_displayed()
    # Then the front page, with the code filled in and the reason said (a code in the URL, never words).
    wait(jordan, lambda d: "index.html" in d.current_url, 10)
    assert "lost=removed_by_instructor" in jordan.current_url and "message=" not in jordan.current_url
    wait(jordan, lambda d: text(d, "#notice") == "The instructor removed you from the room.", message=lambda d: text(d, "#notice"))
    assert css(jordan, "#join-code").get_attribute("value") == code
    click(jordan, ".lang-switch button[data-lang=ko]")
    wait(jordan, lambda d: text(d, "#notice") == "교사가 방에서 내보냈습니다.", message=lambda d: text(d, "#notice"))
    assert js_errors(jordan) == []


def in_view(driver, selector):
    return driver.execute_script("const r = document.querySelector(arguments[0]).getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.height > 0", selector)


def test_a_number_out_of_range_is_refused_beside_its_field_naming_its_label_and_range(server, browsers):
    teacher = browsers()
    usa, rok = browsers(), korean_browser(browsers, 390, 844, mobile=True)
    code = create_room(teacher, server, phases=LONG)
    join(usa, server, code, "Alex", team="usa")
    join_in_korean(rok, server, code, "rok", "이서준")
    console_click(teacher, "start", "started")
    console_click(teacher, "skip", "Phase ended")
    wait_phase(usa, "Negotiation")
    # The field starts at 1: typing 5 makes 15. Nothing is sent; the message is beside the field, which has the focus.
    field = "#act-maximum_pressure-amount"
    click(usa, field)
    css(usa, field).send_keys("5")
    click(usa, "#act-maximum_pressure-add")
    wait(usa, lambda d: text(d, f"{field}-error") == "Rounds of designations must be a whole number from 1 to 2 (not 15).", message=lambda d: text(d, f"{field}-error"))
    assert css(usa, field).get_attribute("aria-invalid") == "true" and css(usa, field).get_attribute("aria-describedby") == f"{field[1:]}-error"
    assert usa.switch_to.active_element.get_attribute("id") == field[1:]
    assert game_value(usa, "(g.view.orders.usa || {orders: []}).orders.length") == 0
    # Typing again clears it; a value in range is sent.
    css(usa, field).send_keys("\b")
    wait(usa, lambda d: text(d, f"{field}-error") == "")
    click(usa, "#act-maximum_pressure-add")
    wait(usa, lambda d: game_value(d, "(g.view.orders.usa || {orders: []}).orders.length") == 1, message=lambda d: text(d, "#orders-status"))
    # On a phone, in Korean: the message is on screen, in Korean, with the scenario's label.
    wait_phase(rok, "협상")
    field = "#act-fund_aid-amount"
    rok.execute_script("document.querySelector(arguments[0]).value = '5'", field)
    click(rok, "#act-fund_aid-add")
    wait(rok, lambda d: text(d, f"{field}-error") == "지원 규모 값은 1에서 2 사이의 정수여야 합니다 (입력한 값 5).", message=lambda d: text(d, f"{field}-error"))
    assert in_view(rok, f"{field}-error"), "the message is off screen on the phone"
    assert js_errors(usa) == [] and js_errors(rok) == []


HANGUL = re.compile(r"[\uac00-\ud7a3]")


def test_switching_language_redraws_the_deal_forms_rows_and_the_status_lines(server, browsers):
    teacher, (alex,), code = class_in_negotiation(browsers, server, teams=("usa",), names=("Alex",))
    first = alex.find_element(By.CSS_SELECTOR, "#actions button[id$=-add]:not([disabled])")
    click(alex, first)
    wait(alex, lambda d: text(d, "#orders-status") == "Draft saved; your teammates see it.", message=lambda d: text(d, "#orders-status"))
    click(alex, "#propose-box summary")
    wait(alex, lambda d: d.find_elements(By.CSS_SELECTOR, ".commitment-row select.cm-action option"))
    click(alex, ".lang-switch button[data-lang=ko]")
    # The row made before the switch lists the actions in Korean once the server's Korean snapshot has come, and the
    # status line under the draft is said again in Korean.
    options = lambda d: [o.text for o in d.find_elements(By.CSS_SELECTOR, ".commitment-row select.cm-action option")]
    wait(alex, lambda d: options(d) and all(HANGUL.search(o) for o in options(d)), message=lambda d: options(d))
    wait(alex, lambda d: HANGUL.search(text(d, "#orders-status")), message=lambda d: text(d, "#orders-status"))
    assert text(alex, ".commitment-row .cm-team-label") == "팀"
    assert js_errors(alex) == []


def test_my_rooms_in_korean_says_a_refusal_in_korean_names_buttons_by_match_and_keeps_a_korean_name_in_the_file(server, browsers):
    from test_archive import add_teacher, bot_match, sign_in, wait_finished
    secret = add_teacher(server, "Ms Archive")
    code = bot_match(server, secret, "Ms Archive")
    wait_finished(server, secret, code)
    d = korean_browser(browsers)
    d.get(server.url("archive.html"))
    row = sign_in(d, secret, code, refused="")
    names = [b.get_attribute("aria-label") for b in d.find_elements(By.CSS_SELECTOR, f"{row} button[data-action]")]
    assert names and all(n.startswith(f"{code} ") for n in names), names
    # An unknown teacher id: refused in the page's language.
    css(d, f"{row} button[data-action=share]").click()
    wait(d, lambda d: d.switch_to.alert, message="no prompt")
    d.switch_to.alert.send_keys("nobody-here")
    d.switch_to.alert.accept()
    wait(d, lambda d: "다른 교사가 없습니다" in text(d, "#rooms-status"), message=lambda d: text(d, "#rooms-status"))
    # A Korean name keeps its letters in the export's file name; the status follows a switch of language.
    d.execute_script("window.saved = []; HTMLAnchorElement.prototype.click = function () { window.saved.push(this.download); };")
    css(d, "#export-name").send_keys("김민지")
    css(d, "#export-submit").click()
    wait(d, lambda d: d.execute_script("return window.saved.length"), message=lambda d: text(d, "#export-status"))
    assert d.execute_script("return window.saved") == ["armistice-student-김민지.json"]
    wait(d, lambda d: HANGUL.search(text(d, "#export-status")))
    click(d, ".lang-switch button[data-lang=en]")
    wait(d, lambda d: "downloaded" in text(d, "#export-status"), message=lambda d: text(d, "#export-status"))


def test_a_consent_commitment_lists_only_the_actions_the_chosen_team_has_a_say_on(server, browsers):
    teacher, (lee,), code = class_in_negotiation(browsers, server, teams=("rok",), names=("Lee",))
    click(lee, "#propose-box summary")
    wait(lee, lambda d: d.find_elements(By.CSS_SELECTOR, ".commitment-row"))
    row = css(lee, ".commitment-row")
    Select(row.find_element(By.CSS_SELECTOR, ".cm-team")).select_by_value("un")
    Select(row.find_element(By.CSS_SELECTOR, ".cm-kind")).select_by_value("consent")
    offered = {o.get_attribute("value") for o in css(lee, ".commitment-row").find_elements(By.CSS_SELECTOR, "select.cm-action option")}
    has_say = set(game_value(lee, "g.view.catalog.filter((a) => (a.consent_from || []).includes('un')).map((a) => a.id)"))
    assert has_say and offered == has_say, (offered, has_say)
    assert "admit_inspectors" in offered and "missile_test" not in offered
    # An option names whose action it is without nesting parentheses in a team's name.
    label = [o.text for o in css(lee, ".commitment-row").find_elements(By.CSS_SELECTOR, "select.cm-action option") if o.get_attribute("value") == "admit_inspectors"][0]
    assert label.startswith("Admit IAEA inspectors — "), label
    assert js_errors(lee) == []


def test_the_create_forms_help_keeps_the_instructor_key_option_whole(server, browsers):
    d = browsers(390, 844, mobile=True)
    d.get(server.url("index.html"))
    css(d, "#create-details summary").click()
    codes = [c for c in d.find_elements(By.CSS_SELECTOR, "#create-key-hint code") if c.text.startswith("--")]
    assert codes
    # At every width of the hint's box: the option is on one line.
    for width in range(200, 700, 7):
        d.execute_script("arguments[0].style.width = arguments[1] + 'px'", css(d, "#create-key-hint"), width)
        for c in codes:
            assert d.execute_script("return arguments[0].getClientRects().length", c) == 1, f"{c.text} is broken across lines at {width} px"
