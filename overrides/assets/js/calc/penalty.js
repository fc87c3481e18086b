import { fromInputs } from "./calendar.js";

// Late penalty. Twin of macros/calc/penalty.py.

function lateDays(v, ctx) {
  const { due, delivered } = v;
  if (due === null && delivered === null) return v.days;
  if (due === null || delivered === null) return { errors: { [due === null ? "due" : "delivered"]: "both_dates" } };
  if (v.basis === "business") return fromInputs(v, ctx).workingDaysBetween(due, delivered);
  return Math.max(0, delivered - due);
}

export function compute(v, ctx) {
  const days = lateDays(v, ctx);
  if (days.errors) return days;
  const amount = v.amount;
  const limit = v.cap === null ? amount : Math.min(amount, (amount * v.cap) / 100);
  const oneOff = days > 0 ? (amount * v.oneoff) / 100 : 0;
  const perDay = (amount * v.daily) / 100;
  const totalAfter = (day) => Math.min(limit, day > 0 ? (amount * v.oneoff) / 100 + perDay * day : 0);
  const uncapped = oneOff + perDay * days;
  let capDay = null;
  for (let d = 1; d <= days && capDay === null; d++) if (oneOff + perDay * d >= limit) capDay = d;
  const table = [];
  const rows = ctx.limits.table_rows;
  for (let d = 1; d <= Math.min(days, rows); d++) table.push({ day: d, total: totalAfter(d) });
  return {
    days,
    one_off: oneOff,
    per_day: perDay,
    daily_total: perDay * days,
    uncapped,
    total: totalAfter(days),
    limit,
    capped: uncapped > limit,
    reaches_amount: uncapped >= amount && amount > 0,
    share: (100 * totalAfter(days)) / amount,
    cap_day: capDay,
    table,
    table_cut: days > rows,
  };
}
