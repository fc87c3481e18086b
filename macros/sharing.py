"""Linkable and printable pages: HTML post-processing for sharing (called from macros/hooks.py).

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

from bs4 import BeautifulSoup

from macros import qr

NOT_PRINTED = ("headerlink", "check-item__link")  # the "#" links next to headings and items
GLOSSARY = "/glossary/"


def render(html: str, page_url: str, strings: dict[str, str]) -> str:
    """`page_url` is the page's absolute (canonical) URL; without one, only the copy links change."""
    soup = BeautifulSoup(html, "html.parser")
    apply(soup, page_url, strings)
    return str(soup)


def apply(soup: BeautifulSoup, page_url: str, strings: dict[str, str]) -> None:
    """The same, in place, on a page already parsed (macros/hooks.py parses each page once)."""
    _label_permalinks(soup, strings)
    targets = _number_links_for_print(soup, page_url) if page_url else []
    soup.append(_status(soup, strings))
    if targets:
        soup.append(_print_link_list(soup, targets, strings))
    if page_url:
        soup.append(_print_footer(soup, page_url, strings))


def _label_permalinks(soup, strings):
    for link in soup.select("a.headerlink"):
        heading = link.find_parent(["h1", "h2", "h3", "h4", "h5", "h6"])
        title = heading.get_text(" ", strip=True).removesuffix(link.get_text(strip=True)).strip() if heading else ""
        label = strings["share.copy_section"]
        link["aria-label"] = f"{label}: {title}" if title else label
        link["title"] = label


def _number_links_for_print(soup, page_url) -> list[str]:
    """Marks each link to another page with its target's number; returns the targets in order."""
    numbers: dict[str, str] = {}  # target → its number, in order of first appearance
    for link in soup.find_all("a", href=True):
        if set(link.get("class", [])) & set(NOT_PRINTED):
            continue
        href = link["href"].strip()
        if href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        target = urljoin(page_url, href)
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https") or parts.path.endswith(GLOSSARY):
            continue
        link["data-print-ref"] = numbers.setdefault(target, str(len(numbers) + 1))
    return list(numbers)


def _print_link_list(soup, targets, strings):
    box = soup.new_tag("aside", attrs={"class": "print-links"})
    title = soup.new_tag("p", attrs={"class": "print-links__title"})
    title.string = strings["print.links"]
    box.append(title)
    items = soup.new_tag("ol")
    for url in targets:
        item = soup.new_tag("li")
        item.string = url
        items.append(item)
    box.append(items)
    return box


def _status(soup, strings):
    status = soup.new_tag("p", attrs={
        "class": "share-status", "role": "status", "aria-live": "polite",
        "data-copied": strings["share.copied"], "data-failed": strings["share.copy_failed"],
    })
    return status


def _print_footer(soup, page_url, strings):
    footer = soup.new_tag("aside", attrs={"class": "print-qr"})
    footer.append(BeautifulSoup(qr.svg(page_url, strings["qr.label"].format(url=page_url)), "html.parser"))
    text = soup.new_tag("p")
    before, _, after = strings["print.read_online"].partition("{url}")
    url = soup.new_tag("span", attrs={"class": "print-qr__url"})
    url.string = page_url
    text.extend([before, url, after])
    footer.append(text)
    return footer
