// Copy and download without a server: the text goes to the clipboard or to a
// file made in the browser (a Blob), never over the network.

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
