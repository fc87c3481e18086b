"""Business-day answers checked against an independent oracle: NumPy's
busday_offset / busday_count with the same working week and holidays."""
import datetime

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.calc import engine
from macros.calc.calendar import Calendar
from tests import calc_vectors

DAYS = st.dates(min_value=datetime.date(2025, 1, 1), max_value=datetime.date(2028, 12, 31))
WEEKS = st.sets(st.integers(1, 7), min_size=1, max_size=7)
HOLIDAYS = st.lists(DAYS, max_size=25)


def oracle(week, holidays):
    mask = [int(day in week) for day in range(1, 8)]
    return {"weekmask": mask, "holidays": sorted(holidays)}


def npday(value) -> datetime.date:
    return np.datetime64(value, "D").astype(datetime.date)


@settings(max_examples=300, deadline=None)
@given(DAYS, st.integers(1, 40), WEEKS, HOLIDAYS)
def test_add_working_days_matches_busday_offset(start, count, week, holidays):
    cal = Calendar(week, custom=holidays)
    # NumPy rolls a day off back to the previous working day, then moves `count` working days.
    expected = npday(np.busday_offset(start, count, roll="backward", **oracle(week, holidays)))
    assert cal.add_working_days(start, count) == expected


@settings(max_examples=300, deadline=None)
@given(DAYS, DAYS, WEEKS, HOLIDAYS)
def test_working_days_between_matches_busday_count(a, b, week, holidays):
    after, until = min(a, b), max(a, b)
    cal = Calendar(week, custom=holidays)
    one = datetime.timedelta(days=1)
    expected = int(np.busday_count(after + one, until + one, **oracle(week, holidays)))
    assert cal.working_days_between(after, until) == expected


@settings(max_examples=200, deadline=None)
@given(DAYS, st.integers(0, 23), st.integers(0, 30), WEEKS, HOLIDAYS, st.sampled_from(["", "ES", "MX", "US", "GB"]))
def test_turnaround_matches_the_oracle(day, hour, days, week, custom, country):
    presets = calc_vectors.presets("es", 2026)
    raw = {"request": f"{day.isoformat()}T{hour:02d}:00", "days": str(days), "cutoff": "18:00",
           "week": ",".join(map(str, sorted(week))), "country": country,
           "custom": ";".join(d.isoformat() for d in custom)}
    result = engine.run("turnaround", raw, engine.context(datetime.date(2026, 11, 26), presets))["result"]
    holidays = set(custom) | {datetime.date.fromisoformat(d) for d in presets.get(country, {})}
    rules = oracle(week, holidays)
    working = bool(np.is_busday(day, **rules))
    # Day 0: the request day if worked and before the cut-off, else the next working day.
    received = day if working and hour < 18 else npday(np.busday_offset(day, 1, roll="backward", **rules))
    ready = npday(np.busday_offset(received, days, roll="forward", **rules))
    live = npday(np.busday_offset(ready, 1, roll="forward", **rules))
    assert (result["received"], result["ready"], result["live"]) == (
        received.isoformat(), ready.isoformat(), live.isoformat())


@settings(max_examples=200, deadline=None)
@given(DAYS, st.integers(1, 120), st.integers(0, 15), st.integers(0, 60), WEEKS)
def test_client_delay_matches_the_oracle(start, length, deadline, wait, week):
    raw = {"start": start.isoformat(), "length": str(length), "requested": start.isoformat(),
           "deadline": str(deadline), "arrived": (start + datetime.timedelta(days=wait)).isoformat(),
           "today": start.isoformat(), "week": ",".join(map(str, sorted(week))), "country": "", "custom": ""}
    result = engine.run("client-delay", raw, engine.context(start))["result"]
    rules = oracle(week, [])
    due = npday(np.busday_offset(start, deadline, roll="backward", **rules)) if deadline else start
    arrived = start + datetime.timedelta(days=wait)
    end = start + datetime.timedelta(days=length)
    resume = min(arrived, end)
    assert result["due"] == due.isoformat()
    one = datetime.timedelta(days=1)
    late = int(np.busday_count(due + one, arrived + one, **rules)) if arrived > due else 0
    assert result["late_working_days"] == late
    assert result["working_days_left"] == int(np.busday_count(resume, end, **rules))
    assert result["lost_days"] == min(wait, length)
