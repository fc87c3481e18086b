"""Every built page carries a Content-Security-Policy that allows only the site's
own origin, with the exact hashes of that page's inline scripts."""
import base64
import hashlib

from bs4 import BeautifulSoup

from macros import csp
from tests.built.site_pages import all_html_files
from tests.mkdocs_page import render_page


def executed_inline_hashes(html: str) -> list[str]:
    """Worked out apart from macros/csp.py, with an HTML parser: the scripts a browser runs
    from the page itself (no src; classic or module, not JSON data), hashed as CSP hashes them."""
    scripts = BeautifulSoup(html, "html.parser").find_all("script", src=False)
    bodies = {s.string or "" for s in scripts if s.get("type", "").lower() in ("", "text/javascript", "module")}
    return sorted(f"'sha256-{base64.b64encode(hashlib.sha256(b.encode()).digest()).decode()}'" for b in bodies)


def test_every_page_has_a_policy_that_matches_its_inline_scripts(site_dir):
    for file in all_html_files(site_dir):
        html = file.read_text(encoding="utf-8")
        head = html.split("<head>", 1)[1]
        assert head.lstrip().startswith('<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"'), file
        content = head.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
        directives = dict(d.strip().split(" ", 1) for d in content.split(";"))
        assert directives["default-src"] == "'self'"
        for kind in ("style-src", "font-src", "connect-src"):
            assert directives[kind] == "'self'", (file, kind)
        assert directives["script-src"].split() == ["'self'", *executed_inline_hashes(html)], file
        assert "unsafe-inline" not in content and "unsafe-eval" not in content and "http" not in content


def test_hashes_skip_json_data_and_external_scripts():
    page = ('<script>a()</script><script type="application/json">{"x":1}</script>'
            '<script src="x.js"></script><script type="module">b()</script>')
    assert len(csp.inline_hashes(page)) == 2


def test_no_page_has_inline_style_attributes(site_dir):
    """style-src 'self' would block them (and log a console error): they must be classes."""
    offenders = [str(f) for f in all_html_files(site_dir) if ' style="' in f.read_text(encoding="utf-8")]
    assert not offenders


def test_table_alignment_becomes_a_class():
    html = render_page("| Total | Mid | Plain |\n|---:|:---:|---|\n| 1 | 2 | 3 |\n")
    assert ' style="' not in html
    assert html.count('<th class="align-right">') == html.count('<td class="align-right">') == 1
    assert html.count('class="align-center"') == 2 and "<th>Plain</th>" in html and "<td>3</td>" in html
