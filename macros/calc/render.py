"""HTML of a calculator: the form (brought to life by assets/js/calculator.js)
and the worked default scenario, computed here so the page is useful with
JavaScript off and in print. Everything user-visible comes from the strings
files; every value is escaped."""
import html
import json
import math

from babel.dates import get_day_names

from macros import lang
from macros.calc import engine, sentences
from macros.calc.fmt import Formatter, locale_marks
from macros.calc.specs import SPECS

INPUT_TYPES = {  # spec type → (input type, inputmode)
    "money": ("text", "decimal"), "number": ("text", "decimal"), "percent": ("text", "decimal"),
    "int": ("text", "numeric"), "date": ("date", None), "datetime": ("datetime-local", None),
    "time": ("time", None),
}
STRING_PREFIXES = ("calc.common.", "calc.error.", "calc.unit.", "calc.key.", "calc.option.")
e = html.escape


def strings_for(name: str, strings: dict[str, str]) -> dict[str, str]:
    """The strings the JS needs for one calculator: its own plus the shared ones."""
    return {k: v for k, v in strings.items() if k.startswith((f"calc.{name}.", *STRING_PREFIXES))}


def render(name: str, code: str, strings: dict[str, str], ctx: dict, uid: str,
           url_state: bool, holidays_url: str | None, page_url: str | None = None) -> str:
    """page_url: the calculator's own page, relative, for a calculator embedded elsewhere: its
    links point there (and the "open on its own page" link, `{uid}-open`, follows the inputs)."""
    spec = SPECS[name]
    fmt = Formatter(code, strings)
    outcome = engine.run(name, {}, ctx)
    config = {"name": name, "lang": code, **locale_marks(code), "spec": spec, "strings": strings_for(name, strings)}
    result = result_html(name, spec, outcome["result"], outcome["values"], fmt, ctx["holidays"])
    summary = summary_text(name, spec, outcome["result"], outcome["values"], fmt, ctx["holidays"])
    parts = [
        f'<div class="calc" data-calc="{name}" id="{uid}"{" data-url-state" if url_state else ""}'
        + (f' data-holidays="{e(holidays_url)}"' if holidays_url else "") + ">",
        f'<script type="application/json" class="calc-config">{_json(config)}</script>',
        # The main figures, kept in view (site.css: sticky) while the reader edits the form below.
        f'<p class="calc-summary" aria-hidden="true" hidden>{e(summary)}</p>',
        # The inputs of the result shown, label: value: on screen when a shared link opened the page
        # (calculator.js: data-given, the form folded behind "Edit"), and in print.
        _given(given_items(name, spec, outcome["values"], fmt), strings, uid),
        _form(name, spec, code, strings, uid, engine.defaults(name, ctx["today"])),
        f'<noscript><p class="calc-noscript">{e(strings["calc.common.noscript"])}</p></noscript>',
        '<div class="calc-result" aria-live="polite">',
        f'<p class="calc-result__title">{e(strings["calc.common.example_title"])}</p>',
        result,
        "</div>",
        _share(strings, "calendar" in spec),
        page_url and (f'<p class="calc-open"><a id="{uid}-open" href="{e(page_url)}">'
                      f'{e(strings["calc.common.open_page"])}</a></p>'),
        "</div>",
    ]
    return "\n".join(p for p in parts if p)


def _json(data) -> str:
    # Safe inside <script>: no "</script>" or "<!--" can survive.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _form(name, spec, code, strings, uid, defaults) -> str:
    t = strings
    title = t[f"calc.{name}.title"]
    out = [f'<form class="calc-form" id="{uid}-form" hidden novalidate aria-label="{e(title)}">']
    main = [f for f in spec["fields"] if "group" not in f]
    more = [f for f in spec["fields"] if "group" in f]  # calendar, currency…: folded on a phone
    out += [_field(name, f, code, t, uid, defaults[f["name"]]) for f in main]
    if more:
        out.append(f'<details class="calc-more"><summary>{e(t["calc.common.more_options"])}</summary>')
        out += [_field(name, f, code, t, uid, defaults[f["name"]]) for f in more]
        out.append("</details>")
    out.append('<div class="calc-actions">'
               f'<button type="submit" class="md-button md-button--primary">{e(t["calc.common.calculate"])}</button>'
               '<button type="button" class="md-button" data-action="example">'
               f'{e(t["calc.common.example_values"])}</button>'
               "</div></form>")
    return "\n".join(out)


def _field(name, field, code, t, uid, default) -> str:
    fname, kind = field["name"], field["type"]
    fid = f"{uid}-{fname}"
    label = t.get(f"calc.{name}.field.{fname}") or t[f"calc.common.field.{fname}"]
    optional = ""
    if not field.get("required", True) and kind != "choice":
        optional = f' <span class="calc-optional">{e(t["calc.common.optional"])}</span>'
    hint_text = t.get(f"calc.{name}.hint.{fname}") or t.get(f"calc.common.hint.{fname}")
    described = " ".join(filter(None, [hint_text and f"{fid}-hint", f"{fid}-error"]))
    when = "".join(f' data-when-{k}="{e(v)}"' for k, v in field.get("when", {}).items())
    attrs = f'id="{fid}" name="{fname}" aria-describedby="{described}"'

    if kind == "weekdays":
        names = get_day_names("abbreviated", locale=lang.LOCALES[code])  # 0 = Monday
        chosen = set(default.split(","))
        boxes = "".join(
            f'<label class="calc-day"><input type="checkbox" name="{fname}" value="{n}"'
            f'{" checked" if str(n) in chosen else ""}><span>{e(names[n - 1])}</span></label>'
            for n in range(1, 8))
        control = (f'<fieldset class="calc-days" id="{fid}" aria-describedby="{described}">'
                   f'<legend>{e(label)}</legend>{boxes}</fieldset>')
        head = ""
    else:
        head = f'<label for="{fid}">{e(label)}{optional}</label>'
        if kind == "choice":
            options = "".join(
                f'<option value="{e(v)}"{" selected" if v == default else ""}>{e(_option_label(fname, v, t))}</option>'
                for v in field["options"])
            control = f"<select {attrs}>{options}</select>"
        elif kind in ("dates", "series"):
            control = f'<textarea {attrs} rows="3" spellcheck="false">{e(default.replace(";", chr(10)))}</textarea>'
        else:
            input_type, mode = INPUT_TYPES[kind]
            mode_attr = f' inputmode="{mode}"' if mode else ""
            control = (f'<input {attrs} type="{input_type}"{mode_attr} value="{e(default)}" '
                       f'autocomplete="off"{" required" if field.get("required", True) else ""}>')
    hint = f'<p class="calc-hint" id="{fid}-hint">{e(hint_text)}</p>' if hint_text else ""
    error = f'<p class="calc-error" id="{fid}-error" hidden></p>'
    return f'<div class="calc-field calc-field--{kind}" data-field="{fname}"{when}>{head}{control}{hint}{error}</div>'


def _option_label(field: str, value: str, t) -> str:
    return t[f"calc.option.{field}.{value or 'none'}"]


def _share(t, calendar: bool) -> str:
    return ('<div class="calc-share" hidden>'
            f'<button type="button" class="md-button" data-action="copy-link">{e(t["calc.common.copy_link"])}</button>'
            f'<button type="button" class="md-button" data-action="copy-text">{e(t["calc.common.copy_text"])}</button>'
            # Shown by the JS only where the browser has the Web Share API (phones): the native sheet.
            f'<button type="button" class="md-button" data-action="share" hidden>{e(t["calc.common.share"])}</button>'
            + (f'<button type="button" class="md-button" data-action="calendar">'
               f'{e(t["calc.common.add_calendar"])}</button>' if calendar else "")
            + '<p class="calc-share__status" role="status"></p></div>')


# -- Results: the same layout the JS draws ------------------------------------

def result_html(name: str, spec: dict, result: dict, values: dict, fmt: Formatter, presets: dict) -> str:
    t = fmt.t
    text = sentences.write(name, result, values, fmt, presets)  # also sets the currency
    rows = "".join(_output_row(name, out, result, fmt) for out in spec["outputs"])
    parts = [f'<p class="calc-sentence">{e(text)}</p>',
             f'<dl class="calc-outputs">{rows}</dl>']
    for warning in spec.get("warnings", []):
        if result.get(warning):
            parts.append(f'<p class="calc-warning">{e(t["calc." + name + ".warn." + warning])}</p>')
    if "chart" in spec:
        parts.append(chart_svg(name, spec["chart"], result, fmt))
    if "table" in spec and result[spec["table"]["key"]]:
        parts.append(table_html(name, spec["table"], result[spec["table"]["key"]], fmt))
    return "\n".join(parts)


def summary_text(name: str, spec: dict, result: dict, values: dict, fmt: Formatter, presets: dict) -> str:
    """The compact line of main figures; a date calculator's also says which public holidays
    it counted (none without a country, or when the country's could not be loaded)."""
    kinds = {out["key"]: out["type"] for out in spec["outputs"]}
    items = [fmt.text("calc.common.summary_item", label=fmt.t[f"calc.{name}.out.{key}"],
                      value=fmt.value(kinds[key], result[key])) for key in spec["summary"]]
    if "calendar" in spec:
        country = values.get("country") or ""
        items.append(fmt.text("calc.common.summary_holidays", country=fmt.t[f"calc.common.holidays_of.{country}"])
                     if isinstance(presets.get(country), dict) else fmt.t["calc.common.summary_no_holidays"])
    return " · ".join(items)


def given_items(name: str, spec: dict, values: dict, fmt: Formatter) -> list[tuple[str, str]]:
    """(label, value) of each input that shaped the result, written for the page ("Importe",
    "150.000 €"); a field not part of this scenario or left empty is left out. Twin of
    givenRows() in calc/render.js. Call after sentences.write (it sets the currency)."""
    days = get_day_names("wide", locale=fmt.locale)  # 0 = Monday
    written = {"time": fmt.time,
               "weekdays": lambda v: fmt.join([days[d - 1] for d in v]),
               "dates": lambda v: fmt.join([fmt.value("date", d) for d in v]),
               "series": lambda v: fmt.join([fmt.value("money", x) for x in v])}
    items = []
    for field in spec["fields"]:
        fname, kind, value = field["name"], field["type"], values.get(field["name"])
        if value is None or value == []:
            continue
        label = fmt.t.get(f"calc.{name}.field.{fname}") or fmt.t[f"calc.common.field.{fname}"]
        text = (_option_label(fname, value, fmt.t) if kind == "choice"
                else written[kind](value) if kind in written else fmt.value(kind, value))
        items.append((label, text))
    return items


def _given(items: list[tuple[str, str]], t, uid) -> str:
    rows = "".join(f"<div><dt>{e(label)}</dt><dd>{e(value)}</dd></div>" for label, value in items)
    return (f'<div class="calc-given"><dl class="calc-given__list">{rows}</dl>'
            '<button type="button" class="md-button md-button--primary" aria-expanded="false" '
            f'aria-controls="{uid}-form">{e(t["calc.common.edit"])}</button></div>')


def _output_row(name: str, out: dict, result: dict, fmt: Formatter) -> str:
    key = out["key"]
    main = " calc-out--main" if out.get("main") else ""
    label, value = fmt.t[f"calc.{name}.out.{key}"], fmt.value(out["type"], result[key])
    return f'<div class="calc-out calc-out--{out["type"]}{main}"><dt>{e(label)}</dt><dd>{e(value)}</dd></div>'


def table_html(name: str, table: dict, rows: list[dict], fmt: Formatter) -> str:
    # A column empty in every row is left out (the holiday name, when no day off is a holiday).
    columns = [c for c in table["columns"] if any(fmt.value(c["type"], row[c["key"]]) for row in rows)]
    labels = [e(fmt.t["calc." + name + ".col." + c["key"]]) for c in columns]
    head = "".join(f'<th scope="col">{label}</th>' for label in labels)
    # Each cell names its column (data-label): on a phone a wide table's rows stack as label–value lines.
    body = "".join(
        "<tr>" + "".join(f'<td data-label="{label}">{e(fmt.value(c["type"], row[c["key"]]))}</td>'
                         for c, label in zip(columns, labels, strict=True)) + "</tr>"
        for row in rows)
    caption = e(fmt.t["calc." + name + ".table"])
    return (f'<div class="calc-table-wrap" tabindex="0" role="region" aria-label="{caption}">'
            f'<table class="calc-table"><caption>{caption}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")


# -- Chart: a few lines of SVG, the same geometry as the JS twin (calc/chart.js) --------
# The box comes from the spec ("chart": w, h, side, top, bottom; limits.CHART_BOX). Values are
# labelled on light gridlines, left-aligned above each line (no y-axis margin to eat the width
# of a phone), months under the x axis, and each axis has its title.

def nice_step(span: float) -> float:
    """1, 2 or 5 × a power of ten, the first at least span (span > 0)."""
    power = 10 ** math.floor(math.log10(span))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= span)


def chart_scale(rows: list[dict], series: list[str]):
    """(log, bottom, top, ticks): the y axis. Log scale when values span more than 20×, so
    10 000 and 1 000 000 both show; then the ticks are powers of ten, else round steps from 0."""
    values = [row[s] for row in rows for s in series if row[s] > 0]
    low, high = (min(values), max(values)) if values else (1, 1)
    if high / low > 20:
        bottom, top = math.floor(math.log10(low)), math.ceil(math.log10(high))
        every = math.ceil((top - bottom) / 5)  # at most six labels
        return True, bottom, top, [10 ** k for k in range(bottom, top + 1, every)]
    step = nice_step(high / 4)
    steps = math.ceil(high / step - 1e-9)
    return False, 0, step * steps, [step * i for i in range(steps + 1)]


def chart_points(rows: list[dict], series: list[str], box: dict):
    """{series: [(x, y) in SVG units]}, the y of each tick, and the y axis (chart_scale)."""
    log, bottom, top, ticks = chart_scale(rows, series)
    base, height = box["h"] - box["bottom"], box["h"] - box["bottom"] - box["top"]

    def y(v: float) -> float:
        at = (math.log10(v) if v > 0 else bottom) if log else v  # 0 sits on the axis of a log chart
        return _tenths(base - height * (max(at, bottom) - bottom) / ((top - bottom) or 1))

    count = max(len(rows) - 1, 1)
    points = {s: [(chart_x(i, count, box), y(row[s])) for i, row in enumerate(rows)] for s in series}
    return points, [(v, y(v)) for v in ticks], log


def chart_x(i: int, count: int, box: dict) -> float:
    return _tenths(box["side"] + (box["w"] - 2 * box["side"]) * i / count)


def month_labels(count: int) -> list[int]:
    """Indexes of the months labelled under the axis: every one up to 12, then evenly fewer."""
    every = math.ceil(count / 12)
    return list(range(0, count, every))


def _tenths(v: float) -> float:
    return math.floor(v * 10 + 0.5) / 10  # as the JS twin's Math.round(v * 10) / 10


def _svg_number(v: float) -> str:
    return f"{v:.1f}".removesuffix(".0")  # 36, not 36.0: the JS twin writes String(36)


def _svg_points(points) -> str:
    return " ".join(f"{_svg_number(x)},{_svg_number(y)}" for x, y in points)


def _text(cls: str, x: float, y: float, text: str) -> str:
    return f'<text class="calc-chart__{cls}" x="{_svg_number(x)}" y="{_svg_number(y)}">{e(text)}</text>'


def chart_svg(name: str, chart: dict, result: dict, fmt: Formatter) -> str:
    rows, box = result[chart["table"]], chart["box"]
    points, ticks, log = chart_points(rows, chart["series"], box)
    t = fmt.t
    w, h, side, base = box["w"], box["h"], box["side"], box["h"] - box["bottom"]
    grid = "".join(
        f'<line class="calc-chart__grid" x1="{side}" y1="{_svg_number(y)}" x2="{w - side}" y2="{_svg_number(y)}"/>'
        + _text("value", side, y - 3, fmt.number(v)) for v, y in ticks)
    count = max(len(rows) - 1, 1)
    months = "".join(_text("month", chart_x(i, count, box), base + 14, fmt.number(rows[i][chart["x"]], 0))
                     for i in month_labels(len(rows)))
    lines = "".join(
        f'<polyline class="calc-chart__line calc-chart__line--{i}" points="{_svg_points(pts)}"/>'
        for i, pts in enumerate(points.values()))
    legend = "".join(
        f'<li class="calc-chart__key calc-chart__key--{i}">{e(t["calc.key." + s])}</li>' for i, s in enumerate(points))
    note = f'<p class="calc-chart__note">{e(t["calc.common.log_scale"])}</p>' if log else ""
    title = e(t["calc." + name + ".chart"])
    return (f'<figure class="calc-chart"><svg viewBox="0 0 {w} {h}" role="img" aria-label="{title}">'
            + _text("axis-title", side, 12, t[f"calc.{name}.chart_y"]) + grid
            + f'<line class="calc-chart__axis" x1="{side}" y1="{base}" x2="{w - side}" y2="{base}"/>'
            + months + _text("axis-title calc-chart__axis-title--x", w - side, h - 2, t[f"calc.{name}.chart_x"])
            + f"{lines}</svg>"
            f'<figcaption>{title}<ul class="calc-chart__legend">{legend}</ul>{note}</figcaption></figure>')
