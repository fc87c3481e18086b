import { fromInputs } from "./calendar.js";
import { isoMinute } from "./fields.js";

// Response time. Twin of macros/calc/response_time.py.

export function compute(v, ctx) {
  if (v.end <= v.start) return { errors: { end: "end_not_after_start" } };
  const cal = fromInputs(v, ctx);
  const window = Math.round(v.window * 60);
  let remaining = window;
  let moment = v.sent;
  let countingFrom = null;
  for (let i = 0; i < ctx.limits.search_days; i++) {
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
