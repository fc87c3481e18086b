"""Numbers, money and dates in the page's language (Babel), for the worked
examples rendered at build time. The JS twin (assets/js/calc/format.js) writes plain
numbers by hand with Babel's marks and uses Intl for dates and currencies; the same
numbers come out of both (tests/e2e/test_calc_js.py)."""
import datetime
import decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, get_decimal_symbol, get_group_symbol

from macros import lang


def number_marks(code: str) -> dict[str, str]:
    """What the JS twin needs to write plain numbers without Intl (in each calculator's config)."""
    locale = lang.LOCALES[code]
    return {"locale": locale.replace("_", "-"), "decimal": get_decimal_symbol(locale),
            "group": get_group_symbol(locale)}


class Formatter:
    def __init__(self, code: str, strings: dict[str, str], currency: str = ""):
        self.locale = lang.LOCALES[code]
        self.t = strings
        self.currency = currency

    def number(self, value, digits=2) -> str:
        # Rounded as the JS twin's toFixed() rounds: the float's exact value, ties away from zero.
        exact = decimal.Decimal(value).quantize(decimal.Decimal(1).scaleb(-digits), rounding=decimal.ROUND_HALF_UP)
        return format_decimal(exact, format=f"#,##0.{'#' * digits}" if digits else "#,##0", locale=self.locale)

    def money(self, value) -> str:
        if self.currency:
            return format_currency(value, self.currency, locale=self.locale)
        return self.number(value, 2)

    def percent(self, value) -> str:
        return self.t["calc.unit.percent"].format(n=self.number(value, 1))

    def days(self, value) -> str:
        return self.t["calc.unit.day" if value == 1 else "calc.unit.days"].format(n=self.number(value, 0))

    def date(self, iso: str) -> str:
        return format_date(datetime.date.fromisoformat(iso), format="full", locale=self.locale)

    def datetime(self, iso: str) -> str:
        return f"{self.date(iso[:10])}, {iso[11:16]}"

    def minutes(self, value) -> str:
        hours, minutes = divmod(int(value), 60)
        return self.t["calc.unit.hours_minutes"].format(h=self.number(hours, 0), m=minutes)

    def value(self, kind: str, value) -> str:
        """Any output value by its spec type; None (not applicable) → a dash."""
        if value is None:
            return "—"
        if kind == "bool":
            return self.t["calc.common.yes" if value else "calc.common.no"]
        if kind == "key":
            return self.t[f"calc.key.{value}"]
        if kind == "text":
            return str(value)
        if kind == "int":
            return self.number(value, 0)
        if kind == "times":
            return self.t["calc.unit.times"].format(n=self.number(value, 1))
        return getattr(self, kind)(value)
