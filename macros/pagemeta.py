"""The line under a chapter's title: reading time and the date it was last reviewed."""
import datetime
import math
import re

from babel.dates import format_date
from bs4 import BeautifulSoup

from macros import lang

WORDS_PER_MINUTE = 200  # unhurried reading on a phone
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
NOT_READ = ".calc"  # a calculator is used, not read: its fields and worked-example table do not count


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def reading_minutes(text: str) -> int:
    return max(1, math.ceil(word_count(text) / WORDS_PER_MINUTE))


def reading_text(soup: BeautifulSoup) -> str:
    """The page's text without the parts one uses rather than reads (NOT_READ)."""
    skipped = {id(el) for el in soup.select(NOT_READ)}
    return " ".join(text for text in soup.find_all(string=True)
                    if not any(id(parent) in skipped for parent in text.parents))


def parse_reviewed(value) -> datetime.date:
    """Front matter `reviewed: 2026-11-26` (YAML gives a date; a string is parsed)."""
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"reviewed: {value!r} is not a date like 2026-11-26") from None


def apply(soup: BeautifulSoup, reviewed, code: str, strings: dict[str, str]) -> bool:
    """Put "6 min read · Reviewed 26 November 2026" right after the page's h1, in place
    (macros/hooks.py parses each page once); False when the page has no h1."""
    h1 = soup.find("h1")
    if h1 is None:
        return False
    minutes = reading_minutes(reading_text(soup))
    date = parse_reviewed(reviewed)
    line = soup.new_tag("p", attrs={"class": "page-meta"})
    line.append(strings["page.reading_time"].format(minutes=minutes))
    line.append(" · ")
    time = soup.new_tag("time", attrs={"datetime": date.isoformat()})
    time.string = format_date(date, format="long", locale=lang.LOCALES[code])
    before, _, after = strings["page.reviewed"].partition("{date}")
    line.extend([before, time, after])
    h1.insert_after(line)
    return True
