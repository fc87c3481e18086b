"""The agreement builder's logic, apart from any markup: its fields, reading the answers,
the balance check, and the document (rules of interaction, contract terms, work plan) in
one output language, as data, plain text or Markdown.

assets/js/agreement-doc.js is the twin; tests/vectors/agreement.json holds both to the
same answers and the same text. Clause texts live in macros/strings/agreement.{es,en}.yml
(`doc.` keys) with {placeholders}; the structure lives here. Numbers are made concrete by
the calculators' own code (macros/calc/engine.py), never computed a second time here.
"""
import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml

from macros.calc import engine, fmt
from macros.calc.fields import FieldError, parse_field
from macros.calc.specs import COUNTRIES, CURRENCIES

STRINGS_DIR = Path(__file__).parent / "strings"
TEXT_MAX = 200  # a name, a role, a list of networks: longer is a paste gone wrong
GROUPS = ("parties", "contact", "deadlines", "reports", "money", "end")
OWNERS = ("client", "specialist")
OWNED = ("pages", "ads", "pixel", "data", "creatives")


@dataclass(frozen=True)
class Field:
    id: str
    key: str          # its short name in a shared link
    group: str
    kind: str         # text | set | choice | int | number | percent | money | time | date | weekdays
    default: str      # canonical text, as in a link; "@today" is the reader's today
    chapter: str      # the guide's section that explains it (path#anchor below the language root)
    options: tuple[str, ...] = ()
    unit: str = ""    # doc.unit.<unit>.one/other in the document
    required: bool = True
    min: float | None = None
    max: float | None = None


def _owner(name: str, key: str) -> Field:
    return Field(f"own_{name}", key, "end", "choice", "client", "conflicts/#parting-ways", OWNERS)


YES_NO = ("yes", "no")
FIELDS = (
    Field("client", "c", "parties", "text", "", "contract/#why-a-contract", required=False),
    Field("agency", "a", "parties", "text", "", "contract/#why-a-contract", required=False),
    Field("services", "s", "parties", "set", "ads,community", "contract/#contractor-duties",
          ("ads", "content", "community", "analytics")),
    Field("networks", "n", "parties", "text", "Instagram, Facebook", "contract/#why-a-contract", required=False),
    Field("start", "sd", "parties", "date", "@today", "rules/#work-plan"),
    Field("term", "t", "parties", "int", "30", "rules/#deadlines-both-sides", unit="day", min=1, max=3650),
    Field("payment", "pm", "parties", "choice", "fixed", "revenue-share/#minimum-plus-bonus",
          ("fixed", "percent", "minimum")),
    Field("fee", "fe", "parties", "money", "30000", "revenue-share/#it-stings-to-pay", min=0, max=1e12),
    Field("percent", "pc", "parties", "percent", "10", "revenue-share/#it-stings-to-pay", min=0, max=100),
    Field("minimum", "mn", "parties", "money", "20000", "revenue-share/#minimum-plus-bonus", min=0, max=1e12),
    Field("threshold", "th", "parties", "int", "10", "revenue-share/#minimum-plus-bonus", min=0, max=1000000),
    Field("bonus", "bn", "parties", "money", "150", "revenue-share/#minimum-plus-bonus", min=0, max=1e12),
    Field("price", "pr", "parties", "money", "5000", "revenue-share/#minimum-plus-bonus", min=0.01, max=1e12),
    Field("cur", "cu", "parties", "choice", "", "contract/#client-duties", CURRENCIES),
    Field("start_after", "sa", "parties", "int", "3", "contract/#contractor-duties", unit="bday", min=0, max=60),
    Field("contact", "ct", "contact", "choice", "signatory", "rules/#one-contact-person",
          ("signatory", "named", "anyone")),
    Field("contact_name", "cn", "contact", "text", "", "rules/#one-contact-person", required=False),
    Field("channel", "ch", "contact", "choice", "chat", "rules/#channels", ("chat", "email", "social")),
    Field("week", "w", "contact", "weekdays", "1,2,3,4,5", "rules/#hours-and-response-time"),
    Field("hours_from", "hf", "contact", "time", "10:00", "rules/#hours-and-response-time"),
    Field("hours_to", "ht", "contact", "time", "19:00", "rules/#mental-fuel"),
    Field("reply", "r", "contact", "number", "2", "rules/#hours-and-response-time", unit="hour", min=0.25, max=200),
    Field("country", "co", "contact", "choice", "", "rules/#edit-turnaround", COUNTRIES),
    Field("call_length", "cl", "contact", "int", "30", "rules/#calls", unit="minute", min=5, max=240),
    Field("voice", "vo", "contact", "choice", "text", "rules/#text-over-voice", ("text", "allowed")),
    Field("written", "wr", "contact", "choice", "yes", "rules/#written-record", YES_NO),
    Field("turnaround", "tu", "deadlines", "int", "2", "rules/#edit-turnaround", unit="bday", min=0, max=60),
    Field("cutoff", "cf", "deadlines", "time", "18:00", "rules/#edit-turnaround", required=False),
    Field("info", "in", "deadlines", "int", "3", "contract/#client-duties", unit="bday", required=False, min=1, max=60),
    Field("pause", "pa", "deadlines", "choice", "yes", "rules/#deadlines-both-sides", YES_NO),
    Field("deemed", "de", "deadlines", "choice", "yes", "contract/#client-duties", YES_NO),
    Field("cadence", "rc", "reports", "choice", "weekly", "rules/#work-plan", ("weekly", "biweekly", "monthly")),
    Field("figures", "rf", "reports", "set", "spend,clicks,leads,cost_per_lead", "rules/#work-plan",
          ("spend", "clicks", "leads", "cost_per_lead", "sales")),
    Field("review", "rv", "reports", "int", "30", "revenue-share/#what-to-do-now", min=1, max=3650),
    Field("analytics", "an", "reports", "choice", "yes", "revenue-share/#what-it-takes", YES_NO),
    Field("oneoff", "po", "money", "percent", "10", "contract/#late-penalty", min=0, max=100),
    Field("daily", "pd", "money", "percent", "2", "contract/#late-penalty", min=0, max=100),
    Field("cap", "pk", "money", "percent", "20", "contract/#late-penalty", required=False, min=0, max=100),
    Field("base", "pb", "money", "choice", "contract", "contract/#late-penalty", ("contract", "stage")),
    Field("basis", "pn", "money", "choice", "calendar", "contract/#late-penalty", ("calendar", "business")),
    Field("stage_value", "pv", "money", "money", "100000", "contract/#late-penalty", min=0.01, max=1e12),
    Field("call_fine", "mf", "money", "money", "", "contract/#contractor-duties", required=False, min=0, max=1e12),
    Field("sample_sales", "ss", "money", "money", "400000", "revenue-share/#it-stings-to-pay", min=0, max=1e12),
    Field("refund", "rr", "money", "percent", "", "contract/#optional-clauses", required=False, min=0.1, max=100),
    Field("refund_leads", "rl", "money", "int", "", "guarantees/#when-possible", required=False, min=1, max=1000000),
    *(_owner(name, f"o{name[0]}" if name != "pixel" else "ox") for name in OWNED),
    Field("publish", "pu", "end", "choice", "case_study", "contract/#contractor-rights",
          ("case_study", "confidential")),
    Field("subcontractors", "sc", "end", "choice", "allowed", "contract/#contractor-rights",
          ("allowed", "not_allowed")),
    Field("notice", "no", "end", "int", "14", "conflicts/#parting-ways", unit="day", required=False, min=1, max=365),
)
BY_ID = {f.id: f for f in FIELDS}

# A shared link names its version; its missing fields take that version's defaults, so an
# old link keeps its meaning after a default changes here (then add a version, never edit one).
LINK_VERSION = 1
LINK_DEFAULTS = {1: {f.id: f.default for f in FIELDS}}

# (part, clause id, options). Text key: doc.<part>.<id>, plus ".<fact>" for a `variant`.
# `when`: every listed fact must equal the value ("!value": must differ).
CLAUSES = (
    ("rules", "contact", {"variant": "contact"}),
    ("rules", "hours", {"example": "response"}),
    ("rules", "holidays", {"when": {"country": "!empty"}}),
    ("rules", "calls", {}),
    ("rules", "voice", {"variant": "voice"}),
    ("rules", "turnaround", {"variant": "cutoff", "example": "turnaround"}),
    ("rules", "reports", {}),
    ("rules", "sign_off", {}),
    ("rules", "written", {"when": {"written": "yes"}}),
    ("contract", "subject", {}),
    ("contract", "payment", {"variant": "payment", "example": "revenue"}),
    ("contract", "start", {}),
    ("contract", "warning", {}),
    ("contract", "penalty", {"when": {"penalty": "yes"}, "variant": "cap", "example": "penalty"}),
    ("contract", "call_fine", {"when": {"call_fine": "set"}}),
    ("contract", "info", {"when": {"info": "set"}}),
    ("contract", "pause", {"when": {"pause": "yes"}}),
    ("contract", "deemed", {"when": {"deemed": "yes"}}),
    ("contract", "oversight", {}),
    ("contract", "analytics", {"when": {"analytics": "yes"}}),
    ("contract", "refund", {"when": {"refund": "set"}}),
    ("contract", "own_client", {"when": {"own_client": "set"}}),
    ("contract", "own_specialist", {"when": {"own_specialist": "set"}}),
    ("contract", "publish", {"variant": "publish"}),
    ("contract", "subcontractors", {"variant": "subcontractors"}),
    ("contract", "review", {}),
    ("contract", "notice", {"when": {"notice": "set"}}),
)
# The calculators' inputs for the worked examples, filled from the agreement's canonical
# values; {friday} is the first Friday of the term (a request at 17:30, a message at 23:00).
EXAMPLES = (  # (id, calculator, its inputs, what the sentence says: placeholder → "kind:path" in the answer)
    ("response", "response-time", {"sent": "{friday}T23:00", "window": "{reply}", "start": "{hours_from}",
                                   "end": "{hours_to}", "week": "{week}", "country": "{country}"},
     {"sent": "datetime:in.sent", "due": "datetime:due"}),
    ("turnaround", "turnaround", {"request": "{friday}T17:30", "days": "{turnaround}", "cutoff": "{cutoff}",
                                  "week": "{week}", "country": "{country}"},
     {"request": "datetime:in.request", "ready": "date:ready", "live": "date:live"}),
    ("penalty", "penalty", {"amount": "{stage_value}", "days": "7", "oneoff": "{oneoff}", "daily": "{daily}",
                            "cap": "{cap}", "basis": "calendar"},
     {"days": "late:days", "amount": "money:v.stage_value", "total": "money:total", "uncapped": "money:uncapped",
      "limit": "money:limit"}),
    ("revenue", "revenue-share", {"mode": "list", "turnover": "{sample_sales}", "fixed": "{fee}",
                                  "percent": "{percent}", "minimum": "{minimum}", "threshold": "{threshold}",
                                  "price": "{price}", "bonus_type": "fixed", "bonus": "{bonus}", "cap": ""},
     {"sales": "money:rows.0.turnover", "fixed": "money:rows.0.fixed", "percent_pay": "money:rows.0.percent",
      "percent": "percent:v.percent", "minimum_pay": "money:rows.0.minimum"}),
)
SAYS = {example: says for example, _, _, says in EXAMPLES}
PLAN = (  # work-plan skeleton: (row, owner); the client's information deadline fills row 1
    ("access", "client"), ("research", "specialist"), ("review", "client"), ("setup", "specialist"),
    ("approval", "client"), ("test", "specialist"), ("sales", "client"), ("final", "both"),
)

# Balance check: (id, guide section that explains it, facts it needs, as in a clause's `when`).
WARNINGS = (
    ("one_sided", "rules/#deadlines-both-sides", {"balance": "one_sided"}),
    ("no_cap", "contract/#late-penalty", {"penalty": "yes", "cap": "empty"}),
    ("guarantee", "guarantees/#when-possible", {"refund": "set"}),
    ("no_analytics", "revenue-share/#what-it-takes", {"payment": "!fixed", "analytics": "no"}),
    ("no_contact", "rules/#one-contact-person", {"contact": "anyone"}),
    ("no_info_deadline", "contract/#client-duties", {"info": "empty"}),
    ("no_notice", "conflicts/#parting-ways", {"notice": "empty"}),
)


@cache
def strings(code: str) -> dict[str, str]:
    """The builder's texts in one language (macros/strings/agreement.<code>.yml)."""
    data = yaml.safe_load((STRINGS_DIR / f"agreement.{code}.yml").read_text(encoding="utf-8"))
    return {k: str(v) for k, v in data.items()}


# -- Reading the answers --------------------------------------------------------

def calc_spec(field: Field) -> dict:
    """The field as the calculators' parser (macros/calc/fields.py) reads it."""
    spec = {"name": field.id, "type": field.kind, "required": field.required, "options": field.options}
    return {**spec, **{k: v for k, v in (("min", field.min), ("max", field.max)) if v is not None}}


def resolve_default(field: Field, today: datetime.date) -> str:
    return today.isoformat() if field.default == "@today" else field.default


def parse_one(field: Field, raw: str, decimal: str = "."):
    if field.kind == "text":
        text = " ".join(raw.split())
        if len(text) > TEXT_MAX:
            raise FieldError("text_too_long", max=TEXT_MAX)
        return text
    if field.kind == "set":
        picked = {t for t in raw.split(",") if t}
        if picked - set(field.options):
            raise FieldError("bad_choice")
        return [o for o in field.options if o in picked]
    return parse_field(calc_spec(field), raw, decimal)


def cross_errors(v: dict) -> dict[str, dict]:
    """Answers each valid alone but wrong together."""
    errors = {}
    day = v["hours_to"] - v["hours_from"]
    if day <= 0:
        errors["hours_to"] = {"code": "end_before_start", "params": {}}
    elif v["reply"] * 60 > day:
        errors["reply"] = {"code": "reply_over_day", "params": {"hours": day / 60}}
    if v["cap"] is not None and v["cap"] < v["oneoff"]:
        errors["cap"] = {"code": "cap_below_oneoff", "params": {}}
    if (v["refund"] is None) != (v["refund_leads"] is None):
        errors["refund" if v["refund"] is None else "refund_leads"] = {"code": "refund_pair", "params": {}}
    return errors


def read(raw: dict, today: datetime.date, version: int = LINK_VERSION, decimal: str = ".") -> tuple[dict, dict]:
    """(values, errors). A field with an error takes its default, so the document stays whole."""
    values, errors = {}, {}
    for field in FIELDS:
        default = LINK_DEFAULTS[version][field.id]
        text = raw.get(field.id)
        text = (today.isoformat() if default == "@today" else default) if text is None else str(text)
        try:
            values[field.id] = parse_one(field, text, decimal)
        except FieldError as error:
            errors[field.id] = {"code": error.code, "params": error.params}
            values[field.id] = parse_one(field, resolve_default(field, today))
    crossed = cross_errors(values)
    pair = ("refund", "refund_leads") if any(e["code"] == "refund_pair" for e in crossed.values()) else ()
    for name in {*crossed, *pair}:  # half a refund clause is no clause: both go back to none
        values[name] = parse_one(BY_ID[name], resolve_default(BY_ID[name], today))
    return values, {**errors, **crossed}


def facts(v: dict) -> dict[str, str]:
    """What clause conditions and variants read: a choice's value, "set"/"empty" otherwise."""
    out = {}
    for field in FIELDS:
        value = v[field.id]
        if field.kind == "choice" and value:
            out[field.id] = value
        else:
            out[field.id] = "empty" if value in (None, "", []) else "set"
    out["penalty"] = "yes" if v["oneoff"] > 0 or v["daily"] > 0 else "no"
    for owner in OWNERS:
        out[f"own_{owner}"] = "set" if any(v[f"own_{n}"] == owner for n in OWNED) else "empty"
    # Consequences for the specialist (penalties, fines) need duties for the client, and back.
    specialist_pays = out["penalty"] == "yes" or out["call_fine"] == "set"
    client_bound = out["info"] == "set" or out["pause"] == "yes" or out["deemed"] == "yes"
    out["balance"] = "one_sided" if specialist_pays != client_bound else "even"
    return out


def applies(when: dict, found: dict) -> bool:
    """Every fact equals its value ("!value": differs from it)."""
    return all(found[k] != want[1:] if want.startswith("!") else found[k] == want for k, want in when.items())


def balance_warnings(v: dict) -> list[str]:
    """The guide's imbalances, in the order of WARNINGS."""
    found = facts(v)
    return [w for w, _, when in WARNINGS if applies(when, found)]


# -- The document -----------------------------------------------------------------

def fill(template: str, params: dict) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(params.get(m.group(1), "")), template)


def join_list(items: list[str], code: str, s: dict) -> str:
    """"a, b and c"; Spanish "y" becomes "e" before an i sound ("y informes" → "e informes")."""
    if len(items) < 2:
        return "".join(items)
    word = s["doc.and"]
    if code == "es" and re.match(r"h?[iíIÍ](?![aeoáéó])", items[-1]):
        word = "e"
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def plural(s: dict, key: str, n: float, number: str) -> str:
    return fill(s[f"{key}.{'one' if n == 1 else 'other'}"], {"n": number})


def weekdays_text(days: list[int], names: list[str], code: str, s: dict) -> str:
    """"Monday to Friday" for a run of three or more days, a list otherwise."""
    if len(days) >= 3 and days[-1] - days[0] == len(days) - 1:
        return fill(s["doc.week.range"], {"first": names[days[0] - 1], "last": names[days[-1] - 1]})
    return join_list([names[d - 1] for d in days], code, s)


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def canonical(v: dict) -> dict[str, str]:
    """Values back to the canonical text the calculators read."""
    out = {}
    for field in FIELDS:
        value = v[field.id]
        if value is None:
            out[field.id] = ""
        elif field.kind == "time":
            out[field.id] = hhmm(value)
        elif field.kind == "weekdays":
            out[field.id] = ",".join(map(str, value))
        elif field.kind == "date":
            out[field.id] = value.isoformat()
        elif isinstance(value, float):  # plain digits, never "1e-17" (shown in the form, kept, linked)
            out[field.id] = format(Decimal(repr(value)), "f")
        else:
            out[field.id] = str(value)
    return out


def examples(v: dict, ctx: dict) -> dict[str, dict]:
    """The calculators' answers for this agreement (EXAMPLES), keyed by example id, each
    with the inputs it was given under "in"."""
    c = canonical(v)
    c["friday"] = (v["start"] + datetime.timedelta(days=(4 - v["start"].weekday()) % 7)).isoformat()
    out = {}
    for example, name, template, _ in EXAMPLES:
        raw = {k: fill(text, c) for k, text in template.items()}
        answer = engine.run(name, raw, ctx)
        if "result" in answer:
            out[example] = {**answer["result"], "in": raw}
    return out


def example_text(example: str, r: dict, v: dict, f: fmt.Formatter, s: dict, says: dict) -> str:
    """One worked example in words: each placeholder is "kind:path" into the calculator's answer
    (its inputs under "in", the agreement's values under "v"); "late" is days late in words."""
    key = f"penalty.{'nocap' if v['cap'] is None else 'capped' if r['capped'] else 'under'}" \
        if example == "penalty" else example
    params = {}
    for name, spec in says.items():
        kind, path = spec.split(":")
        value = {**r, "v": v}
        for step in path.split("."):
            value = value[int(step)] if isinstance(value, list) else value[step]
        params[name] = plural(s, f"doc.days.{v['basis']}", value, f.number(value, 0)) if kind == "late" \
            else f.value(kind, value)
    return fill(s[f"doc.ex.{key}"], params)


def params(v: dict, code: str, s: dict, f: fmt.Formatter, marks: dict, calc_strings: dict) -> dict[str, str]:
    """Every placeholder of the clause texts, written in the output language."""
    blank = s["doc.blank"]
    unit = {field.id: field.unit for field in FIELDS if field.unit}
    p = {}
    for field in FIELDS:
        value = v[field.id]
        if value is None or value == "":
            p[field.id] = blank
        elif field.id in unit:
            digits = 2 if field.kind == "number" else 0
            p[field.id] = plural(s, f"doc.unit.{unit[field.id]}", value, f.number(value, digits))
        elif field.kind == "money":
            p[field.id] = f.money(value)
        elif field.kind == "percent":
            p[field.id] = f.percent(value)
        elif field.kind in ("int", "number"):
            p[field.id] = f.number(value, 2)
        elif field.kind == "time":
            p[field.id] = hhmm(value)
        elif field.kind == "date":
            p[field.id] = f.date(value.isoformat())
        else:
            p[field.id] = str(value)
    p["services"] = join_list([s[f"doc.services.{x}"] for x in v["services"]], code, s) or s["doc.services.none"]
    p["figures"] = join_list([s[f"doc.figures.{x}"] for x in v["figures"]], code, s) or s["doc.figures.none"]
    p["week"] = weekdays_text(v["week"], marks["weekdays"], code, s)
    p["channel"] = s[f"doc.channel.{v['channel']}"]
    p["cadence"] = s[f"doc.cadence.{v['cadence']}"]
    p["base"] = s[f"doc.base.{v['base']}"]
    p["basis_unit"] = s[f"doc.unit.basis.{v['basis']}"]
    p["country"] = calc_strings[f"calc.option.country.{v['country']}"] if v["country"] else ""
    p["end"] = f.date((v["start"] + datetime.timedelta(days=v["term"] - 1)).isoformat())
    p["review_date"] = f.date((v["start"] + datetime.timedelta(days=v["review"])).isoformat())
    for owner in OWNERS:
        p[f"owned_{owner}"] = join_list([s[f"doc.owned.{n}"] for n in OWNED if v[f"own_{n}"] == owner], code, s)
    return p


def document(v: dict, code: str, ctx: dict) -> dict:
    """The whole document in the output language `code`, as data: parts of numbered clauses
    (each with its worked example, if any), the work-plan skeleton and the signature block."""
    s, calc_strings = strings(code), calc_texts(code)
    f = fmt.Formatter(code, calc_strings, v["cur"])
    p = params(v, code, s, f, fmt.locale_marks(code), calc_strings)
    found, worked = facts(v), examples(v, ctx)
    parts, number = [], 0
    for part in ("rules", "contract"):
        clauses = []
        for _, clause_id, options in (c for c in CLAUSES if c[0] == part):
            if not applies(options.get("when", {}), found):
                continue
            key = f"doc.{part}.{clause_id}" + (f".{found[options['variant']]}" if "variant" in options else "")
            number += 1
            example = options.get("example")
            text = fill(s[key], p)
            ex = f"{s['doc.example']} {example_text(example, worked[example], v, f, s, SAYS[example])}" \
                if example in worked else ""
            clauses.append({"n": number, "text": text, "example": ex})
        parts.append({"title": s[f"doc.part.{part}"], "clauses": clauses})
    info = s["doc.blank"] if v["info"] is None else fill(s["doc.plan.day"], {"n": f.number(v["info"], 0)})
    return fill_frame(frame(code), fill(s["doc.parties"], p), parts, info)


def frame(code: str) -> dict:
    """What every document in `code` says whatever the answers: title, note, work-plan
    skeleton (its first deadline is the client's {info}) and signature block. The page's
    config carries it, so the JS twin only fills it (fill_frame)."""
    s = strings(code)
    rows = [[f"{i}. {s[f'doc.plan.row.{row}']}", s[f"doc.plan.owner.{owner}"], "{info}" if row == "access" else "",
             s[f"doc.plan.row.{row}.out"]] for i, (row, owner) in enumerate(PLAN, start=1)]
    return {
        "title": s["doc.title"],
        "note": s["doc.note"],
        "plan": {"title": s["doc.plan.title"], "intro": s["doc.plan.intro"],
                 "columns": [s[f"doc.plan.col.{c}"] for c in ("stage", "owner", "deadline", "deliverable")],
                 "rows": rows},
        "sign": {"title": s["doc.sign.title"], "blank": s["doc.blank"], "date": s["doc.sign.date"],
                 "parties": [s["doc.sign.client"], s["doc.sign.specialist"]]},
    }


def fill_frame(base: dict, parties: str, parts: list, info: str) -> dict:
    rows = [[fill(cell, {"info": info}) for cell in row] for row in base["plan"]["rows"]]
    return {**base, "parties": parties, "parts": parts, "plan": {**base["plan"], "rows": rows}}


def calc_texts(code: str) -> dict[str, str]:
    """The calculators' strings the document borrows: units and country names."""
    from macros import lang
    return {k: v for k, v in lang.strings(code).items() if k.startswith(("calc.unit.", "calc.option.country."))}


def to_text(doc: dict) -> str:
    """Plain text for an email or a chat: numbered clauses, the plan as lines."""
    out = [doc["title"], doc["parties"], doc["note"]]
    for part in doc["parts"]:
        lines = [part["title"].upper()]
        for c in part["clauses"]:
            lines.append(f"{c['n']}. {c['text']}" + (f"\n   {c['example']}" if c["example"] else ""))
        out.append("\n".join(lines))
    plan = doc["plan"]
    out.append("\n".join([plan["title"].upper(), plan["intro"], " | ".join(plan["columns"]),
                          *(" | ".join(cell or doc["sign"]["blank"] for cell in row) for row in plan["rows"])]))
    sign = doc["sign"]
    out.append("\n".join([sign["title"].upper(), *(f"{who}: {sign['blank']}  {sign['date']}: {sign['blank']}"
                                                    for who in sign["parties"])]))
    return "\n\n".join(out) + "\n"


def to_markdown(doc: dict) -> str:
    out = [f"# {doc['title']}", doc["parties"], f"*{doc['note']}*"]
    for part in doc["parts"]:
        lines = [f"## {part['title']}", ""]
        for c in part["clauses"]:
            lines.append(f"{c['n']}. {c['text']}" + (f"  \n   *{c['example']}*" if c["example"] else ""))
        out.append("\n".join(lines))
    plan = doc["plan"]
    table = [f"| {' | '.join(plan['columns'])} |", "|---|---|---|---|",
             *(f"| {' | '.join(cell or ' ' for cell in row)} |" for row in plan["rows"])]
    out.append("\n".join([f"## {plan['title']}", "", plan["intro"], "", *table]))
    sign = doc["sign"]
    out.append("\n".join([f"## {sign['title']}", "", *(f"- {who}: {sign['blank']}  {sign['date']}: {sign['blank']}"
                                                       for who in sign["parties"])]))
    return "\n\n".join(out) + "\n"
