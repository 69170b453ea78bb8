"""My rooms (archive.html) at phone width: nothing runs off the right edge; each match reads as a card, each value
with its column's name, and its buttons within reach (outside tester qa8 W7: 512 px wide on a 390 px phone). In real
browsers against the real server."""

from selenium.webdriver.common.by import By

from conftest import OUTPUT, js_errors, wait
from pages import css, text
from test_archive import bot_match, wait_finished


def test_my_rooms_fits_a_phone(server, browsers):
    code = bot_match(server, server.key, "Admin")
    wait_finished(server, server.key, code)
    d = browsers(390, 844, mobile=True)
    d.get(server.url("archive.html"))
    css(d, "#signin-secret").send_keys(server.key)
    css(d, "#signin-submit").click()
    row = f"tr[data-code='{code}'][data-state='finished']"
    wait(d, lambda d: d.find_elements(By.CSS_SELECTOR, row), message=lambda d: text(d, "#rooms-status") + text(d, "#signin-status"))
    m = d.execute_script("""
        const row = document.querySelector(arguments[0]);
        const right = (n) => Math.round(n.getBoundingClientRect().right);
        return { page: document.documentElement.scrollWidth, screen: innerWidth,
                 buttons: Math.max(...[...row.querySelectorAll('button')].map(right)), whoami: right(document.querySelector('#whoami')),
                 labels: [...row.querySelectorAll('td')].map((c) => getComputedStyle(c, '::before').content) };""", row)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "archive-phone-390.png").write_bytes(d.get_screenshot_as_png())
    assert m["page"] <= m["screen"], m
    assert m["buttons"] <= m["screen"] and m["whoami"] <= m["screen"], m
    # Stacked, each value says which column it is.
    assert '"Scenario"' in m["labels"] and '"Players"' in m["labels"], m
    assert not js_errors(d)
