// Reading typed text (or a shared URL's canonical text) into values. Twin of
// macros/calc/fields.py: same rules, same error codes. Dates become day numbers
// (days since 1970-01-01), times minutes after midnight, datetimes minutes
// since 1970-01-01 00:00 — all in UTC, so no time zone can shift a deadline.

export class FieldError extends Error {
  constructor(code, params = {}) {
    super(code);
    this.code = code;
    this.params = params;
  }
}

const SPACES = /[ \t\n\r\u00a0\u202f\u2009'’_]/g;
const NUMBER = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const trim = (text) => text.replace(/^[ \t\n\r\u00a0]+|[ \t\n\r\u00a0]+$/g, "");

const grouped = (text, mark) => new RegExp(`^[0-9]{1,3}(?:\\${mark}[0-9]{3})+$`).test(text);

// Digits with the page's marks → "150000", "1234.5". Twin of plain_digits() in fields.py (rules there).
function plainDigits(s, decimal) {
  const marks = [...s].filter((c) => c === "." || c === ",");
  if (!marks.length) return s;
  if (new Set(marks).size === 2) {
    const last = Math.max(s.lastIndexOf("."), s.lastIndexOf(","));
    const whole = s.slice(0, last);
    const other = s[last] === "." ? "," : ".";
    if (!grouped(whole, other)) throw new FieldError("not_number");
    return `${whole.split(other).join("")}.${s.slice(last + 1)}`;
  }
  const mark = marks[0];
  if (marks.length > 1) {
    if (!grouped(s, mark)) throw new FieldError("not_number");
    return s.split(mark).join("");
  }
  const [whole, fraction] = s.split(mark);
  if (grouped(s, mark) && !whole.startsWith("0")) {
    if (mark !== decimal) return whole + fraction;
    throw new FieldError("ambiguous", { decimal: Number(`${whole}.${fraction}`), thousands: Number(whole + fraction) });
  }
  return `${whole}.${fraction}`;
}

const SCALES = { k: 3, K: 3, M: 6 };

export function parseNumber(text, decimal = ".") {
  let s = text.replace(SPACES, "").replace(/^[€$£]+|[€$£]+$/g, "");
  const negative = s[0] === "-" || s[0] === "−";
  if (negative) s = s.slice(1);
  const scale = SCALES[s.slice(-1)] || 0;
  if (scale) s = s.slice(0, -1);
  s = plainDigits(s, decimal);
  if (!NUMBER.test(s) || (scale && /e/i.test(s))) throw new FieldError("not_number");
  const value = Number(scale ? `${s}e${scale}` : s); // the point moved: 0.1k is 100, not 100.00000000000001
  if (!Number.isFinite(value)) throw new FieldError("too_large");
  return (negative ? -value : value) + 0;
}

function checkNumber(value, field) {
  if (field.type === "int" && !Number.isInteger(value)) throw new FieldError("not_integer");
  return checkRange(value, field);
}

// A number field's value; an ambiguous "150,000" is read the one way its range allows (fields.py read_number).
function readNumber(text, field, decimal) {
  if (field.type === "percent") text = trim(text).replace(/%$/, "");
  try {
    return checkNumber(parseNumber(text, decimal), field);
  } catch (error) {
    if (error.code !== "ambiguous") throw error;
    const fits = [];
    for (const reading of [error.params.decimal, error.params.thousands]) {
      try {
        fits.push(checkNumber(reading, field));
      } catch { /* this reading does not fit the field */ }
    }
    if (fits.length === 1) return fits[0];
    if (!fits.length) return checkNumber(error.params.decimal, field);
    throw error;
  }
}

export const dayNumber = (y, m, d) => Date.UTC(y, m - 1, d) / 864e5;
export const isoDate = (day) => new Date(day * 864e5).toISOString().slice(0, 10);
export const isoMinute = (minute) => new Date(minute * 6e4).toISOString().slice(0, 16);
export const isoWeekday = (day) => ((((day + 3) % 7) + 7) % 7) + 1;

// years: the planning range [first, last] (spec.limits.years); preset holidays skip the check.
export function parseDate(text, years = [1, 9999]) {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(trim(text));
  if (!m) throw new FieldError("bad_date");
  const [y, mo, d] = m.slice(1).map(Number);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  if (y < 1 || !monthDays || d < 1 || d > monthDays) throw new FieldError("bad_date"); // 2026-02-30
  if (y < years[0] || y > years[1]) throw new FieldError("date_range", { min: years[0], max: years[1] });
  return dayNumber(y, mo, d);
}

export function parseTime(text) {
  const m = /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(trim(text));
  if (!m) throw new FieldError("bad_time");
  return Number(m[1]) * 60 + Number(m[2]);
}

// "YYYY-MM-DDTHH:MM" (seconds, as some pickers send them, are dropped).
export function parseDatetime(text, years) {
  const m = /^([0-9]{4}-[0-9]{2}-[0-9]{2})T([01][0-9]|2[0-3]):([0-5][0-9])(?::[0-9]{2}(?:\.[0-9]{1,3})?)?$/.exec(trim(text));
  if (!m) throw new FieldError("bad_datetime");
  return parseDate(m[1], years) * 1440 + m[2] * 60 + +m[3]; // a date that does not exist keeps its own message
}

function checkRange(value, field) {
  if (value === 0 && field.zero) throw new FieldError(field.zero);
  if (field.min !== undefined && value < field.min) throw new FieldError("too_small", { min: field.min });
  if (field.max !== undefined && value > field.max) throw new FieldError("too_large", { max: field.max });
  if ((field.type === "money" || field.type === "series") && value !== 0 && Math.abs(value) < 0.01) throw new FieldError("below_cent");
  return value;
}

// limits: the spec's shared limits (macros/calc/limits.py).
export function parseField(field, raw, decimal = ".", limits) {
  const kind = field.type;
  const text = raw === undefined || raw === null ? "" : String(raw);
  if (text.length > limits.text) throw new FieldError("too_long");
  if (!trim(text)) {
    if (kind === "choice" && field.options.includes("")) return "";
    if (kind === "weekdays") throw new FieldError("no_weekday");
    if (field.required ?? true) throw new FieldError("required");
    return kind === "dates" || kind === "series" ? [] : null;
  }
  switch (kind) {
    case "number": case "money": case "percent": case "int":
      try {
        return readNumber(text, field, decimal);
      } catch (error) {
        // "Type a whole number", not "for example 2.5".
        throw kind === "int" && error.code === "not_number" ? new FieldError("not_integer") : error;
      }
    case "date": return parseDate(text, limits.years);
    case "datetime": return parseDatetime(text, limits.years);
    case "time": return parseTime(text);
    case "choice":
      if (!field.options.includes(text)) throw new FieldError("bad_choice");
      return text;
    case "weekdays": {
      const tokens = text.split(/[,; \t\n\r]+/).filter(Boolean);
      if (tokens.some((t) => !/^[1-7]$/.test(t))) throw new FieldError("no_weekday");
      return [...new Set(tokens.map(Number))].sort((a, b) => a - b);
    }
    case "dates": case "series": {
      const items = text.split(/[;\n\r]+/).filter((item) => trim(item));
      if (!items.length) { // only separators: ";", " ; ", ";;;;"
        if (field.required ?? true) throw new FieldError("required");
        return [];
      }
      const max = field.max_items;
      if (items.length > max) throw new FieldError("too_many", { max });
      const values = items.map((item) => {
        try {
          return kind === "dates" ? parseDate(item, limits.years) : readNumber(item, field, decimal);
        } catch (error) {
          throw new FieldError("bad_item", { item: trim(item).slice(0, limits.quote), reason: error.code });
        }
      });
      return kind === "dates" ? [...new Set(values)].sort((a, b) => a - b) : values;
    }
    default:
      throw new Error(`unknown field type ${kind}`);
  }
}
