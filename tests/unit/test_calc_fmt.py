"""The date template the JS twin fills (macros/calc/fmt.py): Babel's full date pattern, field for field."""
import pytest

from macros import lang
from macros.calc.fmt import date_template, locale_marks


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
