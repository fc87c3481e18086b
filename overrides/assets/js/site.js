// The one entry script: mounts every widget found on the page. Material's
// document$ fires on first load (and on each instant navigation, if enabled);
// the data-mounted flag keeps a widget from being bound twice.
import { mountChecklist } from "./checklist.js";
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
const mountTemplate = async (element) => (await import("./template.js")).mountTemplate(element);

const widgets = [
  [".check-list[data-check-list]", mountChecklist],
  [".md-select__link[hreflang]", mountLanguageLink],
  [".calc[data-calc]", mountCalculator],
  ["a.headerlink, a.check-item__link", mountCopyLink],
  ['link[rel="manifest"]', registerOffline],
  [".brief[data-brief]", mountBrief],
  [".tpl[data-tpl]", mountTemplate],
];

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
// language root, written at build time by macros/offline.py). Mounted on the
// page's <link rel="manifest">, which sits at the same root.
// It waits until the page has loaded and the browser is idle, so the one-off
// download of the language's pages never competes with the page being read.
function registerOffline(manifest) {
  if (!("serviceWorker" in navigator)) return;
  // The reader asked their browser to save data: no whole-guide download behind their back.
  if (navigator.connection?.saveData) return;
  const root = new URL(".", manifest.href);
  const register = () =>
    navigator.serviceWorker
      .register(new URL("sw.js", root), { scope: root.pathname })
      .catch((error) => console.warn("offline reading unavailable:", error.message));
  const whenIdle = () => ("requestIdleCallback" in window ? requestIdleCallback(register, { timeout: 3000 }) : setTimeout(register, 500));
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle, { once: true });
}

function mountAll() {
  for (const [selector, mount] of widgets) {
    for (const element of document.querySelectorAll(selector)) {
      if (element.dataset.mounted) continue;
      element.dataset.mounted = "true";
      // One broken widget must not take the others down; the static markup stays usable.
      Promise.resolve()
        .then(() => mount(element))
        .catch((error) => console.error("widget failed to start", selector, error));
    }
  }
}

if (window.document$) window.document$.subscribe(mountAll);
else mountAll();
