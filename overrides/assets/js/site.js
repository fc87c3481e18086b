// The one entry script: mounts every widget found on the page. Material's
// document$ fires on first load (and on each instant navigation, if enabled);
// the data-mounted flag keeps a widget from being bound twice.
import { mountChecklist } from "./checklist.js";
import { mountLanguageLink } from "./language.js";
import { registerOffline } from "./offline.js";
import { mountCopyLink } from "./share.js";

const widgets = [
  [".check-list[data-check-list]", mountChecklist],
  [".md-select__link[hreflang]", mountLanguageLink],
  ["a.headerlink, a.check-item__link", mountCopyLink],
  ['link[rel="manifest"]', registerOffline],
];

function mountAll() {
  for (const [selector, mount] of widgets) {
    for (const element of document.querySelectorAll(selector)) {
      if (element.dataset.mounted) continue;
      element.dataset.mounted = "true";
      try {
        mount(element);
      } catch (error) {
        // One broken widget must not take the others down; the static markup stays usable.
        console.warn("widget failed to start", selector, error);
      }
    }
  }
}

if (window.document$) window.document$.subscribe(mountAll);
else mountAll();
