// The six calculators' math, one function per calculator, each the twin of its
// Python module in macros/calc/ (same names, same rules; tests/vectors/ hold both
// to the same answers). One file: every calculator page needs the shared helpers
// anyway, and one module costs less to ship than six.
import { isoDate, isoMinute, isoWeekday, parseDate } from "./fields.js";

// Working days: a working week (ISO weekdays) minus public and custom holidays.
// Twin of macros/calc/calendar.py. Days are day numbers (see fields.js).
const SEARCH_LIMIT = 3660;

export class NoWorkingDay extends Error {}

class Calendar {
  constructor(weekdays, holidays = new Map(), custom = []) {
    this.weekdays = new Set(weekdays);
    this.holidays = holidays; // day number → name
    this.custom = new Set(custom);
  }

  reasonOff(day) {
    if (this.custom.has(day)) return ["custom", ""];
    if (this.holidays.has(day)) return ["holiday", this.holidays.get(day)];
    if (!this.weekdays.has(isoWeekday(day))) return ["weekend", ""];
    return null;
  }

  isWorking(day) {
    return this.reasonOff(day) === null;
  }

  nextWorking(day) {
    for (let i = 0; i < SEARCH_LIMIT; i++) {
      day += 1;
      if (this.isWorking(day)) return day;
    }
    throw new NoWorkingDay();
  }

  addWorkingDays(day, count) {
    for (let i = 0; i < count; i++) day = this.nextWorking(day);
    return day;
  }

  workingDaysBetween(after, until) {
    if (until <= after) return 0;
    if (until - after > SEARCH_LIMIT * 2) throw new NoWorkingDay();
    let count = 0;
    for (let day = after + 1; day <= until; day++) count += this.isWorking(day) ? 1 : 0;
    return count;
  }

  daysOff(first, last) {
    const out = [];
    for (let day = first; day <= last; day++) {
      const reason = this.reasonOff(day);
      if (reason) out.push({ date: isoDate(day), reason: reason[0], name: reason[1] });
    }
    return out;
  }
}

function fromInputs(values, presets) {
  const holidays = new Map(
    Object.entries(presets[values.country || ""] || {}).map(([iso, name]) => [parseDate(iso), name]),
  );
  return new Calendar(values.week, holidays, values.custom || []);
}

// Edit turnaround. Twin of macros/calc/turnaround.py (see its docstring for the rules).

function turnaround(v, ctx) {
  const cal = fromInputs(v, ctx.holidays);
  const day = Math.floor(v.request / 1440);
  const afterCutoff = v.cutoff !== null && v.request % 1440 >= v.cutoff;
  const received = cal.isWorking(day) && !afterCutoff ? day : cal.nextWorking(day);
  const ready = cal.addWorkingDays(received, v.days);
  const live = cal.nextWorking(ready);
  const skipped = cal.daysOff(day, live);
  if (afterCutoff && cal.isWorking(day)) skipped.unshift({ date: isoDate(day), reason: "after_cutoff", name: "" });
  return {
    received: isoDate(received),
    ready: isoDate(ready),
    live: isoDate(live),
    days: v.days,
    calendar_days: live - day,
    skipped,
  };
}

// Response time. Twin of macros/calc/response_time.py.

function responseTime(v, ctx) {
  if (v.end <= v.start) return { errors: { end: "end_not_after_start" } };
  const cal = fromInputs(v, ctx.holidays);
  const window = Math.round(v.window * 60);
  let remaining = window;
  let moment = v.sent;
  let countingFrom = null;
  for (let i = 0; i < SEARCH_LIMIT; i++) {
    const day = Math.floor(moment / 1440);
    const opens = day * 1440 + v.start;
    const closes = day * 1440 + v.end;
    if (cal.isWorking(day) && moment < closes) {
      moment = Math.max(moment, opens);
      countingFrom ??= moment;
      const available = closes - moment;
      if (remaining <= available) {
        const due = moment + remaining;
        return {
          due: isoMinute(due),
          counting_from: isoMinute(countingFrom),
          working_minutes: window,
          elapsed_minutes: due - v.sent,
        };
      }
      remaining -= available;
    }
    moment = (day + 1) * 1440;
  }
  return { errors: { week: "no_working_day" } };
}

// Client delay. Twin of macros/calc/client_delay.py.

function clientDelay(v, ctx) {
  const { start, requested, arrived } = v;
  if (arrived !== null && arrived < requested) return { errors: { arrived: "before_request" } };
  if (v.today < requested && arrived === null) return { errors: { today: "before_request" } };
  const cal = fromInputs(v, ctx.holidays);
  const end = start + v.length; // first day after the term
  const due = cal.addWorkingDays(requested, v.deadline);
  const answer = arrived ?? v.today;
  const blockedFrom = Math.max(start, requested);
  const lost = Math.min(Math.max(answer, blockedFrom), end) - blockedFrom;
  const resume = Math.min(Math.max(answer, start), end);
  return {
    end: isoDate(end - 1),
    due: isoDate(due),
    waiting: arrived === null,
    late_days: Math.max(0, answer - due),
    late_working_days: cal.workingDaysBetween(due, answer),
    lost_days: lost,
    lost_share: (100 * lost) / v.length,
    days_left: end - resume,
    working_days_left: cal.workingDaysBetween(resume - 1, end - 1),
    pause_from: answer > due ? isoDate(cal.nextWorking(due)) : null,
    deemed_rendered: answer >= end,
  };
}

// Late penalty. Twin of macros/calc/penalty.py.

const TABLE_ROWS = 366;

function lateDays(v, ctx) {
  const { due, delivered } = v;
  if (due === null && delivered === null) return v.days;
  if (due === null || delivered === null) return { errors: { [due === null ? "due" : "delivered"]: "both_dates" } };
  if (v.basis === "business") return fromInputs(v, ctx.holidays).workingDaysBetween(due, delivered);
  return Math.max(0, delivered - due);
}

function penalty(v, ctx) {
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
  for (let d = 1; d <= Math.min(days, TABLE_ROWS); d++) table.push({ day: d, total: totalAfter(d) });
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
    table_cut: days > TABLE_ROWS,
  };
}

// Revenue share: fixed fee vs % of turnover vs minimum plus bonus. Twin of macros/calc/revenue_share.py.
const MODELS = ["fixed", "percent", "minimum"];

function revenueShare(v) {
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

// Cost of a sale per channel. Twin of macros/calc/cost_of_sale.py.
function costOfSale(v) {
  const rate = v.conversion / 100;
  if (rate <= 0) return { errors: { conversion: "zero_conversion" } };
  const leads = Math.ceil(v.target / rate - 1e-9);
  const channels = ["social", "search"].map((channel) => {
    const costPerLead = v[`${channel}_cpl`];
    const perSale = costPerLead / rate;
    return {
      channel,
      cost_per_lead: costPerLead,
      cost_per_sale: perSale,
      budget: leads * costPerLead,
      share_of_sale: (100 * perSale) / v.average_sale,
    };
  });
  const cheaper = channels.reduce((a, b) => (b.cost_per_sale < a.cost_per_sale ? b : a));
  return {
    leads,
    channels,
    cheaper: cheaper.channel,
    cheaper_cost_per_sale: cheaper.cost_per_sale,
    cheaper_budget: cheaper.budget,
    over_price: cheaper.cost_per_sale >= v.average_sale,
  };
}

export const COMPUTE = {
  turnaround,
  "response-time": responseTime,
  "client-delay": clientDelay,
  penalty,
  "revenue-share": revenueShare,
  "cost-of-sale": costOfSale,
};
