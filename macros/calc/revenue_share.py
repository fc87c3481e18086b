"""Revenue share: what each way of paying costs as monthly turnover changes.

Three models side by side, month by month: a fixed fee; a percentage of
turnover; a minimum fee plus a bonus for every sale beyond a monthly threshold
(units = turnover ÷ average sale price, rounded down). An optional cap limits
the monthly payout of the percentage and bonus models (never below the minimum).
At 10%, turnovers of 100 000, 400 000 and 10 000 000 pay 10 000, 40 000 and
1 000 000 — which is why a flat percentage stings as a business grows.
"""
import math

from macros.calc.errors import InputError

MODELS = ("fixed", "percent", "minimum")


def turnover_series(v: dict) -> list[float]:
    if v["mode"] == "list":
        return v["turnover"]
    return [v["start_value"] * (1 + v["growth"] / 100) ** month for month in range(v["months"])]


def compute(v: dict, ctx: dict) -> dict:
    series = turnover_series(v)
    if any(math.isinf(t) or t > 1e15 for t in series):
        raise InputError({"growth": "result_too_large"})
    bonus_per_sale = v["price"] * v["bonus"] / 100 if v["bonus_type"] == "percent" else v["bonus"]
    cap = v.get("cap")

    rows, totals = [], dict.fromkeys(MODELS, 0.0)
    overtake = None
    for month, turnover in enumerate(series, start=1):
        units = math.floor(turnover / v["price"] + 1e-9)
        extra = max(0, units - v["threshold"])
        pay = {
            "fixed": v["fixed"],
            "percent": turnover * v["percent"] / 100,
            "minimum": v["minimum"] + extra * bonus_per_sale,
        }
        if cap is not None:
            pay["percent"] = min(pay["percent"], cap)
            pay["minimum"] = max(v["minimum"], min(pay["minimum"], cap))
        for model in MODELS:
            totals[model] += pay[model]
        if overtake is None and pay["percent"] > pay["fixed"]:
            overtake = month
        rows.append({
            "month": month,
            "turnover": turnover,
            "units": units,
            **pay,
            **{f"{m}_cumulative": totals[m] for m in MODELS},
            **{f"{m}_share": (100 * pay[m] / turnover if turnover else None) for m in MODELS},
        })
    last = rows[-1]
    return {
        "months": len(rows),
        "rows": rows,
        **{f"{m}_total": totals[m] for m in MODELS},
        "overtake_month": overtake,
        "times_fixed": last["percent"] / v["fixed"] if v["fixed"] else None,
        "last_turnover": last["turnover"],
        "last_percent": last["percent"],
        "bonus_per_sale": bonus_per_sale,
        "cheapest": min(MODELS, key=lambda m: totals[m]),
    }
