"""Link previews, hreflang and the installable app, read from the built pages."""
import json
import posixpath
import re
from urllib.parse import urlsplit

import pytest
from PIL import Image

from tests.built.site_pages import page_file, pages_of, soup_of
from tests.conftest import LANG_PREFIX

OG_LOCALE = {"es": "es_ES", "en": "en_GB"}


def meta(soup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def local_file(site, url: str):
    """The built file behind an absolute URL of the default site_url (http://127.0.0.1:8000/)."""
    path = urlsplit(url).path.lstrip("/")
    return site / path


@pytest.mark.parametrize("code", ["es", "en"])
def test_every_page_has_description_and_link_preview_in_its_language(site_dir, code):
    for path in pages_of(site_dir, code):
        soup = soup_of(page_file(site_dir, code, path))
        description = meta(soup, "description")
        assert description and len(description) >= 40, f"{code}/{path}: no real description"
        assert meta(soup, "og:description") == description == meta(soup, "twitter:description"), path
        assert meta(soup, "og:locale") == OG_LOCALE[code], path
        assert meta(soup, "og:title") and meta(soup, "og:site_name"), path
        assert meta(soup, "og:url") == soup.find("link", rel="canonical")["href"], path
        assert meta(soup, "twitter:card") == "summary_large_image"


def test_descriptions_differ_between_languages(site_dir):
    same = [path for path in pages_of(site_dir, "es")
            if meta(soup_of(page_file(site_dir, "es", path)), "og:description")
            == meta(soup_of(page_file(site_dir, "en", path)), "og:description")]
    assert not same, f"same og:description in both languages: {same}"


@pytest.mark.parametrize("code", ["es", "en"])
def test_every_page_has_its_own_link_preview_image(site_dir, code):
    home = soup_of(page_file(site_dir, code, ""))
    root_url, site_name = home.find("link", rel="canonical")["href"], meta(home, "og:site_name")
    images = {}
    for path in pages_of(site_dir, code):
        soup = soup_of(page_file(site_dir, code, path))
        image = meta(soup, "og:image")
        assert image.startswith(root_url + "assets/img/og-") and image.endswith(".png"), image
        assert meta(soup, "twitter:image") == image
        alt = meta(soup, "og:image:alt")
        assert alt == meta(soup, "twitter:image:alt") and alt.startswith(f"{site_name}: "), (path, alt)
        if path:  # the home page's title is the site's name; its image says what the guide is
            assert alt.endswith(meta(soup, "og:title")), (path, alt)
        with Image.open(local_file(site_dir, image)) as png:
            assert png.format == "PNG" and png.mode == "P", (path, png.mode)  # palette: small
            assert png.size == (int(meta(soup, "og:image:width")), int(meta(soup, "og:image:height"))) == (1200, 630)
        assert local_file(site_dir, image).stat().st_size < 40_000, image
        images.setdefault(local_file(site_dir, image).read_bytes(), []).append(path)
    shared = [paths for paths in images.values() if len(paths) > 1]
    assert not shared, f"pages sharing one preview image: {shared}"


def test_preview_images_differ_between_languages(site_dir):
    for path in pages_of(site_dir, "es"):
        es, en = (meta(soup_of(page_file(site_dir, code, path)), "og:image") for code in ("es", "en"))
        assert local_file(site_dir, es).read_bytes() != local_file(site_dir, en).read_bytes(), path


def test_the_404_pages_keep_the_shared_preview_at_1200_by_630(site_dir):
    for code in ("es", "en"):
        soup = soup_of(site_dir / LANG_PREFIX[code] / "404.html")
        assert meta(soup, "og:image").endswith(f"/assets/img/og-{code}.png")
        with Image.open(site_dir / LANG_PREFIX[code] / f"assets/img/og-{code}.png") as image:
            assert image.size == (1200, 630)


@pytest.mark.parametrize("code", ["es", "en"])
def test_hreflang_links_are_absolute_reciprocal_and_point_at_this_page(site_dir, code):
    for path in pages_of(site_dir, code):
        soup = soup_of(page_file(site_dir, code, path))
        links = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate", hreflang=True)}
        assert set(links) == {"es", "en", "x-default"}, f"{code}/{path}: {links}"
        assert links[code] == soup.find("link", rel="canonical")["href"]
        other = "en" if code == "es" else "es"
        assert local_file(site_dir, links[other]) / "index.html" == page_file(site_dir, other, path)
        # Material fetches sitemap.xml next to every alternate link: no relative leftovers.
        assert all(href.startswith("http") for href in links.values()), links


@pytest.mark.parametrize("code", ["es", "en"])
def test_manifest_is_installable_and_its_icons_have_the_declared_sizes(site_dir, code):
    root = site_dir / LANG_PREFIX[code]
    manifest = json.loads((root / "manifest.webmanifest").read_text(encoding="utf-8"))
    for key in ("name", "short_name", "start_url", "scope", "display", "theme_color", "background_color"):
        assert manifest.get(key), key
    assert manifest["lang"] == code and manifest["display"] == "standalone"
    assert manifest["start_url"] == manifest["scope"] == "./"
    declared = set()
    for icon in manifest["icons"]:
        with Image.open(root / icon["src"]) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"], icon
            assert image.format == "PNG" and icon["type"] == "image/png"
        declared.add((icon["sizes"], icon["purpose"]))
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= declared
    home = soup_of(page_file(site_dir, code, ""))
    # "manifest.webmanifest" (MkDocs) or "./manifest.webmanifest" (Zensical): the file beside the home page.
    assert posixpath.normpath(home.find("link", rel="manifest")["href"]) == "manifest.webmanifest"


@pytest.mark.parametrize("code", ["es", "en"])
def test_service_worker_precaches_every_page_of_its_language_only(site_dir, code):
    root = site_dir / LANG_PREFIX[code]
    source = (root / "sw.js").read_text(encoding="utf-8")
    precache = json.loads(source.split("const PRECACHE = ", 1)[1].split(";\n", 1)[0])
    pages = {path or "./" for path in pages_of(site_dir, code)}
    assert pages <= set(precache["files"]), pages - set(precache["files"])
    assert "search/search_index.json" in precache["files"]
    assert [f for f in precache["files"] if "workers/search" in f], "search worker not precached"
    assert not [f for f in precache["files"] if f.startswith("en/")]
    for file in precache["files"]:
        target = root / file / "index.html" if file.endswith("/") else root / file
        assert target.is_file(), file
    assert precache["skip"] == (["en/"] if code == "es" else [])
    assert len(precache["version"]) == 12


@pytest.mark.parametrize("code", ["es", "en"])
def test_every_page_sends_no_referrer_before_any_request(site_dir, code):
    # Calculator inputs live in the query string: no request may carry the page's address.
    files = [page_file(site_dir, code, path) for path in pages_of(site_dir, code)]
    for file in [*files, site_dir / LANG_PREFIX[code] / "404.html"]:
        soup = soup_of(file)
        policy = soup.head.find("meta", attrs={"name": "referrer"})
        assert policy and policy["content"] == "no-referrer", file
        first_request = soup.head.find(["link", "script", "style"])
        assert (policy.sourceline, policy.sourcepos) < (first_request.sourceline, first_request.sourcepos), file


@pytest.mark.parametrize("code", ["es", "en"])
def test_address_bar_and_installed_app_take_the_headers_colour_from_the_shipped_stylesheet(site_dir, code):
    root = site_dir / LANG_PREFIX[code]
    stylesheet = (root / "assets/css/site.css").read_text(encoding="utf-8")
    header = re.search(r"--md-primary-fg-color:\s*(#[0-9a-f]{6})\b", stylesheet).group(1)
    manifest = json.loads((root / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["theme_color"] == header
    for path in pages_of(site_dir, code):
        assert meta(soup_of(page_file(site_dir, code, path)), "theme-color") == header, path
