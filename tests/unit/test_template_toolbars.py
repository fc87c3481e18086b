"""Copy/print toolbars around printable templates (macros/templates.py)."""
import pytest
from bs4 import BeautifulSoup

from macros import lang, templates
from tests.mkdocs_page import render_page

STRINGS = lang.strings("en")


def tpl(name: str, body: str) -> str:
    return f'<div class="tpl" data-tpl="{name}" markdown>\n\n{body}\n\n</div>\n\n'


def built(md_text: str) -> BeautifulSoup:
    return BeautifulSoup(render_page(md_text), "html.parser")


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


def test_pages_without_templates_have_no_toolbars():
    assert not built("plain\n").select(".tpl-tools, [data-text]")


def test_the_copy_text_is_markdown_without_page_furniture():
    soup = built(tpl("plan", "### Plan { #plan }\n\nHello **[name]**, _see_ below &amp; after.\n\n- one\n- two\n\n"
                             "| Stage | Owner |\n|---|---|\n| Brief | Client |\n|  |  |"))
    assert soup.select_one("h3 a.headerlink")  # the "#" is there, and not copied
    text = soup.select_one("div.tpl")["data-text"]
    assert text == ("### Plan\n\nHello **[name]**, _see_ below & after.\n\n- one\n- two\n\n"
                    "| Stage | Owner |\n| --- | --- |\n| Brief | Client |\n|   |   |\n")
    assert STRINGS["tpl.copy"] not in text


def test_checklist_items_copy_as_task_list_items():
    soup = built(tpl("c", "- [ ] Pay on time { #pay }\n- [x] One contact { #contact }"))
    text = soup.select_one("div.tpl")["data-text"]
    assert text == "- [ ] Pay on time\n- [x] One contact\n"
