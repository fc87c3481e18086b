"""The one day a build works from: the newest `reviewed:` date of the content, in either language.

Nothing in the built site follows the clock, so the same sources build to the same bytes on any
day: the offline worker then re-downloads only what really changed, and a sitemap's lastmod
says when a page was reviewed, not when it was built. The calculators' examples are worked out
for this day (the browser works them out again for the reader's today); the holiday presets
cover the years around it.
"""
import datetime
import re
from functools import cache
from pathlib import Path

import yaml

from macros.pagemeta import parse_reviewed

# YAML front matter as MkDocs and Zensical read it (not mkdocs.utils: Zensical's venv has no MkDocs).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


def reviewed_date(markdown: str) -> datetime.date | None:
    """A page's front matter `reviewed:` date, or None."""
    match = FRONT_MATTER.match(markdown)
    front = yaml.safe_load(match.group(1)) if match else None
    return parse_reviewed(front["reviewed"]) if isinstance(front, dict) and "reviewed" in front else None


@cache
def build_day(docs_root: Path) -> datetime.date:
    """The newest `reviewed:` date of any page below docs_root (both languages' folders)."""
    dates = [d for md in sorted(Path(docs_root).rglob("*.md"))
             if (d := reviewed_date(md.read_text(encoding="utf-8")))]
    if not dates:
        raise ValueError(f"no page below {docs_root} has a `reviewed:` date to build from")
    return max(dates)


def of(config, root: Path | None = None) -> datetime.date:
    """The build day of a config (MkDocs' object, or the mapping tools/postbuild.py reads): its
    docs_dir is one language's folder of docs/, absolute or relative to root (default: here)."""
    return build_day((Path(root or ".") / config["docs_dir"]).resolve().parent)
