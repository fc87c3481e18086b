"""Nothing on a calculator's page jumps once its script has started. The form and the summary
line are hidden in the markup (without JavaScript they could not work) and shown by
calculator.js after the load; with scripting on, site.css keeps their place unseen meanwhile,
so the worked example under them does not move down the screen. Lighthouse counts such a
move as layout shift (it cost the calculator pages 10 to 20 points of performance)."""
import pytest
from playwright.sync_api import expect

from tests.calc_vectors import CALCULATORS
from tests.conftest import LANG_PREFIX

pytestmark = pytest.mark.e2e

# Every layout shift of the page from its start, whatever caused it (a tap or not).
RECORD_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const moved = entry.sources.map((source) => source.node?.className || source.node?.nodeName || "");
    window.__shifts.push({ value: entry.value, moved });
  }
}).observe({ type: "layout-shift", buffered: true });
"""
MOST = 0.01  # Lighthouse's "good" is under 0.1; the header's language switch moves 0.001 here


@pytest.mark.parametrize("code", ["es", "en"])
def test_a_calculator_page_does_not_move_when_its_form_appears(page, problems, base_url, code):
    page.add_init_script(RECORD_SHIFTS)
    page.set_viewport_size({"width": 412, "height": 823})  # Lighthouse's phone
    for name in CALCULATORS:
        page.goto(f"{base_url}{LANG_PREFIX[code]}calculators/{name}/")
        expect(page.locator(f".calc[data-calc='{name}'] .calc-form")).to_be_visible()
        expect(page.locator(".calc-result[aria-busy='false']").first).to_be_attached()
        page.wait_for_timeout(300)  # a shift is reported in the frame after it
        shifts = page.evaluate("window.__shifts")
        assert sum(shift["value"] for shift in shifts) < MOST, (name, shifts)
    assert problems.errors == []


def test_a_calculator_not_started_yet_leaves_no_gap_in_print(page, base_url):
    page.goto(base_url + "rules/")  # the chapter's calculators start when scrolled near: not yet
    form = page.locator(".calc-form").last
    assert form.evaluate("(form) => form.hidden && getComputedStyle(form).visibility === 'hidden'")
    page.emulate_media(media="print")
    assert form.evaluate("(form) => getComputedStyle(form).display") == "none"
