import { fromInputs } from "./calendar.js";
import { isoDate } from "./fields.js";

// Client delay. Twin of macros/calc/client_delay.py.

export function compute(v, ctx) {
  const { start, requested, arrived } = v;
  if (arrived !== null && arrived < requested) return { errors: { arrived: "before_request" } };
  if (v.today < requested && arrived === null) return { errors: { today: "before_request" } };
  const cal = fromInputs(v, ctx);
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
