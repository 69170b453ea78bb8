"""qa5 Wrong #3: the chat box had maxlength=500, so a pasted 600-character message lost its last 100 characters without
a word. As the terminal does, the box keeps all of it, a counter shows near the limit, and sending refuses with both
numbers, the text staying in the box."""

from selenium.webdriver.common.by import By

from conftest import js_errors, wait
from pages import class_in_negotiation, click, css, open_channel, text


def paste(driver, words):
    """Types `words` into the chat box as a paste or an IME does (the browser applies maxlength to it)."""
    box = css(driver, "#chat textarea")
    box.click()
    driver.execute_cdp_cmd("Input.insertText", {"text": words})


def counter(driver):
    return driver.execute_script("const n = document.querySelector('#chat .chat-count'); return n.hidden ? '' : n.textContent + '|' + (n.dataset.kind || '');")


def test_a_long_pasted_message_is_kept_counted_and_refused_with_its_length(server, browsers):
    _teacher, (kim, park), _code = class_in_negotiation(browsers, server)
    open_channel(kim, "all")
    paste(kim, "x" * 350)
    assert counter(kim) == "", "no counter far from the limit"
    paste(kim, "y" * 250)
    assert len(css(kim, "#chat textarea").get_attribute("value")) == 600, "the paste was cut"
    wait(kim, lambda d: counter(d) == "600/500|error", message=lambda d: counter(d))
    click(kim, "#chat .chat-form button[type=submit]")
    wait(kim, lambda d: text(d, "#chat .form-status") == "Not sent: the message is 600 characters and a message may have 500; "
         "shorten it or send it in parts (it stays in the box).", message=lambda d: text(d, "#chat .form-status"))
    assert css(kim, "#chat .form-status").get_attribute("data-kind") == "error"
    assert len(css(kim, "#chat textarea").get_attribute("value")) == 600, "the text stays in the box"
    # Shortened to 450, the counter still shows, unmarked, and the message goes.
    kim.execute_script("const box = document.querySelector('#chat textarea'); box.value = box.value.slice(0, 450); box.dispatchEvent(new Event('input'));")
    assert counter(kim) == "450/500|"
    click(kim, "#chat .chat-form button[type=submit]")
    wait(park, lambda d: any(len(m.text) == 450 for m in d.find_elements(By.CSS_SELECTOR, "#chat .msg-text")), message="not received")
    wait(kim, lambda d: css(d, "#chat textarea").get_attribute("value") == "" and counter(d) == "")
    assert text(kim, "#chat .form-status") == ""
    assert not js_errors(kim)


def test_the_korean_page_says_the_refusal_in_korean(server, browsers):
    _teacher, (_kim, park), _code = class_in_negotiation(browsers, server)
    click(park, ".lang-switch button[data-lang=ko]")
    wait(park, lambda d: d.execute_script("return document.documentElement.lang") == "ko")
    open_channel(park, "all")
    paste(park, "가" * 501)
    wait(park, lambda d: counter(d) == "501/500|error", message=lambda d: counter(d))
    click(park, "#chat .chat-form button[type=submit]")
    wait(park, lambda d: text(d, "#chat .form-status") == "보내지 않았습니다: 메시지가 501자이고 한 번에 500자까지 보낼 수 있습니다. "
         "줄이거나 나눠서 보내세요(글은 입력란에 남아 있습니다).", message=lambda d: text(d, "#chat .form-status"))
