"""Hostile inputs for tests/e2e/test_fuzz.py: shared links and typed values for every
calculator field, texts for the brief builder, and for the agreement builder typed fills,
stored states and shared-link fragments. Pure and seeded: the same seed gives
the same cases, so every failure the fuzzer prints can be replayed."""
import json
import random
from urllib.parse import quote

# Each payload sets window.__fuzzHit if it ever runs (CSP or escaping should stop them all).
PAYLOADS = [
    "<script>window.__fuzzHit=1</script>",
    "<img src=x onerror=window.__fuzzHit=1>",
    "\"><svg onload=window.__fuzzHit=1>",
    "'><iframe srcdoc=\"<script>parent.__fuzzHit=1</script>\">",
    "javascript:window.__fuzzHit=1",
    "<b>bold</b>",
    "{{7*7}}${window.__fuzzHit=1}",
]
UNICODE = [
    "\u202e123", "1\u200b000", "１２３", "١٢٣", "٣٫٥", "1\u00a0000", "1\u202f000", "12\u0301", "😀", "𝟏𝟐",
    "\ufeff5", "5\u0000", "−5", "‐3", "⁵", "½", "Ⅻ", "\ud7ff",
]
SEPARATORS = ["1,000", "1.000", "1 000", "1'000", "1,000.50", "1.000,50", "1,2,3", ";", " ; ", ";;;;", "1;;2",
              "\n", "1\n\n2", ",", ".", "..5", "5..", "1_000", "+5", "--1", "- 1", "5%", "%", "€5", "5 €"]
NUMBERS = ["0", "-0", "1e3", "1E+21", "1e308", "-1e308", "1e999", "1e-310", "5e-324", "1e-400",
           "0.00000000000000001", "0.0001", "0.01", "9" * 400, "0x1F", "0b11", "0o7", "NaN", "Infinity",
           "-Infinity", "undefined", "null", "true", "[]", "{}", "[object Object]", "-1", "99999999999999999999"]
DATES = ["2026-02-30", "2026-02-29", "2028-02-29", "2026-13-01", "2026-00-10", "0000-00-00", "9999-12-31",
         "0001-01-01", "275760-09-13", "2026-1-5", "05/03/2026", "2026-03-05T25:61", "2026-03-05T09:00",
         "2026-03-05T9:00", "2026-03-05 09:00", "2026-W10", "today"]
TIMES = ["24:00", "23:59", "00:00", "9:00", "09:00:00", "25:61", "-1:00", "12:60", "noon", "0900"]
HUGE = ["9" * 100_000, "x" * 100_000, "1;" * 50_000, "2026-01-01\n" * 9_000]
UNKNOWN_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "__defineGetter__",
                "valueOf", "foo", "", "amount[]", "x.y"]
WEEKDAYS = ["0", "8", "1,1,1", "7,6,5,4,3,2,1", ",", "1;2", "-1", "1.5", "1,,2", "mon"]
HOSTILE = PAYLOADS + UNICODE + SEPARATORS + NUMBERS + DATES + TIMES + WEEKDAYS
# What each kind of field is most likely to choke on, first; the rest of HOSTILE second.
FIRST_CHOICE = {
    "money": NUMBERS + SEPARATORS + UNICODE, "number": NUMBERS + SEPARATORS + UNICODE,
    "percent": NUMBERS + SEPARATORS + UNICODE, "int": NUMBERS + SEPARATORS + UNICODE,
    "series": SEPARATORS + NUMBERS, "dates": DATES + SEPARATORS,
    "date": DATES, "datetime": DATES + TIMES, "time": TIMES + NUMBERS[:6], "weekdays": WEEKDAYS,
}


def twisted_options(field: dict) -> list[str]:
    """A choice's options as a hand-edited link spells them: other case, spaces, unknown."""
    options = [option for option in field["options"] if option]
    return [*(o.lower() for o in options), *(f" {o}" for o in options), "XX", "__proto__"]


def plausible(field: dict, rng: random.Random) -> str:
    """A value a reader could mean, so that hostile cases also meet computed results."""
    kind = field["type"]
    if kind == "choice":
        return rng.choice(list(field["options"]))
    if kind == "weekdays":
        return ",".join(sorted(rng.sample("1234567", rng.randint(0, 7))))
    if kind in ("date", "datetime", "dates"):
        day = f"{rng.randint(2024, 2028)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        return f"{day}T{rng.randint(0, 23):02d}:{rng.choice(('00', '30', '45'))}" if kind == "datetime" else day
    if kind == "time":
        return f"{rng.randint(0, 23):02d}:{rng.choice(('00', '15', '59'))}"
    if kind == "series":
        return ";".join(str(rng.randint(0, 10**rng.randint(1, 9))) for _ in range(rng.randint(1, 8)))
    low, high = field.get("min", 0), field.get("max", 1000)
    value = rng.uniform(low, min(high, low + 10 ** rng.randint(0, 7)))
    return str(int(value)) if kind == "int" else f"{value:.{rng.randint(0, 4)}f}"


def hostile(field: dict, rng: random.Random) -> str:
    """Mostly hostile, sometimes plausible, once in a while 100 KB."""
    roll = rng.random()
    if roll < 0.02:
        return rng.choice(HUGE)
    if roll < 0.3:
        return plausible(field, rng)
    if roll < 0.4:  # two tricks glued together
        return rng.choice(HOSTILE) + rng.choice(HOSTILE)
    if roll < 0.75:
        kind = field["type"]
        return rng.choice(twisted_options(field) if kind == "choice" else FIRST_CHOICE[kind])
    return rng.choice(HOSTILE)


def link_case(spec: dict, rng: random.Random) -> str:
    """A query string: some fields hostile, some repeated, some keys unknown or prototype names."""
    if rng.random() < 0.5:
        return single_field_case(rng.choice(spec["fields"]), rng)
    pairs = []
    for field in rng.sample(spec["fields"], k=rng.choice((1, 2, 3))):
        pairs.append((field["name"], hostile(field, rng)))
        if rng.random() < 0.15:  # the same key twice: which one wins?
            pairs.append((field["name"], hostile(field, rng)))
    if rng.random() < 0.3:
        pairs.append((rng.choice(UNKNOWN_KEYS), rng.choice(HOSTILE)))
    rng.shuffle(pairs)
    return "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in pairs)


def single_field_case(field: dict, rng: random.Random) -> str:
    """One field, with what its kind most likely chokes on (each field gets one per page)."""
    pool = twisted_options(field) if field["type"] == "choice" else FIRST_CHOICE[field["type"]]
    return f"{quote(field['name'], safe='')}={quote(rng.choice(pool), safe='')}"


def typed_case(spec: dict, rng: random.Random) -> list[tuple[str, str]]:
    """(field, value) set one after the other on the form, as a reader or a script would."""
    fields = rng.sample(spec["fields"], k=rng.randint(1, min(3, len(spec["fields"]))))
    return [(field["name"], hostile(field, rng)) for field in fields]


def brief_case(question_ids: list[str], rng: random.Random) -> list[tuple[str, str]]:
    pool = PAYLOADS + UNICODE + SEPARATORS + NUMBERS + ["solo queremos promoción", "sell more", "  ", "\n\n\n"]
    chosen = rng.sample(question_ids, k=rng.randint(1, 4))
    return [(q, rng.choice(HUGE) if rng.random() < 0.02 else rng.choice(pool) + rng.choice(["", *pool]))
            for q in chosen]


def shown(value: str) -> str:
    """A value as a reproducer prints it: whole when short, as a recipe when huge."""
    if len(value) <= 80:
        return repr(value)
    return f"{value[:12]!r}… ({len(value)} characters)"


# -- The agreement builder (macros/agreement_doc.py FIELDS, as its page's config lists them) --
# Its field kinds, mapped to the calculators' pools; "text" and "set" have their own.
AGREEMENT_KINDS = {"money": "money", "percent": "percent", "int": "int", "number": "number", "time": "time",
                   "date": "date", "weekdays": "weekdays"}
NAMES = ["O'Brien & Søn", "Ana <ana@example.org>", "{client}", "{agency}", "{{client}}", "$&", "$1", "$$",
         "%s", "\\", "null", "Café 1e5", "  Estudio\t  Luz  ", "Ⅻ & Co.", "a" * 201, "é" * 200]
STORED_JUNK = ["{", "", "undefined", "NaN", "true", "1", "-0", '"text"', "[]", "[1,2]", "{}", "null",
               '{"v":1}', '{"raw":{}}', '{"v":1,"raw":null}', '{"v":1,"raw":"abc"}', '{"v":1,"raw":[1,2]}',
               '{"v":1,"raw":true}', '{"__proto__":{"v":1,"raw":{}}}']
VERSIONS = [1, "1", 2, 0, -1, 1.5, "01", "1 ", None, [], [1], {}, "constructor", "__proto__", "toString",
            "hasOwnProperty", "valueOf"]
OUTPUTS = ["es", "en", "both", "ES", "", "fr", "toString", "__proto__", "constructor", None, 1, ["en"]]


def agreement_value(field: dict, rng: random.Random) -> str:
    """A text for one agreement field: its kind's hostile pool, a plausible value, or 100 KB."""
    kind = field["kind"]
    if kind in ("text", "set", "choice"):
        roll = rng.random()
        if roll < 0.03:
            return rng.choice(HUGE)
        if kind == "text":
            return rng.choice(PAYLOADS + UNICODE + NAMES) + rng.choice(["", "", *PAYLOADS, *NAMES])
        options = [o for o in field["options"] if o]
        if kind == "set" and roll < 0.5:
            return ",".join(rng.sample(options, k=rng.randint(0, len(options))))
        return rng.choice([*options, *twisted_options(field), *PAYLOADS, ",,", "ads,ads", "a,b"])
    as_calc = {"type": AGREEMENT_KINDS[kind], "options": (), **{k: field[k] for k in ("min", "max") if k in field}}
    return hostile(as_calc, rng)


def agreement_typed(fields: list[dict], rng: random.Random) -> dict:
    """Fields set on the form one after the other, text fields most often, and the output language."""
    texts = [f for f in fields if f["kind"] == "text"]
    chosen = rng.sample(texts, k=rng.randint(1, 2)) + rng.sample(fields, k=rng.randint(0, 3))
    return {"fields": [(f["id"], agreement_value(f, rng)) for f in chosen], "out": rng.choice(["es", "en", "both"])}


def agreement_raw(fields: list[dict], rng: random.Random):
    """What a stored state's "raw" may hold: answers of any JSON type, hostile texts, odd keys."""
    raw = {}
    for field in rng.sample(fields, k=rng.randint(1, 5)):
        roll = rng.random()
        if roll < 0.35:
            raw[field["id"]] = rng.choice([None, 0, -1, 1e308, True, [], ["a", "b"], {}, {"x": 1}, [[1]], 1.5])
        else:
            raw[field["id"]] = agreement_value(field, rng)
    if rng.random() < 0.3:
        raw[rng.choice(UNKNOWN_KEYS)] = rng.choice(HOSTILE)
    return raw


def agreement_stored(fields: list[dict], rng: random.Random) -> str:
    """The text under the builder's localStorage key: not JSON, the wrong shape, or a state
    whose version, output language and answers are hostile."""
    roll = rng.random()
    if roll < 0.2:
        return rng.choice(STORED_JUNK)
    if roll < 0.25:
        return '{"v":1,"raw":{"client":"' + "x" * 100_000 + '"},"out":"en"}'
    state = {"v": rng.choice(VERSIONS) if rng.random() < 0.4 else 1, "raw": agreement_raw(fields, rng),
             "out": rng.choice(OUTPUTS)}
    if rng.random() < 0.2:
        del state[rng.choice(list(state))]
    return json.dumps(state)


def agreement_fragment(fields: list[dict], rng: random.Random) -> str:
    """A shared link's fragment (after "#"): a version, an output language, hostile answers by
    their short keys, keys repeated, unknown or prototype names."""
    pairs = [("v", str(rng.choice(VERSIONS)) if rng.random() < 0.3 else "1")]
    if rng.random() < 0.7:
        pairs.append(("o", str(rng.choice(OUTPUTS))))
    for field in rng.sample(fields, k=rng.randint(1, 4)):
        pairs.append((field["key"], agreement_value(field, rng)))
        if rng.random() < 0.15:
            pairs.append((field["key"], agreement_value(field, rng)))
    if rng.random() < 0.3:
        pairs.append((rng.choice(UNKNOWN_KEYS), rng.choice(HOSTILE)))
    rng.shuffle(pairs)
    return "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in pairs)
