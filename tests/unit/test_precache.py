import json

import pytest

from macros import offline


def make_site(root, files: dict[str, str]):
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


SITE = {
    "index.html": "home",
    "404.html": "nf",
    "guarantees/index.html": "g",
    "calculators/penalty/index.html": "p",
    "sitemap.xml": "<urlset/>",
    "sitemap.xml.gz": "x",
    "sw.js": "const PRECACHE = /*@precache*/null;",
    "assets/javascripts/bundle.1.min.js": "b",
    "assets/javascripts/bundle.1.min.js.map": "m",
    "assets/javascripts/lunr/min/lunr.es.min.js": "es",
    "assets/javascripts/lunr/min/lunr.fr.min.js": "fr",
    "assets/javascripts/lunr/min/lunr.multi.min.js": "multi",
    "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "st",
    "assets/javascripts/lunr/tinyseg.js": "ja",
    "assets/img/og-es.png": "png",
    "assets/img/icon-192.png": "png",
    "search/search_index.json": json.dumps({"config": {"lang": ["es"]}, "docs": []}),
    "en/index.html": "english home",
    "en/assets/js/site.js": "english asset",
}


def test_precache_takes_pages_and_assets_of_this_language_only(tmp_path):
    site = make_site(tmp_path, SITE)
    files = offline.precache_files(site, skip=["en/"])
    assert "index.html" in files and "calculators/penalty/index.html" in files and "404.html" in files
    assert "search/search_index.json" in files and "assets/img/icon-192.png" in files
    assert not [f for f in files if f.startswith("en/")]
    for left_out in ("sitemap.xml", "sitemap.xml.gz", "sw.js", "assets/javascripts/bundle.1.min.js.map",
                     "assets/img/og-es.png"):
        assert left_out not in files


def test_only_the_lunr_files_the_index_language_needs(tmp_path):
    files = offline.precache_files(make_site(tmp_path, SITE), skip=["en/"])
    lunr = sorted(f.rsplit("/", 1)[1] for f in files if "/lunr/" in f)
    assert lunr == ["lunr.es.min.js", "lunr.stemmer.support.min.js"]


def test_english_index_needs_no_lunr_language_file():
    assert not offline.lunr_needed("min/lunr.stemmer.support.min.js", ["en"])
    assert offline.lunr_needed("min/lunr.multi.min.js", ["en", "es"])


def test_urls_are_directory_urls():
    assert offline.url_of("index.html") == "./"
    assert offline.url_of("calculators/penalty/index.html") == "calculators/penalty/"
    assert offline.url_of("assets/js/site.js") == "assets/js/site.js"


def test_nested_roots_are_the_other_languages_inside_this_root():
    assert offline.nested_roots(["", "en/"]) == ["en/"]
    assert offline.nested_roots(["../", ""]) == []
    assert offline.nested_roots(["https://example.org/en/", "/en/"]) == []


def test_version_changes_with_any_content_change(tmp_path):
    site = make_site(tmp_path, SITE)
    files = offline.precache_files(site, skip=["en/"])
    before = offline.version_of(site, files)
    assert before == offline.version_of(site, files)
    (site / "guarantees/index.html").write_text("g, reworded", encoding="utf-8")
    assert offline.version_of(site, files) != before


def test_worker_gets_the_list_and_fails_without_its_placeholder(tmp_path):
    site = make_site(tmp_path, SITE)
    precache = offline.write_offline_files(site, alternate_links=["", "en/"], name="Trato claro",
                                           short_name="Trato claro", description="Guía", code="es")
    source = (site / "sw.js").read_text(encoding="utf-8")
    embedded = json.loads(source.split("const PRECACHE = ", 1)[1].rsplit(";", 1)[0])
    assert embedded == precache and embedded["skip"] == ["en/"] and embedded["fallback"] == "404.html"
    assert "./" in embedded["files"] and "calculators/penalty/" in embedded["files"]
    assert "manifest.webmanifest" in embedded["files"]  # written before the list is made
    with pytest.raises(ValueError, match="placeholder"):
        offline.inject(source, precache)


def test_web_manifest_is_installable():
    manifest = offline.web_manifest("Clear Deal", "Clear Deal", "A guide", "en")
    for key in ("name", "short_name", "start_url", "scope", "display", "theme_color", "icons"):
        assert manifest[key]
    assert manifest["display"] == "standalone" and manifest["start_url"] == manifest["scope"] == "./"
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes


def test_every_file_has_a_revision_that_follows_its_bytes_alone(tmp_path):
    site = make_site(tmp_path, SITE)
    before = offline.precache_manifest(site, ["en/"])["files"]
    (site / "guarantees" / "index.html").write_text("g2", encoding="utf-8")
    after = offline.precache_manifest(site, ["en/"])["files"]
    assert set(before) == set(after) and before["guarantees/"] != after["guarantees/"]
    assert {url for url in before if before[url] != after[url]} == {"guarantees/"}  # the others are copied over


ALTERNATES = {"es": [{"name": "Español", "link": "", "lang": "es"}, {"name": "English", "link": "en/", "lang": "en"}],
              "en": [{"name": "Español", "link": "../", "lang": "es"}, {"name": "English", "link": "", "lang": "en"}]}


@pytest.mark.parametrize(("code", "root_path", "pages"), [
    ("es", "/", {"": "offline/es.html", "en/": "offline/en.html"}),  # Spanish stands in for /en/ too
    ("en", "/en/", {"": "offline/en.html"}),
])
def test_not_saved_pages_for_each_language_the_worker_covers(tmp_path, code, root_path, pages):
    site = make_site(tmp_path, {**SITE, "assets/css/offline.css": "css"})
    precache = offline.write_offline_files(site, alternate_links=[a["link"] for a in ALTERNATES[code]], name="x",
                                           short_name="x", description="x", code=code,
                                           alternates=ALTERNATES[code], root_path=root_path)
    assert precache["unsaved"] == pages
    assert precache["light"] == sorted({*pages.values(), "assets/css/offline.css"})
    assert set(precache["light"]) <= set(precache["files"])
    for root, page in pages.items():
        text = (site / page).read_text(encoding="utf-8")
        page_lang = "en" if root or code == "en" else "es"
        assert f'<html lang="{page_lang}">' in text
        assert f'href="{root_path}assets/css/offline.css"' in text  # absolute: served at any address
        other = "/" if page_lang == "en" else "/en/"
        assert f'<a href="{other}" hreflang=' in text
        assert "<script" not in text and "style=" not in text  # the site's CSP
