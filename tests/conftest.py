"""Shared fixtures: one strict build of both languages per test session, a local
server over it, and Playwright wired to Debian's Chromium (its headless shell) at phone size."""
import concurrent.futures
import fcntl
import json
import os
import re
import subprocess
import time
from pathlib import Path

import pytest

from tools import serve
from tools.build import LANG_PREFIX, build_languages

ROOT = Path(__file__).resolve().parent.parent

# Playwright's own choice for headless runs, from Debian: the same Blink without the browser's
# window and tabs, about a third less CPU over the suite. The whole browser stays for the few
# tests of what only it does (the full_browser fixture).
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"
PHONE = {"width": 390, "height": 844}


def build_site(site_dir: Path, wrapper: tuple[str, ...] = ()) -> dict[str, subprocess.CompletedProcess]:
    """Strict build of both languages into site_dir, as `make build` does (tools/build.py);
    `wrapper` runs each build through a program (faketime: the build on another day)."""
    return build_languages(site_dir, wrapper=wrapper, capture_output=True, text=True)


def build_once(tmp_path_factory) -> tuple[Path, dict[str, subprocess.CompletedProcess]]:
    """The run's one build: the first process here makes it (under pytest -n, in the folder the
    workers share), the others wait for it and read what it printed."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    site_dir, record = shared / "built" / "site", shared / "built.json"
    with open(shared / "built.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not record.exists():
            done = build_site(site_dir)
            record.write_text(json.dumps({code: [r.returncode, r.stdout, r.stderr] for code, r in done.items()}))
    results = {code: subprocess.CompletedProcess(["mkdocs", "build"], rc, out, err)
               for code, (rc, out, err) in json.loads(record.read_text()).items()}
    return site_dir, results


BUILD = pytest.StashKey[concurrent.futures.Future]()


# The longest tests (tens of seconds each in a --durations run), longest first: xdist hands out
# tests in this order (make test sends them two at a time, --maxschedchunk=2), so these start
# early on whichever worker is free and the short ones fill in at the end; one of them last
# left the other worker idle for its whole length.
LONGEST_FIRST = (
    "tests/e2e/test_every_page.py::",
    "tests/e2e/test_calc_reliability.py::test_axe_on_filled_and_error_states",
    "tests/built/test_zensical.py::test_the_built_site_tests_pass",
    "tests/e2e/test_fuzz.py::test_fuzz_agreement",
    "tests/e2e/test_preview.py::",
    "tests/e2e/test_storage.py::test_the_agreement_key_corrupted",
    "tests/built/test_dist.py::",  # its fixture runs make dist
    "tests/e2e/test_offline.py::test_every_page_of_the_language",
    "tests/e2e/test_fuzz.py::",
)


def run_order(item) -> tuple[bool, int]:
    rank = next((n for n, prefix in enumerate(LONGEST_FIRST) if item.nodeid.startswith(prefix)), len(LONGEST_FIRST))
    return "build_results" in item.fixturenames, rank


def pytest_collection_modifyitems(config, items):
    """Tests that need no build go first, and the build starts at once beside them (a thread
    waiting on MkDocs), so no worker sits idle while it runs; then the longest tests."""
    items.sort(key=run_order)  # stable: otherwise as collected
    if items and "build_results" in items[-1].fixturenames and not os.environ.get("SITE_DIR"):
        # pytest's own factory (the tmp_path_factory fixture is not there yet during collection)
        config.stash[BUILD] = concurrent.futures.ThreadPoolExecutor(1).submit(build_once, config._tmp_path_factory)


@pytest.fixture(scope="session")
def build_results(request, tmp_path_factory):
    """(site folder, each language's build result). SITE_DIR=path tests a site built elsewhere
    (tests/built/test_zensical.py: Zensical's output) as it is, with no build log to read."""
    if os.environ.get("SITE_DIR"):
        return Path(os.environ["SITE_DIR"]).resolve(), None
    started = request.config.stash.get(BUILD, None)
    return started.result() if started else build_once(tmp_path_factory)


@pytest.fixture(scope="session")
def site_dir(build_results) -> Path:
    site, results = build_results
    for code, result in (results or {}).items():
        if result.returncode != 0:
            pytest.fail(f"strict build of {code} failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return site


@pytest.fixture(scope="session")
def base_url(site_dir):
    """pytest-playwright's base_url: the built site served like a static host."""
    server, url = serve.start_background(site_dir)
    yield url
    server.shutdown()


def pages_of(site: Path, code: str) -> list[str]:
    """URL paths ('' for home, 'expectations/') of one language's built pages."""
    root = site / LANG_PREFIX[code]
    paths = []
    for index in sorted(root.rglob("index.html")):
        rel = index.parent.relative_to(root).as_posix()
        if code == "es" and (rel == "en" or rel.startswith("en/")):
            continue
        paths.append("" if rel == "." else rel + "/")
    return paths


# -- Playwright: Debian's Chromium, a phone, no network beyond localhost ------

@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    for program in (HEADLESS_SHELL, CHROMIUM):
        if not Path(program).exists():
            pytest.fail(f"{program} is missing: run `make test` (tools/ensure-chromium.sh installs it)", pytrace=False)
    return {
        **browser_type_launch_args,
        "executable_path": HEADLESS_SHELL,
        "args": [
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        ],
    }


def without_workers_by_default(browser):
    """Contexts of this browser start with service workers blocked unless asked for
    (service_workers="allow"; for the `page`/`context` fixtures, the OFFLINE_WORKER mark).
    The offline worker downloads both languages' every page and asset (about 160 files, 5 MB)
    into each new context once its first page is idle: in tests about anything else it cost
    more than the test (the storage and checklist tests: 88 CPU-seconds with it, 53 without),
    and nothing there checked it. Its own tests (test_offline.py, test_preview.py,
    test_nginx.py, test_referrer.py) and the page walks keep it."""
    new_context = browser.new_context

    def new_context_without_worker(**kwargs):
        return new_context(**{"service_workers": "block", **kwargs})

    browser.new_context = new_context_without_worker
    return browser


@pytest.fixture(scope="session")
def browser(browser):
    """pytest-playwright's browser: the headless shell."""
    return without_workers_by_default(browser)


@pytest.fixture(scope="session")
def full_browser(browser_type, browser_type_launch_args):
    """The whole Chromium, launched only in a worker whose tests ask for it: for behaviour the
    headless shell leaves out (it fetches no favicon; a tap leaves no :hover behind)."""
    whole = browser_type.launch(**{**browser_type_launch_args, "executable_path": CHROMIUM})
    yield without_workers_by_default(whole)
    whole.close()


OFFLINE_WORKER = pytest.mark.browser_context_args(service_workers="allow")


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "viewport": PHONE,
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
        "locale": "es-ES",
    }


LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Any address but these hosts' and data: ones. A pattern, not a Python function: Playwright
# matches it in its driver, where a function made every request of the page wait on a round
# trip to this process.
FOREIGN = re.compile(rf"^(?!data:)(?![a-z]+://(?:{'|'.join(map(re.escape, sorted(LOCAL_HOSTS)))})(?:[:/]|$))")


class PageProblems:
    """Console errors, page errors, failed requests and requests to other hosts
    seen by one browser context (workers included). Foreign requests are
    aborted so a test never waits on the network."""

    def __init__(self, context):
        self.errors: list[str] = []
        self.requests: list[str] = []
        context.route(FOREIGN, self._block_foreign)
        context.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        context.on("weberror", lambda e: self.errors.append(f"pageerror: {e.error}"))
        context.on("requestfailed", self._failed)
        context.on("response", lambda r: r.status >= 400 and self.errors.append(f"HTTP {r.status}: {r.url}"))
        context.on("request", lambda r: self.requests.append(r.url))

    def _failed(self, request):
        # A reload or navigation cancels requests still in flight: that is not a broken page.
        if request.failure != "net::ERR_ABORTED":
            self.errors.append(f"failed: {request.url} {request.failure}")

    def _block_foreign(self, route):
        self.errors.append(f"request to another host: {route.request.url}")
        route.abort()


@pytest.fixture
def problems(context):
    return PageProblems(context)


class Traffic:
    """The requests of one browser context (its pages and service workers) still open, and
    when the last one started or ended: a page is checked once its own requests are done,
    the widgets' modules included (they load after the load event)."""

    def __init__(self, context):
        self.open = set()
        self.last = time.monotonic()
        self.context = context
        context.on("request", self._started)
        context.on("requestfinished", self._ended)
        context.on("requestfailed", self._ended)

    def close(self):
        self.context.remove_listener("request", self._started)
        self.context.remove_listener("requestfinished", self._ended)
        self.context.remove_listener("requestfailed", self._ended)

    def _started(self, request):
        self.open.add(request)
        self.last = time.monotonic()

    def _ended(self, request):
        self.open.discard(request)
        self.last = time.monotonic()

    def settle(self, page, quiet: float = 0.15, timeout: float = 30):  # 30 s: Playwright's own default
        """Until nothing is open and nothing new has started for `quiet` seconds (Playwright's
        "networkidle" is the same idea with a fixed 500 ms, which was a third of each stop)."""
        deadline = time.monotonic() + timeout
        while self.open or time.monotonic() - self.last < quiet:
            assert time.monotonic() < deadline, f"requests still open: {sorted(r.url for r in self.open)}"
            page.wait_for_timeout(20)  # Playwright delivers the request events while it waits


def screenshot(page, name: str):
    """The whole page at CSS pixels, as a JPEG: at the phone's 2× a long page is four times
    the pixels, and encoding them took 2–3 s a page (the page walks spent half their time on
    it); a PNG of the CSS pixels still took a quarter of a phone walk, a JPEG 30% less."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.jpg"), full_page=True, scale="css", type="jpeg", quality=80)


# -- The fuzzer's counts in the run's summary (tests/e2e/test_fuzz.py) -------------
# Its tests print their counts, but pytest keeps a passing test's output to itself and
# xdist workers' output never reaches the terminal: each worker hands its counts over.

def pytest_configure(config):
    config.fuzz_counts = {}  # test_fuzz's report(): "calculator penalty es" → cases run


def pytest_sessionfinish(session):
    if hasattr(session.config, "workeroutput"):  # an xdist worker
        session.config.workeroutput["fuzz_counts"] = json.dumps(session.config.fuzz_counts)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):  # xdist, on the controller
    node.config.fuzz_counts.update(json.loads(getattr(node, "workeroutput", {}).get("fuzz_counts", "{}")))


def pytest_terminal_summary(terminalreporter, config):
    counts = config.fuzz_counts
    if counts:
        by_widget = {widget: sum(n for kind, n in counts.items() if kind.startswith(widget))
                     for widget in ("calculator", "brief", "agreement")}
        terminalreporter.write_line(
            f"fuzz: {sum(counts.values())} hostile cases in {len(counts)} tests ("
            + ", ".join(f"{n} {widget}" for widget, n in by_widget.items()) + ")")
