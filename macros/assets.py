"""Built-site asset work: our JS ships minified (the sources stay commented).

rjsmin only removes comments and whitespace; it does not rename or reorder,
so what the browser tests exercise is the code as written.
"""
from pathlib import Path

import rjsmin

OUR_SCRIPTS = ("assets/js/**/*.js", "assets/javascripts/workers/search-stemmed.js")


def our_scripts(site_dir: Path) -> list[Path]:
    return sorted({path for pattern in OUR_SCRIPTS for path in site_dir.glob(pattern)})


def minify_scripts(site_dir: Path) -> None:
    for path in our_scripts(site_dir):
        path.write_text(rjsmin.jsmin(path.read_text(encoding="utf-8")), encoding="utf-8")
