// The brief builder's logic, apart from the DOM: which answers are vague, and the
// brief itself as chat text or Markdown. macros/brief.py has the same warning
// rules (tests/vectors/brief-warnings.json runs against both).

// Lower case, accents off, quotes off, single spaces: what the rule patterns read.
export function normalize(text) {
  return String(text || "")
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/["'«»“”‘’¿¡]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

// {question id: [rule ids]} for the answers a specialist would send straight back.
export function vagueWarnings(answers, rules) {
  const found = {};
  for (const rule of rules) {
    if (rule.unlessFilled.some((id) => normalize(answers[id]))) continue;
    for (const field of rule.fields) {
      const text = normalize(answers[field]);
      if (!text) continue;
      const hit = rule.needsNumber
        ? !/\d/.test(text)
        : rule.patterns.some((pattern) => new RegExp(pattern).test(text));
      if (hit) (found[field] ||= []).push(rule.id);
    }
  }
  return found;
}

export function isEmpty(answers) {
  return !Object.values(answers).some((value) => String(value || "").trim());
}

// "30" → "30 %" (Spanish) / "30%" (English); anything else stays as typed.
export function asPercent(value, lang) {
  const text = value.trim();
  if (!/^\d+(?:[.,]\d+)?$/.test(text)) return text;
  return lang === "es" ? `${text} %` : `${text}%`;
}

// The brief as data: a title, an intro and one section per answered question,
// in the order of the form, in the output language `out`.
export function buildBrief(answers, questions, out, lang) {
  const sections = [];
  for (const question of questions) {
    let value = String(answers[question.id] || "").trim();
    if (!value) continue;
    if (question.kind === "choice") value = out.opt[question.id]?.[value] || value;
    if (question.percent) value = asPercent(value, lang);
    sections.push({ heading: out.q[question.id], text: value });
  }
  return { title: out.title, intro: out.intro, sections };
}

// For a chat: headings end with a colon, no markup characters to confuse a messenger.
export function toText(brief) {
  const parts = [brief.title, brief.intro];
  for (const { heading, text } of brief.sections) parts.push(`${heading}:\n${text}`);
  return `${parts.join("\n\n")}\n`;
}

export function toMarkdown(brief) {
  const parts = [`# ${brief.title}`, brief.intro];
  for (const { heading, text } of brief.sections) parts.push(`## ${heading}\n\n${text}`);
  return `${parts.join("\n\n")}\n`;
}
