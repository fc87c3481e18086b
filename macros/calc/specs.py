"""What each calculator asks and shows: fields, outputs, tables, warnings.

One description serves both runtimes: Python renders the form and the worked
default scenario from it; the page embeds it as JSON for the JS form. Labels
come from macros/strings/*.yml: calc.<name>.field.<field>, calc.<name>.out.<key>.

A field with a "group" is folded under "more options" on the form.
A field with "when": {"other": "value"} is read only when that other field has
that value (e.g. the growth inputs of the revenue-share calculator).

A "now" field means the reader's today: a shared link carries it only once the reader set it.
A field's "zero" names the error code for exactly 0, when 0 needs its own explanation.
Amounts (money, series) are 0 or at least 0.01 (fields.CENT).

Field types: money, number, percent, int, date, datetime, time, weekdays, choice,
dates (list of dates), series (list of amounts). Defaults are canonical text (as
in a shared URL); "@today", "@today+7", "@friday" (next Friday, today included)
and a "T15:00" suffix are resolved against the reader's today.
Output types: money, number, percent, int, days, date, datetime, minutes, bool,
times (× multiple), key (a code shown through calc.key.<code>), text (as is).
"""

COUNTRIES = ("", "ES", "MX", "AR", "CO", "CL", "PE", "US", "GB")
CURRENCIES = ("", "EUR", "USD", "GBP", "MXN", "ARS", "COP", "CLP", "PEN")
MONEY_MAX = 1e12  # a trillion: beyond any contract this guide talks about

CALENDAR_FIELDS = [
    {"name": "week", "type": "weekdays", "default": "1,2,3,4,5", "group": "calendar"},
    {"name": "country", "type": "choice", "options": COUNTRIES, "default": "", "group": "calendar"},
    {"name": "custom", "type": "dates", "required": False, "default": "", "max_items": 366, "group": "calendar"},
]
CURRENCY_FIELD = {"name": "cur", "type": "choice", "options": CURRENCIES, "default": "", "group": "display"}


def money(name, default, **extra):
    return {"name": name, "type": "money", "default": default, "min": 0, "max": MONEY_MAX, **extra}


SPECS = {
    "turnaround": {
        "fields": [
            {"name": "request", "type": "datetime", "default": "@fridayT15:00"},
            {"name": "days", "type": "int", "default": "2", "min": 0, "max": 60},
            {"name": "cutoff", "type": "time", "default": "18:00", "required": False},
            *CALENDAR_FIELDS,
        ],
        "outputs": [
            {"key": "ready", "type": "date", "main": True},
            {"key": "live", "type": "date", "main": True},
            {"key": "received", "type": "date"},
            {"key": "calendar_days", "type": "days"},
        ],
        "table": {"key": "skipped", "columns": [
            {"key": "date", "type": "date"}, {"key": "reason", "type": "key"}, {"key": "name", "type": "text"}]},
    },
    "response-time": {
        "fields": [
            {"name": "sent", "type": "datetime", "default": "@fridayT23:00"},
            {"name": "window", "type": "number", "default": "2", "min": 0.25, "max": 200},
            {"name": "start", "type": "time", "default": "10:00"},
            {"name": "end", "type": "time", "default": "19:00"},
            *CALENDAR_FIELDS,
        ],
        "outputs": [
            {"key": "due", "type": "datetime", "main": True},
            {"key": "counting_from", "type": "datetime"},
            {"key": "elapsed_minutes", "type": "minutes"},
        ],
    },
    "client-delay": {
        "fields": [
            {"name": "start", "type": "date", "default": "@today"},
            {"name": "length", "type": "int", "default": "30", "min": 1, "max": 3650},
            {"name": "requested", "type": "date", "default": "@today"},
            {"name": "deadline", "type": "int", "default": "3", "min": 0, "max": 60},
            {"name": "arrived", "type": "date", "default": "@today+7", "required": False},
            {"name": "today", "type": "date", "default": "@today", "now": True},
            *CALENDAR_FIELDS,
        ],
        "outputs": [
            {"key": "lost_days", "type": "days", "main": True},
            {"key": "lost_share", "type": "percent", "main": True},
            {"key": "days_left", "type": "days", "main": True},
            {"key": "working_days_left", "type": "days"},
            {"key": "due", "type": "date"},
            {"key": "late_days", "type": "days"},
            {"key": "late_working_days", "type": "days"},
            {"key": "pause_from", "type": "date"},
            {"key": "end", "type": "date"},
            {"key": "deemed_rendered", "type": "bool"},
        ],
        "warnings": ["waiting", "deemed_rendered"],
    },
    "penalty": {
        "fields": [
            money("amount", "100000", min=0.01),
            {"name": "days", "type": "int", "default": "5", "min": 0, "max": 3650},
            {"name": "oneoff", "type": "percent", "default": "10", "min": 0, "max": 100},
            {"name": "daily", "type": "percent", "default": "2", "min": 0, "max": 100},
            {"name": "cap", "type": "percent", "default": "", "min": 0, "max": 100, "required": False},
            {"name": "basis", "type": "choice", "options": ("calendar", "business"), "default": "calendar"},
            {"name": "due", "type": "date", "default": "", "required": False, "group": "dates"},
            {"name": "delivered", "type": "date", "default": "", "required": False, "group": "dates"},
            *[{**f, "when": {"basis": "business"}} for f in CALENDAR_FIELDS],
            CURRENCY_FIELD,
        ],
        "outputs": [
            {"key": "total", "type": "money", "main": True},
            {"key": "share", "type": "percent", "main": True},
            {"key": "days", "type": "days"},
            {"key": "one_off", "type": "money"},
            {"key": "per_day", "type": "money"},
            {"key": "daily_total", "type": "money"},
            {"key": "cap_day", "type": "int"},
        ],
        "warnings": ["capped", "reaches_amount", "table_cut"],
        "table": {"key": "table", "columns": [{"key": "day", "type": "int"}, {"key": "total", "type": "money"}]},
    },
    "revenue-share": {
        "fields": [
            {"name": "mode", "type": "choice", "options": ("list", "growth"), "default": "list"},
            {"name": "turnover", "type": "series", "default": "100000;400000;1000000;2500000;5000000;10000000",
             "min": 0, "max": MONEY_MAX, "max_items": 120, "when": {"mode": "list"}},
            money("start_value", "100000", when={"mode": "growth"}),
            {"name": "growth", "type": "number", "default": "20", "min": -99, "max": 1000, "when": {"mode": "growth"}},
            {"name": "months", "type": "int", "default": "12", "min": 1, "max": 120, "when": {"mode": "growth"}},
            money("fixed", "30000"),
            {"name": "percent", "type": "percent", "default": "10", "min": 0, "max": 100},
            money("minimum", "20000"),
            {"name": "threshold", "type": "int", "default": "10", "min": 0, "max": 1000000},
            money("price", "5000", min=0.01),
            {"name": "bonus_type", "type": "choice", "options": ("percent", "fixed"), "default": "percent"},
            {"name": "bonus", "type": "number", "default": "3", "min": 0, "max": MONEY_MAX},
            money("cap", "", required=False, group="more"),
            CURRENCY_FIELD,
        ],
        "outputs": [
            {"key": "fixed_total", "type": "money", "main": True},
            {"key": "percent_total", "type": "money", "main": True},
            {"key": "minimum_total", "type": "money", "main": True},
            {"key": "overtake_month", "type": "int"},
            {"key": "times_fixed", "type": "times"},
            {"key": "bonus_per_sale", "type": "money"},
            {"key": "cheapest", "type": "key"},
        ],
        "table": {"key": "rows", "columns": [
            {"key": "month", "type": "int"}, {"key": "turnover", "type": "money"},
            {"key": "fixed", "type": "money"}, {"key": "percent", "type": "money"},
            {"key": "minimum", "type": "money"}, {"key": "percent_cumulative", "type": "money"},
            {"key": "percent_share", "type": "percent"}]},
        "chart": {"table": "rows", "x": "month", "series": ["fixed", "percent", "minimum"]},
    },
    "cost-of-sale": {
        "fields": [
            money("social_cpl", "200"),
            money("search_cpl", "150"),
            {"name": "conversion", "type": "percent", "default": "30", "zero": "zero_conversion", "min": 0.01,
             "max": 100},
            money("average_sale", "2000", min=0.01),
            {"name": "target", "type": "int", "default": "10", "min": 1, "max": 1000000},
            CURRENCY_FIELD,
        ],
        "outputs": [
            {"key": "cheaper_cost_per_sale", "type": "money", "main": True},
            {"key": "leads", "type": "int", "main": True},
            {"key": "cheaper_budget", "type": "money"},
            {"key": "cheaper", "type": "key"},
        ],
        "warnings": ["over_price"],
        "table": {"key": "channels", "columns": [
            {"key": "channel", "type": "key"}, {"key": "cost_per_lead", "type": "money"},
            {"key": "cost_per_sale", "type": "money"}, {"key": "budget", "type": "money"},
            {"key": "share_of_sale", "type": "percent"}]},
    },
}


def _clean(field: dict) -> dict:
    return {k: v for k, v in field.items() if v is not None}


RESULT_MAX = 1e15  # a thousand trillion: any figure beyond it comes from inputs no one means
# The field whose message says a result grew too large to use (engine.outsize): the input
# most likely to blow it up; by default the first.
OUTSIZE = {"revenue-share": "bonus", "cost-of-sale": "conversion"}

for _name, _spec in SPECS.items():
    _spec["fields"] = [_clean(f) for f in _spec["fields"]]
    _spec["result_max"] = RESULT_MAX
    _spec["outsize"] = OUTSIZE.get(_name, _spec["fields"][0]["name"])
