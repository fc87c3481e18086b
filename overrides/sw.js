// Offline reading for one language: this worker lives at the language root
// (/sw.js or /en/sw.js) and precaches every page and asset of that language on
// the first visit, so the whole guide, its search and its calculators open
// without a network. macros/offline.py writes the file list, each file's
// revision (a hash of its bytes) and the version into PRECACHE at build time;
// a new build → new bytes here → the browser installs the new worker, which
// downloads only the files whose revision changed and takes over at once. The
// older version's files stay until no page opened from it is left: such a page
// may still ask for a file the new build renamed (Material's bundle starts late).
// Offline, a page it does not have (the other language before its own worker
// has saved it, or any page for a reader who asked to save data) gets that
// language's "not saved yet" page, never the browser's error.
const PRECACHE = /*@precache*/null;

const SCOPE = self.registration.scope; // the language root, with a trailing slash
const PREFIX = `offline:${new URL(SCOPE).pathname}:`; // caches are per origin: keep es and en apart
const CACHE = PREFIX + PRECACHE.version;
// The reader asked to save data (sw.js?light: assets/js/site.js): only the not-saved pages.
const FILES = new URL(self.location.href).searchParams.has("light")
  ? Object.fromEntries(PRECACHE.light.map((file) => [file, PRECACHE.files[file]]))
  : PRECACHE.files;
// In each version's cache, the revisions of the files it holds: the next version copies the
// unchanged ones from it instead of downloading them again.
const REVISIONS = new Request(`${SCOPE}__revisions__`);
// The ids of pages opened from an older version, kept where a restarted worker finds them
// (its own cache: the name does not start with PREFIX, so it is never searched for files).
const STATE_CACHE = `offline-state:${new URL(SCOPE).pathname}`;
const STATE_KEY = new Request(`${SCOPE}__older-pages__`);
let olderPages; // Promise<string[]>, read once per worker start
let tidy = false; // no older cache left since this worker started

const readOlderPages = () => (olderPages ??= caches.match(STATE_KEY, { cacheName: STATE_CACHE }).then((hit) => (hit ? hit.json() : [])));
async function writeOlderPages(ids) {
  olderPages = Promise.resolve(ids);
  await (await caches.open(STATE_CACHE)).put(STATE_KEY, new Response(JSON.stringify(ids)));
}
const olderCaches = async () => (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
// Pages of this language only: every page of the origin is a client, the other language's too.
const openPages = async () =>
  (await self.clients.matchAll({ type: "window", includeUncontrolled: true })).filter((page) => ours(new URL(page.url))).map((page) => page.id);
const revisionsIn = async (cacheName) => {
  const hit = await caches.match(REVISIONS, { cacheName });
  return hit ? hit.json() : {};
};

async function install() {
  const cache = await caches.open(CACHE);
  const sources = await Promise.all([CACHE, ...(await olderCaches())].map(async (name) => ({ name, revisions: await revisionsIn(name) })));
  await Promise.all(Object.entries(FILES).map(async ([file, revision]) => {
    const request = new Request(new URL(file, SCOPE));
    const source = sources.find(({ revisions }) => revisions[file] === revision);
    const kept = source && (await caches.match(request, { cacheName: source.name }));
    // cache: "reload" skips the HTTP cache, so the worker stores what this build served.
    await (kept ? cache.put(request, kept) : cache.add(new Request(request, { cache: "reload" })));
  }));
  await cache.put(REVISIONS, new Response(JSON.stringify({ ...sources[0].revisions, ...FILES })));
}

self.addEventListener("install", (event) => {
  event.waitUntil(install().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    // Every page open now was served by an older version (or by the network).
    await writeOlderPages([...new Set([...(await readOlderPages()), ...(await openPages())])]);
    await self.clients.claim();
    await dropOlderVersions();
  })());
});

// Older versions' caches go once the last page opened from them has closed or moved on.
async function dropOlderVersions() {
  if (tidy) return;
  const open = new Set(await openPages());
  const ids = await readOlderPages();
  const still = ids.filter((id) => open.has(id));
  if (still.length !== ids.length) await writeOlderPages(still);
  if (still.length) return;
  await Promise.all((await olderCaches()).map((name) => caches.delete(name)));
  tidy = true;
}

// The other language's subtree (/en/ inside /) is not ours: its own worker answers there
// once it is saved; until then this one only stands in for offline navigations.
const inScope = (url) => url.origin === self.location.origin && url.href.startsWith(SCOPE);
const ours = (url) => inScope(url) && !PRECACHE.skip.some((prefix) => url.href.slice(SCOPE.length).startsWith(prefix));

// Every cache of this language, this version's first; a page opened from an older version
// looks in the older ones first, so it keeps the files it was built with.
async function lookup(request, clientId) {
  const older = await olderCaches();
  const fromOlder = clientId && (await readOlderPages()).includes(clientId);
  // ignoreSearch: calculator inputs (?…) and the search highlight (?h=) use the same page.
  for (const cacheName of fromOlder ? [...older.reverse(), CACHE] : [CACHE, ...older]) {
    const hit = await caches.match(request, { cacheName, ignoreSearch: true, ignoreVary: true });
    if (hit) return hit;
  }
  return null;
}

// Addresses a static host answers for a folder's page: "guide/index.html" is "guide/".
function cacheKey(url) {
  return url.pathname.endsWith("/index.html") ? new URL(url.pathname.slice(0, -"index.html".length), url) : url;
}

// Cache first: every file of one build comes from the same version, instantly,
// on conference Wi-Fi too. Anything not precached goes to the network.
async function respond(request, clientId) {
  const url = new URL(request.url);
  const hit = await lookup(new Request(cacheKey(url)), clientId);
  // A copy has no URL of its own, so the page or worker keeps the one it asked for:
  // search-stemmed.js reads its ?material= parameter from self.location.
  if (hit) return url.search || url.pathname !== new URL(hit.url).pathname ? new Response(hit.body, hit) : hit;
  try {
    return await fetch(request);
  } catch (error) {
    const answer = request.mode === "navigate" && (await offlineAnswer(url));
    if (answer) return answer;
    throw error;
  }
}

// A page's name in PRECACHE.files: "./", "guarantees/" (also for …/index.html).
const fileOf = (url) => cacheKey(url).pathname.slice(new URL(SCOPE).pathname.length) || "./";

// Offline, a page we do not have: a folder's address without its slash ("/en") goes where
// the host would redirect it; a page of this build not saved here (a save-data reader's)
// gets the not-saved page; anything else this language's 404 page, as a 404.
async function offlineAnswer(url) {
  if (!url.pathname.endsWith("/")) {
    const folder = new URL(`${url.pathname}/${url.search}`, url);
    const path = fileOf(folder);
    if (PRECACHE.skip.includes(path) || path in PRECACHE.files) return Response.redirect(folder.href, 301);
  }
  const notFound = !(fileOf(url) in PRECACHE.files) && PRECACHE.fallback && (await lookup(new Request(new URL(PRECACHE.fallback, SCOPE))));
  if (notFound) return new Response(notFound.body, { status: 404, statusText: "Not Found", headers: notFound.headers });
  return unsavedAnswer(url);
}

// The not-saved page of the language whose root holds this address (the longest match).
async function unsavedAnswer(url) {
  const path = url.href.slice(SCOPE.length);
  const root = Object.keys(PRECACHE.unsaved).filter((prefix) => path.startsWith(prefix)).sort((a, b) => b.length - a.length)[0];
  const page = root !== undefined && (await lookup(new Request(new URL(PRECACHE.unsaved[root], SCOPE))));
  return page ? new Response(page.body, { status: 503, statusText: "Offline", headers: page.headers }) : Response.error();
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || !inScope(url)) return;
  if (!ours(url)) {
    // Another language's page, whose worker is not there: the network, offline its not-saved page.
    if (event.request.mode === "navigate") event.respondWith(fetch(event.request).catch(() => unsavedAnswer(url)));
    return;
  }
  // A navigation opens a new page, of this version (its clientId may name the page it leaves).
  event.respondWith(respond(event.request, event.request.mode === "navigate" ? "" : event.clientId));
  event.waitUntil(dropOlderVersions());
});
