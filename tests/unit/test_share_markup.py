from bs4 import BeautifulSoup

from tests.mkdocs_page import render_page

PAGE = "https://example.org/en/contract/"
PAGE_MD = """# The contract { #contract }

See [the brief](../glossary/#brief), [calls](../rules/#calls),
[elsewhere](https://other.example/x), [calls again](../rules/#calls)
and [below](#terms).

- [ ] One { #one }
"""


def rendered(markdown=PAGE_MD, site_url="https://example.org/en/"):
    return BeautifulSoup(render_page(markdown, site_url=site_url), "html.parser")


def test_permalinks_say_they_copy_and_name_their_heading():
    link = rendered().select_one("a.headerlink")
    assert link["aria-label"] == "Copy link to this section: The contract"
    assert link["title"] == "Copy link to this section"


def test_links_to_other_pages_print_a_number_and_the_list_gives_each_url_once():
    soup = rendered()
    refs = [a.get("data-print-ref") for a in soup.find_all("a")]
    # heading's "#", glossary term, rules, elsewhere, rules again, same-page anchor, the item's "#"
    assert refs == [None, None, "1", "2", "1", None, None]
    listed = [li.get_text() for li in soup.select("aside.print-links ol li")]
    assert listed == ["https://example.org/en/rules/#calls", "https://other.example/x"]
    assert soup.select_one(".print-links__title").get_text() == "Links on this page"


def test_links_in_raw_html_are_numbered_in_their_place():
    """A macro's widget is raw HTML in the page: its links are printed like the others."""
    soup = rendered("[rules](../rules/)\n\n<p class=\"calc-open\"><a id=\"x\" href=\"../penalty/\">open</a></p>\n\n"
                    "[again](../rules/) and [glossary](../glossary/)\n")
    assert [a.get("data-print-ref") for a in soup.find_all("a")] == ["1", "2", "1", None]
    assert [li.get_text() for li in soup.select("aside.print-links li")] == [
        "https://example.org/en/rules/", "https://example.org/en/penalty/"]


def test_a_page_linking_only_to_the_glossary_prints_no_link_list():
    soup = rendered("[brief](../glossary/#brief) and [here](#x)\n")
    assert soup.select_one("aside.print-links") is None and not soup.select("[data-print-ref]")


def test_status_line_and_print_footer_with_the_page_url():
    soup = rendered()
    status = soup.select_one(".share-status[role=status]")
    assert status["data-copied"] == "Link copied" and status.get_text() == ""
    footer = soup.select_one("aside.print-qr")
    assert footer.select_one("svg.qr[role=img]")["aria-label"] == f"QR code with the address {PAGE}"
    assert footer.select_one(".print-qr__url").get_text() == PAGE


def test_without_an_address_nothing_is_printed_but_copy_links_still_work():
    soup = rendered(site_url="")
    assert soup.select_one("aside.print-qr") is None and not soup.select("[data-print-ref], .print-links")
    assert soup.select_one(".share-status")


def test_the_page_comes_from_zensical_rendering_context_too():
    """Zensical hands extensions the page through its "rendering_context" preprocessor
    (zensical/extensions/context.py: .page.url relative to site_url, .page.meta, .config)."""
    import markdown
    from markdown.preprocessors import Preprocessor

    class RenderingContext(Preprocessor):  # the shape of Zensical's, which is not installed here
        def __init__(self, md):
            super().__init__(md)
            meta = {"reviewed": "2026-11-26"}
            self.page = type("Page", (), {"url": "contract/", "path": "contract.md", "meta": meta})
            self.config = {"site_url": "https://example.org/en/"}

        def run(self, lines):
            return lines

    md = markdown.Markdown(extensions=["toc", "macros.mdext"], extension_configs={"macros.mdext": {"lang": "en"}})
    md.preprocessors.register(RenderingContext(md), "rendering_context", 0)
    soup = BeautifulSoup(md.convert("# The contract\n\n[rules](../rules/)\n"), "html.parser")
    assert soup.select_one(".print-qr__url").get_text() == PAGE
    assert soup.select_one("a[data-print-ref]")["href"] == "../rules/"
    assert soup.select_one("h1 + p.page-meta time")["datetime"] == "2026-11-26"
