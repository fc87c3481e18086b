"""Material's bundle starts with the reader's first touch (partials/material-on-demand.html).

A page must read and work in full before it: search button shown, our own widgets live.
After it, what Material does must work as before: tabs that switch together, search.
"""
import pytest
from playwright.sync_api import expect

from tests.conftest import LANG_PREFIX

pytestmark = pytest.mark.e2e

BUNDLE = "/assets/javascripts/bundle."


def bundle_requests(page) -> list[str]:
    seen = []
    page.on("request", lambda request: BUNDLE in request.url and seen.append(request.url))
    return seen


@pytest.mark.parametrize("code", ["es", "en"])
def test_a_page_reads_and_works_before_material_starts(page, problems, base_url, code):
    loaded = bundle_requests(page)
    page.goto(f"{base_url}{LANG_PREFIX[code]}rules/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert loaded == [], "Material's bundle ran before the reader did anything"
    # As Material leaves it once it runs: scripting on, so the search button shows.
    expect(page.locator("html")).to_have_class("js")
    expect(page.locator("label.md-header__button[for='__search']")).to_be_visible()
    # Our widgets do not wait for Material.
    expect(page.locator(".check-progress").first).to_be_visible()
    assert problems.errors == []


@pytest.mark.parametrize("code", ["es", "en"])
def test_the_first_tap_starts_material_and_is_not_lost(page, problems, base_url, code):
    loaded = bundle_requests(page)
    page.goto(f"{base_url}{LANG_PREFIX[code]}rules/")
    page.wait_for_load_state("networkidle")
    sets = page.locator(".tabbed-set")
    assert sets.count() >= 2, "rules/ should have two client/specialist tab sets"
    # The reader's very first touch is on a tab: both sets switch (content.tabs.link).
    sets.nth(0).locator(".tabbed-labels label").nth(1).tap()
    for index in range(sets.count()):
        expect(sets.nth(index).locator("input").nth(1)).to_be_checked()
    page.wait_for_function("() => typeof window.document$ === 'object'")  # Material is up
    page.wait_for_timeout(300)
    assert len(loaded) == 1, f"the bundle should load once, got {loaded}"
    assert problems.errors == []


def test_a_search_highlight_link_starts_material_at_once(page, problems, base_url):
    loaded = bundle_requests(page)
    page.goto(f"{base_url}rules/?h=contrato")
    expect(page.locator(".md-content mark").first).to_have_text("contrato", ignore_case=True)
    assert len(loaded) == 1
    assert problems.errors == []


def test_a_malformed_anchor_does_not_keep_material_from_starting(page, problems, base_url):
    loaded = bundle_requests(page)
    page.goto(f"{base_url}rules/#%E0%A4%A")  # not valid percent-encoding: decoding it throws
    page.wait_for_load_state("networkidle")
    page.locator("article h1").tap()
    page.wait_for_function("() => typeof window.document$ === 'object'")
    assert len(loaded) == 1
    assert problems.errors == []
