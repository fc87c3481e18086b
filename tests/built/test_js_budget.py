"""Each page's own JavaScript, as shipped, stays under 15 KB gzip: the entry script and
what it imports, plus the widget modules (and their imports) of the widgets on that page.
A sum over the whole site would make every new widget pay for the others. Two kinds of
script are not part of a page and have budgets of their own: the search worker (it loads,
with Material's worker and lunr, only when the reader opens search) and the modules a
widget imports only when the reader acts (ON_ACTION; tests/e2e checks the page does not
request them before)."""
import gzip
import re
from pathlib import Path

from macros import assets
from macros.calc.specs import SPECS
from tests.built.site_pages import page_file
from tests.calc_vectors import CALCULATORS
from tests.conftest import pages_of

BUDGET = 15 * 1024
# Every widget module site.js loads on demand, and the markup that makes a page load it.
WIDGETS = {
    "calculator.js": 'data-calc="',
    "brief.js": "data-brief",
    "template.js": 'data-tpl="',
    "agreement.js": "data-agreement",
}
# Imported on the reader's action, not to show the page, each with a budget of its own: the
# agreement as text and Markdown, formatted copy and its link (copy, download and link buttons;
# tests/e2e/test_agreement.py test_copy_and_download_load_their_module_on_a_tap), and the
# calendar event of the date calculators (tests/e2e/test_calc_calendar.py). Paths below assets/js/.
ON_ACTION = {"agreement-output.js": 1024, "calc/ics.js": 1024}
# Imported only for a calculator whose spec has the key (render.loadChart: `spec.chart && import(…)`):
# counted on a page once per such calculator on it, not on every calculator page
# (tests/e2e/test_calc_landing.py checks a page without a chart does not request it).
BY_SPEC = {"calc/chart.js": "chart"}
# A calculator's math is imported by name (engine.loadCompute: `./${name}.js`), which the import
# patterns below cannot see: each calculator on a page adds its own calc/<name>.js and its imports.
CALCULATOR = re.compile(r'data-calc="([a-z-]+)"')
STATIC_IMPORT = re.compile(r"""(?:\bfrom|\bimport)\s*["'](\.{1,2}/[^"']+\.js)["']""")
DYNAMIC_IMPORT = re.compile(r"""\bimport\(\s*["'](\.{1,2}/[^"']+\.js)["']\s*\)""")


def imports(path: Path, dynamic: bool) -> set[Path]:
    text = path.read_text(encoding="utf-8")
    found = STATIC_IMPORT.findall(text) + (DYNAMIC_IMPORT.findall(text) if dynamic else [])
    return {(path.parent / rel).resolve() for rel in found}


def on_action(path: Path, modules=(*ON_ACTION, *BY_SPEC)) -> bool:
    return any(path.as_posix().endswith("/assets/js/" + module) for module in modules)


def closure(start: Path, dynamic: bool) -> set[Path]:
    """start and everything it imports; with dynamic, its import() calls too, except the
    ON_ACTION modules (not loaded to show the page) and the BY_SPEC ones (page_scripts adds them)."""
    seen, todo = set(), [start.resolve()]
    while todo:
        path = todo.pop()
        if path not in seen:
            seen.add(path)
            todo.extend(p for p in imports(path, dynamic) if not on_action(p))
    return seen


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def page_scripts(site_dir: Path, html: str) -> set[Path]:
    js = site_dir / "assets" / "js"
    scripts = closure(js / "site.js", dynamic=False)
    for module, marker in WIDGETS.items():
        if marker in html:
            scripts |= closure(js / module, dynamic=True)
    for name in set(CALCULATOR.findall(html)):
        scripts |= closure(js / "calc" / f"{name}.js", dynamic=True)
        for module, key in BY_SPEC.items():
            if key in SPECS[name]:
                scripts |= closure(js / module, dynamic=True)
    return scripts


def test_each_calculator_math_module_is_there_to_count(site_dir):
    js = site_dir / "assets" / "js"
    assert "import(`./${name}.js`)" in (js / "calc" / "engine.js").read_text(encoding="utf-8")
    for name in CALCULATORS:
        assert (js / "calc" / f"{name}.js").is_file(), name


def test_every_widget_module_is_accounted_for(site_dir):
    loaded = {path.name for path in imports(site_dir / "en" / "assets/js/site.js", dynamic=True)} - {
        path.name for path in imports(site_dir / "en" / "assets/js/site.js", dynamic=False)}
    assert loaded == set(WIDGETS)


def test_each_page_js_is_under_budget(site_dir):
    over, largest = {}, (0, "")
    for code in ("es", "en"):
        root = site_dir / ("en" if code == "en" else "")
        for url in pages_of(site_dir, code):
            html = page_file(site_dir, code, url).read_text(encoding="utf-8")
            assert "assets/js/site.js" in html, url
            sizes = {path.relative_to(root).as_posix(): gzip_size(path) for path in page_scripts(root, html)}
            total = sum(sizes.values())
            largest = max(largest, (total, f"{code}:{url}"))
            if total > BUDGET:
                over[f"{code}:{url}"] = sorted(sizes.items(), key=lambda kv: -kv[1])
    assert over == {}, over
    assert largest[0] > 5 * 1024, largest  # the widget pages were found and counted


def test_modules_loaded_on_a_tap_are_only_imported_dynamically_and_under_their_budget(site_dir):
    """An ON_ACTION module imported statically anywhere would load with the page, and its
    bytes would be missing from that page's count. Its own budget counts what it imports
    beyond the page that loads it."""
    js = site_dir / "en" / "assets" / "js"
    modules = sorted(js.rglob("*.js"))
    for name in BY_SPEC:
        path = js / name
        assert [p for p in modules if path.resolve() in imports(p, dynamic=True)], name  # still used
        assert not [p.name for p in modules if path.resolve() in imports(p, dynamic=False)], name
    for name, budget in ON_ACTION.items():
        path = js / name
        importers = [p for p in modules if path.resolve() in imports(p, dynamic=True)]
        assert importers, name  # still used
        assert not [p.name for p in modules if path.resolve() in imports(p, dynamic=False)], name
        page = set().union(*(closure(p, dynamic=True) for p in importers))
        extra = closure(path, dynamic=True) - page - closure(js / "site.js", dynamic=False)
        assert sum(gzip_size(p) for p in extra) <= budget, {p.name: gzip_size(p) for p in extra}


SEARCH_BUDGET = 2 * 1024  # our wrapper; Material's worker and lunr add about 17 KB to it


def test_search_worker_wrapper_is_under_its_budget(site_dir):
    [worker] = [p for p in assets.our_scripts(site_dir / "en") if p.name == "search-stemmed.js"]
    assert gzip_size(worker) <= SEARCH_BUDGET


def test_shipped_js_is_minified(site_dir):
    for path in assets.our_scripts(site_dir):
        text = path.read_text(encoding="utf-8")
        assert "\n//" not in text and "\n  " not in text, path
