"""Reading what a reader typed (or what a shared URL carries) into values.

Every parser takes the raw text and returns a value, or raises FieldError with
a short code that the page turns into a message in its own language. Numbers
accept the page's decimal mark and digit grouping ("100 000", "100.000,5" in
Spanish, "100,000.5" in English); URLs always carry the canonical form
(decimal point, no grouping), parsed with decimal=".".
"""
import datetime
import math
import re

# Explicit ASCII classes: Python's \d and \s also match other scripts' digits and spaces, JS's do not.
SPACES = re.compile("[ \t\n\r\u00a0\u202f\u2009'’_]")
NUMBER = re.compile(r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
DATETIME = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})T([0-9]{2}:[0-9]{2})(?::[0-9]{2}(?:\.[0-9]{1,3})?)?")
TIME = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")
LIST_SEPARATOR = re.compile(r"[;\n\r]+")
BLANK = " \t\n\r\u00a0"  # what trim() removes, the same set in both runtimes
MAX_TEXT = 2000  # longer input is not a number, a date or a list we can use
YEARS = (1900, 2999)  # planning range; also keeps date arithmetic far from year 9999
CENT = 0.01  # the smallest amount of money that is not 0


class FieldError(ValueError):
    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def trim(text: str) -> str:
    return text.strip(BLANK)


def parse_number(text: str, decimal: str = ".") -> float:
    """A finite float from typed text; FieldError('not_number') otherwise."""
    s = SPACES.sub("", text)
    negative = s[:1] in ("-", "−")
    if negative:
        s = s[1:]
    group = "." if decimal == "," else ","
    if group in s:
        grouped = re.fullmatch(rf"[0-9]{{1,3}}(?:{re.escape(group)}[0-9]{{3}})+(?:{re.escape(decimal)}[0-9]+)?", s)
        if grouped:
            s = s.replace(group, "")
        elif decimal not in s and s.count(group) == 1:
            s = s.replace(group, decimal)  # "2.5" on a Spanish page, "2,5" on an English one
        else:
            raise FieldError("not_number")
    s = s.replace(decimal, ".")
    if not NUMBER.fullmatch(s):
        raise FieldError("not_number")
    value = float(s)
    if math.isinf(value):
        raise FieldError("too_large")
    value = -value if negative else value
    return value + 0.0  # -0.0 → 0.0


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
    if kind in ("number", "money", "percent"):
        return check_range(parse_number(text, decimal), field)
    if kind == "int":
        value = parse_number(text, decimal)
        if value != int(value):
            raise FieldError("not_integer")
        return int(check_range(value, field))
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
        if len(items) > field.get("max_items", 366):
            raise FieldError("too_many", max=field.get("max_items", 366))
        parse = parse_date if kind == "dates" else (lambda s: check_range(parse_number(s, decimal), field))
        values = []
        for item in items:
            try:
                values.append(parse(item))
            except FieldError as error:
                raise FieldError("bad_item", item=trim(item)[:40], reason=error.code) from None
        return sorted(set(values)) if kind == "dates" else values
    raise ValueError(f"unknown field type {kind!r}")
