// The language switcher already links to the same page in the other language
// (partials/alternate.html); this keeps the reader's place: headings, checklist
// items and calculator anchors are the same in both languages.
export function mountLanguageLink(link) {
  link.addEventListener("click", () => {
    const target = new URL(link.href);
    target.hash = window.location.hash;
    target.search = window.location.search; // calculator inputs travel too
    link.href = target.href;
  });
}
