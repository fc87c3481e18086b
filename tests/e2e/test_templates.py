"""Printable templates on a phone, both languages: copy gives the template's text,
the contract checklist copies only the ticked clauses, print hides the navigation."""
import pytest
from playwright.sync_api import expect

from macros import lang
from tests.conftest import LANG_PREFIX, screenshot

pytestmark = pytest.mark.e2e

TEMPLATES = ["first-request", "work-plan", "rules-of-interaction", "contract-checklist", "report"]
BOTH = [(code, name) for code in ("es", "en") for name in TEMPLATES]


@pytest.fixture
def clipboard(context, base_url):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    return lambda page: page.evaluate("navigator.clipboard.readText()")


def open_template(page, base_url, code, name):
    page.goto(base_url + LANG_PREFIX[code] + f"templates/{name}/")
    expect(page.locator(".tpl-tools").first).to_be_visible()


@pytest.mark.parametrize(("code", "name"), BOTH)
def test_copy_gives_the_template_text_without_page_furniture(page, problems, clipboard, base_url, code, name):
    open_template(page, base_url, code, name)
    strings = lang.strings(code)
    first = page.locator(".tpl").first
    page.locator(".tpl-tools").first.get_by_role("button", name=strings["tpl.copy"]).tap()
    expect(page.locator(".tpl-status").first).to_have_text(strings["tpl.copied"])
    text = clipboard(page)
    # Every block of the rendered template is in the copy, and nothing from outside it.
    # The "#" permalinks of headings and items are page furniture, not template text.
    blocks = first.locator("p, li, td, h3").evaluate_all(
        """els => els.filter((e) => !e.closest('.check-tools')).map((e) => {
             const copy = e.cloneNode(true);
             copy.querySelectorAll('.headerlink, .check-item__link').forEach((link) => link.remove());
             return copy.textContent;
           })""")
    assert len(blocks) > 10
    for block in blocks:
        words = block.split()
        if len(words) >= 3:
            assert " ".join(words[:3]) in text.replace("**", ""), block
    for furniture in (strings["tpl.copy"], strings["tpl.print"], strings["check.reset"]):
        assert furniture not in text
    assert not [line for line in text.splitlines() if line.rstrip().endswith("#")]  # no permalink signs
    assert page.locator("article h1").inner_text() not in text.splitlines()
    assert problems.errors == []


@pytest.mark.parametrize("code", ["es", "en"])
def test_work_plan_copies_as_a_markdown_table(page, clipboard, base_url, code):
    open_template(page, base_url, code, "work-plan")
    page.locator('.tpl-tools[data-tpl-for="work-plan-blank"] [data-action="copy"]').tap()
    rows = [line for line in clipboard(page).splitlines() if line.startswith("|")]
    assert len(rows) == 2 + 8 and rows[1].count("---") == 5
    assert all(row.count("|") == 6 for row in rows)


@pytest.mark.parametrize("code", ["es", "en"])
def test_contract_checklist_copies_only_the_ticked_clauses(page, problems, clipboard, base_url, code):
    open_template(page, base_url, code, "contract-checklist")
    strings = lang.strings(code)
    copy_ticked = page.get_by_role("button", name=strings["tpl.copy-ticked"])
    status = page.locator('.tpl-tools:has([data-action="copy-ticked"]) .tpl-status')

    copy_ticked.tap()
    expect(status).to_have_text(strings["tpl.none_ticked"])

    wanted = ["late-penalty", "deemed-accepted"]
    for item in wanted:
        page.locator(f"#{item} label").tap()
    copy_ticked.tap()
    expect(status).to_have_text(strings["tpl.copied_ticked"])
    text = clipboard(page)
    screenshot(page, f"contract-checklist-ticked-{code}")

    ids = page.locator("li.check-item").evaluate_all("els => els.map((e) => e.id)")
    clause = {i: page.locator(f"#{i} .check-item__text").inner_text() for i in ids}
    assert text.startswith(strings["tpl.ticked_title"])
    for item, words in clause.items():
        assert (f"- {words}" in text) == (item in wanted), item
    own_text = "h => [...h.childNodes].filter((n) => !n.classList?.contains('headerlink'))" \
               ".map((n) => n.textContent).join('').trim()"
    heading = {h: page.locator(f"#{h}").evaluate(own_text) for h in ("specialist-duties", "client-rights")}
    assert f"\n{heading['specialist-duties']}\n- " in text  # grouped under their party, no "#" copied
    assert heading["client-rights"] not in text  # no empty groups
    percent = " %" if code == "es" else "%"
    assert f"10{percent}" in text and f"2{percent}" in text

    # Ticks persist (site.js) and the copy follows them after a reload.
    page.reload()
    page.locator("#late-penalty label").tap()
    page.get_by_role("button", name=strings["tpl.copy-ticked"]).tap()
    expect(status).to_have_text(strings["tpl.copied_ticked"])
    after = clipboard(page)
    assert clause["deemed-accepted"] in after and clause["late-penalty"] not in after
    assert problems.errors == []


def visible(page, selector) -> bool:
    return any(el.is_visible() for el in page.locator(selector).all())


@pytest.mark.parametrize(("code", "name"), [("es", "contract-checklist"), ("en", "work-plan"), ("en", "report")])
def test_print_shows_the_template_alone_with_its_boxes(page, problems, base_url, code, name):
    open_template(page, base_url, code, name)
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                   ".tpl-tools", ".check-tools", ".check-item__link", ".page-meta", ".admonition"):
        assert not visible(page, hidden), hidden
    assert page.locator("article h1").is_visible()
    assert page.locator(".tpl").first.is_visible()
    if name == "contract-checklist":
        boxes = page.locator(".tpl .check-item__box")
        assert boxes.count() > 20 and all(box.is_visible() for box in boxes.all())
    if name == "work-plan":
        assert page.locator(".tpl--blank table").is_visible()
    screenshot(page, f"template-print-{code}-{name}")
    assert problems.errors == []
