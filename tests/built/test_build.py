"""The real configs build strictly, each language with its own index, 404 and sitemap."""
import json
import posixpath
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from macros import lang
from tests.conftest import LANG_PREFIX


@pytest.mark.parametrize("code", ["es", "en"])
def test_strict_build_succeeds(build_results, code):
    _, results = build_results
    result = results[code]
    assert result.returncode == 0, result.stdout + result.stderr
    # The session's build is a local one (no SITE_URL): it says so, once, and warns of nothing else.
    notes = [line for line in result.stderr.splitlines() if "WARNING (local address)" in line]
    assert len(notes) == 1 and "http://127.0.0.1:8000/" in notes[0], result.stderr
    assert "WARNING" not in result.stderr.replace(notes[0], ""), result.stderr


@pytest.mark.parametrize("code", ["es", "en"])
def test_each_language_has_its_own_home_404_sitemap_and_search(site_dir, code):
    root = site_dir / LANG_PREFIX[code]
    for name in ("index.html", "404.html", "sitemap.xml", "search/search_index.json"):
        assert (root / name).is_file(), f"{code}: {name} missing"
    for name in ("index.html", "404.html"):
        html = BeautifulSoup((root / name).read_text(encoding="utf-8"), "html.parser")
        assert html.html["lang"] == code, f"{code}/{name} has lang={html.html.get('lang')}"


@pytest.mark.parametrize("code", ["es", "en"])
def test_search_index_holds_only_its_own_language(site_dir, code):
    index = json.loads((site_dir / LANG_PREFIX[code] / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [code]
    locations = [doc["location"] for doc in index["docs"]]
    assert locations, "empty search index"
    assert not [loc for loc in locations if loc.startswith("en/")], "English pages leaked into an index"


@pytest.mark.parametrize("code", ["es", "en"])
def test_sitemap_lists_only_its_own_language(site_dir, code):
    tree = ET.parse(site_dir / LANG_PREFIX[code] / "sitemap.xml")
    locs = [el.text for el in tree.iter() if el.tag.endswith("loc")]
    assert locs
    in_english = [loc for loc in locs if "/en/" in loc]
    assert (len(in_english) == len(locs)) if code == "en" else not in_english, locs


@pytest.mark.parametrize("code", ["es", "en"])
def test_date_calculators_point_at_their_languages_holiday_files(site_dir, code):
    """Holidays are not inlined in pages (3 KB each) but fetched per country: every
    calculator's data-holidays resolves to this language's files, one per preset country,
    each with the package's holidays in this language, and the worker precaches them."""
    from macros.calc.specs import COUNTRIES
    from tests.built.site_pages import page_file, soup_of
    from tests.conftest import pages_of

    root = site_dir / LANG_PREFIX[code]
    seen = 0
    for path in pages_of(site_dir, code):
        soup = soup_of(page_file(site_dir, code, path))
        assert not soup.select(".calc-holidays"), f"{code}/{path}: holidays inlined again"
        for calc in soup.select(".calc[data-holidays]"):
            folder = (page_file(site_dir, code, path).parent / calc["data-holidays"]).resolve()
            assert folder == (root / "assets/holidays").resolve(), f"{code}/{path}: {calc['data-holidays']}"
            seen += 1
    assert seen >= 3
    sw = (root / "sw.js").read_text(encoding="utf-8")
    for country in filter(None, COUNTRIES):
        days = json.loads((root / f"assets/holidays/{country}.json").read_text(encoding="utf-8"))
        assert len(days) >= 5 * 5, f"{country}: {len(days)} holidays over 5 years"
        assert f'"assets/holidays/{country}.json"' in sw
    spain = json.loads((root / "assets/holidays/ES.json").read_text(encoding="utf-8"))
    new_year = next(name for day, name in spain.items() if day.endswith("-01-01"))
    assert new_year == {"es": "Año Nuevo", "en": "New Year's Day"}[code]


@pytest.mark.parametrize("code", ["es", "en"])
def test_404_speaks_its_language_and_offers_search_and_ways_back(site_dir, code):
    """Material's own 404 says "404 - Not found" in English with nowhere to go."""
    strings = lang.strings(code)
    page = BeautifulSoup((site_dir / LANG_PREFIX[code] / "404.html").read_text(encoding="utf-8"), "html.parser")
    box = page.select_one(".notfound")
    assert box.h1.get_text(strip=True) == strings["notfound.title"]
    assert box.select_one("label[for=__search]").get_text(strip=True) == strings["notfound.search"]
    assert page.select_one("input#__search"), "the search toggle the button opens is missing"
    # The 404 page is served at any depth: its links are absolute and land on real pages.
    for link in box.select(".notfound__paths a"):
        href = link["href"]
        assert href.startswith("/"), href
        target = posixpath.normpath(href).lstrip("/")
        assert (site_dir / target / "index.html").is_file(), f"{code}: {href} leads nowhere"
    other = box.select_one(".notfound__paths a[hreflang]")
    assert posixpath.normpath(other["href"]) == ("/en" if code == "es" else "/"), "the other language's home"


@pytest.mark.parametrize("code", ["es", "en"])
def test_language_switch_names_both_languages_in_words(site_dir, code):
    """"ES / EN" in the header, this page's language marked, not an icon alone."""
    for name in ("index.html", "rules/index.html", "404.html"):
        page = BeautifulSoup((site_dir / LANG_PREFIX[code] / name).read_text(encoding="utf-8"), "html.parser")
        button = page.select_one(".md-header__option .md-select button.lang-switch")
        assert button.get_text("", strip=True) == "ES/EN", name
        assert button.select_one(".lang-switch__code--current").get_text() == code.upper(), name
        assert button["aria-label"], name
