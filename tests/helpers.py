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

from seniorsite.events import LOCAL_ZONE

PROJECT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("docs", "data", "schemas", "overrides", "seniorsite", "hooks.py", "mkdocs.yml")
# The build the tests look at is dated 5 September 2023, noon: the webinar is upcoming, the rest past.
BUILD_MOMENT = datetime(2023, 9, 5, 12, 0, tzinfo=LOCAL_ZONE)
CHROMIUM = "/usr/bin/chromium"


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


def build(project: Path, site: Path, moment: datetime = BUILD_MOMENT) -> BuildResult:
    """Build a project in strict mode into site, dated at moment; return exit code and log."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": str(int(moment.timestamp())), "NO_MKDOCS_2_WARNING": "1"}
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=environment, capture_output=True, text=True, timeout=300,
    )
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, site)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without writing a log line per request."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        """Write nothing."""


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve a folder over HTTP on 127.0.0.1 and yield its base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
