import { fromInputs } from "./calendar.js";
import { isoDate } from "./fields.js";

// Edit turnaround. Twin of macros/calc/turnaround.py (see its docstring for the rules).

export function compute(v, ctx) {
  const cal = fromInputs(v, ctx);
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
