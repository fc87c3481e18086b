"""Layout that holds up: zoomed to 200% no page scrolls sideways, and a reader who
asks for less motion gets no animations."""
import pytest

from tests.conftest import LANG_PREFIX, pages_of

pytestmark = pytest.mark.e2e

# A 1280×800 desktop zoomed to 200% lays pages out in 640×400 CSS pixels;
# a 390 px phone zoomed to 200% in 195 px — narrower than WCAG's 320 px reflow.
ZOOMED = [{"width": 640, "height": 400}, {"width": 320, "height": 568}]


@pytest.mark.parametrize("viewport", ZOOMED, ids=["desktop-200pct", "reflow-320"])
@pytest.mark.parametrize("code", ["es", "en"])
def test_zoomed_pages_do_not_scroll_sideways(browser, base_url, site_dir, code, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    wide = []
    for path in pages_of(site_dir, code):
        page.goto(base_url + LANG_PREFIX[code] + path)
        page.wait_for_load_state("networkidle")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            wide.append(f"{path or 'home'} (+{overflow}px)")
    context.close()
    assert not wide, wide


def test_reduced_motion_turns_off_transitions(browser, base_url):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(base_url + "expectations/")
    durations = page.evaluate("""() => [...document.querySelectorAll('a, button, .md-header, .md-sidebar')]
        .slice(0, 50).map((el) => getComputedStyle(el).transitionDuration)""")
    context.close()
    assert durations and all(all(float(d[:-1]) <= 0.001 for d in value.split(",")) for value in durations), durations
