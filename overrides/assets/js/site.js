// The one entry script: mounts every widget found on the page. Material's
// document$ fires on first load (and on each instant navigation, if enabled);
// the data-mounted flag keeps a widget from being bound twice.
import { mountChecklist } from "./checklist.js";
import { mountLanguageLink } from "./language.js";
import { registerOffline } from "./offline.js";
import { mountCopyLink } from "./share.js";

// Heavier widgets load only on pages that have them.
const mountCalculator = async (element) => (await import("./calculator.js")).mountCalculator(element);
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
