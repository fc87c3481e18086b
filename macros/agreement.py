"""The agreement builder's markup, embedded with {{ agreement_builder() }}.

Two things from one description (macros/agreement_doc.py):
- the default document in the page's language, complete and printable without JavaScript;
- the form in six folding steps, hidden until assets/js/agreement.js brings it to life
  (live document in either language or both, balance check, copy, download, print, link).

Everything typed is escaped here and set as text by the script: nothing becomes HTML.
"""
import datetime
import html
import json

from macros import lang
from macros.agreement_doc import (
    CLAUSES,
    EXAMPLES,
    FIELDS,
    GROUPS,
    LINK_DEFAULTS,
    LINK_VERSION,
    TEXT_MAX,
    WARNINGS,
    document,
    frame,
    read,
    strings,
)
from macros.calc import engine, fmt
from macros.calc.limits import LIMITS
from macros.calc.specs import SPECS
from macros.widgets import HOLIDAYS_DIR, holidays_for, relative_url

STORAGE_KEY = "agreement:answers"
OUTPUTS = ("es", "en", "both")
ACTIONS = ("copy", "copy_rich", "download_md", "download_txt", "print", "link", "clear", "undo")
INPUT_MODES = {"int": "numeric", "number": "decimal", "percent": "decimal", "money": "decimal"}


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _href(page_url: str, chapter: str) -> str:
    """"rules/#calls" as a link from this page."""
    path, _, anchor = chapter.partition("#")
    return f"{relative_url(page_url, path)}#{anchor}"


# -- The document -----------------------------------------------------------------

def document_html(doc: dict, code: str) -> str:
    """The document as HTML; assets/js/agreement.js builds the same elements with the DOM."""
    parts = []
    for part in doc["parts"]:
        items = "".join(
            f'<li>{_e(c["text"])}'
            + (f'<span class="agr-doc__example">{_e(c["example"])}</span>' if c["example"] else "") + "</li>"
            for c in part["clauses"])
        start = part["clauses"][0]["n"] if part["clauses"] else 1
        parts.append(f'<h4 class="agr-doc__part">{_e(part["title"])}</h4>'
                     f'<ol class="agr-doc__clauses" start="{start}">{items}</ol>')
    plan = doc["plan"]
    head = "".join(f"<th>{_e(c)}</th>" for c in plan["columns"])
    rows = "".join("<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in row) + "</tr>" for row in plan["rows"])
    sign = doc["sign"]
    signers = "".join(f'<p class="agr-doc__signer">{_e(who)}<span class="agr-doc__line"></span>'
                      f'{_e(sign["date"])}<span class="agr-doc__line"></span></p>'
                      for who in sign["parties"])
    return (f'<article class="agr-doc" lang="{code}"><h3 class="agr-doc__title">{_e(doc["title"])}</h3>'
            f'<p class="agr-doc__parties">{_e(doc["parties"])}</p><p class="agr-doc__note">{_e(doc["note"])}</p>'
            f'{"".join(parts)}<h4 class="agr-doc__part agr-doc__annex">{_e(plan["title"])}</h4>'
            f'<p class="agr-doc__intro">{_e(plan["intro"])}</p><div class="agr-doc__table">'
            f'<table class="agr-doc__plan"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>'
            f'<h4 class="agr-doc__part">{_e(sign["title"])}</h4><div class="agr-doc__sign">{signers}</div></article>')


# -- The form ---------------------------------------------------------------------

def _options(field, s: dict, calc_strings: dict) -> list[tuple[str, str]]:
    if field.id == "country":
        return [(o, calc_strings[f"calc.option.country.{o or 'none'}"]) for o in field.options]
    if field.id == "cur":
        return [(o, calc_strings[f"calc.option.cur.{o or 'none'}"]) for o in field.options]
    if field.id.startswith("own_"):
        return [(o, s[f"owner.{o}"]) for o in field.options]
    return [(o, s[f"f.{field.id}.opt.{o}"]) for o in field.options]


def _field(field, s: dict, calc_strings: dict, page_url: str, today: datetime.date, marks: dict) -> str:
    fid = f"agr-{field.id}"
    href = _href(page_url, field.chapter)
    why = (f'<p class="agr-why" id="{fid}-why">{_e(s[f"f.{field.id}.why"])} '
           f'<a href="{href}">{_e(s["why"])}</a></p>')
    error = f'<p class="agr-error" id="{fid}-error"></p>'
    described = f'aria-describedby="{fid}-why {fid}-error"'
    label = _e(s[f"f.{field.id}.label"])
    default = field.default if field.default != "@today" else today.isoformat()
    if field.kind in ("set", "weekdays"):
        if field.kind == "set":
            options = [(o, s[f"f.{field.id}.opt.{o}"]) for o in field.options]
        else:
            options = [(str(i), name) for i, name in enumerate(marks["weekdays"], start=1)]
        ticked = set(default.split(","))
        boxes = "".join(
            f'<label class="brief-choice"><input type="checkbox" name="{field.id}" value="{o}"'
            f'{" checked" if o in ticked else ""}> <span>{_e(text)}</span></label>' for o, text in options)
        return (f'<fieldset class="agr-field agr-field--set" data-field="{field.id}" {described}>'
                f'<legend class="agr-label">{label}</legend><div class="brief-choices">{boxes}</div>'
                f'{why}{error}</fieldset>')
    if field.kind == "choice":
        opts = "".join(f'<option value="{o}"{" selected" if o == default else ""}>{_e(text)}</option>'
                       for o, text in _options(field, s, calc_strings))
        control = f'<select id="{fid}" name="{field.id}" {described}>{opts}</select>'
    elif field.kind in ("time", "date"):
        control = f'<input type="{field.kind}" id="{fid}" name="{field.id}" value="{default}" {described}>'
    else:
        mode = INPUT_MODES.get(field.kind, "text")
        control = (f'<input type="text" id="{fid}" name="{field.id}" value="{_e(default)}" inputmode="{mode}" '
                   f'autocomplete="off" {described}>')
    return (f'<div class="agr-field" data-field="{field.id}"><label class="agr-label" for="{fid}">{label}</label>'
            f'{control}{why}{error}</div>')


def config(code: str, page_url: str) -> dict:
    """Everything agreement.js needs, embedded in the page as JSON."""
    s = strings(code)
    ui_strings = lang.strings(code)
    errors = {k[len("calc.error."):]: v for k, v in ui_strings.items() if k.startswith("calc.error.")}
    errors.update({k[len("error."):]: v for k, v in s.items() if k.startswith("error.")})
    out = {}
    for out_code in lang.LANGUAGES:
        doc_strings = {k: v for k, v in strings(out_code).items() if k.startswith("doc.")}
        calc_strings = {k: v for k, v in lang.strings(out_code).items()
                        if k.startswith(("calc.unit.", "calc.option.country."))}
        out[out_code] = {"s": doc_strings, "t": calc_strings, "marks": fmt.locale_marks(out_code),
                         "frame": frame(out_code)}
    return {
        "lang": code,
        "storageKey": STORAGE_KEY,
        "holidaysUrl": relative_url(page_url, HOLIDAYS_DIR),
        "fields": [{"id": f.id, "key": f.key, "group": f.group, "kind": f.kind, "options": list(f.options),
                    "unit": f.unit, "required": f.required, "textMax": TEXT_MAX,
                    **({"min": f.min} if f.min is not None else {}), **({"max": f.max} if f.max is not None else {})}
                   for f in FIELDS],
        "groups": list(GROUPS),
        "clauses": [list(c) for c in CLAUSES],
        "examples": [list(e) for e in EXAMPLES],
        "warnings": [[w, when] for w, _, when in WARNINGS],
        "linkVersion": LINK_VERSION,
        "linkDefaults": {str(v): d for v, d in LINK_DEFAULTS.items()},
        "specs": {e[1]: SPECS[e[1]] for e in EXAMPLES},
        "limits": LIMITS,  # what its date and number fields accept, as the calculators' (calc/limits.py)
        "out": out,
        "errors": errors,
        "warn": {w: {"text": s[f"warn.{w}"], "href": _href(page_url, chapter)} for w, chapter, _ in WARNINGS},
        "ui": {k: s[k] for k in ("warn.none", "warn.link", "error.fix", "copied", "copy_failed", "link_copied",
                                 "cleared", "restored", "downloaded", "progress", "other_tab")},
    }


def builder(code: str, page_url: str, today: datetime.date | None = None) -> str:
    """The whole widget: JSON config, the default document (page's language), the hidden form."""
    today = today or datetime.date.today()
    s, calc_strings, marks = strings(code), lang.strings(code), fmt.locale_marks(code)
    values, _ = read({}, today)
    ctx = engine.context(today, holidays_for(code, today.year))
    default_doc = document_html(document(values, code, ctx), code)
    steps = []
    for i, group in enumerate(GROUPS):
        fields = "".join(_field(f, s, calc_strings, page_url, today, marks) for f in FIELDS if f.group == group)
        steps.append(f'<details class="agr-step" data-group="{group}"{" open" if i == 0 else ""}>'
                     f'<summary class="agr-step__title"><span class="agr-step__n">{i + 1}</span>'
                     f'<span class="agr-step__name">{_e(s[f"group.{group}"])}</span></summary>'
                     f'<div class="agr-step__body">{fields}</div></details>')
    outputs = "".join(
        f'<label class="brief-choice"><input type="radio" name="agr-output" value="{o}"'
        f'{" checked" if o == code else ""}> <span>{_e(s[f"out.{o}"])}</span></label>' for o in OUTPUTS)
    buttons = "".join(
        f'<button type="button" class="md-button{" md-button--primary" if a == "copy" else ""} agr-button" '
        f'data-action="{a}"{" hidden" if a == "undo" else ""}>{_e(s[a])}</button>' for a in ACTIONS)
    # A shared link this page cannot read: agreement.js shows which (a version it does not know, or damaged).
    problems = "".join(f'<p class="agr-link-problem agr-link-{p}" hidden>{_e(s[f"link.{p}"])}</p>'
                       for p in ("unknown", "broken"))
    data = json.dumps(config(code, page_url), ensure_ascii=False).replace("</", "<\\/")
    form = (f'<form class="agr-form" hidden novalidate autocomplete="off" aria-label="{_e(s["form"])}">'
            f'{problems}<p class="agr-privacy">{_e(s["privacy"])}</p>'
            f'<p class="agr-progress" aria-live="polite"></p>{"".join(steps)}'
            f'<fieldset class="agr-field agr-output"><legend class="agr-label">{_e(s["out_lang"])}</legend>'
            f'<div class="brief-choices">{outputs}</div></fieldset>'
            f'<section class="agr-balance" aria-labelledby="agr-balance-title">'
            f'<h3 class="agr-balance__title" id="agr-balance-title">{_e(s["warn.title"])}</h3>'
            f'<ul class="agr-balance__list" aria-live="polite"></ul></section>'
            f'<p class="agr-fix" aria-live="polite"></p>'
            f'<div class="agr-tools">{buttons}</div><p class="agr-status" role="status" aria-live="polite"></p>'
            f'<p class="agr-save-failed" role="alert" hidden>{_e(s["save_failed"])}</p></form>')
    css = relative_url(page_url, "assets/css/") + "agreement.css"
    return (f'<div class="agr" data-agreement id="agreement-builder"><link rel="stylesheet" href="{css}">'
            f'<script type="application/json" class="agr-data">{data}</script>{form}'
            f'<p class="agr-noscript">{_e(s["noscript"])}</p>'
            f'<section class="agr-preview" aria-label="{_e(s["preview"])}">{default_doc}</section></div>')

