"""Client delay: what a late answer (information, access) costs the contract.

The client had `deadline` working days from the request to answer. The days
from the request (or the contract start, if later) until the answer are lost
to the work; the specialist may pause from the first working day after the
missed deadline; if the answer arrives on or after the end of the term, the
"deemed rendered and accepted" clause would close the contract as it stands.
A one-month contract that waits a week for access keeps about three weeks.
"""
import datetime

from macros.calc import calendar
from macros.calc.calendar import ONE_DAY
from macros.calc.errors import InputError


def compute(v: dict, ctx: dict) -> dict:
    start, requested = v["start"], v["requested"]
    arrived = v.get("arrived")
    if arrived is not None and arrived < requested:
        raise InputError({"arrived": "before_request"})
    if v["today"] < requested and arrived is None:
        raise InputError({"today": "before_request"})
    cal = calendar.from_inputs(v, ctx["holidays"])
    end = start + datetime.timedelta(days=v["length"])  # first day after the term
    due = cal.add_working_days(requested, v["deadline"])
    answer = arrived if arrived is not None else v["today"]

    blocked_from = max(start, requested)
    blocked_until = min(max(answer, blocked_from), end)
    lost = (blocked_until - blocked_from).days
    resume = min(max(answer, start), end)
    return {
        "end": end - ONE_DAY,
        "due": due,
        "waiting": arrived is None,
        "late_days": max(0, (answer - due).days),
        "late_working_days": cal.working_days_between(due, answer),
        "lost_days": lost,
        "lost_share": 100 * lost / v["length"],
        "days_left": (end - resume).days,
        "working_days_left": cal.working_days_between(resume - ONE_DAY, end - ONE_DAY),
        "pause_from": cal.next_working(due) if answer > due else None,
        "deemed_rendered": answer >= end,
    }
