"""Numbers, money and dates in the page's language (Babel), for the worked
examples rendered at build time. The JS twin (assets/js/calc/format.js) writes plain
numbers and dates by hand with the marks, names and date pattern Babel gives here, and
uses Intl only for currencies; the same text comes out of both (tests/e2e/test_calc_js.py)."""
import datetime
import decimal

from babel import Locale
from babel.dates import format_date, tokenize_pattern
from babel.numbers import format_currency, format_decimal, get_decimal_symbol, get_group_symbol

from macros import lang

# The date fields a full date pattern may use, as the JS twin fills them in.
DATE_FIELDS = {("E", 4): "{weekday}", ("d", 1): "{day}", ("M", 4): "{month}", ("y", 1): "{year}"}


def date_template(pattern: str) -> str:
    """A locale's full date pattern ("EEEE, d 'de' MMMM 'de' y") as a template the JS twin
    fills ("{weekday}, {day} de {month} de {year}"). A field it cannot fill fails the build."""
    out = []
    for kind, value in tokenize_pattern(pattern):
        if kind == "chars":
            out.append(value.replace("{", "(").replace("}", ")"))
        elif value in DATE_FIELDS:
            out.append(DATE_FIELDS[value])
        else:
            raise ValueError(f"{pattern!r}: date field {value} has no place in the JS date template")
    return "".join(out)


def plural_rule(code: str) -> list:
    """The language's CLDR plural rule (Babel) as JSON the JS twin evaluates (format.js):
    [[category, condition], …], first match wins, "other" otherwise. A condition is
    ["or"|"and", …conditions], ["not", condition] or ["in"|"within", operand, modulus (0: none),
    [[low, high], …]], over CLDR's operands (n, i, v, f, t, e) of the number as written."""
    def node(ast):
        op, args = ast
        if op in ("or", "and"):
            return [op, *map(node, args)]
        if op == "not":
            return ["not", node(args[0])]
        method, expr, (_, ranges) = args  # op is "relation"
        operand, modulus = (expr[1][0][0], expr[1][1][1][0]) if expr[0] == "mod" else (expr[0], 0)
        return [method, operand, modulus, [[low[1][0], high[1][0]] for low, high in ranges]]
    return [[tag, node(ast)] for tag, ast in Locale.parse(lang.LOCALES[code]).plural_form.abstract]


def locale_marks(code: str) -> dict:
    """What the JS twin needs to write numbers and dates without Intl (in each calculator's
    config): a page's first Intl object costs a phone ~200 ms as the calculator starts."""
    locale = Locale.parse(lang.LOCALES[code])
    return {"locale": lang.LOCALES[code].replace("_", "-"), "decimal": get_decimal_symbol(locale),
            "group": get_group_symbol(locale), "date": date_template(locale.date_formats["full"].pattern),
            "weekdays": [locale.days["format"]["wide"][i] for i in range(7)],  # Monday first
            "months": [locale.months["format"]["wide"][i] for i in range(1, 13)],
            "plural": plural_rule(code)}


class Formatter:
    def __init__(self, code: str, strings: dict[str, str], currency: str = ""):
        self.locale = lang.LOCALES[code]
        self.t = strings
        self.currency = currency

    @staticmethod
    def rounded(value, digits=2) -> decimal.Decimal:
        """The value as written: rounded as the JS twin's toFixed() rounds (the float's exact
        value, ties away from zero), trailing zeros dropped; never exponent notation."""
        exact = decimal.Decimal(value).quantize(decimal.Decimal(1).scaleb(-digits), rounding=decimal.ROUND_HALF_UP)
        text = f"{exact:f}"
        return decimal.Decimal(text.rstrip("0").rstrip(".") if "." in text else text)

    def number(self, value, digits=2) -> str:
        return format_decimal(self.rounded(value, digits), format=f"#,##0.{'#' * digits}" if digits else "#,##0",
                              locale=self.locale)

    def count(self, key: str, value, digits=0) -> str:
        """"{n} days" in the plural form the language's CLDR rule gives the number as written
        (1 día, 2 días, 1.000.000 de días; 0,96 veces): strings key.one, key.other, …"""
        category = Locale.parse(self.locale).plural_form(self.rounded(value, digits))
        template = self.t.get(f"{key}.{category}") or self.t[f"{key}.other"]
        return template.format(n=self.number(value, digits))

    def text(self, key: str, **params) -> str:
        return self.t[key].format(**params)

    def join(self, items: list[str]) -> str:
        """"a, b and c" in the page's language."""
        if len(items) < 2:
            return "".join(items)
        return self.t["calc.common.list_and"].format(first=", ".join(items[:-1]), last=items[-1])

    def money(self, value) -> str:
        if self.currency:
            return format_currency(value, self.currency, locale=self.locale)
        return self.number(value, 2)

    def percent(self, value) -> str:
        """One decimal, or as many as the first digit that is not 0 needs ("0,03 %", "0,004 %": a
        daily penalty of 0.01 % is not "0 %"); under 0.00000000000000000001 %, "less than" that."""
        def zero(text):
            return value and text.lstrip("-") == "0"
        places = 1
        while places < 20 and zero(self.number(value, places)):
            places += 1
        text = self.number(value, places)
        if zero(text):
            return self.t["calc.unit.percent_under"]
        return self.t["calc.unit.percent"].format(n=text)

    def days(self, value) -> str:
        return self.count("calc.unit.days", value)

    def time(self, minutes) -> str:
        return f"{int(minutes) // 60:02d}:{int(minutes) % 60:02d}"

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
        if kind == "times":  # a ratio that rounds to 0 is "less than 0.01 times", never "0 times"
            small = self.number(value, 2) == self.number(0, 2)
            return self.count("calc.unit.times_under" if small else "calc.unit.times", 0.01 if small else value, 2)
        return getattr(self, kind)(value)
