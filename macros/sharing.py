"""Linkable and printable pages: HTML post-processing for sharing (called from macros/hooks.py).

- every heading's permalink gets a name that says it copies the link
  (assets/js/clipboard.js copies the full URL on tap, the anchor still scrolls);
- one status line per page where clipboard.js announces "Link copied";
- links to other pages carry their absolute URL for print (`data-print-url`,
  shown by the print stylesheet after the link text, once per target);
- a print-only footer with a QR code of the page's URL.
"""
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from macros import qr

NOT_PRINTED = ("headerlink", "check-item__link")  # the "#" links next to headings and items


def render(html: str, page_url: str, strings: dict[str, str]) -> str:
    """`page_url` is the page's absolute (canonical) URL; without one, only the copy links change."""
    soup = BeautifulSoup(html, "html.parser")
    apply(soup, page_url, strings)
    return str(soup)


def apply(soup: BeautifulSoup, page_url: str, strings: dict[str, str]) -> None:
    """The same, in place, on a page already parsed (macros/hooks.py parses each page once)."""
    _label_permalinks(soup, strings)
    if page_url:
        _print_urls(soup, page_url)
    soup.append(_status(soup, strings))
    if page_url:
        soup.append(_print_footer(soup, page_url, strings))


def _label_permalinks(soup, strings):
    for link in soup.select("a.headerlink"):
        heading = link.find_parent(["h1", "h2", "h3", "h4", "h5", "h6"])
        title = heading.get_text(" ", strip=True).removesuffix(link.get_text(strip=True)).strip() if heading else ""
        label = strings["share.copy_section"]
        link["aria-label"] = f"{label}: {title}" if title else label
        link["title"] = label


def _print_urls(soup, page_url):
    seen = set()
    for link in soup.find_all("a", href=True):
        if set(link.get("class", [])) & set(NOT_PRINTED):
            continue
        href = link["href"].strip()
        if href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        target = urljoin(page_url, href)
        if urlsplit(target).scheme not in ("http", "https") or target in seen:
            continue
        seen.add(target)
        link["data-print-url"] = target


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
