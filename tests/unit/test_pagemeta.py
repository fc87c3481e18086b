"""Reading time: words read, not the calculators one uses."""
from bs4 import BeautifulSoup

from macros import pagemeta


def page(body: str) -> BeautifulSoup:
    return BeautifulSoup(f"<h1>Title</h1>{body}", "html.parser")


def test_calculators_do_not_count_towards_reading_time():
    prose = "<p>" + "word " * 190 + "</p>"
    calc = '<div class="calc"><label>' + "field " * 300 + "</label><table><td>result</td></table></div>"
    assert pagemeta.reading_minutes(pagemeta.reading_text(page(prose + calc))) == 1
    assert pagemeta.reading_minutes(pagemeta.reading_text(page(prose + prose.replace("p>", "div>")))) == 2


def test_text_after_a_calculator_still_counts():
    soup = page('<div class="calc">x</div><p>after the calculator</p>')
    assert "after the calculator" in pagemeta.reading_text(soup)
    assert "x" not in pagemeta.reading_text(soup).split()
