"""One page rendered the way the build renders it: MkDocs' own Page.render with the site's
Markdown extensions from mkdocs.yml / mkdocs.en.yml, our page transforms (macros/mdext.py)
among them. Tests of the transforms call this, not the transforms' internals."""
from functools import cache
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
from tools.build import CONFIGS  # noqa: E402


@cache
def site_config(code: str, site_url: str):
    return load_config(str(ROOT / CONFIGS[code]), site_url=site_url)


def render_page(markdown: str, code: str = "en", src: str = "contract.md", meta: dict | None = None,
                site_url: str = "https://example.org/en/") -> str:
    """The page's HTML as MkDocs hands it to the theme; `site_url=""` renders it without an address."""
    config = site_config(code, site_url)
    file = File(src, src_dir=config.docs_dir, dest_dir=config.site_dir, use_directory_urls=True)
    page = Page(None, file, config)
    page.markdown, page.meta = markdown, dict(meta or {})
    page.render(config, Files([file]))
    return page.content
