"""Numbers as readers type them, on a phone in both languages: the page's own marks are read
right, a figure that could be 150 or 150 000 is asked about, and while a field is invalid the
old result is marked out of date and "copy" says why it copied nothing."""
import re

import pytest
from playwright.sync_api import expect

from macros import lang
from tests.e2e.test_calculators import open_calculator, output

pytestmark = pytest.mark.e2e

LANGS = ["es", "en"]
# Typed amount → penalty total (5 days at 10% + 2%/day = 20% of the amount), per language.
READ_RIGHT = {
    "es": [("150.000", "30.000"), ("150 000 €", "30.000"), ("150k", "30.000"), ("1,5 M", "300.000")],
    "en": [("150,000", "30,000"), ("€150,000", "30,000"), ("150K", "30,000"), ("1.5M", "300,000")],
}
AMBIGUOUS = {"es": ("150,000", "¿150 o 150.000?"), "en": ("150.000", "150 or 150,000?")}


@pytest.mark.parametrize("code", LANGS)
def test_amounts_typed_the_page_s_way_are_read_right(page, problems, base_url, code):
    calc = open_calculator(page, base_url, "penalty", code)
    amount = calc.locator("[name='amount']")
    for typed, total in READ_RIGHT[code]:
        amount.fill(typed)
        amount.press("Enter")
        expect(output(calc, "total").locator("dd")).to_have_text(total)
    assert problems.errors == []


@pytest.mark.parametrize("code", LANGS)
def test_an_ambiguous_amount_gets_a_question_in_the_page_s_figures(page, problems, base_url, code):
    calc = open_calculator(page, base_url, "penalty", code)
    typed, question = AMBIGUOUS[code]
    calc.locator("[name='amount']").fill(typed)
    calc.locator("[name='amount']").press("Enter")
    message = calc.locator("#calc-penalty-amount-error")
    expect(message).to_be_visible()
    expect(message).to_have_text(re.compile("^" + re.escape(question)))
    expect(calc.locator(".calc-result__title")).to_have_text(lang.text(code, "calc.common.fix_errors"))
    expect(calc.locator(".calc-result")).to_have_attribute("data-stale", "")
    assert problems.errors == []


@pytest.mark.parametrize("code", LANGS)
def test_an_invalid_field_marks_the_old_result_and_copy_says_why(page, problems, base_url, code):
    calc = open_calculator(page, base_url, "penalty", code)
    page.evaluate("navigator.clipboard.writeText('before')")
    result = calc.locator(".calc-result")
    expect(result).not_to_have_attribute("data-stale", "")
    calc.locator("[name='days']").fill("dos")  # an input event only: the reader is still typing
    expect(result).to_have_attribute("data-stale", "")
    expect(result.locator(".calc-result__title")).to_have_text(lang.text(code, "calc.common.stale"))
    expect(result.locator(".calc-sentence")).to_be_hidden()
    for action in ("copy-text", "copy-link"):
        calc.locator(f"[data-action='{action}']").tap()
        expect(calc.locator(".calc-share__status")).to_have_text(lang.text(code, "calc.common.copy_invalid"))
    assert page.evaluate("navigator.clipboard.readText()") == "before"
    message = calc.locator("#calc-penalty-days-error")
    calc.locator("[name='days']").press("Enter")
    expect(message).to_have_text(lang.text(code, "calc.error.not_integer"))  # no "2.5" offered for a day count
    calc.locator("[name='days']").fill("3")
    expect(result).not_to_have_attribute("data-stale", "")
    expect(result.locator(".calc-sentence")).to_be_visible()
    expect(message).to_be_hidden()
    assert problems.errors == []


@pytest.mark.parametrize("code", LANGS)
def test_a_limit_in_a_message_is_written_in_the_page_s_figures(page, problems, base_url, code):
    calc = open_calculator(page, base_url, "penalty", code)
    calc.locator("[name='amount']").fill("2000000000000")
    calc.locator("[name='amount']").press("Enter")
    limit = {"es": "1.000.000.000.000", "en": "1,000,000,000,000"}[code]
    expect(calc.locator("#calc-penalty-amount-error")).to_have_text(
        lang.text(code, "calc.error.too_large").format(max=limit))
    assert problems.errors == []
