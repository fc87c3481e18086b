"""Sharing on a phone: copy-link buttons, QR codes that a real reader decodes, print, conference buttons."""
import io

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from tests.built.site_pages import page_file, soup_of
from tests.conftest import ARTIFACTS, LANG_PREFIX, screenshot

pytestmark = pytest.mark.e2e

SITE_URL = {"es": "http://127.0.0.1:8000/", "en": "http://127.0.0.1:8000/en/"}  # the build's default site_url
COPIED = {"es": "Enlace copiado", "en": "Link copied"}


def decode(element) -> list[str]:
    """Text of every QR code zxing-cpp finds in a screenshot of `element`."""
    image = Image.open(io.BytesIO(element.screenshot()))
    return [result.text for result in zxingcpp.read_barcodes(image)]


def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


@pytest.mark.parametrize("code", ["es", "en"])
def test_heading_and_checklist_links_copy_the_full_url(page, context, problems, base_url, code):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    url = base_url + LANG_PREFIX[code] + "expectations/"
    page.goto(url + "?from=proposal")
    heading_link = page.locator("h2#each-side a.headerlink")
    expect(heading_link).to_be_visible()  # no hover on a phone: always shown
    box = heading_link.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44, box
    heading_link.tap()
    assert clipboard(page) == url + "#each-side"  # the query string is not part of the shared link
    expect(page.locator(".share-status")).to_have_text(COPIED[code])
    screenshot(page, f"copied-{code}")

    item_link = page.locator("li.check-item a.check-item__link").first
    item_id = page.locator("li.check-item").first.get_attribute("id")
    item_link.tap()
    assert clipboard(page) == url + "#" + item_id
    expect(page).to_have_url(url + "?from=proposal#" + item_id)  # and the tap still goes to the item
    assert problems.errors == []


def test_copy_link_helper_is_reusable(page, context, base_url):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page.goto(base_url + "en/calculators/penalty/")
    copied = page.evaluate("""async () => {
        const { copyLink } = await import(new URL("../../assets/js/clipboard.js", location.href));
        const button = document.createElement("button");
        document.body.append(button);
        const ok = await copyLink("https://example.org/en/calculators/penalty/?days=3#result", button);
        return [ok, button.dataset.copied];
    }""")
    assert copied == [True, "true"]
    assert clipboard(page) == "https://example.org/en/calculators/penalty/?days=3#result"


@pytest.mark.parametrize("code", ["es", "en"])
def test_slides_qr_codes_decode_to_their_chapters(page, base_url, site_dir, code):
    page.goto(base_url + LANG_PREFIX[code] + "slides/")
    cards = page.locator("figure.qr-card")
    expected = [a["href"] for a in soup_of(page_file(site_dir, code, "slides/")).select("figure.qr-card a")]
    assert cards.count() == len(expected) >= 11
    for index in range(cards.count()):
        card = cards.nth(index)
        card.scroll_into_view_if_needed()
        url = card.locator("figcaption").inner_text().strip()
        assert decode(card.locator("svg.qr")) == [url]
        relative = expected[index].removeprefix("../")
        assert url == SITE_URL[code] + relative, (url, relative)
    screenshot(page, f"slides-{code}")


@pytest.mark.parametrize("code", ["es", "en"])
def test_print_shows_the_content_only_with_a_qr_of_the_page(page, base_url, code):
    page.goto(base_url + LANG_PREFIX[code] + "expectations/")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search",
                   "a.headerlink", "a.check-item__link", ".check-reset", ".md-top"):
        for element in page.locator(hidden).all():
            expect(element).to_be_hidden()
    expect(page.locator("article h1")).to_be_visible()
    # Nothing sticks out of the paper (tables included).
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    qr = page.locator("aside.print-qr svg.qr")
    expect(qr).to_be_visible()
    assert decode(qr) == [SITE_URL[code] + "expectations/"]
    page.pdf(path=str(ARTIFACTS / f"print-{code}-expectations.pdf"), format="A4")
    page.emulate_media(media="screen")
    expect(page.locator("aside.print-qr")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_visible()


def test_print_spells_out_where_links_go(page, base_url):
    """On paper a link shows a number; the list at the end gives that number's full URL."""
    page.goto(base_url + "en/slides/")
    expect(page.locator("aside.print-links")).to_be_hidden()
    page.emulate_media(media="print")
    link = page.locator("figure.qr-card a").first
    ref = link.get_attribute("data-print-ref")
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert after == f'"\u00a0[{ref}]"'
    listed = page.locator("aside.print-links ol li").nth(int(ref) - 1)
    expect(listed).to_be_visible()
    assert listed.inner_text() == f"http://127.0.0.1:8000/en/{link.get_attribute('href').removeprefix('../')}"


ESSENTIALS = """
<div class="essentials">
<p><a class="md-button md-button--primary" href="#a">Checklist before hiring</a></p>
<p><a class="md-button" href="#b">Edit-turnaround calculator with a long name that wraps</a></p>
</div>
<p><a class="md-button" id="elsewhere" href="#d">A button elsewhere</a></p>
"""


def assert_full_width_buttons(page, selector: str, at_least: int):
    article = page.locator("article").bounding_box()
    buttons = page.locator(selector).all()
    assert len(buttons) >= at_least, selector
    for button in buttons:
        box = button.bounding_box()
        assert box["height"] >= 48, box
        assert box["width"] >= article["width"] - 40, (box, article)  # the article's padding aside


@pytest.mark.parametrize("code", ["es", "en"])
def test_essentials_buttons_are_full_width_and_thumb_sized_at_360px(page, base_url, code):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base_url + LANG_PREFIX[code])
    # The home page's own "essentials": five big buttons, one per line.
    assert_full_width_buttons(page, ".essentials .md-button", at_least=5)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    page.locator("#essentials").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"essentials-360-{code}.png"))
    # The same markup with a button after it: the style stays inside the block.
    page.locator("article h1").evaluate(
        "(h1, markup) => h1.insertAdjacentHTML('afterend', `<div id=fixture>${markup}</div>`)", ESSENTIALS)
    assert_full_width_buttons(page, "#fixture .essentials .md-button", at_least=2)
    elsewhere = page.locator("#elsewhere").evaluate("a => getComputedStyle(a).display")
    assert elsewhere == "inline-block", "the style leaked out of the essentials block"


@pytest.mark.parametrize("code", ["es", "en"])
def test_heading_copy_link_stays_on_the_first_line_of_a_long_title(browser, base_url, code):
    """At 360 px the "#" after a long title used to wrap onto a line of its own."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(base_url + LANG_PREFIX[code] + "urgent-projects/")
        places = page.evaluate("""() => [...document.querySelectorAll('article :is(h1, h2, h3) > a.headerlink')]
          .map(a => {
            const h = a.parentElement, box = h.getBoundingClientRect(), r = a.getBoundingClientRect();
            const style = getComputedStyle(h), line = parseFloat(style.lineHeight);
            const firstLineMiddle = box.top + parseFloat(style.paddingTop) + line / 2;
            return {id: h.id, offset: Math.round((r.top + r.bottom) / 2 - firstLineMiddle),
                    inside: r.right <= box.right + 0.5, width: r.width};
          })""")
        assert len(places) >= 4, places
        assert [p for p in places if abs(p["offset"]) > 3 or not p["inside"] or p["width"] < 44] == [], places
    finally:
        context.close()
