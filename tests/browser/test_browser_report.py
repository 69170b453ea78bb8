"""What an outside tester found playing a class in Chromium (REPORT-browser): a removed student is told why, on the
front page, in its language; number parameters are checked beside their field; a language switch redraws the whole
page; the deal form offers a team only the consents it has a say on; and the other findings of that report."""

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
