"""The agreement builder, Python side (macros/agreement_doc.py, macros/agreement.py):
the shared vectors, texts in both languages, versioned link defaults, and the markup
(default document in the page's language, hidden form, everything escaped)."""
import datetime
import json
import re

import pytest
from bs4 import BeautifulSoup

from macros import agreement, agreement_doc, lang
from macros.calc import engine
from tests import calc_vectors
from tests.conftest import ROOT

VECTORS = json.loads((ROOT / "tests/vectors/agreement.json").read_text(encoding="utf-8"))
TODAY = datetime.date.fromisoformat(VECTORS["today"])
LONG = "x" * 100_000
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def vector_input(case: dict) -> dict:
    return {k: LONG if v == "@long" else v for k, v in case["input"].items()}


def run_case(case: dict) -> dict:
    """What the Python side makes of one vector: errors, warnings, text and Markdown."""
    values, errors = agreement_doc.read(vector_input(case), TODAY, decimal=case.get("decimal", "."))
    ctx = engine.context(TODAY, calc_vectors.presets(case["lang"], TODAY.year))
    doc = agreement_doc.document(values, case["lang"], ctx)
    return {"errors": {k: e["code"] for k, e in errors.items()}, "warnings": agreement_doc.balance_warnings(values),
            "text": agreement_doc.to_text(doc), "markdown": agreement_doc.to_markdown(doc)}


def check_case(case: dict, got: dict) -> list[str]:
    """Problems with one runtime's answer to one vector (shared with the JS test)."""
    problems = []
    if got["errors"] != case["errors"]:
        problems.append(f"errors {got['errors']} != {case['errors']}")
    if got["warnings"] != case["warnings"]:
        problems.append(f"warnings {got['warnings']} != {case['warnings']}")
    problems += [f"missing {s!r}" for s in case.get("contains", []) if s not in got["text"]]
    problems += [f"unexpected {s!r}" for s in case.get("absent", []) if s in got["text"]]
    return problems


@pytest.mark.parametrize("case", VECTORS["cases"], ids=lambda c: c["name"])
def test_python_matches_vector(case):
    assert check_case(case, run_case(case)) == []


@pytest.mark.parametrize("case", VECTORS["cases"], ids=lambda c: c["name"])
def test_document_is_whole_in_every_state(case):
    """Every clause filled, no placeholder left, numbered 1..n without gaps."""
    got = run_case(case)
    assert not PLACEHOLDER.search(got["text"]), got["text"]
    numbers = [int(n) for n in re.findall(r"^(\d+)\. ", got["text"].split("\n\n")[3] + "\n"
                                          + got["text"].split("\n\n")[4], re.M)]
    assert numbers == list(range(1, len(numbers) + 1))
    assert "NaN" not in got["text"] and "e+" not in got["text"]


def test_both_languages_have_the_same_keys_and_placeholders():
    es, en = agreement_doc.strings("es"), agreement_doc.strings("en")
    assert set(es) == set(en)
    for key in es:
        assert set(PLACEHOLDER.findall(es[key])) == set(PLACEHOLDER.findall(en[key])), key
        assert es[key].strip() and en[key].strip(), key


def test_spanish_is_neutral():
    """tú and ustedes, never vosotros: no -áis/-éis/-ís verb endings (habéis, partís), no os/vosotros."""
    vosotros = re.compile(r"\b\w+(?:áis|éis|ís)\b|\bvosotros\b|\bos\b", re.I)
    nouns = {"país", "países", "días"}
    for key, text in agreement_doc.strings("es").items():
        assert not {w for w in vosotros.findall(text) if w.lower() not in nouns}, key


def test_every_text_the_structure_names_exists():
    for code in lang.LANGUAGES:
        s = agreement_doc.strings(code)
        for field in agreement_doc.FIELDS:
            assert f"f.{field.id}.label" in s and f"f.{field.id}.why" in s, field.id
            borrowed = field.id in ("country", "cur") or field.id.startswith("own_")  # calc.option.*, owner.*
            if field.kind in ("choice", "set") and not borrowed:
                assert all(f"f.{field.id}.opt.{o}" in s for o in field.options), field.id
        for part, clause, options in agreement_doc.CLAUSES:
            if "variant" in options:
                variants = [k for k in s if k.startswith(f"doc.{part}.{clause}.")]
                assert variants, clause
            else:
                assert f"doc.{part}.{clause}" in s, clause
        for warning, chapter, _ in agreement_doc.WARNINGS:
            assert f"warn.{warning}" in s
            path, anchor = chapter.split("#")
            page = (ROOT / "docs" / code / f"{path.strip('/')}.md").read_text(encoding="utf-8")
            assert f"{{ #{anchor} }}" in page, chapter


def test_every_why_links_to_a_section_that_exists():
    for field in agreement_doc.FIELDS:
        path, anchor = field.chapter.split("#")
        for code in lang.LANGUAGES:
            page = (ROOT / "docs" / code / f"{path.strip('/')}.md").read_text(encoding="utf-8")
            assert f"{{ #{anchor} }}" in page, (code, field.chapter)


def test_field_ids_and_link_keys_are_unique():
    ids = [f.id for f in agreement_doc.FIELDS]
    keys = [f.key for f in agreement_doc.FIELDS] + ["v", "o"]
    assert len(ids) == len(set(ids)) and len(keys) == len(set(keys))


def test_current_defaults_are_the_latest_link_version():
    """Change a default → add a link version (old links keep their meaning), never edit one."""
    latest = agreement_doc.LINK_DEFAULTS[agreement_doc.LINK_VERSION]
    assert latest == {f.id: f.default for f in agreement_doc.FIELDS}
    assert max(agreement_doc.LINK_DEFAULTS) == agreement_doc.LINK_VERSION


def test_every_default_is_valid():
    values, errors = agreement_doc.read({}, TODAY)
    assert errors == {}
    assert agreement_doc.balance_warnings(values) == []


def test_an_old_link_version_reads_with_its_own_defaults(monkeypatch):
    monkeypatch.setitem(agreement_doc.LINK_DEFAULTS, 0, {**agreement_doc.LINK_DEFAULTS[1], "term": "60"})
    assert agreement_doc.read({}, TODAY, version=0)[0]["term"] == 60
    assert agreement_doc.read({}, TODAY)[0]["term"] == 30


# -- Markup -------------------------------------------------------------------------

def built(code: str) -> BeautifulSoup:
    return BeautifulSoup(agreement.builder(code, "agreement/", TODAY), "html.parser")


@pytest.mark.parametrize("code", lang.LANGUAGES)
def test_default_document_is_there_without_javascript(code):
    soup = built(code)
    doc = soup.select_one(".agr-preview > article.agr-doc")
    assert doc["lang"] == code
    assert doc.h3.get_text() == agreement_doc.strings(code)["doc.title"]
    assert len(doc.select("ol.agr-doc__clauses > li")) >= 20
    assert soup.select_one("form.agr-form").has_attr("hidden")
    assert len(soup.select("details.agr-step")) == len(agreement_doc.GROUPS)


@pytest.mark.parametrize("code", lang.LANGUAGES)
def test_every_control_is_labelled_and_explained(code):
    soup = built(code)
    for field in agreement_doc.FIELDS:
        box = soup.select_one(f'[data-field="{field.id}"]')
        assert box.select_one("label, legend").get_text(strip=True), field.id
        why = box.select_one(".agr-why a")
        assert why["href"].startswith("../") and "#" in why["href"], field.id
    for control in soup.select("input:not([type=checkbox]):not([type=radio]), select"):
        assert soup.select_one(f'label[for="{control["id"]}"]'), control


def test_the_config_carries_both_output_languages_and_no_markup():
    config = agreement.config("es", "agreement/")
    assert set(config["out"]) == set(lang.LANGUAGES)
    assert set(config["specs"]) == {"turnaround", "response-time", "penalty", "revenue-share"}
    html = agreement.builder("es", "agreement/", TODAY)
    data = BeautifulSoup(html, "html.parser").select_one("script.agr-data").string
    assert json.loads(data)["lang"] == "es" and "</" not in data


def test_document_html_escapes_what_was_typed():
    values, _ = agreement_doc.read({"client": "<img src=x onerror=alert(1)>"}, TODAY)
    doc = agreement_doc.document(values, "en", engine.context(TODAY, {}))
    html = agreement.document_html(doc, "en")
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_canonical_text_never_uses_exponent_notation():
    """What the form shows, this browser keeps and a link carries (agreement.js plainDigits is the twin)."""
    values, errors = agreement_doc.read({"oneoff": "0.00000000000000001", "daily": "5e-324", "fee": "30000"}, TODAY)
    assert errors == {}
    texts = agreement_doc.canonical(values)
    assert texts["oneoff"] == "0.00000000000000001" and float(texts["daily"]) == 5e-324
    assert not [text for text in texts.values() if re.search(r"\de[+-]?\d", text)]
