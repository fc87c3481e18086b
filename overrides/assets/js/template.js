// Printable templates: copy the whole template, copy only the ticked clauses,
// print just this template. The buttons and the template's text (data-text) come
// from macros/templates.py; the checklist ticks belong to site.js.
import { announce, copyText } from "./clipboard.js";

export function mountTemplate(tpl) {
  for (const tools of document.querySelectorAll(`.tpl-tools[data-tpl-for="${tpl.dataset.tpl}"]`)) {
    const status = tools.querySelector(".tpl-status");
    const copy = async (button, text, done) => {
      const copied = await copyText(text);
      button.dataset.copied = String(copied);
      announce(status, tools.dataset[copied ? done : "failed"]);
    };
    for (const button of tools.querySelectorAll("[data-action]")) {
      button.addEventListener("click", () => {
        const action = button.dataset.action;
        if (action === "print") return printOnly(tpl);
        if (action === "copy") return copy(button, tpl.dataset.text, "copied");
        const text = tickedText(tpl, tools.dataset.tickedTitle);
        return text ? copy(button, text, "copiedTicked") : announce(status, tools.dataset.none);
      });
    }
    tools.hidden = false;
  }
}

// The ticked checklist items, under the heading of their group; "" if none is ticked.
export function tickedText(tpl, title) {
  const parts = [];
  let heading = "";
  for (const el of tpl.querySelectorAll("h2, h3, h4, li.check-item")) {
    // A heading's own text, without its "#" copy-link.
    const own = el.querySelector(".check-item__text") || el;
    const text = [...own.childNodes].filter((node) => !node.classList?.contains("headerlink"))
      .map((node) => node.textContent).join("").replace(/[¶\s]+$/, "").replace(/\s+/g, " ");
    if (!el.matches("li")) heading = text.trim();
    else if (el.querySelector("input").checked) {
      if (heading) parts.push(`\n${heading}`);
      heading = "";
      parts.push(`- ${text.trim()}`);
    }
  }
  return parts.length ? `${title}\n${parts.join("\n")}\n` : "";
}

// Print this template alone (a page may hold an example and a blank version).
function printOnly(tpl) {
  document.body.classList.add("tpl-print-one");
  tpl.classList.add("tpl--printing");
  window.addEventListener("afterprint", () => {
    document.body.classList.remove("tpl-print-one");
    tpl.classList.remove("tpl--printing");
  }, { once: true });
  window.print();
}
