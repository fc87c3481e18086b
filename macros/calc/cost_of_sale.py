"""Cost of a sale: from cost per lead and conversion to budget, per channel.

A lead at 150 that converts to a sale 30% of the time means one sale costs
150 ÷ 0.30 = 500. To close the target, you need target ÷ conversion leads
(rounded up), and that many leads times their cost as budget.
"""
import math

from macros.calc.errors import InputError

CHANNELS = ("social", "search")


def compute(v: dict, ctx: dict) -> dict:
    rate = v["conversion"] / 100
    if rate <= 0:
        raise InputError({"conversion": "zero_conversion"})
    leads = math.ceil(v["target"] / rate - 1e-9)
    channels = []
    for channel in CHANNELS:
        cost_per_lead = v[f"{channel}_cpl"]
        per_sale = cost_per_lead / rate
        channels.append({
            "channel": channel,
            "cost_per_lead": cost_per_lead,
            "cost_per_sale": per_sale,
            "budget": leads * cost_per_lead,
            "share_of_sale": 100 * per_sale / v["average_sale"],
        })
    cheaper = min(channels, key=lambda c: c["cost_per_sale"])
    return {
        "leads": leads,
        "channels": channels,
        "cheaper": cheaper["channel"],
        "cheaper_cost_per_sale": cheaper["cost_per_sale"],
        "cheaper_budget": cheaper["budget"],
        "over_price": cheaper["cost_per_sale"] >= v["average_sale"],
    }
