"""The page transforms as one Python-Markdown extension (mkdocs.yml → markdown_extensions:
`macros.mdext`, with the build's `lang`), so any generator that runs Python-Markdown
(MkDocs, Zensical) gets them, on the tree it builds: no page is parsed again once written.

In order, as one tree processor that runs after every other one (MkDocs' and Zensical's
link rewriting included: the print links need the final URLs): interactive checklists from
task lists, template toolbars, the reading-time / last-reviewed line of pages that declare
`reviewed:`, copy-link and print extras, then table alignment as classes for the CSP.

Two things come from the page, not the Markdown: its canonical URL (printed links, the
print QR code) and its front matter (`reviewed:`), both stripped before Python-Markdown
sees the text. Each generator hands the page to the processors it registers itself, and
`page_of()` reads it there; no hook or shared state is needed.
"""
from dataclasses import dataclass, field
from urllib.parse import urljoin

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from macros import checklists, csp, lang, pagemeta, sharing, templates, tree

PRIORITY = -100  # after MkDocs' and Zensical's link rewriting ("relpath", "zrelpath": 0)


@dataclass
class PageInfo:
    canonical_url: str = ""
    meta: dict = field(default_factory=dict)
    name: str = ""  # for error messages


def page_of(md) -> PageInfo:
    """The page being converted, as the generator tells its own processors.

    MkDocs 1.x: its link-rewriting tree processor ("relpath", not public API, but MkDocs 1.x
    is frozen) holds the page's File, whose Page has meta and canonical_url by now.
    Zensical: its "rendering_context" preprocessor, made for extensions to read, holds the
    page (URL relative to site_url, meta) and the config. Plain Python-Markdown: no page."""
    if "relpath" in md.treeprocessors:
        file = getattr(md.treeprocessors["relpath"], "file", None)
        page = getattr(file, "page", None)
        if page is not None:
            return PageInfo(page.canonical_url or "", page.meta, file.src_uri)
    if "rendering_context" in md.preprocessors:
        context = md.preprocessors["rendering_context"]
        site_url = context.config.get("site_url") or ""
        url = urljoin(site_url, context.page.url) if site_url else ""
        return PageInfo(url, context.page.meta, context.page.path)
    return PageInfo()


class PageTransforms(Treeprocessor):
    def __init__(self, md, code: str):
        super().__init__(md)
        self.code, self.strings = code, lang.strings(code)

    def run(self, root):
        page = page_of(self.md)
        raw = tree.RawHtml(self.md)
        try:
            checklists.apply(root, raw, self.strings)
            templates.apply(root, raw, self.strings)  # copy/print toolbars of printable templates
            if "reviewed" in page.meta:
                pagemeta.apply(root, raw, page.meta["reviewed"], self.code, self.strings)
            # Sharing: copy-link names, print URLs and the print QR code (macros/sharing.py).
            sharing.apply(root, raw, page.canonical_url, self.strings)
        except ValueError as error:  # ChecklistError, TemplateError, a bad `reviewed:` date
            raise type(error)(f"{page.name}: {error}" if page.name else str(error)) from None
        csp.alignment_as_class(root)


class PageTransformsExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"lang": ["es", f"the build's language, one of {lang.LANGUAGES}"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        code = self.getConfig("lang")
        if code not in lang.LANGUAGES:
            raise ValueError(f"macros.mdext: unsupported lang {code!r}; expected one of {lang.LANGUAGES}")
        md.treeprocessors.register(PageTransforms(md, code), "page_transforms", PRIORITY)


def makeExtension(**kwargs):
    return PageTransformsExtension(**kwargs)
