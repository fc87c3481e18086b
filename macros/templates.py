"""Copy and print buttons for the printable templates (docs/*/templates/).

Authors wrap a template in a Markdown-enabled div with a name:

    <div class="tpl" data-tpl="work-plan-example" markdown>
    ...the template, ordinary Markdown...
    </div>

`render()` puts a toolbar (copy, print) before each one; a template marked
`data-tpl-ticked` (a checklist of clauses) also gets a "copy ticked" toolbar
after it, where the reader ends up once the ticking is done. The toolbars are
hidden until assets/js/template.js shows them: without JavaScript the page is a
plain printable document.

What "copy" copies is made here, at build time: `to_markdown()` turns the rendered
template back into Markdown that reads as plain text too (headings with #, lists
with -, tables with |, checklist boxes as [ ]), kept in the template's `data-text`.
"""
import re

from bs4 import BeautifulSoup, NavigableString, Tag


class TemplateError(ValueError):
    """A template the build must not publish (no name, or a name used twice)."""


def render(html: str, strings: dict[str, str]) -> str:
    """Add the toolbars around every `div.tpl` of a page; other HTML is left alone."""
    if 'class="tpl' not in html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    apply(soup, strings)
    return str(soup)


def apply(soup: BeautifulSoup, strings: dict[str, str]) -> None:
    """The same, in place, on a page already parsed (macros/hooks.py parses each page once)."""
    seen: set[str] = set()
    for tpl in soup.select("div.tpl"):
        name = tpl.get("data-tpl", "").strip()
        if not name:
            raise TemplateError('a template needs a name: <div class="tpl" data-tpl="my-template" markdown>')
        if name in seen:
            raise TemplateError(f"duplicate template name {name!r}")
        seen.add(name)
        _label_cells(tpl)
        tpl["data-text"] = to_markdown(tpl)
        tpl.insert_before(_toolbar(soup, name, strings, ("copy", "print")))
        if tpl.has_attr("data-tpl-ticked"):
            tpl.insert_after(_toolbar(soup, name, strings, ("copy-ticked",)))


def _label_cells(tpl) -> None:
    """Give each table cell its column's header as `data-label`: on a narrow screen
    the CSS shows every row as a card ("Owner: Client") instead of a sideways scroll."""
    for table in tpl.find_all("table"):
        headers = [th.get_text(" ", strip=True) for th in table.select("thead th")]
        for row in table.select("tbody tr"):
            for header, cell in zip(headers, row.find_all("td"), strict=False):
                cell["data-label"] = header


def _toolbar(soup, name: str, strings: dict[str, str], actions: tuple[str, ...]):
    tools = soup.new_tag("div", attrs={
        "class": "tpl-tools", "data-tpl-for": name, "hidden": "",
        # Messages for the script, in the page's language.
        "data-copied": strings["tpl.copied"], "data-copied-ticked": strings["tpl.copied_ticked"],
        "data-failed": strings["tpl.copy_failed"], "data-none": strings["tpl.none_ticked"],
        "data-ticked-title": strings["tpl.ticked_title"],
    })
    for action in actions:
        primary = " md-button--primary" if action != "print" else ""
        button = soup.new_tag("button", attrs={
            "type": "button", "class": f"md-button{primary} tpl-button", "data-action": action})
        button.string = strings[f"tpl.{action}"]
        tools.append(button)
    status = soup.new_tag("p", attrs={"class": "tpl-status", "role": "status", "aria-live": "polite"})
    tools.append(status)
    return tools


# -- The template as text -------------------------------------------------------

# Page furniture inside a template that is not part of its text.
SKIP_CLASSES = {"headerlink", "check-item__link", "check-tools", "tpl-tools"}


def _skipped(el: Tag) -> bool:
    return bool(SKIP_CLASSES.intersection(el.get("class", [])))


def to_markdown(root: Tag) -> str:
    """A rendered template back to Markdown (the subset our templates use)."""
    text = "\n\n".join(_blocks(root))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _blocks(parent: Tag) -> list[str]:
    out = []
    for el in parent.find_all(recursive=False):
        if _skipped(el):
            continue
        if re.fullmatch(r"h[1-6]", el.name):
            out.append(f"{'#' * int(el.name[1])} {_inline(el)}")
        elif el.name in ("ul", "ol"):
            out.append(_list(el, ""))
        elif el.name == "table":
            out.append(_table(el))
        elif el.name == "blockquote":
            out.append(re.sub(r"^", "> ", "\n\n".join(_blocks(el)), flags=re.M))
        elif el.name == "hr":
            out.append("---")
        elif el.name == "p" and "admonition-title" in el.get("class", []):
            out.append(f"**{_inline(el)}**")
        elif el.name in ("div", "section", "details", "figure"):
            out.extend(_blocks(el))
        else:
            out.append(_inline(el))
    return [block for block in out if block.strip()]


def _list(ul: Tag, indent: str) -> str:
    lines = []
    for number, li in enumerate(ul.find_all("li", recursive=False), start=1):
        marker = f"{number}." if ul.name == "ol" else "-"
        box = li.select_one(":scope > label > input[type=checkbox], :scope > input[type=checkbox]")
        tick = f"[{'x' if box and box.has_attr('checked') else ' '}] " if box else ""
        nested = [child for child in li.find_all(["ul", "ol"], recursive=False)]
        lines.append(f"{indent}{marker} {tick}{_inline(li, nested)}")
        lines += [_list(sub, indent + "  ") for sub in nested]
    return "\n".join(lines)


def _table(table: Tag) -> str:
    rows = ["| " + " | ".join(_inline(cell).replace("|", "\\|") or " " for cell in tr.find_all(["th", "td"])) + " |"
            for tr in table.find_all("tr")]
    header = table.select_one("thead tr")
    if header:
        rows.insert(1, "|" + " --- |" * len(header.find_all("th")))
    return "\n".join(rows)


def _inline(el: Tag, leave=()) -> str:
    """Text with **bold**, _italics_ and line breaks; `leave` are children to skip."""
    text = ""
    for node in el.children:
        if isinstance(node, NavigableString):
            text += str(node)
            continue
        if not isinstance(node, Tag) or node in leave or _skipped(node) or node.name == "input":
            continue
        inner = _inline(node)
        if node.name == "br":
            text += "\n"
        elif node.name in ("strong", "b") and inner.strip():
            text += f"**{inner}**"
        elif node.name in ("em", "i") and inner.strip():
            text += f"_{inner}_"
        elif node.name in ("p", "div", "ul", "ol"):
            text += f"\n{inner}\n"
        else:
            text += inner
    return re.sub(r" *\n *", "\n", re.sub(r"[ \t]+", " ", text)).strip()
