"""Layout that holds up: a reader who asks for less motion gets no animations, and the scheme
follows the system until the reader switches. (No page scrolls sideways at any width:
test_every_page.py, in its walks.)"""
import pytest
from playwright.sync_api import expect

from tests.conftest import LANG_PREFIX

pytestmark = pytest.mark.e2e


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
