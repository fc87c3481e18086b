// Lighthouse, mobile (its defaults: Moto G Power screen, simulated slow 4G, 4× CPU),
// several runs per URL, one Chrome per URL. Called by bench/run.py:
//
//   node bench/lighthouse.mjs <runs> <results-dir> <url>...
//
// Prints one JSON line per URL on stdout: {url, runs: [{scores, metrics, failing}]}.
// Full Lighthouse reports land in <results-dir> (git-ignored) for a closer look.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const CHROME_FLAGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const METRICS = {
  fcp: "first-contentful-paint", lcp: "largest-contentful-paint", tbt: "total-blocking-time",
  cls: "cumulative-layout-shift", si: "speed-index",
};

const [runsArg, resultsDir, ...urls] = process.argv.slice(2);
const runs = Number(runsArg) || 3;
mkdirSync(resultsDir, { recursive: true });

function summary(lhr) {
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round(lhr.categories[id].score * 100)]));
  const metrics = Object.fromEntries(Object.entries(METRICS).map(([key, id]) => [key, lhr.audits[id].numericValue]));
  // What cost points: every weighted audit of every category that did not pass.
  const failing = [];
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories[id].auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
        failing.push({ category: id, audit: ref.id, score: audit.score, value: audit.displayValue || "" });
      }
    }
  }
  const bytes = lhr.audits["total-byte-weight"].numericValue;
  // How fast this machine ran the page (Lighthouse's own CPU benchmark; a quiet laptop scores ~1500+).
  return { scores, metrics, failing, lighthouseBytes: bytes, benchmarkIndex: lhr.environment.benchmarkIndex };
}

for (const url of urls) {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH, chromeFlags: CHROME_FLAGS });
  const results = [];
  try {
    for (let run = 1; run <= runs; run++) {
      const result = await lighthouse(url, {
        port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES,
        disableFullPageScreenshot: true,
      });
      // The port too: the stock-Material baseline has the same paths as the site's pages.
      const { port, pathname } = new URL(url);
      const name = `${port}${pathname.replace(/[^a-z0-9]+/gi, "_")}`;
      writeFileSync(join(resultsDir, `${name}.run${run}.json`), result.report);
      results.push(summary(result.lhr));
      process.stderr.write(`  lighthouse ${url} run ${run}/${runs}: ${JSON.stringify(results.at(-1).scores)}\n`);
    }
  } finally {
    await chrome.kill();
  }
  process.stdout.write(JSON.stringify({ url, runs: results }) + "\n");
}
