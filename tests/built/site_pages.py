"""Reading the built site: pages per language, their HTML, links and anchors."""
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import LANG_PREFIX, pages_of


@cache
def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_file(site: Path, code: str, url_path: str) -> Path:
    return site / LANG_PREFIX[code] / url_path / "index.html"


def all_html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def article(soup: BeautifulSoup):
    return soup.select_one("article.md-content__inner") or soup


def content_anchors(soup: BeautifulSoup) -> set[str]:
    """ids inside the page's article: headings, checklist items, widgets."""
    return {el["id"] for el in article(soup).find_all(id=True)}


__all__ = ["all_html_files", "article", "content_anchors", "page_file", "pages_of", "soup_of"]
