// The one entry script: mounts every widget found on the page. Material's
// document$ fires on first load (and on each instant navigation, if enabled);
// the data-mounted flag keeps a widget from being bound twice.
import { mountChecklist } from "./checklist.js";
import { mountLanguageLink } from "./language.js";
// Brief builder and printable templates (brief-kit).
import { mountBrief } from "./brief.js";
import { mountTemplate } from "./template.js";

const widgets = [
  [".check-list[data-check-list]", mountChecklist],
  [".md-select__link[hreflang]", mountLanguageLink],
  [".brief[data-brief]", mountBrief],
  [".tpl[data-tpl]", mountTemplate],
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
