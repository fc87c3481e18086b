"""Run a calculator: canonical raw text in, errors or a JSON-ready result out.

    run("penalty", {"amount": "100000", "days": "5"}, context(today))
    → {"result": {...}, "values": {...}}  or  {"errors": {"amount": {"code": "required", "params": {}}}}

Missing fields take their spec default. The JS twin is assets/js/calc/engine.js.
"""
import datetime
import math
import re

from macros.calc import client_delay, cost_of_sale, penalty, response_time, revenue_share, turnaround
from macros.calc.calendar import NoWorkingDay
from macros.calc.errors import InputError
from macros.calc.fields import FieldError, parse_field
from macros.calc.specs import SPECS

COMPUTE = {
    "turnaround": turnaround.compute,
    "response-time": response_time.compute,
    "client-delay": client_delay.compute,
    "penalty": penalty.compute,
    "revenue-share": revenue_share.compute,
    "cost-of-sale": cost_of_sale.compute,
}
DEFAULT_TOKEN = re.compile(r"@(today|friday)(?:\+(\d+))?(T\d{2}:\d{2})?")


def resolve_default(text: str, today: datetime.date) -> str:
    """Spec defaults like "@today+7" or "@fridayT15:00" → canonical text for `today`."""
    match = DEFAULT_TOKEN.fullmatch(text)
    if not match:
        return text
    anchor, plus, time = match.groups()
    day = today + datetime.timedelta(days=(4 - today.weekday()) % 7 if anchor == "friday" else 0)
    day += datetime.timedelta(days=int(plus or 0))
    return day.isoformat() + (time or "")


def defaults(name: str, today: datetime.date) -> dict[str, str]:
    return {f["name"]: resolve_default(f["default"], today) for f in SPECS[name]["fields"]}


def applies(field: dict, raw: dict) -> bool:
    return all(raw.get(other) == value for other, value in field.get("when", {}).items())


def parse_inputs(name: str, raw: dict, today: datetime.date, decimal: str = "."):
    """(values, errors) for every field of the calculator."""
    raw = {**defaults(name, today), **{k: v for k, v in raw.items() if v is not None}}
    values, errors = {}, {}
    for field in SPECS[name]["fields"]:
        if not applies(field, raw):
            values[field["name"]] = None
            continue
        try:
            values[field["name"]] = parse_field(field, raw.get(field["name"]), decimal)
        except FieldError as error:
            errors[field["name"]] = {"code": error.code, "params": error.params}
    return values, errors


def context(today: datetime.date, holidays: dict | None = None) -> dict:
    return {"today": today, "holidays": holidays or {}}


def run(name: str, raw: dict, ctx: dict, decimal: str = ".") -> dict:
    values, errors = parse_inputs(name, raw, ctx["today"], decimal)
    if errors:
        return {"errors": errors}
    try:
        result = COMPUTE[name](values, ctx)
    except InputError as error:
        return {"errors": {field: {"code": code, "params": {}} for field, code in error.errors.items()}}
    except NoWorkingDay:
        return {"errors": {"week": {"code": "no_working_day", "params": {}}}}
    if outsize(result, SPECS[name]["result_max"]):
        return {"errors": {SPECS[name]["outsize"]: {"code": "result_too_large", "params": {}}}}
    return {"result": to_json(result), "values": to_json(values)}


def outsize(value, limit: float) -> bool:
    """Whether any number in a result is not finite or beyond `limit`: figures nobody can
    read or use, from inputs each within its own range (a price of 0.01 and a huge bonus)."""
    if isinstance(value, dict):
        return any(outsize(v, limit) for v in value.values())
    if isinstance(value, list):
        return any(outsize(v, limit) for v in value)
    if isinstance(value, float | int) and not isinstance(value, bool):
        return not math.isfinite(value) or abs(value) > limit
    return False


def to_json(value):
    """Dates as ISO text, datetimes to the minute, -0.0 as 0: the shape the JS twin returns."""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, float):
        return value + 0.0
    return value
