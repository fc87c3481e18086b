"""Figures in prose that a calculator can compute, computed by it at build time, so the
text and the calculators cannot drift apart:

    {{ calc_figure("penalty", "total", amount=100000, oneoff=10, daily=2, days=5) }} → "20.000" / "20,000"

Inputs are the calculator's own fields (missing ones take their spec default); `key` is an
output, dotted for nested ones ("channels.1.cost_per_sale"). The number is written as the
calculators write it in the page's language (macros/calc/fmt.py). A bad name, input or key
fails the build.
"""
import datetime

from babel.dates import format_date

from macros import lang
from macros.calc import engine
from macros.calc.fmt import Formatter

KINDS = ("number", "percent", "money", "date", "weekday", "time")


def output(result: dict, key: str):
    value = result
    for part in key.split("."):
        try:
            value = value[int(part)] if isinstance(value, list) else value[part]
        except (KeyError, IndexError, ValueError, TypeError):
            raise KeyError(f"calculator output {key!r} has no {part!r}") from None
    return value


def compute(name: str, key: str, inputs: dict, today: datetime.date | None = None):
    """The raw output value: inputs as Python numbers or canonical text ("2.5", "2027-03-15")."""
    if name not in engine.COMPUTE:
        raise ValueError(f"no calculator called {name!r}")
    raw = {field: str(value) for field, value in inputs.items()}
    answer = engine.run(name, raw, engine.context(today or datetime.date.today()))
    if "errors" in answer:
        raise ValueError(f"calc_figure({name!r}): bad inputs {answer['errors']}")
    return output(answer["result"], key)


def figure(code: str, strings: dict, name: str, key: str, kind: str = "number", digits: int = 0, **inputs) -> str:
    """The output as text in language `code`: a plain number (`digits` decimals at most), a
    percentage ("23,3 %" / "23.3%"), an amount with the optional `cur` input's symbol, or,
    for a date or date-time output, the full date, the weekday ("miércoles") or the time ("12:00")."""
    if kind not in KINDS:
        raise ValueError(f"calc_figure kind must be one of {KINDS}, not {kind!r}")
    value = compute(name, key, inputs)  # pass every date a figure depends on: defaults follow the build day
    formatter = Formatter(code, strings, str(inputs.get("cur", "")))
    if kind == "percent":
        return formatter.percent(value)
    if kind == "money":
        return formatter.money(value)
    if kind == "date":
        return formatter.date(value[:10])
    if kind == "weekday":
        return format_date(datetime.date.fromisoformat(value[:10]), "EEEE", locale=lang.LOCALES[code])
    if kind == "time":
        return value[11:16]
    return formatter.number(value, digits)
