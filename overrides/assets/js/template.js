// Printable templates: copy the whole template, copy only the ticked clauses,
// print just this template. The buttons come from macros/templates.py, hidden
// until this script shows them; the checklist ticks belong to checklist.js.
import { announce, copyText } from "./clipboard.js";
import { tickedItems, tickedToText, toMarkdown } from "./tpl-text.js";

export function mountTemplate(tpl) {
  const name = tpl.dataset.tpl;
  for (const tools of document.querySelectorAll(`.tpl-tools[data-tpl-for="${name}"]`)) {
    const status = tools.querySelector(".tpl-status");
    const say = (key) => announce(status, tools.dataset[key]);

    const copyButton = tools.querySelector("[data-action=copy]");
    copyButton?.addEventListener("click", async () => {
      const copied = await copyText(toMarkdown(tpl));
      copyButton.dataset.copied = String(copied);
      say(copied ? "copied" : "failed");
    });
    const tickedButton = tools.querySelector("[data-action=copy-ticked]");
    tickedButton?.addEventListener("click", async () => {
      const groups = tickedItems(tpl);
      if (!groups.length) return say("none");
      const copied = await copyText(tickedToText(tools.dataset.tickedTitle, groups));
      tickedButton.dataset.copied = String(copied);
      say(copied ? "copiedTicked" : "failed");
    });
    tools.querySelector("[data-action=print]")?.addEventListener("click", () => printOnly(tpl));
    tools.hidden = false;
  }
}

// Print this template alone (a page may hold an example and a blank version).
function printOnly(tpl) {
  document.body.classList.add("tpl-print-one");
  tpl.classList.add("tpl--printing");
  const done = () => {
    document.body.classList.remove("tpl-print-one");
    tpl.classList.remove("tpl--printing");
  };
  window.addEventListener("afterprint", done, { once: true });
  window.print();
}
