"""First view of every page: its gzipped weight with every asset, and Lighthouse on four pages.

Serves a built site with gzip (as GitHub Pages does), loads each page in a fresh Chromium context
(empty cache) until the network is idle, and sums the gzipped bytes of every response. Lighthouse
(mobile, its default) runs on the front page, a handbook chapter, the catalogue and the conversation
form. Usage: `make first-view` (or `python scripts/first_view.py site`).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
from contextlib import AbstractContextManager
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
from tests.helpers import CHROMIUM, CHROMIUM_ARGUMENTS, QuietHandler, serve  # noqa: E402

LIGHTHOUSE = PROJECT / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The pages the target names, as paths below the site root (Danish, the default language).
LIGHTHOUSE_PAGES = {
    "front page": "",
    "handbook chapter": "arbejdshaandbog/hvorfor-nu/",
    "catalogue": "inspiration/",
    "conversation form": "samtaleskabelon/formular/",
}
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


def first_view_sizes(site: Path) -> dict[str, int]:
    """Serve the built site with gzip and return each page's first view in gzipped bytes."""
    from playwright.sync_api import sync_playwright

    with serve_gzipped(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGUMENTS)
        try:
            return {path or "/": sum(first_view_requests(browser, base + path).values()) for path in site_pages(site)}
        finally:
            browser.close()


def lighthouse_scores(site: Path) -> dict[str, dict[str, int]]:
    """Run Lighthouse (mobile) on the four target pages, served with gzip; return each page's category scores."""
    scores: dict[str, dict[str, int]] = {}
    flags = "--headless=new " + " ".join(CHROMIUM_ARGUMENTS)
    environment = {**os.environ, "CHROME_PATH": CHROMIUM}
    with serve_gzipped(site) as base, tempfile.TemporaryDirectory() as scratch:
        for name, path in LIGHTHOUSE_PAGES.items():
            report = Path(scratch) / "report.json"
            subprocess.run(
                [str(LIGHTHOUSE), base + path, "--quiet", "--output=json", f"--output-path={report}",
                 f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}", f"--chrome-flags={flags}"],
                env=environment, check=True, timeout=300,
            )
            categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
            scores[name] = {key: round((categories[key]["score"] or 0) * 100) for key in LIGHTHOUSE_CATEGORIES}
    return scores


def first_view_targets(site: Path) -> list[tuple[str, bool, str]]:
    """Return the first-view targets as (name, passed, measured text): the heaviest page, and Lighthouse per page."""
    return targets_of(first_view_sizes(site), lighthouse_scores(site))


def targets_of(sizes: dict[str, int], scores: dict[str, dict[str, int]]) -> list[tuple[str, bool, str]]:
    """Turn measured first views and Lighthouse scores into (name, passed, measured text)."""
    heaviest = max(sizes, key=sizes.__getitem__)
    targets = [(
        f"first view of every page <= {FIRST_VIEW_LIMIT / 1000:.0f} KB gzipped",
        sizes[heaviest] <= FIRST_VIEW_LIMIT,
        f"heaviest {heaviest} {sizes[heaviest] / 1000:.1f} KB over {len(sizes)} pages",
    )]
    for name, page_scores in scores.items():
        targets.append((
            f"Lighthouse mobile {name}: {LIGHTHOUSE_TARGET} in all four categories",
            all(score >= LIGHTHOUSE_TARGET for score in page_scores.values()),
            " ".join(f"{key} {score}" for key, score in page_scores.items()),
        ))
    return targets


def main() -> int:
    """Print each page's first view, then the PASS/FAIL lines; exit 1 if a target fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder, e.g. site")
    parser.add_argument("--sizes-only", action="store_true", help="print the first view of every page; skip Lighthouse")
    arguments = parser.parse_args()
    sizes = first_view_sizes(arguments.site)
    for path, size in sizes.items():
        print(f"{size / 1000:7.1f} KB  {path}")
    if arguments.sizes_only:
        return 0
    targets = targets_of(sizes, lighthouse_scores(arguments.site))
    for name, passed, measured in targets:
        print(f"{'PASS' if passed else 'FAIL'}  {name}: {measured}")
    return 0 if all(passed for _, passed, _ in targets) else 1


if __name__ == "__main__":
    sys.exit(main())
