"""Turn Markdown task lists into checklists a reader can tick.

Authors write an ordinary task list and give every item a stable id:

    - [ ] I know what I want, in numbers { #goal-in-numbers }

`render()` rewrites the built HTML of a page so each item is a labelled
checkbox with that id as its anchor (linkable from a proposal, the same in
both languages), and adds the progress line (above a long list too) and reset button that
assets/js/site.js brings to life. Without JavaScript the list still reads
and prints as a list with boxes.
"""
import re

from bs4 import BeautifulSoup, NavigableString

ITEM_ID = re.compile(r"\s*\{\s*#([a-z0-9][a-z0-9-]*)\s*\}\s*$")
# From this many items a list runs past a phone's first screen: its progress shows above it too.
TOP_PROGRESS_MIN_ITEMS = 6


class ChecklistError(ValueError):
    """A checklist item the build must not publish (no id, duplicate id, nested list)."""


def render(html: str, strings: dict[str, str]) -> str:
    """Rewrite every top-level task list in `html`; other HTML is left alone."""
    if "task-list" not in html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    apply(soup, strings)
    return str(soup)


def apply(soup: BeautifulSoup, strings: dict[str, str]) -> None:
    """The same, in place, on a page already parsed (macros/hooks.py parses each page once)."""
    seen: set[str] = set()
    for number, ul in enumerate(soup.select("ul.task-list"), start=1):
        if ul.find_parent("li"):
            raise ChecklistError("nested checklists are not supported")
        _render_list(soup, ul, f"list-{number}", strings, seen)


def _render_list(soup, ul, list_id, strings, seen):
    ul["class"] = ["check-list"]
    ul["data-check-list"] = list_id
    items = ul.find_all("li", recursive=False)
    for li in items:
        _render_item(soup, li, strings, seen)

    # Progress and reset: hidden until the script shows them (useless without it).
    progress = _progress(soup, strings, len(items), {"aria-live": "polite"})
    if len(items) >= TOP_PROGRESS_MIN_ITEMS:
        # The same count above a long list (not live: the line below already announces it).
        top = soup.new_tag("div", attrs={"class": "check-tools check-tools--top", "data-check-tools": list_id})
        top.append(_progress(soup, strings, len(items), {}))
        ul.insert_before(top)
    reset = soup.new_tag("button", attrs={"type": "button", "class": "check-reset md-button", "hidden": ""})
    reset.string = strings["check.reset"]
    # Shown by the script when this browser refuses to keep the ticks (storage full or blocked).
    not_saved = soup.new_tag("p", attrs={"class": "check-save-failed", "role": "alert", "hidden": ""})
    not_saved.string = strings["check.save_failed"]
    tools = soup.new_tag("div", attrs={"class": "check-tools", "data-check-tools": list_id})
    tools.extend([progress, reset, not_saved])
    ul.insert_after(tools)


def _progress(soup, strings, total, attrs):
    progress = soup.new_tag("p", attrs={
        "class": "check-progress", **attrs, "hidden": "", "data-template": strings["check.progress"],
    })
    progress.string = strings["check.progress"].format(done=0, total=total)
    return progress


def _render_item(soup, li, strings, seen):
    # Loose lists wrap the text in <p>: unwrap it, a label holds phrasing content only.
    for p in li.find_all("p", recursive=False):
        p.unwrap()
    if li.find(["ul", "ol", "p", "div"]):
        raise ChecklistError(f"checklist item must be one line of text: {li.get_text()[:60]!r}")
    control = li.find("label", class_="task-list-control")
    was_checked = control.find("input").has_attr("checked")
    control.decompose()

    item_id = _pop_item_id(li)
    if item_id in seen:
        raise ChecklistError(f"duplicate checklist item id {item_id!r}")
    seen.add(item_id)

    box_id = f"{item_id}-box"
    label = soup.new_tag("label", attrs={"class": "check-item__label", "for": box_id})
    box = soup.new_tag("input", attrs={"type": "checkbox", "class": "check-item__box", "id": box_id})
    if was_checked:
        box["checked"] = ""
    text = soup.new_tag("span", attrs={"class": "check-item__text"})
    text.extend(list(li.contents))
    first = text.find(string=True)
    if first:
        first.replace_with(NavigableString(first.lstrip()))
    label.extend([box, text])
    link = soup.new_tag("a", attrs={
        "class": "check-item__link", "href": f"#{item_id}", "aria-label": strings["check.link"],
    })
    link.string = "#"

    li.clear()
    li.attrs = {"class": ["check-item"], "id": item_id}
    li.extend([label, link])


def _pop_item_id(li) -> str:
    """Remove the trailing `{ #id }` from the item's last text and return the id."""
    strings_in_item = [s for s in li.find_all(string=True) if s.strip()]
    last = strings_in_item[-1] if strings_in_item else None
    match = ITEM_ID.search(last) if last else None
    if not match:
        raise ChecklistError(f"checklist item needs a stable id, e.g. {{ #my-item }}: {li.get_text().strip()[:60]!r}")
    last.replace_with(NavigableString(last[: match.start()].rstrip()))
    return match.group(1)
