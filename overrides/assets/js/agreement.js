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
import { announce, copyText, downloadText } from "./clipboard.js";
import { load, remove, save } from "./store.js";

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
  return parseField({ ...field, name: field.id, type: field.kind }, raw, decimal, limits);
}

function crossErrors(v) {
  const errors = {};
  const day = v.hours_to - v.hours_from;
  if (day <= 0) errors.hours_to = { code: "end_before_start", params: {} };
  else if (v.reply * 60 > day) errors.reply = { code: "reply_over_day", params: { hours: day / 60 } };
  if (v.cap !== null && v.cap < v.oneoff) errors.cap = { code: "cap_below_oneoff", params: {} };
  if ((v.refund === null) !== (v.refund_leads === null)) {
    errors[v.refund === null ? "refund" : "refund_leads"] = { code: "refund_pair", params: {} };
  }
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
  for (const field of config.fields) {
    const text = raw[field.id] === undefined || raw[field.id] === null ? defaultOf(field) : String(raw[field.id]);
    try {
      values[field.id] = parseOne(field, text, config.limits, decimal);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      errors[field.id] = { code: error.code, params: error.params };
      values[field.id] = parseOne(field, defaultOf(field, config.linkVersion), config.limits);
    }
  }
  const crossed = crossErrors(values);
  const pair = Object.values(crossed).some((e) => e.code === "refund_pair") ? ["refund", "refund_leads"] : [];
  const byId = Object.fromEntries(config.fields.map((f) => [f.id, f]));
  for (const id of new Set([...Object.keys(crossed), ...pair])) values[id] = parseOne(byId[id], defaultOf(byId[id], config.linkVersion), config.limits);
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

export const balanceWarnings = (v, config) => config.warnings.filter(([, when]) => applies(when, facts(v, config))).map(([id]) => id);

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

// The calculators' answers for the worked examples (config.examples), each with its inputs.
function examples(v, config, ctx) {
  const c = canonical(v, config);
  c.friday = resolveDefault("@friday", v.start);
  const out = {};
  for (const [example, name, template] of config.examples) {
    const raw = Object.fromEntries(Object.entries(template).map(([k, text]) => [k, fill(text, c)]));
    const answer = run(config.specs[name], COMPUTE[name], raw, ctx);
    if (answer.result) out[example] = { ...answer.result, in: raw };
  }
  return out;
}

// One worked example in words: each placeholder is "kind:path" into the calculator's answer.
function exampleText(example, r, v, f, s, says) {
  const key = example === "penalty" ? `penalty.${v.cap === null ? "nocap" : r.capped ? "capped" : "under"}` : example;
  const params = {};
  for (const [name, spec] of Object.entries(says)) {
    const [kind, path] = spec.split(":");
    const value = path.split(".").reduce((o, step) => o[step], { ...r, v });
    params[name] = kind === "late" ? plural(s, `doc.days.${v.basis}`, value, f.value("int", value)) : f.value(kind, value);
  }
  return fill(s[`doc.ex.${key}`], params);
}

// Every placeholder of the clause texts, in the output language.
function params(v, config, code, s, f, marks, t) {
  const p = {};
  for (const field of config.fields) {
    const value = v[field.id];
    if (value === null || value === "") p[field.id] = s["doc.blank"];
    else if (field.unit) p[field.id] = plural(s, `doc.unit.${field.unit}`, value, f.value(field.kind === "number" ? "number" : "int", value));
    else if (field.kind === "money") p[field.id] = f.value("money", value);
    else if (field.kind === "percent") p[field.id] = f.value("percent", value);
    else if (field.kind === "int" || field.kind === "number") p[field.id] = f.value("number", value);
    else if (field.kind === "time") p[field.id] = f.time(value);
    else if (field.kind === "date") p[field.id] = f.value("date", isoDate(value));
    else p[field.id] = String(value);
  }
  p.services = joinList(v.services.map((x) => s[`doc.services.${x}`]), code, s) || s["doc.services.none"];
  p.figures = joinList(v.figures.map((x) => s[`doc.figures.${x}`]), code, s) || s["doc.figures.none"];
  p.week = weekdaysText(v.week, marks.weekdays, code, s);
  p.channel = s[`doc.channel.${v.channel}`];
  p.cadence = s[`doc.cadence.${v.cadence}`];
  p.base = s[`doc.base.${v.base}`];
  p.basis_unit = s[`doc.unit.basis.${v.basis}`];
  p.country = v.country ? t[`calc.option.country.${v.country}`] : "";
  p.end = f.value("date", isoDate(v.start + v.term - 1));
  p.review_date = f.value("date", isoDate(v.start + v.review));
  for (const owner of OWNERS) p[`owned_${owner}`] = joinList(OWNED.filter((n) => v[`own_${n}`] === owner).map((n) => s[`doc.owned.${n}`]), code, s);
  return p;
}

// The whole document in the output language `code`, as data (same shape as the Python twin's).
export function buildDocument(v, config, code, ctx) {
  const { s, t, marks } = config.out[code];
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
      number += 1;
      const example = config.examples.find(([id]) => id === options.example);
      const ex = example && worked[example[0]] ? `${s["doc.example"]} ${exampleText(example[0], worked[example[0]], v, f, s, example[3])}` : "";
      clauses.push({ n: number, text: fill(s[key], p), example: ex });
    }
    return { title: s[`doc.part.${part}`], clauses };
  });
  const info = v.info === null ? s["doc.blank"] : fill(s["doc.plan.day"], { n: f.value("int", v.info) });
  const { frame } = config.out[code];
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
  const opened = new Set();
  let lastCleared = null;
  let current = null;

  const boxes = (id) => [...form.querySelectorAll(`input[type="checkbox"][name="${id}"]`)];
  const readRaw = () => Object.fromEntries(config.fields.map(({ id, kind }) => [id,
    kind === "set" || kind === "weekdays" ? boxes(id).filter((b) => b.checked).map((b) => b.value).join(",")
      : form.elements.namedItem(id).value]));
  const writeRaw = (raw) => {
    for (const { id, kind } of config.fields) {
      if (kind === "set" || kind === "weekdays") {
        const picked = new Set(String(raw[id]).split(","));
        for (const box of boxes(id)) box.checked = picked.has(box.value);
      } else {
        form.elements.namedItem(id).value = raw[id];
      }
    }
  };
  const outputLang = () => form.elements.namedItem("agr-output").value || config.lang;
  const setOutput = (out) => {
    for (const radio of form.elements.namedItem("agr-output")) radio.checked = radio.value === out;
  };

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
      if (control instanceof RadioNodeList) continue; // a group of boxes: its message says it all
      if (error) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
    root.querySelector(".agr-fix").textContent = Object.keys(errors).length ? config.ui["error.fix"] : "";
  };
  const formatParams = (params) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k,
    typeof v === "number" ? numbers.value("number", v) : String(v)]));

  const showWarnings = (ids) => {
    const list = root.querySelector(".agr-balance__list");
    if (list.dataset.ids === ids.join()) return; // unchanged: do not re-announce
    list.dataset.ids = ids.join();
    root.querySelector(".agr-balance").classList.toggle("agr-balance--ok", !ids.length);
    list.replaceChildren(...(ids.length ? ids.map((id) => el("li", { "data-warning": id }, `${config.warn[id].text} `,
      el("a", { href: config.warn[id].href }, config.ui["warn.link"]))) : [el("li", {}, config.ui["warn.none"])]));
  };

  const showProgress = () => {
    const steps = [...root.querySelectorAll(".agr-step")];
    for (const step of steps) if (step.open) opened.add(step.dataset.group);
    root.querySelector(".agr-progress").textContent = fill(config.ui.progress,
      { done: String(steps.filter((s) => opened.has(s.dataset.group)).length), total: String(steps.length) });
  };

  // Start: a shared link wins over what this browser kept. The link is read once and left
  // off the address (Material's heading tracking rewrites the fragment as the reader scrolls);
  // from then on this browser keeps the answers, and "Copy link" writes a fresh one.
  const fromLink = parseFragment(location.hash, config);
  if (fromLink) history.replaceState(history.state, "", location.pathname + location.search);
  // What this browser kept is used only in the shape this page saves (else it is dropped):
  // a known version and answers as texts (a number or an object would read as "[object …").
  const stored = load(config.storageKey, null, (kept) => knownVersion(kept?.v, config)
    && kept.raw && typeof kept.raw === "object" && Object.values(kept.raw ?? 0).every((text) => typeof text === "string"));
  const start = fromLink || stored;
  if (start) {
    const answer = read(start.raw, config, today, start.v, ".");
    writeRaw(state(start.raw, answer)); // errors keep what was given, the rest its canonical text
    if (["es", "en", "both"].includes(start.out)) setOutput(start.out);
  }

  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("input", () => {
    button("undo").hidden = true;
    update();
  });
  form.addEventListener("change", () => update());
  for (const step of root.querySelectorAll(".agr-step")) step.addEventListener("toggle", showProgress);

  const done = (message) => announce(status, message);
  // Copy and download fetch their module when the reader reaches for the buttons (a tap or
  // a key there starts the import the click then awaits), not with the page.
  const tools = root.querySelector(".agr-tools");
  const output = () => import("./agreement-output.js");
  for (const type of ["pointerdown", "focusin"]) tools.addEventListener(type, output, { once: true });
  const texts = async () => (await output()).texts(current.docs.map(([doc]) => doc));
  const download = async (type, extension, key) => {
    downloadText(`agreement-${new Date().toISOString().slice(0, 10)}.${extension}`, (await texts())[key], type);
    done(config.ui.downloaded);
  };
  const copied = async (ok, message = "copied") => done(config.ui[(await ok) ? message : "copy_failed"]);
  const actions = {
    copy: async () => copied(copyText((await texts()).text)),
    copy_rich: async () => copied((await output()).copyRich(preview, (await texts()).text)),
    download_md: () => download("text/markdown", "md", "markdown"),
    download_txt: () => download("text/plain", "txt", "text"),
    print: () => window.print(),
    link: async () => copied(copyText(location.origin + location.pathname
      + (await output()).fragment(state(current.raw, current.answer), config, outputLang())), "link_copied"),
  };
  for (const [action, run] of Object.entries(actions)) button(action).addEventListener("click", run);
  button("clear").addEventListener("click", () => {
    lastCleared = { raw: readRaw(), out: outputLang() };
    writeRaw(canonical(read({}, config, today).values, config));
    setOutput(config.lang);
    update({ keep: false });
    remove(config.storageKey);
    notSaved.hidden = true;
    button("undo").hidden = false;
    announce(status, config.ui.cleared, UNDO_SECONDS);
    setTimeout(() => { button("undo").hidden = true; }, UNDO_SECONDS * 1000);
  });
  button("undo").addEventListener("click", () => {
    if (!lastCleared) return;
    writeRaw(lastCleared.raw);
    setOutput(lastCleared.out);
    lastCleared = null;
    button("undo").hidden = true;
    update();
    done(config.ui.restored);
  });

  // Live from here on: the form shows and the document follows it.
  form.hidden = false;
  root.classList.add("agr--live");
  showProgress();
  update({ keep: Boolean(start) });
}

// A version this page has defaults for ("toString" or "__proto__" are not).
const knownVersion = (v, config) => Object.hasOwn(config.linkDefaults, v);

// A shared link's fragment → { v, out, raw } (answers by field id), or null.
export function parseFragment(hash, config) {
  const params = new URLSearchParams(hash.slice(1));
  const version = params.get("v");
  if (!knownVersion(version, config)) return null;
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
    el("ol", { class: "agr-doc__clauses", start: String(part.clauses[0]?.n || 1) }, ...part.clauses.map((c) => el("li", {}, c.text,
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
