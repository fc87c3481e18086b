// Drawing a result: twin of result_html() and chart_svg() in macros/calc/render.py (same
// elements, classes and geometry, so the build's kept example and a fresh redraw are alike).
// textContent only: no HTML from input ever reaches the page.
import { writeSentence } from "./sentences.js";

// The chart's code (calc/chart.js) for a calculator whose spec has one; nothing for the others.
export const loadChart = async (spec) => spec.chart && (await import("./chart.js")).chart;

export function el(tag, attrs = {}, text) {
  const node = tag.startsWith("svg:") ? document.createElementNS("http://www.w3.org/2000/svg", tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

// {nodes, sentence}: the sentence, the outputs, the warnings (and `notes`), the chart, the table.
// chart: calc/chart.js's drawing, loaded only for a calculator that has one (loadChart).
export function drawResult(name, spec, result, values, f, holidays, notes, chart) {
  const { t } = f;
  const sentence = writeSentence(name, result, values, f, holidays);
  const list = el("dl", { class: "calc-outputs" });
  for (const out of spec.outputs) {
    const row = el("div", { class: `calc-out calc-out--${out.type}${out.main ? " calc-out--main" : ""}` });
    row.append(el("dt", {}, t[`calc.${name}.out.${out.key}`]), el("dd", {}, f.value(out.type, result[out.key])));
    list.append(row);
  }
  const warnings = (spec.warnings || []).filter((w) => result[w]).map((w) => t[`calc.${name}.warn.${w}`]);
  const nodes = [el("p", { class: "calc-sentence" }, sentence), list,
    ...warnings.concat(notes).map((text) => el("p", { class: "calc-warning" }, text))];
  if (chart) nodes.push(chart(name, spec.chart, result, f));
  const rows = spec.table && result[spec.table.key];
  if (rows?.length) nodes.push(table(name, spec.table, rows, f));
  return { nodes, sentence };
}

// The inputs that shaped the result as "label: value" rows for the page (given_items in render.py): a
// field not part of this scenario or left empty is left out. weekdays: the page's day names, Monday first.
export function givenRows(name, spec, values, f, weekdays) {
  const list = (write) => (v) => f.join(v.map(write));
  const written = { time: f.time, weekdays: list((d) => weekdays[d - 1]), dates: list((d) => f.value("date", d)),
    series: list((x) => f.value("money", x)), choice: (v, key) => f.t[`calc.option.${key}.${v || "none"}`] };
  const shown = spec.fields.filter(({ name: key }) => values[key] !== null && [].concat(values[key]).length);
  return shown.map(({ name: key, type }) => {
    const row = el("div");
    row.append(el("dt", {}, f.t[`calc.${name}.field.${key}`] ?? f.t[`calc.common.field.${key}`]),
      el("dd", {}, (written[type] || ((v) => f.value(type, v)))(values[key], key)));
    return row;
  });
}

// The compact line of main figures that stays in view while the reader edits; a date calculator's
// also says which public holidays it counted (summary_text).
export function summaryText(name, spec, result, values, f, presets) {
  const items = spec.summary.map((key) => f.text("calc.common.summary_item", { label: f.t[`calc.${name}.out.${key}`],
    value: f.value(spec.outputs.find((out) => out.key === key).type, result[key]) }));
  if (spec.calendar) {
    const country = values.country || "";
    items.push(typeof presets[country] === "object" && presets[country]
      ? f.text("calc.common.summary_holidays", { country: f.t[`calc.common.holidays_of.${country}`] })
      : f.t["calc.common.summary_no_holidays"]);
  }
  return items.join(" · ");
}

function table(name, spec, rows, f) {
  const caption = f.t[`calc.${name}.table`];
  const wrap = el("div", { class: "calc-table-wrap", tabindex: "0", role: "region", "aria-label": caption });
  const tableEl = el("table", { class: "calc-table" });
  const label = (c) => f.t[`calc.${name}.col.${c.key}`];
  // A column empty in every row is left out (the holiday name, when no day off is a holiday).
  const columns = spec.columns.filter((c) => rows.some((row) => f.value(c.type, row[c.key])));
  const headRow = el("tr");
  for (const c of columns) headRow.append(el("th", { scope: "col" }, label(c)));
  const body = el("tbody");
  for (const row of rows) { // each cell names its column: on a phone a wide table's rows stack
    const tr = el("tr");
    for (const c of columns) tr.append(el("td", { "data-label": label(c) }, f.value(c.type, row[c.key])));
    body.append(tr);
  }
  const head = el("thead");
  head.append(headRow);
  tableEl.append(el("caption", {}, caption), head, body);
  wrap.append(tableEl);
  return wrap;
}
