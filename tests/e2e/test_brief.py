"""The brief builder on a phone, both languages: fill, preview, copy, download, reload,
clear, warnings, no network, print, and the paper version without JavaScript."""
import json
import re
from urllib.parse import unquote, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from macros import brief, lang
from tests.conftest import LANG_PREFIX, ROOT, Traffic, screenshot

pytestmark = pytest.mark.e2e

STORAGE = f"trato-claro:{brief.STORAGE_KEY}"
TEXT_ANSWERS = {
    "business": "Tienda online de cerámica hecha a mano, pedido medio 60",
    "goal": "80 pedidos al mes antes de octubre",
    "audience": "Mujeres de 28 a 50 que compran regalos",
    "channels": "Anuncios en buscadores y mercados de artesanía",
    "lead_cost": "150",
    "conversion": "30",
    "social_results": "Nunca nos hemos anunciado en redes",
    "warm_audience": "900 clientes en la lista de correo",
    "budget": "600 honorarios + 900 anuncios al mes",
    "timing": "Empezar el 1 de septiembre",
    "expectations": "Montar y llevar los anuncios, informe semanal",
    "questions": "¿Necesitamos Facebook?",
    "contact": "Luis Gómez, cofundador",
    "communication": "Chat de 9 a 18, texto mejor que audios",
}
CHOICE = ("decision_time", "two_weeks")
axe = Axe()
VECTORS = json.loads((ROOT / "tests/vectors/brief-warnings.json").read_text(encoding="utf-8"))["cases"]


def open_brief(page, base_url, code):
    traffic = Traffic(page.context)
    page.goto(base_url + LANG_PREFIX[code] + "brief/")
    expect(page.locator("form.brief-form")).to_be_visible()
    traffic.settle(page)  # its modules in, as networkidle waits, with less idle time
    traffic.close()


def fill_all(page):
    for question, value in TEXT_ANSWERS.items():
        page.locator(f"#brief-{question}").fill(value)
    page.locator(f"label:has(#brief-{CHOICE[0]}-{CHOICE[1]})").tap()


def preview(page) -> str:
    return page.locator(".brief-preview__text").inner_text()


def assert_brief_has_everything(text: str, out_code: str):
    strings = lang.strings(out_code)
    assert strings["brief.out.title"] in text
    for question in brief.QUESTIONS:
        assert strings[f"brief.q.{question.id}.out"] in text, question.id
    for question, value in TEXT_ANSWERS.items():
        if question != "conversion":
            assert value in text, question
    assert ("30 %" if out_code == "es" else "30%") in text
    assert strings[f"brief.q.{CHOICE[0]}.opt.{CHOICE[1]}"] in text


@pytest.mark.parametrize(("code", "other"), [("es", "en"), ("en", "es")])
def test_every_answer_reaches_the_brief_in_both_output_languages(page, problems, base_url, code, other):
    open_brief(page, base_url, code)
    fill_all(page)
    assert_brief_has_everything(preview(page), code)
    screenshot(page, f"brief-filled-{code}")

    page.locator(f"label:has(#brief-lang-{other})").tap()
    assert_brief_has_everything(preview(page), other)
    assert lang.strings(code)["brief.out.title"] not in preview(page)
    assert problems.errors == []


@pytest.mark.parametrize("code", ["es", "en"])
def test_copy_puts_the_brief_on_the_clipboard(page, context, problems, base_url, code):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    open_brief(page, base_url, code)
    fill_all(page)
    page.get_by_role("button", name=lang.strings(code)["brief.copy"]).tap()
    expect(page.locator(".brief-status")).to_have_text(lang.strings(code)["brief.copied"])
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == preview(page).strip()
    assert_brief_has_everything(copied, code)
    assert problems.errors == []


@pytest.mark.parametrize("code", ["es", "en"])
def test_download_md_and_txt(page, problems, base_url, code):
    open_brief(page, base_url, code)
    fill_all(page)
    strings = lang.strings(code)
    for key, suffix in (("brief.download_md", ".md"), ("brief.download_txt", ".txt")):
        with page.expect_download() as info:
            page.get_by_role("button", name=strings[key]).tap()
        download = info.value
        assert download.suggested_filename.startswith("brief-") and download.suggested_filename.endswith(suffix)
        text = open(download.path(), encoding="utf-8").read()
        assert_brief_has_everything(text, code)
        if suffix == ".md":
            assert text.startswith(f"# {strings['brief.out.title']}")
            assert f"## {strings['brief.q.goal.out']}" in text
        else:
            assert "#" not in text.split("\n")[0]
    assert problems.errors == []


def test_answers_survive_a_reload_and_clear_removes_them(page, problems, base_url):
    open_brief(page, base_url, "en")
    fill_all(page)
    page.locator("label:has(#brief-lang-es)").tap()
    page.reload()
    expect(page.locator("#brief-business")).to_have_value(TEXT_ANSWERS["business"])
    expect(page.locator(f"#brief-{CHOICE[0]}-{CHOICE[1]}")).to_be_checked()
    expect(page.locator("#brief-lang-es")).to_be_checked()
    assert TEXT_ANSWERS["contact"] in preview(page)
    assert page.evaluate(f"localStorage.getItem({STORAGE!r})") is not None

    page.get_by_role("button", name="Clear answers").tap()
    expect(page.locator("#brief-business")).to_have_value("")
    expect(page.locator(f"#brief-{CHOICE[0]}-{CHOICE[1]}")).not_to_be_checked()
    expect(page.locator("#brief-lang-en")).to_be_checked()
    assert page.evaluate(f"localStorage.getItem({STORAGE!r})") is None
    assert TEXT_ANSWERS["contact"] not in preview(page)
    expect(page.get_by_role("button", name="Copy the brief")).to_be_disabled()

    page.get_by_role("button", name="Undo").tap()  # a mistaken tap is recoverable…
    expect(page.locator("#brief-business")).to_have_value(TEXT_ANSWERS["business"])
    page.get_by_role("button", name="Clear answers").tap()  # …and a deliberate one sticks
    page.reload()
    expect(page.locator("#brief-business")).to_have_value("")
    assert page.evaluate(f"localStorage.getItem({STORAGE!r})") is None
    assert problems.errors == []


@pytest.mark.parametrize("code", ["es", "en"])
def test_filling_the_form_requests_nothing(page, problems, base_url, code):
    open_brief(page, base_url, code)
    sent = []
    page.on("request", lambda request: sent.append(request))
    fill_all(page)
    page.locator("#brief-goal").press("Enter")  # no implicit submission either
    page.locator("#brief-contact").press("Enter")
    page.get_by_role("button", name=lang.strings(code)["brief.copy"]).tap()
    page.wait_for_timeout(500)
    # Plain GETs of the site's own static files, with nothing typed in them, are not data
    # leaving: Material's bundle and its search worker start at the reader's first touch
    # (partials/material-on-demand.html), and Chromium may re-read the page icon when
    # Material rewrites the #fragment while scrolling (navigation.tracking).
    root = urlsplit(base_url + LANG_PREFIX[code])
    static = ("assets/javascripts/", "assets/img/icon.svg")
    typed = {word.lower() for value in TEXT_ANSWERS.values() for word in value.split() if len(word) >= 6}
    for request in sent:
        url = urlsplit(request.url)
        assert not typed & set(re.split(r"[^\w]+", unquote(request.url).lower())), request.url
        assert request.method == "GET" and request.post_data is None, f"{request.method} {request.url}"
        assert url.netloc == root.netloc and url.path.startswith(root.path), request.url
        assert url.path[len(root.path):].startswith(static), f"{request.resource_type} {request.url}"
    assert urlsplit(page.url).path.endswith("/brief/")
    assert problems.errors == []


@pytest.mark.parametrize(("code", "text"), [("en", "Just promote us"), ("es", "Solo promociónanos")])
def test_vague_request_warning(page, problems, base_url, code, text):
    open_brief(page, base_url, code)
    strings = lang.strings(code)
    warning = page.locator("#brief-business-warn")
    expect(warning).to_be_empty()
    page.locator("#brief-business").fill(text)
    expect(warning).to_contain_text(strings["brief.warn.just-promote"])
    expect(warning.get_by_role("link")).to_have_attribute("href", "../sample-requests/#just-promote-us")
    page.locator("#brief-goal").fill("more sales")
    expect(page.locator("#brief-goal-warn")).to_contain_text(strings["brief.warn.no-number"])
    screenshot(page, f"brief-warning-{code}")
    page.locator("#brief-goal").fill("40 enquiries a month by March")
    expect(page.locator("#brief-goal-warn")).to_be_empty()
    page.locator("#brief-business").fill("Handmade ceramics shop")
    expect(warning).to_be_empty()
    assert problems.errors == []


def test_javascript_rules_match_the_python_vectors(page, base_url):
    open_brief(page, base_url, "en")
    results = page.evaluate(
        """async (cases) => {
            const { vagueWarnings } = await import("../assets/js/brief-text.js");
            const rules = JSON.parse(document.querySelector(".brief-data").textContent).rules;
            return cases.map((c) => vagueWarnings(c.answers, rules));
        }""",
        VECTORS,
    )
    assert results == [case["expected"] for case in VECTORS]


def visible(page, selector) -> bool:
    return any(el.is_visible() for el in page.locator(selector).all())


@pytest.mark.parametrize("code", ["es", "en"])
def test_print_shows_the_brief_without_navigation(page, problems, base_url, code):
    open_brief(page, base_url, code)
    page.emulate_media(media="print")
    # Empty: the paper version, questions and blank lines.
    assert page.locator(".brief-paper").is_visible()
    assert page.locator(".brief-paper__line").first.is_visible()
    assert not page.locator(".brief-preview__text").is_visible()
    page.emulate_media(media="screen")
    fill_all(page)
    page.emulate_media(media="print")
    # Filled: the brief itself, nothing else.
    assert page.locator(".brief-preview__text").is_visible()
    assert not page.locator(".brief-paper").is_visible()
    for hidden in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                   ".brief-tools", ".brief-section", ".brief-lang", "#why", "#how-to"):
        assert not visible(page, hidden), hidden
    assert page.locator("article h1").is_visible()
    screenshot(page, f"brief-print-{code}")
    assert problems.errors == []


@pytest.mark.parametrize("code", ["es", "en"])
def test_without_javascript_the_brief_is_a_printable_template(browser, base_url, code):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url + LANG_PREFIX[code] + "brief/")
    strings = lang.strings(code)
    expect(page.locator("form.brief-form")).to_be_hidden()
    expect(page.locator(".brief-paper__item")).to_have_count(len(brief.QUESTIONS))
    expect(page.locator(".brief-paper")).to_contain_text(strings["brief.q.goal.label"])
    expect(page.locator(".brief-paper__line").first).to_be_visible()
    screenshot(page, f"brief-nojs-{code}")
    context.close()


SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("code", ["es", "en"])
def test_axe_on_filled_and_warning_states(page, base_url, code, size):
    """Zero axe violations with every answer filled, and with vague answers flagged."""
    page.set_viewport_size(SIZES[size])
    open_brief(page, base_url, code)
    fill_all(page)
    expect(page.locator(".brief-preview__text")).to_contain_text(TEXT_ANSWERS["goal"])
    found = {"filled": axe.run(page).response["violations"]}
    page.locator("#brief-business").fill("Just promote us" if code == "en" else "Solo promociónanos")
    page.locator("#brief-goal").fill("more sales")
    expect(page.locator("#brief-goal-warn")).not_to_be_empty()
    found["warning"] = axe.run(page).response["violations"]
    problems = {state: [f"{v['id']}: {[n['target'] for n in v['nodes']][:2]}" for v in violations]
                for state, violations in found.items() if violations}
    assert not problems, problems
