// Lighthouse (mobile, its default) on each address given, one after another in ONE Chromium.
// Usage: node scripts/lighthouse_runs.mjs '{"chromePath": "...", "chromeFlags": [...], "categories": [...], "urls": [...]}'
// Prints one JSON line per run: the address, each category's score (0-100), the two timings Lighthouse's
// own median run is chosen by, and the audits that cost points. A run that fails prints its error instead.
// The back/forward-cache test and the full-page screenshot count for no score and take a third of a run: skipped.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const SKIPPED = ["bf-cache", "full-page-screenshot"];

/** The ids of the audits of the given categories that lost points (weighted, score below 1). */
function failingAudits(lhr, categories) {
  const failing = new Set();
  for (const category of categories) {
    for (const ref of lhr.categories[category].auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) failing.add(ref.id);
    }
  }
  return [...failing];
}

/** One run's result as a plain object. */
function runResult(url, lhr, categories) {
  const scores = {};
  for (const category of categories) scores[category] = Math.round((lhr.categories[category].score || 0) * 100);
  return {
    url,
    scores,
    fcp: lhr.audits["first-contentful-paint"]?.numericValue ?? null,
    interactive: lhr.audits["interactive"]?.numericValue ?? null,
    failing: failingAudits(lhr, categories),
    runtimeError: lhr.runtimeError?.code ?? null,
  };
}

/** Run Lighthouse on every address in turn and print each result as it comes. */
async function main() {
  const config = JSON.parse(process.argv[2]);
  const chrome = await chromeLauncher.launch({ chromePath: config.chromePath, chromeFlags: config.chromeFlags });
  try {
    for (const url of config.urls) {
      try {
        const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: config.categories, skipAudits: SKIPPED });
        process.stdout.write(JSON.stringify(runResult(url, result.lhr, config.categories)) + "\n");
      } catch (error) {
        process.stdout.write(JSON.stringify({ url, error: String(error) }) + "\n");
      }
    }
  } finally {
    await chrome.kill();
  }
}

await main();
