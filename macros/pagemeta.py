"""The line under a chapter's title: reading time and the date it was last reviewed."""
import datetime
import math
import re
from xml.etree.ElementTree import Element, SubElement

from babel.dates import format_date

from macros import lang, tree

WORDS_PER_MINUTE = 200  # unhurried reading on a phone
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
NOT_READ = frozenset({"calc"})  # a calculator is used, not read: its fields and worked-example table do not count


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def reading_minutes(text: str) -> int:
    return max(1, math.ceil(word_count(text) / WORDS_PER_MINUTE))


def reading_text(root: Element, raw: tree.RawHtml) -> str:
    """The page's text without the parts one uses rather than reads (NOT_READ), in its raw
    HTML too (a calculator is a macro's raw HTML)."""
    return raw.text(root, " ", skip_classes=NOT_READ)


def parse_reviewed(value) -> datetime.date:
    """Front matter `reviewed: 2026-11-26` (YAML gives a date; a string is parsed)."""
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"reviewed: {value!r} is not a date like 2026-11-26") from None


def apply(root: Element, raw: tree.RawHtml, reviewed, code: str, strings: dict[str, str]) -> bool:
    """Put "6 min read · Reviewed 26 November 2026" right after the page's h1
    (macros/mdext.py); False when the page has no h1."""
    h1 = next(root.iter("h1"), None)
    if h1 is None:
        return False
    minutes = reading_minutes(reading_text(root, raw))
    date = parse_reviewed(reviewed)
    line = Element("p", {"class": "page-meta"})
    before, _, after = strings["page.reviewed"].partition("{date}")
    line.text = strings["page.reading_time"].format(minutes=minutes) + " · " + before
    time = SubElement(line, "time", {"datetime": date.isoformat()})
    time.text = format_date(date, format="long", locale=lang.LOCALES[code])
    time.tail = after
    tree.insert_after(tree.parents(root)[h1], h1, line)
    return True
