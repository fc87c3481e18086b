"""MkDocs event hooks (mkdocs.yml → hooks:): HTML post-processing per page.

MkDocs loads this file by path, so make the project root importable first to
reach the `macros` package like everything else does.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import checklists, lang  # noqa: E402


def on_page_content(html, page, config, files):
    """Interactive checklists out of Markdown task lists, labelled in the build's language."""
    code = lang.current(config)
    try:
        return checklists.render(html, lang.strings(code))
    except checklists.ChecklistError as error:
        raise checklists.ChecklistError(f"{page.file.src_path}: {error}") from None
