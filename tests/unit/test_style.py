"""docs/STYLE.md, enforced: forbidden forms per language on every page's Markdown source in
docs/es and docs/en and on the UI strings' values, so the next edit cannot undo the style."""
import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORDY = re.IGNORECASE

# (pattern, what to write instead, an example it must catch)
COMMON = [
    (r'"', "quotes: «…» in Spanish, “…” in English; straight quotes only in code and syntax", 'dijo "hola"'),
    (r"\d[\u00a0\u202f ]\d{3}(?!\d)", "numbers as the calculators write them: 1.200 / 1,200", "10 000"),
    (r"\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.\s?m\.|p\.\s?m\.)(?=\W|$)", "24-hour clock: 10:00–19:00", "9 am"),
    (r"\b([^\W\d_]{2,})[ \t]+\1\b", "a word written twice", "150 rublos rublos"),
    (r"Severe Petersburg|SMM-Desante\b", "the conference's own name, transliterated or described",
     "Severe Petersburg SMM"),
]
SPANISH = COMMON + [
    (r"\b(?:vosotr[oa]s|vuestr[oa]s?|os)\b", "ustedes / su / les (no vosotros)", "os escribimos"),
    (r"\b[a-záéíóúñ]+(?:áis|éis)\b", "ustedes + 3.ª persona del plural (no vosotros)", "lo que habéis pactado"),
    (r"\b(?:sois|partís|decidís|escribís|pedís|recibís|vivís|acordad|pactad|revisad|redactad|apuntad|poned|"
     r"escribid|decidid|pedid|hablad|fijad|dejad|firmad|haced|tened|mirad|elegid|contad)\b",
     "ustedes + 3.ª persona del plural (no vosotros)", "acordad el resultado"),
    (r"\breglas de (?:trabajo|comunicación)\b|\breglamento\b", "reglas de interacción", "Reglas de trabajo"),
    (r"\bconstructor(?:es)?\b", "generador de brief", "el constructor de brief"),
    (r"(?<!\bno )\blaborables?\b|\bhorario laboral\b", "día hábil / día no laborable / horario de trabajo",
     "cinco días laborables"),
    (r"\bcoste por (?:contacto|solicitud)\b|\bcontactos\b|\b(?:número|cantidad) de solicitudes\b|\b\d+ solicitudes\b",
     "lead (una solicitud es el mensaje del cliente a un especialista)", "coste por contacto"),
    (r"\bcualquier moneda\b", "el origen de la cifra (rublos, Rusia, 2017–2018) o un ejemplo hipotético",
     "200 (en cualquier moneda)"),
    (r"\btraducci[oó]n autom[aá]tica\b", "nada: cómo se hizo un texto no es asunto del lector",
     "la traducción automática"),
    (r"\b(?:solicitudes|ejemplos|peticiones|mensajes) reales\b|\bcaso real\b"
     r"|\b(?:se usan a menudo|habituales) en el sector\b",
     "llama caso solo a los del artículo; lo inventado es un ejemplo", "Diez solicitudes reales"),
    (r"\bempaquetado del producto\b|\bempaque del producto\b", "posicionamiento, presentación, la oferta",
     "el empaquetado del producto"),
    (r"sin especificar el resultado", "tus palabras, no las de la traducción", "«sin especificar el resultado»"),
]
BRITISH_IZE_OK = {"size", "sized", "sizes", "prize", "prizes", "seize", "seized", "maize", "capsize", "resize",
                  "resized", "downsize", "oversize", "oversized", "bite-size"}
ENGLISH = COMMON + [
    (r"\b[a-z]+iz(?:e|es|ed|ing|ation|ations|er|ers)\b", "British -ise: organise, prioritise",
     "prioritize"),
    (r"\b[a-z]+yz(?:e|es|ed|ing)\b", "British -yse: analyse", "analyze"),
    (r"\b(?:colors?|colored|centers?|centered|behaviors?|favors?|favorite|honors?|labor|catalog|defense|gotten|"
     r"canceled|canceling|traveled|traveling|modeled|modeling|labeled|labeling|enroll|fulfill|judgment)\b",
     "British spelling: colour, centre, behaviour, favour, cancelled, labelled, enrol, fulfil, judgement", "color"),
    (r"\bworking rules\b|\bhouse rules\b", "rules of interaction", "the working rules"),
    (r"\bbrief generator\b", "brief builder", "the brief generator"),
    (r"\bbusiness[- ](?:days?|hours?)\b", "working day / working hours", "a two-business-day window"),
    (r"\b(?:enquir|inquir)(?:y|ies|er|ers)\b", "lead (a request is the client's message to a specialist)",
     "cost per enquiry"),
    (r"\bany currency\b", "the figure's origin (roubles, Russia, 2017–2018) or a plainly hypothetical example",
     "200 (any currency)"),
    (r"\bmachine[- ]translat", "nothing: how a text was made is not the reader's business", "machine translation"),
    (r"\breal (?:requests|examples|messages)\b|\bthe real case\b|\b(?:often used|common) in the trade\b",
     "call only the article's stories cases; what is invented is an example", "Ten real requests"),
    (r"\bproduct packaging\b", "positioning, presentation, the offer", "product packaging"),
]
RULES = {"es": SPANISH, "en": ENGLISH}

TITLE = re.compile(r'^(\s*(?:!!!|\?\?\?\+?|===)[^"\n]*)"([^"\n]*)"', re.M)  # admonition and tab titles
SYNTAX = [
    re.compile(r"`[^`\n]*`"),                        # inline code
    re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.S),     # Jinja
    re.compile(r"<[^<>]+>"),                         # HTML tags (their attributes)
    re.compile(r"\{\s*[:#.][^{}\n]*\}"),                # attribute lists { #id .class key="v" }
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),   # link targets and titles
]
FENCE = re.compile(r"^(\s*)(```|~~~).*?^\1\2\s*$", re.M | re.S)
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def reader_text(markdown: str) -> str:
    """What a reader can see of a page's source: prose and the meta description, with
    Markdown and HTML syntax, code and Jinja blanked (line breaks kept for messages)."""
    blank = lambda m: re.sub(r"[^\n]", " ", m.group(0))  # noqa: E731
    front = FRONT_MATTER.match(markdown)
    if front:
        meta = yaml.safe_load(front.group(1)) or {}
        markdown = "\n" * front.group(0).count("\n") + markdown[front.end():]
        markdown = str(meta.get("description", "")) + markdown
    markdown = TITLE.sub(lambda m: " " * (len(m.group(1)) + 1) + m.group(2) + " ", FENCE.sub(blank, markdown))
    for syntax in SYNTAX:
        markdown = syntax.sub(blank, markdown)
    return markdown


def offences(text: str, code: str) -> list[str]:
    found = []
    # Paragraphs unwrapped (a lone line break becomes a space, so positions and line numbers
    # still match the source): Markdown wraps "business\ndays" too; a blank line still ends it.
    unwrapped = re.sub(r"(?<!\n)\n(?!\n)", " ", text)
    for pattern, fix, _ in RULES[code]:
        for m in re.finditer(pattern, unwrapped, WORDY):
            if code == "en" and m.group(0).lower() in BRITISH_IZE_OK:
                continue
            line = text.count("\n", 0, m.start()) + 1
            found.append(f"line {line}: {m.group(0)!r} → {fix}")
    return found


def pages(code):
    out = []
    for path in sorted((ROOT / "docs" / code).rglob("*.md")):
        out.append(pytest.param(code, path, id=path.relative_to(ROOT).as_posix()))
    return out


@pytest.mark.parametrize("code,path", pages("es") + pages("en"))
def test_page_follows_the_style_guide(code, path: Path):
    problems = offences(reader_text(path.read_text(encoding="utf-8")), code)
    assert not problems, f"{path.relative_to(ROOT)}:\n" + "\n".join(problems)


@pytest.mark.parametrize("code", ["es", "en"])
def test_strings_follow_the_style_guide(code):
    strings = {}
    for name in (f"{code}.yml", f"agreement.{code}.yml"):  # the widgets' and the agreement builder's
        strings |= yaml.safe_load((ROOT / "macros" / "strings" / name).read_text(encoding="utf-8"))
    problems = [f"{key}: {p}" for key, value in strings.items()
                for p in offences(str(value).replace('"', "”"), code)]  # YAML quoting is not prose
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("code", ["es", "en"])
def test_every_forbidden_form_catches_its_example(code):
    for pattern, _, example in RULES[code]:
        assert re.search(pattern, reader_text(example), WORDY), (pattern, example)


def test_reader_text_ignores_syntax_but_keeps_prose():
    source = ('---\ndescription: "Guía"\nreviewed: 2026-11-26\n---\n# Título { #title }\n'
              '!!! tip "En resumen"\n    Texto [enlace](a.md "t") `"x"` <span class="a">b</span>\n'
              '{{ calculator("p") }}\n'
              '```\n"code"\n```\nHe said "hi".\n')
    text = reader_text(source)
    assert text.count('"') == 2 and 'He said "hi"' in text
    assert "En resumen" in text and "Guía" in text and "Texto" in text and "tip" not in text
    assert "#title" not in text and "calculator" not in text


def test_a_form_wrapped_across_two_lines_is_caught():
    assert offences("the 2–3 business\ndays", "en") and offences("diez solicitudes\nreales", "es")


@pytest.mark.parametrize("word", ["organise", "size", "prize", "seized"])
def test_british_words_pass(word):
    assert not offences(word, "en")
