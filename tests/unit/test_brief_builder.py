"""The brief builder's data and markup (macros/brief.py): one question list, texts in
both languages, labelled controls, a paper version, and the vague-answer rules."""
import json
import re

import pytest
from bs4 import BeautifulSoup

from macros import brief, lang
from tests.conftest import ROOT

BOTH = {code: lang.strings(code) for code in lang.LANGUAGES}
VECTORS = json.loads((ROOT / "tests/vectors/brief-warnings.json").read_text(encoding="utf-8"))["cases"]


def built(code="es", page_url="brief/") -> BeautifulSoup:
    return BeautifulSoup(brief.builder(code, BOTH, page_url), "html.parser")


def test_question_ids_are_unique_and_kinds_known():
    ids = [q.id for q in brief.QUESTIONS]
    assert len(ids) == len(set(ids))
    assert {q.kind for q in brief.QUESTIONS} <= {"text", "textarea", "choice"}
    assert {q.section for q in brief.QUESTIONS} == set(brief.SECTIONS)


@pytest.mark.parametrize("code", lang.LANGUAGES)
def test_every_question_has_its_texts(code):
    s = BOTH[code]
    for q in brief.QUESTIONS:
        for part in ("label", "hint", "out"):
            assert s[f"brief.q.{q.id}.{part}"].strip(), (code, q.id, part)
        for option in q.options:
            assert s[f"brief.q.{q.id}.opt.{option}"].strip()


@pytest.mark.parametrize("code", lang.LANGUAGES)
def test_hints_cite_chapters_that_exist(code):
    for q in brief.QUESTIONS:
        assert (ROOT / "docs" / code / f"{q.chapter.strip('/')}.md").is_file(), q.chapter


@pytest.mark.parametrize("code", lang.LANGUAGES)
def test_each_warning_links_to_a_sample_that_exists(code):
    source = (ROOT / "docs" / code / "sample-requests.md").read_text(encoding="utf-8")
    ids = set(re.findall(r"\{ #([a-z0-9-]+) \}", source))
    for rule in brief.VAGUE_RULES:
        assert rule.sample in ids, rule.sample
        assert set(rule.fields) <= {q.id for q in brief.QUESTIONS}


@pytest.mark.parametrize("case", VECTORS, ids=lambda c: json.dumps(c["answers"], ensure_ascii=False)[:50])
def test_vague_warnings_vectors(case):
    assert brief.vague_warnings(case["answers"]) == case["expected"]


def test_normalize_drops_case_accents_quotes_and_extra_spaces():
    assert brief.normalize("  «Promociónanos»\n  YA ") == "promocionanos ya"


@pytest.mark.parametrize("code", lang.LANGUAGES)
def test_every_control_has_a_label_and_a_hint(code):
    form = built(code).select_one("form.brief-form")
    controls = form.select("input, textarea")
    assert controls
    for control in controls:
        labelled = form.select_one(f'label[for="{control.get("id")}"]') or control.find_parent("label")
        assert labelled and labelled.get_text(strip=True), control
    for q in brief.QUESTIONS:
        field = form.select_one(f'[data-question="{q.id}"]')
        described = field.get("aria-describedby") or field.select_one("input, textarea")["aria-describedby"]
        assert f"brief-{q.id}-hint" in described.split()


def test_the_form_cannot_submit_anywhere_and_waits_for_the_script():
    form = built().select_one("form.brief-form")
    assert not form.has_attr("action") and not form.has_attr("method")
    assert form.has_attr("hidden")
    assert not form.select('button[type="submit"], input[type="submit"]')
    assert all(b["type"] == "button" for b in form.select("button"))


@pytest.mark.parametrize("code", lang.LANGUAGES)
def test_paper_version_lists_every_question_with_room_to_answer(code):
    paper = built(code).select_one(".brief-paper")
    items = paper.select("li.brief-paper__item")
    assert [i.select_one(".brief-paper__q").get_text() for i in items] == [
        BOTH[code][f"brief.q.{q.id}.label"] for q in brief.QUESTIONS]
    for item, q in zip(items, brief.QUESTIONS, strict=True):
        blanks = item.select(".brief-paper__line") or item.select(".brief-paper__box")
        assert len(blanks) >= (len(q.options) or 2), q.id


def test_hint_links_are_relative_to_the_page():
    link = built("en", "brief/").select_one('[data-question="goal"] .brief-hint a')
    assert link["href"] == "../expectations/"


def test_config_carries_both_output_languages_and_the_rules():
    data = json.loads(built("en").select_one("script.brief-data").string)
    assert data["lang"] == "en" and set(data["out"]) == set(lang.LANGUAGES)
    assert data["out"]["es"]["q"]["goal"] == BOTH["es"]["brief.q.goal.out"]
    assert [r["id"] for r in data["rules"]] == [r.id for r in brief.VAGUE_RULES]
    assert data["warn"]["just-promote"]["href"] == "../sample-requests/#just-promote-us"
    assert data["storageKey"] == brief.STORAGE_KEY


def test_output_language_defaults_to_the_page_language():
    checked = built("en").select('input[name="brief-output-lang"][checked]')
    assert [c["value"] for c in checked] == ["en"]
