"""Page weight, Lighthouse and build time of the whole site, against its budgets (`make bench`).

    .venv/bin/python bench/run.py

Builds both languages, serves them with gzip, and for every page of both languages records:
first-visit bytes (gzip, every request the page makes until the network is quiet; the
offline pack is counted apart), repeat-visit bytes, request count, and Lighthouse mobile
scores (median of several runs). A stock Material site built from the same versions and
the same page text is measured in the same run as the baseline. Writes bench/report.json
and bench/report.md; raw Lighthouse reports go to bench/results/ (git-ignored).

Environment (defaults = the full requirement):
  BENCH_PAGES     comma-separated page paths ("", "expectations/", …) or "all"  (all)
  BENCH_LANGS     languages to measure                                         (es,en)
  BENCH_RUNS      Lighthouse runs per page, median reported                    (3)
  BENCH_BASELINE  English page paths for the stock-Material baseline           (home, longest chapter, a calculator)
  BENCH_LIGHTHOUSE  0 skips Lighthouse (bytes and build time only)             (1)
  BENCH_REPORT    report file name, to keep a narrowed run apart               (report)
  BENCH_RERUN     1: no new pass; the pages of the last report under a Lighthouse budget (of
                  them, those in BENCH_PAGES when given, as URL paths: "en/brief/") are measured
                  again (BENCH_RUNS runs, a fresh build of the sources as they are now), and their
                  new medians replace the first pass's, which the report keeps beside them (0)

A busy machine lowers the performance score (Lighthouse's simulated throttling multiplies the
CPU time it observes): the report records the load average and Lighthouse's CPU benchmark index
of every run, and BENCH_RERUN measures a page that dipped again, in the open.
"""
import email.utils
import functools
import http.server
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.conftest import CHROMIUM, LANG_PREFIX, pages_of  # noqa: E402
from tools import build, serve  # noqa: E402

BENCH = ROOT / "bench"
BUDGET = {"first_kb": 100, "repeat_kb": 20, "performance": 95, "accessibility": 100, "best-practices": 100,
          "seo": 100, "build_s": 10}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
CHROME_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]
QUIET_S = 1.5  # the network counts as quiet after this long without a new request


def log(message: str):
    print(message, file=sys.stderr, flush=True)


# -- A static host that counts what it sends ---------------------------------

class CountingHandler(serve.SiteHandler):
    """serve.py's handler, gzip on, plus what static hosts send for caching (Last-Modified,
    304 on If-Modified-Since), and a tally of the bytes of every response (headers + body)."""
    gzip_enabled = True
    tally = None  # set per server: Tally

    def send_head(self):
        self._file = self._file_for(self.path)
        since = self.headers.get("If-Modified-Since")
        if self._file and since:
            try:
                if int(self._file.stat().st_mtime) <= email.utils.parsedate_to_datetime(since).timestamp():
                    self.send_response(304)
                    self.end_headers()
                    self.tally.add(self.path, self._header_bytes, 304)
                    return None
            except (TypeError, ValueError):
                pass
        body = super().send_head()
        self.tally.add(self.path, self._header_bytes + (len(body.data) if body else 0), self._status)
        return body

    def _file_for(self, url_path):
        path = Path(self.translate_path(url_path))
        if path.is_dir():
            path = path / "index.html"
        return path if path.is_file() else None

    def send_response(self, code, message=None):
        self._status = code
        super().send_response(code, message)
        if code == 200 and getattr(self, "_file", None):
            self.send_header("Last-Modified", email.utils.formatdate(self._file.stat().st_mtime, usegmt=True))

    def end_headers(self):
        self._header_bytes = sum(len(chunk) for chunk in self._headers_buffer) + 2
        super().end_headers()


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.entries: list[tuple[float, str, int, int]] = []

    def add(self, path, size, status):
        with self.lock:
            self.entries.append((time.monotonic(), path, size, status))

    def reset(self):
        with self.lock:
            self.entries.clear()

    def snapshot(self):
        with self.lock:
            return list(self.entries)

    def wait_quiet(self, timeout=20.0):
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            entries = self.snapshot()
            last = entries[-1][0] if entries else start
            if time.monotonic() - last >= QUIET_S:
                return
            time.sleep(0.2)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(directory: Path, port: int):
    tally = Tally()
    handler = type("BenchHandler", (CountingHandler,), {"tally": tally})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, tally, f"http://127.0.0.1:{port}/"


# -- Builds ------------------------------------------------------------------

def build_site(target: Path, base: str) -> float:
    """Both languages, strict, as `make build` does; returns the wall time in seconds."""
    start = time.monotonic()
    build.build(target, base, base + "en/", quiet=True)
    return time.monotonic() - start


MACRO_LINE = re.compile(r"^\s*\{\{.*\}\}\s*$|^\s*-{2}8<-{2}.*$", re.M)
BASELINE_CONFIG = """\
site_name: Clear Deal (stock Material)
site_url: {base}
docs_dir: docs
theme:
  name: material
  # Stock Material asks Google Fonts for Roboto; this machine has no network and the
  # comparison is about the theme's own weight, so the baseline uses system fonts too.
  font: false
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - def_list
  - footnotes
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
  - pymdownx.tasklist:
      custom_checkbox: true
"""


def build_baseline(target: Path, base: str):
    """The English pages' text in a stock Material site (no overrides, hooks or macros)."""
    project = target.parent / "baseline-project"
    shutil.copytree(ROOT / "docs" / "en", project / "docs")
    for page in (project / "docs").rglob("*.md"):
        text = MACRO_LINE.sub("", page.read_text(encoding="utf-8"))
        page.write_text(text.replace("{% raw %}", "").replace("{% endraw %}", ""), encoding="utf-8")
    (project / "mkdocs.yml").write_text(BASELINE_CONFIG.format(base=base), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                    "-d", str(target)], cwd=project, check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def default_baseline_pages(site: Path) -> list[str]:
    # The slides page is left out: its QR codes come from a macro the stock build cannot run.
    chapters = [p for p in pages_of(site, "en")
                if p and p != "slides/" and not p.startswith(("calculators/", "templates/"))]
    longest = max(chapters, key=lambda p: (site / "en" / p / "index.html").stat().st_size)
    return ["", longest, "calculators/penalty/"]


# -- Page weight in a real browser ---------------------------------------------

def kb(size: int) -> float:
    return round(size / 1024, 1)


def first_visit(browser, tally, url) -> dict:
    """A fresh browser, this one page: every request until the network is quiet. Service
    workers are blocked here so the offline pack (measured apart) is not counted twice."""
    context = browser.new_context(**PHONE, service_workers="block")
    page = context.new_page()
    tally.reset()
    page.goto(url, wait_until="load")
    tally.wait_quiet()
    entries = tally.snapshot()
    context.close()
    return {"bytes": sum(e[2] for e in entries), "requests": len(entries),
            "errors": [f"{e[3]} {e[1]}" for e in entries if e[3] >= 400]}


def later_visits(browser, tally, root: str, paths: list[str], wait_for_worker: bool) -> tuple[dict, dict]:
    """One browser per language, as a reader who came once: the first page (and, for our site,
    its offline pack), then each page twice; the second visit of each is the repeat visit."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    tally.reset()
    page.goto(root, wait_until="load")
    if wait_for_worker:
        # A function, not an expression string: the page's CSP forbids eval of strings.
        page.wait_for_function("(url) => navigator.serviceWorker.controller?.scriptURL === url",
                               arg=root + "sw.js", timeout=60_000)
    tally.wait_quiet()
    pack = {"bytes": sum(e[2] for e in tally.snapshot()), "requests": len(tally.snapshot())}
    repeat = {}
    for path in paths:
        page.goto(root + path, wait_until="load")
        tally.wait_quiet()
        tally.reset()
        page.goto(root + path, wait_until="load")
        tally.wait_quiet()
        entries = tally.snapshot()
        repeat[path] = {"bytes": sum(e[2] for e in entries), "requests": len(entries)}
    context.close()
    return pack, repeat


# -- Lighthouse ------------------------------------------------------------------

def lighthouse(urls: list[str], runs: int) -> dict[str, dict]:
    if not urls:
        return {}
    command = ["node", str(BENCH / "lighthouse.mjs"), str(runs), str(BENCH / "results"), *urls]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    process = subprocess.run(command, cwd=BENCH, env=env, stdout=subprocess.PIPE, text=True, check=True)
    results = {}
    for line in process.stdout.splitlines():
        data = json.loads(line)
        runs_ = data["runs"]
        scores = {c: statistics.median(r["scores"][c] for r in runs_) for c in CATEGORIES}
        metrics = {m: round(statistics.median(r["metrics"][m] for r in runs_), 3) for m in runs_[0]["metrics"]}
        failing = sorted({f"{f['category']}: {f['audit']} {f['value']}".strip() for r in runs_ for f in r["failing"]})
        results[data["url"]] = {"scores": scores, "runs": [r["scores"] for r in runs_], "metrics": metrics,
                                "benchmark_index": [round(r["benchmarkIndex"]) for r in runs_],
                                "failing_in_any_run": failing}
    return results


def lighthouse_fields(found: dict) -> dict:
    """What a page's row keeps of its Lighthouse runs."""
    return {"lighthouse": found["scores"], "lighthouse_runs": found["runs"], "metrics": found["metrics"],
            "benchmark_index": found["benchmark_index"], "failing_in_any_run": found["failing_in_any_run"]}


def under_lighthouse_budget(row: dict) -> bool:
    return any(row.get("lighthouse", {}).get(c, BUDGET[c]) < BUDGET[c] for c in CATEGORIES)


def rerun_under_budget():
    """BENCH_RERUN=1: the last report's pages under a Lighthouse budget, measured again on a fresh
    build of the sources as they are now (the commit is recorded); the report keeps their first
    pass in `first_pass`."""
    name = os.environ.get("BENCH_REPORT", "report")
    report = json.loads((BENCH / f"{name}.json").read_text(encoding="utf-8"))
    wanted = os.environ.get("BENCH_PAGES", "all")
    under = [row for row in report["pages"] if under_lighthouse_budget(row)
             and (wanted == "all" or row["url_path"] in wanted.split(","))]
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    load_start = round(os.getloadavg()[0], 1)
    if under:
        work = Path(tempfile.mkdtemp(prefix="bench-"))
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        log("building both languages…")
        build_site(work / "site", base)
        server, _, _ = start_server(work / "site", port)
        log(f"lighthouse again: {len(under)} pages × {runs} runs")
        try:
            results = lighthouse([base + row["url_path"] for row in under], runs)
        finally:
            server.shutdown()
            shutil.rmtree(work, ignore_errors=True)
        for row in under:
            kept = ("lighthouse", "lighthouse_runs", "benchmark_index")
            row["first_pass"] = {key: row[key] for key in kept if key in row}
            row.update(lighthouse_fields(results[base + row["url_path"]]))
            row["over"] = verdict(row)
    report["rerun"] = {"date": time.strftime("%Y-%m-%d %H:%M"), "commit": commit(), "runs": runs,
                       "pages": [r["url_path"] for r in under],
                       "load_average": {"start": load_start, "end": round(os.getloadavg()[0], 1)},
                       "benchmark_index": sorted(i for r in under for i in r["benchmark_index"])}
    write_report(report, name)


def commit() -> str:
    """The sources measured: the commit, "+ changes" when the work tree differs from it."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                          capture_output=True, text=True).stdout.strip()
    # The reports themselves are not sources (a re-run starts from a report not committed yet).
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", ".",
                            ":!bench/*.json", ":!bench/*.md"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return f"{head} + changes" if dirty else head


def write_report(report: dict, name: str):
    (BENCH / f"{name}.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (BENCH / f"{name}.md").write_text(markdown(report), encoding="utf-8")
    print(markdown(report))


# -- Report ------------------------------------------------------------------------

def verdict(row: dict) -> list[str]:
    over = []
    if row["first_kb"] > BUDGET["first_kb"]:
        over.append(f"first visit {row['first_kb']} KB > {BUDGET['first_kb']}")
    if row["repeat_kb"] > BUDGET["repeat_kb"]:
        over.append(f"repeat visit {row['repeat_kb']} KB > {BUDGET['repeat_kb']}")
    for category in CATEGORIES:
        score = row.get("lighthouse", {}).get(category)
        if score is not None and score < BUDGET[category]:
            over.append(f"{category} {score} < {BUDGET[category]}")
    return over


def span(values: list[int]) -> str:
    return f"{values[0]} to {values[-1]}, median {round(statistics.median(values))}" if values else "–"


def again(scores: dict, first_pass: dict | None, category: str) -> str:
    """A score, with the first pass's in brackets when the page was measured again and it differed."""
    score = scores.get(category, "–")
    first = (first_pass or {}).get("lighthouse", {}).get(category)
    return f"{score} ({first})" if first is not None and first != score else str(score)


def markdown(report: dict) -> str:
    lines = [
        "# Benchmark: page weight, Lighthouse (mobile), build time",
        "",
        f"Measured {report['date']}{' of ' + report['commit'] if 'commit' in report else ''} on this machine "
        f"({os.cpu_count()} cores, shared; load average "
        f"{report['load_average']['start']} at the start, {report['load_average']['end']} at the end), "
        f"Lighthouse {report['lighthouse_version']} mobile defaults, median of {report['runs']} run(s); "
        "bytes are gzip bytes on the wire (headers included) counted by the server.",
        "",
        f"Budgets: first visit ≤ {BUDGET['first_kb']} KB, repeat visit ≤ {BUDGET['repeat_kb']} KB, "
        f"performance ≥ {BUDGET['performance']}, accessibility = best practices = SEO = 100, "
        f"build of both languages ≤ {BUDGET['build_s']} s.",
        "",
        f"- Build of both languages: **{report['build_seconds']} s** "
        f"({'within' if report['build_seconds'] <= BUDGET['build_s'] else 'OVER'} budget)",
    ]
    indexes = sorted(i for row in report["pages"] + report["baseline"]
                     for i in row.get("first_pass", row).get("benchmark_index", []))
    if indexes:
        lines.append(f"- Lighthouse's CPU benchmark index over the runs: {span(indexes)} (a quiet laptop scores "
                     "about 1500 or more; lower, the machine was busy and the performance scores pay for it)")
    rerun = report.get("rerun")
    if rerun:
        lines.append(f"- Re-run {rerun['date']} of {rerun.get('commit', '?')} "
                     f"(load average {rerun['load_average']['start']} at the start, "
                     f"{rerun['load_average']['end']} at the end, benchmark index {span(rerun['benchmark_index'])}), "
                     f"median of {rerun['runs']} run(s), of the {len(rerun['pages'])} page(s) under a Lighthouse "
                     "budget in the first pass; the first pass's median in brackets where it differed")
    for code, pack in report["offline_pack"].items():
        lines.append(f"- Offline pack from a first page in {code} (this language, then the other; once per reader): "
                     f"**{kb(pack['bytes'])} KB** in {pack['requests']} requests")
    lines += ["", "| page | first visit KB | requests | repeat KB | perf | a11y | best pr. | SEO | LCP s | TBT ms |"
              " within budget |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for row in report["pages"]:
        lh = row.get("lighthouse", {})
        metrics = row.get("metrics", {})
        cells = [row["url_path"] or "(home)", row["first_kb"], row["requests"], row["repeat_kb"],
                 *(again(lh, row.get("first_pass"), c) for c in CATEGORIES),
                 round(metrics["lcp"] / 1000, 2) if metrics else "–", round(metrics["tbt"]) if metrics else "–",
                 "yes" if not row["over"] else "**no**: " + "; ".join(row["over"])]
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    lines += ["", "## Baseline: stock Material, same versions, same page text (English)", "",
              "| page | first visit KB (stock → ours, ratio) | requests | repeat KB | perf | a11y | best pr. | SEO |",
              "|---|---|---|---|---:|---:|---:|---:|"]
    for row in report["baseline"]:
        lh = row.get("lighthouse", {})
        ours = row["ours"]
        cells = [row["url_path"] or "(home)", f"{row['first_kb']} → {ours['first_kb']} (×{row['ratio_first']})",
                 f"{row['requests']} → {ours['requests']}", f"{row['repeat_kb']} → {ours['repeat_kb']}",
                 *(f"{lh.get(c, '–')} → {(ours.get('lighthouse') or {}).get(c, '–')}" for c in CATEGORIES)]
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    over = [row for row in report["pages"] if row["over"]]
    lines += ["", f"**{len(report['pages']) - len(over)} of {len(report['pages'])} pages within every budget.**"]
    failing = {}
    for row in report["pages"]:
        for item in row.get("failing_in_any_run", []):
            audit = item.split(" ")[1]
            failing.setdefault(f"{item.split(':')[0]}: {audit}", set()).add(row["url_path"] or "(home)")
    if failing:
        lines += ["", "Audits that lost points in at least one run (number of pages):", ""]
        lines += [f"- {audit}: {len(pages)}" for audit, pages in sorted(failing.items())]
    return "\n".join(lines) + "\n"


def main():
    if os.environ.get("BENCH_RERUN", "0") == "1":
        return rerun_under_budget()
    langs = os.environ.get("BENCH_LANGS", "es,en").split(",")
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    use_lighthouse = os.environ.get("BENCH_LIGHTHOUSE", "1") != "0"
    load_start = round(os.getloadavg()[0], 1)
    measured = commit()
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    port, baseline_port = free_port(), free_port()
    ours_base, stock_base = f"http://127.0.0.1:{port}/", f"http://127.0.0.1:{baseline_port}/"

    log("building both languages (timed)…")
    build_seconds = round(build_site(work / "site", ours_base), 2)
    log(f"  {build_seconds} s")
    log("building the stock Material baseline…")
    build_baseline(work / "baseline", stock_base)

    site = work / "site"
    selected = os.environ.get("BENCH_PAGES", "all")
    paths = {code: pages_of(site, code) if selected == "all" else
             [p for p in selected.split(",") if p in pages_of(site, code)] for code in langs}
    baseline_paths = (os.environ["BENCH_BASELINE"].split(",") if "BENCH_BASELINE" in os.environ
                      else default_baseline_pages(site))

    ours_server, ours_tally, _ = start_server(site, port)
    stock_server, stock_tally, _ = start_server(work / "baseline", baseline_port)
    rows, baseline_rows, packs = [], [], {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS)
            for code in langs:
                root = ours_base + LANG_PREFIX[code]
                log(f"page weight, {code}: {len(paths[code])} pages")
                packs[code], repeat = later_visits(browser, ours_tally, root, paths[code], wait_for_worker=True)
                for path in paths[code]:
                    first = first_visit(browser, ours_tally, root + path)
                    rows.append({"lang": code, "url_path": LANG_PREFIX[code] + path, "url": root + path,
                                 "first_kb": kb(first["bytes"]), "requests": first["requests"],
                                 "repeat_kb": kb(repeat[path]["bytes"]), "repeat_requests": repeat[path]["requests"],
                                 "http_errors": first["errors"]})
            log(f"page weight, stock Material: {baseline_paths}")
            _, stock_repeat = later_visits(browser, stock_tally, stock_base, baseline_paths, wait_for_worker=False)
            for path in baseline_paths:
                first = first_visit(browser, stock_tally, stock_base + path)
                baseline_rows.append({"url_path": path, "url": stock_base + path, "first_kb": kb(first["bytes"]),
                                      "requests": first["requests"], "repeat_kb": kb(stock_repeat[path]["bytes"])})
            browser.close()

        if use_lighthouse:
            log(f"lighthouse: {len(rows)} pages + {len(baseline_rows)} baseline pages × {runs} runs")
            results = lighthouse([row["url"] for row in rows] + [row["url"] for row in baseline_rows], runs)
            for row in rows + baseline_rows:
                if row["url"] in results:
                    found = results[row["url"]]
                    row.update(lighthouse_fields(found))
    finally:
        ours_server.shutdown()
        stock_server.shutdown()

    by_path = {row["url_path"]: row for row in rows}
    for row in baseline_rows:
        ours = by_path.get("en/" + row["url_path"], {"first_kb": 0, "requests": 0, "repeat_kb": 0})
        row["ours"] = {k: ours.get(k) for k in ("first_kb", "requests", "repeat_kb", "lighthouse")}
        row["ratio_first"] = round(ours["first_kb"] / row["first_kb"], 2) if row["first_kb"] else None
    for row in rows:
        row["over"] = verdict(row)

    version = json.loads((BENCH / "node_modules/lighthouse/package.json").read_text())["version"]
    report = {"date": time.strftime("%Y-%m-%d %H:%M"), "commit": measured, "lighthouse_version": version, "runs": runs,
              "load_average": {"start": load_start, "end": round(os.getloadavg()[0], 1)},
              "budgets": BUDGET, "build_seconds": build_seconds, "offline_pack": packs,
              "pages": rows, "baseline": baseline_rows}
    write_report(report, os.environ.get("BENCH_REPORT", "report"))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
