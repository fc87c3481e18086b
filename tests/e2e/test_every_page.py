"""Every built page of each language, in one walk per way of reading it, with all the per-page
checks at each stop (one navigation instead of one per check):

- a phone (390×844, touch, light scheme): axe, no sideways scroll, then the same page at
  320 px (WCAG's reflow width: a 390 px phone zoomed to about 120%), no sideways scroll and
  no table cut off (a wide one scrolls in its own box);
  a screenshot of each page (tests/artifacts/);
- a desktop (1280×800, dark scheme, the reader's system setting): axe, no sideways scroll,
  then the same page at 640×400 (that desktop zoomed to 200%), no sideways scroll;
- in both: no console error, page error, failed request or request to another host.
The 404 page is walked too (axe only: it is not in the page list)."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import LANG_PREFIX, OFFLINE_WORKER, PageProblems, Traffic, pages_of, screenshot

pytestmark = pytest.mark.e2e

axe = Axe()
DESKTOP_DARK = {"viewport": {"width": 1280, "height": 800}, "color_scheme": "dark"}
ZOOMED = {"phone": {"width": 320, "height": 568}, "desktop": {"width": 640, "height": 400}}


def violations(page) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} → {[n['target'] for n in v['nodes']][:3]}"
        for v in axe.run(page).response["violations"]
    ]


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


CUT_OFF_TABLES = """() => [...document.querySelectorAll("article table")].filter((table) => {
  const article = table.closest("article").getBoundingClientRect();
  for (let box = table; box && box.tagName !== "ARTICLE"; box = box.parentElement) {
    if (["auto", "scroll"].includes(getComputedStyle(box).overflowX)) return false;  // it scrolls: nothing lost
  }
  return table.getBoundingClientRect().left + table.scrollWidth > article.right + 1;
}).map((table) => table.querySelector("th, td")?.textContent.trim().slice(0, 30))"""


def walk(page, base_url, site_dir, code, way: str) -> dict[str, list[str]]:
    """Problems by page ('home' for the root); empty when every check passed everywhere."""
    found: dict[str, list[str]] = {}
    full = page.viewport_size
    traffic = Traffic(page.context)
    for path in pages_of(site_dir, code) + ["404.html"]:
        name = path or "home"
        page.set_viewport_size(full)
        page.goto(base_url + LANG_PREFIX[code] + path)
        traffic.settle(page)
        problems = violations(page)
        if path == "404.html":
            found.update({name: problems} if problems else {})
            continue
        if (wide := overflow(page)) > 0:
            problems.append(f"scrolls sideways at {full['width']} px (+{wide}px)")
        if way == "phone":
            screenshot(page, f"page-{code}-{path.strip('/').replace('/', '-') or 'home'}")
        page.set_viewport_size(ZOOMED[way])
        if (wide := overflow(page)) > 0:
            problems.append(f"scrolls sideways at {ZOOMED[way]['width']} px (+{wide}px)")
        if cut := page.evaluate(CUT_OFF_TABLES):  # wider than the page and no way to scroll to the rest
            problems.append(f"tables cut off at {ZOOMED[way]['width']} px: {cut}")
        if problems:
            found[name] = problems
    return found


@OFFLINE_WORKER  # as a reader has it: its requests (the first stop's downloads) must not fail either
@pytest.mark.parametrize("code", ["es", "en"])
def test_every_page_on_a_phone_in_light_scheme(page, problems, base_url, site_dir, code):
    assert walk(page, base_url, site_dir, code, "phone") == {}
    assert problems.errors == []


@pytest.mark.parametrize("code", ["es", "en"])
def test_every_page_on_a_desktop_in_dark_scheme(browser, base_url, site_dir, code):
    context = browser.new_context(**DESKTOP_DARK, service_workers="allow")
    seen = PageProblems(context)
    page = context.new_page()
    try:
        page.goto(base_url + LANG_PREFIX[code])
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        assert walk(page, base_url, site_dir, code, "desktop") == {}
        assert seen.errors == []
    finally:
        context.close()
