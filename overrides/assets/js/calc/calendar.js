import { FieldError, isoDate, isoWeekday, parseDate } from "./fields.js";

// Working days: a working week (ISO weekdays) minus public and custom holidays.
// Twin of macros/calc/calendar.py. Days are day numbers (see fields.js). No working day within
// the search (calendar.py NoWorkingDay) is the working week's error: engine.run puts it there.

export class Calendar {
  constructor(search, weekdays, holidays, custom) {
    this.search = search; // days to look ahead for a working day (limits.search_days)
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
    for (let i = 0; i < this.search; i++) {
      day += 1;
      if (this.isWorking(day)) return day;
    }
    throw new FieldError("no_working_day");
  }

  addWorkingDays(day, count) {
    for (let i = 0; i < count; i++) day = this.nextWorking(day);
    return day;
  }

  workingDaysBetween(after, until) {
    if (until <= after) return 0;
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

export function fromInputs(values, { holidays: presets, limits }) {
  const holidays = new Map(
    Object.entries(presets[values.country || ""] || {}).map(([iso, name]) => [parseDate(iso), name]),
  );
  return new Calendar(limits.search_days, values.week, holidays, values.custom || []);
}
