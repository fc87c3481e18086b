"""axe-core finds no violation on any built page, in either language."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import LANG_PREFIX, pages_of

pytestmark = pytest.mark.e2e

axe = Axe()


def violations(page) -> list[str]:
    results = axe.run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} → {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("code", ["es", "en"])
def test_every_page_has_no_axe_violations(page, base_url, site_dir, code):
    found = {}
    for path in pages_of(site_dir, code) + ["404.html"]:
        page.goto(base_url + LANG_PREFIX[code] + path)
        page.wait_for_load_state("networkidle")
        if problems := violations(page):
            found[path or "home"] = problems
    assert not found, found
