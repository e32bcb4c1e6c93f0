"""First view of every page: its gzipped weight with every asset, and Lighthouse's four scores on every page.

Serves a built site with gzip (as GitHub Pages does), loads each page in a fresh Chromium context
(empty cache) until the network is idle, and sums the gzipped bytes of every response. Then Lighthouse
(mobile, its default) runs on every page of both languages, one page after another in one Chromium
(`scripts/lighthouse_runs.mjs`). A page below 100 in any category is run twice more and reported by the
median of its three runs, chosen as Lighthouse's own `computeMedianRun` chooses (the run nearest the median
first paint and time to interactive): Lighthouse's docs on variability advise the median of several runs.
Usage: `make first-view` (or `python scripts/first_view.py site`; `--pages 'en/inspiration/*'` for a few
pages, `--sizes-only` to skip Lighthouse).
"""

from __future__ import annotations

import argparse
import fnmatch
import gzip
import io
import json
import math
import statistics
import subprocess
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
from tests.helpers import CHROMIUM, CHROMIUM_ARGUMENTS, QuietHandler, serve  # noqa: E402

LIGHTHOUSE_RUNS = PROJECT / "scripts" / "lighthouse_runs.mjs"  # Lighthouse's node API, one Chromium for all runs
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE_RUNS_BELOW_TARGET = 3  # a page below the target in its first run is run this often in all; the median counts
FIRST_VIEW_LIMIT = 60_000  # bytes, gzipped, every asset of a page's first view
LIGHTHOUSE_TARGET = 100
GZIP_LEVEL = 6  # GitHub Pages' level is not published; 6 is gzip's and most servers' default
# The types GitHub Pages sends compressed; images such as PNG go as they are.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


def gzipped_size(body: bytes, content_type: str) -> int:
    """Return the bytes a body takes on the wire from GitHub Pages: gzipped if its type is text-like."""
    if content_type.startswith(COMPRESSED_TYPES):
        return len(gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0))
    return len(body)


class GzipHandler(QuietHandler):
    """Serves a built site as the tests' server does, text-like files gzipped and with GitHub Pages' cache header."""

    def send_head(self) -> object:
        """Answer with the file gzipped when it is text-like and the client accepts gzip."""
        path = Path(self.translate_path(self.path.split("?", 1)[0].split("#", 1)[0]))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the stdlib's redirect to the folder's address
            path = path / "index.html"
        if not path.is_file():
            return self._not_found()
        content_type = self.guess_type(str(path))
        body = path.read_bytes()
        compress = "gzip" in self.headers.get("Accept-Encoding", "") and content_type.startswith(COMPRESSED_TYPES)
        if compress:
            body = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
        return self._answer(200, content_type, body, compress)

    def _not_found(self) -> object:
        """Answer with the site's own 404 page, as GitHub Pages does."""
        return self._answer(404, "text/html; charset=utf-8", (Path(self.directory) / "404.html").read_bytes(), False)

    def _answer(self, status: int, content_type: str, body: bytes, compressed: bool) -> object:
        """Send the status and headers; return the body as a file for the stdlib to copy out."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if compressed:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        self.end_headers()
        return io.BytesIO(body)


def serve_gzipped(folder: Path) -> AbstractContextManager[str]:
    """Serve a built site with gzip on 127.0.0.1 at its published path; the context gives the site's address."""
    return serve(folder, GzipHandler)



def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as a path below the site root ('' for the front page)."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        paths.append(relative.removesuffix("index.html") if relative.endswith("index.html") else relative)
    return paths


def page_name(path: str) -> str:
    """The name a page is shown and matched by: its path below the site root, '/' for the front page."""
    return path or "/"


def chosen_pages(paths: list[str], patterns: list[str] | None) -> list[str]:
    """The paths whose name matches one of the glob patterns (e.g. 'en/inspiration/*'); all of them without patterns."""
    if not patterns:
        return paths
    return [path for path in paths if any(fnmatch.fnmatchcase(page_name(path), pattern) for pattern in patterns)]


def first_view_requests(browser: object, url: str) -> dict[str, int]:
    """Load a page in a fresh context until the network is idle; return each address fetched with its gzipped bytes."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    fetched: dict[str, int] = {}

    def record(response: object) -> None:
        """Count one response's body as GitHub Pages would send it."""
        if response.status in (301, 302, 304):
            return
        if response.headers.get("content-encoding") == "gzip":
            size = response.request.sizes()["responseBodySize"]
        else:
            size = gzipped_size(response.body(), response.headers.get("content-type", ""))
        fetched[response.url] = fetched.get(response.url, 0) + size

    context.on("response", record)
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")  # loaded, then no request for half a second
    finally:
        context.close()
    return fetched


def first_view_sizes(site: Path, paths: list[str]) -> dict[str, int]:
    """Serve the built site with gzip and return each page's first view in gzipped bytes, by page name."""
    from playwright.sync_api import sync_playwright

    with serve_gzipped(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGUMENTS)
        try:
            return {page_name(path): sum(first_view_requests(browser, base + path).values()) for path in paths}
        finally:
            browser.close()


@dataclass(frozen=True)
class LighthouseRun:
    """One Lighthouse run of one page: its four scores, the two timings a median run is chosen by, the audits that cost points."""

    scores: dict[str, int]
    first_paint: float = math.nan  # first-contentful-paint, ms
    interactive: float = math.nan  # time to interactive, ms
    failing: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageScores:
    """What Lighthouse gave one page: the run that counts, how many runs there were, and the first run's scores."""

    run: LighthouseRun
    runs: int
    first: dict[str, int]


def run_of(line: dict) -> LighthouseRun:
    """One JSON line of lighthouse_runs.mjs as a run; a run that failed scores 0 everywhere and names its error."""
    if "error" in line or line.get("runtimeError"):
        return LighthouseRun({key: 0 for key in LIGHTHOUSE_CATEGORIES}, failing=(f"error: {line.get('error') or line['runtimeError']}",))
    timing = [math.nan if line.get(key) is None else float(line[key]) for key in ("fcp", "interactive")]
    return LighthouseRun(line["scores"], timing[0], timing[1], tuple(line["failing"]))


def lighthouse_runs(base: str, paths: list[str]) -> Iterator[tuple[str, LighthouseRun]]:
    """Run Lighthouse on each path in turn, in one Chromium; yield each path with its run as it finishes."""
    config = {"chromePath": CHROMIUM, "chromeFlags": ["--headless=new", *CHROMIUM_ARGUMENTS],
              "categories": list(LIGHTHOUSE_CATEGORIES), "urls": [base + path for path in paths]}
    with subprocess.Popen(["node", str(LIGHTHOUSE_RUNS), json.dumps(config)], stdout=subprocess.PIPE, text=True) as process:
        for path, text in zip(paths, process.stdout, strict=False):
            yield path, run_of(json.loads(text))
    if process.returncode:
        raise RuntimeError(f"{LIGHTHOUSE_RUNS.name} stopped with exit code {process.returncode}")


def below_target(scores: dict[str, int]) -> bool:
    """Whether any category scores below the target."""
    return any(score < LIGHTHOUSE_TARGET for score in scores.values())


def median_run(runs: list[LighthouseRun]) -> LighthouseRun:
    """The run Lighthouse's computeMedianRun picks: nearest the median first paint and time to interactive, ties to the quicker."""
    timed = [run for run in runs if not (math.isnan(run.first_paint) or math.isnan(run.interactive))]
    if not timed:
        return runs[0]  # every run failed
    first_paint = statistics.median(run.first_paint for run in timed)
    interactive = statistics.median(run.interactive for run in timed)

    def distance(run: LighthouseRun) -> tuple[float, float]:
        """How far a run lies from both medians, then its time to interactive."""
        return (run.first_paint - first_paint) ** 2 + (run.interactive - interactive) ** 2, run.interactive

    return min(timed, key=distance)


def progress(done: int, total: int, path: str, run: LighthouseRun) -> None:
    """Show on stderr that one more Lighthouse run finished, with its scores."""
    print(f"lighthouse {done}/{total} {page_name(path)}: {' '.join(map(str, run.scores.values()))}", file=sys.stderr, flush=True)


def lighthouse_scores(site: Path, paths: list[str]) -> dict[str, PageScores]:
    """Lighthouse (mobile) on every path, served with gzip; a page below the target gets the median of three runs."""
    runs: dict[str, list[LighthouseRun]] = {}
    with serve_gzipped(site) as base:
        for done, (path, run) in enumerate(lighthouse_runs(base, paths), 1):
            runs[path] = [run]
            progress(done, len(paths), path, run)
        again = [path for path in paths if below_target(runs[path][0].scores)] * (LIGHTHOUSE_RUNS_BELOW_TARGET - 1)
        for done, (path, run) in enumerate(lighthouse_runs(base, again), 1):  # interleaved: page a, b, a, b
            runs[path].append(run)
            progress(done, len(again), path, run)
    return {page_name(path): PageScores(median_run(runs[path]), len(runs[path]), runs[path][0].scores) for path in paths}


def page_line(name: str, page: PageScores) -> str:
    """One page's four scores, how they were measured, and the audits that cost points."""
    line = " ".join(f"{page.run.scores[key]:>3}" for key in LIGHTHOUSE_CATEGORIES) + f"  {name}"
    if page.runs > 1:
        line += f"  (median of {page.runs} runs; first run {' '.join(str(page.first[key]) for key in LIGHTHOUSE_CATEGORIES)})"
    if below_target(page.run.scores):
        line += f"  failing: {', '.join(page.run.failing)}"
    return line


def targets_of(sizes: dict[str, int], scores: dict[str, dict[str, int]]) -> list[tuple[str, bool, str]]:
    """Turn measured first views and each page's Lighthouse scores into (name, passed, measured text)."""
    heaviest = max(sizes, key=sizes.__getitem__)
    targets = [(
        f"first view of every page <= {FIRST_VIEW_LIMIT / 1000:.0f} KB gzipped",
        sizes[heaviest] <= FIRST_VIEW_LIMIT,
        f"heaviest {heaviest} {sizes[heaviest] / 1000:.1f} KB over {len(sizes)} pages",
    )]
    for category in LIGHTHOUSE_CATEGORIES if scores else ():
        below = [f"{name} {page[category]}" for name, page in scores.items() if page[category] < LIGHTHOUSE_TARGET]
        targets.append((
            f"Lighthouse mobile {category} {LIGHTHOUSE_TARGET} on every page",
            not below,
            f"{len(scores) - len(below)} of {len(scores)} pages" + (f"; below: {', '.join(below)}" if below else ""),
        ))
    return targets


def first_view_targets(site: Path) -> list[tuple[str, bool, str]]:
    """Return the first-view targets as (name, passed, measured text) over every page: the heaviest page, and Lighthouse per category."""
    paths = site_pages(site)
    sizes = first_view_sizes(site, paths)
    return targets_of(sizes, {name: page.run.scores for name, page in lighthouse_scores(site, paths).items()})


def main() -> int:
    """Print each page's first view, then each page's Lighthouse scores, then the PASS/FAIL lines; exit 1 if a target fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder, e.g. site")
    parser.add_argument("--sizes-only", action="store_true", help="print the first view of every page; skip Lighthouse")
    parser.add_argument("--pages", action="append", metavar="GLOB",
                        help="measure only the pages whose path matches, e.g. 'en/inspiration/*' or '/' (repeatable)")
    arguments = parser.parse_args()
    paths = chosen_pages(site_pages(arguments.site), arguments.pages)
    if not paths:
        parser.error(f"no page matches {arguments.pages}")
    sizes = first_view_sizes(arguments.site, paths)
    for name, size in sizes.items():
        print(f"{size / 1000:7.1f} KB  {name}")
    if arguments.sizes_only:
        return 0
    pages = lighthouse_scores(arguments.site, paths)
    print("perf a11y best  seo  page (Lighthouse mobile)")
    for name, page in pages.items():
        print(page_line(name, page))
    targets = targets_of(sizes, {name: page.run.scores for name, page in pages.items()})
    for name, passed, measured in targets:
        print(f"{'PASS' if passed else 'FAIL'}  {name}: {measured}")
    return 0 if all(passed for _, passed, _ in targets) else 1


if __name__ == "__main__":
    sys.exit(main())
