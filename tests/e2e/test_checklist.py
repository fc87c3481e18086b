"""A checklist on a phone: tick, reload, still ticked; reset clears it; progress counts."""
import pytest
from playwright.sync_api import expect

from tests.conftest import screenshot

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(("prefix", "progress_after"), [("", "1 de {total} hechos"), ("en/", "1 of {total} done")])
def test_tick_survives_reload_and_reset_clears(page, problems, base_url, prefix, progress_after):
    page.goto(base_url + prefix + "expectations/")
    # The chapter's own checklist decides the total; the page has one list.
    progress_after = progress_after.format(total=page.locator("li.check-item").count())
    item = page.locator("li.check-item").first
    box = item.locator("input[type=checkbox]")
    progress = page.locator(".check-progress").first
    expect(progress).to_be_visible()
    expect(box).not_to_be_checked()

    item.locator("label").tap()
    expect(box).to_be_checked()
    expect(progress).to_have_text(progress_after)
    screenshot(page, f"checklist-{prefix.strip('/') or 'es'}")

    page.reload()
    expect(page.locator("li.check-item").first.locator("input")).to_be_checked()
    expect(page.locator(".check-progress").first).to_have_text(progress_after)

    page.locator(".check-reset").first.tap()
    expect(page.locator("li.check-item input:checked")).to_have_count(0)
    page.reload()
    expect(page.locator("li.check-item input:checked")).to_have_count(0)
    assert problems.errors == []


@pytest.mark.parametrize(("prefix", "after"), [("", "2 de 21 hechos"), ("en/", "2 of 21 done")])
def test_a_long_list_counts_at_its_top_and_bottom(page, problems, base_url, prefix, after):
    page.goto(base_url + prefix + "contract/")
    top = page.locator(".check-tools--top .check-progress")
    bottom = page.locator(".check-tools:not(.check-tools--top) .check-progress")
    expect(top).to_be_visible()
    for item in page.locator("li.check-item").all()[:2]:
        item.locator("label").tap()
    expect(top).to_have_text(after)
    expect(bottom).to_have_text(after)
    page.reload()
    expect(top).to_have_text(after)
    page.locator(".check-reset").tap()
    expect(top).to_have_text(after.replace("2", "0", 1))
    assert problems.errors == []


def test_tick_made_in_spanish_shows_in_english(page, base_url):
    page.goto(base_url + "expectations/")
    page.locator("li.check-item label").first.tap()
    page.goto(base_url + "en/expectations/")
    expect(page.locator("li.check-item input").first).to_be_checked()


def test_item_anchor_is_linkable(page, base_url):
    page.goto(base_url + "en/expectations/#deliverable")
    expect(page.locator("#deliverable")).to_be_in_viewport()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_ticked_item_stays_readable_on_screen_and_prints_a_tick(browser, base_url, scheme):
    """Grey struck-through text hurt rereading; on paper a ticked box printed as a black square."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(base_url + "en/expectations/")
        ticked, unticked = page.locator("li.check-item").nth(0), page.locator("li.check-item").nth(1)
        ticked.locator("label").click()
        style = "el => { const s = getComputedStyle(el); return [s.color, s.textDecorationLine]; }"
        text = ticked.locator(".check-item__text")
        assert text.evaluate(style) == unticked.locator(".check-item__text").evaluate(style)
        assert text.evaluate(style)[1] == "none"
        page.emulate_media(media="print")
        box = ticked.locator(".check-item__box")
        assert box.evaluate("el => getComputedStyle(el).backgroundColor") in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")
        assert box.evaluate("el => getComputedStyle(el, '::before').content") == '"✓"'
        h1 = page.locator("article h1").evaluate("el => getComputedStyle(el).color")
        assert h1 == "rgb(0, 0, 0)", "the H1 prints grey"
    finally:
        context.close()
