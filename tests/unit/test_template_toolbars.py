"""Copy/print toolbars around printable templates (macros/templates.py)."""
import markdown
import pytest
from bs4 import BeautifulSoup

from macros import lang, templates

STRINGS = lang.strings("en")


def tpl(name: str, body: str) -> str:
    return f'<div class="tpl" data-tpl="{name}" markdown>\n\n{body}\n\n</div>\n\n'


def built(md_text: str) -> BeautifulSoup:
    html = markdown.markdown(md_text, extensions=["md_in_html", "tables"])
    return BeautifulSoup(templates.render(html, STRINGS), "html.parser")


def test_a_template_gets_a_hidden_copy_and_print_toolbar_before_it():
    soup = built('<div class="tpl" data-tpl="plan" markdown>\n\nHello **[name]**\n\n</div>\n')
    tpl = soup.select_one("div.tpl")
    tools = tpl.find_previous_sibling("div")
    assert "tpl-tools" in tools["class"] and tools["data-tpl-for"] == "plan" and tools.has_attr("hidden")
    assert [b["data-action"] for b in tools.select("button")] == ["copy", "print"]
    assert tools.select_one("button").get_text() == STRINGS["tpl.copy"]
    assert tools.select_one('[role="status"]')["aria-live"] == "polite"
    assert tpl.find_next_sibling("div") is None


def test_a_ticked_template_also_gets_copy_ticked_after_it():
    soup = built('<div class="tpl" data-tpl="clauses" data-tpl-ticked markdown>\n\n- one\n\n</div>\n')
    after = soup.select_one("div.tpl").find_next_sibling("div")
    assert [b["data-action"] for b in after.select("button")] == ["copy-ticked"]
    assert after["data-ticked-title"] == STRINGS["tpl.ticked_title"]


def test_table_cells_carry_their_column_header():
    soup = built(tpl("t", "| Stage | Owner |\n|---|---|\n| Brief | Client |"))
    assert [td["data-label"] for td in soup.select("td")] == ["Stage", "Owner"]


def test_template_without_a_name_fails_the_build():
    with pytest.raises(templates.TemplateError, match="needs a name"):
        built('<div class="tpl" markdown>\n\nx\n\n</div>\n')


def test_duplicate_template_names_fail_the_build():
    with pytest.raises(templates.TemplateError, match="duplicate"):
        built(tpl("a", "x") + tpl("a", "y"))


def test_pages_without_templates_are_untouched():
    html = "<p>plain</p>"
    assert templates.render(html, STRINGS) == html
