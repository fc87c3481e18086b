// Browser-only storage for the reader's own data (checklist ticks, brief answers).
// Nothing here is ever sent anywhere. Storage can be missing, blocked or full (private
// mode, disabled cookies, another site's data): no call throws; a save says whether it
// worked, so the widget can tell the reader. Stored values are never trusted: whatever
// is unreadable or not the shape the widget expects is dropped.
const PREFIX = "trato-claro:";

// The stored value if it parses and passes isValid, else fallback (a bad value is removed,
// so it cannot hide the reader's next saves behind it).
export function load(key, fallback, isValid = () => true) {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (raw === null) return fallback;
    const value = JSON.parse(raw);
    if (isValid(value)) return value;
  } catch {
    /* storage blocked, or invalid JSON: dropped below */
  }
  remove(key);
  return fallback;
}

export function save(key, value) {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function remove(key) {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    /* storage blocked: nothing stored, nothing to remove */
  }
}

// Another tab of this site saved or removed the key (the event never fires in the tab that saved).
export function watch(key, onChange) {
  addEventListener("storage", (event) => (event.key ?? PREFIX + key) === PREFIX + key && onChange());
}

// The page's path below its language root ("guarantees/"), so a tick made in
// Spanish is still there on the same page in English.
export function pageKey(doc = document, loc = window.location) {
  const config = JSON.parse(doc.getElementById("__config")?.textContent || "{}");
  const root = new URL(config.base || ".", loc.href).pathname.replace(/\/?$/, "/");
  const path = loc.pathname.startsWith(root) ? loc.pathname.slice(root.length) : loc.pathname;
  return path.replace(/index\.html$/, "") || "home";
}
