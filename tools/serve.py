"""Serve the built site (both languages) the way a static host would.

    python tools/serve.py [--dir site] [--port 8000] [--gzip]

- /en/… missing pages get the English 404 page, everything else the Spanish one;
- --gzip compresses text responses, as production hosts do (used by bench/);
- no caching headers tricks: the service worker and the browser decide;
- the security headers production sends (security_headers), on every response;
- a bad path (a name too long for the file system…) is a 404, and a connection that
  sends nothing is closed after TIMEOUT seconds, so `--host` on a shared network is safe.
Used by `make serve`, the browser tests and the benchmark.
"""
import argparse
import functools
import gzip
import http.server
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: reach tools/ and macros/

from tools import hosting  # noqa: E402

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest", ".md")
TIMEOUT = 10  # seconds a connection may stay silent (half-open, slow client)


def security_headers() -> dict[str, str]:
    """What production sends with every response (tools/hosting.py, the deployment's headers
    file), less the Content-Security-Policy, which is each page's own <meta> tag here."""
    return hosting.page_independent_headers()


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    gzip_enabled = False
    timeout = TIMEOUT  # socket timeout: a silent connection ends instead of holding a thread
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".webmanifest": "application/manifest+json",
        ".svg": "image/svg+xml",
    }

    def log_message(self, format, *args):  # quiet: tests and bench read their own output
        pass

    def end_headers(self):
        for name, value in security_headers().items():
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):
        try:
            return self._send_file()
        except (OSError, ValueError):  # name too long, NUL byte, not a file…: nothing there
            return self._not_found()

    def _send_file(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # stock redirect to the trailing-slash URL
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return self._not_found()
        body = path.read_bytes()
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        encoded = self.gzip_enabled and path.suffix in COMPRESSIBLE and accepts_gzip
        if encoded:
            body = gzip.compress(body, compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        if encoded:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)

    def _not_found(self):
        root = Path(self.directory)
        page = root / "en" / "404.html" if self.path.startswith("/en/") else root / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    """The file-like object SimpleHTTPRequestHandler copies to the socket."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


class SiteServer(http.server.ThreadingHTTPServer):
    # socketserver's default backlog is 5: a browser opening a page's connections at once (or
    # the offline worker's downloads) overflowed it while the accepting thread waited its turn,
    # and each connection the kernel dropped was retried a second or more later.
    request_queue_size = 128

    def handle_error(self, request, client_address):
        """A client that hung up mid-response (a navigation or reload cancels requests still in
        flight) is not the server's error: no traceback for it; anything else still prints one."""
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def make_server(directory: str, port: int = 0, host: str = "127.0.0.1", use_gzip: bool = False):
    """A ready server (port 0 = any free port); call serve_forever() or start_background()."""
    handler = type("Handler", (SiteHandler,), {"gzip_enabled": use_gzip})
    handler = functools.partial(handler, directory=str(directory))
    return SiteServer((host, port), handler)


def start_background(directory: str, use_gzip: bool = False):
    """Serve from a daemon thread; returns (server, base_url)."""
    server = make_server(directory, use_gzip=use_gzip)
    # Polled every 50 ms, not 0.5 s: shutdown() waits for the next poll (each test server's teardown).
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    host, port = server.server_address[:2]
    return server, f"http://{host}:{port}/"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default="site")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--gzip", action="store_true")
    args = parser.parse_args()
    server = make_server(args.dir, args.port, args.host, args.gzip)
    root = f"http://{args.host}:{args.port}/"
    print(f"Serving {args.dir}/ at {root} (Español) and {root}en/ (English). Ctrl+C stops.")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
