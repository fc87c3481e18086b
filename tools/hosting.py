"""HTTP headers and redirects for the hosts that read them from files next to the site.

    python tools/hosting.py [--site site] [--nginx build/nginx-headers.conf]

Writes `site/_headers` and `site/_redirects` (Netlify and Cloudflare Pages read both and serve
neither) and, with --nginx, the same headers as nginx directives for deploy/nginx/site.conf.
Run by `make dist` (tools/build.py) after both languages are built, because the policy lists
the hashes of the inline scripts of the built pages (macros/csp.py, the source of the meta tag).

Caching: HTML, sw.js and the manifest are revalidated on every visit, so a new build reaches
readers at once (a new worker then replaces the old cache); files with a content hash in their
name (Material's bundle, stylesheets and search worker) are immutable for a year; everything
else under assets/ (our JS and CSS, icons, holiday presets, lunr) is kept for an hour.
Both hosts join the values of a header that two rules set, so no two rules here overlap:
Cache-Control is set per file or per folder that holds no fingerprinted file, never on `/*`.
"""
import argparse
import re
import sys
from pathlib import Path, PurePosixPath

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: reach macros/

from macros import csp  # noqa: E402

LANG_ROOTS = ("", "en/")  # Spanish at /, English at /en/ (mkdocs.en.yml builds into site/en)
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)$")
REVALIDATE = "no-cache"
IMMUTABLE = "public, max-age=31536000, immutable"
SHORT_LIVED = "public, max-age=3600"
REVALIDATED_FILES = ("sw.js", "manifest.webmanifest")
MAX_RULES = 100  # Cloudflare Pages reads at most 100 rules from _headers
# Features the site never uses, refused for it and for anything it could embed.
PERMISSIONS = ("accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
               "payment=(), usb=(), browsing-topics=()")


def page_independent_headers() -> dict[str, str]:
    """The headers that do not depend on the built pages (tools/serve.py sends these; each
    page carries its own CSP as a meta tag). no-referrer: calculators keep typed values in
    the query string, and a Referer would carry them to the server with every request."""
    return {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": PERMISSIONS,
    }


def security_headers(site_dir: Path) -> dict[str, str]:
    """Sent with every response: the CSP as a header, plus the page-independent ones."""
    pages = [p.read_text(encoding="utf-8") for p in sorted(Path(site_dir).rglob("*.html"))]
    return {"Content-Security-Policy": csp.header_policy(pages), **page_independent_headers()}


def _asset_rules(folder: Path, url: str) -> list[tuple[str, str]]:
    """(URL pattern, Cache-Control) for one folder: one wildcard when nothing in it is
    fingerprinted, else file by file and folder by folder."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    if not any(FINGERPRINTED.search(p.name) for p in files):
        return [(url + "*", SHORT_LIVED)]
    rules = []
    for child in sorted(folder.iterdir()):
        if child.is_dir():
            rules += _asset_rules(child, f"{url}{child.name}/")
        elif not child.name.endswith(".map"):
            rules.append((url + child.name, IMMUTABLE if FINGERPRINTED.search(child.name) else SHORT_LIVED))
    return rules


def cache_rules(site_dir: Path) -> list[tuple[str, str]]:
    """Cache-Control by URL pattern, both languages. HTML needs no rule: both hosts already
    answer `public, max-age=0, must-revalidate` where no rule says otherwise."""
    rules = []
    for root in LANG_ROOTS:
        rules += [(f"/{root}{name}", REVALIDATE) for name in REVALIDATED_FILES]
        assets = Path(site_dir) / root / "assets"
        for folder in sorted(p for p in assets.iterdir() if p.is_dir()):
            rules += _asset_rules(folder, f"/{root}assets/{folder.name}/")
    return rules


def headers_file(site_dir: Path) -> str:
    lines = ["# Written by tools/hosting.py (make dist). Netlify and Cloudflare Pages syntax.", "/*"]
    lines += [f"  {name}: {value}" for name, value in security_headers(site_dir).items()]
    for pattern, value in cache_rules(site_dir):
        lines += [pattern, f"  Cache-Control: {value}"]
    return "\n".join(lines) + "\n"


def redirects_file() -> str:
    """Netlify's per-folder 404 (an unforced rule: existing files win). Cloudflare Pages finds
    the nearest 404.html by itself and skips this line."""
    return ("# Written by tools/hosting.py (make dist).\n"
            "/en/*  /en/404.html  404\n")


def nginx_headers(site_dir: Path) -> str:
    """The same security headers for deploy/nginx/site.conf (included in every location:
    nginx drops the server's add_header lines in a location that has its own)."""
    lines = ["# Written by tools/hosting.py (make dist): security headers for every response."]
    for name, value in security_headers(site_dir).items():
        lines.append(f'add_header {name} "{value}" always;')
    return "\n".join(lines) + "\n"


def nginx_cache(site_dir: Path) -> str:
    """Cache-Control by exact path or prefix, as nginx `map` entries (deploy/nginx/site.conf)."""
    lines = ["# Written by tools/hosting.py (make dist): Cache-Control by path (map $uri $cache_control)."]
    for pattern, value in cache_rules(site_dir):
        key = f"~^{re.escape(pattern[:-1])}" if pattern.endswith("*") else pattern
        lines.append(f'"{key}" "{value}";')
    return "\n".join(lines) + "\n"


def write(site_dir: Path, nginx_dir: Path | None = None) -> list[Path]:
    site_dir = Path(site_dir)
    written = {site_dir / "_headers": headers_file(site_dir), site_dir / "_redirects": redirects_file()}
    if nginx_dir:
        written[Path(nginx_dir) / "headers.conf"] = nginx_headers(site_dir)
        written[Path(nginx_dir) / "cache.map"] = nginx_cache(site_dir)
    for path, text in written.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(written)


def rule_count(headers_text: str) -> int:
    return sum(1 for line in headers_text.splitlines() if line.startswith("/"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default="site")
    parser.add_argument("--nginx", help="folder for headers.conf and cache.map (deploy/nginx/site.conf)")
    args = parser.parse_args()
    for path in write(Path(args.site), Path(args.nginx) if args.nginx else None):
        print(f"wrote {PurePosixPath(path)}")


if __name__ == "__main__":
    main()
