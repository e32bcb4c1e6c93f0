"""The live preview as an editor uses it: `mkdocs serve` with `make serve`'s environment, a page in Chromium, one edit.

Used by tests/test_live_preview.py and by `make bench` (the seconds from saving an edit until the browser shows it).
Works on a copy of the project, never the real one: `python -m tests.live_preview PROJECT_COPY`.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.helpers import CHROMIUM, CHROMIUM_ARGUMENTS, PROJECT, SITE_PATH

EDITED_PAGE = Path("docs") / "om.md"  # a Danish page in the navigation, with an English twin
EDITED_URL = "om/"
STARTUP_SECONDS = 300
SHOW_SECONDS = 60
SERVE_SCRIPT = PROJECT / "scripts" / "serve.py"  # what `make serve` runs
SERVE_ENV_LINE = re.compile(r"^SERVE_ENV\s*:=(?P<words>.*)$", re.M)


def serve_environment(makefile: Path = PROJECT / "Makefile") -> dict[str, str]:
    """Return the variables `make serve` sets (the Makefile's SERVE_ENV, their one source)."""
    match = SERVE_ENV_LINE.search(makefile.read_text(encoding="utf-8"))
    if not match:
        raise ValueError(f"{makefile} has no SERVE_ENV line")
    return dict(word.split("=", 1) for word in match.group("words").split())


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_served(url: str, server: subprocess.Popen, timeout: float) -> None:
    """Wait until the preview answers at url (its first build is done), or fail with its log."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped: {server.stdout.read() if server.stdout else ''}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, http.client.HTTPException, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(f"mkdocs serve did not answer at {url} within {timeout:.0f} s")


def wait_for_word(page: object, word: str, started: float) -> float:
    """Poll the page's text until word shows; return the seconds since started (the page may be reloading)."""
    from playwright.sync_api import Error as PlaywrightError

    while time.perf_counter() - started < SHOW_SECONDS:
        try:
            if word in page.inner_text("body", timeout=1_000):
                return time.perf_counter() - started
        except PlaywrightError:
            pass  # the page is between two documents
        time.sleep(0.02)
    raise RuntimeError(f"the edit did not show in the browser within {SHOW_SECONDS} s")


def start_preview(project: Path, environment: dict[str, str], attempts: int = 3) -> tuple[subprocess.Popen, str]:
    """Start `mkdocs serve` on a free port and wait for its first build; try another port if this one was taken meanwhile."""
    for attempt in range(attempts):
        port = free_port()
        url = f"http://127.0.0.1:{port}{SITE_PATH}{EDITED_URL}"
        server = subprocess.Popen(
            [sys.executable, str(SERVE_SCRIPT), "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **environment},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        try:
            wait_until_served(url, server, STARTUP_SECONDS)
            return server, url
        except RuntimeError as error:
            server.kill()
            server.wait(timeout=30)
            if "in use" not in str(error) or attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


def timed_edits(browser: object, project: Path, url: str, edits: int) -> list[float]:
    """Open the edited page; per edit, append a unique word to its file and time until the page shows it."""
    page = browser.new_page()
    try:
        page.goto(url, wait_until="load")
        seconds = []
        for _ in range(edits):
            word = f"retning{time.time_ns()}"
            source = project / EDITED_PAGE
            text = source.read_text(encoding="utf-8")
            started = time.perf_counter()
            source.write_text(f"{text}\n{word}\n", encoding="utf-8")
            seconds.append(wait_for_word(page, word, started))
            time.sleep(1)  # let the watcher settle before the next edit
        return seconds
    finally:
        page.close()


def edit_to_screen_seconds(project: Path, environment: dict[str, str], edits: int = 1, browser: object | None = None) -> list[float]:
    """Serve project and time edits in Chromium: the given browser (a test's), or one started here (the benchmark's)."""
    from playwright.sync_api import sync_playwright

    server, url = start_preview(project, environment)
    try:
        if browser is not None:
            return timed_edits(browser, project, url, edits)
        with sync_playwright() as playwright:
            own_browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGUMENTS)
            try:
                return timed_edits(own_browser, project, url, edits)
            finally:
                own_browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    """Measure on the project copy named on the command line and print the seconds per edit."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("project", type=Path, help="a copy of the project (its page is edited)")
    parser.add_argument("--edits", type=int, default=3)
    arguments = parser.parse_args()
    seconds = edit_to_screen_seconds(arguments.project, serve_environment(), arguments.edits)
    print(" ".join(f"{s:.2f}" for s in seconds), "s")


if __name__ == "__main__":
    main()
