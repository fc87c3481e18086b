"""MkDocs event hooks (mkdocs.yml → hooks:): HTML post-processing per page.

MkDocs loads this file by path, so make the project root importable first to
reach the `macros` package like everything else does.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import assets, checklists, csp, lang, pagemeta, templates  # noqa: E402


def on_page_content(html, page, config, files):
    """Interactive checklists out of Markdown task lists, and the reading-time /
    last-reviewed line under the title of pages that declare `reviewed:`."""
    code = lang.current(config)
    strings = lang.strings(code)
    try:
        html = checklists.render(html, strings)
        html = templates.render(html, strings)  # copy/print toolbars of printable templates
        if "reviewed" in page.meta:
            html = pagemeta.insert_meta_line(html, page.meta["reviewed"], code, strings)
    except ValueError as error:
        raise ValueError(f"{page.file.src_path}: {error}") from None
    return html


def on_post_build(config):
    """Ship our JS without comments and indentation (this build's site_dir only)."""
    assets.minify_scripts(Path(config["site_dir"]))


def on_post_page(output, page, config):
    """Every page carries its Content-Security-Policy."""
    return csp.add_policy(output)


def on_post_template(output_content, template_name, config):
    """The 404 page too (a static template, not a page)."""
    return csp.add_policy(output_content) if template_name.endswith(".html") else output_content
