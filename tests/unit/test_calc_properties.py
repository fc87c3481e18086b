"""Property tests: whatever a reader types (or a link carries), a calculator answers
with a result of finite numbers or with known error codes — never an exception,
NaN or Infinity — and its results keep the rules the guide states."""
import datetime
import math

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from macros import lang
from macros.calc import engine
from macros.calc.specs import SPECS
from tests import calc_vectors

TODAY = datetime.date(2026, 11, 26)
CTX = engine.context(TODAY, calc_vectors.presets("es", 2026))
HOSTILE = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["", " ", "-0", "−0", "1e308", "-1e308", "1e-320", "NaN", "Infinity", "<script>alert(1)</script>",
                     "\"'", "0x1F", "2026-02-30", "2026-13-01", "9999-12-31", "0000-01-01", "24:00", "1,2,3",
                     "١٢٣", "100.000,5", "x" * 10_000]),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)


def finite_everywhere(value) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(finite_everywhere(v) for v in value.values())
    if isinstance(value, list):
        return all(finite_everywhere(v) for v in value)
    return True


def known_codes() -> set[str]:
    return {key.removeprefix("calc.error.") for key in lang.strings("es") if key.startswith("calc.error.")}


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(list(SPECS)), st.data())
def test_any_input_gets_a_finite_result_or_known_errors(name, data):
    fields = [f["name"] for f in SPECS[name]["fields"]]
    raw = {field: data.draw(HOSTILE) for field in data.draw(st.lists(st.sampled_from(fields), unique=True))}
    outcome = engine.run(name, raw, CTX)
    if "errors" in outcome:
        assert outcome["errors"], outcome
        assert {e["code"] for e in outcome["errors"].values()} <= known_codes()
        assert set(outcome["errors"]) <= set(fields)
    else:
        assert finite_everywhere(outcome["result"]), outcome


@settings(max_examples=200, deadline=None)
@given(st.floats(1, 1e12), st.integers(0, 400), st.floats(0, 100), st.floats(0, 100),
       st.one_of(st.none(), st.floats(0, 100)))
def test_penalty_never_exceeds_cap_or_amount_and_grows_with_days(amount, days, oneoff, daily, cap):
    def total(d):
        raw = {"amount": repr(amount), "days": str(d), "oneoff": repr(oneoff), "daily": repr(daily),
               "cap": "" if cap is None else repr(cap)}
        return engine.run("penalty", raw, CTX)["result"]["total"]

    now, later = total(days), total(days + 1)
    limit = amount if cap is None else min(amount, amount * cap / 100)
    assert 0 <= now <= limit * (1 + 1e-12)
    assert later >= now
    if days == 0:
        assert now == 0


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.just(0.0), st.floats(0.01, 1e9)), min_size=1, max_size=24), st.floats(0, 100),
       st.floats(0.01, 1e6))
def test_revenue_share_percentage_is_exactly_its_share(turnovers, percent, price):
    raw = {"mode": "list", "turnover": ";".join(map(repr, turnovers)), "percent": repr(percent), "price": repr(price)}
    result = engine.run("revenue-share", raw, CTX)["result"]
    for row, turnover in zip(result["rows"], turnovers, strict=True):
        assert math.isclose(row["percent"], turnover * percent / 100, rel_tol=1e-9, abs_tol=1e-9)
        assert row["minimum"] >= 20000  # the default minimum is always paid
    assert math.isclose(result["percent_total"], sum(r["percent"] for r in result["rows"]), rel_tol=1e-9, abs_tol=1e-6)


MONEY = st.one_of(st.just(0.0), st.floats(0.01, 1e6))  # amounts are 0 or at least a cent


@settings(max_examples=150, deadline=None)
@given(MONEY, MONEY, st.floats(0.1, 100), st.integers(1, 10_000))
def test_a_sale_never_costs_less_than_a_lead_and_leads_cover_the_target(social, search, conversion, target):
    raw = {"social_cpl": repr(social), "search_cpl": repr(search), "conversion": repr(conversion),
           "target": str(target)}
    result = engine.run("cost-of-sale", raw, CTX)["result"]
    for channel in result["channels"]:
        assert channel["cost_per_sale"] >= channel["cost_per_lead"] * (1 - 1e-12)
    assert result["leads"] * conversion / 100 >= target * (1 - 1e-9)
    assert (result["leads"] - 1) * conversion / 100 < target


@settings(max_examples=150, deadline=None)
@given(st.datetimes(min_value=datetime.datetime(2025, 1, 1), max_value=datetime.datetime(2028, 12, 31)),
       st.floats(0.25, 60), st.integers(0, 22 * 60))
def test_reply_is_due_after_the_message_and_inside_working_hours(sent, window, start):
    end = start + 60
    assume(end < 24 * 60)
    raw = {"sent": sent.strftime("%Y-%m-%dT%H:%M"), "window": repr(window),
           "start": f"{start // 60:02d}:{start % 60:02d}", "end": f"{end // 60:02d}:{end % 60:02d}"}
    result = engine.run("response-time", raw, CTX)["result"]
    due = datetime.datetime.fromisoformat(result["due"])
    assert due >= sent.replace(second=0, microsecond=0)
    assert start <= due.hour * 60 + due.minute <= end
    assert due.isoweekday() <= 5
