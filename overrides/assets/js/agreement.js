// The agreement builder: a form whose answers become the rules of interaction and the
// contract terms, live, in either language or both. Answers stay in this browser
// (localStorage) and in the address's fragment (after "#"), which no browser sends to a
// server. Markup, texts and structure (fields, clauses, plan) come from macros/agreement.py.
//
// First the logic, apart from the DOM: the twin of macros/agreement_doc.py (reading the
// answers, balance check, the document as data), held to the same text by
// tests/vectors/agreement.json; the numbers come from the calculators' own code. Then the
// form. The document as text and Markdown, for copy and download, is agreement-output.js,
// fetched only when the reader reaches for those buttons.
import { resolveDefault, run, todayNumber } from "./calc/engine.js";
import { FieldError, isoDate, isoMinute, parseField } from "./calc/fields.js";
import { fill, formatter } from "./calc/format.js";
import { compute as penalty } from "./calc/penalty.js";
import { compute as responseTime } from "./calc/response-time.js";
import { compute as revenueShare } from "./calc/revenue-share.js";
import { compute as turnaround } from "./calc/turnaround.js";
import { announce, copyText } from "./clipboard.js";
import { load, remove, save, watch } from "./store.js";

// The calculators of the worked examples (config.examples), only those.
const COMPUTE = { "response-time": responseTime, turnaround, penalty, "revenue-share": revenueShare };
const OWNERS = ["client", "specialist"];
const OWNED = ["pages", "ads", "pixel", "data", "creatives"];

const isEmpty = (value) => value === null || value === "" || (Array.isArray(value) && !value.length);

function parseOne(field, raw, limits, decimal = ".") {
  if (field.kind === "text") {
    const text = raw.split(/\s+/).filter(Boolean).join(" ");
    if (text.length > field.textMax) throw new FieldError("text_too_long", { max: field.textMax });
    return text;
  }
  if (field.kind === "set") {
    const picked = new Set(raw.split(",").filter(Boolean));
    if ([...picked].some((o) => !field.options.includes(o))) throw new FieldError("bad_choice");
    return field.options.filter((o) => picked.has(o));
  }
  return parseField({ ...field, type: field.kind }, raw, decimal, limits);
}

const fault = (code, params = {}) => ({ code, params });

function crossErrors(v) {
  const errors = {};
  const day = v.hours_to - v.hours_from;
  if (day <= 0) errors.hours_to = fault("end_before_start");
  else if (v.reply * 60 > day) errors.reply = fault("reply_over_day", { hours: day / 60 });
  if (v.cap !== null && v.cap < v.oneoff) errors.cap = fault("cap_below_oneoff");
  if ((v.refund === null) !== (v.refund_leads === null)) errors[v.refund === null ? "refund" : "refund_leads"] = fault("refund_pair");
  return errors;
}

// {values, errors}. A field with an error takes its default, so the document stays whole.
export function read(raw, config, today, version = config.linkVersion, decimal = ".") {
  const values = {};
  const errors = {};
  const defaultOf = (field, v = version) => {
    const text = config.linkDefaults[v][field.id];
    return text === "@today" ? isoDate(today) : text;
  };
  const fallback = (field) => parseOne(field, defaultOf(field, config.linkVersion), config.limits);
  for (const field of config.fields) {
    try {
      values[field.id] = parseOne(field, String(raw[field.id] ?? defaultOf(field)), config.limits, decimal);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      errors[field.id] = fault(error.code, error.params);
      values[field.id] = fallback(field);
    }
  }
  const crossed = crossErrors(values);
  const pair = crossed.refund || crossed.refund_leads; // half a refund clause: neither half
  for (const field of config.fields) {
    if (field.id in crossed || (pair && field.id.startsWith("refund"))) values[field.id] = fallback(field);
  }
  return { values, errors: { ...errors, ...crossed } };
}

export function facts(v, config) {
  const out = {};
  for (const field of config.fields) {
    const value = v[field.id];
    out[field.id] = field.kind === "choice" && value ? value : isEmpty(value) ? "empty" : "set";
  }
  out.penalty = v.oneoff > 0 || v.daily > 0 ? "yes" : "no";
  for (const owner of OWNERS) out[`own_${owner}`] = OWNED.some((n) => v[`own_${n}`] === owner) ? "set" : "empty";
  const specialistPays = out.penalty === "yes" || out.call_fine === "set";
  const clientBound = out.info === "set" || out.pause === "yes" || out.deemed === "yes";
  out.balance = specialistPays !== clientBound ? "one_sided" : "even";
  return out;
}

const applies = (when = {}, f) => Object.entries(when).every(([k, want]) => (want[0] === "!" ? f[k] !== want.slice(1) : f[k] === want));

export const balanceWarnings = (v, config, found = facts(v, config)) => config.warnings.filter(([, when]) => applies(when, found)).map(([id]) => id);

// "a, b and c"; Spanish "y" becomes "e" before an i sound ("y informes" → "e informes").
function joinList(items, code, s) {
  if (items.length < 2) return items.join("");
  const word = code === "es" && /^h?[iíIÍ](?![aeoáéó])/.test(items[items.length - 1]) ? "e" : s["doc.and"];
  return `${items.slice(0, -1).join(", ")} ${word} ${items[items.length - 1]}`;
}

const plural = (s, key, n, number) => fill(s[`${key}.${n === 1 ? "one" : "other"}`], { n: number });

function weekdaysText(days, names, code, s) {
  if (days.length >= 3 && days[days.length - 1] - days[0] === days.length - 1) {
    return fill(s["doc.week.range"], { first: names[days[0] - 1], last: names[days[days.length - 1] - 1] });
  }
  return joinList(days.map((d) => names[d - 1]), code, s);
}

// Values back to the canonical text the calculators (and links) read.
export function canonical(v, config) {
  const out = {};
  for (const field of config.fields) {
    const value = v[field.id];
    if (value === null) out[field.id] = "";
    else if (field.kind === "time") out[field.id] = isoMinute(value).slice(11);
    else if (field.kind === "weekdays") out[field.id] = value.join(",");
    else if (field.kind === "date") out[field.id] = isoDate(value);
    else out[field.id] = typeof value === "number" ? plainDigits(value) : String(value);
  }
  return out;
}

// 1e-17 → "0.00000000000000001": the form, the storage and links never hold exponent
// notation (agreement_doc.canonical writes the same). Values here are below 1e21 and never
// negative, so only a negative exponent can occur.
const plainDigits = (n) => String(n).replace(/^(\d)(?:\.(\d+))?e-(\d+)$/, (_, d, f = "", e) => `0.${"0".repeat(e - 1)}${d}${f}`);

// The calculators' answers for the worked examples (config.examples), each with its inputs
// and what its sentence says.
function examples(v, config, ctx) {
  const c = canonical(v, config);
  c.friday = resolveDefault("@friday", v.start);
  const out = {};
  for (const [example, name, template, says] of config.examples) {
    const raw = Object.fromEntries(Object.entries(template).map(([k, text]) => [k, fill(text, c)]));
    const answer = run(config.specs[name], COMPUTE[name], raw, ctx);
    if (answer.result) out[example] = { ...answer.result, in: raw, says };
  }
  return out;
}

// One worked example in words: each placeholder is "kind:path" into the calculator's answer.
function exampleText(example, r, v, f, s) {
  const key = example === "penalty" ? `penalty.${v.cap === null ? "nocap" : r.capped ? "capped" : "under"}` : example;
  const params = {};
  for (const [name, spec] of Object.entries(r.says)) {
    const [kind, path] = spec.split(":");
    const value = path.split(".").reduce((o, step) => o[step], { ...r, v });
    params[name] = kind === "late" ? plural(s, `doc.days.${v.basis}`, value, f.value("int", value)) : f.value(kind, value);
  }
  return fill(s[`doc.ex.${key}`], params);
}

// How each kind of answer is written in the document (a time by f.time; text and choices as they are).
const WRITTEN = { money: "money", percent: "percent", int: "number", number: "number", date: "date" };

// Every placeholder of the clause texts, in the output language.
function params(v, config, code, s, f, marks, t) {
  const p = {};
  for (const { id, kind, unit } of config.fields) {
    const value = v[id];
    p[id] = value === null || value === "" ? s["doc.blank"]
      : unit ? plural(s, `doc.unit.${unit}`, value, f.value(kind === "number" ? "number" : "int", value))
        : kind === "time" ? f.time(value)
          : WRITTEN[kind] ? f.value(WRITTEN[kind], kind === "date" ? isoDate(value) : value) : value; // fill() writes it as text
  }
  for (const id of ["services", "figures"]) p[id] = joinList(v[id].map((x) => s[`doc.${id}.${x}`]), code, s) || s[`doc.${id}.none`];
  p.week = weekdaysText(v.week, marks.weekdays, code, s);
  for (const id of ["channel", "cadence", "base"]) p[id] = s[`doc.${id}.${v[id]}`];
  p.basis_unit = s[`doc.unit.basis.${v.basis}`];
  p.country = v.country ? t[`calc.option.country.${v.country}`] : "";
  p.end = f.value("date", isoDate(v.start + v.term - 1));
  p.review_date = f.value("date", isoDate(v.start + v.review));
  for (const owner of OWNERS) p[`owned_${owner}`] = joinList(OWNED.filter((n) => v[`own_${n}`] === owner).map((n) => s[`doc.owned.${n}`]), code, s);
  return p;
}

// The whole document in the output language `code`, as data (same shape as the Python twin's).
export function buildDocument(v, config, code, ctx) {
  const { s, t, marks, frame } = config.out[code];
  const f = formatter(marks, t, v.cur);
  const p = params(v, config, code, s, f, marks, t);
  const found = facts(v, config);
  const worked = examples(v, config, ctx);
  let number = 0;
  const parts = ["rules", "contract"].map((part) => {
    const clauses = [];
    for (const [clausePart, id, options] of config.clauses) {
      if (clausePart !== part || !applies(options.when, found)) continue;
      const key = `doc.${part}.${id}${options.variant ? `.${found[options.variant]}` : ""}`;
      const example = worked[options.example];
      const ex = example ? `${s["doc.example"]} ${exampleText(options.example, example, v, f, s)}` : "";
      clauses.push({ n: ++number, text: fill(s[key], p), example: ex });
    }
    return { title: s[`doc.part.${part}`], clauses };
  });
  const info = v.info === null ? s["doc.blank"] : fill(s["doc.plan.day"], { n: f.value("int", v.info) });
  const rows = frame.plan.rows.map((row) => row.map((cell) => fill(cell, { info })));
  return { ...frame, parties: fill(s["doc.parties"], p), parts, plan: { ...frame.plan, rows } };
}

// -- The form ------------------------------------------------------------------------
const UNDO_SECONDS = 20;

export function mountAgreement(root) {
  const config = JSON.parse(root.querySelector(".agr-data").textContent);
  const form = root.querySelector(".agr-form");
  const preview = root.querySelector(".agr-preview");
  const status = root.querySelector(".agr-status");
  const notSaved = root.querySelector(".agr-save-failed"); // storage full or blocked
  const button = (action) => root.querySelector(`[data-action="${action}"]`);
  const page = config.out[config.lang];
  const numbers = formatter(page.marks, page.t);
  const today = todayNumber();
  const holidays = {};
  let lastCleared = null;
  let current = null;

  // A ticked group (its boxes, or radios) names its values in a comma list, as links keep it.
  const tick = (name, picked) => {
    for (const box of form.elements.namedItem(name)) box.checked = picked.includes(box.value);
  };
  const readRaw = (data = new FormData(form)) => Object.fromEntries(config.fields.map(({ id }) => [id, data.getAll(id).join()]));
  const writeRaw = (raw) => {
    for (const { id, kind } of config.fields) {
      if (kind === "set" || kind === "weekdays") tick(id, String(raw[id]).split(","));
      else form.elements.namedItem(id).value = raw[id];
    }
  };
  const outputLang = () => form.elements.namedItem("agr-output").value || config.lang;
  const setOutput = (out) => tick("agr-output", [out]);

  // The answers to keep: canonical text where valid (a link reads the same in any language);
  // a refused one as typed (a link may refuse one it does not carry: then its default), but
  // a 100 KB paste only to one character past the longest text a field reads (fields.js
  // MAX_TEXT), so it is refused again for the same reason.
  const state = (raw, answer) => {
    const texts = canonical(answer.values, config);
    return Object.fromEntries(config.fields.map(({ id }) => [id,
      answer.errors[id] && typeof raw[id] === "string" ? raw[id].slice(0, 2001) : texts[id]]));
  };

  const update = ({ keep = true } = {}) => {
    const raw = readRaw();
    const answer = read(raw, config, today, config.linkVersion, page.marks.decimal);
    showErrors(answer.errors);
    showWarnings(balanceWarnings(answer.values, config));
    const out = outputLang();
    const docs = (out === "both" ? ["es", "en"] : [out]).map((code) => [buildDocument(answer.values, config, code, { today, holidays }), code]);
    current = { raw, answer, docs };
    preview.replaceChildren(...docs.map(([doc, code]) => documentNode(doc, code)));
    preview.classList.toggle("agr-preview--both", out === "both");
    if (keep) notSaved.hidden = save(config.storageKey, { v: config.linkVersion, raw: state(raw, answer), out });
    const country = answer.values.country;
    if (country && !(country in holidays)) loadHolidays(country).then(() => update({ keep: false }));
  };

  const loadHolidays = async (country) => {
    holidays[country] = {};
    try {
      const response = await fetch(new URL(`${config.holidaysUrl}${country}.json`, location.href));
      if (response.ok) holidays[country] = await response.json();
    } catch {
      /* offline without the file: the examples skip weekends only */
    }
  };

  const showErrors = (errors) => {
    for (const { id } of config.fields) {
      const box = root.querySelector(`#agr-${id}-error`);
      const error = errors[id];
      const text = error ? fill(config.errors[error.code], formatParams(error.params)) : "";
      if (box.textContent !== text) box.textContent = text;
      const control = form.elements.namedItem(id);
      // A group of boxes has no aria-invalid: its message says it all.
      if (!(control instanceof RadioNodeList)) control[error ? "setAttribute" : "removeAttribute"]("aria-invalid", "true");
    }
    root.querySelector(".agr-fix").textContent = Object.keys(errors).length ? config.ui["error.fix"] : "";
  };
  const formatParams = (params) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k,
    typeof v === "number" ? numbers.value("number", v) : v])); // fill() writes the rest as text

  const showWarnings = (ids) => {
    const list = root.querySelector(".agr-balance__list");
    if (list.dataset.ids === ids.join()) return; // unchanged: do not re-announce
    list.dataset.ids = ids.join();
    root.querySelector(".agr-balance").classList.toggle("agr-balance--ok", !ids.length);
    list.replaceChildren(...(ids.length ? ids.map((id) => el("li", { "data-warning": id }, `${config.warn[id].text} `,
      el("a", { href: config.warn[id].href }, config.ui["warn.link"]))) : [el("li", {}, config.ui["warn.none"])]));
  };

  // A step once opened is marked seen (agreement.css ticks it) and counts as looked at.
  const showProgress = () => {
    const steps = root.querySelectorAll(".agr-step");
    for (const step of steps) if (step.open) step.dataset.seen = "";
    root.querySelector(".agr-progress").textContent = fill(config.ui.progress,
      { done: root.querySelectorAll(".agr-step[data-seen]").length, total: steps.length });
  };

  // Start: a shared link wins over what this browser kept. The link is read once and left
  // off the address (Material's heading tracking rewrites the fragment as the reader scrolls);
  // from then on this browser keeps the answers, and "Copy link" writes a fresh one. A link
  // this page cannot read says so and shows the default document, saving nothing until the
  // reader changes something (what this browser kept is back on a reload).
  const link = parseFragment(location.hash, config);
  if (link) history.replaceState(history.state, "", location.pathname + location.search);
  if (link?.problem) root.querySelector(`.agr-link-${link.problem}`).hidden = false;
  // What this browser kept is used only in the shape this page saves (else it is dropped):
  // a known version and answers as texts (a number or an object would read as "[object …").
  const stored = () => load(config.storageKey, null, (kept) => knownVersion(kept?.v, config)
    && kept.raw?.constructor === Object && Object.values(kept.raw).every((text) => typeof text === "string"));
  const show = (start) => {
    const answer = read(start.raw, config, today, start.v, ".");
    writeRaw(state(start.raw, answer)); // errors keep what was given, the rest its canonical text
    setOutput(["es", "en", "both"].includes(start.out) ? start.out : config.lang);
  };
  const start = link ? link.raw && link : stored();
  show(start || { raw: {} }); // no answers: the defaults, "@today" the reader's today, not the build day
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("input", () => {
    button("undo").hidden = true;
    update();
  });
  form.addEventListener("change", () => update());
  for (const step of root.querySelectorAll(".agr-step")) step.addEventListener("toggle", showProgress);

  const done = (message) => announce(status, message);
  // Copy, download and link fetch their module when the reader reaches for the buttons (a tap
  // or a key there starts the import the click then awaits), not with the page.
  const tools = root.querySelector(".agr-tools");
  const output = () => import("./agreement-output.js");
  for (const type of ["pointerdown", "focusin"]) tools.addEventListener(type, output, { once: true });
  // Print, clear and undo act here; the others take the document away (agreement-output.js).
  const local = {
    print: () => window.print(),
    clear: () => {
      lastCleared = { raw: readRaw(), out: outputLang() };
      show({ raw: {} });
      update({ keep: false });
      remove(config.storageKey);
      notSaved.hidden = true;
      button("undo").hidden = false;
      announce(status, config.ui.cleared, UNDO_SECONDS);
      setTimeout(() => { button("undo").hidden = true; }, UNDO_SECONDS * 1000);
    },
    undo: () => {
      if (!lastCleared) return;
      writeRaw(lastCleared.raw);
      setOutput(lastCleared.out);
      lastCleared = null;
      button("undo").hidden = true;
      update();
      done(config.ui.restored);
    },
  };
  tools.addEventListener("click", async ({ target }) => {
    const { action } = target.closest("[data-action]")?.dataset ?? {};
    if (!action) return; // the gap between buttons
    if (local[action]) return local[action]();
    const { fragment, takeAway } = await output();
    done(config.ui[action !== "link" ? await takeAway(action, current.docs.map(([doc]) => doc), preview)
      : await copyText(location.origin + location.pathname + fragment(state(current.raw, current.answer), config, outputLang()))
        ? "link_copied" : "copy_failed"]);
  });
  // Another tab saved (or cleared): take its answers rather than overwrite them later with
  // this tab's older copy (not while this tab's own are unsaved).
  watch(config.storageKey, () => {
    if (!notSaved.hidden) return;
    show(stored() || { raw: {} });
    update({ keep: false });
    done(config.ui.other_tab);
  });

  // Live from here on: the form shows and the document follows it.
  form.hidden = false;
  root.classList.add("agr--live");
  showProgress();
  update({ keep: Boolean(start) });
}

// A version this page has defaults for ("toString" or "__proto__" are not).
const knownVersion = (v, config) => Object.hasOwn(config.linkDefaults, v);

// A shared link's fragment → { v, out, raw } (answers by field id); { problem } for a link this
// page cannot read: "unknown" (a newer or garbled version), "broken" (an escape cut short when
// copied). null without a link (a heading's anchor).
export function parseFragment(hash, config) {
  if (!/(?:^#|&)v=/.test(hash)) return null;
  try {
    decodeURIComponent(hash);
  } catch {
    return { problem: "broken" };
  }
  const params = new URLSearchParams(hash.slice(1));
  const version = params.get("v");
  if (!knownVersion(version, config)) return { problem: "unknown" };
  const raw = {};
  for (const { id, key } of config.fields) if (params.has(key)) raw[id] = params.get(key);
  return { v: Number(version), out: params.get("o"), raw };
}

// Elements with text only: nothing typed ever becomes markup.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

// The same elements as document_html() in macros/agreement.py.
function documentNode(doc, code) {
  const parts = doc.parts.flatMap((part) => [
    el("h4", { class: "agr-doc__part" }, part.title),
    el("ol", { class: "agr-doc__clauses", start: part.clauses[0]?.n || 1 }, ...part.clauses.map((c) => el("li", {}, c.text,
      ...(c.example ? [el("span", { class: "agr-doc__example" }, c.example)] : [])))),
  ]);
  const { plan, sign } = doc;
  const table = el("table", { class: "agr-doc__plan" }, el("thead", {}, el("tr", {}, ...plan.columns.map((c) => el("th", {}, c)))),
    el("tbody", {}, ...plan.rows.map((row) => el("tr", {}, ...row.map((cell) => el("td", {}, cell))))));
  const signers = sign.parties.map((who) => el("p", { class: "agr-doc__signer" }, who, el("span", { class: "agr-doc__line" }),
    sign.date, el("span", { class: "agr-doc__line" })));
  return el("article", { class: "agr-doc", lang: code },
    el("h3", { class: "agr-doc__title" }, doc.title), el("p", { class: "agr-doc__parties" }, doc.parties),
    el("p", { class: "agr-doc__note" }, doc.note), ...parts,
    el("h4", { class: "agr-doc__part agr-doc__annex" }, plan.title), el("p", { class: "agr-doc__intro" }, plan.intro),
    el("div", { class: "agr-doc__table" }, table), el("h4", { class: "agr-doc__part" }, sign.title),
    el("div", { class: "agr-doc__sign" }, ...signers));
}
