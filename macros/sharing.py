"""Linkable and printable pages: the sharing transform of each page (macros/mdext.py).

- every heading's permalink gets a name that says it copies the link
  (assets/js/clipboard.js copies the full URL on tap, the anchor still scrolls);
- one status line per page where clipboard.js announces "Link copied";
- links to other pages are numbered for print (`data-print-ref`, "[2]" after the link
  text) and a print-only list gives each number's absolute URL once: full URLs inline
  buried tables and sentences; links into the glossary are not numbered (one page of
  definitions, and a term's link in every table cell would be noise);
- a print-only footer with a QR code of the page's URL.
"""
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import Element, SubElement

from macros import qr, tree
from macros.tree import SEARCH_EXCLUDE

NOT_PRINTED = ("headerlink", "check-item__link")  # the "#" links next to headings and items
GLOSSARY = "/glossary/"
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def apply(root: Element, raw: tree.RawHtml, page_url: str, strings: dict[str, str]) -> None:
    """`page_url` is the page's absolute (canonical) URL; without one, only the copy links change."""
    _label_permalinks(root, raw, strings)
    targets = _number_links_for_print(root, raw, page_url) if page_url else []
    tree.append_to_page(root, _status(strings))
    if targets:
        tree.append_to_page(root, _print_link_list(targets, strings))
    if page_url:
        tree.append_to_page(root, _print_footer(raw, page_url, strings))


def _label_permalinks(root, raw, strings):
    label = strings["share.copy_section"]
    parent_of = tree.parents(root)
    for link in [a for a in root.iter("a") if "headerlink" in tree.classes(a)]:
        heading = tree.ancestor(link, HEADINGS, parent_of)
        title = raw.text(heading, " ", strip=True).removesuffix(raw.text(link, strip=True)).strip() if heading else ""
        link.set("aria-label", f"{label}: {title}" if title else label)
        link.set("title", label)


def _number_links_for_print(root, raw, page_url) -> list[str]:
    """Marks each link to another page with its target's number; returns the targets in order.
    Links in the page's raw HTML (a macro's widget) count too, in their place in the page."""
    numbers: dict[str, str] = {}  # target → its number, in order of first appearance

    def number(href: str, link_classes: list[str]) -> str | None:
        if set(link_classes) & set(NOT_PRINTED):
            return None
        href = href.strip()
        if href.startswith(("#", "mailto:", "tel:", "javascript:")):
            return None
        target = urljoin(page_url, href)
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https") or parts.path.endswith(GLOSSARY):
            return None
        return numbers.setdefault(target, str(len(numbers) + 1))

    def number_raw(text):
        for index in raw.indexes(text):
            raw.set(index, _numbered_fragment(raw.get(index), number))

    def walk(el):
        if el.tag == "a" and el.get("href") is not None:
            ref = number(el.get("href"), tree.classes(el))
            if ref:
                el.set("data-print-ref", ref)
        number_raw(el.text)
        for child in el:
            walk(child)
            number_raw(child.tail)

    walk(root)
    return list(numbers)


def _numbered_fragment(fragment: str, number) -> str:
    """`data-print-ref` on the links of a raw HTML fragment, in their order."""
    out, end = [], 0
    for tag in tree.start_tags(fragment, "a"):
        href = tree.attribute(tag.group(), "href")
        ref = number(href, (tree.attribute(tag.group(), "class") or "").split()) if href is not None else None
        if ref:
            out += [fragment[end:tag.end() - 1], f' data-print-ref="{ref}">']
            end = tag.end()
    return "".join(out) + fragment[end:]


def _print_link_list(targets, strings):
    box = Element("aside", {"class": "print-links", **SEARCH_EXCLUDE})
    SubElement(box, "p", {"class": "print-links__title"}).text = strings["print.links"]
    items = SubElement(box, "ol")
    for url in targets:
        SubElement(items, "li").text = url
    return box


def _status(strings):
    return Element("p", {
        "class": "share-status", "role": "status", "aria-live": "polite",
        "data-copied": strings["share.copied"], "data-failed": strings["share.copy_failed"],
    })


def _print_footer(raw, page_url, strings):
    footer = Element("aside", {"class": "print-qr", **SEARCH_EXCLUDE})
    # The QR code's SVG as segno draws it, written into the page as raw HTML.
    footer.text = raw.store(qr.svg(page_url, strings["qr.label"].format(url=page_url)))
    text = SubElement(footer, "p")
    before, _, after = strings["print.read_online"].partition("{url}")
    text.text = before
    url = SubElement(text, "span", {"class": "print-qr__url"})
    url.text = page_url
    url.tail = after
    return footer
