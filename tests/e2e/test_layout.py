"""Layout that holds up: zoomed to 200% no page scrolls sideways, and a reader who
asks for less motion gets no animations."""
import pytest
from playwright.sync_api import expect

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


SWITCH = {"es": {"default": "Modo oscuro", "slate": "Modo claro"},
          "en": {"default": "Dark mode", "slate": "Light mode"}}


@pytest.mark.parametrize("system", ["light", "dark"])
@pytest.mark.parametrize("code", ["es", "en"])
def test_scheme_follows_the_system_until_the_reader_switches(browser, base_url, code, system):
    """Our light/dark switch (partials/palette.html), not Material's palette component,
    which re-styles the whole page twice as it starts."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True,
                                  color_scheme=system)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    root = base_url + LANG_PREFIX[code]
    page.goto(root + "expectations/")
    scheme = lambda: page.evaluate("document.body.dataset.mdColorScheme")  # noqa: E731
    start = {"light": "default", "dark": "slate"}[system]
    other = {"default": "slate", "slate": "default"}[start]
    assert scheme() == start
    assert page.locator("[data-md-component='palette']").count() == 0
    switch = page.locator(".scheme-switch button:visible")
    expect(switch).to_have_count(1)
    expect(switch).to_have_attribute("aria-label", SWITCH[code][start])
    switch.tap()
    assert scheme() == other
    expect(page.locator(".scheme-switch button:visible")).to_have_attribute("aria-label", SWITCH[code][other])
    page.goto(root + "rules/")  # the choice holds on the next page, from its first paint
    assert scheme() == other
    page.locator(".scheme-switch button:visible").tap()
    page.reload()
    assert scheme() == start
    assert errors == []
    context.close()
