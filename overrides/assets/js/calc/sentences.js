// The sentence under a calculator's result, the text a reader copies into a proposal.
// Twin of macros/calc/sentences.py (see it for the rules); the vectors hold both to the same text.

function daysOffNote(first, last, v, f, presets) {
  const country = v.country || "";
  const of = f.t[`calc.common.holidays_of.${country}`];
  const notes = [];
  const days = presets[country];
  if (!country) notes.push(f.t["calc.common.no_holidays"]);
  else if (!days || typeof days !== "object") notes.push(f.text("calc.common.holidays_missing", { country: of }));
  else {
    const fell = Object.keys(days).filter((day) => first <= day && day <= last).sort()
      .map((day) => `${f.value("date", day)} (${days[day]})`);
    notes.push(fell.length ? f.text("calc.common.holidays_skipped", { country: of, days: f.join(fell) })
      : f.text("calc.common.holidays_none_fell", { country: of }));
  }
  const own = (v.custom || []).filter((day) => first <= day && day <= last).map((day) => f.value("date", day));
  if (own.length) notes.push(f.text("calc.common.custom_skipped", { days: f.join(own) }));
  return notes.join(" ");
}

function turnaround(r, v, f, presets) {
  const day = v.request.slice(0, 10);
  const out = [f.text("calc.turnaround.sentence", {
    request: f.value("datetime", v.request), days: f.count("calc.unit.business_days", r.days),
    ready: f.value("date", r.ready), live: f.value("date", r.live),
  })];
  const received = f.value("date", r.received);
  if (r.skipped[0]?.reason === "after_cutoff") out.push(f.text("calc.turnaround.after_cutoff", { cutoff: f.time(v.cutoff), received }));
  else if (r.received !== day) out.push(f.text("calc.turnaround.day_off", { received }));
  out.push(daysOffNote(day, r.live, v, f, presets));
  return out.join(" ");
}

function responseTime(r, v, f, presets) {
  const out = [f.text("calc.response-time.sentence", {
    sent: f.value("datetime", v.sent), window: f.count("calc.unit.working_hours", v.window, 2), due: f.value("datetime", r.due),
  })];
  if (r.counting_from !== v.sent) {
    out.push(f.text("calc.response-time.clock_starts", { counting_from: f.value("datetime", r.counting_from) }));
  }
  out.push(daysOffNote(v.sent.slice(0, 10), r.due.slice(0, 10), v, f, presets));
  return out.join(" ");
}

function clientDelay(r, v, f) {
  const out = [f.text(r.waiting ? "calc.client-delay.sentence_waiting" : "calc.client-delay.sentence", {
    today: f.value("date", v.today), lost_days: f.value("days", r.lost_days), lost_share: f.value("percent", r.lost_share),
    left: f.count("calc.unit.days_remain", r.days_left), end: f.value("date", r.end),
  })];
  if (r.deemed_rendered) out.push(f.t["calc.client-delay.warn.deemed_rendered"]);
  return out.join(" ");
}

function penalty(r, v, f) {
  const amount = f.value("money", v.amount);
  if (r.days === 0) return f.text("calc.penalty.sentence_on_time", { amount });
  const parts = {
    amount, late: f.count(v.basis === "business" ? "calc.unit.business_days" : "calc.unit.days", r.days),
    total: f.value("money", r.total), one_off: f.value("money", r.one_off), daily_total: f.value("money", r.daily_total),
    cap: f.value("percent", v.cap), cap_day: f.value("int", r.cap_day), uncapped: f.value("money", r.uncapped),
  };
  if (!r.capped) return f.text("calc.penalty.sentence", parts);
  const ownCap = v.cap !== null && r.limit < v.amount; // else the amount itself is the limit
  return f.text(ownCap ? "calc.penalty.sentence_cap" : "calc.penalty.sentence_whole", parts);
}

const MODELS = ["fixed", "percent", "minimum"];

function revenueShare(r, v, f) {
  const last = { percent: f.value("percent", v.percent), last_turnover: f.value("money", r.last_turnover),
    last_percent: f.value("money", r.last_percent) };
  const times = r.times_fixed;
  let comparison;
  if (times === null) comparison = null;
  else if (f.number(times, 2) === f.number(1, 2)) comparison = f.t["calc.revenue-share.same_as_fixed"];
  else if (times > 1) comparison = f.text("calc.revenue-share.more_than_fixed", { times: f.count("calc.unit.times", times, 2) });
  else if (f.value("percent", 100 * times) === f.t["calc.unit.percent_under"]) { // not "el menos de … % de"
    comparison = f.t["calc.revenue-share.under_share_of_fixed"];
  } else comparison = f.text("calc.revenue-share.share_of_fixed", { share: f.value("percent", 100 * times) });
  const out = [f.text(comparison === null ? "calc.revenue-share.sentence_no_fixed" : "calc.revenue-share.sentence",
    { ...last, comparison })];
  const least = Math.min(...MODELS.map((m) => r[`${m}_total`]));
  const cheapest = MODELS.filter((m) => r[`${m}_total`] === least).map((m) => f.t[`calc.revenue-share.model.${m}`]);
  out.push(f.text("calc.revenue-share.totals", {
    months: f.count("calc.unit.months", r.months),
    ...Object.fromEntries(MODELS.map((m) => [m, f.value("money", r[`${m}_total`])])),
    cheapest: cheapest.length > 1 ? f.text("calc.revenue-share.cheapest_tie", { models: f.join(cheapest) })
      : f.text("calc.revenue-share.cheapest", { model: cheapest[0] }),
  }));
  return out.join(" ");
}

function costOfSale(r, v, f) {
  const tie = new Set(r.channels.map((c) => c.cost_per_sale)).size === 1;
  return f.text(tie ? "calc.cost-of-sale.sentence_tie" : "calc.cost-of-sale.sentence", {
    conversion: f.value("percent", v.conversion), cost: f.value("money", r.cheaper_cost_per_sale),
    channel: f.t[`calc.key.${r.cheaper}`], target: f.count("calc.unit.sales", v.target),
    leads: f.count("calc.unit.leads", r.leads), budget: f.value("money", r.cheaper_budget),
  });
}

const WRITERS = {
  turnaround, "response-time": responseTime, "client-delay": clientDelay, penalty, "revenue-share": revenueShare,
  "cost-of-sale": costOfSale,
};

// f: a formatter (format.js) made with the result's currency; presets: ctx.holidays.
export const writeSentence = (name, result, values, f, presets) => WRITERS[name](result, values, f, presets);
