"""Calculators under stress: axe in filled and error states at phone and desktop
sizes, a keyboard-only walk, hostile input typed and carried in links, and no
request that carries what the reader typed."""
import random
import urllib.parse

import pytest
from axe_playwright_python.sync_playwright import Axe

from macros.calc.specs import SPECS
from tests.conftest import LANG_PREFIX

pytestmark = pytest.mark.e2e

axe = Axe()
NAMES = list(SPECS)
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
HOSTILE = ["", " ", "-0", "−0", "1e308", "-1e308", "NaN", "Infinity", "undefined", "<script>alert(1)</script>",
           "<img src=x onerror=alert(1)>", "\"'><b>x</b>", "0x1F", "2026-02-30", "2026-13-01", "9999-12-31", "25:61",
           "١٢٣", "100.000,5", "1,2,3", "x" * 10_000, "😀" * 50, "\u202e123", "%00", "1e-400", "--1", "0,0"]
JUNK = ("NaN", "Infinity", "undefined")


def calc_page(browser, base_url, name, code, size="phone", **context_args):
    context = browser.new_context(viewport=SIZES[size], **context_args)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(f"{base_url}{LANG_PREFIX[code]}calculators/{name}/")
    page.locator(".calc-form").wait_for(state="visible")
    return context, page, errors


def text_fields(page):
    return page.locator(".calc-form input:is([type=text]), .calc-form textarea").all()


def calc_text(page) -> str:
    return page.locator(".calc").inner_text()


def submit(page):
    page.evaluate("document.querySelector('.calc-form').requestSubmit()")


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("code", ["es", "en"])
def test_axe_on_filled_and_error_states(browser, base_url, code, size):
    found = {}
    for name in NAMES:
        # Reduced motion: axe measures the settled page, not Material's header title halfway
        # through its cross-fade (it once caught it at low contrast).
        context, page, _ = calc_page(browser, base_url, name, code, size, reduced_motion="reduce")
        first = text_fields(page)[0]
        first.fill("12")  # a valid, different value: the filled state
        submit(page)
        page.locator(".calc-result .calc-sentence").wait_for()
        # The calculator alone: the rest of the page is the same in every state, and the page
        # walks (test_every_page.py) run axe over all of it, at both sizes and in both schemes.
        filled = axe.run(page, context=".calc").response["violations"]
        first.fill("abc")  # the error state
        submit(page)
        page.locator(".calc-error:not([hidden])").first.wait_for()
        failed = axe.run(page, context=".calc").response["violations"]
        for state, violations in (("filled", filled), ("error", failed)):
            if violations:
                found[f"{name} {state}"] = [f"{v['id']}: {[n['target'] for n in v['nodes']][:2]}" for v in violations]
        context.close()
    assert not found, found


@pytest.mark.parametrize("code", ["es", "en"])
@pytest.mark.parametrize("name", NAMES)
def test_keyboard_only_walk(browser, base_url, name, code):
    context, page, errors = calc_page(browser, base_url, name, code, "desktop")
    page.evaluate("""() => { window.__key = (el) => el.id || (el.name ? `${el.name}:${el.value}` : '')
        || el.dataset.action || el.type || el.tagName; }""")
    expected = page.evaluate("""() => [...document.querySelectorAll('.calc *')]
        .filter((el) => el.matches('input, select, textarea, button, summary, a[href], [tabindex]')
                && el.tabIndex >= 0 && el.checkVisibility())
        .map(window.__key)""")
    page.locator(".calc-form [name]").first.focus()
    seen = []
    for _ in range(6 * len(expected)):  # date/time pickers take one Tab per part (day, month, year…)
        info = page.evaluate("""() => { const el = document.activeElement;
            if (!el.closest('.calc')) return null;
            const style = getComputedStyle(el);
            return { key: window.__key(el),
                     outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 }; }""")
        if info is None:
            break
        if not seen or seen[-1]["key"] != info["key"]:
            seen.append(info)
        page.keyboard.press("Tab")
    keys = [s["key"] for s in seen]
    assert keys == expected, f"tab order differs from reading order:\n tabbed {keys}\n reading {expected}"
    assert all(s["outline"] for s in seen), [s["key"] for s in seen if not s["outline"]]

    # Enter in a field submits: a new value shows up in the result.
    field = text_fields(page)[0]
    field.focus()
    before = page.locator(".calc-sentence").inner_text()
    page.keyboard.press("Control+A")
    page.keyboard.type("7")
    page.keyboard.press("Enter")
    page.wait_for_function("(b) => document.querySelector('.calc-sentence')?.innerText !== b"
                           " || document.querySelector('.calc-error:not([hidden])')", arg=before)
    assert errors == []
    context.close()


@pytest.mark.parametrize("code", ["es", "en"])
@pytest.mark.parametrize("name", NAMES)
def test_fuzz_typed_input(browser, base_url, name, code):
    rng = random.Random(f"{name}-{code}")  # reproducible
    context, page, errors = calc_page(browser, base_url, name, code)
    fields = page.locator(".calc-form [name]").all()
    for _ in range(30):
        field = rng.choice(fields)
        value = rng.choice(HOSTILE + ["".join(chr(rng.randint(32, 0x2FFF)) for _ in range(rng.randint(1, 30)))])
        # Set the value as a script would: date/time pickers drop what they cannot hold.
        field.evaluate("(el, v) => { if (el.type === 'checkbox') el.checked = !el.checked; else el.value = v; "
                       "el.dispatchEvent(new Event('input', {bubbles: true})); }", value)
        submit(page)
        text = calc_text(page)
        typed = " ".join(page.evaluate("[...document.querySelectorAll('.calc-form [name]')].map((e) => e.value)"))
        # The junk words may only appear where the reader typed them (an error message quotes the entry).
        assert not [j for j in JUNK if j in text and j not in typed], (field.get_attribute("name"), value)
        injected = ".calc img, .calc script:not([type='application/json']), .calc b, .calc iframe"
        assert page.locator(injected).count() == 0
        shown = page.locator(".calc-error:not([hidden]), .calc-result .calc-sentence").count()
        assert shown, f"neither a result nor a message for {value!r}"
    assert errors == []
    context.close()


@pytest.mark.parametrize("code", ["es", "en"])
@pytest.mark.parametrize("name", NAMES)
def test_fuzz_shared_links(browser, base_url, name, code):
    rng = random.Random(f"url-{name}-{code}")
    fields = [f["name"] for f in SPECS[name]["fields"]]
    context, page, errors = calc_page(browser, base_url, name, code)
    for _ in range(8):
        query = {f: rng.choice(HOSTILE[:-3]) for f in rng.sample(fields, k=min(3, len(fields)))}
        page.goto(f"{base_url}{LANG_PREFIX[code]}calculators/{name}/?{urllib.parse.urlencode(query)}")
        page.locator(".calc-form").wait_for(state="visible")
        text = calc_text(page)
        assert not [j for j in JUNK if j in text and not any(j in v for v in query.values())], query
        assert page.locator(".calc img, .calc b, .calc iframe").count() == 0
        assert page.locator(".calc-error:not([hidden]), .calc-result .calc-sentence").count()
    assert errors == []
    context.close()


def test_nothing_typed_leaves_the_browser(browser, base_url):
    marker = "987654321"
    context = browser.new_context(viewport=SIZES["phone"])
    sent = []
    context.on("request", lambda r: sent.append(f"{r.method} {r.url} {r.post_data or ''}"))
    page = context.new_page()
    page.goto(f"{base_url}calculators/penalty/")
    page.locator(".calc-form").wait_for(state="visible")
    loaded = len(sent)
    page.locator("[name='amount']").fill(marker)
    submit(page)
    page.locator(".calc-sentence").wait_for()
    page.wait_for_timeout(500)
    assert marker in page.url  # it is in the shareable address…
    assert not [r for r in sent if marker in r], sent  # …but never in a request
    assert all(r.split()[0] == "GET" for r in sent[loaded:]), sent[loaded:]
    context.close()
