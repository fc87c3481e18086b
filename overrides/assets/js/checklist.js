// Interactive checklists: ticks kept in this browser, progress shown, one reset button.
// The markup comes from macros/checklists.py; without this script it is a plain list.
import { load, save, remove, pageKey } from "./store.js";

export function mountChecklist(list) {
  const tools = list.nextElementSibling;
  const progress = tools?.querySelector(".check-progress");
  const reset = tools?.querySelector(".check-reset");
  const boxes = [...list.querySelectorAll(".check-item__box")];
  const key = `check:${pageKey()}:${list.dataset.checkList}`;

  const stored = new Set(load(key, []));
  for (const box of boxes) box.checked = stored.has(box.closest(".check-item").id);

  const update = () => {
    const done = boxes.filter((box) => box.checked);
    progress.textContent = progress.dataset.template
      .replace("{done}", String(done.length))
      .replace("{total}", String(boxes.length));
    list.classList.toggle("check-list--complete", done.length === boxes.length);
    return done.map((box) => box.closest(".check-item").id);
  };

  list.addEventListener("change", () => save(key, update()));
  reset.addEventListener("click", () => {
    for (const box of boxes) box.checked = false;
    remove(key);
    update();
  });
  progress.hidden = false;
  reset.hidden = false;
  update();
}
