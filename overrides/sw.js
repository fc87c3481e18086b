// Offline reading for one language: this worker lives at the language root
// (/sw.js or /en/sw.js) and precaches every page and asset of that language on
// the first visit, so the whole guide, its search and its calculators open
// without a network. macros/offline.py writes the file list and a content hash
// (the version) into PRECACHE at build time; a new build → new bytes here →
// the browser installs the new worker, which replaces the old cache.
const PRECACHE = /*@precache*/null;

const SCOPE = self.registration.scope; // the language root, with a trailing slash
const PREFIX = `offline:${new URL(SCOPE).pathname}:`; // caches are per origin: keep es and en apart
const CACHE = PREFIX + PRECACHE.version;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // cache: "reload" skips the HTTP cache, so the worker stores what this build served.
      .then((cache) => cache.addAll(PRECACHE.files.map((file) => new Request(new URL(file, SCOPE), { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

// The other language's subtree (/en/ inside /) is not ours: no respondWith, the
// browser goes to the network or to that language's own worker.
function ours(url) {
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return false;
  const path = url.href.slice(SCOPE.length);
  return !PRECACHE.skip.some((prefix) => path.startsWith(prefix));
}

// Cache first: every file of one build comes from the same version, instantly,
// on conference Wi-Fi too. Anything not precached goes to the network.
async function respond(request) {
  const cache = await caches.open(CACHE);
  // ignoreSearch: calculator inputs (?…) and the search highlight (?h=) use the same page.
  const hit = await cache.match(request, { ignoreSearch: true, ignoreVary: true });
  // A copy has no URL of its own, so the page or worker keeps the one it asked for:
  // search-stemmed.js reads its ?material= parameter from self.location.
  if (hit) return new URL(request.url).search ? new Response(hit.body, hit) : hit;
  try {
    return await fetch(request);
  } catch (error) {
    if (request.mode === "navigate" && PRECACHE.fallback) {
      const notFound = await cache.match(new URL(PRECACHE.fallback, SCOPE));
      if (notFound) return notFound;
    }
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET" || !ours(new URL(event.request.url))) return;
  event.respondWith(respond(event.request));
});
