"""`make dist` (tools/build.py --dist): a production build whose every address is the public one,
with the host files; and the refusals that keep a local address from going out."""
import io
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import zxingcpp
from PIL import Image

from macros import addresses, csp
from tests.built.site_pages import page_file, soup_of
from tests.conftest import LANG_PREFIX, ROOT, pages_of
from tools import hosting

PUBLIC = "https://example.org/"
ROOTS = {"es": PUBLIC, "en": PUBLIC + "en/"}
TEXT_SUFFIXES = (".html", ".xml", ".json", ".js", ".css", ".webmanifest", ".txt")
LOCAL = re.compile(r"https?://(127\.0\.0\.1|localhost|0\.0\.0\.0)\b")
SITE_ADDRESS = re.compile(r"https?://[^\s\"'<>)]*example\.org[^\s\"'<>)]*")


def dist(site: Path, **env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "SITE_URL_EN")} | env
    return subprocess.run([sys.executable, "tools/build.py", "--dist", "--dir", str(site),
                           "--nginx-dir", str(site.parent / "nginx")],
                          cwd=ROOT, env=environment, capture_output=True, text=True)


@pytest.fixture(scope="module")
def dist_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("dist") / "site"
    done = dist(site, SITE_URL=PUBLIC)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "local address" not in done.stderr
    return site


def qr_text(svg) -> list[str]:
    """Decode one of the build's inline QR codes with a real reader: draw segno's path
    (rows of `h` runs, one module high) as pixels, hand them to zxing-cpp."""
    size = int(svg["viewbox"].split()[2])
    scale = 8
    image = Image.new("L", (size * scale, size * scale), 255)
    x = y = 0.0
    for command, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", svg.find("path", class_="qrline")["d"]):
        a = float(a)
        if command == "M":
            x, y = a, float(b)
        elif command == "m":
            x, y = x + a, y + float(b)
        else:
            row = int(y)
            image.paste(0, (int(x * scale), row * scale, int((x + a) * scale), (row + 1) * scale))
            x += a
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return [result.text for result in zxingcpp.read_barcodes(Image.open(buffer))]


def test_no_file_mentions_a_local_address(dist_site):
    offenders = [f"{p.relative_to(dist_site)}: {LOCAL.search(p.read_text(encoding='utf-8')).group(0)}"
                 for p in dist_site.rglob("*") if p.suffix in TEXT_SUFFIXES
                 and LOCAL.search(p.read_text(encoding="utf-8"))]
    assert not offenders, "\n".join(offenders)


@pytest.mark.parametrize("code", ["es", "en"])
def test_every_absolute_address_of_the_site_is_the_public_one(dist_site, code):
    seen = 0
    for path in pages_of(dist_site, code):
        soup = soup_of(page_file(dist_site, code, path))
        url = ROOTS[code] + path
        assert soup.find("link", rel="canonical")["href"] == url
        assert soup.find("meta", property="og:url")["content"] == url
        image = soup.find("meta", property="og:image")["content"]
        assert image.startswith(f"{ROOTS[code]}assets/img/og-"), image
        assert (dist_site / LANG_PREFIX[code] / image[len(ROOTS[code]):]).is_file(), image
        hreflang = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate", hreflang=True)}
        assert hreflang == {"es": PUBLIC + path, "en": PUBLIC + "en/" + path, "x-default": PUBLIC + path}
        printed = [li.get_text() for li in soup.select("aside.print-links ol li")]
        assert len(printed) == len({a["data-print-ref"] for a in soup.select("a[data-print-ref]")}), path
        internal = [u for u in printed if urlsplit(u).hostname in ("example.org", "127.0.0.1", "localhost")]
        assert all(u.startswith(PUBLIC) for u in internal), internal
        seen += len(internal)
        assert qr_text(soup.select_one("aside.print-qr svg.qr")) == [url], path
    assert seen > 50  # the printed link list is there and was checked
    sitemap = (dist_site / LANG_PREFIX[code] / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locs and all(loc.startswith(ROOTS[code]) for loc in locs), locs


@pytest.mark.parametrize("code", ["es", "en"])
def test_slide_qr_codes_and_their_captions_use_the_public_address(dist_site, code):
    cards = soup_of(page_file(dist_site, code, "slides/")).select("figure.qr-card")
    assert len(cards) >= 11
    for card in cards:
        caption = card.figcaption.get_text(strip=True)
        assert caption.startswith(ROOTS[code]), caption
        assert qr_text(card.find("svg")) == [caption]


def test_host_files_are_written_with_the_sites_own_policy(dist_site):
    headers = (dist_site / "_headers").read_text(encoding="utf-8")
    assert hosting.rule_count(headers) <= hosting.MAX_RULES
    assert all(len(line) <= 2000 for line in headers.splitlines())  # Cloudflare's line limit
    policy = re.search(r"^  Content-Security-Policy: (.+)$", headers, re.M).group(1)
    assert policy.endswith("; frame-ancestors 'none'")
    allowed = set(re.search(r"script-src ([^;]+)", policy).group(1).split())
    for page in dist_site.rglob("*.html"):
        assert set(csp.inline_hashes(page.read_text(encoding="utf-8"))) <= allowed, page
    assert "  Referrer-Policy: no-referrer" in headers
    assert "/en/*  /en/404.html  404" in (dist_site / "_redirects").read_text(encoding="utf-8")
    assert (dist_site.parent / "nginx" / "headers.conf").is_file()


def test_cache_rules_never_overlap_and_fingerprinted_files_are_immutable(dist_site):
    """Hosts join the values of overlapping rules, which would make Cache-Control contradict itself."""
    rules = hosting.cache_rules(dist_site)
    patterns = [p for p, _ in rules]
    for pattern in patterns:
        prefix = pattern.rstrip("*")
        others = [o for o in patterns if o != pattern and pattern.endswith("*") and o.startswith(prefix)]
        assert not others, (pattern, others)
    bundle = next(p for p, v in rules if "bundle." in p and p.startswith("/assets/"))
    assert dict(rules)[bundle] == hosting.IMMUTABLE
    assert dict(rules)["/sw.js"] == dict(rules)["/en/sw.js"] == hosting.REVALIDATE
    assert dict(rules)["/assets/js/*"] == hosting.SHORT_LIVED
    for pattern in patterns:  # every pattern names something that was built
        assert list(dist_site.glob(pattern.lstrip("/").replace("*", "**/*"))) or \
            (dist_site / pattern.lstrip("/")).is_file(), pattern


@pytest.mark.parametrize(("env", "message"), [
    ({}, "SITE_URL is not set"),
    ({"SITE_URL": "example.org"}, "not an absolute http(s) address"),
    ({"SITE_URL": "http://127.0.0.1:8000/"}, "is a local address"),
    ({"SITE_URL": "http://192.168.1.20/"}, "is a local address"),
    ({"SITE_URL": PUBLIC, "SITE_URL_EN": "https://other.example/"}, "must be 'https://example.org/en/'"),
])
def test_dist_refuses_an_address_readers_could_not_use(tmp_path, env, message):
    done = dist(tmp_path / "site", **env)
    assert done.returncode == 2
    assert message in done.stderr
    assert not (tmp_path / "site").exists()  # refused before building anything


def test_the_english_root_follows_the_spanish_one():
    assert addresses.english_root("https://example.org/guide/", None) == "https://example.org/guide/en/"
    assert addresses.english_root("https://example.org/", "https://example.org/en") == "https://example.org/en/"
    assert addresses.public("https://example.org", "SITE_URL") == "https://example.org/"
    assert not addresses.is_local("https://trato-claro.example/")
    assert addresses.is_local("http://[::1]:8000/") and addresses.is_local("http://printer.local/")
