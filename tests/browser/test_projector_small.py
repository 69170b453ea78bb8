"""The projector board fits the common classroom projectors, 1366×768 and 1280×800, without scrolling, its text still
read from the back (outside tester qa8 C0: at 1366×768 it needed 1044 px and the class had to scroll). In real
browsers against the real server."""

import pytest

from conftest import OUTPUT, js_errors, wait
from pages import class_in_briefing_with_projector, console_click, skip_a_turn, text, wait_phase

MEASURE = """
    const texts = [...document.querySelectorAll('body *')].filter((n) => n.getClientRects().length
        && [...n.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim()) && !n.closest('.visually-hidden'));
    const size = (n) => parseFloat(getComputedStyle(n).fontSize) * (n.currentCSSZoom ?? 1);
    return { height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth, screen: [innerWidth, innerHeight],
             smallest: Math.min(...texts.map(size)), zoom: document.body.currentCSSZoom,
             tracks: document.querySelectorAll('#tracks .track').length };"""


@pytest.mark.parametrize("size", [(1366, 768), (1280, 800), (1920, 1080)])
def test_the_board_fits_a_classroom_projector_without_scrolling(server, browsers, size):
    width, height = size
    teacher, kim, projector, _code = class_in_briefing_with_projector(browsers, server, turns=3)
    skip_a_turn(teacher, kim)
    wait_phase(kim, "Results", 30)
    console_click(teacher, "skip", "Phase ended")
    wait_phase(kim, "Briefing")
    console_click(teacher, "skip", "Phase ended")
    wait_phase(kim, "Negotiation")
    projector.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    wait(projector, lambda d: "Turn 2" in text(d, "[data-field=turn]"), message=lambda d: text(d, "[data-field=turn]"))
    wait(projector, lambda d: d.execute_script(MEASURE)["height"] <= height, timeout=5,
         message=lambda d: f"the board does not fit {width}×{height}: {d.execute_script(MEASURE)}")
    m = projector.execute_script(MEASURE)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / f"projector-{width}x{height}.png").write_bytes(projector.get_screenshot_as_png())
    assert m["width"] <= width, m
    # Read from the back: no label smaller on this screen than the 1920×1080 board's smallest (16 px, the language switch) scaled
    # to it, which is the same size once projected onto the same wall.
    assert m["smallest"] >= 16 * min(width / 1920, height / 1080) - 0.5, m
    assert m["tracks"] >= 10, m
    assert not js_errors(projector)
