"""Search benchmark: the theme's lunr search against Pagefind, on the real site and with made-up catalogue examples.

For each size, builds a copy of the project (PDFs left out) with and without the theme's search plugin, runs
Pagefind over the built site, then measures in Debian's Chromium: the query set's score (tests/search_queries.yml),
the gzip bytes of a first search, and the time from typing to results. Usage:
`python scripts/search_bench.py [--project PATH] [--entries 0 --entries 2000] [--engine lunr|pagefind|both] [--write]`.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from synthetic_entries import add_entries  # noqa: E402
from system_packages import find_browser  # noqa: E402

PROJECT_PARTS = ("docs", "data", "schemas", "overrides", "seniorsite", "hooks.py", "mkdocs.yml")
CHROMIUM = str(find_browser() or "/usr/bin/chromium")  # SENIORSITE_BROWSER, then the usual places
PAGEFIND_GUESS = Path("/tmp/pf-venv/bin/python")
ROOT_SELECTOR = "article.md-content__inner"  # what lunr indexes too: the page's content, not navigation or footer
SPLIT_CALL = re.compile(r"counts = split_search_index\([^\n]*\)")
OFFLINE_INDEX = Path("seniorsite") / "outputs" / "offline" / "search.py"
OFFLINE_READ = '    index = json.loads((search_dir / INDEX_JSON).read_text(encoding="utf-8"))'
FRAGMENTS = 5  # results whose data (url, title, excerpt) Pagefind loads, as its own UI does at first
SECTION = "## Search: lunr vs Pagefind"
METHOD = """Method (scripts/search_bench.py): each size is a copy of the project, built `--strict` with SENIORSITE_PDF=0;
"+N" adds N made-up examples per language (scripts/synthetic_entries.py). Served over local HTTP (no compression), read in
Debian's Chromium at phone width, fresh context (empty cache) per language, the site's own Content-Security-Policy on.
*Found*: a query counts when one of its `top3` pages (tests/search_queries.yml) is among the first three distinct result
pages; lunr through the theme's search box, Pagefind through its JS API from a page of that language (it picks the index by
`<html lang>`), indexing `article.md-content__inner` only, like lunr. *First search, gzip KiB*: the gzip size (level 6) of
each search file fetched, computed from the built files (Pagefind's own files are gzip already and count as they are);
lunr: the worker, the lunr language files and the language's search_index.json, which the theme fetches at *every page
load*, not on focus; Pagefind: pagefind.js, its worker, the entry, meta, wasm, index chunks and the first 5 results'
fragments, fetched on the first search. *First query ms*: typed right after the page's load event (lunr's index may still be
loading; Pagefind loads everything then); *median ms*: over the query set after that. *Build time added*: lunr: the build
minus a build with the theme's search plugin removed (one run each: noise of a second or two at the real size); Pagefind:
the `pagefind --site` run."""


# tests/search_quality.py's top_pages: result addresses and a language to the first three distinct pages.
TopPages = Callable[[list[str], str], tuple[str, ...]]


@dataclass
class Measure:
    """What one engine did at one size."""

    engine: str
    entries: int
    found: dict[str, tuple[int, int]] = field(default_factory=dict)
    missed: dict[str, list[str]] = field(default_factory=dict)
    first_bytes: dict[str, int] = field(default_factory=dict)
    first_ms: dict[str, float] = field(default_factory=dict)
    median_ms: dict[str, float] = field(default_factory=dict)
    build_s: float = 0.0


def copy_project(source: Path, target: Path, entries: int, search: bool) -> Path:
    """Copy what a build needs; add made-up examples; without search, drop the plugin and the index split."""
    for part in PROJECT_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source / part, target / part)
    if entries:
        add_entries(target, entries)
    if not search:
        config = (target / "mkdocs.yml").read_text(encoding="utf-8")
        config, found = re.subn(r"^  - search:\n(?:      .*\n|\s*#.*\n)*", "", config, flags=re.M)
        hooks = (target / "hooks.py").read_text(encoding="utf-8")
        offline = (target / OFFLINE_INDEX).read_text(encoding="utf-8")
        if found != 1 or not SPLIT_CALL.search(hooks) or OFFLINE_READ not in offline:
            raise SystemExit("cannot remove the search plugin: mkdocs.yml, hooks.py or the offline copy changed shape")
        skip = "    if not (search_dir / INDEX_JSON).exists():\n        return 0\n"
        (target / OFFLINE_INDEX).write_text(offline.replace(OFFLINE_READ, skip + OFFLINE_READ), encoding="utf-8")
        (target / "mkdocs.yml").write_text(config, encoding="utf-8")
        (target / "hooks.py").write_text(SPLIT_CALL.sub("counts: dict = {}", hooks, count=1), encoding="utf-8")
    return target


def timed(command: list[str], cwd: Path) -> float:
    """Run a command (PDFs off, fixed date) and return its wall-clock seconds; fail loudly with its output."""
    environment = {**os.environ, "SENIORSITE_PDF": "0", "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1693908000"}
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True)
    if completed.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{completed.stdout}\n{completed.stderr}")
    return time.perf_counter() - start


def mkdocs_build(project: Path, site: Path) -> float:
    """Build a project strictly into site; return the seconds."""
    return timed([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], project)


def pagefind_command(python: Path) -> list[str]:
    """Return the command that runs Pagefind through its PyPI wrapper."""
    return [str(python), "-m", "pagefind"]


def pagefind_version(python: Path) -> str:
    """Return Pagefind's version as its binary reports it."""
    return subprocess.run([*pagefind_command(python), "--version"], capture_output=True, text=True).stdout.strip()


def run_pagefind(python: Path, site: Path) -> float:
    """Index a built site with Pagefind (the page content only); return the seconds."""
    return timed([*pagefind_command(python), "--site", str(site), "--root-selector", ROOT_SELECTOR, "--quiet"], site)


def gzip_size(site: Path, base: str, url: str) -> int:
    """Return the gzip size (level 6) of the built file behind a local address; Pagefind's own gzip files count as they are."""
    path = urlsplit(url).path
    file = site / path[len(base):]
    if file.is_dir():
        file = file / "index.html"
    body = file.read_bytes()
    return min(len(body), len(gzip.compress(body, 6)))


def language_root(address: str, language: str) -> str:
    """Return the address of a language's front page."""
    return address if language == "da" else f"{address}{language}/"


LUNR_ASSET = re.compile(r"/search/search_index\.json$|/assets/javascripts/(workers/search|lunr/)")
PAGEFIND_ASSET = re.compile(r"/pagefind/")

# In the page: type the whole query at once (the theme listens to keyup), resolve when the results show.
LUNR_TIMED = """async (query) => {
  const box = document.querySelector("input.md-search__input");
  const meta = document.querySelector(".md-search-result__meta");
  const list = document.querySelector(".md-search-result__list");
  box.focus();
  box.value = "";
  box.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
  await new Promise(r => setTimeout(r, 50));
  list.replaceChildren();
  const before = meta.textContent;
  return await new Promise(resolve => {
    const start = performance.now();
    const done = () => { if (meta.textContent !== before || list.children.length) { observer.disconnect(); resolve(performance.now() - start); } };
    const observer = new MutationObserver(done);
    observer.observe(meta, {childList: true, characterData: true, subtree: true});
    observer.observe(list, {childList: true});
    box.value = query;
    box.dispatchEvent(new Event("input", {bubbles: true}));
    box.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
    setTimeout(() => { observer.disconnect(); resolve(-1); }, 10000);
  });
}"""

# In the page: load Pagefind on first use (as a search box would), search, and load the first results' data.
PAGEFIND_TIMED = """async ([bundle, query, count]) => {
  const start = performance.now();
  if (!window.__pagefind) window.__pagefind = await import(bundle);
  const search = await window.__pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, count).map(r => r.data()));
  return {ms: performance.now() - start, urls: data.map(d => d.url)};
}"""


def open_page(browser: object, url: str, requests: list[str]) -> object:
    """Open a fresh context (empty cache) at url, recording every request, workers' included."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=False)
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(url, wait_until="load")
    return page


def measure_lunr(browser: object, address: str, site: Path, base: str, queries: dict[str, list[dict]],
                 search_results: Callable[[object, str], list[str]], top_pages: TopPages, result: Measure) -> None:
    """Score and time the theme's search per language, counting what a first search downloads."""
    for language, items in queries.items():
        requests: list[str] = []
        page = open_page(browser, language_root(address, language), requests)
        result.first_ms[language] = page.evaluate(LUNR_TIMED, items[0]["q"])
        page.wait_for_load_state("networkidle")
        result.first_bytes[language] = sum(gzip_size(site, base, url) for url in set(requests) if LUNR_ASSET.search(url))
        times, tops = [], []
        for item in items:
            times.append(page.evaluate(LUNR_TIMED, item["q"]))
            tops.append(top_pages(search_results(page, item["q"]), language))
        record(result, language, items, tops, times)
        page.context.close()


def record(result: Measure, language: str, items: list[dict], tops: list[tuple[str, ...]], times: list[float]) -> None:
    """Store one language's score, misses and median time."""
    found = [any(target in pages for target in item["top3"]) for item, pages in zip(items, tops, strict=True)]
    result.median_ms[language] = statistics.median(times)
    result.found[language] = (sum(found), len(items))
    result.missed[language] = [f"{item['q']} → {pages}" for item, pages, ok in zip(items, tops, found, strict=True) if not ok]


def pagefind_search(page: object, address: str, query: str) -> dict:
    """Search with Pagefind's JS API from the open page; return {ms, urls}."""
    return page.evaluate(PAGEFIND_TIMED, [f"{address}pagefind/pagefind.js", query, FRAGMENTS])


def measure_pagefind(browser: object, address: str, site: Path, base: str, queries: dict[str, list[dict]],
                     top_pages: TopPages, result: Measure) -> None:
    """Score and time Pagefind per language from a page of that language, counting what a first search downloads."""
    for language, items in queries.items():
        requests: list[str] = []
        page = open_page(browser, language_root(address, language), requests)
        page.wait_for_load_state("networkidle")
        requests.clear()
        first = pagefind_search(page, address, items[0]["q"])
        result.first_ms[language] = first["ms"]
        result.first_bytes[language] = sum(gzip_size(site, base, url) for url in set(requests) if PAGEFIND_ASSET.search(url))
        times, tops = [], []
        for item in items:
            found = pagefind_search(page, address, item["q"])
            times.append(found["ms"])
            tops.append(top_pages([urljoin(address, url) for url in found["urls"]], language))
        record(result, language, items, tops, times)
        page.context.close()


def build_size(project: Path, scratch: Path, entries: int, engines: list[str], pagefind_python: Path) -> tuple[Path, dict[str, float]]:
    """Build one size with search and (for lunr) without; index it with Pagefind; return the site and the added seconds."""
    with_search = copy_project(project, scratch / f"with-{entries}", entries, search=True)
    site = scratch / f"site-{entries}"
    added: dict[str, float] = {}
    seconds = mkdocs_build(with_search, site)
    if "lunr" in engines:
        without = copy_project(project, scratch / f"without-{entries}", entries, search=False)
        added["lunr"] = seconds - mkdocs_build(without, scratch / f"site-nosearch-{entries}")
    if "pagefind" in engines:
        added["pagefind"] = run_pagefind(pagefind_python, site)
    return site, added


def measure_size(project: Path, scratch: Path, entries: int, engines: list[str], pagefind_python: Path) -> list[Measure]:
    """Build and measure every engine at one size."""
    sys.path.insert(0, str(project))
    from playwright.sync_api import sync_playwright

    from tests.helpers import SITE_PATH, serve
    from tests.search_quality import load_queries, top_pages
    from tests.search_quality import settled_results as search_results  # waits until the results stop changing

    site, added = build_size(project, scratch, entries, engines, pagefind_python)
    base, queries, results = SITE_PATH, load_queries(), []
    with serve(site) as address, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        for engine in engines:
            result = Measure(engine, entries, build_s=added[engine])
            if engine == "lunr":
                measure_lunr(browser, address, site, base, queries, search_results, top_pages, result)
            else:
                measure_pagefind(browser, address, site, base, queries, top_pages, result)
            results.append(result)
        browser.close()
    return results


def table(results: list[Measure]) -> str:
    """Return the results as a Markdown table."""
    lines = ["| engine | examples per language | found in top 3 (da / en) | first search, gzip KiB (da / en) "
             "| first query ms (da / en) | median ms (da / en) | build time added, s |",
             "|---|---|---|---|---|---|---|"]
    for r in results:
        found = " / ".join(f"{hit}/{total}" for hit, total in r.found.values())
        kib = " / ".join(f"{size / 1024:.0f}" for size in r.first_bytes.values())
        first = " / ".join(f"{ms:.0f}" for ms in r.first_ms.values())
        median = " / ".join(f"{ms:.0f}" for ms in r.median_ms.values())
        size = f"real + {r.entries}" if r.entries else "real"
        lines.append(f"| {r.engine} | {size} | {found} | {kib} | {first} | {median} | {r.build_s:.1f} |")
    return "\n".join(lines)


def versions(pagefind_python: Path) -> str:
    """Return the versions of what was measured."""
    from importlib.metadata import version

    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    return (f"MkDocs {version('mkdocs')}, Material {version('mkdocs-material')}, mkdocs-static-i18n {version('mkdocs-static-i18n')}, "
            f"{pagefind_version(pagefind_python)}, Playwright {version('playwright')}, {chromium}, Python {platform.python_version()}")


def write_section(project: Path, text: str) -> None:
    """Put the section into the project's BENCHMARKS.md, replacing an earlier run's."""
    path = project / "BENCHMARKS.md"
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    start = old.find(SECTION)
    if start < 0:
        path.write_text(old.rstrip("\n") + "\n\n" + text, encoding="utf-8")
        return
    end = old.find("\n## ", start + len(SECTION))
    path.write_text(old[:start] + text + (old[end + 1:] if end >= 0 else ""), encoding="utf-8")


def main() -> None:
    """Run the benchmark, print the table and the misses, and optionally write BENCHMARKS.md."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--project", type=Path, default=HERE.parent)
    parser.add_argument("--entries", type=int, action="append", help="made-up examples per language (repeatable; default 0 and 2000)")
    parser.add_argument("--engine", choices=("lunr", "pagefind", "both"), default="both")
    parser.add_argument("--pagefind-python", type=Path, default=PAGEFIND_GUESS, help="a Python with the pagefind package installed")
    parser.add_argument("--write", action="store_true", help="write the table into BENCHMARKS.md")
    arguments = parser.parse_args()
    engines = ["lunr", "pagefind"] if arguments.engine == "both" else [arguments.engine]
    project = arguments.project.resolve()
    results: list[Measure] = []
    with tempfile.TemporaryDirectory() as scratch:
        for entries in arguments.entries or [0, 2000]:
            results += measure_size(project, Path(scratch), entries, engines, arguments.pagefind_python)
    print(table(results))
    for r in results:
        for language, missed in r.missed.items():
            print(f"{r.engine} +{r.entries} {language} missed: {missed}")
    if arguments.write:
        stamp = datetime.date.today().isoformat()
        write_section(project, f"{SECTION}\n\n{stamp}, {os.cpu_count()} cores; {versions(arguments.pagefind_python)}\n\n{METHOD}\n\n{table(results)}\n")


if __name__ == "__main__":
    main()
