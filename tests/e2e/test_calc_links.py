"""Shared links that keep their meaning, on a phone in both languages: a link carries every
input of its scenario and a version, the address bar stays as opened until the reader changes
something, the client's "today" is not pinned unless set, and a link's values the form cannot
hold are named (and each stays in view under its field with its message) while the result is
worked out from what the form shows."""
import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from macros import lang, widgets
from macros.calc import engine, sentences
from macros.calc.fmt import Formatter
from macros.calc.specs import SPECS
from tests.conftest import LANG_PREFIX
from tests.e2e.test_calculators import open_calculator, output

pytestmark = pytest.mark.e2e

LANGS = ["es", "en"]


def copied_link(page, calc) -> dict[str, list[str]]:
    calc.locator("[data-action='copy-link']").tap()
    return parse_qs(urlsplit(page.evaluate("navigator.clipboard.readText()")).query, keep_blank_values=True)


@pytest.mark.parametrize("code", LANGS)
def test_a_link_carries_every_input_and_a_version(page, problems, base_url, code):
    calc = open_calculator(page, base_url, "penalty", code)
    assert urlsplit(page.url).query == ""  # opened without a query, nothing written yet
    params = copied_link(page, calc)
    applying = {f["name"] for f in SPECS["penalty"]["fields"] if "when" not in f}  # basis is "calendar"
    assert set(params) == applying | {"v"}
    assert params["v"] == ["2"] and params["amount"] == ["100000"] and params["cap"] == [""]
    assert urlsplit(page.url).query == "", "copying is not changing: the address bar stays as opened"
    calc.locator("[name='days']").fill("6")
    expect(output(calc, "days").locator("dd")).to_have_text(re.compile("6"))
    assert parse_qs(urlsplit(page.url).query)["days"] == ["6"]
    assert problems.errors == []


@pytest.mark.parametrize("code", LANGS)
def test_an_old_link_still_opens_on_its_result(page, problems, base_url, code):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{base_url}{LANG_PREFIX[code]}calculators/penalty/?amount=250000&days=5")
    calc = page.locator(".calc[data-calc='penalty']")
    expect(output(calc, "total").locator("dd")).to_have_text({"es": "50.000", "en": "50,000"}[code])
    assert page.url.endswith("?amount=250000&days=5")
    assert problems.errors == []


@pytest.mark.parametrize("code", LANGS)
def test_the_client_s_today_travels_only_once_set(page, problems, base_url, code):
    calc = open_calculator(page, base_url, "client-delay", code)
    params = copied_link(page, calc)
    assert "today" not in params and {"start", "requested", "arrived"} <= set(params)
    calc.locator("[name='today']").fill("2026-12-10")
    expect(calc.locator(".calc-result")).not_to_have_attribute("data-stale", "")
    assert copied_link(page, calc)["today"] == ["2026-12-10"]
    assert problems.errors == []


# Link values the form cannot hold: (calculator, query, {field left out: what is wrong with its value}).
UNUSABLE = [
    ("turnaround", "request=2026-11-27T19:00&days=2&cutoff=9:00", {"cutoff": ("9:00", "bad_time")}),
    ("client-delay", "start=2026-12-01&requested=2026-12-01&arrived=2026-02-30&today=2026-12-10",
     {"arrived": ("2026-02-30", "bad_date")}),
    ("turnaround", "request=2026-12-04T10:00&days=2&country=gb", {"country": ("gb", "bad_choice")}),
]


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize(("name", "query", "left"), UNUSABLE)
def test_link_values_the_form_cannot_hold_are_named_and_not_used(page, problems, base_url, code, name, query, left):
    page.goto(f"{base_url}{LANG_PREFIX[code]}calculators/{name}/?{query}")
    calc = page.locator(f".calc[data-calc='{name}']")
    note = calc.locator(".calc-warning[role='status']")
    expect(note).to_be_visible()
    strings = lang.strings(code)
    for field, (value, code_) in left.items():
        label = strings.get(f"calc.{name}.field.{field}") or strings[f"calc.common.field.{field}"]
        expect(note).to_contain_text(label)
        # The value stays in view under its field, with what is wrong with it, though the control is empty.
        message = strings["calc.common.link_field"].format(value=value, message=strings[f"calc.error.{code_}"])
        expect(calc.locator(f"#calc-{name}-{field}-error")).to_have_text(message)
    # The result is the one the form's own values give (Python works it out from them too)...
    held = calc.evaluate("""(root) => Object.fromEntries([...root.querySelectorAll('.calc-form [name]')]
        .filter((c) => c.type !== 'checkbox').map((c) => [c.name, c.value]))""")
    today = datetime.date.today()
    presets = widgets.holidays_for(code, today.year)
    outcome = engine.run(name, held, engine.context(today, presets), {"es": ",", "en": "."}[code])
    expected = sentences.write(name, outcome["result"], outcome["values"], Formatter(code, strings), presets)
    expect(calc.locator(".calc-sentence")).to_have_text(expected)
    # ... and so the first edit changes nothing.
    calc.locator("form").evaluate("(form) => form.dispatchEvent(new Event('change'))")
    expect(calc.locator(".calc-sentence")).to_have_text(expected)
    expect(note).to_be_hidden()  # once the reader edits, the note has done its job
    for field in left:
        expect(calc.locator(f"#calc-{name}-{field}-error")).to_be_hidden()
    assert problems.errors == []


@pytest.mark.parametrize("code", LANGS)
def test_a_hand_made_figure_in_a_link_is_read_as_the_form_reads_it(page, problems, base_url, code):
    """'1,000' was read as 1000 from the link, then as 1 after any edit on the Spanish page."""
    page.goto(f"{base_url}{LANG_PREFIX[code]}calculators/cost-of-sale/?search_cpl=1,000")
    calc = page.locator(".calc[data-calc='cost-of-sale']")
    if code == "es":  # the page's decimal comma: a question, as if typed
        expect(calc.locator("#calc-cost-of-sale-search_cpl-error")).to_have_text(re.compile(re.escape("¿1 o 1.000?")))
        expect(calc.locator(".calc-result")).to_have_attribute("data-stale", "")
    else:  # the page's group mark: a thousand, as if typed
        expect(calc.locator(".calc-table tbody tr").nth(1).locator("td").nth(1)).to_have_text("1,000")
        expect(calc.locator("#calc-cost-of-sale-search_cpl-error")).to_be_hidden()
    assert problems.errors == []


@pytest.mark.parametrize("code", LANGS)
def test_open_on_its_own_page_takes_the_typed_numbers_along(page, problems, base_url, code):
    page.goto(f"{base_url}{LANG_PREFIX[code]}rules/")
    calc = page.locator(".calc[data-calc='turnaround']")
    calc.scroll_into_view_if_needed()
    expect(calc.locator(".calc-form")).to_be_visible()
    calc.locator("[name='days']").fill("4")
    calc.locator("[name='days']").press("Enter")
    expect(output(calc, "ready").locator("dd")).to_be_visible()
    ready = output(calc, "ready").locator("dd").inner_text()
    link = page.locator(f"#{calc.get_attribute('id')}-open")
    expect(link).to_have_attribute("href", re.compile(r"calculators/turnaround/\?.*days=4"))
    link.click()
    page.wait_for_url(re.compile(r"calculators/turnaround/\?"))
    own = page.locator(".calc[data-calc='turnaround']")
    expect(own.locator("[name='days']")).to_have_value("4")
    expect(output(own, "ready").locator("dd")).to_have_text(ready)
    assert problems.errors == []


# A phone's Web Share API, recorded instead of opening the native sheet.
FAKE_SHARE = """Object.defineProperty(Navigator.prototype, "share", {
  value(data) { window.shared = data; return Promise.resolve(); }, configurable: true });"""


@pytest.mark.parametrize("code", LANGS)
def test_share_opens_the_phone_s_sheet_with_the_sentence_and_the_link(page, problems, base_url, code):
    page.add_init_script(FAKE_SHARE)
    calc = open_calculator(page, base_url, "turnaround", code)
    button = calc.locator("[data-action='share']")
    expect(button).to_have_text(lang.text(code, "calc.common.share"))
    calc.locator("[name='days']").fill("3")
    expect(calc.locator(".calc-result")).not_to_have_attribute("data-stale", "")
    button.tap()
    shared = page.wait_for_function("window.shared").json_value()
    calc.locator("[data-action='copy-link']").tap()
    link = page.evaluate("navigator.clipboard.readText()")
    assert shared == {"text": calc.locator(".calc-sentence").inner_text(), "url": link}
    assert problems.errors == []


def test_without_web_share_only_the_copy_buttons_show(page, base_url):
    page.add_init_script('delete Navigator.prototype.share;')
    calc = open_calculator(page, base_url, "turnaround", "en")
    expect(calc.locator("[data-action='share']")).to_be_hidden()
    expect(calc.locator("[data-action='copy-text']")).to_be_visible()
