from bs4 import BeautifulSoup

from macros import lang, sharing

STRINGS = lang.strings("en")
PAGE = "https://example.org/en/contract/"
HTML = """<h1 id="contract">The contract<a class="headerlink" href="#contract" title="Link">¶</a></h1>
<p>See <a href="../glossary/#brief">the brief</a>, <a href="../rules/#calls">calls</a>,
<a href="https://other.example/x">elsewhere</a>, <a href="../rules/#calls">calls again</a>
and <a href="#terms">below</a>.</p>
<ul class="check-list"><li class="check-item" id="one"><a class="check-item__link" href="#one">#</a></li></ul>"""


def rendered(page_url=PAGE):
    return BeautifulSoup(sharing.render(HTML, page_url, STRINGS), "html.parser")


def test_permalinks_say_they_copy_and_name_their_heading():
    link = rendered().select_one("a.headerlink")
    assert link["aria-label"] == "Copy link to this section: The contract"


def test_links_to_other_pages_print_a_number_and_the_list_gives_each_url_once():
    soup = rendered()
    refs = [a.get("data-print-ref") for a in soup.find_all("a")]
    # glossary term, rules, elsewhere, rules again, same-page anchor, then the two "#" links
    assert refs == [None, None, "1", "2", "1", None, None]
    listed = [li.get_text() for li in soup.select("aside.print-links ol li")]
    assert listed == ["https://example.org/en/rules/#calls", "https://other.example/x"]
    assert soup.select_one(".print-links__title").get_text() == "Links on this page"


def test_a_page_linking_only_to_the_glossary_prints_no_link_list():
    html = '<p><a href="../glossary/#brief">brief</a> and <a href="#x">here</a></p>'
    soup = BeautifulSoup(sharing.render(html, PAGE, STRINGS), "html.parser")
    assert soup.select_one("aside.print-links") is None and not soup.select("[data-print-ref]")


def test_status_line_and_print_footer_with_the_page_url():
    soup = rendered()
    status = soup.select_one(".share-status[role=status]")
    assert status["data-copied"] == "Link copied" and status.get_text() == ""
    footer = soup.select_one("aside.print-qr")
    assert footer.select_one("svg.qr[role=img]")["aria-label"] == f"QR code with the address {PAGE}"
    assert footer.select_one(".print-qr__url").get_text() == PAGE


def test_without_an_address_nothing_is_printed_but_copy_links_still_work():
    soup = rendered("")
    assert soup.select_one("aside.print-qr") is None and not soup.select("[data-print-ref], .print-links")
    assert soup.select_one(".share-status")
