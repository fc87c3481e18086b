"""make preview: both languages on one local port, rebuilt on every save, reloaded in the browser.

    python tools/preview.py [--port 8000] [--dir build/preview]

Watches docs/, macros/ (the UI strings too), overrides/ and both mkdocs configs. A change under
docs/es or docs/en rebuilds that language; any other change rebuilds both. Each language is
built into a fresh folder, then served in place of the old one, so a page never loads half a
build; a failed build is printed and the last good one stays.

Preview only (the built files stay as `make build` writes them; only what is served changes):
- every HTML response gets /__preview__/reload.js, which reloads the page when a newer build
  is served; it is a same-origin file, which the pages' own CSP already allows, so the preview
  runs under the real policy and still live-reloads;
- the manifest link is left out, so site.js registers no service worker; reload.js removes any
  worker and offline cache a previous local server (make serve) left on this origin, and
  sw.js is answered with a worker that removes itself, for pages that worker still serves.
"""
import argparse
import http.server
import os
import re
import shutil
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.build import CONFIGS, mkdocs_build  # noqa: E402
from tools.serve import SiteHandler, _Body  # noqa: E402

WATCHED = ("docs", "macros", "overrides", *CONFIGS.values())
POLL_SECONDS = 0.4
MANIFEST_LINK = re.compile(r'<link rel="manifest"[^>]*>')

RELOAD_JS = """// make preview only (tools/preview.py): reload when a newer build is served, and
// drop any service worker and offline cache a previous local server left on this origin.
const build = document.currentScript.dataset.build;
navigator.serviceWorker?.getRegistrations().then((all) => all.forEach((r) => r.unregister()));
if (window.caches) caches.keys().then((names) => names.forEach((name) => caches.delete(name)));
async function poll() {
  try {
    const served = await (await fetch("/__preview__/build", { cache: "no-store" })).text();
    if (served !== build) return location.reload();
  } catch {
    // the preview is restarting: try again
  }
  setTimeout(poll, 500);
}
poll();
"""

# Answers sw.js: replaces the guide's worker, clears its cache, reloads the pages it served.
RETIRING_WORKER = """self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil((async () => {
  for (const name of await caches.keys()) await caches.delete(name);
  await self.registration.unregister();
  for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url);
})()));
"""


class Builds:
    """The folder served for each language and a counter that changes with every good build."""

    def __init__(self, work: Path, port: int):
        self.work = work
        self.site_url = f"http://127.0.0.1:{port}/"
        self.roots: dict[str, Path] = {}
        self.number = 0
        self.lock = threading.Lock()

    def build(self, codes) -> bool:
        env = {**os.environ, "SITE_URL": self.site_url,
               "SITE_URL_EN": self.site_url + "en/"}
        fresh = {}
        for code in codes:
            target = self.work / f"{code}-{self.number + 1}"
            shutil.rmtree(target, ignore_errors=True)
            started = time.monotonic()
            done = mkdocs_build(code, target, env, quiet=True, capture_output=True, text=True)
            problems = [line for line in done.stderr.splitlines() if "(local address)" not in line]
            if done.returncode != 0:
                print(f"[preview] {code}: build failed, still serving the last good one:\n" + "\n".join(problems),
                      file=sys.stderr, flush=True)
                return False
            print(f"[preview] {code}: built in {time.monotonic() - started:.1f} s", flush=True)
            fresh[code] = target
        with self.lock:
            old = {code: self.roots.get(code) for code in fresh}
            self.roots.update(fresh)
            self.number += 1
        for folder in old.values():
            if folder:
                shutil.rmtree(folder, ignore_errors=True)
        return True


def snapshot() -> dict[str, float]:
    times = {}
    for name in WATCHED:
        path = ROOT / name
        for file in [path] if path.is_file() else path.rglob("*"):
            if file.is_file() and "__pycache__" not in file.parts:
                times[file.relative_to(ROOT).as_posix()] = file.stat().st_mtime
    return times


def languages_for(changed: set[str]) -> list[str]:
    if all(name.startswith(("docs/es/", "docs/en/")) for name in changed):
        return sorted({name.split("/")[1] for name in changed})
    return ["es", "en"]


def watch(builds: Builds, stop: threading.Event):
    seen = snapshot()
    while not stop.wait(POLL_SECONDS):
        now = snapshot()
        changed = {name for name in seen.keys() | now.keys() if seen.get(name) != now.get(name)}
        if not changed:
            continue
        time.sleep(POLL_SECONDS)  # an editor saving several files at once: one rebuild
        now = snapshot()
        changed |= {name for name in seen.keys() | now.keys() if seen.get(name) != now.get(name)}
        seen = now
        print(f"[preview] changed: {', '.join(sorted(changed)[:5])}", flush=True)
        builds.build(languages_for(changed))


class PreviewHandler(SiteHandler):
    builds: Builds = None

    def translate_path(self, path):
        """/en/… from the English build's folder, the rest from the Spanish one (each is swapped
        whole by a rebuild); the stock method then keeps the path inside that folder."""
        url = urlsplit(path).path
        english = url == "/en" or url.startswith("/en/")
        with self.builds.lock:
            self.directory = str(self.builds.roots["en" if english else "es"])
        return super().translate_path(path[len("/en"):] if english else path)

    def _not_found(self):
        english = self.path.startswith("/en/")
        with self.builds.lock:
            page = self.builds.roots["en" if english else "es"] / "404.html"
        return self._send(page.read_bytes() if page.is_file() else b"Not found", "text/html; charset=utf-8", 404)

    def _send(self, body: bytes, content_type: str, status: int = 200):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return _Body(body)

    def send_head(self):
        url = urlsplit(self.path).path
        if url == "/__preview__/build":
            return self._send(str(self.builds.number).encode(), "text/plain; charset=utf-8")
        if url == "/__preview__/reload.js":
            return self._send(RELOAD_JS.encode(), "text/javascript")
        if url in ("/sw.js", "/en/sw.js"):
            return self._send(RETIRING_WORKER.encode(), "text/javascript")
        path = Path(self.translate_path(self.path))
        if path.is_dir() and url.endswith("/"):
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            html = MANIFEST_LINK.sub("", path.read_text(encoding="utf-8"), count=1)
            tag = f'<script src="/__preview__/reload.js" data-build="{self.builds.number}"></script>'
            html = html.replace("</body>", tag + "</body>", 1)
            return self._send(html.encode("utf-8"), "text/html; charset=utf-8")
        return super().send_head()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--dir", default=str(ROOT / "build" / "preview"))
    args = parser.parse_args()
    work = Path(args.dir)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    builds = Builds(work, args.port)
    if not builds.build(["es", "en"]):
        return 1
    handler = type("Handler", (PreviewHandler,), {"builds": builds})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    stop = threading.Event()
    threading.Thread(target=watch, args=(builds, stop), daemon=True).start()
    print(f"[preview] http://127.0.0.1:{args.port}/ (Español) and http://127.0.0.1:{args.port}/en/ (English): "
          "save a file and the page reloads. Ctrl+C stops.", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
