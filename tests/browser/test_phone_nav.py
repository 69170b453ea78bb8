"""A student's phone: the section menu reaches every part of the page (the situation, the orders, the talks, the
news, the results and the brief with its objectives) and stays on screen under the game bar while the page scrolls;
a section it jumps to starts below both, not hidden under them."""

from selenium.webdriver.common.by import By

from conftest import js_errors, wait
from pages import LONG, create_room, join, text


def rect(driver, selector):
    return driver.execute_script("const r = document.querySelector(arguments[0]).getBoundingClientRect(); return {top: r.top, bottom: r.bottom};", selector)


def test_the_phone_menu_stays_on_screen_and_reaches_the_results_and_the_brief(server, browsers):
    teacher = browsers()
    code = create_room(teacher, server, phases=LONG)
    phone = browsers(390, 844, mobile=True)
    join(phone, server, code, "Lee", team="rok")
    links = phone.find_elements(By.CSS_SELECTOR, ".mobile-nav a")
    assert [a.get_attribute("hash") for a in links] == ["#situation", "#orders-panel", "#talks", "#news", "#results-title", "#brief-box"]
    assert [a.text for a in links] == ["Situation", "Orders", "Talks", "News", "Results", "Brief"]
    # Every link fits the phone's width, on one line.
    assert phone.execute_script("const n = document.querySelector('.mobile-nav'); return n.scrollWidth <= n.clientWidth")
    assert len({a.rect["y"] for a in links}) == 1, [a.rect for a in links]

    # Far down the page, the menu is still there, right under the game bar.
    phone.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    wait(phone, lambda d: d.execute_script("return window.scrollY") > 1000)
    bar, nav = rect(phone, ".gamebar"), rect(phone, ".mobile-nav")
    assert abs(nav["top"] - bar["bottom"]) <= 1, (bar, nav)

    # Results: its heading comes into view below the menu.
    phone.execute_script("window.scrollTo(0, 0)")
    links[4].click()
    wait(phone, lambda d: 0 < rect(d, "#results-title")["top"] < 844, message=lambda d: rect(d, "#results-title"))
    assert rect(phone, "#results-title")["top"] >= rect(phone, ".mobile-nav")["bottom"] - 1, (rect(phone, "#results-title"), rect(phone, ".mobile-nav"))

    # Brief: opened, its summary in view below the menu.
    phone.execute_script("window.scrollTo(0, 0)")
    links[5].click()
    wait(phone, lambda d: d.execute_script("return document.querySelector('#brief-box').open"), message="the brief stays closed")
    wait(phone, lambda d: 0 < rect(d, "#brief-box")["top"] < 844, message=lambda d: rect(d, "#brief-box"))
    assert rect(phone, "#brief-box")["top"] >= rect(phone, ".mobile-nav")["bottom"] - 1
    assert text(phone, "#brief") != ""
    assert js_errors(phone) == []
