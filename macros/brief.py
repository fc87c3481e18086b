"""The brief builder: its questions (the one list), the warnings for vague answers,
and the markup a page embeds with {{ brief_builder() }}.

The same question list renders twice:
- a paper template (questions, hints, blank lines) that needs no JavaScript and prints;
- a form that assets/js/brief.js brings to life (live preview, copy, download,
  answers kept in this browser only). The form stays `hidden` without the script.

The texts live in macros/strings/{es,en}.yml under `brief.`; this module holds
only the structure. Pure: data in, markup out.
"""
import html
import json
import re
import unicodedata
from dataclasses import dataclass

from macros.widgets import relative_url

STORAGE_KEY = "brief:answers"
SAMPLES_PAGE = "sample-requests/"


@dataclass(frozen=True)
class Question:
    id: str
    kind: str                     # "text" | "textarea" | "choice"
    section: str                  # fieldset it belongs to
    chapter: str                  # guide page its hint cites (URL path below the language root)
    inputmode: str = "text"
    rows: int = 3                 # textarea height, and blank lines on paper
    options: tuple[str, ...] = ()
    percent: bool = False         # a bare number is shown as a percentage in the brief


SECTIONS = ("about", "figures", "job", "contact")

QUESTIONS = (
    Question("business", "textarea", "about", "before-hiring/"),
    Question("goal", "textarea", "about", "expectations/"),
    Question("audience", "textarea", "about", "before-hiring/", rows=2),
    Question("channels", "textarea", "figures", "before-hiring/", rows=2),
    Question("lead_cost", "text", "figures", "guarantees/", inputmode="decimal", rows=1),
    Question("conversion", "text", "figures", "guarantees/", inputmode="decimal", rows=1, percent=True),
    Question("social_results", "textarea", "figures", "guarantees/"),
    Question("warm_audience", "textarea", "figures", "guarantees/", rows=2),
    Question("decision_time", "choice", "figures", "guarantees/",
             options=("same_day", "days", "two_weeks", "month", "unknown")),
    Question("budget", "text", "job", "contract/", rows=1),
    Question("timing", "text", "job", "urgent-projects/", rows=1),
    Question("expectations", "textarea", "job", "expectations/"),
    Question("questions", "textarea", "job", "before-hiring/", rows=2),
    Question("contact", "text", "contact", "rules/", rows=1),
    Question("communication", "textarea", "contact", "rules/", rows=2),
)


@dataclass(frozen=True)
class VagueRule:
    """Answers the guide calls vague. `patterns` are regular expressions that mean
    the same in Python and JavaScript; they run on normalize()d text (lower case,
    no accents, single spaces). `needs_number` flags an answer with no digit.
    `unless_filled` skips the rule once those questions have an answer.
    `sample` is the heading id of the sample request that shows the fix."""
    id: str
    fields: tuple[str, ...]
    sample: str
    patterns: tuple[str, ...] = ()
    needs_number: bool = False
    unless_filled: tuple[str, ...] = ()


VAGUE_RULES = (
    VagueRule("just-promote", ("business", "goal", "expectations"), "just-promote-us", patterns=(
        r"\bjust promote\b",
        r"\bpromote (us|me)\b",
        r"\b(we|i) (just )?need (some )?promotion\s*[.!]*$",
        r"\bpromocion\w*(nos|me)\b",                     # promociónanos, promociónennos, promocionarnos
        r"\b(nos|me) (puedes|puede|pueden|podeis|podrias|podria|podrian) promocionar\b",
        r"\b(solo|simplemente) (queremos |quiero |necesitamos |necesito )?(promocion|que nos promocion)",
        r"\b(necesitamos|necesito|queremos|quiero) (algo de )?promocion\s*[.!]*$",
    )),
    VagueRule("promote-group", ("business", "goal", "expectations"), "promote-our-group", patterns=(
        r"\bpromot\w* (of )?(our|the|my) (group|community|page|account|profile)\b",
        r"\bpromo\w* (a |de )?(el|nuestro|nuestra|mi|la) (grupo|comunidad|pagina|cuenta|perfil)\b",
    )),
    VagueRule("price-first", ("business", "goal", "expectations", "questions"), "perfume-shop", patterns=(
        r"\bhow much (is|does|do|would|will|for)\b",
        r"\bwhat (does|would|will) .{0,40}\bcost\b",
        r"\bcuanto (cuesta|costaria|costara|vale|sale|cobras|cobrais|cobran)\b",
        r"\bprecio de (la |una )?promocion\b",
    ), unless_filled=("goal",)),
    VagueRule("no-number", ("goal",), "bridal-salon", needs_number=True),
)

_SPACES = re.compile(r"\s+")
_QUOTES = re.compile(r"[\"'«»“”‘’¿¡]")


def normalize(text: str) -> str:
    """Lower case, accents off, quotes off, single spaces: what the patterns read."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", _QUOTES.sub("", plain)).strip()


def vague_warnings(answers: dict[str, str], rules=VAGUE_RULES) -> dict[str, list[str]]:
    """{question id: [rule ids]} for the answers a specialist would send back.
    assets/js/brief-text.js implements the same; tests/vectors/brief-warnings.json checks both."""
    found: dict[str, list[str]] = {}
    for rule in rules:
        if any(normalize(answers.get(q, "")) for q in rule.unless_filled):
            continue
        for field in rule.fields:
            text = normalize(answers.get(field, ""))
            if not text:
                continue
            if rule.needs_number:
                hit = not re.search(r"\d", text)
            else:
                hit = any(re.search(p, text, re.ASCII) for p in rule.patterns)
            if hit:
                found.setdefault(field, []).append(rule.id)
    return found


# -- Markup -------------------------------------------------------------------

def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _hint(q: Question, s: dict[str, str], page_url: str, hint_id: str = "") -> str:
    href = relative_url(page_url, q.chapter)
    chapter = s[f"brief.chapter.{q.chapter.strip('/')}"]
    more = _e(s["brief.see"]).replace("{chapter}", f'<a href="{href}">{_e(chapter)}</a>')
    id_attr = f' id="{hint_id}"' if hint_id else ""
    return f'<p class="brief-hint"{id_attr}>{_e(s[f"brief.q.{q.id}.hint"])} {more}</p>'


def _paper(s: dict[str, str], page_url: str) -> str:
    """The no-JavaScript brief: every question with blank lines to fill by hand."""
    items = []
    for q in QUESTIONS:
        if q.kind == "choice":
            options = "".join(
                f'<li><span class="brief-paper__box" aria-hidden="true"></span> {_e(s[f"brief.q.{q.id}.opt.{o}"])}</li>'
                for o in q.options)
            blank = f'<ul class="brief-paper__options">{options}</ul>'
        else:
            lines = '<span class="brief-paper__line"></span>' * (q.rows + 1)
            blank = f'<div class="brief-paper__lines" aria-hidden="true">{lines}</div>'
        items.append(f'<li class="brief-paper__item"><p class="brief-paper__q">{_e(s[f"brief.q.{q.id}.label"])}</p>'
                     f'{_hint(q, s, page_url)}{blank}</li>')
    return (f'<div class="brief-paper"><p class="brief-paper__note">{_e(s["brief.paper_note"])}</p>'
            f'<ol class="brief-paper__list">{"".join(items)}</ol></div>')


def _field(q: Question, s: dict[str, str], page_url: str) -> str:
    fid = f"brief-{q.id}"
    hint_id, warn_id = f"{fid}-hint", f"{fid}-warn"
    hint = _hint(q, s, page_url, hint_id)
    warn = f'<p class="brief-warn" id="{warn_id}" aria-live="polite"></p>'
    label = _e(s[f"brief.q.{q.id}.label"])
    described = f'aria-describedby="{hint_id} {warn_id}"'
    if q.kind == "choice":
        choices = "".join(
            f'<label class="brief-choice"><input type="radio" name="{q.id}" value="{o}" id="{fid}-{o}"> '
            f'<span>{_e(s[f"brief.q.{q.id}.opt.{o}"])}</span></label>' for o in q.options)
        return (f'<fieldset class="brief-field brief-field--choice" data-question="{q.id}" {described}>'
                f'<legend class="brief-label">{label}</legend>{hint}<div class="brief-choices">{choices}</div>'
                f'{warn}</fieldset>')
    if q.kind == "textarea":
        control = f'<textarea id="{fid}" name="{q.id}" rows="{q.rows}" {described}></textarea>'
    else:
        control = (f'<input type="text" id="{fid}" name="{q.id}" inputmode="{q.inputmode}" '
                   f'autocomplete="off" {described}>')
    return (f'<div class="brief-field" data-question="{q.id}"><label class="brief-label" for="{fid}">{label}</label>'
            f'{hint}{control}{warn}</div>')


def _output_texts(s: dict[str, str]) -> dict:
    """What the generated brief says, in one language (the reader may pick either)."""
    return {
        "title": s["brief.out.title"],
        "intro": s["brief.out.intro"],
        "q": {q.id: s[f"brief.q.{q.id}.out"] for q in QUESTIONS},
        "opt": {q.id: {o: s[f"brief.q.{q.id}.opt.{o}"] for o in q.options} for q in QUESTIONS if q.options},
    }


def config(code: str, strings_by_lang: dict[str, dict[str, str]], page_url: str) -> dict:
    """Everything brief.js needs, embedded in the page as JSON."""
    s = strings_by_lang[code]
    samples = relative_url(page_url, SAMPLES_PAGE)
    return {
        "lang": code,
        "storageKey": STORAGE_KEY,
        "questions": [{"id": q.id, "kind": q.kind, "percent": q.percent} for q in QUESTIONS],
        "rules": [{"id": r.id, "fields": list(r.fields), "patterns": list(r.patterns),
                   "needsNumber": r.needs_number, "unlessFilled": list(r.unless_filled)} for r in VAGUE_RULES],
        "warn": {r.id: {"text": s[f"brief.warn.{r.id}"], "href": f"{samples}#{r.sample}"} for r in VAGUE_RULES},
        "warnLink": s["brief.warn_link"],
        "out": {c: _output_texts(strings) for c, strings in strings_by_lang.items()},
        "ui": {k: s[f"brief.{k}"] for k in ("empty", "copied", "copy_failed", "cleared", "restored", "downloaded",
                                               "other_tab")},
    }


def builder(code: str, strings_by_lang: dict[str, dict[str, str]], page_url: str) -> str:
    """The whole widget: JSON config, paper template, and the (hidden until scripted) form."""
    s = strings_by_lang[code]
    data = json.dumps(config(code, strings_by_lang, page_url), ensure_ascii=False).replace("</", "<\\/")
    sections = []
    for section in SECTIONS:
        fields = "".join(_field(q, s, page_url) for q in QUESTIONS if q.section == section)
        sections.append(f'<fieldset class="brief-section"><legend class="brief-section__title">'
                        f'{_e(s[f"brief.section.{section}"])}</legend>{fields}</fieldset>')
    langs = "".join(
        f'<label class="brief-choice"><input type="radio" name="brief-output-lang" value="{c}" id="brief-lang-{c}"'
        f'{" checked" if c == code else ""}> <span>{_e(s[f"brief.lang.{c}"])}</span></label>'
        for c in strings_by_lang)
    buttons = "".join(
        f'<button type="button" class="md-button{" md-button--primary" if action == "copy" else ""} brief-button" '
        f'data-action="{action}"{" hidden" if action == "undo" else ""}>{_e(s[f"brief.{action}"])}</button>'
        for action in ("copy", "download_md", "download_txt", "print", "clear", "undo"))
    preview = (
        f'<section class="brief-preview" aria-labelledby="brief-preview-title">'
        f'<h3 class="brief-preview__title" id="brief-preview-title">{_e(s["brief.preview"])}</h3>'
        f'<fieldset class="brief-field brief-field--choice brief-lang"><legend class="brief-label">'
        f'{_e(s["brief.lang_legend"])}</legend><div class="brief-choices">{langs}</div></fieldset>'
        f'<div class="brief-preview__text" id="brief-preview-text"></div>'
        f'<div class="brief-tools">{buttons}</div>'
        f'<p class="brief-status" role="status" aria-live="polite"></p></section>')
    form = (f'<form class="brief-form" hidden novalidate autocomplete="off" aria-label="{_e(s["brief.form"])}">'
            f'<p class="brief-privacy">{_e(s["brief.privacy"])}</p>'
            f'<p class="brief-save-failed" role="alert" hidden>{_e(s["brief.save_failed"])}</p>'
            f'{"".join(sections)}{preview}</form>')
    return (f'<div class="brief" data-brief id="brief-builder">'
            f'<script type="application/json" class="brief-data">{data}</script>'
            f'{_paper(s, page_url)}{form}</div>')
