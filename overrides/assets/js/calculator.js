// Calculator widget: brings the server-rendered form to life. Reads what the reader
// types (or a shared link's ?query), runs the pure engine, draws the result with
// textContent only (no HTML from input ever reaches the page) and offers a link
// and a short text to paste into a chat. Nothing leaves the browser.
import { defaults, parseInputs, run, todayNumber } from "./calc/engine.js";
import { COMPUTE } from "./calc/models.js";
import { CHART, chartPoints, formatter } from "./calc/format.js";
import { isoDate, isoMinute } from "./calc/fields.js";
import { writeSentence } from "./calc/sentences.js";
import { copyText } from "./clipboard.js";

const SVG = "http://www.w3.org/2000/svg";
const LINK_VERSION = "2"; // links without v= (version 1) carried only what differed from the defaults

function el(tag, attrs = {}, text) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

// Canonical text of a parsed value, as it goes into a shared URL.
function canonical(field, value) {
  if (value === null) return "";
  if (field.type === "weekdays") return value.join(",");
  if (["series", "dates"].includes(field.type)) return value.join(";");
  if (field.type === "time") return `${String(Math.floor(value / 60)).padStart(2, "0")}:${String(value % 60).padStart(2, "0")}`;
  return String(value);
}

export async function mountCalculator(root) {
  const config = JSON.parse(root.querySelector(".calc-config").textContent);
  const { spec, strings: t, name, decimal } = config;
  const compute = COMPUTE[name];
  const form = root.querySelector(".calc-form");
  const output = root.querySelector(".calc-result");
  const share = root.querySelector(".calc-share");
  const status = share.querySelector(".calc-share__status");
  const today = todayNumber();
  const holidays = {}; // country → {ISO date: name}, fetched the first time the country is picked
  const ctx = { today, holidays };
  const ownPage = root.hasAttribute("data-url-state");
  let last = null;
  let edited = false; // nothing goes into the address bar until the reader changes something
  const touched = new Set(); // fields the reader changed: a link pins a "now" field only then

  const control = (field) => form.elements.namedItem(field.name);
  // A link's canonical "1.125" in the page's marks; a fourth decimal keeps it from reading as
  // 1125 or a question. Anything else (a hand-made "1,000") is left for the reader's rules.
  const localNumber = (text) => {
    const padded = text.replace(/^(-?[1-9][0-9]{0,2}\.[0-9]{3})$/, "$10");
    return decimal === "," ? padded.replace(".", ",") : padded;
  };

  // The text a control is given for a canonical value (weekdays: the ticked set, as read() reads it).
  function controlText(field, value) {
    if (field.type === "weekdays") return [...new Set(value.split(/[,; ]+/).filter(Boolean))].sort().join(",");
    if (["money", "number", "percent", "int"].includes(field.type)) return localNumber(value);
    if (field.type === "series") return value.split(";").map(localNumber).join("\n");
    if (field.type === "dates") return value.split(";").join("\n");
    return field.type === "datetime" ? value.trim().slice(0, 16) : value;
  }

  function fill(raw) {
    for (const field of spec.fields) {
      const value = controlText(field, raw[field.name] ?? "");
      if (field.type === "weekdays") {
        const on = new Set(value.split(","));
        for (const box of form.querySelectorAll(`input[name="${field.name}"]`)) box.checked = on.has(box.value);
      } else control(field).value = value;
    }
  }

  function read() {
    const raw = {};
    for (const field of spec.fields) {
      raw[field.name] = field.type === "weekdays"
        ? [...form.querySelectorAll(`input[name="${field.name}"]:checked`)].map((b) => b.value).join(",")
        : control(field).value;
    }
    return raw;
  }

  function toggleConditional(raw) {
    for (const box of form.querySelectorAll(".calc-field")) {
      const rules = Object.entries(box.dataset).filter(([k]) => k.startsWith("when"));
      box.hidden = rules.some(([k, v]) => raw[k.slice(4).toLowerCase()] !== v);
    }
  }

  function showErrors(errors, f) {
    for (const field of spec.fields) {
      const id = `${root.id}-${field.name}`;
      const message = document.getElementById(`${id}-error`);
      const error = errors[field.name];
      const input = document.getElementById(id);
      message.hidden = !error;
      if (error) message.closest("details")?.setAttribute("open", "");
      // Limits in the page's own figures: "0,01", "1.000.000.000.000" (a year range is not a figure).
      const params = error && Object.fromEntries(Object.entries(error.params)
        .map(([k, v]) => [k, typeof v === "number" && error.code !== "date_range" ? f.number(v) : v]));
      message.textContent = error ? f.fill(t[`calc.error.${error.code}`], params) : "";
      // "true", not an empty value: aria-invalid="" means false to screen readers.
      if (error) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
  }

  function draw(outcome, raw) {
    const f = formatter(config, t, outcome.values.cur || "");
    const { result, values } = outcome;
    const nodes = [el("p", { class: "calc-result__title" }, t["calc.common.result_title"])];
    const sentence = writeSentence(name, result, values, f, holidays);
    nodes.push(el("p", { class: "calc-sentence" }, sentence));
    const list = el("dl", { class: "calc-outputs" });
    for (const out of spec.outputs) {
      const row = el("div", { class: `calc-out calc-out--${out.type}${out.main ? " calc-out--main" : ""}` });
      row.append(el("dt", {}, t[`calc.${name}.out.${out.key}`]), el("dd", {}, f.value(out.type, result[out.key])));
      list.append(row);
    }
    nodes.push(list);
    for (const w of spec.warnings || []) {
      if (result[w]) nodes.push(el("p", { class: "calc-warning" }, t[`calc.${name}.warn.${w}`]));
    }
    if (holidays[raw.country] === false) nodes.push(el("p", { class: "calc-warning" }, t["calc.common.holidays_failed"]));
    if (spec.chart) nodes.push(chart(result[spec.chart.table], spec.chart.series));
    const rows = spec.table && result[spec.table.key];
    if (rows?.length) nodes.push(table(rows, f));
    output.replaceChildren(...nodes);
    last = { sentence, raw };
  }

  function table(rows, f) {
    const caption = t[`calc.${name}.table`];
    const wrap = el("div", { class: "calc-table-wrap", tabindex: "0", role: "region", "aria-label": caption });
    const tableEl = el("table", { class: "calc-table" });
    const headRow = el("tr");
    for (const c of spec.table.columns) headRow.append(el("th", { scope: "col" }, t[`calc.${name}.col.${c.key}`]));
    const body = el("tbody");
    for (const row of rows) {
      const tr = el("tr");
      for (const c of spec.table.columns) tr.append(el("td", {}, f.value(c.type, row[c.key])));
      body.append(tr);
    }
    const head = el("thead");
    head.append(headRow);
    tableEl.append(el("caption", {}, caption), head, body);
    wrap.append(tableEl);
    return wrap;
  }

  function chart(rows, series) {
    const { points, log } = chartPoints(rows, series);
    const title = t[`calc.${name}.chart`];
    const figure = el("figure", { class: "calc-chart" });
    const svg = el("svg:svg", { viewBox: `0 0 ${CHART.w} ${CHART.h}`, role: "img", "aria-label": title });
    const y = CHART.h - CHART.pad;
    svg.append(el("svg:line", { class: "calc-chart__axis", x1: CHART.pad, y1: y, x2: CHART.w - 8, y2: y }));
    svg.append(el("svg:line", { class: "calc-chart__axis", x1: CHART.pad, y1: 8, x2: CHART.pad, y2: y }));
    const legend = el("ul", { class: "calc-chart__legend" });
    series.forEach((s, i) => {
      svg.append(el("svg:polyline", { class: `calc-chart__line calc-chart__line--${i}`, points: points[s].join(" ") }));
      legend.append(el("li", { class: `calc-chart__key calc-chart__key--${i}` }, t[`calc.key.${s}`]));
    });
    const caption = el("figcaption", {}, title);
    caption.append(legend);
    if (log) caption.append(el("p", { class: "calc-chart__note" }, t["calc.common.log_scale"]));
    figure.append(svg, caption);
    return figure;
  }

  // The link that reopens this calculation: this page, or the calculator's own page. It
  // carries every input of the scenario and the link format's version, so it means the same
  // after a build changes a default; a "now" field (the client's "today") only once set.
  function shareUrl(values) {
    const base = new URL(ownPage ? location.href : root.dataset.page, location.href);
    const params = new URLSearchParams({ v: LINK_VERSION });
    const start = defaults(spec, today);
    for (const field of spec.fields) {
      let value = values[field.name];
      if (value === null && field.when) continue; // not part of this scenario
      if (value !== null && field.type === "date") value = isoDate(value);
      if (value !== null && field.type === "datetime") value = isoMinute(value);
      const text = canonical(field, value);
      if (!(field.now && !touched.has(field.name) && text === start[field.name])) params.set(field.name, text);
    }
    base.search = params.toString();
    base.hash = root.id;
    return base.href;
  }

  // A country's public holidays live in their own small file (macros/widgets.py), cached
  // offline by the service worker. Until they arrive the old result stays up, marked busy;
  // if they cannot be had (false), the result is worked out without them and says so.
  const countries = spec.fields.find((field) => field.name === "country")?.options || [];

  function needHolidays(country) {
    // Only a preset country has a file; anything else (a hand-edited link) is the form's error to report.
    if (!country || !countries.includes(country) || country in holidays) return false;
    holidays[country] = null;
    fetch(new URL(`${country}.json`, new URL(root.dataset.holidays, location.href)))
      .then((response) => (response.ok ? response.json() : false), () => false)
      .then((days) => { holidays[country] = days; update(read()); });
    return true;
  }

  // The build already worked out this very example into the page (same engine, and the
  // Python and JS twins write the same text); it only needs the reader's title. Saves a
  // redraw, and the style and layout work after it, as the page starts.
  function keepExample(raw) {
    output.querySelector(".calc-result__title").textContent = t["calc.common.result_title"];
    last = { sentence: output.querySelector(".calc-sentence").textContent, raw };
  }

  function update(raw, { showAll = true, keep = false } = {}) {
    toggleConditional(raw);
    const waiting = needHolidays(raw.country) || holidays[raw.country] === null;
    output.setAttribute("aria-busy", String(waiting));
    if (waiting) return {};
    const outcome = run(spec, compute, raw, ctx, decimal);
    const f = formatter(config, t);
    output.toggleAttribute("data-stale", Boolean(outcome.errors));
    if (outcome.errors) {
      // The old result is hidden under a title that says why (site.css keeps its place, so
      // nothing jumps under the reader's finger as the field loses focus); copying is refused.
      if (showAll) showErrors(outcome.errors, f);
      const title = output.querySelector(".calc-result__title");
      if (title) title.textContent = t[showAll ? "calc.common.fix_errors" : "calc.common.stale"];
      return outcome;
    }
    showErrors({}, f);
    if (keep) keepExample(raw);
    else draw(outcome, raw);
    last.url = shareUrl(parseInputs(spec, raw, today, decimal).values);
    if (ownPage && edited) history.replaceState(history.state, "", last.url);
    const open = document.getElementById(`${root.id}-open`); // "open on its own page" takes the inputs along
    if (open) open.href = last.url;
    return outcome;
  }

  async function copy(text) {
    status.textContent = t[(await copyText(text)) ? "calc.common.copied" : "calc.common.copy_failed"];
  }

  let note = null; // which values of the opening link the form could not hold
  function edit(field, options) {
    edited = true;
    if (field) touched.add(field);
    note?.remove();
    return update(read(), options);
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (edit().errors) form.querySelector("[aria-invalid]")?.focus();
  });
  form.addEventListener("change", (event) => edit(event.target.name));
  form.addEventListener("input", (event) => edit(event.target.name, { showAll: false }));
  form.querySelector('[data-action="example"]').addEventListener("click", () => {
    fill(defaults(spec, today));
    touched.clear();
    edit();
  });
  // While a field is invalid there is nothing true to copy: say so instead of copying the old result.
  const copyIfValid = (text, send = copy) => {
    if (last && !output.hasAttribute("data-stale")) send(text());
    else status.textContent = t["calc.common.copy_invalid"];
  };
  share.querySelector('[data-action="copy-link"]').addEventListener("click", () => copyIfValid(() => last.url));
  share.querySelector('[data-action="copy-text"]').addEventListener("click", () => copyIfValid(() => `${last.sentence}\n${last.url}`));
  const shareButton = share.querySelector('[data-action="share"]');
  if (navigator.share) {
    shareButton.hidden = false; // elsewhere the copy buttons do the job
    shareButton.addEventListener("click", () => copyIfValid(() => ({ text: last.sentence, url: last.url }), (data) => {
      navigator.share(data).catch(() => {}); // the reader closed the sheet: nothing to say
    }));
  }

  // Start: defaults, overridden on the calculator's own page by a shared link's values. The
  // result is worked out from what the form then holds (date, time and list controls drop
  // what they cannot hold), so the first edit never silently changes the scenario; the
  // reader is told which of the link's values were left out.
  const fromUrl = new URLSearchParams(ownPage ? location.search : "");
  const known = Object.fromEntries(spec.fields.filter((f) => fromUrl.has(f.name)).map((f) => [f.name, fromUrl.get(f.name)]));
  const built = JSON.stringify(read()); // the inputs the build worked its example out from
  fill({ ...defaults(spec, today), ...known });
  const held = read();
  const f = formatter(config, t);
  const left = Object.entries(known).filter(([k, v]) => controlText(spec.fields.find((x) => x.name === k), v) !== held[k])
    .map(([k, v]) => f.text("calc.common.link_value", {
      field: t[`calc.${name}.field.${k}`] ?? t[`calc.common.field.${k}`], value: v.slice(0, 40) }));
  if (left.length) {
    note = el("p", { class: "calc-warning", role: "status" }, f.text("calc.common.link_unused", { fields: f.join(left) }));
    form.before(note);
  }
  form.hidden = false;
  share.hidden = false;
  // Unchanged inputs (no values from a link, none that moved with the day): same example.
  update(held, { keep: JSON.stringify(held) === built });
}
