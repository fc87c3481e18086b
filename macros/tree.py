"""The page as Python-Markdown's ElementTree, for our page transforms (macros/mdext.py).

The few moves the transforms need that ElementTree lacks (parents, text in document
order, insert before/after, unwrap: what BeautifulSoup gave them before), and the page's
raw HTML: a block or inline span of HTML in the Markdown (a calculator from a macro, an
`&nbsp;`) is not in the tree but stashed, a placeholder in its place until
Python-Markdown writes the page.
"""
import html
import re
from html.parser import HTMLParser
from xml.etree.ElementTree import Element

from markdown import util

# Page furniture a search must not find (print-only link lists and footers, checklist tools,
# the "#" of an item): Material's search skips an element with this attribute, then strips it.
SEARCH_EXCLUDE = {"data-search-exclude": "true"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def classes(el: Element) -> list[str]:
    return (el.get("class") or "").split()


def parents(root: Element) -> dict[Element, Element]:
    return {child: parent for parent in root.iter() for child in parent}


def ancestor(el: Element, tags: tuple[str, ...], parent_of: dict[Element, Element]) -> Element | None:
    """The nearest element around `el` with one of these tags."""
    while el in parent_of:
        el = parent_of[el]
        if el.tag in tags:
            return el
    return None


def insert_before(parent: Element, el: Element, new: Element) -> None:
    parent.insert(list(parent).index(el), new)


def insert_after(parent: Element, el: Element, new: Element) -> None:
    """`new` right after `el`, before the text that followed it."""
    parent.insert(list(parent).index(el) + 1, new)
    new.tail, el.tail = el.tail, None


def append_to_page(root: Element, new: Element) -> None:
    """`new` at the end of the page, right after its last block: Python-Markdown strips the
    line break it leaves there only when that block stays the last one."""
    if len(root) and root[-1].tail and not root[-1].tail.strip():
        root[-1].tail = None
    root.append(new)


def _add_text(parent: Element, index: int, text: str | None) -> None:
    """Text where child `index` of `parent` starts (after the previous child)."""
    if not text:
        return
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        parent[index - 1].tail = (parent[index - 1].tail or "") + text


def unwrap(parent: Element, el: Element) -> None:
    """Replace `el` by its content."""
    index = list(parent).index(el)
    children = list(el)
    parent.remove(el)
    _add_text(parent, index, el.text)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    _add_text(parent, index + len(children), el.tail)


def text_slots(el: Element):
    """(element, "text" | "tail") for every run of text inside `el`, in document order."""
    yield el, "text"
    for child in el:
        yield from text_slots(child)
        yield child, "tail"


class RawHtml:
    """The page's stashed HTML, read and edited through the placeholders in the tree."""

    def __init__(self, md):
        self.md, self.stash = md, md.htmlStash

    def indexes(self, text: str | None) -> list[int]:
        return [int(n) for n in util.HTML_PLACEHOLDER_RE.findall(text or "")]

    def get(self, index: int) -> str:
        block = self.stash.rawHtmlBlocks[index]  # md_in_html may stash an element
        return block if isinstance(block, str) else self.md.serializer(block)

    def set(self, index: int, value: str) -> None:
        self.stash.rawHtmlBlocks[index] = value

    def without(self, text: str, index: int) -> str:
        """`text` without the placeholder of raw HTML `index`."""
        return text.replace(util.HTML_PLACEHOLDER % index, "", 1)

    def store(self, raw: str) -> str:
        """A placeholder that becomes `raw` when the page is written."""
        return self.stash.store(raw)

    def plain(self, text: str | None, skip_classes: frozenset[str] = frozenset()) -> str:
        """Text with its placeholders as the text they stand for (an entity as its character),
        without the raw HTML elements whose class is in `skip_classes`."""
        text = util.HTML_PLACEHOLDER_RE.sub(
            lambda m: html_text(self.get(int(m.group(1))), skip_classes), text or "")
        return text.replace(util.AMP_SUBSTITUTE, "&")

    def text(self, el: Element, separator: str = "", strip: bool = False,
             skip_classes: frozenset[str] = frozenset()) -> str:
        """All the text in `el` (like BeautifulSoup's get_text), raw HTML included, without
        the elements whose class is in `skip_classes`."""
        pieces = []

        def walk(node):
            if skip_classes.intersection(classes(node)):
                return
            pieces.append(self.plain(node.text, skip_classes))
            for child in node:
                walk(child)
                pieces.append(self.plain(child.tail, skip_classes))

        walk(el)
        if strip:
            pieces = [p.strip() for p in pieces]
            pieces = [p for p in pieces if p]
        return separator.join(pieces)


class _TextOf(HTMLParser):
    """The text of an HTML fragment, a space where each tag was, without the subtrees
    whose class is in `skip_classes`."""

    def __init__(self, skip_classes: frozenset[str]):
        super().__init__(convert_charrefs=True)
        self.skip_classes, self.pieces, self.skipping = skip_classes, [], 0

    def handle_starttag(self, tag, attrs):
        if self.skipping:
            self.skipping += tag not in VOID
        elif self.skip_classes.intersection((dict(attrs).get("class") or "").split()) and tag not in VOID:
            self.skipping = 1
        self.pieces.append(" ")

    def handle_endtag(self, tag):
        if self.skipping and tag not in VOID:
            self.skipping -= 1
        self.pieces.append(" ")

    def handle_data(self, data):
        if not self.skipping:
            self.pieces.append(data)


def html_text(fragment: str, skip_classes: frozenset[str] = frozenset()) -> str:
    if "<" not in fragment:
        return html.unescape(fragment)
    parser = _TextOf(skip_classes)
    parser.feed(fragment)
    parser.close()
    return "".join(parser.pieces)


def start_tags(fragment: str, name: str):
    """The start tags `<name …>` of an HTML fragment, as regex matches."""
    return re.finditer(rf"<{name}\b[^>]*>", fragment, re.I)


def attribute(tag: str, name: str) -> str | None:
    match = re.search(rf"""\s{name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", tag, re.I)
    return html.unescape(next(g for g in match.groups() if g is not None)) if match else None
