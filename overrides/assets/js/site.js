// The one entry script: mounts every widget found on the page, once (navigation.instant is
// off, so every page is a full load and this module runs once per page).
import { load, pageKey, remove, save, watch } from "./store.js";
import { mountCopyLink } from "./clipboard.js";

// A calculator inside a chapter starts when it comes within a screen of view: a reader
// who never scrolls that far downloads and runs none of its code, and the chapter's first
// paint is not held up by it. On its own page a calculator starts at once.
const whenNear = (mount) => (element) => element.hasAttribute("data-url-state") ? mount(element)
  : new IntersectionObserver(([entry], observer) => {
    if (!entry.isIntersecting) return;
    observer.disconnect();
    mount(element).catch((error) => console.error("widget failed to start", error));
  }, { rootMargin: "100% 0px" }).observe(element);

// Heavier widgets load only on pages that have them.
const mountCalculator = whenNear(async (element) => (await import("./calculator.js")).mountCalculator(element));
const mountBrief = async (element) => (await import("./brief.js")).mountBrief(element);
const mountAgreement = async (element) => (await import("./agreement.js")).mountAgreement(element);
const mountTemplate = async (element) => (await import("./template.js")).mountTemplate(element);

const widgets = [
  [".check-list[data-check-list]", mountChecklist],
  [".md-select__link[hreflang]", mountLanguageLink],
  [".scheme-switch [data-scheme]", mountSchemeSwitch],
  [".calc[data-calc]", mountCalculator],
  ["a.headerlink, a.check-item__link", mountCopyLink],
  ['link[rel="manifest"]', registerOffline],
  [".brief[data-brief]", mountBrief],
  [".tpl[data-tpl]", mountTemplate],
  [".agr[data-agreement]", mountAgreement],
];

// Interactive checklists: ticks kept in this browser, progress shown, one reset button.
// The markup comes from macros/checklists.py; without this script it is a plain list.
// Two tabs of one page both keep their ticks: a tick re-reads what is stored and changes
// only that item; another tab's save shows here at once.
function mountChecklist(list) {
  const [progress, reset, notSaved] = list.nextElementSibling.children; // notSaved: storage full or blocked
  const above = list.previousElementSibling; // a long list's count above it (macros/checklists.py)
  const counters = above?.dataset.checkTools === list.dataset.checkList ? [above.firstElementChild, progress] : [progress];
  const boxes = [...list.querySelectorAll(".check-item__box")];
  const idOf = (box) => box.closest(".check-item").id;
  const key = `check:${pageKey()}:${list.dataset.checkList}`;
  const stored = () => new Set(load(key, [], (ids) => Array.isArray(ids) && ids.every((id) => typeof id == "string")));

  // Ticks the given items (or keeps the boxes as they are); returns the ids ticked.
  const show = (ticked) => {
    if (ticked) for (const box of boxes) box.checked = ticked.has(idOf(box));
    const done = boxes.filter((box) => box.checked);
    for (const counter of counters) {
      counter.textContent = counter.dataset.template
        .replace("{done}", String(done.length))
        .replace("{total}", String(boxes.length));
    }
    list.classList.toggle("check-list--complete", done.length === boxes.length);
    return new Set(done.map(idOf));
  };

  list.addEventListener("change", ({ target }) => {
    const ticked = notSaved.hidden ? stored() : show(); // after a failed save, this page is ahead
    ticked[target.checked ? "add" : "delete"](idOf(target));
    notSaved.hidden = save(key, [...show(ticked)]);
  });
  reset.addEventListener("click", () => {
    remove(key);
    notSaved.hidden = true;
    show(new Set());
  });
  watch(key, () => notSaved.hidden && show(stored()));
  for (const counter of counters) counter.hidden = false;
  reset.hidden = false;
  show(stored());
}

// Light/dark switch (partials/palette.html): the scheme itself was set before the first
// paint; a tap changes it and remembers the choice in this browser (Material's storage).
function mountSchemeSwitch(button) {
  button.hidden = false;
  button.addEventListener("click", () => {
    document.body.setAttribute("data-md-color-scheme", button.dataset.scheme);
    window.__md_set("__scheme", button.dataset.scheme);
  });
}

// The language switcher already links to the same page in the other language
// (partials/alternate.html); this keeps the reader's place: headings, checklist
// items and calculator anchors are the same in both languages.
function mountLanguageLink(link) {
  link.addEventListener("click", () => {
    const target = new URL(link.href);
    target.hash = window.location.hash;
    target.search = window.location.search; // calculator inputs travel too
    link.href = target.href;
  });
}

// Offline reading: registers this language's service worker (sw.js at the
// language root, written at build time by macros/offline.py), and once it has
// saved this language, the other's (data-roots), so switching language offline
// works too. Until the other is saved, its light worker (sw.js?light: only the
// "not saved yet" pages, a few KB, registered at once where no worker is yet)
// answers there offline: a worker's scope ends at its root, so the English one
// cannot stand in for the Spanish pages. Mounted on the page's <link rel="manifest">,
// at the same root. It waits until the page has loaded and the browser is idle,
// so the one-off download of the language's pages never competes with the page being read.
function registerOffline(manifest) {
  const workers = navigator.serviceWorker;
  if (!workers) return;
  // The reader asked their browser to save data: no whole-guide download behind their back,
  // only the small "not saved yet" pages, which stand in for the browser's offline error.
  const light = navigator.connection?.saveData ? "?light" : "";
  const register = (root, query = light) => {
    const scope = new URL(root, manifest.href);
    return workers.register(new URL("sw.js" + query, scope), { scope: scope.pathname });
  };
  const others = manifest.dataset.roots.split(" ").filter(Boolean);
  const start = () =>
    register("./")
      // No worker here yet: a first visit, so none of the other languages either.
      .then(() => workers.controller || Promise.all(others.map((root) => register(root, "?light"))))
      .then(() => workers.ready)
      .then(() => Promise.all(others.map((root) => register(root))))
      .catch(console.warn); // the browser's own message says why (no HTTPS, a failed download…)
  const whenIdle = () => ("requestIdleCallback" in window ? requestIdleCallback(start, { timeout: 3000 }) : setTimeout(start, 500));
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle); // fires once
}

function mountAll() {
  for (const [selector, mount] of widgets) {
    for (const element of document.querySelectorAll(selector)) {
      // One broken widget must not take the others down; the static markup stays usable.
      Promise.resolve()
        .then(() => mount(element))
        .catch((error) => console.error("widget failed to start", selector, error));
    }
  }
}

mountAll();
