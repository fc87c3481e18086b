// Numbers, money and dates in the page's language. Twin of macros/calc/fmt.py.
// Numbers and dates are written by hand with the marks, names and date template the
// build took from Babel (locale_marks): a page's first Intl object takes ~50 ms to build
// on a laptop, 4× that on a phone, and every calculator shows its results as it starts.
// Only currencies, which need the locale's symbols and patterns, use Intl.
import { dayNumber, isoMinute, isoWeekday } from "./fields.js";

// A CLDR plural condition (fmt.plural_rule in Python) over the operands of a written number.
function holds([kind, ...args], ops) {
  if (kind === "or") return args.some((c) => holds(c, ops));
  if (kind === "and") return args.every((c) => holds(c, ops));
  if (kind === "not") return !holds(args[0], ops);
  const [operand, modulus, ranges] = args;
  const x = modulus ? ops[operand] % modulus : ops[operand];
  return ranges.some(([low, high]) => (kind === "within" || Number.isInteger(x)) && x >= low && x <= high);
}

// The digits of |v| as written: toFixed's rounding, trailing zeros dropped, never exponent
// notation (toFixed writes 1e+21 and above that way; BigInt writes the float's exact integer).
function digits(v, places) {
  const abs = Math.abs(v);
  const [whole, part = ""] = abs >= 1e21 ? [BigInt(abs).toString()] : abs.toFixed(places).split(".");
  return [whole, part.replace(/0+$/, "")];
}

// "{name}" placeholders from params; a missing one becomes "".
export const fill = (template, params) => template.replace(/\{(\w+)\}/g, (_, k) => params[k] ?? "");

export function formatter({ locale, decimal, group, date: datePattern, weekdays, months, plural }, t, currency = "") {
  const number = (v, places = 2) => {
    const [whole, fraction] = digits(v, places);
    return (v < 0 ? "-" : "") + whole.replace(/\B(?=(\d{3})+$)/g, group) + (fraction ? decimal + fraction : "");
  };
  // "{n} days" in the plural form the language's rule gives the number as written (fmt.py Formatter.count).
  const count = (key, v, places = 0) => {
    const [whole, fraction] = digits(v, places);
    const f = +fraction; // visible fraction digits as a number: CLDR's f, and t (trailing zeros already dropped)
    const ops = { n: +`${whole}.${fraction}`, i: +whole, v: fraction.length, f, t: f, e: 0, c: 0 };
    const category = plural.find(([, condition]) => holds(condition, ops))?.[0] || "other";
    return fill(t[`${key}.${category}`] ?? t[`${key}.other`], { n: number(v, places) });
  };
  const time = (m) => isoMinute(m).slice(11); // minutes after midnight → "09:05"
  const date = (iso) => {
    const [year, month, day] = iso.split("-").map(Number);
    const weekday = weekdays[isoWeekday(dayNumber(year, month, day)) - 1];
    return fill(datePattern, { weekday, day, month: months[month - 1], year });
  };
  const kinds = {
    number,
    int: (v) => number(v, 0),
    money: (v) => currency
      ? new Intl.NumberFormat(locale, { style: "currency", currency, useGrouping: "always" }).format(v)
      : number(v, 2),
    // One decimal, or as many as the first digit that is not 0 needs ("0,03 %"): never "0 %" for a value that
    // is not 0; under 0.00000000000000000001 %, "less than" that (fmt.py Formatter.percent).
    percent: (v, p = 1) => {
      while (p < 20 && v && !/[1-9]/.test(number(v, p))) p++;
      return /[1-9]/.test(number(v, p)) || !v ? fill(t["calc.unit.percent"], { n: number(v, p) }) : t["calc.unit.percent_under"];
    },
    days: (v) => count("calc.unit.days", v),
    date,
    datetime: (iso) => `${date(iso.slice(0, 10))}, ${iso.slice(11, 16)}`,
    minutes: (v) => fill(t["calc.unit.hours_minutes"], { h: number(Math.floor(v / 60), 0), m: v % 60 }),
    times: (v) => (number(v, 2) === number(0, 2) ? count("calc.unit.times_under", 0.01, 2) : count("calc.unit.times", v, 2)),
    bool: (v) => t[v ? "calc.common.yes" : "calc.common.no"],
    key: (v) => t[`calc.key.${v}`],
    text: (v) => String(v),
  };
  return {
    t,
    fill,
    number,
    count,
    time,
    text: (key, params) => fill(t[key], params),
    join: (items) => (items.length < 2 ? items.join("")
      : fill(t["calc.common.list_and"], { first: items.slice(0, -1).join(", "), last: items[items.length - 1] })),
    value: (kind, v) => (v === null || v === undefined ? "—" : kinds[kind](v)),
  };
}
