"""National public holidays for the date calculators' country presets.

Built once per build from the `holidays` package (pinned, so every build and
both runtimes see the same dates) and embedded in the page as JSON: the
calculators keep working offline and never ask another server.
"""
import holidays

from macros.calc.specs import COUNTRIES

# Holiday names in the page's language where the package has them.
NAME_LANGUAGES = {"es": ("es",), "en": ("en_GB", "en_US")}


def _language(country_cls, code: str) -> str:
    supported = getattr(country_cls, "supported_languages", ()) or ()
    for candidate in NAME_LANGUAGES[code]:
        if candidate in supported:
            return candidate
    return country_cls.default_language


def presets(years: range, code: str) -> dict[str, dict[str, str]]:
    """{country: {"YYYY-MM-DD": name}} for every preset country and year."""
    out = {}
    for country in filter(None, COUNTRIES):
        cls = holidays.country_holidays(country).__class__
        days = holidays.country_holidays(country, years=list(years), language=_language(cls, code))
        out[country] = {day.isoformat(): name for day, name in sorted(days.items())}
    return out


def years_around(year: int) -> range:
    """Last year to three years ahead: enough for any deadline a reader plans."""
    return range(year - 1, year + 4)
