"""calc_figure: prose figures come from the calculators' own code, in the page's number format."""
import pytest

from macros import figures, lang


def strings(code):
    return lang.strings(code)


@pytest.mark.parametrize("amount,oneoff,daily,days", [(100000, 10, 2, 5), (48000, 5, 1, 3), (7300, 10, 2, 0)])
def test_penalty_total_is_the_one_off_plus_the_days(amount, oneoff, daily, days):
    expected = amount * oneoff / 100 + amount * daily / 100 * days if days else 0
    value = figures.compute("penalty", "total", {"amount": amount, "oneoff": oneoff, "daily": daily, "days": days})
    assert value == pytest.approx(expected)


@pytest.mark.parametrize("code,group,decimal", [("es", ".", ","), ("en", ",", ".")])
def test_numbers_are_written_in_the_page_language(code, group, decimal):
    text = figures.figure(code, strings(code), "penalty", "total", amount=123450, oneoff=10, daily=0, days=1)
    assert text == f"12{group}345"
    share = figures.figure(code, strings(code), "revenue-share", "rows.0.percent_share", "percent",
                           turnover="1000", percent=23.3)
    assert share == strings(code)["calc.unit.percent"].format(n=f"23{decimal}3")


def test_nested_outputs_by_dotted_key():
    cost = figures.compute("cost-of-sale", "channels.1.cost_per_sale", {"search_cpl": 150, "conversion": 30})
    assert cost == pytest.approx(500)


def test_digits_round_like_the_calculators():
    text = figures.figure("en", strings("en"), "cost-of-sale", "channels.0.cost_per_sale", digits=2,
                          social_cpl=200, conversion=30)
    assert text == "666.67"


@pytest.mark.parametrize("name,key,inputs", [
    ("penalty", "no_such_output", {}),
    ("penalty", "table.9999.total", {"days": 5}),
    ("penalty", "total", {"amount": "lots"}),
    ("no-such-calculator", "total", {}),
])
def test_a_wrong_call_fails_the_build(name, key, inputs):
    with pytest.raises((KeyError, ValueError)):
        figures.figure("es", strings("es"), name, key, **inputs)


def test_unknown_kind_fails():
    with pytest.raises(ValueError):
        figures.figure("es", strings("es"), "penalty", "total", kind="roman")


@pytest.mark.parametrize("code,weekday", [("es", "miércoles"), ("en", "Wednesday")])
def test_dates_from_the_calendar_calculators(code, weekday):
    # 2 working days from Friday 5 March 2027: ready Tuesday, live the next working day.
    live = figures.figure(code, strings(code), "turnaround", "live", "weekday", request="2027-03-05T12:00", days=2)
    assert live == weekday
    due = figures.figure(code, strings(code), "response-time", "due", "time", sent="2027-03-05T23:00", window=2)
    assert due == "12:00"
    assert "2027" in figures.figure(code, strings(code), "turnaround", "live", "date", request="2027-03-05T12:00")
