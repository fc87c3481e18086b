"""No built page loads anything from another host (fonts, scripts, images, styles)."""
import re
from urllib.parse import urlsplit

from tests.built.site_pages import all_html_files, soup_of

LOADING_LINK_RELS = {"stylesheet", "icon", "apple-touch-icon", "manifest", "preload", "modulepreload",
                     "prefetch", "preconnect", "dns-prefetch"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)""")
IMPORT = re.compile(r"""@import\s+['"]([^'"]+)""")


def is_foreign(url: str) -> bool:
    url = url.strip()
    return url.startswith("//") or urlsplit(url).scheme in ("http", "https")


def resources_of(soup) -> list[str]:
    """Every URL the browser would fetch by itself when the page loads."""
    urls = []
    for el in soup.find_all(["script", "img", "source", "iframe", "audio", "video", "embed", "track"]):
        urls += [el[a] for a in ("src", "data") if el.has_attr(a)]
        if el.has_attr("srcset"):
            urls += [part.split()[0] for part in el["srcset"].split(",") if part.strip()]
    for el in soup.find_all("link", rel=True):
        if LOADING_LINK_RELS & set(el["rel"]):
            urls.append(el["href"])
    for el in soup.find_all("object", data=True):
        urls.append(el["data"])
    for css in [s.get_text() for s in soup.find_all("style")] + [el["style"] for el in soup.find_all(style=True)]:
        urls += CSS_URL.findall(css) + IMPORT.findall(css)
    return urls


def test_no_page_loads_from_another_host(site_dir):
    foreign = [
        f"{file.relative_to(site_dir)}: {url}"
        for file in all_html_files(site_dir)
        for url in resources_of(soup_of(file))
        if is_foreign(url)
    ]
    assert not foreign, "\n".join(foreign)


def test_no_stylesheet_loads_from_another_host(site_dir):
    foreign = [
        f"{css.relative_to(site_dir)}: {url}"
        for css in site_dir.rglob("*.css")
        for url in CSS_URL.findall(css.read_text(encoding="utf-8")) + IMPORT.findall(css.read_text(encoding="utf-8"))
        if is_foreign(url)
    ]
    assert not foreign, "\n".join(foreign)


def test_the_checker_sees_a_font_cdn():
    from bs4 import BeautifulSoup

    page = '<link rel="stylesheet" href="https://fonts.googleapis.com/css"><img src="/a.png">'
    soup = BeautifulSoup(page, "html.parser")
    assert [u for u in resources_of(soup) if is_foreign(u)] == ["https://fonts.googleapis.com/css"]
