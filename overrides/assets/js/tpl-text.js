// A rendered template back to text a reader can paste anywhere: Markdown that
// reads as plain text too (headings with #, lists with -, tables with |, ticks
// as [x]). Reads the DOM, changes nothing.

// Page furniture inside a template that is not part of its text.
const SKIP = ".headerlink, .check-item__link, .check-tools, .tpl-tools";

export function toMarkdown(root) {
  return `${blocks(root).join("\n\n").replace(/\n{3,}/g, "\n\n").trim()}\n`;
}

function blocks(parent) {
  const out = [];
  for (const el of parent.children) {
    if (el.matches(SKIP)) continue;
    const tag = el.tagName;
    if (/^H[1-6]$/.test(tag)) out.push(`${"#".repeat(Number(tag[1]))} ${inline(el)}`);
    else if (tag === "UL" || tag === "OL") out.push(list(el, ""));
    else if (tag === "TABLE") out.push(table(el));
    else if (tag === "BLOCKQUOTE") out.push(blocks(el).join("\n\n").replace(/^/gm, "> "));
    else if (tag === "HR") out.push("---");
    else if (tag === "P" && el.classList.contains("admonition-title")) out.push(`**${inline(el)}**`);
    else if (["DIV", "SECTION", "DETAILS", "FIGURE"].includes(tag)) out.push(...blocks(el));
    else out.push(inline(el));
  }
  return out.filter((text) => text.trim());
}

function list(ul, indent) {
  const ordered = ul.tagName === "OL";
  return [...ul.children].map((li, index) => {
    const box = li.querySelector(":scope > label > input[type=checkbox], :scope > input[type=checkbox]");
    const marker = ordered ? `${index + 1}.` : "-";
    const tick = box ? `[${box.checked ? "x" : " "}] ` : "";
    const nested = [...li.children].filter((child) => child.tagName === "UL" || child.tagName === "OL");
    const own = inline(li, nested);
    const lines = [`${indent}${marker} ${tick}${own}`];
    for (const sub of nested) lines.push(list(sub, `${indent}  `));
    return lines.join("\n");
  }).join("\n");
}

function table(el) {
  const rows = [...el.querySelectorAll("tr")].map((tr) =>
    `| ${[...tr.children].map((cell) => inline(cell).replace(/\|/g, "\\|") || " ").join(" | ")} |`);
  const header = el.querySelector("thead tr");
  if (header) rows.splice(1, 0, `|${" --- |".repeat(header.children.length)}`);
  return rows.join("\n");
}

// Text of an element with **bold**, _italics_ and line breaks; `leave` are children to skip.
export function inline(el, leave = []) {
  let text = "";
  for (const node of el.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
    if (node.nodeType !== Node.ELEMENT_NODE || leave.includes(node) || node.matches(SKIP)) continue;
    if (node.tagName === "INPUT") continue;
    const inner = inline(node);
    if (node.tagName === "BR") text += "\n";
    else if (["STRONG", "B"].includes(node.tagName) && inner.trim()) text += `**${inner}**`;
    else if (["EM", "I"].includes(node.tagName) && inner.trim()) text += `_${inner}_`;
    else if (["P", "DIV", "UL", "OL"].includes(node.tagName)) text += `\n${inner}\n`;
    else text += inner;
  }
  return text.replace(/[ \t]+/g, " ").replace(/ *\n */g, "\n").trim();
}

// Ticked checklist items of a template, grouped under the heading before them.
export function tickedItems(root) {
  const groups = [];
  let current = { heading: "", items: [] };
  const headings = "h2, h3, h4";
  for (const el of root.querySelectorAll(`${headings}, li.check-item`)) {
    if (el.matches(headings)) {
      current = { heading: inline(el), items: [] };
      groups.push(current);
    } else if (el.querySelector("input[type=checkbox]")?.checked) {
      if (!groups.includes(current)) groups.push(current);
      current.items.push(inline(el.querySelector(".check-item__text") || el));
    }
  }
  return groups.filter((group) => group.items.length);
}

export function tickedToText(title, groups) {
  const parts = [title];
  for (const { heading, items } of groups) {
    parts.push([heading, ...items.map((item) => `- ${item}`)].filter(Boolean).join("\n"));
  }
  return `${parts.join("\n\n")}\n`;
}
