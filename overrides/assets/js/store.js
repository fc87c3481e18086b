// Browser-only storage for the reader's own data (ticks, brief answers, calculator inputs).
// Nothing here is ever sent anywhere. Storage can be missing or full (private mode,
// disabled cookies): every call degrades to "not saved" instead of throwing.
const PREFIX = "trato-claro:";

export function load(key, fallback) {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    return raw === null ? fallback : JSON.parse(raw);
  } catch {
    return fallback;
  }
}

export function save(key, value) {
  try {
    window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function remove(key) {
  try {
    window.localStorage.removeItem(PREFIX + key);
  } catch {
    /* nothing stored, nothing to remove */
  }
}

// The page's path below its language root ("guarantees/"), so a tick made in
// Spanish is still there on the same page in English.
export function pageKey(doc = document, loc = window.location) {
  const config = JSON.parse(doc.getElementById("__config")?.textContent || "{}");
  const root = new URL(config.base || ".", loc.href).pathname.replace(/\/?$/, "/");
  const path = loc.pathname.startsWith(root) ? loc.pathname.slice(root.length) : loc.pathname;
  return path.replace(/index\.html$/, "") || "home";
}
