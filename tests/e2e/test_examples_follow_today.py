"""The build works its date examples out for the build day (the content's newest review,
macros/build_day.py), so the page's bytes do not change from day to day; the browser works
them out again for the reader's today."""
import datetime

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from macros import build_day
from macros.calc import engine
from tests.built.site_pages import page_file
from tests.conftest import LANG_PREFIX, ROOT

pytestmark = pytest.mark.e2e

BUILT_FOR = build_day.build_day(ROOT / "docs")
READER_TODAY = BUILT_FOR + datetime.timedelta(days=100)  # another weekday, another month


@pytest.mark.parametrize("code", ["es", "en"])
@pytest.mark.parametrize(("name", "field", "default"), [
    ("response-time", "sent", "@fridayT23:00"),
    ("client-delay", "arrived", "@today+7"),
])
def test_date_examples_follow_the_reader_s_today_not_the_build_day(page, problems, base_url, site_dir, code, name,
                                                                   field, default):
    built = BeautifulSoup(page_file(site_dir, code, f"calculators/{name}/").read_text(encoding="utf-8"), "html.parser")
    page.clock.set_fixed_time(datetime.datetime.combine(READER_TODAY, datetime.time(10)))
    page.goto(f"{base_url}{LANG_PREFIX[code]}calculators/{name}/")
    calc = page.locator(f".calc[data-calc='{name}']")
    control = calc.locator(f"[name='{field}']")
    assert control.get_attribute("value") == engine.resolve_default(default, BUILT_FOR)  # as built
    expect(control).to_have_value(engine.resolve_default(default, READER_TODAY))  # as the reader sees it
    result = calc.locator(".calc-result")
    expect(result).to_have_attribute("aria-busy", "false")
    expect(result).not_to_have_attribute("data-stale", "")
    expect(calc.locator(".calc-sentence").first).not_to_have_text(built.select_one(".calc-sentence").get_text())
    assert problems.errors == []


@pytest.mark.parametrize("code", ["es", "en"])
def test_the_agreement_starts_on_the_reader_s_today_not_the_build_day(page, problems, base_url, site_dir, code):
    """A reader months after the build got a draft starting on the build day (the form's
    value as built), unless this browser had kept answers."""
    built = BeautifulSoup(page_file(site_dir, code, "agreement/").read_text(encoding="utf-8"), "html.parser")
    assert built.select_one("#agr-start")["value"] == BUILT_FOR.isoformat()  # as built
    page.clock.set_fixed_time(datetime.datetime.combine(READER_TODAY, datetime.time(10)))
    page.goto(f"{base_url}{LANG_PREFIX[code]}agreement/")
    expect(page.locator(".agr--live")).to_be_attached()
    expect(page.locator("#agr-start")).to_have_value(READER_TODAY.isoformat())  # as the reader sees it
    document = page.locator(".agr-preview > article").first.inner_text()
    assert str(READER_TODAY.year) in document and str(READER_TODAY.day) in document
    assert page.evaluate("localStorage.length") == 0  # nothing typed, nothing kept
    assert problems.errors == []
