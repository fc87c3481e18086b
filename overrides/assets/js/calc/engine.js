// Run a calculator: canonical raw text in, errors or a JSON-ready result out.
// Twin of macros/calc/engine.py; the JSON vectors in tests/vectors/ hold both to the same answers.
import { dayNumber, FieldError, isoDate, isoMinute, isoWeekday, parseField } from "./fields.js";

// A calculator's math, calc/<name>.js: a page loads only the one it shows.
export const loadCompute = async (name) => (await import(`./${name}.js`)).compute;

// "@today+7", "@fridayT15:00" → canonical text for `today` (a day number).
export function resolveDefault(text, today) {
  const m = /^@(today|friday)(?:\+(\d+))?(T\d{2}:\d{2})?$/.exec(text);
  if (!m) return text;
  const day = today + (m[1] === "friday" ? (12 - isoWeekday(today)) % 7 : 0) + Number(m[2] || 0);
  return isoDate(day) + (m[3] || "");
}

export const todayNumber = (now = new Date()) => dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate());

export function defaults(spec, today) {
  return Object.fromEntries(spec.fields.map((f) => [f.name, resolveDefault(f.default, today)]));
}

const applies = (field, raw) => Object.entries(field.when || {}).every(([k, v]) => raw[k] === v);

export function parseInputs(spec, raw, today, decimal = ".") {
  const all = { ...defaults(spec, today) };
  for (const [k, v] of Object.entries(raw)) if (v !== null && v !== undefined) all[k] = v;
  const values = {};
  const errors = {};
  for (const field of spec.fields) {
    if (!applies(field, all)) {
      values[field.name] = null;
      continue;
    }
    try {
      values[field.name] = parseField(field, all[field.name], decimal, spec.limits);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      errors[field.name] = { code: error.code, params: error.params };
    }
  }
  return { values, errors };
}

// Parsed values in the JSON shape the Python twin reports (dates as ISO text).
function valuesJson(spec, values) {
  const out = {};
  for (const field of spec.fields) {
    const v = values[field.name];
    const kind = v === null ? "" : field.type;
    out[field.name] = kind === "date" ? isoDate(v) : kind === "datetime" ? isoMinute(v) : kind === "dates" ? v.map(isoDate) : v;
  }
  return out;
}

// Any number in a result not finite or beyond the limit: unreadable (engine.py outsize).
const outsize = (value, limit) => (typeof value === "number" ? !(Math.abs(value) <= limit)
  : value !== null && typeof value === "object" && Object.values(value).some((v) => outsize(v, limit)));

export function run(spec, compute, raw, ctx, decimal = ".") {
  const { values, errors } = parseInputs(spec, raw, ctx.today, decimal);
  if (Object.keys(errors).length) return { errors };
  let result;
  try {
    result = compute(values, { ...ctx, limits: spec.limits });
  } catch (error) {
    // calendar.js: no working day within the search (not imported here: most calculators have no calendar).
    if (error.code === "no_working_day") return { errors: { week: { code: error.code, params: {} } } };
    throw error;
  }
  if (result.errors) {
    return { errors: Object.fromEntries(Object.entries(result.errors).map(([k, code]) => [k, { code, params: {} }])) };
  }
  if (outsize(result, spec.result_max)) return { errors: { [spec.outsize]: { code: "result_too_large", params: {} } } };
  return { result, values: valuesJson(spec, values) };
}
