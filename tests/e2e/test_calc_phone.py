"""Calculators on a 360 px phone in both languages: the tool starts within the first screen, the
main figures stay in view while the reader edits, a wide table stacks into label–value lines,
and the revenue-share chart's labels sit inside it at a readable size."""
import re

import pytest
from playwright.sync_api import expect

from macros import lang
from macros.calc.specs import SPECS
from tests.conftest import LANG_PREFIX

pytestmark = pytest.mark.e2e

PHONE = {"width": 360, "height": 740}  # a common Android phone's viewport below the browser's bar
LANGS = ["es", "en"]


def open_page(page, base_url, name, code, query=""):
    page.set_viewport_size(PHONE)
    page.goto(f"{base_url}{LANG_PREFIX[code]}calculators/{name}/{query}")
    calc = page.locator(f".calc[data-calc='{name}']")
    expect(calc.locator(".calc-form")).to_be_visible()
    return calc


SMALL = {"width": 360, "height": 640}  # a small phone: the first screen the tool must start in


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("name", list(SPECS))
def test_the_form_starts_within_the_first_screen_and_the_result_stays_in_view_while_editing(
        page, problems, base_url, name, code):
    calc = open_page(page, base_url, name, code)
    page.set_viewport_size(SMALL)
    first = calc.locator(".calc-form :is(input, select, textarea)").first
    bottom = first.evaluate("(control) => control.getBoundingClientRect().bottom")
    assert bottom <= SMALL["height"], f"the first field ends {bottom} px down, below the first screen"
    summary = calc.locator(".calc-summary")
    expect(summary).to_be_hidden()  # takes no room above the form until the reader is in it
    first.focus()
    first.evaluate("(control) => control.scrollIntoView({ block: 'center' })")
    expect(summary).to_be_visible()
    header = page.locator(".md-header").bounding_box()
    box, field = summary.bounding_box(), first.bounding_box()
    assert header["y"] + header["height"] - 1 <= box["y"] and box["y"] + box["height"] <= field["y"], (box, field)
    assert problems.errors == []


@pytest.mark.parametrize("code", LANGS)
def test_the_main_figure_stays_in_view_while_the_reader_edits(page, problems, base_url, code):
    calc = open_page(page, base_url, "penalty", code)
    summary = calc.locator(".calc-summary")
    label = lang.text(code, "calc.penalty.out.total")
    field = calc.locator("[name='daily']")
    field.evaluate("(input) => input.scrollIntoView({ block: 'center' })")
    field.fill("3")
    expect(summary).to_have_text(f"{label}: {'25.000' if code == 'es' else '25,000'}")
    header = page.locator(".md-header").bounding_box()
    box, input_box = summary.bounding_box(), field.bounding_box()
    assert header["y"] + header["height"] - 1 <= box["y"] < input_box["y"], (header, box, input_box)
    field.fill("abc")  # no figures in view that the form no longer gives
    calc.locator("[name='amount']").focus()
    expect(summary).to_be_hidden()
    assert problems.errors == []


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("name", ["revenue-share", "cost-of-sale"])
def test_a_wide_table_stacks_into_label_value_lines(page, problems, base_url, name, code):
    calc = open_page(page, base_url, name, code)
    wrap = calc.locator(".calc-table-wrap")
    wrap.scroll_into_view_if_needed()
    assert wrap.evaluate("(w) => w.scrollWidth <= w.clientWidth"), "the table is cut off sideways"
    first = calc.locator(".calc-table tbody tr").first.locator("td")
    columns = SPECS[name]["table"]["columns"]
    assert first.count() == len(columns)
    for i, column in enumerate(columns):
        cell = first.nth(i)
        label = lang.text(code, f"calc.{name}.col.{column['key']}")
        shown = cell.evaluate("(td) => getComputedStyle(td, '::before').content")
        assert shown == f'"{label}"', (label, shown)
        # Label and value side by side, apart: nothing runs together.
        assert cell.evaluate("(td) => td.getBoundingClientRect().width") <= wrap.bounding_box()["width"] + 0.5
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert problems.errors == []


@pytest.mark.parametrize("code", LANGS)
def test_the_chart_has_titled_axes_and_readable_values(page, problems, base_url, code):
    calc = open_page(page, base_url, "revenue-share", code)
    svg = calc.locator(".calc-chart svg")
    svg.scroll_into_view_if_needed()
    frame = svg.bounding_box()
    titles = svg.locator(".calc-chart__axis-title")
    expect(titles).to_have_text([lang.text(code, "calc.revenue-share.chart_y"),
                                 lang.text(code, "calc.revenue-share.chart_x")])
    values = svg.locator(".calc-chart__value")
    assert values.count() >= 2
    expect(values.first).to_have_text(re.compile(r"^[0-9][0-9.,]*$"))
    months = svg.locator(".calc-chart__month")
    assert months.count() == 6  # the example's six months, each labelled
    for text in svg.locator("text").all():
        box = text.bounding_box()
        assert frame["x"] - 0.5 <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"] + 0.5, box
        assert box["height"] >= 10, f"{text.inner_text()!r} is {box['height']} px tall at 360 px"
    assert problems.errors == []
