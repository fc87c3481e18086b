// Calculator widget: brings the server-rendered form to life. Reads what the reader
// types (or a shared link's ?query), runs the pure engine, draws the result
// (calc/render.js) and offers a link and a short text to paste into a chat.
// Nothing leaves the browser.
import { defaults, loadCompute, parseInputs, run, todayNumber } from "./calc/engine.js";
import { formatter } from "./calc/format.js";
import { isoDate, isoMinute } from "./calc/fields.js";
import { drawResult, el, givenRows, loadChart, summaryText } from "./calc/render.js";
import { copyText } from "./clipboard.js";

const LINK_VERSION = "2"; // links without v= (version 1) carried only what differed from the defaults

// Canonical text of a parsed value, as it goes into a shared URL.
function canonical(field, value) {
  if (value === null) return "";
  if (field.type === "weekdays") return value.join(",");
  if (["series", "dates"].includes(field.type)) return value.join(";");
  if (field.type === "time") return isoMinute(value).slice(11);
  return String(value);
}

export async function mountCalculator(root) {
  const config = JSON.parse(root.querySelector(".calc-config").textContent);
  const { spec, strings: t, name, decimal } = config;
  const [compute, chart] = await Promise.all([loadCompute(name), loadChart(spec)]);
  const form = root.querySelector(".calc-form");
  const output = root.querySelector(".calc-result");
  const share = root.querySelector(".calc-share");
  const summary = root.querySelector(".calc-summary");
  const given = root.querySelector(".calc-given"); // the inputs, shown above the result when a link opened the page
  const status = share.querySelector(".calc-share__status");
  const today = todayNumber();
  const holidays = {}; // country → {ISO date: name}, fetched the first time the country is picked
  const ctx = { today, holidays };
  const ownPage = root.hasAttribute("data-url-state");
  const open = root.querySelector(".calc-open a"); // embedded: "open on its own page" takes the inputs along
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

  // A field's message: limits in the page's own figures, "0,01", "1.000.000.000.000" (a year range is not a figure).
  const say = (error, f) => f.fill(t[`calc.error.${error.code}`], Object.fromEntries(Object.entries(error.params)
    .map(([k, v]) => [k, typeof v === "number" && error.code !== "date_range" ? f.number(v) : v])));

  let fromLink = {}; // field → what was wrong with the opening link's value, shown until the reader edits

  function showErrors(errors, f) {
    for (const field of spec.fields) {
      const error = errors[field.name];
      const message = document.getElementById(`${root.id}-${field.name}-error`);
      const text = error ? say(error, f) : fromLink[field.name] || "";
      message.hidden = !text;
      message.textContent = text;
      if (text) message.closest("details")?.setAttribute("open", "");
      // "true", not an empty value: aria-invalid="" means false to screen readers.
      const input = document.getElementById(`${root.id}-${field.name}`);
      if (error) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
  }

  function draw(outcome, raw) {
    const f = formatter(config, t, outcome.values.cur || "");
    const notes = holidays[raw.country] === false ? [t["calc.common.holidays_failed"]] : [];
    const { nodes, sentence } = drawResult(name, spec, outcome.result, outcome.values, f, holidays, notes, chart);
    output.replaceChildren(el("p", { class: "calc-result__title" }, t["calc.common.result_title"]), ...nodes);
    summary.textContent = summaryText(name, spec, outcome.result, outcome.values, f, holidays);
    given.firstElementChild.replaceChildren(...givenRows(name, spec, outcome.values, f, config.weekdays));
    last = { sentence, raw };
  }

  // The link that reopens this calculation: this page, or the calculator's own page. It
  // carries every input of the scenario and the link format's version, so it means the same
  // after a build changes a default; a "now" field (the client's "today") only once set.
  function shareUrl(values) {
    const base = new URL(ownPage ? location.href : open.href);
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
    last.result = outcome.result;
    last.url = shareUrl(parseInputs(spec, raw, today, decimal).values);
    if (ownPage && edited) history.replaceState(history.state, "", last.url);
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
    fromLink = {};
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

  // An .ics event for the due moment (turnaround, response time); its code loads on the click.
  share.querySelector('[data-action="calendar"]')?.addEventListener("click", () => copyIfValid(() => last, async (done) => {
    status.textContent = (await import("./calc/ics.js")).download(done, spec.calendar, name, t);
  }));

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
  const left = spec.fields.filter((field) => field.name in known && controlText(field, known[field.name]) !== held[field.name]);
  if (left.length) {
    const fields = left.map((field) => {
      const value = known[field.name].slice(0, spec.limits.quote);
      // Under the field the link's value stays in view with what is wrong with it ("2026-02-30":
      // a date that does not exist) until the reader edits: the control cannot show it.
      const error = parseInputs({ ...spec, fields: [field] }, known, today).errors[field.name];
      if (error) fromLink[field.name] = f.text("calc.common.link_field", { value, message: say(error, f) });
      return f.text("calc.common.link_value", {
        field: t[`calc.${name}.field.${field.name}`] ?? t[`calc.common.field.${field.name}`], value });
    });
    note = el("p", { class: "calc-warning", role: "status" }, f.text("calc.common.link_unused", { fields: f.join(fields) }));
    form.before(note);
  }
  // A shared link lands on its result, its inputs listed above it; "Edit" opens the form at its first field.
  // A link the form could not hold whole, or a result with errors, opens the form at once.
  const openForm = () => {
    root.removeAttribute("data-given");
    form.hidden = false;
  };
  given.lastElementChild.addEventListener("click", () => {
    openForm();
    form.elements[0].focus();
  });
  share.hidden = summary.hidden = false; // (site.css hides the summary while the result is stale)
  if (Object.keys(known).length && !left.length) root.setAttribute("data-given", "");
  else openForm();
  // Unchanged inputs (no values from a link, none that moved with the day): same example.
  if (update(held, { keep: JSON.stringify(held) === built }).errors) openForm();
  if (form.hidden) root.scrollIntoView(); // links made before the #anchor went into them too
}
