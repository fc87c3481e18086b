"""Offline reading: what the service worker precaches, its version, and the web app manifest.

Called from macros/hooks.py after each language's build (`on_post_build`). Pure
functions over a built folder: no MkDocs objects, so the tests can feed a temp dir.

One worker per language root (/ and /en/): each precaches its own language only.
The Spanish root contains /en/; `skip` tells the Spanish worker to leave that
subtree alone, so the English worker (or the network) answers there.
"""
import hashlib
import json
import posixpath
from pathlib import Path, PurePosixPath

from macros import theme

SW_NAME = "sw.js"
MANIFEST_NAME = "manifest.webmanifest"
PLACEHOLDER = "/*@precache*/null"  # in overrides/sw.js; replaced by the list below
NEVER_PRECACHED = {SW_NAME, "sitemap.xml", "sitemap.xml.gz"}
NEVER_SUFFIXES = (".map",)  # source maps: only DevTools asks for them
NEVER_PREFIXES = ("assets/img/og-",)  # link-preview images: only crawlers and messengers fetch them
LUNR_DIR = "assets/javascripts/lunr/"
ICONS = [
    # (file under assets/img/, size, purpose)
    ("icon-192.png", 192, "any"),
    ("icon-512.png", 512, "any"),
    ("icon-maskable-512.png", 512, "maskable"),
]


def nested_roots(alternate_links: list[str]) -> list[str]:
    """Other languages' roots that lie inside this build's root ("en/" for Spanish, none for English)."""
    roots = []
    for link in alternate_links:
        link = (link or "").strip()
        if not link or link.startswith(("/", "..", "http:", "https:")):
            continue
        roots.append(link.rstrip("/") + "/")
    return roots


def search_langs(site_dir: Path) -> list[str]:
    """Languages of this build's search index, as the search worker will read them."""
    index = Path(site_dir) / "search" / "search_index.json"
    if not index.is_file():
        return []
    return list(json.loads(index.read_text(encoding="utf-8"))["config"]["lang"])


def lunr_needed(name: str, langs: list[str]) -> bool:
    """Material's search worker imports only these lunr files for the index's languages
    (English is built into lunr; every other language needs the stemmer support)."""
    wanted = {f"min/lunr.{code}.min.js" for code in langs if code != "en"}
    if wanted:
        wanted.add("min/lunr.stemmer.support.min.js")
    if len(langs) > 1:
        wanted.update({"min/lunr.multi.min.js", "min/lunr.stemmer.support.min.js"})
    return name in wanted


def url_of(rel_path: str) -> str:
    """Built file → URL below the root, as links write it: 'guarantees/index.html' → 'guarantees/'."""
    if rel_path == "index.html":
        return "./"
    if rel_path.endswith("/index.html"):
        return rel_path[: -len("index.html")]
    return rel_path


def precache_files(site_dir: Path, skip: list[str]) -> list[str]:
    """Every built file a reader of this language needs offline, as root-relative paths, sorted."""
    langs = search_langs(site_dir)
    files = []
    for path in sorted(p for p in Path(site_dir).rglob("*") if p.is_file()):
        rel = path.relative_to(site_dir).as_posix()
        if any(rel.startswith(prefix) for prefix in skip):
            continue
        if PurePosixPath(rel).name in NEVER_PRECACHED or rel.endswith(NEVER_SUFFIXES) or rel.startswith(NEVER_PREFIXES):
            continue
        if rel.startswith(LUNR_DIR) and not lunr_needed(rel[len(LUNR_DIR):], langs):
            continue
        files.append(rel)
    return files


def version_of(site_dir: Path, files: list[str]) -> str:
    """A short hash of the names and contents: a new build with any change gets a new cache."""
    digest = hashlib.sha256()
    for rel in files:
        digest.update(rel.encode() + b"\0" + (Path(site_dir) / rel).read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def precache_manifest(site_dir: Path, skip: list[str]) -> dict:
    files = precache_files(site_dir, skip)
    return {
        "version": version_of(site_dir, files),
        "files": [url_of(rel) for rel in files],
        "skip": skip,
        "fallback": "404.html" if "404.html" in files else None,
    }


def inject(sw_source: str, manifest: dict) -> str:
    """Write the precache list into the worker's source (the worker's bytes change with every
    content change, which is what makes browsers install the new version)."""
    if sw_source.count(PLACEHOLDER) != 1:
        raise ValueError(f"{SW_NAME}: expected exactly one {PLACEHOLDER} placeholder")
    return sw_source.replace(PLACEHOLDER, json.dumps(manifest, separators=(",", ":")))


def web_manifest(name: str, short_name: str, description: str, code: str) -> dict:
    """The installable app of one language; every URL relative to the manifest (the language root)."""
    return {
        "id": "./",
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": code,
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": theme.colour(),
        "icons": [
            {"src": posixpath.join("assets/img", file), "sizes": f"{size}x{size}", "type": "image/png",
             "purpose": purpose}
            for file, size, purpose in ICONS
        ],
    }


def write_offline_files(site_dir: Path, *, alternate_links: list[str], name: str, short_name: str,
                        description: str, code: str) -> dict:
    """After a language's build: its manifest, then its worker with the precache list (manifest included)."""
    site_dir = Path(site_dir)
    manifest = web_manifest(name, short_name, description, code)
    (site_dir / MANIFEST_NAME).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    sw = site_dir / SW_NAME
    precache = precache_manifest(site_dir, nested_roots(alternate_links))
    sw.write_text(inject(sw.read_text(encoding="utf-8"), precache), encoding="utf-8")
    return precache
