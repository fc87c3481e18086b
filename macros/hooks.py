"""MkDocs event hooks (mkdocs.yml → hooks:); the page transforms are a Markdown extension (macros/mdext.py).

MkDocs loads this file by path, so make the project root importable first to
reach the `macros` package like everything else does.
"""
import datetime
import sys
from pathlib import Path

from markupsafe import Markup

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import (  # noqa: E402
    addresses,
    alternates,
    assets,
    csp,
    lang,
    offline,
    previews,
    search,
    widgets,
)


def on_config(config):
    """Say it when the absolute links (sitemap, canonical, hreflang, link previews, QR codes,
    printed links) would point at this machine. Printed, not logged: MkDocs' --strict counts
    its own warnings as errors, and a local build is fine for local use."""
    if addresses.is_local(config.site_url or ""):
        print(f"WARNING (local address) - {config.site_name}: QR codes, canonical links and the sitemap point at "
              f"{config.site_url}; fine on this machine, wrong anywhere else (make dist SITE_URL=https://…).",
              file=sys.stderr)
    return config


# -- Offline and installable (macros/offline.py) ------------------------------

def write_holiday_presets(site_dir: Path, code: str):
    """The date calculators' country presets, one file per country, fetched on demand
    (macros/widgets.py); written before the worker's precache list is made."""
    for rel, text in widgets.holiday_files(code, datetime.date.today().year).items():
        (site_dir / rel).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / rel).write_text(text, encoding="utf-8")


def on_post_build(config):
    """Our JS minified first and the search index tuned (macros/search.py), then this
    language's web app manifest and its service worker, whose precache version hashes
    the files as shipped."""
    assets.minify_scripts(Path(config.site_dir))
    search.tune_index_file(Path(config.site_dir), lang.current(config))
    write_holiday_presets(Path(config.site_dir), lang.current(config))
    offline.write_offline_files(
        Path(config.site_dir),
        alternate_links=[alt.get("link", "") for alt in config.extra.get("alternate", [])],
        name=config.site_name,
        short_name=config.site_name,
        description=" ".join(config.site_description.split()),
        code=lang.current(config),
    )


def on_page_context(context, page, config, nav):
    """This page in each language, absolute, for <link rel="alternate" hreflang>, and its own
    link-preview image, drawn into the site (macros/previews.py; both in overrides/main.html)."""
    context["hreflang_links"] = alternates.page_alternates(
        config.site_url or "", config.extra.get("alternate", []), page.url)
    section = Markup(page.parent.title).striptags() if page.parent else ""
    preview = previews.for_page(config.site_name, Markup(page.title or "").striptags(), section, page.is_homepage,
                                lang.strings(lang.current(config)))
    previews.write(preview, Path(config.site_dir))
    context["link_preview"] = preview
    return context


# -- Content-Security-Policy (macros/csp.py) ------------------------------------

def on_post_page(output, page, config):
    """Every page carries its Content-Security-Policy."""
    return csp.add_policy(output)


def on_template_context(context, template_name, config):
    """Static templates (the 404 page) write their text from our UI strings."""
    context["ui"] = lang.strings(lang.current(config))
    return context


def on_post_template(output_content, template_name, config):
    """The 404 page too (a static template, not a page)."""
    return csp.add_policy(output_content) if template_name.endswith(".html") else output_content
