"""The fuzzer: hostile shared links and typed values for every field of the six calculators,
in both languages, hostile texts for the brief builder, and for the agreement builder hostile
fills, stored states and link fragments (tests/e2e/fuzz_cases.py).

Seeded (FUZZ_SEED) and bounded: FUZZ_CASES calculator cases per run (default 1,000, spread
over 12 calculator pages) plus FUZZ_BRIEF_CASES brief cases and FUZZ_AGREEMENT_CASES
agreement cases. One page per calculator: each
shared link is replayed by setting the address and mounting a fresh copy of the built widget,
each typed case by resetting the form to its example and setting fields, so a case costs
milliseconds, not a navigation. For every case: no page error, no console error, no payload
run, no NaN/Infinity/undefined/null/[object Object]/exponent in the result, the result is the
one the form recomputes from what it shows, no step or long task over 2 s. A failure prints
its reproducer (the link, or the fields typed)."""
import math
import os
import random
import re
from collections import Counter
from urllib.parse import urlsplit

import pytest

from macros import agreement, agreement_doc, brief
from macros.calc.specs import SPECS
from tests.conftest import LANG_PREFIX
from tests.e2e import fuzz_cases

pytestmark = pytest.mark.e2e

SEED = os.environ.get("FUZZ_SEED", "issue-19")
CASES = int(os.environ.get("FUZZ_CASES", "1000"))
BRIEF_CASES = int(os.environ.get("FUZZ_BRIEF_CASES", "200"))
AGREEMENT_CASES = int(os.environ.get("FUZZ_AGREEMENT_CASES", "200"))
SLOW_MS = 2000
BATCH = 40  # cases per round trip to the page
COUNTS: dict[str, int] = {}

# Errors, console errors and long tasks, tagged with the case running when they happened.
WATCH = """
window.__fuzzLog = [];
const note = (kind, text) => window.__fuzzLog.push({ kind, text: String(text).slice(0, 300), at: window.__fuzzCase });
addEventListener("error", (event) => note("page error", event.message));
addEventListener("unhandledrejection", (event) => note("page error", event.reason?.stack || event.reason));
const consoleError = console.error.bind(console);
console.error = (...args) => {
  note("console error", args.map((a) => a?.stack || a).join(" "));
  consoleError(...args);
};
try {
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) {
      if (task.duration > 2000) note("long task", `${Math.round(task.duration)} ms`);
    }
  }).observe({ type: "longtask", buffered: true });
} catch {}
"""

# Checks shared by both widgets: what the reader sees may hold no junk and no live markup.
CHECKS = """
window.__fuzzChecks = {
  junk: /\\b(NaN|Infinity|undefined|null)\\b|\\[object |\\d[eE][+-]?\\d/,
  injected: "img, iframe, object, embed, script:not([type='application/json']), [onerror], [onload], b, "
    + "a[href^='javascript']",
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  finish: (problems, marks) => {  // what every case checks last; marks: performance.now() between steps
    if (window.__fuzzHit) problems.push("a payload ran");
    const steps = marks.slice(1).map((mark, i) => mark - marks[i]);
    if (Math.max(...steps) > 2000) problems.push(`took ${steps.map(Math.round).join(" + ")} ms`);
    return problems;
  },
};
"""

CALC_DRIVER = """async ({ cases, kind }) => {
  const { junk, injected, sleep, finish } = window.__fuzzChecks;
  const site = document.querySelector("script[src*='assets/js/site.js']").src;
  const { mountCalculator } = await import(new URL("calculator.js", site).href);
  if (!window.__pristine) {  // the widget as built, before any script touched it
    const html = await (await fetch(location.pathname, { cache: "force-cache" })).text();
    window.__pristine = new DOMParser().parseFromString(html, "text/html").querySelector(".calc").outerHTML;
  }
  const fresh = async () => {
    const holder = document.createElement("template");
    holder.innerHTML = window.__pristine;
    const root = holder.content.firstElementChild;
    document.querySelector(".calc").replaceWith(root);
    await mountCalculator(root);
    return root;
  };
  const settle = async (root) => {
    await sleep(0);
    const busy = () => root.querySelector(".calc-result").getAttribute("aria-busy") === "true";
    for (let i = 0; i < 150 && busy(); i++) await sleep(20);
  };
  const shownResult = (root) => root.querySelector(".calc-result").innerText;
  const setField = (form, name, value) => {
    const control = form.elements.namedItem(name);
    if (control instanceof RadioNodeList) {  // the weekday boxes: the value picks which to flip
      const box = control[[...value].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % control.length];
      box.checked = !box.checked;
      box.dispatchEvent(new Event("input", { bubbles: true }));
      box.dispatchEvent(new Event("change", { bubbles: true }));
      return;
    }
    control.value = value;
    control.dispatchEvent(new Event("input", { bubbles: true }));
    control.dispatchEvent(new Event("change", { bubbles: true }));
  };

  const out = [];
  let root = document.querySelector(".calc");
  if (kind === "typed") {  // a widget started from a clean address, once per batch
    history.replaceState(null, "", location.pathname);
    root = await fresh();
  }
  for (const c of cases) {
    window.__fuzzCase = c.id;
    const problems = [];
    const marks = [performance.now()];
    try {
      if (kind === "link") {
        history.replaceState(null, "", `${location.pathname}?${c.query}`);
        root = await fresh();
      } else {  // from the example: the form's own reset ("example" button)
        root.querySelector('[data-action="example"]').click();
        await settle(root);
        for (const [name, value] of c.fields) setField(root.querySelector(".calc-form"), name, value);
      }
      await settle(root);
      marks.push(performance.now());
      const first = shownResult(root);
      root.querySelector(".calc-form").requestSubmit();
      await settle(root);
      marks.push(performance.now());
      const again = shownResult(root);
      const quoted = (text) => JSON.stringify(text.slice(0, 160));
      if (junk.test(first)) problems.push(`junk in the result: ${first.match(junk)[0]} in ${quoted(first)}`);
      if (first !== again) problems.push(`result differs from the form's: ${quoted(first)} then ${quoted(again)}`);
      const live = root.querySelectorAll(`.calc-result :is(${injected}), .calc-error :is(${injected})`).length;
      if (live) problems.push(`${live} element(s) from input rendered as HTML`);
    } catch (error) {
      problems.push(`threw: ${error?.stack || error}`.slice(0, 300));
      root = document.querySelector(".calc");
    }
    out.push({ id: c.id, problems: finish(problems, marks) });
  }
  window.__fuzzCase = null;
  return out;
}"""

BRIEF_DRIVER = """async ({ cases, ids }) => {
  const { junk, injected, sleep, finish } = window.__fuzzChecks;
  const form = document.querySelector(".brief-form");
  const preview = document.querySelector(".brief-preview__text");
  const set = (name, value) => {
    const control = form.elements.namedItem(name);
    control.value = value;
    control.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const out = [];
  for (const c of cases) {
    window.__fuzzCase = c.id;
    const problems = [];
    const marks = [performance.now()];
    for (const id of ids) if (form.elements.namedItem(id).value) set(id, "");
    const typed = c.fields.map(([, value]) => value).join(" ");
    for (const [name, value] of c.fields) set(name, value);
    await sleep(0);
    const first = preview.innerText;
    form.dispatchEvent(new Event("change", { bubbles: true }));
    const again = preview.innerText;
    marks.push(performance.now());
    const found = first.match(junk);
    if (found && !typed.includes(found[0])) problems.push(`junk in the brief: ${found[0]}`);
    if (first !== again) problems.push("the brief changed without an edit");
    const live = document.querySelectorAll(`.brief-preview :is(${injected}), .brief-warn :is(${injected})`).length;
    if (live) problems.push(`${live} element(s) from input rendered as HTML`);
    out.push({ id: c.id, problems: finish(problems, marks) });
  }
  window.__fuzzCase = null;
  return out;
}"""


def fuzz_page(browser, url: str):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    context.add_init_script(WATCH + CHECKS)
    own = urlsplit(url).netloc
    context.route(lambda target: urlsplit(target).netloc != own, lambda route: route.abort())  # nothing leaves
    page = context.new_page()
    page.goto(url)
    return context, page


def run_batches(page, driver: str, cases: list[dict], extra: dict) -> dict[int, list[str]]:
    problems = {}
    for start in range(0, len(cases), BATCH):
        batch = cases[start:start + BATCH]
        for result in page.evaluate(driver, {"cases": batch, **extra}):
            problems[result["id"]] = result["problems"]
    for entry in page.evaluate("window.__fuzzLog.splice(0)"):
        problems.setdefault(entry["at"], []).append(f"{entry['kind']}: {entry['text']}")
    return problems


def report(config, kind: str, total: int, failures: list[str]):
    COUNTS[kind] = total
    config.fuzz_counts[kind] = total  # the run's summary line (tests/conftest.py)
    kinds = Counter(re.sub(r"^\W*([a-z ]+).*", r"\1", line.split(" → ", 1)[-1]) for line in failures)
    print(f"\nfuzz {kind}: {total} cases, {len(failures)} failing {dict(kinds)} (seed {SEED!r}); "
          f"{sum(COUNTS.values())} cases run so far")
    for line in failures[:40]:
        print("  " + line)
    assert not failures, f"{len(failures)} of {total} {kind} cases failed; first: {failures[0]}"


PAGES = [(name, code) for name in SPECS for code in ("es", "en")]


@pytest.mark.parametrize(("name", "code"), PAGES, ids=[f"{n}-{c}" for n, c in PAGES])
def test_fuzz_calculator(request, browser, base_url, name, code):
    rng = random.Random(f"{SEED}-{name}-{code}")
    per_page = math.ceil(CASES / len(PAGES))
    spec = SPECS[name]
    path = f"{LANG_PREFIX[code]}calculators/{name}/"
    queries = [fuzz_cases.single_field_case(field, rng) for field in spec["fields"]]  # every field, once
    queries += [fuzz_cases.link_case(spec, rng) for _ in range(per_page * 2 // 3 - len(queries))]
    links = [{"id": n, "query": query} for n, query in enumerate(queries)]
    typed = [{"id": n, "fields": fuzz_cases.typed_case(spec, rng)} for n in range(len(links), per_page)]
    context, page = fuzz_page(browser, base_url + path)
    page.locator(".calc-form").wait_for(state="visible")
    failures = []
    for kind, cases in (("link", links), ("typed", typed)):
        results = run_batches(page, CALC_DRIVER, cases, {"kind": kind})
        for case_id, problems in results.items():
            if not problems:
                continue
            case = next((c for c in cases if c["id"] == case_id), None)
            if case is None:
                failures.append(f"{path} (between cases): {problems}")
            elif kind == "link":
                failures.append(f"/{path}?{case['query'][:300]} → {problems}")
            else:
                recipe = ", ".join(f"{field}={fuzz_cases.shown(value)}" for field, value in case["fields"])
                failures.append(f"/{path}: example, then {recipe} → {problems}")
    context.close()
    report(request.config, f"calculator {name} {code}", len(links) + len(typed), failures)


@pytest.mark.parametrize("code", ["es", "en"])
def test_fuzz_brief(request, browser, base_url, code):
    rng = random.Random(f"{SEED}-brief-{code}")
    ids = [q.id for q in brief.QUESTIONS if q.kind != "choice"]
    cases = [{"id": n, "fields": fuzz_cases.brief_case(ids, rng)} for n in range(BRIEF_CASES // 2)]
    context, page = fuzz_page(browser, base_url + LANG_PREFIX[code] + "brief/")
    page.locator("form.brief-form").wait_for(state="visible")
    failures = []
    for case_id, problems in run_batches(page, BRIEF_DRIVER, cases, {"ids": ids}).items():
        if problems:
            case = next((c for c in cases if c["id"] == case_id), None)
            recipe = ", ".join(f"{f}={fuzz_cases.shown(v)}" for f, v in case["fields"]) if case else "(between cases)"
            failures.append(f"/{LANG_PREFIX[code]}brief/: {recipe} → {problems}")
    context.close()
    report(request.config, f"brief {code}", len(cases), failures)


# The agreement builder: each case starts from a fresh copy of the built widget (as a reload
# does: it reads this browser's storage, or a link's fragment), then checks the preview, the
# balance check and the messages, the copied text and the downloaded Markdown, and that a
# second fresh start (a reload) shows the same document.
AGREEMENT_DRIVER = """async ({ cases, key }) => {
  const { junk, injected, sleep, finish } = window.__fuzzChecks;
  const site = document.querySelector("script[src*='assets/js/site.js']").src;
  const { mountAgreement } = await import(new URL("agreement.js", site).href);
  if (!window.__pristine) {
    const html = await (await fetch(location.pathname, { cache: "force-cache" })).text();
    window.__pristine = new DOMParser().parseFromString(html, "text/html").querySelector(".agr").outerHTML;
    window.__taken = {};  // what copy and download produced, instead of the clipboard and a file
    window.__fetching = 0;  // requests and response bodies under way (a country's holidays)
    const track = (method) => async function (...args) {
      window.__fetching += 1;
      try {
        return await method.apply(this, args);
      } finally {
        setTimeout(() => { window.__fetching -= 1; }, 0);  // after the caller's own handlers
      }
    };
    window.fetch = track(window.fetch);
    Response.prototype.json = track(Response.prototype.json);
    navigator.clipboard.writeText = async (text) => { window.__taken.copy = text; };
    const objectUrl = URL.createObjectURL;
    URL.createObjectURL = (blob) => { window.__taken.file = blob; return objectUrl(blob); };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () { if (!this.download) click.call(this); };
  }
  const root = () => document.querySelector(".agr");
  const shown = () => root().querySelector(".agr-preview").textContent;
  const settled = async () => {  // a picked country's holidays arrive and the document is redrawn
    for (let i = 0; i < 200 && window.__fetching; i++) await sleep(10);
    await sleep(0);
    return shown();
  };
  const fresh = async () => {
    const holder = document.createElement("template");
    holder.innerHTML = window.__pristine;
    root().replaceWith(holder.content.firstElementChild);
    mountAgreement(root());
    return settled();
  };
  const take = async (action, what) => {
    delete window.__taken[what];
    root().querySelector(`[data-action="${action}"]`).click();
    for (let i = 0; i < 100 && !(what in window.__taken); i++) await sleep(10);
    const taken = window.__taken[what];
    return typeof taken === "string" ? taken : taken ? await taken.text() : null;
  };
  const setField = (form, name, value) => {  // one event, as the reader's edit would send it
    const control = form.elements.namedItem(name);
    if (control instanceof RadioNodeList) {  // a group of boxes: the value lists the ticked ones
      const picked = new Set(value.split(","));
      for (const box of control) box.checked = picked.has(box.value);
      control[0].dispatchEvent(new Event("change", { bubbles: true }));
      return;
    }
    control.value = value;
    control.dispatchEvent(new Event(control.tagName === "SELECT" ? "change" : "input", { bubbles: true }));
  };

  const out = [];
  for (const c of cases) {
    window.__fuzzCase = c.id;
    const problems = [];
    const marks = [performance.now()];
    const typed = [...(c.fields || []).map(([, value]) => value), c.stored || "",
      ...new URLSearchParams(c.hash || "").values()].join(" ");
    const junkIn = (where, text) => {
      const found = text === null ? ["nothing"] : text.match(junk);
      if (found && !typed.includes(found[0])) problems.push(`junk in ${where}: ${found[0]}`);
    };
    try {
      history.replaceState(null, "", location.pathname + (c.hash ? `#${c.hash}` : ""));
      if (c.stored !== undefined) localStorage.setItem(key, c.stored);
      else localStorage.removeItem(key);
      await fresh();
      if (!root().classList.contains("agr--live")) problems.push("the builder did not start");
      const form = root().querySelector(".agr-form");
      const inForm = () => [...form.querySelectorAll("input[type=text]")].map((input) => input.value).join(" ");
      junkIn("the form as started", inForm());
      for (const [name, value] of c.fields || []) setField(form, name, value);
      if (c.out) {
        const radio = form.querySelector(`input[name="agr-output"][value="${c.out}"]`);
        radio.checked = true;
        radio.dispatchEvent(new Event("change", { bubbles: true }));
      }
      const first = await settled();
      marks.push(performance.now());
      const docs = root().querySelectorAll(".agr-preview > article").length;
      const both = form.elements.namedItem("agr-output").value === "both";
      if (docs !== (both ? 2 : 1)) problems.push(`${docs} documents shown`);
      junkIn("the preview", first);
      const messages = ".agr-balance, .agr-error, .agr-fix";
      junkIn("the messages", [...root().querySelectorAll(messages)].map((n) => n.textContent).join(" "));
      for (const name of ["client", "agency"]) {  // a name that was accepted is in the document as typed
        const value = form.elements.namedItem(name).value.split(/\\s+/).filter(Boolean).join(" ");
        if (value && !root().querySelector(`#agr-${name}-error`).textContent && !first.includes(value)) {
          problems.push(`the ${name} typed is not in the document: ${JSON.stringify(value.slice(0, 60))}`);
        }
      }
      const live = root().querySelectorAll(`:is(.agr-preview, ${messages}) :is(${injected})`).length;
      if (live) problems.push(`${live} element(s) from input rendered as HTML`);
      junkIn("the copied text", await take("copy", "copy"));
      junkIn("the downloaded Markdown", await take("download_md", "file"));
      marks.push(performance.now());
      const again = await fresh();  // a reload: what this browser kept
      junkIn("the form after a reload", inForm());
      if (again !== first) {
        const at = [...first].findIndex((ch, i) => ch !== again[i]);
        const near = (text) => JSON.stringify(text.slice(at, at + 60));
        problems.push(`changed on reload at ${at}: ${near(first)} → ${near(again)}`);
      }
      marks.push(performance.now());
    } catch (error) {
      problems.push(`threw: ${error?.stack || error}`.slice(0, 300));
    }
    out.push({ id: c.id, problems: finish(problems, marks) });
  }
  window.__fuzzCase = null;
  return out;
}"""


@pytest.mark.parametrize("code", ["es", "en"])
def test_fuzz_agreement(request, browser, base_url, code):
    """Hostile fills of the text and number fields in every output language (and side by
    side), hostile states in this browser's storage and hostile shared-link fragments."""
    rng = random.Random(f"{SEED}-agreement-{code}")
    fields = [{"id": f.id, "key": f.key, "kind": f.kind, "options": list(f.options),
               **({"min": f.min} if f.min is not None else {}), **({"max": f.max} if f.max is not None else {})}
              for f in agreement_doc.FIELDS]
    per_kind = AGREEMENT_CASES // 2 // 3
    cases = [fuzz_cases.agreement_typed(fields, rng) for _ in range(AGREEMENT_CASES // 2 - 2 * per_kind)]
    cases += [{"stored": fuzz_cases.agreement_stored(fields, rng)} for _ in range(per_kind)]
    cases += [{"hash": fuzz_cases.agreement_fragment(fields, rng)} for _ in range(per_kind)]
    cases = [{"id": n, **case} for n, case in enumerate(cases)]
    path = f"{LANG_PREFIX[code]}agreement/"
    context, page = fuzz_page(browser, base_url + path)
    elsewhere = []
    page.on("request", lambda r: urlsplit(r.url).netloc != urlsplit(base_url).netloc and elsewhere.append(r.url))
    page.locator(".agr--live").wait_for(state="attached")
    failures = []
    key = f"trato-claro:{agreement.STORAGE_KEY}"
    for case_id, problems in run_batches(page, AGREEMENT_DRIVER, cases, {"key": key}).items():
        if problems:
            case = next((c for c in cases if c["id"] == case_id), None)
            if case is None:
                recipe = "(between cases)"
            elif "fields" in case:
                recipe = ", ".join(f"{f}={fuzz_cases.shown(v)}" for f, v in case["fields"]) + f", output {case['out']}"
            elif "stored" in case:
                recipe = f"stored {fuzz_cases.shown(case['stored'])}"
            else:
                recipe = f"#{fuzz_cases.shown(case['hash'])}"
            failures.append(f"/{path}: {recipe} → {problems}")
    page.reload()  # the last case's answers, through a real reload
    page.locator(".agr--live").wait_for(state="attached")
    if elsewhere:
        failures.append(f"/{path}: requests to another host: {elsewhere[:3]}")
    context.close()
    report(request.config, f"agreement {code}", len(cases), failures)
