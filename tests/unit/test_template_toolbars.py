"""Copy/print toolbars around printable templates (macros/templates.py)."""
import markdown
import pytest
from bs4 import BeautifulSoup

from macros import checklists, lang, templates

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


def test_the_copy_text_is_markdown_without_page_furniture():
    html = markdown.markdown(
        tpl("plan", "### Plan { #plan }\n\nHello **[name]**, _see_ below.\n\n- one\n- two\n\n"
                    "| Stage | Owner |\n|---|---|\n| Brief | Client |\n|  |  |"),
        extensions=["md_in_html", "tables", "attr_list", "toc"], extension_configs={"toc": {"permalink": True}})
    soup = BeautifulSoup(templates.render(html, STRINGS), "html.parser")
    text = soup.select_one("div.tpl")["data-text"]
    assert text == ("### Plan\n\nHello **[name]**, _see_ below.\n\n- one\n- two\n\n"
                    "| Stage | Owner |\n| --- | --- |\n| Brief | Client |\n|   |   |\n")
    assert STRINGS["tpl.copy"] not in text and "¶" not in text


def test_checklist_items_copy_as_task_list_items():
    html = markdown.markdown(tpl("c", "- [ ] Pay on time { #pay }\n- [x] One contact { #contact }"),
                             extensions=["md_in_html", "pymdownx.tasklist"],
                             extension_configs={"pymdownx.tasklist": {"custom_checkbox": True}})
    html = checklists.render(html, STRINGS)
    text = BeautifulSoup(templates.render(html, STRINGS), "html.parser").select_one("div.tpl")["data-text"]
    assert text == "- [ ] Pay on time\n- [x] One contact\n"
