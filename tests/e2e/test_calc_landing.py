"""A shared calculator link on a 360 × 640 phone, both languages: it lands on the result with the
inputs that produced it listed above it and the form folded behind "Edit"; a page opened without
a link, or a calculator inside a chapter, starts with its form as before. Also: only a calculator
with a chart loads the chart's code."""
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from macros import lang
from tests.conftest import LANG_PREFIX

pytestmark = pytest.mark.e2e

PHONE = {"width": 360, "height": 640}
LANGS = ["es", "en"]
axe = Axe()

PENALTY = "?v=2&amount=150000&cur=EUR&days=7&oneoff=10&daily=2&cap=20&basis=calendar#calc-penalty"
# What the list above the result says, label: value, in each language.
PENALTY_GIVEN = {
    "es": {"calc.penalty.field.amount": "150.000,00\u00a0€", "calc.penalty.field.days": "7",
           "calc.penalty.field.cap": "20 %", "calc.common.field.cur": "Euro (EUR)"},
    "en": {"calc.penalty.field.amount": "€150,000.00", "calc.penalty.field.days": "7", "calc.penalty.field.cap": "20%",
           "calc.common.field.cur": "Euro (EUR)"},
}


def open_link(page, base_url, code, name, query):
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}{LANG_PREFIX[code]}calculators/{name}/{query}")
    calc = page.locator(f".calc[data-calc='{name}']")
    expect(calc.locator(".calc-share")).to_be_visible()  # started
    return calc


def in_first_screen(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] < PHONE["height"]


def assert_below_header(page, locator):
    """The header is fixed: the list's first rows must not sit under it."""
    header = page.locator(".md-header").bounding_box()
    assert locator.bounding_box()["y"] >= header["y"] + header["height"], (locator.bounding_box(), header)


@pytest.mark.parametrize("code", LANGS)
def test_a_link_made_before_the_anchor_also_lands_below_the_header(page, base_url, code):
    """Such a link is scrolled to by calculator.js (scrollIntoView), not by the browser's :target."""
    calc = open_link(page, base_url, code, "penalty", PENALTY.split("#")[0])
    given = calc.locator(".calc-given")
    expect(given).to_be_visible()
    assert_below_header(page, given)


@pytest.mark.parametrize("code", LANGS)
def test_a_shared_link_lands_on_its_result_with_its_inputs_above_it(page, problems, base_url, code):
    calc = open_link(page, base_url, code, "penalty", PENALTY)
    given = calc.locator(".calc-given")
    expect(given).to_be_visible()
    expect(calc.locator(".calc-form")).to_be_hidden()
    rows = dict(zip(given.locator("dt").all_inner_texts(), given.locator("dd").all_inner_texts(), strict=True))
    for key, value in PENALTY_GIVEN[code].items():
        assert rows[lang.text(code, key)] == value, (key, rows)
    sentence = calc.locator(".calc-sentence")
    total = "30.000,00 €" if code == "es" else "€30,000.00"
    expect(sentence).to_contain_text(total)
    for part in (given, calc.locator(".calc-result__title"), sentence):
        assert in_first_screen(part), part
    assert_below_header(page, given)
    edit = given.get_by_role("button", name=lang.text(code, "calc.common.edit"))
    assert edit.get_attribute("aria-expanded") == "false"
    assert edit.get_attribute("aria-controls") == calc.locator(".calc-form").get_attribute("id")
    assert edit.bounding_box()["height"] >= 44 and edit.bounding_box()["width"] >= 44
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe.run(page).response["violations"] == []
    assert problems.errors == []


@pytest.mark.parametrize("code", LANGS)
def test_edit_opens_the_form_at_its_first_field_with_the_link_s_values(page, problems, base_url, code):
    calc = open_link(page, base_url, code, "penalty", PENALTY)
    edit = calc.locator(".calc-given button")
    edit.focus()
    page.keyboard.press("Enter")  # a real button: the keyboard opens it too
    form = calc.locator(".calc-form")
    expect(form).to_be_visible()
    expect(calc.locator(".calc-given")).to_be_hidden()
    amount = calc.locator("[name='amount']")
    expect(amount).to_be_focused()
    expect(amount).to_have_value("150000")
    expect(calc.locator("[name='cap']")).to_have_value("20")
    expect(calc.locator("[name='cur']")).to_have_value("EUR")
    amount.fill("100000")
    expect(calc.locator(".calc-sentence")).to_contain_text("20.000,00 €" if code == "es" else "€20,000.00")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe.run(page).response["violations"] == []
    assert problems.errors == []


@pytest.mark.parametrize("code", LANGS)
def test_the_date_calculators_link_lists_its_country_and_says_which_holidays_were_counted(page, problems, base_url,
                                                                                         code):
    query = "?v=2&request=2026-12-04T15:00&days=2&cutoff=18:00&week=1,2,3,4,5&country=ES&custom=#calc-turnaround"
    calc = open_link(page, base_url, code, "turnaround", query)
    given = calc.locator(".calc-given")
    expect(given).to_contain_text(lang.text(code, "calc.option.country.ES"))
    expect(calc.locator(".calc-sentence")).to_contain_text(lang.text(code, "calc.common.holidays_of.ES"))
    spain = lang.text(code, "calc.common.holidays_of.ES")
    counted = lang.text(code, "calc.common.summary_holidays").format(country=spain)
    expect(calc.locator(".calc-summary")).to_contain_text(counted)  # the line kept in view while editing
    assert problems.errors == []


@pytest.mark.parametrize("code", LANGS)
def test_without_a_link_the_form_shows_as_before(page, problems, base_url, code):
    calc = open_link(page, base_url, code, "penalty", "")
    expect(calc.locator(".calc-form")).to_be_visible()
    expect(calc.locator(".calc-given")).to_be_hidden()
    page.goto(f"{base_url}{LANG_PREFIX[code]}rules/")  # embedded calculators, and a query meant for none of them
    for calc in page.locator(".calc[data-calc]").all():
        calc.scroll_into_view_if_needed()
        expect(calc.locator(".calc-form")).to_be_visible()
        expect(calc.locator(".calc-given")).to_be_hidden()
    assert problems.errors == []


@pytest.mark.parametrize("code", LANGS)
def test_only_a_calculator_with_a_chart_loads_the_chart_s_code(page, problems, base_url, code):
    charts = []  # the page's own requests (the service worker's precaching is not the page loading it)
    page.on("request", lambda request: request.url.endswith("/calc/chart.js") and charts.append(request.url))
    page.goto(f"{base_url}{LANG_PREFIX[code]}rules/")
    for calc in page.locator(".calc[data-calc]").all():
        calc.scroll_into_view_if_needed()
        expect(calc.locator(".calc-form")).to_be_visible()
    assert charts == []
    calc = open_link(page, base_url, code, "revenue-share", "")
    assert charts
    calc.locator("[name='fixed']").fill("40000")  # a redraw draws the chart with the loaded code
    expect(calc.locator(".calc-result .calc-chart svg polyline")).to_have_count(3)
    assert problems.errors == []
