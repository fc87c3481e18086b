"""The date template the JS twin fills (macros/calc/fmt.py): Babel's full date pattern, field for field."""
import json
import re

import pytest

from macros import lang
from macros.calc.fmt import Formatter, date_template, locale_marks
from tests.calc_vectors import VECTORS


def test_spanish_and_english_templates():
    assert locale_marks("es")["date"] == "{weekday}, {day} de {month} de {year}"
    assert locale_marks("en")["date"] == "{weekday}, {day} {month} {year}"


@pytest.mark.parametrize("pattern", ["EEEE, dd/MM/yyyy", "EEE d MMM y", "EEEE d MMMM y G"])
def test_a_field_the_js_cannot_fill_fails_the_build(pattern):
    with pytest.raises(ValueError, match="date field"):
        date_template(pattern)


def test_literal_text_is_kept_and_cannot_open_a_placeholder():
    assert date_template("EEEE 'der {x}' d") == "{weekday} der (x) {day}"


@pytest.mark.parametrize("code", lang.LOCALES)
def test_names_are_complete_and_monday_first(code):
    marks = locale_marks(code)
    assert len(marks["weekdays"]) == 7 and len(marks["months"]) == 12
    assert marks["weekdays"][0] == {"es": "lunes", "en": "Monday"}[code]
    assert marks["months"][11] == {"es": "diciembre", "en": "December"}[code]


@pytest.mark.parametrize("code", lang.LOCALES)
@pytest.mark.parametrize("value", [1e21, 1.5e22, -3.4e25, 1e-7, 5e-324, 1e-310])
def test_numbers_never_use_exponent_notation(code, value):
    fmt = Formatter(code, lang.strings(code))
    for text in (fmt.number(value), fmt.value("int", value), fmt.value("money", value)):
        assert re.fullmatch("-?[0-9][0-9.,]*", text), text


@pytest.mark.parametrize(("code", "value", "digits", "expected"), [
    ("es", 1, 0, "1 día"), ("es", 2, 0, "2 días"), ("es", 1_000_000, 0, "1.000.000 de días"),
    ("es", 0.96, 2, "0,96 días"), ("es", 1.004, 2, "1 día"), ("en", 1, 0, "1 day"), ("en", 0, 0, "0 days"),
    ("en", 1.5, 1, "1.5 days"), ("en", 1_000_000, 0, "1,000,000 days"),
])
def test_counted_words_take_the_plural_rule_of_the_number_as_written(code, value, digits, expected):
    assert Formatter(code, lang.strings(code)).count("calc.unit.days", value, digits) == expected


# A ratio (revenue share: the percentage against the fixed fee) that rounds to 0 at two places.
TINY_RATIOS = {"es": "menos de 0,01 veces", "en": "less than 0.01 times"}


@pytest.mark.parametrize("code", lang.LOCALES)
def test_a_ratio_that_rounds_to_0_is_less_than_0_01_times_never_0_times(code):
    f = Formatter(code, lang.strings(code))
    assert [f.value("times", v) for v in (0, 0.0001, 0.00499)] == [TINY_RATIOS[code]] * 3
    assert f.value("times", 0.005) == {"es": "0,01 veces", "en": "0.01 times"}[code]
    assert f.value("times", 1) == {"es": "1 vez", "en": "1 time"}[code]


@pytest.mark.parametrize("code", lang.LOCALES)
def test_percentages_read_as_the_vectors_say_never_0_for_a_value_that_is_not_0(code):
    f = Formatter(code, lang.strings(code))
    cases = json.loads((VECTORS / "percent.json").read_text(encoding="utf-8"))["cases"]
    assert [(c["value"], f.value("percent", c["value"])) for c in cases] == [(c["value"], c[code]) for c in cases]
    assert any(c["value"] and c["value"] < 0.05 for c in cases)
