"""Edit turnaround: when agreed changes are ready and when they go live.

The day a request arrives counts as day 0 if it is a working day and the request
came before the cut-off time; otherwise the next working day is day 0. The
changes are ready at the end of the N-th working day after day 0 and go live on
the next working day. A Friday request with a 2-day turnaround: ready Tuesday,
live Wednesday, as in the guide's Kazan case.
"""
from macros.calc import calendar


def compute(v: dict, ctx: dict) -> dict:
    cal = calendar.from_inputs(v, ctx["holidays"])
    request = v["request"]
    day = request.date()
    minute = request.hour * 60 + request.minute
    after_cutoff = v.get("cutoff") is not None and minute >= v["cutoff"]
    received = day if cal.is_working(day) and not after_cutoff else cal.next_working(day)
    ready = cal.add_working_days(received, v["days"])
    live = cal.next_working(ready)

    skipped = [{"date": d, "reason": reason, "name": name} for d, reason, name in cal.days_off(day, live)]
    if after_cutoff and cal.is_working(day):
        skipped.insert(0, {"date": day, "reason": "after_cutoff", "name": ""})
    return {
        "received": received,
        "ready": ready,
        "live": live,
        "days": v["days"],
        "calendar_days": (live - day).days,
        "skipped": skipped,
    }
