// Copy and download without a server: the text goes to the clipboard or to a
// file made in the browser (a Blob), never over the network. Also the copy-link
// taps of every page (one file: it loads on every page anyway).

export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Plain http (a laptop on the venue's Wi-Fi), in-app browsers, refused permission.
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.readOnly = true;
  area.className = "share-buffer";
  const focused = document.activeElement;
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  area.remove();
  focused?.focus?.({ preventScroll: true });
  return copied;
}

export function downloadText(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// A short message in a role="status" element; it clears itself so the next one is announced.
export function announce(status, message, seconds = 6) {
  status.textContent = message;
  clearTimeout(status._timer);
  status._timer = setTimeout(() => {
    if (status.textContent === message) status.textContent = "";
  }, seconds * 1000);
}

// Copy a link on tap: the "#" next to every heading and checklist item, and any
// other button that calls copyLink(url, button). The page's status line
// (.share-status, added by macros/sharing.py) says "Link copied" in the page's
// language, for sighted and screen-reader users alike.

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
