"""Offline reading: what the service worker precaches, its version, and the web app manifest.

Called from macros/hooks.py after each language's build (`on_post_build`). Pure
functions over a built folder: no MkDocs objects, so the tests can feed a temp dir.

One worker per language root (/ and /en/): each precaches its own language only.
The Spanish root contains /en/; `skip` tells the Spanish worker to leave that
subtree alone, so the English worker (or the network) answers there. Each root
also holds a small "not saved yet" page per language (UNSAVED_DIR): offline, a
page the worker does not have (the other language before it is saved, or any
page when the reader asked to save data) gets that page instead of the browser's
error. Every precached file carries a revision (a hash of its bytes), so an
update downloads only the files whose revision changed.
"""
import hashlib
import html
import json
import posixpath
from pathlib import Path, PurePosixPath

from macros import csp, lang, theme

SW_NAME = "sw.js"
MANIFEST_NAME = "manifest.webmanifest"
PLACEHOLDER = "/*@precache*/null"  # in overrides/sw.js; replaced by the list below
NEVER_PRECACHED = {SW_NAME, "sitemap.xml", "sitemap.xml.gz"}
NEVER_SUFFIXES = (".map",)  # source maps: only DevTools asks for them
NEVER_PREFIXES = ("assets/img/og-",)  # link-preview images: only crawlers and messengers fetch them
LUNR_DIR = "assets/javascripts/lunr/"
UNSAVED_DIR = "offline/"  # offline/es.html, offline/en.html: "this page is not saved yet"
UNSAVED_CSS = "assets/css/offline.css"  # the one stylesheet of those pages (overrides/assets/css/)
ICONS = [
    # (file under assets/img/, size, purpose)
    ("icon-192.png", 192, "any"),
    ("icon-512.png", 512, "any"),
    ("icon-maskable-512.png", 512, "maskable"),
]


def root_below(link: str) -> str | None:
    """An alternate's link as a root inside this build's ("" itself, "en/"), None when outside."""
    link = (link or "").strip()
    if link.startswith(("/", "..", "http:", "https:")):
        return None
    return link.rstrip("/") + "/" if link else ""


def nested_roots(alternate_links: list[str]) -> list[str]:
    """Other languages' roots that lie inside this build's root ("en/" for Spanish, none for English)."""
    return [root for root in map(root_below, alternate_links) if root]


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


def revision_of(path: Path) -> str:
    """A file's revision: a short hash of its bytes (the worker copies a file whose revision
    did not change from the old cache instead of downloading it again)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:10]


def version_of(site_dir: Path, files: list[str]) -> str:
    """A short hash of the names and contents: a new build with any change gets a new cache."""
    digest = hashlib.sha256()
    for rel in files:
        digest.update(rel.encode() + b"\0" + (Path(site_dir) / rel).read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def unsaved_pages(site_dir: Path, roots: dict[str, str]) -> dict[str, str]:
    """{root below this one ("" or "en/"): its language's not-saved page} for the pages written."""
    return {root: f"{UNSAVED_DIR}{code}.html" for root, code in roots.items()
            if (Path(site_dir) / UNSAVED_DIR / f"{code}.html").is_file()}


def precache_manifest(site_dir: Path, skip: list[str], roots: dict[str, str] | None = None) -> dict:
    """What the worker gets: every file with its revision, the subtrees it leaves alone, the
    404 page and, per root, the not-saved page; `light` is all a save-data reader's worker keeps."""
    files = precache_files(site_dir, skip)
    unsaved = unsaved_pages(site_dir, roots or {})
    light = sorted(set(unsaved.values()) | ({UNSAVED_CSS} & set(files))) if unsaved else []
    return {
        "version": version_of(site_dir, files),
        "files": {url_of(rel): revision_of(Path(site_dir) / rel) for rel in files},
        "skip": skip,
        "fallback": "404.html" if "404.html" in files else None,
        "unsaved": unsaved,
        "light": light,
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


def unsaved_page(code: str, root_path: str, homes: dict[str, str]) -> str:
    """The "not saved yet" page of one language, whole: the worker answers with it at any
    address, so its links are absolute paths (root_path: this build's root, "/" or "/en/").
    No script and no inline style (it carries the site's CSP); offline.css draws both schemes."""
    t = lang.strings(code)
    links = [f'<li><a href="">{html.escape(t["offline.retry"])}</a></li>']
    links += [f'<li><a href="{html.escape(home)}" hreflang="{other}" lang="{other}">'
              f'{html.escape(t["notfound.other_language"])}</a></li>' for other, home in homes.items() if other != code]
    page = (f'<!doctype html>\n<html lang="{code}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width,initial-scale=1">'
            '<meta name="color-scheme" content="light dark"><meta name="robots" content="noindex">'
            f'<title>{html.escape(t["offline.title"])}</title>'
            f'<link rel="stylesheet" href="{html.escape(posixpath.join(root_path, UNSAVED_CSS))}"></head>'
            f'<body><main><p class="offline-site">{html.escape(t["offline.site"])}</p>'
            f'<h1>{html.escape(t["offline.title"])}</h1><p>{html.escape(t["offline.lead"])}</p>'
            f'<ul>{"".join(links)}</ul></main></body></html>\n')
    return csp.add_policy(page)


def write_unsaved_pages(site_dir: Path, root_path: str, alternates: list[dict]) -> dict[str, str]:
    """The not-saved page of each language below this build's root (its own, and /en/ in the
    Spanish one) into offline/; {root below this one: language}."""
    root_path = "/" + root_path.strip("/") + "/" if root_path.strip("/") else "/"
    homes = {alt["lang"]: posixpath.normpath(posixpath.join(root_path, alt.get("link") or ".")).rstrip("/") + "/"
             for alt in alternates}
    roots = {root: alt["lang"] for alt in alternates if (root := root_below(alt.get("link", ""))) is not None}
    (Path(site_dir) / UNSAVED_DIR).mkdir(parents=True, exist_ok=True)
    for code in roots.values():  # the languages this build's worker stands in for
        page = unsaved_page(code, root_path, homes)
        (Path(site_dir) / UNSAVED_DIR / f"{code}.html").write_text(page, encoding="utf-8")
    return roots


def write_offline_files(site_dir: Path, *, alternate_links: list[str], name: str, short_name: str,
                        description: str, code: str, alternates: list[dict] | None = None,
                        root_path: str = "/") -> dict:
    """After a language's build: its manifest, the not-saved pages (when the alternates, with
    their languages, are given), then its worker with the precache list (manifest included)."""
    site_dir = Path(site_dir)
    manifest = web_manifest(name, short_name, description, code)
    (site_dir / MANIFEST_NAME).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    roots = write_unsaved_pages(site_dir, root_path, alternates) if alternates else {"": code}
    sw = site_dir / SW_NAME
    precache = precache_manifest(site_dir, nested_roots(alternate_links), roots)
    sw.write_text(inject(sw.read_text(encoding="utf-8"), precache), encoding="utf-8")
    return precache
