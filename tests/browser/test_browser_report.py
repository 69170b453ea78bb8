"""What an outside tester found playing a class in Chromium (REPORT-browser): a removed student is told why, on the
front page, in its language; number parameters are checked beside their field; a language switch redraws the whole
page; the deal form offers a team only the consents it has a say on; and the other findings of that report."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import js_errors, wait
from pages import LONG, class_in_negotiation, click, create_room, css, game_value, join, text


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
