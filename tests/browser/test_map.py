"""Issue 13, item 10: the scenario's map on the projector and the student board, each place showing its track, flag
or project in the scenario's words, with what changed over the last turn; and the instructor's event preview."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import OUTPUT, js_errors, screenshot, wait
from pages import LONG, click, console_click, create_room, css, join, text, wait_phase



def key(driver, pid):
    """A place's line in the map's key, and its title in the drawing: both say its state (read in one go: the map is
    drawn anew when the view changes)."""
    return driver.execute_script(f"""return document.querySelector('.map-list li[data-place={pid}]').textContent + ' | '
        + document.querySelector('svg.map-svg [data-place={pid}] > title').textContent""")


def place_class(driver, pid):
    return driver.execute_script(f"return document.querySelector('svg.map-svg [data-place={pid}]')?.getAttribute('class') || ''")


def test_the_map_shows_each_places_state_and_what_changed_on_the_projector_and_the_student_board(server, browsers):
    teacher, kim, lee = browsers(), browsers(), browsers()
    projector = browsers(1920, 1080)
    projector.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1920, "height": 1080, "deviceScaleFactor": 1, "mobile": False})
    code = create_room(teacher, server, phases=LONG, turns=2)
    join(kim, server, code, "Kim", team="dprk")
    join(lee, server, code, "Lee", team="rok")
    projector.get(server.url(f"board.html?room={code}"))
    wait(projector, lambda d: d.find_elements(By.CSS_SELECTOR, "svg.map-svg [data-place=yongbyon]"), message="no map on the projector")

    # The peninsula, the DMZ and the places, in the scenario's words; a title and a description for screen readers.
    svg = css(projector, "svg.map-svg")
    assert svg.get_attribute("role") == "img"
    assert projector.execute_script("return document.querySelector('svg.map-svg title').textContent") == "The Korean peninsula"
    assert projector.find_elements(By.CSS_SELECTOR, "svg.map-svg [data-shape=dmz]")
    for pid in ("yongbyon", "kaesong", "jsa", "guard_posts", "mt_kumgang", "rail_links", "west_sea"):
        assert projector.find_elements(By.CSS_SELECTOR, f"svg.map-svg [data-place={pid}]"), pid
    assert "complex closed since 2016" in key(projector, "kaesong")
    assert "ground broken" in key(projector, "rail_links")
    # A place bound to a track only the DPRK sees is on Kim's map and nowhere else.
    wait(kim, lambda d: d.find_elements(By.CSS_SELECTOR, "svg.map-svg [data-place=smuggling]"), message="Kim has no smuggling place")
    assert not projector.find_elements(By.CSS_SELECTOR, "[data-place=smuggling]")
    assert not lee.find_elements(By.CSS_SELECTOR, "[data-place=smuggling]")
    assert "Ship-to-ship" not in lee.page_source and "Ship-to-ship" not in projector.page_source

    # The instructor sets the denuclearization stage to 4 during the turn; after it the map says what changed.
    console_click(teacher, "start", "started")
    console_click(teacher, "skip", "Phase ended")
    wait_phase(kim, "Negotiation")
    Select(css(teacher, "#adjust-target")).select_by_value("denuclearization")
    css(teacher, "#adjust-value").send_keys("4")
    css(teacher, "#adjust-reason").send_keys("inspectors arrive at Yongbyon")
    click(teacher, "#adjust-form button")
    wait(teacher, lambda d: text(d, "#inject-status").startswith("Set "), message=lambda d: text(d, "#inject-status"))
    for phase in ("Orders",):
        console_click(teacher, "skip", "Phase ended")
        wait_phase(kim, phase)
    console_click(teacher, "skip", "Phase ended")
    for d in (projector, kim, lee):
        wait(d, lambda d: "changed" in place_class(d, "yongbyon"), 30, message="Yongbyon not marked as changed")
        assert "Yongbyon: under inspection" in key(d, "yongbyon")
        assert "was: reactor running, tests halted" in key(d, "yongbyon")
        desc = d.execute_script("return document.querySelector('svg.map-svg desc').textContent")
        assert "Yongbyon: under inspection (was: reactor running, tests halted)" in desc, desc
    assert "changed" not in place_class(projector, "kaesong")

    # The projector still fits 1920×1080 with the map beside everything else, and no label is under 16 px.
    height = projector.execute_script("return document.documentElement.scrollHeight")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "map-projector-1920x1080.png").write_bytes(projector.get_screenshot_as_png())
    assert height <= 1080, f"the board is {height} px tall"
    box = projector.execute_script("const r = document.querySelector('svg.map-svg').getBoundingClientRect(); return [r.width, r.height, r.bottom]")
    assert box[0] > 220 and box[1] > 380 and box[2] <= 1080, box
    small = projector.execute_script("""
        return [...document.querySelectorAll('body *')].filter((n) => n.childNodes.length && [...n.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim()))
          .filter((n) => n.getClientRects().length && parseFloat(getComputedStyle(n).fontSize) < 16)
          .map((n) => `${n.className?.baseVal ?? n.className ?? n.tagName}: ${getComputedStyle(n).fontSize} ${n.textContent.trim().slice(0, 30)}`)""")
    assert not small, small[:10]
    # The student board: the map in the situation panel.
    for d, who in ((kim, "dprk"), (lee, "rok")):
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1366, "height": 1500, "deviceScaleFactor": 1, "mobile": False})
        d.execute_script("document.querySelector('#situation [data-map-panel]').scrollIntoView()")
        css(d, "#situation [data-map-panel]").screenshot(str(OUTPUT / f"map-student-{who}.png"))
    screenshot(kim, "map-student-dprk-page")
    for d in (projector, kim, lee):
        assert not js_errors(d)


def test_the_instructor_reads_what_an_event_will_do_before_firing_it_and_students_see_its_name(server, browsers):
    teacher, kim = browsers(), browsers()
    code = create_room(teacher, server, phases=LONG, turns=2)
    join(kim, server, code, "Kim", team="dprk")
    console_click(teacher, "start", "started")
    select = Select(css(teacher, "#event-id"))
    values = [o.get_attribute("value") for o in select.options]
    assert "un_command_holds_crossing" in values or values, values
    event = next(v for v in values if v)
    select.select_by_value(event)
    wait(teacher, lambda d: "Firing it now:" in text(d, "#event-preview"), message="no preview")
    preview = text(teacher, "#event-preview")
    assert "→" in preview or "+" in preview or "−" in preview or "set to" in preview or ": yes" in preview, preview
    name = select.first_selected_option.text.split(" (")[0]
    teacher.execute_script("document.querySelector('#event-preview').scrollIntoView({block: 'center'})")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    css(teacher, "section[aria-labelledby=inject-title]").screenshot(str(OUTPUT / "console-event-preview.png"))
    click(teacher, "#event-form button")
    wait(teacher, lambda d: "fired" in text(d, "#inject-status"), message=lambda d: text(d, "#inject-status"))
    wait(kim, lambda d: name in text(d, "#results"), message=lambda d: text(d, "#results"))
    assert "(injected)" not in text(kim, "#results")
    assert "fired by the instructor" in text(kim, "#results")
    # Fired once, it can be fired again (by design): the preview says plainly that its effects would apply again.
    Select(css(teacher, "#event-id")).select_by_value(event)
    wait(teacher, lambda d: "already: firing it again applies its effects again." in text(d, "#event-preview"),
         message=lambda d: text(d, "#event-preview"))
