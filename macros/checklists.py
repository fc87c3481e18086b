"""Turn Markdown task lists into checklists a reader can tick.

Authors write an ordinary task list and give every item a stable id:

    - [ ] I know what I want, in numbers { #goal-in-numbers }

The page transforms (macros/mdext.py) rewrite each page so each item is a labelled
checkbox with that id as its anchor (linkable from a proposal, the same in
both languages), and adds the progress line (above a long list too) and reset button that
assets/js/site.js brings to life. Without JavaScript the list still reads
and prints as a list with boxes.
"""
import re
from xml.etree.ElementTree import Element, SubElement

from macros import tree
from macros.tree import SEARCH_EXCLUDE

ITEM_ID = re.compile(r"\s*\{\s*#([a-z0-9][a-z0-9-]*)\s*\}\s*$")
CHECKED = re.compile(r"<input\b[^>]*\schecked\b")
# From this many items a list runs past a phone's first screen: its progress shows above it too.
TOP_PROGRESS_MIN_ITEMS = 6


class ChecklistError(ValueError):
    """A checklist item the build must not publish (no id, duplicate id, nested list)."""


def apply(root: Element, raw: tree.RawHtml, strings: dict[str, str]) -> None:
    """Rewrite every top-level task list of the page (macros/mdext.py); other HTML is left alone."""
    parent_of = tree.parents(root)
    seen: set[str] = set()
    lists = [ul for ul in root.iter("ul") if "task-list" in tree.classes(ul)]
    for number, ul in enumerate(lists, start=1):
        if tree.ancestor(ul, ("li",), parent_of) is not None:
            raise ChecklistError("nested checklists are not supported")
        _render_list(ul, parent_of[ul], f"list-{number}", raw, strings, seen)


def _render_list(ul, parent, list_id, raw, strings, seen):
    ul.set("class", "check-list")
    ul.set("data-check-list", list_id)
    items = ul.findall("li")
    for li in items:
        _render_item(li, raw, strings, seen)

    # Progress and reset: hidden until the script shows them (useless without it).
    tools = Element("div", {"class": "check-tools", "data-check-tools": list_id, **SEARCH_EXCLUDE})
    _progress(tools, strings, len(items), {"aria-live": "polite"})
    if len(items) >= TOP_PROGRESS_MIN_ITEMS:
        # The same count above a long list (not live: the line below already announces it).
        top = Element("div", {"class": "check-tools check-tools--top", "data-check-tools": list_id, **SEARCH_EXCLUDE})
        _progress(top, strings, len(items), {})
        tree.insert_before(parent, ul, top)
    reset = SubElement(tools, "button", {"type": "button", "class": "check-reset md-button", "hidden": ""})
    reset.text = strings["check.reset"]
    # Shown by the script when this browser refuses to keep the ticks (storage full or blocked).
    not_saved = SubElement(tools, "p", {"class": "check-save-failed", "role": "alert", "hidden": ""})
    not_saved.text = strings["check.save_failed"]
    tree.insert_after(parent, ul, tools)


def _progress(parent, strings, total, attrs):
    progress = SubElement(parent, "p", {
        "class": "check-progress", **attrs, "hidden": "", "data-template": strings["check.progress"],
    })
    progress.text = strings["check.progress"].format(done=0, total=total)


def _render_item(li, raw, strings, seen):
    # Loose lists wrap the text in <p>: unwrap it, a label holds phrasing content only.
    for p in li.findall("p"):
        tree.unwrap(li, p)
    if any(el.tag in ("ul", "ol", "p", "div") for el in li.iter() if el is not li):
        raise ChecklistError(f"checklist item must be one line of text: {raw.text(li)[:60]!r}")
    # pymdownx.tasklist's box is raw HTML at the start of the item: replaced by ours.
    control = next(i for i in raw.indexes(li.text) if "task-list-control" in raw.get(i))
    was_checked = CHECKED.search(raw.get(control)) is not None
    li.text = raw.without(li.text, control)

    item_id = _pop_item_id(li, raw)
    if item_id in seen:
        raise ChecklistError(f"duplicate checklist item id {item_id!r}")
    seen.add(item_id)

    box_id = f"{item_id}-box"
    label = Element("label", {"class": "check-item__label", "for": box_id})
    box = SubElement(label, "input", {"type": "checkbox", "class": "check-item__box", "id": box_id})
    if was_checked:
        box.set("checked", "")
    text = SubElement(label, "span", {"class": "check-item__text"})
    text.text = li.text
    text.extend(list(li))
    first = next((node, slot) for node, slot in tree.text_slots(text) if getattr(node, slot))
    setattr(*first, getattr(*first).lstrip())
    link = Element("a", {"class": "check-item__link", "href": f"#{item_id}", "aria-label": strings["check.link"],
                         **SEARCH_EXCLUDE})
    link.text = "#"

    tail = li.tail
    li.clear()
    li.attrib.update({"class": "check-item", "id": item_id})
    li.extend([label, link])
    li.tail = tail


def _pop_item_id(li, raw) -> str:
    """Remove the trailing `{ #id }` from the item's last text and return the id."""
    texts = [(node, slot) for node, slot in tree.text_slots(li) if (getattr(node, slot) or "").strip()]
    last = texts[-1] if texts else None
    match = ITEM_ID.search(getattr(*last)) if last else None
    if not match:
        raise ChecklistError(f"checklist item needs a stable id, e.g. {{ #my-item }}: {raw.text(li).strip()[:60]!r}")
    setattr(*last, getattr(*last)[: match.start()].rstrip())
    return match.group(1)
