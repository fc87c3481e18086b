"""The calculators' tables as the build draws them (macros/calc/render.py; calc/render.js is its
twin, held to it by tests/e2e/test_calc_js.py's kept-example comparison)."""
import pytest

from macros import lang
from macros.calc import render, specs
from macros.calc.fmt import Formatter

ROWS_WITHOUT_HOLIDAY = [{"date": "2026-12-05", "reason": "weekend", "name": ""},
                        {"date": "2026-12-06", "reason": "weekend", "name": ""}]


@pytest.mark.parametrize("code", ["es", "en"])
def test_a_column_empty_in_every_row_is_left_out(code):
    fmt = Formatter(code, lang.strings(code))
    table = specs.SPECS["turnaround"]["table"]
    plain = render.table_html("turnaround", table, ROWS_WITHOUT_HOLIDAY, fmt)
    holiday_name = fmt.t["calc.turnaround.col.name"]
    assert plain.count("<th scope") == 2 and holiday_name not in plain
    with_holiday = ROWS_WITHOUT_HOLIDAY + [{"date": "2026-12-08", "reason": "holiday", "name": "Inmaculada"}]
    drawn = render.table_html("turnaround", table, with_holiday, fmt)
    assert drawn.count("<th scope") == 3 and holiday_name in drawn and "Inmaculada" in drawn
    assert drawn.count("<td") == 3 * len(with_holiday)  # the empty names keep their cells
