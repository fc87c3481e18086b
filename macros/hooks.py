"""MkDocs event hooks (mkdocs.yml → hooks:); the page transforms are a Markdown extension (macros/mdext.py).

MkDocs loads this file by path; `macros` imports as a package because MkDocs runs from the
project root as `python -m mkdocs` (tools/build.py, the tests, bench/), which puts the root on the path.
"""
import sys
from pathlib import Path

from macros import (
    addresses,
    alternates,
    build_day,
    lang,
    pagemeta,
)
from tools import postbuild  # noqa: E402


def on_config(config):
    """Say it when the absolute links (sitemap, canonical, hreflang, link previews, QR codes,
    printed links) would point at this machine. Printed, not logged: MkDocs' --strict counts
    its own warnings as errors, and a local build is fine for local use."""
    if addresses.is_local(config.site_url or ""):
        print(f"WARNING (local address) - {config.site_name}: QR codes, canonical links and the sitemap point at "
              f"{config.site_url}; fine on this machine, wrong anywhere else (make dist SITE_URL=https://…).",
              file=sys.stderr)
    return config


# -- What must see the finished language (tools/postbuild.py) ------------------

def on_post_build(config):
    """Per-page link previews, CSP meta tags, minified JS, the tuned search index, holiday files, the manifest and the
    service worker: the post-build step every generator's output gets (tools/build.py runs it
    after a generator without hooks); here so that `mkdocs build` alone gives a complete language."""
    postbuild.finish_language(Path(config.site_dir), postbuild.language_of(config))


def on_page_markdown(markdown, page, config, files):
    """The sitemap's lastmod: the day the page was reviewed (else the build day), not the day
    it was built (MkDocs' default), so an unchanged page keeps its date and its bytes."""
    reviewed = page.meta.get("reviewed")
    page.update_date = (pagemeta.parse_reviewed(reviewed) if reviewed else build_day.of(config)).isoformat()
    return markdown


def on_page_context(context, page, config, nav):
    """This page in each language, absolute, for <link rel="alternate" hreflang> (overrides/main.html).
    Its own link-preview image comes from the post-build step (tools/postbuild.py)."""
    context["hreflang_links"] = alternates.page_alternates(
        config.site_url or "", config.extra.get("alternate", []), page.url)
    return context


def on_template_context(context, template_name, config):
    """Static templates (the 404 page) write their text from our UI strings."""
    context["ui"] = lang.strings(lang.current(config))
    return context
