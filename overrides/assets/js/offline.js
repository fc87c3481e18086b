// Offline reading: registers this language's service worker (sw.js at the
// language root, written at build time by macros/offline.py). Mounted on the
// page's <link rel="manifest">, which sits at the same root.
// It waits until the page has loaded and the browser is idle, so the one-off
// download of the language's pages never competes with the page being read.
export function registerOffline(manifest) {
  if (!("serviceWorker" in navigator)) return;
  // The reader asked their browser to save data: no whole-guide download behind their back.
  if (navigator.connection?.saveData) return;
  const root = new URL(".", manifest.href);
  const register = () =>
    navigator.serviceWorker
      .register(new URL("sw.js", root), { scope: root.pathname })
      .catch((error) => console.warn("offline reading unavailable:", error.message));
  const whenIdle = () => ("requestIdleCallback" in window ? requestIdleCallback(register, { timeout: 3000 }) : setTimeout(register, 500));
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle, { once: true });
}
