"""The post-build step (tools/postbuild.py) over a small finished site, as any generator leaves it."""
import datetime
import json

from macros import csp, offline
from tests.conftest import ROOT
from tools import postbuild

CONFIGS = (("es.yml", ""), ("en.yml", "en"))
PAGE = ('<!doctype html><html><head><meta charset="utf-8"><script>var depth = "{depth}";</script></head>'
        '<body></body></html>')


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def small_site(tmp_path):
    """Two languages as a generator leaves them: pages, our JS with comments, the worker with its placeholder."""
    worker = (ROOT / "overrides" / offline.SW_NAME).read_text(encoding="utf-8")
    site = tmp_path / "site"
    for root in ("", "en/"):
        write(site / root / "index.html", PAGE.format(depth="home"))
        write(site / root / "rules/index.html", PAGE.format(depth="rules"))
        write(site / root / "404.html", PAGE.format(depth="404"))
        write(site / root / "assets/js/site.js", "// a comment the reader never needs\nexport const a = 1;\n")
        write(site / root / offline.SW_NAME, worker)
    for code, day in (("es", 1), ("en", 2)):  # the build day comes from the pages' `reviewed:` dates
        write(tmp_path / "docs" / code / "index.md", f"---\nreviewed: 2026-03-0{day}\n---\n# Home\n")
    write(tmp_path / "es.yml", "site_name: !ENV [POSTBUILD_TEST_NAME, Trato claro]\ndocs_dir: docs/es\n"
          "site_description: >-\n  Una guía\n"
          "  corta.\ntheme:\n  language: es\nextra:\n  alternate:\n    - {link: '', lang: es}\n"
          "    - {link: en/, lang: en}\n")
    write(tmp_path / "en.yml", "INHERIT: es.yml\nsite_name: Clear Deal\ndocs_dir: docs/en\ntheme:\n  language: en\n"
          "extra:\n"
          "  alternate:\n    - {link: ../, lang: es}\n    - {link: '', lang: en}\n")
    return site


def test_inherit_replaces_lists_and_merges_mappings_as_mkdocs_does(tmp_path):
    small_site(tmp_path)
    english = postbuild.read_config(tmp_path / "en.yml")
    assert english["theme"] == {"language": "en"}
    assert [alt["link"] for alt in english["extra"]["alternate"]] == ["../", ""]  # not four: replaced
    alternates = ({"link": "../", "lang": "es"}, {"link": "", "lang": "en"})
    assert postbuild.language_of(english, tmp_path) == postbuild.Language(
        "en", "Clear Deal", "Una guía corta.", ("../", ""), alternates, "/", datetime.date(2026, 3, 2))


def test_env_tags_take_the_variable_or_the_default(tmp_path, monkeypatch):
    small_site(tmp_path)
    assert postbuild.read_config(tmp_path / "es.yml")["site_name"] == "Trato claro"
    assert postbuild.read_config(tmp_path / "en.yml", {"POSTBUILD_TEST_NAME": "Otro"})["site_name"] == "Clear Deal"
    assert postbuild.read_config(tmp_path / "es.yml", {"POSTBUILD_TEST_NAME": "Otro"})["site_name"] == "Otro"
    monkeypatch.setenv("POSTBUILD_TEST_NAME", "Otro nombre")
    assert postbuild.read_config(tmp_path / "es.yml")["site_name"] == "Otro nombre"


def test_the_zensical_build_gets_the_addresses_of_this_build():
    """tools/build.py hands Zensical the configs flattened, with SITE_URL as this build sets it."""
    env = {"SITE_URL": "https://example.org/", "SITE_URL_EN": "https://example.org/en/"}
    assert postbuild.read_config(ROOT / "mkdocs.en.yml", env)["site_url"] == "https://example.org/en/"
    assert postbuild.read_config(ROOT / "mkdocs.yml", {})["site_url"] == "http://127.0.0.1:8000/"


def test_the_real_configs_give_each_language_its_own_settings():
    spanish, english = (postbuild.language_of(postbuild.read_config(ROOT / name))
                        for name in ("mkdocs.yml", "mkdocs.en.yml"))
    assert (spanish.code, spanish.name, spanish.alternate_links) == ("es", "Trato claro", ("", "en/"))
    assert (english.code, english.name, english.alternate_links) == ("en", "Clear Deal", ("../", ""))
    assert "\n" not in spanish.description and spanish.description != english.description


def test_every_language_gets_policies_minified_js_holidays_manifest_and_worker(tmp_path):
    site = small_site(tmp_path)
    assert postbuild.finish_site(site, CONFIGS, root=tmp_path) == ["es", "en"]
    for root in (site, site / "en"):
        for page in ("index.html", "rules/index.html", "404.html"):
            html = (root / page).read_text(encoding="utf-8")
            assert html.count('http-equiv="Content-Security-Policy"') == 1, (root, page)
            assert csp.inline_hashes(html)[0] in html
        assert "comment" not in (root / "assets/js/site.js").read_text(encoding="utf-8")
        assert list((root / "assets/holidays").glob("*.json"))
        assert postbuild.finished(root)
    spanish = json.loads((site / offline.MANIFEST_NAME).read_text(encoding="utf-8"))
    english = json.loads((site / "en" / offline.MANIFEST_NAME).read_text(encoding="utf-8"))
    assert (spanish["lang"], spanish["name"]) == ("es", "Trato claro")
    assert (english["lang"], english["name"]) == ("en", "Clear Deal")
    worker = (site / offline.SW_NAME).read_text(encoding="utf-8")
    assert '"skip":["en/"]' in worker and '"rules/"' in worker and '"en/rules/"' not in worker


def test_a_finished_language_is_left_alone(tmp_path):
    """MkDocs' hook finishes each language; tools/build.py then runs the step again: nothing changes."""
    site = small_site(tmp_path)
    postbuild.finish_site(site, CONFIGS, root=tmp_path)
    before = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}
    assert postbuild.finish_site(site, CONFIGS, root=tmp_path) == []
    assert {path: path.read_bytes() for path in site.rglob("*") if path.is_file()} == before
