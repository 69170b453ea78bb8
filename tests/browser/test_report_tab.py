"""qa5 Confusing #13: the console's (and the archive's) Report button opened a blank tab that stayed blank for seconds
while the server made the report; the tester closed it, thinking it had failed. The tab now says "Preparing the
report…" (in the page's language) until the report comes."""

from conftest import wait
from pages import LONG, click, console_click, create_room, text

# The server's answer for a ticket is held back 4 s, as on a loaded machine.
SLOW = """
  const fetch0 = window.fetch;
  window.fetch = (url, options) => String(url).includes('/ticket')
    ? new Promise((resolve) => setTimeout(resolve, 4000)).then(() => fetch0(url, options)) : fetch0(url, options);
"""


def opened_tab(driver, before):
    wait(driver, lambda d: len(d.window_handles) > len(before), message="no new tab")
    return next(h for h in driver.window_handles if h not in before)


def test_the_report_tab_says_it_is_being_prepared(server, browsers):
    teacher = browsers()
    create_room(teacher, server, phases=LONG)
    console_click(teacher, "start", "started")
    console_click(teacher, "end")
    console_click(teacher, "end", "ended")
    wait(teacher, lambda d: d.find_elements("css selector", "#open-report"), message="no Report button")
    for which, words, lang in (("report", "Preparing the report…", "en"), ("replay", "다시 보기를 준비하고 있습니다…", "ko")):
        if lang == "ko":
            click(teacher, ".lang-switch button[data-lang=ko]")
        teacher.execute_script(SLOW)
        console = teacher.current_window_handle
        before = list(teacher.window_handles)
        click(teacher, f"#open-{which}")
        tab = opened_tab(teacher, before)
        teacher.switch_to.window(tab)
        wait(teacher, lambda d: d.execute_script("return document.body ? document.body.textContent : ''") == words,
             message=lambda d: repr(d.execute_script("return document.body ? document.body.textContent : ''")))
        assert teacher.title == words
        assert teacher.execute_script("return document.documentElement.lang") == lang
        # Then the report (or the replay) replaces it.
        wait(teacher, lambda d: d.current_url.startswith("http"), 30, message=lambda d: d.current_url)
        wait(teacher, lambda d: d.execute_script("return document.readyState") == "complete" and words not in d.find_element("tag name", "body").text, 30)
        teacher.close()
        teacher.switch_to.window(console)
