"""Copy and print buttons for the printable templates (docs/*/templates/).

Authors wrap a template in a Markdown-enabled div with a name:

    <div class="tpl" data-tpl="work-plan-example" markdown>
    ...the template, ordinary Markdown...
    </div>

The page transforms (macros/mdext.py) put a toolbar (copy, print) before each one; a template marked
`data-tpl-ticked` (a checklist of clauses) also gets a "copy ticked" toolbar
after it, where the reader ends up once the ticking is done. The toolbars are
hidden until assets/js/template.js shows them: without JavaScript the page is a
plain printable document.

What "copy" copies is made here, at build time: `to_markdown()` turns the rendered
template back into Markdown that reads as plain text too (headings with #, lists
with -, tables with |, checklist boxes as [ ]), kept in the template's `data-text`.
"""
import re
from xml.etree.ElementTree import Element, SubElement

from macros import tree


class TemplateError(ValueError):
    """A template the build must not publish (no name, or a name used twice)."""


def apply(root: Element, raw: tree.RawHtml, strings: dict[str, str]) -> None:
    """Add the toolbars around every `div.tpl` of the page (macros/mdext.py); other HTML is left alone."""
    parent_of = tree.parents(root)
    seen: set[str] = set()
    for tpl in [div for div in root.iter("div") if "tpl" in tree.classes(div)]:
        name = (tpl.get("data-tpl") or "").strip()
        if not name:
            raise TemplateError('a template needs a name: <div class="tpl" data-tpl="my-template" markdown>')
        if name in seen:
            raise TemplateError(f"duplicate template name {name!r}")
        seen.add(name)
        _label_cells(tpl, raw)
        tpl.set("data-text", to_markdown(tpl, raw))
        tree.insert_before(parent_of[tpl], tpl, _toolbar(name, strings, ("copy", "print")))
        if tpl.get("data-tpl-ticked") is not None:
            tree.insert_after(parent_of[tpl], tpl, _toolbar(name, strings, ("copy-ticked",)))


def _label_cells(tpl, raw) -> None:
    """Give each table cell its column's header as `data-label`: on a narrow screen
    the CSS shows every row as a card ("Owner: Client") instead of a sideways scroll."""
    for table in tpl.iter("table"):
        headers = [raw.text(th, " ", strip=True) for head in table.iter("thead") for th in head.iter("th")]
        for body in table.iter("tbody"):
            for row in body.iter("tr"):
                for header, cell in zip(headers, row.iter("td"), strict=False):
                    cell.set("data-label", header)


def _toolbar(name: str, strings: dict[str, str], actions: tuple[str, ...]) -> Element:
    tools = Element("div", {
        "class": "tpl-tools", "data-tpl-for": name, "hidden": "",
        # Messages for the script, in the page's language.
        "data-copied": strings["tpl.copied"], "data-copied-ticked": strings["tpl.copied_ticked"],
        "data-failed": strings["tpl.copy_failed"], "data-none": strings["tpl.none_ticked"],
        "data-ticked-title": strings["tpl.ticked_title"],
    })
    for action in actions:
        primary = " md-button--primary" if action != "print" else ""
        button = SubElement(tools, "button", {
            "type": "button", "class": f"md-button{primary} tpl-button", "data-action": action})
        button.text = strings[f"tpl.{action}"]
    SubElement(tools, "p", {"class": "tpl-status", "role": "status", "aria-live": "polite"})
    return tools


# -- The template as text -------------------------------------------------------

# Page furniture inside a template that is not part of its text.
SKIP_CLASSES = {"headerlink", "check-item__link", "check-tools", "tpl-tools"}


def _skipped(el: Element) -> bool:
    return bool(SKIP_CLASSES.intersection(tree.classes(el)))


def to_markdown(root: Element, raw: tree.RawHtml) -> str:
    """A rendered template back to Markdown (the subset our templates use)."""
    text = "\n\n".join(_blocks(root, raw))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _blocks(parent: Element, raw) -> list[str]:
    out = []
    for el in parent:
        if _skipped(el):
            continue
        if re.fullmatch(r"h[1-6]", el.tag):
            out.append(f"{'#' * int(el.tag[1])} {_inline(el, raw)}")
        elif el.tag in ("ul", "ol"):
            out.append(_list(el, "", raw))
        elif el.tag == "table":
            out.append(_table(el, raw))
        elif el.tag == "blockquote":
            out.append(re.sub(r"^", "> ", "\n\n".join(_blocks(el, raw)), flags=re.M))
        elif el.tag == "hr":
            out.append("---")
        elif el.tag == "p" and "admonition-title" in tree.classes(el):
            out.append(f"**{_inline(el, raw)}**")
        elif el.tag in ("div", "section", "details", "figure"):
            out.extend(_blocks(el, raw))
        else:
            out.append(_inline(el, raw))
    return [block for block in out if block.strip()]


def _checkbox(li: Element) -> Element | None:
    """The item's own checkbox: a child of the item or of a label that is one."""
    for child in li:
        if child.tag == "input" and child.get("type") == "checkbox":
            return child
        if child.tag == "label":
            box = next((i for i in child if i.tag == "input" and i.get("type") == "checkbox"), None)
            if box is not None:
                return box
    return None


def _list(ul: Element, indent: str, raw) -> str:
    lines = []
    for number, li in enumerate(ul.findall("li"), start=1):
        marker = f"{number}." if ul.tag == "ol" else "-"
        box = _checkbox(li)
        tick = f"[{'x' if box.get('checked') is not None else ' '}] " if box is not None else ""
        nested = [child for child in li if child.tag in ("ul", "ol")]
        lines.append(f"{indent}{marker} {tick}{_inline(li, raw, nested)}")
        lines += [_list(sub, indent + "  ", raw) for sub in nested]
    return "\n".join(lines)


def _table(table: Element, raw) -> str:
    rows = ["| " + " | ".join(_inline(cell, raw).replace("|", "\\|") or " "
                              for cell in tr.iter() if cell.tag in ("th", "td")) + " |"
            for tr in table.iter("tr")]
    header = next((tr for head in table.iter("thead") for tr in head.iter("tr")), None)
    if header is not None:
        rows.insert(1, "|" + " --- |" * len(header.findall("th")))
    return "\n".join(rows)


def _inline(el: Element, raw, leave=()) -> str:
    """Text with **bold**, _italics_ and line breaks; `leave` are children to skip."""
    text = raw.plain(el.text)
    for node in el:
        if not (node in leave or _skipped(node) or node.tag == "input"):
            text += _inline_element(node, raw)
        text += raw.plain(node.tail)
    return re.sub(r" *\n *", "\n", re.sub(r"[ \t]+", " ", text)).strip()


def _inline_element(node: Element, raw) -> str:
    inner = _inline(node, raw)
    if node.tag == "br":
        return "\n"
    if node.tag in ("strong", "b") and inner.strip():
        return f"**{inner}**"
    if node.tag in ("em", "i") and inner.strip():
        return f"_{inner}_"
    if node.tag in ("p", "div", "ul", "ol"):
        return f"\n{inner}\n"
    return inner
