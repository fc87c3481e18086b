"""axe-core finds no violation on any built page, in either language: on a phone in
the light scheme and on a desktop in the dark scheme (the reader's system setting)."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import LANG_PREFIX, pages_of

pytestmark = pytest.mark.e2e

axe = Axe()
DESKTOP_DARK = {"viewport": {"width": 1280, "height": 800}, "color_scheme": "dark"}


def violations(page) -> list[str]:
    results = axe.run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} → {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


def all_pages_violations(page, base_url, site_dir, code) -> dict:
    found = {}
    for path in pages_of(site_dir, code) + ["404.html"]:
        page.goto(base_url + LANG_PREFIX[code] + path)
        page.wait_for_load_state("networkidle")
        if problems := violations(page):
            found[path or "home"] = problems
    return found


@pytest.mark.parametrize("code", ["es", "en"])
def test_every_page_on_a_phone_in_light_scheme(page, base_url, site_dir, code):
    assert all_pages_violations(page, base_url, site_dir, code) == {}


@pytest.mark.parametrize("code", ["es", "en"])
def test_every_page_on_a_desktop_in_dark_scheme(browser, base_url, site_dir, code):
    context = browser.new_context(**DESKTOP_DARK)
    page = context.new_page()
    page.goto(base_url + LANG_PREFIX[code])
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    try:
        assert all_pages_violations(page, base_url, site_dir, code) == {}
    finally:
        context.close()
