"""The build's language and the UI strings of our widgets.

One MkDocs build per language, so the language is a property of the build
config (theme.language), not of the page: no need to inspect paths.
"""
from functools import cache
from pathlib import Path

import yaml

LANGUAGES = ("es", "en")
# Babel / Intl locales: neutral Spanish; British English, like the rest of the English text.
LOCALES = {"es": "es", "en": "en_GB"}
STRINGS_DIR = Path(__file__).parent / "strings"


def current(conf) -> str:
    """Language of the running build, from the MkDocs config."""
    code = conf["theme"]["language"]
    if code not in LANGUAGES:
        raise ValueError(f"unsupported language {code!r}; expected one of {LANGUAGES}")
    return code


@cache
def strings(code: str) -> dict[str, str]:
    """All UI strings of one language: flat dotted keys → text."""
    path = STRINGS_DIR / f"{code}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    bad = [k for k, v in data.items() if not isinstance(v, str)]
    if bad:
        raise ValueError(f"{path.name}: values must be strings: {bad}")
    return data


def text(code: str, key: str) -> str:
    """One UI string; a missing key fails the build instead of printing nothing."""
    try:
        return strings(code)[key]
    except KeyError:
        raise KeyError(f"string {key!r} missing from macros/strings/{code}.yml") from None
