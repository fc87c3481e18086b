"""What the site keeps in the reader's browser, under attack: two tabs editing at once,
every stored key corrupted (invalid JSON, the wrong type, a huge value), storage blocked
and storage full. Every widget still works, and says so when it cannot save."""
import json

import pytest
from playwright.sync_api import expect

from macros import agreement, agreement_doc, brief, lang
from tests.conftest import LANG_PREFIX

pytestmark = pytest.mark.e2e

CHECK_PAGE = "expectations/"
CHECK_KEY = "trato-claro:check:expectations/:list-1"
BRIEF_KEY = f"trato-claro:{brief.STORAGE_KEY}"
AGREEMENT_KEY = f"trato-claro:{agreement.STORAGE_KEY}"
TABS_PAGE = "revenue-share/"  # has client/specialist content tabs (Material's linked tabs)


def material_keys(code: str) -> list[str]:
    """Material's storage is scoped to the language root: /.__scheme, /en/.__tabs …"""
    scope = "/" + LANG_PREFIX[code]
    return [f"{scope}.__scheme", f"{scope}.__tabs"]


BAD_VALUES = {
    "invalid-json": "{not json",
    "true": "true",
    "null": "null",
    "object": json.dumps({"answers": {"business": {"x": 1}, "goal": True}, "lang": {"toString": 1}}),
    "numbers": "[1, 2, {}]",
    "string": json.dumps("slate-ish"),
    "prototype-keys": json.dumps({"__proto__": {"answers": {"business": "polluted"}}, "constructor": "x"}),
    "huge": json.dumps("x" * 1_000_000),
}
NOT_ANSWERS = ("[object Object]", "true", "polluted", "undefined", "null")


def seed(page, values: dict[str, str]):
    page.evaluate("(values) => { for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v); }", values)


def stored(page, key: str):
    return page.evaluate("(key) => localStorage.getItem(key)", key)


def check_notice(page):
    return page.locator(".check-save-failed").first


def brief_notice(page):
    return page.locator(".brief-save-failed")


def assert_checklist_works(page):
    """Tick, reload: still ticked; reset: cleared for good; progress counts; no notice."""
    items = page.locator("li.check-item")
    total = items.count()
    box = items.first.locator("input")
    progress = page.locator(".check-progress").first
    expect(progress).to_be_visible()
    expect(page.locator("li.check-item input:checked")).to_have_count(0)
    items.first.locator("label").tap()
    expect(box).to_be_checked()
    expect(progress).to_contain_text("1")
    expect(progress).to_contain_text(str(total))
    expect(check_notice(page)).to_be_hidden()
    page.reload()
    expect(page.locator("li.check-item").first.locator("input")).to_be_checked()
    page.locator(".check-reset").first.tap()
    expect(page.locator("li.check-item input:checked")).to_have_count(0)
    page.reload()
    expect(page.locator("li.check-item input:checked")).to_have_count(0)


def brief_values(page) -> list[str]:
    return page.evaluate("""() => [...document.querySelectorAll('.brief-form textarea, .brief-form input[type=text]')]
        .map((field) => field.value)""")


def assert_brief_works(page, code):
    expect(page.locator("form.brief-form")).to_be_visible()
    assert not [value for value in brief_values(page) if value in NOT_ANSWERS or "[object" in value]
    text = page.locator(".brief-preview__text").inner_text()
    assert not [junk for junk in ("[object Object]", "undefined", "polluted") if junk in text], text
    page.locator("#brief-business").fill("Panadería de barrio")
    expect(brief_notice(page)).to_be_hidden()
    page.reload()
    expect(page.locator("#brief-business")).to_have_value("Panadería de barrio")
    assert "Panadería de barrio" in page.locator(".brief-preview__text").inner_text()
    page.get_by_role("button", name=lang.strings(code)["brief.clear"]).tap()
    assert stored(page, BRIEF_KEY) is None


def assert_scheme_and_tabs_work(page, base_url, code):
    page.goto(base_url + LANG_PREFIX[code] + TABS_PAGE)
    assert page.evaluate("document.body.dataset.mdColorScheme") in ("default", "slate")
    page.locator(".tabbed-labels label").nth(1).tap()  # starts Material's bundle, which saves the tab
    page.wait_for_function("() => typeof window.document$ === 'object'")  # Material is up
    expect(page.locator(".tabbed-set input").nth(1)).to_be_checked()
    page.locator(".scheme-switch button:visible").tap()
    assert page.evaluate("document.body.dataset.mdColorScheme") in ("default", "slate")


@pytest.mark.parametrize("bad", list(BAD_VALUES))
@pytest.mark.parametrize("code", ["es", "en"])
def test_every_stored_key_corrupted_is_dropped_and_every_widget_still_works(page, problems, base_url, code, bad):
    root = base_url + LANG_PREFIX[code]
    page.goto(root + CHECK_PAGE)
    keys = [CHECK_KEY, BRIEF_KEY, *material_keys(code)]
    seed(page, dict.fromkeys(keys, BAD_VALUES[bad]))
    page.reload()
    assert page.evaluate("document.body.dataset.mdColorScheme") in ("default", "slate")
    assert_checklist_works(page)
    seed(page, {BRIEF_KEY: BAD_VALUES[bad]})
    page.goto(root + "brief/")
    assert_brief_works(page, code)
    seed(page, dict.fromkeys(material_keys(code), BAD_VALUES[bad]))
    assert_scheme_and_tabs_work(page, base_url, code)
    assert problems.errors == []


def agreement_notice(page):
    return page.locator(".agr-save-failed")


def assert_agreement_works(page, name: str):
    """Started with its default answers; a name typed is kept through a reload; no notice."""
    expect(page.locator(".agr--live")).to_be_attached()
    assert "[object" not in page.locator(".agr-preview").inner_text()
    expect(page.locator("#agr-client")).to_have_value("")
    page.locator("#agr-client").fill(name)
    expect(agreement_notice(page)).to_be_hidden()
    page.reload()
    expect(page.locator("#agr-client")).to_have_value(name)
    assert name in page.locator(".agr-preview").inner_text()


def test_the_agreement_key_corrupted_is_dropped_and_the_builder_still_works(page, problems, base_url):
    page.goto(base_url + "en/agreement/")
    for bad, value in BAD_VALUES.items():
        seed(page, {AGREEMENT_KEY: value})
        page.reload()
        assert_agreement_works(page, f"Client {bad}")
        page.evaluate("(key) => localStorage.removeItem(key)", AGREEMENT_KEY)
        page.reload()
    assert problems.errors == []


BLOCK_STORAGE = """
for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, { get() { throw new DOMException("blocked", "SecurityError"); } });
}
"""


@pytest.mark.parametrize("code", ["es", "en"])
def test_blocked_storage_every_widget_works_and_says_it_cannot_save(browser, base_url, code):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    errors = []
    context.on("weberror", lambda e: errors.append(str(e.error)))
    context.on("console", lambda m: m.type == "error" and errors.append(m.text))
    context.add_init_script(BLOCK_STORAGE)
    page = context.new_page()
    strings = lang.strings(code)
    root = base_url + LANG_PREFIX[code]

    page.goto(root + CHECK_PAGE)
    expect(check_notice(page)).to_be_hidden()  # nothing to say until a save is tried
    page.locator("li.check-item label").first.tap()
    expect(page.locator("li.check-item input").first).to_be_checked()
    expect(page.locator(".check-progress").first).to_contain_text("1")
    expect(check_notice(page)).to_be_visible()
    expect(check_notice(page)).to_have_text(strings["check.save_failed"])
    page.locator("li.check-item label").nth(1).tap()  # the page keeps both ticks it could not save
    expect(page.locator("li.check-item input:checked")).to_have_count(2)
    page.locator(".check-reset").first.tap()
    expect(page.locator("li.check-item input:checked")).to_have_count(0)

    page.goto(root + "brief/")
    page.locator("#brief-business").fill("Floristería")
    expect(brief_notice(page)).to_have_text(strings["brief.save_failed"])
    page.locator("#brief-goal").fill("30 ramos a la semana")
    assert "Floristería" in page.locator(".brief-preview__text").inner_text()
    expect(page.locator("#brief-business")).to_have_value("Floristería")

    page.goto(root + "agreement/")
    expect(page.locator(".agr--live")).to_be_attached()
    expect(agreement_notice(page)).to_be_hidden()
    page.locator("#agr-client").fill("Floristería")
    expect(agreement_notice(page)).to_have_text(agreement_doc.strings(code)["save_failed"])
    assert "Floristería" in page.locator(".agr-preview").inner_text()

    assert_scheme_and_tabs_work(page, base_url, code)
    assert errors == []
    context.close()


FILL_STORAGE = """() => {
  const chunk = "x".repeat(512 * 1024);
  for (let i = 0; ; i++) {
    try { localStorage.setItem(`junk-${i}`, chunk); } catch { break; }
  }
  for (let size = 1024; size >= 1; size >>= 1) {  // and the last crumbs
    try { for (let i = 0; ; i++) localStorage.setItem(`crumb-${size}-${i}`, "x".repeat(size)); } catch { /* full */ }
  }
}"""
EMPTY_JUNK = """() => {
  for (const key of Object.keys(localStorage)) if (/^(junk|crumb)-/.test(key)) localStorage.removeItem(key);
}"""


def test_full_storage_says_so_and_saves_again_once_there_is_room(page, problems, base_url):
    page.goto(base_url + "en/" + CHECK_PAGE)
    page.evaluate(FILL_STORAGE)
    page.locator("li.check-item label").first.tap()
    expect(check_notice(page)).to_be_visible()
    page.evaluate(EMPTY_JUNK)
    page.locator("li.check-item label").nth(1).tap()
    expect(check_notice(page)).to_be_hidden()
    page.reload()
    expect(page.locator("li.check-item input:checked")).to_have_count(2)  # both ticks, the unsaved one too
    page.locator(".check-reset").first.tap()

    # A form's first answer meets full storage, its second finds room: both are kept.
    for path, (first, second), notice in (("brief/", ("#brief-business", "#brief-goal"), brief_notice),
                                          ("agreement/", ("#agr-client", "#agr-agency"), agreement_notice)):
        page.goto(base_url + "en/" + path)
        page.evaluate(FILL_STORAGE)
        page.locator(first).fill("b" * 150)
        expect(notice(page)).to_be_visible()
        page.evaluate(EMPTY_JUNK)
        page.locator(second).fill("20 sales by 15 March")
        expect(notice(page)).to_be_hidden()
        page.reload()
        expect(page.locator(first)).to_have_value("b" * 150)
        expect(page.locator(second)).to_have_value("20 sales by 15 March")
    assert problems.errors == []


def test_two_tabs_of_one_checklist_keep_each_others_ticks(context, problems, base_url):
    first, second = context.new_page(), context.new_page()
    for tab in (first, second):
        tab.goto(base_url + CHECK_PAGE)
    first.locator("li.check-item label").nth(0).tap()
    expect(second.locator("li.check-item input").nth(0)).to_be_checked()  # followed at once
    second.locator("li.check-item label").nth(1).tap()
    expect(first.locator("li.check-item input").nth(1)).to_be_checked()
    first.locator("li.check-item label").nth(2).tap()
    first.reload()
    expect(first.locator("li.check-item input:checked")).to_have_count(3)
    assert json.loads(stored(first, CHECK_KEY)) == [
        first.locator("li.check-item").nth(n).get_attribute("id") for n in range(3)]
    assert problems.errors == []


def test_two_tabs_of_the_brief_keep_each_others_answers(context, problems, base_url):
    first, second = context.new_page(), context.new_page()
    for tab in (first, second):
        tab.goto(base_url + "brief/")
        expect(tab.locator("form.brief-form")).to_be_visible()
    # One tab after the other, as a reader switches tabs: a write in one reaches the other's
    # storage a moment later (across renderers), so edits milliseconds apart are not a case.
    first.locator("#brief-business").fill("Academia de idiomas")
    expect(second.locator("#brief-business")).to_have_value("Academia de idiomas")
    second.locator("#brief-goal").fill("25 alumnos nuevos en septiembre")
    expect(first.locator("#brief-goal")).to_have_value("25 alumnos nuevos en septiembre")
    expect(second.locator("#brief-business")).to_have_value("Academia de idiomas")
    expect(first.locator(".brief-status")).to_have_text(lang.strings("es")["brief.other_tab"])  # and says so
    first.locator("#brief-audience").fill("Adultos que trabajan")
    first.reload()
    for field, value in [("business", "Academia de idiomas"), ("goal", "25 alumnos nuevos en septiembre"),
                         ("audience", "Adultos que trabajan")]:
        expect(first.locator(f"#brief-{field}")).to_have_value(value)
    assert problems.errors == []
