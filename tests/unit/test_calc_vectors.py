"""The Python calculators against the shared JSON vectors (the JS twin runs the same
vectors in the browser: tests/e2e/test_calc_js.py)."""
import pytest

from macros import lang
from macros.calc import engine, sentences
from macros.calc.fields import FieldError, parse_number
from macros.calc.fmt import Formatter
from macros.calc.render import given_items, summary_text
from macros.calc.specs import SPECS
from tests import calc_vectors


@pytest.mark.parametrize("item", calc_vectors.cases(), ids=calc_vectors.case_id)
def test_python_calculator_matches_vector(item):
    name, vector, case = item
    today, holidays = calc_vectors.context_data(vector)
    outcome = engine.run(name, case["input"], engine.context(today, holidays), case.get("decimal", "."))
    assert calc_vectors.check(case, outcome) == []


def in_language(item):
    """A case run with the holiday names of its language: (name, case, code, outcome, presets)."""
    name, vector, case, code = item
    today = calc_vectors.context_data(vector)[0]
    presets = calc_vectors.presets(code, today.year)
    return name, case, code, engine.run(name, case["input"], engine.context(today, presets)), presets


@pytest.mark.parametrize("item", calc_vectors.sentence_cases(), ids=calc_vectors.case_id)
def test_python_sentence_matches_vector(item):
    """The sentence a reader copies, in each language, worked out with that language's holiday names."""
    name, case, code, outcome, presets = in_language(item)
    text = sentences.write(name, outcome["result"], outcome["values"], Formatter(code, lang.strings(code)), presets)
    assert text == case["sentence"][code]


@pytest.mark.parametrize("item", calc_vectors.written_cases("summary"), ids=calc_vectors.case_id)
def test_python_summary_line_matches_vector(item):
    """The line kept in view while the reader edits; the date calculators' says which holidays were counted."""
    name, case, code, outcome, presets = in_language(item)
    text = summary_text(name, SPECS[name], outcome["result"], outcome["values"], Formatter(code, lang.strings(code)),
                        presets)
    assert text == case["summary"][code]


@pytest.mark.parametrize("item", calc_vectors.written_cases("given"), ids=calc_vectors.case_id)
def test_python_given_inputs_match_vector(item):
    """The inputs listed above a shared link's result (and in print), label: value for the page."""
    name, case, code, outcome, presets = in_language(item)
    f = Formatter(code, lang.strings(code))
    sentences.write(name, outcome["result"], outcome["values"], f, presets)  # sets the currency, as the page does
    assert [list(item) for item in given_items(name, SPECS[name], outcome["values"], f)] == case["given"][code]


def test_given_vectors_cover_every_calculator_and_every_field_type_in_both_languages():
    given = calc_vectors.written_cases("given")
    assert {(name, code) for name, _, _, code in given} == {
        (name, code) for name in calc_vectors.CALCULATORS for code in lang.LANGUAGES}
    t = lang.strings("en")
    labels = {(name, t.get(f"calc.{name}.field.{f['name']}") or t[f"calc.common.field.{f['name']}"]): f["type"]
              for name in SPECS for f in SPECS[name]["fields"]}
    kinds = {labels[name, label] for name, _, case, code in given if code == "en" for label, _ in case["given"]["en"]}
    assert kinds >= {"money", "int", "percent", "date", "datetime", "time", "choice", "weekdays", "dates", "series"}


def test_summary_vectors_cover_both_holiday_states_of_the_date_calculators():
    summaries = calc_vectors.written_cases("summary")
    states = {(name, code, bool(case["input"].get("country"))) for name, _, case, code in summaries}
    assert states == {(name, code, country) for name in ("turnaround", "response-time") for code in lang.LANGUAGES
                      for country in (False, True)}


def test_sentences_cover_every_calculator_in_both_languages():
    covered = {(name, code) for name, _, _, code in calc_vectors.sentence_cases()}
    assert covered == {(name, code) for name in calc_vectors.CALCULATORS for code in lang.LANGUAGES}


@pytest.mark.parametrize("case", calc_vectors.load("fields")["cases"], ids=lambda c: repr(c["text"]))
def test_python_number_parsing_matches_vector(case):
    try:
        got = {"value": parse_number(case["text"], case["decimal"])}
    except FieldError as error:
        got = {"error": error.code}
    assert got == {k: case[k] for k in ("value", "error") if k in case}


def test_every_calculator_has_vectors_with_both_answers_and_errors():
    for name in calc_vectors.CALCULATORS:
        kinds = {"errors" in case for case in calc_vectors.load(name)["cases"]}
        assert kinds == {True, False}, name
    assert set(calc_vectors.CALCULATORS) == set(engine.COMPUTE)
