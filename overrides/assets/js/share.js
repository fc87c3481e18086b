// Copy a link on tap: the "#" next to every heading and checklist item, and any
// other button that calls copyLink() (calculator results, for instance):
//
//   import { copyLink } from "./share.js";
//   button.addEventListener("click", () => copyLink(resultUrl, button));
//
// The page's status line (.share-status, added by macros/sharing.py) says
// "Link copied" in the page's language, for sighted and screen-reader users alike.
const SHOWN_MS = 2500;
let hideTimer;

// Full address of an anchor on this page, without query or old hash.
export function anchorUrl(id, loc = window.location) {
  return `${loc.origin}${loc.pathname}#${id}`;
}

export async function copyLink(url, button) {
  const copied = await writeText(String(url));
  if (button) {
    button.dataset.copied = copied ? "true" : "false";
    setTimeout(() => delete button.dataset.copied, SHOWN_MS);
  }
  announce(copied ? "copied" : "failed");
  return copied;
}

async function writeText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* permission refused or no clipboard: try the old way */
  }
  // Plain http (a laptop on the venue's Wi-Fi) has no async clipboard.
  const field = document.createElement("textarea");
  field.value = text;
  field.setAttribute("readonly", "");
  field.className = "share-buffer";
  const focused = document.activeElement;
  document.body.append(field);
  field.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  field.remove();
  focused?.focus?.({ preventScroll: true });
  return copied;
}

function announce(kind) {
  const status = document.querySelector(".share-status");
  if (!status) return;
  status.textContent = status.dataset[kind] || "";
  clearTimeout(hideTimer);
  hideTimer = setTimeout(() => {
    status.textContent = "";
  }, SHOWN_MS);
}

// Headings and checklist items: the link still scrolls to its anchor (and the
// address bar shows it); the tap also copies the full URL.
export function mountCopyLink(link) {
  link.addEventListener("click", () => {
    copyLink(anchorUrl(decodeURIComponent(link.hash.slice(1))), link);
  });
}
