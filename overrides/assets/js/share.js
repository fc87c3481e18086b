// Copy a link on tap: the "#" next to every heading and checklist item, and any
// other button that calls copyLink(url, button). The page's status line
// (.share-status, added by macros/sharing.py) says "Link copied" in the page's
// language, for sighted and screen-reader users alike.
import { announce, copyText } from "./clipboard.js";

export async function copyLink(url, button) {
  const copied = await copyText(String(url));
  if (button) {
    button.dataset.copied = copied;
    setTimeout(() => delete button.dataset.copied, 2500);
  }
  const status = document.querySelector(".share-status");
  if (status) announce(status, status.dataset[copied ? "copied" : "failed"], 2.5);
  return copied;
}

// Headings and checklist items: the link still scrolls to its anchor (and the
// address bar shows it); the tap also copies the full URL, without query or old hash.
export function mountCopyLink(link) {
  link.addEventListener("click", () => {
    copyLink(`${location.origin}${location.pathname}${link.hash}`, link);
  });
}
