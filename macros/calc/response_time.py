"""Response time: when a reply is due, counting only working hours.

The reply window (hours) runs only inside the working day (start–end) of
working days. A message on Friday at 23:00 with a 2-hour window, Mon–Fri
10:00–19:00, is due on Monday at 12:00.
"""
import datetime

from macros.calc import calendar
from macros.calc.errors import InputError


def compute(v: dict, ctx: dict) -> dict:
    if v["end"] <= v["start"]:
        raise InputError({"end": "end_not_after_start"})
    cal = calendar.from_inputs(v, ctx["holidays"])
    sent = v["sent"]
    remaining = round(v["window"] * 60)  # minutes
    moment = sent
    counting_from = None
    for _ in range(calendar.SEARCH_LIMIT):
        day = moment.date()
        midnight = datetime.datetime.combine(day, datetime.time())
        opens = midnight + datetime.timedelta(minutes=v["start"])
        closes = midnight + datetime.timedelta(minutes=v["end"])
        if cal.is_working(day) and moment < closes:
            moment = max(moment, opens)
            counting_from = counting_from or moment
            available = int((closes - moment).total_seconds() // 60)
            if remaining <= available:
                due = moment + datetime.timedelta(minutes=remaining)
                return {
                    "due": due,
                    "counting_from": counting_from,
                    "working_minutes": round(v["window"] * 60),
                    "elapsed_minutes": int((due - sent).total_seconds() // 60),
                }
            remaining -= available
        moment = midnight + datetime.timedelta(days=1)
    raise InputError({"week": "no_working_day"})
