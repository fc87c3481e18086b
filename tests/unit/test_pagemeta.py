"""The line under a chapter's title (macros/pagemeta.py): reading time counts the words read,
not the calculators one uses (a calculator is a macro's raw HTML in the page)."""
import pytest
from bs4 import BeautifulSoup

from tests.mkdocs_page import render_page

REVIEWED = {"reviewed": "2026-11-26"}
PROSE = "word " * 190 + "\n\n"
CALC = '<div class="calc"><label>' + "field " * 300 + "</label><table><tr><td>result</td></tr></table></div>\n\n"


def meta_line(body: str, code: str = "en", meta=REVIEWED) -> str:
    soup = BeautifulSoup(render_page(f"# Title\n\n{body}", code, meta=meta), "html.parser")
    line = soup.select_one("h1 + p.page-meta")
    return line.get_text() if line else ""


def test_the_line_gives_minutes_and_the_review_date_in_the_page_language():
    assert meta_line(PROSE) == "1 min read · Reviewed 26 November 2026"
    assert "26 de noviembre de 2026" in meta_line(PROSE, "es")
    html = render_page("# Title\n\nx", meta=REVIEWED)
    assert '<time datetime="2026-11-26">' in html


def test_pages_without_reviewed_have_no_line():
    assert meta_line(PROSE, meta={}) == ""


def test_calculators_do_not_count_towards_reading_time():
    assert meta_line(PROSE + CALC).startswith("1 min")
    assert meta_line(PROSE + f"<div>{PROSE}</div>\n\n").startswith("2 min")  # raw HTML that is read counts


def test_text_after_a_calculator_still_counts():
    after = '<p class="calc-open">' + "open " * 20 + "</p>"
    assert meta_line(PROSE + CALC.replace("</div>\n", "</div>" + after + "\n")).startswith("2 min")


def test_a_bad_review_date_fails_the_build():
    with pytest.raises(ValueError, match="not a date"):
        render_page("# Title\n\nx", meta={"reviewed": "26/11/2026"})
