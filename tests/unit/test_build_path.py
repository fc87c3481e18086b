"""No page is parsed again once Python-Markdown has written it: the build's own code (macros/,
tools/) does not import an HTML parser over pages; BeautifulSoup is a test dependency only."""
import ast

from tests.conftest import ROOT

PAGE_PARSERS = {"bs4", "lxml", "html5lib"}


def imported_modules(path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_the_build_imports_no_html_page_parser():
    sources = [*(ROOT / "macros").rglob("*.py"), *(ROOT / "tools").glob("*.py")]
    assert {str(p.relative_to(ROOT)): sorted(imported_modules(p) & PAGE_PARSERS)
            for p in sources if imported_modules(p) & PAGE_PARSERS} == {}


def test_beautifulsoup_is_not_a_site_requirement():
    assert "beautifulsoup4" not in (ROOT / "requirements.txt").read_text(encoding="utf-8")
