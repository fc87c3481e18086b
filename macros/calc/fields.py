"""Reading what a reader typed (or what a shared URL carries) into values.

Every parser takes the raw text and returns a value, or raises FieldError with
a short code that the page turns into a message in its own language. Numbers
are read as people type them (plain_digits): the page's decimal mark and digit
grouping ("100 000", "100.000,5" in Spanish, "100,000.5" in English), a currency
sign, "k" and "M", "%" in a percent field; a figure that could be either 150 or
150 000 is asked about. URLs carry the canonical form (decimal point, no
grouping), parsed with decimal=".".
"""
import datetime
import math
import re

from macros.calc.limits import LIMITS

# Explicit ASCII classes: Python's \d and \s also match other scripts' digits and spaces, JS's do not.
SPACES = re.compile("[ \t\n\r\u00a0\u202f\u2009'’_]")
NUMBER = re.compile(r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
DATETIME = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})T([0-9]{2}:[0-9]{2})(?::[0-9]{2}(?:\.[0-9]{1,3})?)?")
TIME = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")
LIST_SEPARATOR = re.compile(r"[;\n\r]+")
BLANK = " \t\n\r\u00a0"  # what trim() removes, the same set in both runtimes
MAX_TEXT = LIMITS["text"]
YEARS = LIMITS["years"]
CENT = 0.01  # the smallest amount of money that is not 0
CURRENCY_SIGNS = "€$£"
SCALES = {"k": 3, "K": 3, "M": 6}  # thousands, millions


class FieldError(ValueError):
    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def trim(text: str) -> str:
    return text.strip(BLANK)


def plain_digits(s: str, decimal: str) -> str:
    """Digits with the page's marks ("150.000", "1.234,5", "1,234.5") → "150000", "1234.5".
    Both marks: the last one is the decimal mark. One mark more than once: digit groups. One
    mark once before exactly three digits ("150.000", "1,500"): the thousands of the page's
    group mark, and a question when it is the page's decimal mark (FieldError "ambiguous",
    with both readings). Otherwise the lone mark is the decimal mark ("2,5" and "2.5" alike)."""
    marks = [c for c in s if c in ".,"]
    if not marks:
        return s
    grouped = lambda text, mark: re.fullmatch(rf"[0-9]{{1,3}}(?:\{mark}[0-9]{{3}})+", text)  # noqa: E731
    if len(set(marks)) == 2:
        last = max(s.rfind("."), s.rfind(","))
        whole, mark = s[:last], s[last]
        other = "," if mark == "." else "."
        if not grouped(whole, other):
            raise FieldError("not_number")
        return whole.replace(other, "") + "." + s[last + 1:]
    mark = marks[0]
    if len(marks) > 1:
        if not grouped(s, mark):
            raise FieldError("not_number")
        return s.replace(mark, "")
    whole, fraction = s.split(mark)
    if grouped(s, mark) and not whole.startswith("0"):
        if mark != decimal:
            return whole + fraction
        raise FieldError("ambiguous", decimal=float(f"{whole}.{fraction}"), thousands=float(whole + fraction))
    return f"{whole}.{fraction}"


def parse_number(text: str, decimal: str = ".") -> float:
    """A finite float from typed text ("150.000", "€ 150000", "150k", "1,5 M"); FieldError
    'not_number' (or 'ambiguous', see plain_digits) otherwise."""
    s = SPACES.sub("", text).strip(CURRENCY_SIGNS)  # "€ 150000", "150000 €"
    negative = s[:1] in ("-", "−")
    if negative:
        s = s[1:]
    scale = SCALES.get(s[-1:], 0)  # "150k", "1,5M"
    if scale:
        s = s[:-1]
    s = plain_digits(s, decimal)
    if not NUMBER.fullmatch(s) or (scale and "e" in s.lower()):
        raise FieldError("not_number")
    # The decimal point moved, not a product: 0.1k is 100, not 100.00000000000001.
    value = float(f"{s}e{scale}" if scale else s)
    if math.isinf(value):
        raise FieldError("too_large")
    value = -value if negative else value
    return value + 0.0  # -0.0 → 0.0


def read_number(text: str, field: dict, decimal: str):
    """A number field's value; an ambiguous "150,000" is read the one way its range allows,
    and asked about when both fit."""
    if field["type"] == "percent":
        text = trim(text).removesuffix("%")  # "10 %", "10%"
    try:
        return check_number(parse_number(text, decimal), field)
    except FieldError as error:
        if error.code != "ambiguous":
            raise
        fits = []
        for reading in (error.params["decimal"], error.params["thousands"]):
            try:
                fits.append(check_number(reading, field))
            except FieldError:
                pass
        if len(fits) == 1:
            return fits[0]
        if not fits:
            return check_number(error.params["decimal"], field)  # raises the page's reading's error
        raise


def check_number(value: float, field: dict):
    if field["type"] == "int":
        if value != int(value):
            raise FieldError("not_integer")
        return int(check_range(value, field))
    return check_range(value, field)


def parse_date(text: str) -> datetime.date:
    match = ISO_DATE.fullmatch(trim(text))
    if not match:
        raise FieldError("bad_date")
    try:
        day = datetime.date(*map(int, match.groups()))
    except ValueError:
        raise FieldError("bad_date") from None  # 2026-02-30 and the like
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise FieldError("date_range", min=YEARS[0], max=YEARS[1])
    return day


def parse_time(text: str) -> int:
    """Minutes after midnight."""
    match = TIME.fullmatch(trim(text))
    if not match:
        raise FieldError("bad_time")
    return int(match.group(1)) * 60 + int(match.group(2))


def parse_datetime(text: str) -> datetime.datetime:
    """"YYYY-MM-DDTHH:MM" (seconds, as some pickers send them, are dropped)."""
    match = DATETIME.fullmatch(trim(text))
    if not match:
        raise FieldError("bad_datetime")
    try:
        minutes = parse_time(match.group(2))
    except FieldError:
        raise FieldError("bad_datetime") from None
    day = parse_date(match.group(1))  # a date that does not exist keeps its own message
    return datetime.datetime.combine(day, datetime.time(minutes // 60, minutes % 60))


def check_range(value: float, field: dict) -> float:
    if value == 0 and "zero" in field:
        raise FieldError(field["zero"])  # a reason, not a bare minimum: "at 0% no sale ever comes"
    if "min" in field and value < field["min"]:
        raise FieldError("too_small", min=field["min"])
    if "max" in field and value > field["max"]:
        raise FieldError("too_large", max=field["max"])
    if field["type"] in ("money", "series") and 0 < abs(value) < CENT:
        raise FieldError("below_cent")  # shown as 0, and a divisor that small makes results explode
    return value


def parse_field(field: dict, raw, decimal: str = "."):
    """One field of a calculator spec (see specs.py) → its value, None if empty and optional."""
    kind = field["type"]
    text = "" if raw is None else str(raw)
    if len(text) > MAX_TEXT:
        raise FieldError("too_long")
    if not trim(text):
        if kind == "choice" and "" in field["options"]:
            return ""  # "none" is a real choice (no holidays, no currency)
        if kind == "weekdays":
            raise FieldError("no_weekday")
        if field.get("required", True):
            raise FieldError("required")
        return [] if kind in ("dates", "series") else None
    if kind in ("number", "money", "percent", "int"):
        try:
            return read_number(text, field, decimal)
        except FieldError as error:
            if error.code == "not_number" and kind == "int":
                raise FieldError("not_integer") from None  # "type a whole number", not "for example 2.5"
            raise
    if kind == "date":
        return parse_date(text)
    if kind == "datetime":
        return parse_datetime(text)
    if kind == "time":
        return parse_time(text)
    if kind == "choice":
        if text not in field["options"]:
            raise FieldError("bad_choice")
        return text
    if kind == "weekdays":  # ISO numbers, 1 = Monday … 7 = Sunday
        tokens = [t for t in re.split("[,; \t\n\r]+", text) if t]
        if any(t not in "1234567" or len(t) != 1 for t in tokens):
            raise FieldError("no_weekday")
        return sorted({int(t) for t in tokens})
    if kind in ("dates", "series"):
        items = [item for item in LIST_SEPARATOR.split(text) if trim(item)]
        if not items:  # only separators: ";", " ; ", ";;;;"
            if field.get("required", True):
                raise FieldError("required")
            return []
        if len(items) > field["max_items"]:
            raise FieldError("too_many", max=field["max_items"])
        parse = parse_date if kind == "dates" else (lambda s: read_number(s, field, decimal))
        values = []
        for item in items:
            try:
                values.append(parse(item))
            except FieldError as error:
                raise FieldError("bad_item", item=trim(item)[:LIMITS["quote"]], reason=error.code) from None
        return sorted(set(values)) if kind == "dates" else values
    raise ValueError(f"unknown field type {kind!r}")
