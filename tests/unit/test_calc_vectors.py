"""The Python calculators against the shared JSON vectors (the JS twin runs the same
vectors in the browser: tests/e2e/test_calc_js.py)."""
import pytest

from macros.calc import engine
from macros.calc.fields import FieldError, parse_number
from tests import calc_vectors


@pytest.mark.parametrize("item", calc_vectors.cases(), ids=calc_vectors.case_id)
def test_python_calculator_matches_vector(item):
    name, vector, case = item
    today, holidays = calc_vectors.context_data(vector)
    outcome = engine.run(name, case["input"], engine.context(today, holidays))
    assert calc_vectors.check(case, outcome) == []


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
