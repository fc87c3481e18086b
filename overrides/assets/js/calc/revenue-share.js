// Revenue share: fixed fee vs % of turnover vs minimum plus bonus. Twin of macros/calc/revenue_share.py.
const MODELS = ["fixed", "percent", "minimum"];

export function compute(v) {
  const series = v.mode === "list"
    ? v.turnover
    : Array.from({ length: v.months }, (_, m) => v.start_value * (1 + v.growth / 100) ** m);
  if (series.some((t) => !Number.isFinite(t) || t > 1e15)) return { errors: { growth: "result_too_large" } };
  const bonusPerSale = v.bonus_type === "percent" ? (v.price * v.bonus) / 100 : v.bonus;
  const totals = { fixed: 0, percent: 0, minimum: 0 };
  const rows = [];
  let overtake = null;
  series.forEach((turnover, i) => {
    const units = Math.floor(turnover / v.price + 1e-9);
    const extra = Math.max(0, units - v.threshold);
    const pay = { fixed: v.fixed, percent: (turnover * v.percent) / 100, minimum: v.minimum + extra * bonusPerSale };
    if (v.cap !== null) {
      pay.percent = Math.min(pay.percent, v.cap);
      pay.minimum = Math.max(v.minimum, Math.min(pay.minimum, v.cap));
    }
    const row = { month: i + 1, turnover, units, ...pay };
    for (const m of MODELS) {
      totals[m] += pay[m];
      row[`${m}_cumulative`] = totals[m];
    }
    for (const m of MODELS) row[`${m}_share`] = turnover ? (100 * pay[m]) / turnover : null;
    if (overtake === null && pay.percent > pay.fixed) overtake = i + 1;
    rows.push(row);
  });
  const last = rows[rows.length - 1];
  const out = { months: rows.length, rows };
  for (const m of MODELS) out[`${m}_total`] = totals[m];
  return Object.assign(out, {
    overtake_month: overtake,
    times_fixed: v.fixed ? last.percent / v.fixed : null,
    last_turnover: last.turnover,
    last_percent: last.percent,
    bonus_per_sale: bonusPerSale,
    cheapest: MODELS.reduce((a, b) => (totals[b] < totals[a] ? b : a)),
  });
}
