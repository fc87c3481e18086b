// The brief builder: a form whose answers become a brief the reader copies into
// a chat or downloads. Answers live in localStorage only; the form never submits.
// Markup and texts come from macros/brief.py; the logic from brief-text.js.
import { load, remove, save, watch } from "./store.js";
import { buildBrief, isEmpty, toMarkdown, toText, vagueWarnings } from "./brief-text.js";
import { announce, copyText, downloadText } from "./clipboard.js";

const UNDO_SECONDS = 20;

export function mountBrief(root) {
  const config = JSON.parse(root.querySelector(".brief-data").textContent);
  const form = root.querySelector(".brief-form");
  const preview = root.querySelector(".brief-preview__text");
  const status = root.querySelector(".brief-status");
  const button = (action) => root.querySelector(`[data-action="${action}"]`);
  const notSaved = root.querySelector(".brief-save-failed"); // shown while this browser refuses to keep the answers
  const outputLang = () => form.elements.namedItem("brief-output-lang").value || config.lang;
  let lastCleared = null;

  // What storage holds, trusting nothing: only text answers to this form's questions
  // (an object that is not a plain {…} is dropped by load), only a language we write in.
  const stored = () => {
    const value = load(config.storageKey, null, (v) => v?.constructor === Object);
    return {
      answers: Object.fromEntries(config.questions.map(({ id }) => [id, typeof value?.answers?.[id] == "string" ? value.answers[id] : ""])),
      lang: typeof value?.lang == "string" && Object.hasOwn(config.out, value.lang) ? value.lang : outputLang(),
    };
  };

  const readAnswers = () => {
    const answers = {};
    for (const { id } of config.questions) answers[id] = form.elements.namedItem(id).value;
    return answers;
  };
  const writeAnswers = (answers, lang, except) => { // except: the field being typed in, left alone
    for (const { id } of config.questions) if (id !== except) setValue(form.elements.namedItem(id), answers[id] || "");
    setValue(form.elements.namedItem("brief-output-lang"), lang in config.out ? lang : config.lang);
  };
  const currentBrief = () => {
    const lang = outputLang();
    return buildBrief(readAnswers(), config.questions, config.out[lang], lang);
  };

  const showWarnings = (answers) => {
    const found = vagueWarnings(answers, config.rules);
    for (const { id } of config.questions) {
      const box = root.querySelector(`#brief-${id}-warn`);
      const ids = found[id] || [];
      if (box.dataset.rules === ids.join()) continue; // unchanged: do not re-announce
      box.dataset.rules = ids.join();
      box.replaceChildren(...ids.flatMap((rule) => warningNodes(config.warn[rule], config.warnLink)));
    }
  };

  // Two tabs both keep their answers: an edit re-reads what is stored and changes only the
  // answer edited (`name`); clear and undo (no name), or any save after a failed one, save the form whole.
  const persist = (name) => {
    const answers = readAnswers();
    const latest = name && notSaved.hidden ? stored() : { answers };
    if (name in latest.answers) latest.answers[name] = answers[name];
    latest.lang = outputLang();
    notSaved.hidden = isEmpty(latest.answers) ? (remove(config.storageKey), true) : save(config.storageKey, latest);
  };
  const update = (name) => {
    persist(name);
    render();
  };
  const render = () => {
    const answers = readAnswers();
    const empty = isEmpty(answers);
    showWarnings(answers);
    if (empty) preview.textContent = config.ui.empty;
    else renderPreview(preview, currentBrief());
    preview.classList.toggle("brief-preview__text--empty", empty);
    root.classList.toggle("brief--filled", !empty);
    for (const action of ["copy", "download_md", "download_txt", "clear"]) button(action).disabled = empty;
  };

  const show = (except) => {
    const { answers, lang } = stored();
    writeAnswers(answers, lang, except);
    render();
  };
  // Another tab saved: show its answers, and say so (not while this tab's own are unsaved).
  watch(config.storageKey, () => {
    if (!notSaved.hidden) return;
    show(document.activeElement?.name);
    announce(status, config.ui.other_tab);
  });

  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("input", (event) => {
    button("undo").hidden = true;
    update(event.target.name);
  });
  form.addEventListener("change", (event) => update(event.target.name));

  button("copy").addEventListener("click", async () => {
    const copied = await copyText(toText(currentBrief()));
    button("copy").dataset.copied = copied ? "true" : "false";
    announce(status, copied ? config.ui.copied : config.ui.copy_failed);
  });
  button("download_md").addEventListener("click", () => {
    downloadText(fileName("md"), toMarkdown(currentBrief()), "text/markdown");
    announce(status, config.ui.downloaded);
  });
  button("download_txt").addEventListener("click", () => {
    downloadText(fileName("txt"), toText(currentBrief()), "text/plain");
    announce(status, config.ui.downloaded);
  });
  button("print").addEventListener("click", () => window.print());
  button("clear").addEventListener("click", () => {
    lastCleared = { answers: readAnswers(), lang: outputLang() };
    writeAnswers({}, config.lang);
    update();
    button("undo").hidden = false;
    announce(status, config.ui.cleared, UNDO_SECONDS);
    setTimeout(() => { button("undo").hidden = true; }, UNDO_SECONDS * 1000);
  });
  button("undo").addEventListener("click", () => {
    if (!lastCleared) return;
    writeAnswers(lastCleared.answers, lastCleared.lang);
    lastCleared = null;
    button("undo").hidden = true;
    update();
    announce(status, config.ui.restored);
  });

  // Live from here on: the paper template gives way to the form (print keeps it for an empty brief).
  form.hidden = false;
  root.classList.add("brief--live");
  show();
}

// The chat text exactly as copied (toText), with the headings in bold for reading and printing.
function renderPreview(element, brief) {
  const bold = (text) => Object.assign(document.createElement("strong"), { textContent: text });
  const nodes = [bold(brief.title), `\n\n${brief.intro}`];
  for (const { heading, text } of brief.sections) nodes.push("\n\n", bold(`${heading}:`), `\n${text}`);
  element.replaceChildren(...nodes);
}

// A radio group's value cannot be set to "none": untick each radio instead.
function setValue(control, value) {
  if (control instanceof RadioNodeList) {
    for (const radio of control) radio.checked = radio.value === value;
  } else {
    control.value = value;
  }
}

function warningNodes(warning, linkText) {
  const text = document.createElement("span");
  text.textContent = `${warning.text} `;
  const link = document.createElement("a");
  link.href = warning.href;
  link.textContent = linkText;
  const line = document.createElement("span");
  line.className = "brief-warn__line";
  line.append(text, link);
  return [line];
}

function fileName(extension) {
  const day = new Date().toISOString().slice(0, 10);
  return `brief-${day}.${extension}`;
}
