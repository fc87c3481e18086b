"""The built site on a phone (390×844, touch) in Debian's Chromium, both languages."""
import pytest
from playwright.sync_api import expect

from tests.conftest import LANG_PREFIX, pages_of, screenshot

pytestmark = pytest.mark.e2e

HOME_TITLE = {"es": "Trato claro", "en": "Clear Deal"}


@pytest.mark.parametrize("code", ["es", "en"])
def test_home_loads_in_each_language(page, problems, base_url, code):
    page.goto(base_url + LANG_PREFIX[code])
    expect(page.locator("html")).to_have_attribute("lang", code)
    expect(page).to_have_title(HOME_TITLE[code])
    expect(page.locator("article h1")).to_be_visible()
    page.wait_for_load_state("networkidle")
    screenshot(page, f"home-{code}")
    assert problems.errors == []


@pytest.mark.parametrize(("start", "target", "link_name"), [("es", "en", "English"), ("en", "es", "Español")])
def test_switcher_lands_on_the_same_page(page, problems, base_url, site_dir, start, target, link_name):
    chapter = [p for p in pages_of(site_dir, start) if p][0]
    page.goto(base_url + LANG_PREFIX[start] + chapter + "#each-side")
    page.locator(".md-header__option .md-select button").tap()
    page.get_by_role("link", name=link_name).tap()
    expect(page).to_have_url(base_url + LANG_PREFIX[target] + chapter + "#each-side")
    expect(page.locator("html")).to_have_attribute("lang", target)
    page.wait_for_load_state("networkidle")
    assert problems.errors == []


def search(page, query: str):
    page.locator("label.md-header__button[for='__search']").tap()
    field = page.locator("input.md-search__input")
    expect(field).to_be_visible()
    meta = page.locator(".md-search-result__meta")
    waiting = meta.inner_text()  # "Initializing search" until the worker has the index
    field.press_sequentially(query)  # Material searches on keyup, not on input
    expect(meta).not_to_have_text(waiting, timeout=15_000)
    page.wait_for_timeout(300)  # results render right after the meta line
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item a").all()]


def test_english_search_finds_only_english_pages(page, problems, base_url):
    page.goto(base_url + "en/")
    hits = search(page, "specialist")
    assert hits, "no results for a word on English pages"
    assert all("/en/" in href for href in hits), hits
    screenshot(page, "search-en")
    page.goto(base_url + "en/")
    assert search(page, "especialista") == [], "a Spanish-only word found something in the English index"
    assert problems.errors == []


@pytest.mark.parametrize("query", ["especialistas", "especialista", "contratos"])
def test_spanish_search_stems_what_the_reader_types(page, problems, base_url, query):
    page.goto(base_url)
    hits = search(page, query)  # each finds pages through its stem ("especial", "contrat")
    assert hits and not [h for h in hits if "/en/" in h], hits
    assert problems.errors == []


def test_english_search_stems_what_the_reader_types(page, problems, base_url):
    page.goto(base_url + "en/")
    assert search(page, "specialists"), "plural did not find 'specialist'"
    assert problems.errors == []
