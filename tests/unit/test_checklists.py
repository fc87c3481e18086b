import pytest
from bs4 import BeautifulSoup

from macros import checklists
from tests.mkdocs_page import render_page


def built(md_text: str) -> BeautifulSoup:
    return BeautifulSoup(render_page(md_text), "html.parser")


def test_items_become_labelled_checkboxes_with_stable_ids():
    soup = built("- [ ] Goal in **numbers** { #goal }\n- [x] One contact person { #contact }\n")
    items = soup.select("li.check-item")
    assert [li["id"] for li in items] == ["goal", "contact"]
    box = items[0].find("input")
    assert box["type"] == "checkbox" and not box.has_attr("disabled")
    label = items[0].find("label")
    assert label["for"] == box["id"] == "goal-box"
    assert label.get_text(" ", strip=True) == "Goal in numbers"
    assert "{" not in soup.get_text()
    assert items[1].find("input").has_attr("checked")
    assert items[0].select_one("a.check-item__link")["href"] == "#goal"
    assert not soup.select(".task-list-control, .task-list-indicator")


def test_a_loose_list_item_is_one_label_too():
    soup = built("- [ ] First, with a gap { #first }\n\n- [x] Second **item** { #second }\n")
    texts = [span.decode_contents() for span in soup.select(".check-item__text")]
    assert texts == ["First, with a gap", "Second <strong>item</strong>"]
    assert not soup.select("li p") and soup.select_one("#second input").has_attr("checked")


def test_progress_and_reset_follow_the_list_hidden_until_scripted():
    soup = built("- [ ] A { #a }\n- [ ] B { #b }\n- [ ] C { #c }\n")
    tools = soup.select_one(".check-tools")
    assert tools.find_previous_sibling("ul")["data-check-list"] == "list-1"
    progress = tools.select_one(".check-progress")
    assert progress.has_attr("hidden") and progress["aria-live"] == "polite"
    assert progress.get_text() == "0 of 3 done"
    assert tools.select_one("button.check-reset").has_attr("hidden")


def test_a_long_list_shows_its_progress_above_it_too_not_live():
    short = built("".join(f"- [ ] {n} {{ #i{n} }}\n" for n in range(checklists.TOP_PROGRESS_MIN_ITEMS - 1)))
    assert len(short.select(".check-progress")) == 1
    total = checklists.TOP_PROGRESS_MIN_ITEMS
    soup = built("".join(f"- [ ] {n} {{ #i{n} }}\n" for n in range(total)))
    top, bottom = soup.select(".check-progress")
    tools = top.parent
    assert tools.find_next_sibling("ul")["data-check-list"] == tools["data-check-tools"] == "list-1"
    assert "check-tools" in tools["class"] and top.has_attr("hidden") and not top.has_attr("aria-live")
    assert top.get_text() == bottom.get_text() == f"0 of {total} done"
    assert top["data-template"] == bottom["data-template"]


def test_item_without_id_fails_the_build():
    with pytest.raises(checklists.ChecklistError, match="stable id"):
        built("- [ ] No id here\n")


def test_duplicate_ids_fail_the_build():
    with pytest.raises(checklists.ChecklistError, match="duplicate"):
        built("- [ ] A { #same }\n\ntext\n\n- [ ] B { #same }\n")


def test_nested_checklists_fail_the_build():
    with pytest.raises(checklists.ChecklistError, match="nested"):
        built("- plain\n    - [ ] Inner { #inner }\n")


def test_pages_without_task_lists_are_untouched():
    soup = built("- plain\n")
    assert str(soup.select_one("ul")) == "<ul>\n<li>plain</li>\n</ul>" and not soup.select(".check-tools")
