"""Content-Security-Policy for every built page, as a <meta> tag.

Everything comes from the site's own origin. Material inlines a few small
scripts (palette, tabs, storage scope); their exact text varies with the page's
depth, so each page lists the SHA-256 of its own inline scripts instead of
allowing 'unsafe-inline'. JSON data blocks are not executed and need no hash.
data: images are allowed because Material's stylesheet draws its icons with
inline SVG data URIs; they are not a request to anyone.
"""
import base64
import hashlib
import re
from xml.etree.ElementTree import Element

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:(?!\bsrc=)[^>])*)>(?P<body>.*?)</script>", re.S)
EXECUTABLE_TYPES = ("", "text/javascript", "module")
CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?>", re.I)
# Markdown tables with `:---:` columns get style="text-align: …"; style-src 'self'
# blocks inline styles, so the alignment becomes a class (site.css: .align-right …).
TABLE_ALIGN = re.compile(r"text-align: (left|center|right);?")


def alignment_as_class(root: Element) -> None:
    """A page transform (macros/mdext.py), on the page's table cells."""
    for cell in root.iter():
        match = cell.tag in ("th", "td") and TABLE_ALIGN.fullmatch(cell.get("style") or "")
        if match:
            del cell.attrib["style"]
            cell.set("class", " ".join([*(cell.get("class") or "").split(), f"align-{match.group(1)}"]))


def script_type(attrs: str) -> str:
    match = re.search(r"""\btype=["']?([^"'\s>]+)""", attrs)
    return match.group(1).lower() if match else ""


def inline_hashes(html: str) -> list[str]:
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        if script_type(match.group("attrs")) in EXECUTABLE_TYPES:
            digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
            hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def directives(script_hashes: list[str]) -> list[str]:
    """The one policy of the site, for the meta tag and for the HTTP header alike."""
    return [
        "default-src 'self'",
        "script-src " + " ".join(["'self'", *script_hashes]),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
    ]


def policy(html: str) -> str:
    """This page's policy: only its own inline scripts' hashes."""
    return "; ".join(directives(inline_hashes(html)))


def header_policy(pages: list[str]) -> str:
    """The policy as an HTTP header for the whole site (tools/hosting.py): every page's inline
    hashes in one list, since hosts set headers by path pattern, not per page. The meta tag
    still narrows each page to its own; a browser enforces both. frame-ancestors works only
    in a header: no other site may frame ours."""
    hashes = sorted({h for html in pages for h in inline_hashes(html)})
    return "; ".join([*directives(hashes), "frame-ancestors 'none'"])


def add_policy(html: str) -> str:
    """Insert the policy right after <meta charset>, before any script can run."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    match = CHARSET.search(html)
    if not match:
        raise ValueError("page has no <meta charset> to anchor the Content-Security-Policy")
    return html[: match.end()] + tag + html[match.end():]
