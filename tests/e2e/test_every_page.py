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
import time

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import LANG_PREFIX, PageProblems, pages_of, screenshot

pytestmark = pytest.mark.e2e

axe = Axe()
DESKTOP_DARK = {"viewport": {"width": 1280, "height": 800}, "color_scheme": "dark"}
ZOOMED = {"phone": {"width": 320, "height": 568}, "desktop": {"width": 640, "height": 400}}


class Traffic:
    """The requests of one browser context (its pages and service workers) still open, and
    when the last one started or ended: a page is checked once its own requests are done,
    the widgets' modules included (they load after the load event)."""

    def __init__(self, context):
        self.open = set()
        self.last = time.monotonic()
        context.on("request", self._started)
        context.on("requestfinished", self._ended)
        context.on("requestfailed", self._ended)

    def _started(self, request):
        self.open.add(request)
        self.last = time.monotonic()

    def _ended(self, request):
        self.open.discard(request)
        self.last = time.monotonic()

    def settle(self, page, quiet: float = 0.15, timeout: float = 30):  # 30 s: Playwright's own default
        """Until nothing is open and nothing new has started for `quiet` seconds (Playwright's
        "networkidle" is the same idea with a fixed 500 ms, which was a third of each stop)."""
        deadline = time.monotonic() + timeout
        while self.open or time.monotonic() - self.last < quiet:
            assert time.monotonic() < deadline, f"requests still open: {sorted(r.url for r in self.open)}"
            page.wait_for_timeout(20)  # Playwright delivers the request events while it waits


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


@pytest.mark.parametrize("code", ["es", "en"])
def test_every_page_on_a_phone_in_light_scheme(page, problems, base_url, site_dir, code):
    assert walk(page, base_url, site_dir, code, "phone") == {}
    assert problems.errors == []


@pytest.mark.parametrize("code", ["es", "en"])
def test_every_page_on_a_desktop_in_dark_scheme(browser, base_url, site_dir, code):
    context = browser.new_context(**DESKTOP_DARK)
    seen = PageProblems(context)
    page = context.new_page()
    try:
        page.goto(base_url + LANG_PREFIX[code])
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        assert walk(page, base_url, site_dir, code, "desktop") == {}
        assert seen.errors == []
    finally:
        context.close()
