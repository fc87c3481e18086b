"""The sentence under a calculator's result: what a reader copies into a chat or a proposal.

One function per calculator picks the wording that is true for this result (no delay, cap
reached, cut-off passed, which holidays were skipped) and counts words with the language's
plural rule. The JS twin is assets/js/calc/sentences.js; the vectors hold both to the same text.

    write("penalty", result, values, Formatter("en", strings), presets) → "With an amount of …"

`result` and `values` are the JSON shape engine.run returns; `presets` the country holidays
the result was worked out with ({country: {ISO date: name}}).
"""


def days_off_note(first: str, last: str, values: dict, f, presets: dict) -> str:
    """Which holidays and own days off between two ISO dates the result skipped, or that none applied."""
    country = values.get("country") or ""
    notes = []
    if not country:
        notes.append(f.t["calc.common.no_holidays"])
    elif not isinstance(presets.get(country), dict):  # the browser could not load them
        notes.append(f.text("calc.common.holidays_missing", country=f.t[f"calc.common.holidays_of.{country}"]))
    else:
        days = [f"{f.value('date', day)} ({name})" for day, name in sorted(presets[country].items())
                if first <= day <= last]
        name = f.t[f"calc.common.holidays_of.{country}"]
        notes.append(f.text("calc.common.holidays_skipped", country=name, days=f.join(days)) if days
                     else f.text("calc.common.holidays_none_fell", country=name))
    own = [f.value("date", day) for day in values.get("custom") or () if first <= day <= last]
    if own:
        notes.append(f.text("calc.common.custom_skipped", days=f.join(own)))
    return " ".join(notes)


def turnaround(r, v, f, presets):
    day = v["request"][:10]
    out = [f.text("calc.turnaround.sentence", request=f.value("datetime", v["request"]),
                  days=f.count("calc.unit.business_days", r["days"]),
                  ready=f.value("date", r["ready"]), live=f.value("date", r["live"]))]
    if r["skipped"] and r["skipped"][0]["reason"] == "after_cutoff":
        out.append(f.text("calc.turnaround.after_cutoff", cutoff=f.time(v["cutoff"]),
                          received=f.value("date", r["received"])))
    elif r["received"] != day:
        out.append(f.text("calc.turnaround.day_off", received=f.value("date", r["received"])))
    out.append(days_off_note(day, r["live"], v, f, presets))
    return " ".join(out)


def response_time(r, v, f, presets):
    out = [f.text("calc.response-time.sentence", sent=f.value("datetime", v["sent"]),
                  window=f.count("calc.unit.working_hours", v["window"], 2), due=f.value("datetime", r["due"]))]
    if r["counting_from"] != v["sent"]:
        out.append(f.text("calc.response-time.clock_starts", counting_from=f.value("datetime", r["counting_from"])))
    out.append(days_off_note(v["sent"][:10], r["due"][:10], v, f, presets))
    return " ".join(out)


def client_delay(r, v, f, presets):
    key = "calc.client-delay.sentence_waiting" if r["waiting"] else "calc.client-delay.sentence"
    out = [f.text(key, today=f.value("date", v["today"]), lost_days=f.value("days", r["lost_days"]),
                  lost_share=f.value("percent", r["lost_share"]), left=f.count("calc.unit.days_remain", r["days_left"]),
                  end=f.value("date", r["end"]))]
    if r["deemed_rendered"]:
        out.append(f.t["calc.client-delay.warn.deemed_rendered"])
    return " ".join(out)


def penalty(r, v, f, presets):
    amount = f.value("money", v["amount"])
    if r["days"] == 0:
        return f.text("calc.penalty.sentence_on_time", amount=amount)
    unit = "calc.unit.business_days" if v["basis"] == "business" else "calc.unit.days"
    parts = {"amount": amount, "late": f.count(unit, r["days"]), "total": f.value("money", r["total"]),
             "one_off": f.value("money", r["one_off"]), "daily_total": f.value("money", r["daily_total"])}
    if not r["capped"]:
        return f.text("calc.penalty.sentence", **parts)
    own_cap = v["cap"] is not None and r["limit"] < v["amount"]  # else the amount itself is the limit
    return f.text("calc.penalty.sentence_cap" if own_cap else "calc.penalty.sentence_whole", **parts,
                  cap=f.value("percent", v["cap"]), cap_day=f.value("int", r["cap_day"]),
                  uncapped=f.value("money", r["uncapped"]))


def revenue_share(r, v, f, presets):
    last = {"percent": f.value("percent", v["percent"]), "last_turnover": f.value("money", r["last_turnover"]),
            "last_percent": f.value("money", r["last_percent"])}
    if r["times_fixed"] is None:
        out = [f.text("calc.revenue-share.sentence_no_fixed", **last)]
    else:
        times = r["times_fixed"]
        if f.number(times, 2) == f.number(1, 2):  # as written: 0.999 is "about the same", not "1 times"
            comparison = f.t["calc.revenue-share.same_as_fixed"]
        elif times > 1:
            comparison = f.text("calc.revenue-share.more_than_fixed", times=f.count("calc.unit.times", times, 2))
        elif f.value("percent", 100 * times) == f.t["calc.unit.percent_under"]:  # not "el menos de … % de"
            comparison = f.t["calc.revenue-share.under_share_of_fixed"]
        else:
            comparison = f.text("calc.revenue-share.share_of_fixed", share=f.value("percent", 100 * times))
        out = [f.text("calc.revenue-share.sentence", **last, comparison=comparison)]
    models = ("fixed", "percent", "minimum")
    least = min(r[f"{m}_total"] for m in models)
    cheapest = [f.t[f"calc.revenue-share.model.{m}"] for m in models if r[f"{m}_total"] == least]
    out.append(f.text("calc.revenue-share.totals", months=f.count("calc.unit.months", r["months"]),
                      **{m: f.value("money", r[f"{m}_total"]) for m in models},
                      cheapest=f.text("calc.revenue-share.cheapest_tie", models=f.join(cheapest)) if len(cheapest) > 1
                      else f.text("calc.revenue-share.cheapest", model=cheapest[0])))
    return " ".join(out)


def cost_of_sale(r, v, f, presets):
    costs = {c["cost_per_sale"] for c in r["channels"]}
    return f.text("calc.cost-of-sale.sentence_tie" if len(costs) == 1 else "calc.cost-of-sale.sentence",
                  conversion=f.value("percent", v["conversion"]), cost=f.value("money", r["cheaper_cost_per_sale"]),
                  channel=f.t[f"calc.key.{r['cheaper']}"], target=f.count("calc.unit.sales", v["target"]),
                  leads=f.count("calc.unit.leads", r["leads"]), budget=f.value("money", r["cheaper_budget"]))


WRITERS = {
    "turnaround": turnaround,
    "response-time": response_time,
    "client-delay": client_delay,
    "penalty": penalty,
    "revenue-share": revenue_share,
    "cost-of-sale": cost_of_sale,
}


def write(name: str, result: dict, values: dict, fmt, presets: dict) -> str:
    fmt.currency = values.get("cur") or ""
    return WRITERS[name](result, values, fmt, presets)
