// The agreement as text to take away: plain text and Markdown (twins of to_text() and
// to_markdown() in macros/agreement_doc.py, held to the same characters by
// tests/vectors/agreement.json), copied (also formatted, for a word processor) or downloaded,
// and the link that reopens the agreement. Loaded only when the reader reaches for copy, download or link
// (agreement.js), so a visit that only reads and fills does not download it;
// tests/built/test_js_budget.py budgets it on its own.
import { copyText, downloadText } from "./clipboard.js";

// Runs of spaces go in quoted strings: the minifier (rjsmin) squeezes them inside `templates`.
const INDENT = "\n   ";
const GAP = "  ";
const signLine = (sign, who) => `${who}: ${sign.blank}${GAP}${sign.date}: ${sign.blank}`;

// "#v=1&o=en&t=60&c=ACME": the version, the document's language `out`, and each answer (of
// `texts`, by field id) that differs from that version's default, by its short key (the
// start date always: it moves). parseFragment() in agreement.js reads it back.
export function fragment(texts, config, out) {
  const defaults = config.linkDefaults[config.linkVersion];
  const changed = config.fields.filter(({ id }) => texts[id] !== defaults[id] || defaults[id] === "@today");
  return `#${new URLSearchParams([["v", config.linkVersion], ["o", out], ...changed.map(({ id, key }) => [key, texts[id]])])}`;
}

// A button's work on every document shown (one, or both languages): download it as .md or
// .txt, or copy it as text or formatted. Returns the key of the message that says how it went.
export async function takeAway(action, docs, preview) {
  const text = docs.map(toText).join("\n\n");
  const day = new Date().toISOString().slice(0, 10);
  if (action === "download_md") downloadText(`agreement-${day}.md`, docs.map(toMarkdown).join("\n\n"), "text/markdown");
  else if (action === "download_txt") downloadText(`agreement-${day}.txt`, text, "text/plain");
  else return (await (action === "copy" ? copyText(text) : copyRich(preview, text))) ? "copied" : "copy_failed";
  return "downloaded";
}

export function toText(doc) {
  const out = [doc.title, doc.parties, doc.note];
  for (const part of doc.parts) {
    out.push([part.title.toUpperCase(), ...part.clauses.map((c) => `${c.n}. ${c.text}${c.example ? INDENT + c.example : ""}`)].join("\n"));
  }
  const { plan, sign } = doc;
  out.push([plan.title.toUpperCase(), plan.intro, plan.columns.join(" | "), ...plan.rows.map((row) => row.map((cell) => cell || sign.blank).join(" | "))].join("\n"));
  out.push([sign.title.toUpperCase(), ...sign.parties.map((who) => signLine(sign, who))].join("\n"));
  return `${out.join("\n\n")}\n`;
}

export function toMarkdown(doc) {
  const out = [`# ${doc.title}`, doc.parties, `*${doc.note}*`];
  for (const part of doc.parts) {
    out.push([`## ${part.title}`, "", ...part.clauses.map((c) => `${c.n}. ${c.text}${c.example ? `${GAP}${INDENT}*${c.example}*` : ""}`)].join("\n"));
  }
  const { plan, sign } = doc;
  const table = [`| ${plan.columns.join(" | ")} |`, "|---|---|---|---|", ...plan.rows.map((row) => `| ${row.map((cell) => cell || " ").join(" | ")} |`)];
  out.push([`## ${plan.title}`, "", plan.intro, "", ...table].join("\n"));
  out.push([`## ${sign.title}`, "", ...sign.parties.map((who) => `- ${signLine(sign, who)}`)].join("\n"));
  return `${out.join("\n\n")}\n`;
}

// Formatted for a word processor (text/html) with the plain text beside it.
export async function copyRich(preview, text) {
  try {
    const html = `<meta charset="utf-8">${preview.innerHTML}`;
    await navigator.clipboard.write([new ClipboardItem({
      "text/html": new Blob([html], { type: "text/html" }),
      "text/plain": new Blob([text], { type: "text/plain" }),
    })]);
    return true;
  } catch {
    return copyText(text);
  }
}