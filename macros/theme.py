"""The theme colour, kept in one place: the stylesheet that designs the palette.

The browser's address bar (<meta name="theme-color"> of every page, filled in by the post-build
step, tools/postbuild.py: a template cannot read it on every generator) and the installed app
(the web app manifest, macros/offline.py) take the same colour from there.
"""
import re
from functools import cache
from pathlib import Path

STYLESHEET = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "css" / "site.css"
PRIMARY = re.compile(r"--md-primary-fg-color:\s*(#[0-9a-fA-F]{6})\s*;")
META = re.compile(r'<meta name="theme-color" content="[^"]*">')


@cache
def colour() -> str:
    """The light scheme's primary colour (the header's), e.g. "#00695c"."""
    found = PRIMARY.search(STYLESHEET.read_text(encoding="utf-8"))
    if not found:
        raise ValueError(f"{STYLESHEET.name}: no --md-primary-fg-color: #rrggbb; to take the theme colour from")
    return found.group(1)


def fill_meta(html: str) -> str:
    """A page with its theme-color meta tag set to the stylesheet's colour."""
    return META.sub(f'<meta name="theme-color" content="{colour()}">', html, count=1)
