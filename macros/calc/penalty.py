"""Late penalty: a one-off fine plus a daily rate, optionally capped.

Both rates are percentages of the contract amount. With 10% + 2% a day,
100 000 and 5 days late cost 10 000 + 5 × 2 000 = 20 000. The penalty never
exceeds the cap (a % of the amount) nor the amount itself.
"""
from macros.calc import calendar
from macros.calc.errors import InputError
from macros.calc.limits import LIMITS

TABLE_ROWS = LIMITS["table_rows"]


def late_days(v: dict, ctx: dict) -> int:
    due, delivered = v.get("due"), v.get("delivered")
    if due is None and delivered is None:
        return v["days"]
    if due is None or delivered is None:
        raise InputError({"due" if due is None else "delivered": "both_dates"})
    if v["basis"] == "business":
        return calendar.from_inputs(v, ctx["holidays"]).working_days_between(due, delivered)
    return max(0, (delivered - due).days)


def compute(v: dict, ctx: dict) -> dict:
    amount, days = v["amount"], late_days(v, ctx)
    limit = amount if v.get("cap") is None else min(amount, amount * v["cap"] / 100)
    one_off = amount * v["oneoff"] / 100 if days > 0 else 0.0
    per_day = amount * v["daily"] / 100

    def total_after(day: int) -> float:
        return min(limit, (amount * v["oneoff"] / 100 + per_day * day) if day > 0 else 0.0)

    uncapped = one_off + per_day * days
    total = total_after(days)
    cap_day = next((d for d in range(1, days + 1) if one_off + per_day * d >= limit), None) if days else None
    return {
        "days": days,
        "one_off": one_off,
        "per_day": per_day,
        "daily_total": per_day * days,
        "uncapped": uncapped,
        "total": total,
        "limit": limit,
        "capped": uncapped > limit,
        "reaches_amount": uncapped >= amount > 0,
        "share": 100 * total / amount,
        "cap_day": cap_day,
        "table": [{"day": d, "total": total_after(d)} for d in range(1, min(days, TABLE_ROWS) + 1)],
        "table_cut": days > TABLE_ROWS,
    }
