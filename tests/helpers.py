"""Shared helpers for the tests: copying the project, building it, serving it."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from bs4 import BeautifulSoup

from scripts.system_packages import browser_missing_message, find_browser
from seniorsite.data.events import LOCAL_ZONE
from seniorsite.languages import LANGUAGES, language_prefix

PROJECT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("docs", "data", "schemas", "overrides", "seniorsite", "hooks.py", "mkdocs.yml")
# The build the tests look at is dated 5 September 2023, noon: the webinar is upcoming, the rest past.
BUILD_MOMENT = datetime(2023, 9, 5, 12, 0, tzinfo=LOCAL_ZONE)
# The browser every browser run drives: SENIORSITE_BROWSER, else Debian's /usr/bin/chromium or another usual place.
_BROWSER = find_browser()
CHROMIUM = str(_BROWSER or "")
BROWSER_MISSING = "" if _BROWSER else browser_missing_message()
# How every browser run starts Chromium (the tests, and the live-preview timing of `make bench`).
# A whole build takes about three minutes alone on two cores; a busy machine may take several times that.
BUILD_TIMEOUT = 900  # seconds
CHROMIUM_ARGUMENTS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


@dataclass
class BuildResult:
    """The outcome of one `mkdocs build --strict`."""

    returncode: int
    output: str
    site: Path


def copy_project(target: Path) -> Path:
    """Copy what a build needs into target, so a test may break it without touching the real one."""
    for part in PROJECT_PARTS:
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def build(project: Path, site: Path, moment: datetime = BUILD_MOMENT, pdfs: bool = True, engine: str = "mkdocs",
          extra_environment: dict[str, str] | None = None) -> BuildResult:
    """Build a project in strict mode into site with engine (mkdocs or properdocs), dated at moment (the PDFs left out on request)."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": str(int(moment.timestamp())), "NO_MKDOCS_2_WARNING": "1",
                   "SENIORSITE_PDF": "1" if pdfs else "0", **(extra_environment or {})}
    completed = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "--config-file", "mkdocs.yml", "--site-dir", str(site)],
        cwd=project, env=environment, capture_output=True, text=True, timeout=BUILD_TIMEOUT,
    )
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, site)


SITE_PATH = urlsplit(yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]).path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under its published path (as GitHub Pages does), without a log line per request."""

    def translate_path(self, path: str) -> str:
        """Map /seniorvaerktoejer/x to the folder's x; anything outside the site is not found."""
        if not path.startswith(SITE_PATH):
            return str(Path(self.directory) / "does-not-exist")
        return super().translate_path("/" + path[len(SITE_PATH):])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Answer a missing page with the site's own 404 page, as GitHub Pages does."""
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.exists():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        """Write nothing."""


@contextmanager
def serve(folder: Path, handler_class: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """Serve a built site over HTTP on 127.0.0.1 at its published path; yield the site's address."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SITE_PATH}"
    finally:
        server.shutdown()
        server.server_close()


def site_pages() -> list[str]:
    """Every page of the built site as a path below the site root: each page in each language, and 404s."""
    docs = PROJECT / "docs"
    names = sorted(p.relative_to(docs).as_posix()[: -len(".md")] for p in docs.rglob("*.md") if not p.name.endswith(".en.md"))
    paths = ["" if name == "index" else name.removesuffix("/index") + "/" for name in names]
    return [language_prefix(language) + path for language in LANGUAGES for path in [*paths, "404.html"]]


def soup_of(site: Path, path: str) -> BeautifulSoup:
    """Parse one built page by its path below the site root."""
    file = site / (path if path.endswith(".html") else path.rstrip("/") + "/index.html" if path else "index.html")
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def search_results(page: object, query: str) -> list[str]:
    """Type a query into the theme's search box, as a reader would, and return the results' full addresses."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__list > li a.md-search-result__link")
    for _attempt in range(3):  # the index may still be loading in its worker when typing starts
        box.click()
        box.fill("")
        box.press_sequentially(query, delay=20)
        try:
            results.first.wait_for(timeout=5_000)
            break
        except PlaywrightTimeout:
            continue
    return [page.evaluate("href => new URL(href, location.href).href", results.nth(i).get_attribute("href")) for i in range(results.count())]


def wait_for_animations_to_end(page: object, tries: int = 100) -> None:
    """Wait until no CSS animation or transition runs (a loop of evaluate: the pages' CSP forbids wait_for_function's eval)."""
    for _ in range(tries):
        if page.evaluate("() => document.getAnimations().every(animation => animation.playState !== 'running')"):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"an animation still runs after {tries * 50} ms")


OWN_FILES = ("assets/javascripts/", "dokumenter/")  # the site's scripts and its documents' shells


def fetches_only_own_file(request: object, site_url: str) -> bool:
    """True for a GET of one of the site's own scripts or document shells, with no query and no body: it carries nothing typed."""
    address = urlsplit(request.url)
    return (request.method == "GET" and request.post_data is None and not address.query
            and request.url.startswith(tuple(site_url + folder for folder in OWN_FILES)))
