"""HTML of the widgets that macros embed in pages. Pure: data in, markup out."""
import datetime
import posixpath
from functools import cache

from macros.calc import engine, holiday_presets, render
from macros.calc.specs import SPECS

CALCULATORS = tuple(SPECS)
# One JSON file per preset country, per language, below the language's root. A page
# fetches a country's file only when the reader picks it (or a shared link does): the
# presets of 8 countries would add about 3 KB gzip to every page with a date calculator.
HOLIDAYS_DIR = "assets/holidays/"


def relative_url(from_page_url: str, target: str) -> str:
    """Link from one page (its URL path, '' for home) to another, as MkDocs writes them."""
    base = from_page_url.rstrip("/") if from_page_url else ""
    rel = posixpath.relpath(target or ".", base or ".")
    return "./" if rel == "." else rel.rstrip("/") + "/"


@cache
def holidays_for(code: str, year: int) -> dict:
    return holiday_presets.presets(holiday_presets.years_around(year), code)


def holiday_files(code: str, year: int) -> dict[str, str]:
    """Files to write below the language's root: {"assets/holidays/ES.json": json}."""
    return {f"{HOLIDAYS_DIR}{country}.json": render._json(days)
            for country, days in holidays_for(code, year).items()}


def uses_calendar(name: str) -> bool:
    return any(f["name"] == "country" for f in SPECS[name]["fields"])


class CalculatorEmbeds:
    """Renders calculators for one build; numbers several calculators of one kind on a page."""

    def __init__(self, code: str, strings: dict[str, str], today: datetime.date | None = None):
        self.code, self.strings = code, strings
        self.today = today or datetime.date.today()
        self.per_page: dict[str, dict] = {}

    def render(self, name: str, page_url: str) -> str:
        if name not in CALCULATORS:
            raise ValueError(f"unknown calculator {name!r}; expected one of {CALCULATORS}")
        count = self.per_page.setdefault(page_url, {})
        count[name] = count.get(name, 0) + 1
        uid = f"calc-{name}" + (f"-{count[name]}" if count[name] > 1 else "")
        holidays = holidays_for(self.code, self.today.year) if uses_calendar(name) else {}
        ctx = engine.context(self.today, holidays)
        on_own_page = page_url == f"calculators/{name}/"
        own_page = relative_url(page_url, f"calculators/{name}/")
        return render.render(
            name, self.code, self.strings, ctx, uid, url_state=on_own_page,
            holidays_url=relative_url(page_url, HOLIDAYS_DIR) if uses_calendar(name) else None,
            page_url=None if on_own_page else own_page,
        )
