"""Each calculator on a phone, in both languages: fill, read the result, share the
link and reopen it, and get a clear message for bad input."""
import datetime
import re
from urllib.parse import urldefrag

import pytest
from playwright.sync_api import expect

from macros import lang, widgets
from macros.calc import engine
from macros.calc.fmt import Formatter
from tests.conftest import LANG_PREFIX, screenshot

pytestmark = pytest.mark.e2e

# name: (fields to type {field: {lang: text}}, output key, expected text {lang: regex})
SCENARIOS = {
    "turnaround": ({"request": "2026-11-27T15:00", "days": "2", "cutoff": "18:00"}, "live",
                   {"es": r"miércoles, 2 de diciembre de 2026", "en": r"Wednesday,? 2 December 2026"}),
    "response-time": ({"sent": "2026-11-27T23:00", "window": "2", "start": "10:00", "end": "19:00"}, "due",
                      {"es": r"lunes, 30 de noviembre de 2026, 12:00", "en": r"Monday,? 30 November 2026, 12:00"}),
    "client-delay": ({"start": "2026-12-01", "length": "30", "requested": "2026-12-01", "arrived": "2026-12-08",
                      "today": "2026-12-10"}, "days_left", {"es": r"^23 días$", "en": r"^23 days$"}),
    "penalty": ({"amount": {"es": "250.000", "en": "250,000"}, "days": "5"}, "total",
                {"es": r"^50\.000$", "en": r"^50,000$"}),
    "revenue-share": ({"percent": "5", "turnover": "100000\n400000\n10000000"}, "percent_total",
                      {"es": r"^525\.000$", "en": r"^525,000$"}),
    "cost-of-sale": ({"conversion": "25", "search_cpl": "150", "social_cpl": "200"}, "cheaper_cost_per_sale",
                     {"es": r"^600$", "en": r"^600$"}),
}
BAD_INPUT = {  # field, typed text, error code
    "turnaround": ("days", "-1", "too_small"),
    "response-time": ("window", "abc", "not_number"),
    "client-delay": ("length", "0", "too_small"),
    "penalty": ("amount", "<b>cien</b>", "not_number"),
    "revenue-share": ("turnover", "100000\nmucho", "bad_item"),
    "cost-of-sale": ("conversion", "0", "zero_conversion"),
}
CASES = [(name, code) for name in SCENARIOS for code in ("es", "en")]


def output(calc, key):
    return calc.locator(".calc-result .calc-out").filter(has=calc.page.locator(f"dt:text-is('{label(calc, key)}')"))


def label(calc, key):
    return calc.page.evaluate(
        "([el, k]) => JSON.parse(el.querySelector('.calc-config').textContent).strings[k]",
        [calc.element_handle(), f"calc.{calc.get_attribute('data-calc')}.out.{key}"])


def type_into(calc, field, text):
    control = calc.locator(f"[name='{field}']")
    control.fill(text)


def open_calculator(page, base_url, name, code):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{base_url}{LANG_PREFIX[code]}calculators/{name}/")
    calc = page.locator(f".calc[data-calc='{name}']")
    expect(calc.locator(".calc-form")).to_be_visible()
    expect(calc.locator(".calc-result__title")).to_have_text(lang.text(code, "calc.common.result_title"))
    return calc


@pytest.mark.parametrize(("name", "code"), CASES)
def test_fill_share_reopen(page, problems, base_url, name, code):
    calc = open_calculator(page, base_url, name, code)
    fields, key, expected = SCENARIOS[name]
    for field, text in fields.items():
        type_into(calc, field, text[code] if isinstance(text, dict) else text)
    calc.locator("[name]").first.press("Enter")
    expect(output(calc, key).locator("dd")).to_have_text(re.compile(expected[code]))
    sentence = calc.locator(".calc-sentence").inner_text()
    screenshot(page, f"calc-{name}-{code}")

    calc.locator("[data-action='copy-link']").tap()
    expect(calc.locator(".calc-share__status")).to_have_text(lang.text(code, "calc.common.copied"))
    link = page.evaluate("navigator.clipboard.readText()")
    assert link.startswith(f"{base_url}{LANG_PREFIX[code]}calculators/{name}/?")
    # The address bar carries the same inputs; its #fragment is Material's
    # (navigation.tracking follows the heading in view), the link's points at the calculator.
    assert urldefrag(page.evaluate("location.href")).url == urldefrag(link).url
    assert urldefrag(link).fragment == f"calc-{name}"

    calc.locator("[data-action='copy-text']").tap()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{sentence}\n{link}"

    other = page.context.new_page()
    other.goto(link)
    reopened = other.locator(f".calc[data-calc='{name}']")
    expect(output(reopened, key).locator("dd")).to_have_text(re.compile(expected[code]))
    expect(reopened.locator(".calc-sentence")).to_have_text(sentence)
    assert problems.errors == []


@pytest.mark.parametrize(("name", "code"), CASES)
def test_bad_input_gets_a_clear_message(page, problems, base_url, name, code):
    calc = open_calculator(page, base_url, name, code)
    field, text, error = BAD_INPUT[name]
    type_into(calc, field, text)
    calc.locator(f"[name='{field}']").press("Enter" if field != "turnover" else "Tab")
    calc.locator(".calc-form button[type=submit]").tap()
    message = calc.locator(f"#{calc.get_attribute('id')}-{field}-error")
    template = lang.text(code, f"calc.error.{error}")
    expect(message).to_be_visible()
    expect(message).to_have_text(re.compile(re.escape(template.split("{")[0].strip())))
    expect(calc.locator(f"[name='{field}']")).to_have_attribute("aria-invalid", "true")
    expect(calc.locator(".calc-result__title")).to_have_text(lang.text(code, "calc.common.fix_errors"))
    expect(calc.locator(".calc-result")).to_have_attribute("data-stale", "")
    text_now = calc.inner_text()
    for junk in ("NaN", "Infinity", "undefined", "null"):
        assert junk not in text_now
    assert calc.locator(".calc b").count() == 0  # typed markup is never rendered
    assert problems.errors == []


def test_link_with_hostile_values_is_validated_not_injected(page, problems, base_url):
    page.goto(f"{base_url}calculators/penalty/?amount=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&days=1e308&cap=-0")
    calc = page.locator(".calc[data-calc='penalty']")
    expect(calc.locator("#calc-penalty-amount-error")).to_have_text(lang.text("es", "calc.error.not_number"))
    expect(calc.locator("#calc-penalty-days-error")).to_be_visible()
    assert calc.locator("img").count() == 0
    assert problems.errors == []


@pytest.mark.parametrize("code", ["es", "en"])
def test_without_javascript_the_worked_example_is_there(browser, base_url, code):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{base_url}{LANG_PREFIX[code]}calculators/penalty/")
    expect(page.locator(".calc-form")).to_be_hidden()
    expect(page.locator(".calc-noscript")).to_be_visible()
    total = {"es": "20.000", "en": "20,000"}[code]
    expect(page.locator(".calc-out--main dd").first).to_have_text(total)
    expect(page.locator(".calc-table tbody tr")).to_have_count(5)
    context.close()


# -- Country holidays: fetched only when a country is picked ---------------------

def holiday_case(code):
    """A request on the working day before a weekday holiday next year in Spain, and the
    'live' date Python works out with and without that country's holidays."""
    today = datetime.date.today()
    presets = widgets.holidays_for(code, today.year)
    days = sorted(datetime.date.fromisoformat(d) for d in presets["ES"] if d.startswith(str(today.year + 1)))
    holiday = next(d for d in days if 1 <= d.isoweekday() <= 5 and 1 <= (d - datetime.timedelta(1)).isoweekday() <= 5
                   and d - datetime.timedelta(1) not in days)
    fields = {"request": f"{holiday - datetime.timedelta(1)}T09:00", "days": "1", "cutoff": "18:00"}
    fmt = Formatter(code, lang.strings(code))
    live = {country: fmt.value("date", engine.run("turnaround", {**fields, "country": country},
                                                    engine.context(today, presets))["result"]["live"])
            for country in ("", "ES")}
    assert live[""] != live["ES"], "the case must cross a holiday"
    return fields, live


def pick_country(calc, country):
    calc.locator(".calc-more > summary").tap()
    calc.locator("select[name='country']").select_option(country)


@pytest.mark.parametrize("code", ["es", "en"])
def test_a_picked_country_fetches_its_holidays_and_counts_them(page, problems, base_url, code):
    fetched = []
    page.on("request", lambda request: "/assets/holidays/" in request.url and fetched.append(request.url))
    calc = open_calculator(page, base_url, "turnaround", code)
    assert fetched == []  # nothing until a country is picked
    fields, live = holiday_case(code)
    for field, text in fields.items():
        type_into(calc, field, text)
    calc.locator("[name]").first.press("Enter")
    expect(output(calc, "live").locator("dd")).to_have_text(live[""])
    pick_country(calc, "ES")
    expect(output(calc, "live").locator("dd")).to_have_text(live["ES"])  # same date as the Python twin
    assert fetched == [f"{base_url}{LANG_PREFIX[code]}assets/holidays/ES.json"]
    assert calc.locator(".calc-warning").count() == 0
    # A shared link with the country reopens with the holidays counted.
    calc.locator("[data-action='copy-link']").tap()
    other = page.context.new_page()
    other.goto(page.evaluate("navigator.clipboard.readText()"))
    expect(output(other.locator(".calc[data-calc='turnaround']"), "live").locator("dd")).to_have_text(live["ES"])
    assert problems.errors == []


@pytest.mark.parametrize("code", ["es", "en"])
def test_holidays_that_cannot_load_are_named_not_hidden(browser, browser_context_args, base_url, code):
    # No service worker: once it controls the page it would answer from its cache, past the route.
    context = browser.new_context(**{**browser_context_args, "service_workers": "block"})
    page = context.new_page()
    page.route("**/assets/holidays/*.json", lambda route: route.abort())
    calc = open_calculator(page, base_url, "turnaround", code)
    fields, live = holiday_case(code)
    for field, text in fields.items():
        type_into(calc, field, text)
    pick_country(calc, "ES")
    expect(calc.locator(".calc-warning")).to_have_text(lang.text(code, "calc.common.holidays_failed"))
    expect(output(calc, "live").locator("dd")).to_have_text(live[""])
    # Worked out without them, and the line kept in view says so, not "with Spain's holidays".
    expect(calc.locator(".calc-summary")).to_contain_text(lang.text(code, "calc.common.summary_no_holidays"))
    expect(calc.locator(".calc-result")).to_have_attribute("aria-busy", "false")
    context.close()


@pytest.mark.parametrize("code", ["es", "en"])
def test_a_calculator_inside_a_chapter_starts_when_scrolled_near(page, problems, base_url, code):
    loaded = []
    page.on("request", lambda request: "/calculator.js" in request.url and loaded.append(request.url))
    page.goto(f"{base_url}{LANG_PREFIX[code]}rules/")
    calc = page.locator(".calc[data-calc]").last
    page.wait_for_load_state("networkidle")
    assert loaded == [], "the chapter's first paint waited for calculator code nobody has scrolled to"
    expect(calc.locator(".calc-form")).to_be_hidden()
    calc.scroll_into_view_if_needed()
    expect(calc.locator(".calc-form")).to_be_visible()
    expect(calc.locator(".calc-result__title")).to_have_text(lang.text(code, "calc.common.result_title"))
    assert len(loaded) == 1
    assert problems.errors == []


# Element by element: tag, attributes, and the text of elements with no child elements.
RESULT_SHAPE = """(root) => [...root.querySelectorAll("*")].map((node) => [
  node.tagName.toLowerCase(),
  [...node.attributes].map((a) => `${a.name}=${a.value}`).sort().join(" "),
  node.children.length ? "" : node.textContent.trim(),
])"""


# Keeps the result title the build wrote, once the page is parsed and before its scripts run.
KEEP_BUILT_TITLE = """document.addEventListener("readystatechange", () => {
  if (document.readyState === "interactive") window.builtTitle = document.querySelector(".calc-result__title");
});"""
DAY_INDEPENDENT = {"penalty", "revenue-share", "cost-of-sale"}  # no default moves with the day


@pytest.mark.parametrize(("name", "code"), CASES)
def test_a_kept_worked_example_is_what_the_calculator_would_draw(page, problems, base_url, name, code):
    """Opened with the inputs the build used, a calculator keeps the build's worked example
    instead of drawing it again: it must be exactly what it would draw. Calculators whose
    defaults move with the day keep it too on the build's day (the site is built just now)."""
    page.add_init_script(KEEP_BUILT_TITLE)
    calc = open_calculator(page, base_url, name, code)
    if name in DAY_INDEPENDENT:
        assert page.evaluate("window.builtTitle.isConnected"), "the build's example was drawn again"
    result = calc.locator(".calc-result")
    kept = result.evaluate(RESULT_SHAPE)
    assert len(kept) > 5 and kept[0][2] == lang.text(code, "calc.common.result_title")
    result.evaluate("(node) => node.firstElementChild.setAttribute('data-old', '')")
    calc.locator("[data-action='example']").click()
    expect(result.locator(".calc-result__title[data-old]")).to_have_count(0)  # drawn anew
    assert result.evaluate(RESULT_SHAPE) == kept
    calc.locator("[data-action='copy-link']").tap()
    expect(calc.locator(".calc-share__status")).to_have_text(lang.text(code, "calc.common.copied"))
    # The link the page's own address carries (Material's scroll tracking may change its #).
    link = page.evaluate("navigator.clipboard.readText()")
    assert link == f"{urldefrag(page.url).url}#{calc.get_attribute('id')}"


# Words of each result value that the browser split across two lines (overflow-wrap
# breaks a word only when it cannot fit its box: "Wednesday," in large type at 360 px did).
SPLIT_WORDS = """(root) => [...root.querySelectorAll(".calc-out dd")].flatMap((dd) => {
  const text = dd.firstChild;
  if (!text || text.nodeType !== Node.TEXT_NODE) return [];
  const split = [];
  for (const match of text.data.matchAll(/\\S+/g)) {
    const range = document.createRange();
    range.setStart(text, match.index);
    range.setEnd(text, match.index + match[0].length);
    const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
    if (lines.size > 1) split.push(match[0]);
  }
  return split;
})"""


@pytest.mark.parametrize(("name", "code"), CASES)
def test_results_keep_their_words_whole_at_360_px(page, problems, base_url, name, code):
    page.set_viewport_size({"width": 360, "height": 740})
    calc = open_calculator(page, base_url, name, code)
    assert calc.locator(".calc-result").evaluate(SPLIT_WORDS) == []
