"""Benchmark: build time and size of this site against a plain Material + i18n build of the same content.

Runs both builds alternately (side by side, so machine load hits both alike) and prints medians
and ratios. Usage: `make bench` (or `python scripts/bench.py --runs 5`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("docs", "data", "schemas", "overrides", "seniorsite", "hooks.py", "mkdocs.yml")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_entries import add_entries  # noqa: E402

OWN_ONLY = ("hooks", "watch", "extra_css", "extra_javascript")


def project_with_entries(target: Path, entries: int) -> Path:
    """Copy what a build needs and add entries made-up catalogue examples per language."""
    for part in PROJECT_PARTS:
        if (PROJECT / part).is_dir():
            shutil.copytree(PROJECT / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(PROJECT / part, target / part)
    add_entries(target, entries)
    return target


def plain_project(target: Path, source: Path = PROJECT) -> Path:
    """Write a copy of the content with the same theme and plugins but none of this project's code."""
    config = yaml.safe_load((source / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in OWN_ONLY:
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    shutil.copytree(source / "docs", target / "docs", ignore=shutil.ignore_patterns("javascripts", "stylesheets"))
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def timed_build(project: Path, site: Path, pdfs: bool = True) -> float:
    """Build a project once, strict (the PDFs left out on request), and return the wall-clock seconds it took."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1693908000", "SENIORSITE_PDF": "1" if pdfs else "0"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                   cwd=project, env=environment, check=True, capture_output=True)
    return time.perf_counter() - start


def size_of(site: Path) -> tuple[int, int]:
    """Return the total bytes and the number of files of a built site."""
    files = [p for p in site.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def main() -> None:
    """Run the benchmark and print a small table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--entries", type=int, default=0, help="made-up catalogue examples per language, on both sides (PDFs off)")
    arguments = parser.parse_args()
    runs = arguments.runs
    with tempfile.TemporaryDirectory() as scratch:
        scratch_dir = Path(scratch)
        ours_project = project_with_entries(scratch_dir / "ours", arguments.entries) if arguments.entries else PROJECT
        plain = plain_project(scratch_dir / "plain", ours_project)
        ours_times, plain_times = [], []
        for _ in range(runs):
            ours_times.append(timed_build(ours_project, scratch_dir / "ours-site", pdfs=not arguments.entries))
            plain_times.append(timed_build(plain, scratch_dir / "plain-site", pdfs=not arguments.entries))
        ours_size, ours_files = size_of(scratch_dir / "ours-site")
        plain_size, plain_files = size_of(scratch_dir / "plain-site")
    ours, base = statistics.median(ours_times), statistics.median(plain_times)
    print(f"runs: {runs} of each, alternating; both languages per build; {arguments.entries} made-up examples per language")
    print(f"{'':26}{'this site':>12}{'plain':>12}{'ratio':>8}")
    print(f"{'build time, median (s)':26}{ours:12.2f}{base:12.2f}{ours / base:8.2f}")
    print(f"{'site size (KiB)':26}{ours_size / 1024:12.0f}{plain_size / 1024:12.0f}{ours_size / plain_size:8.2f}")
    print(f"{'files':26}{ours_files:12d}{plain_files:12d}{ours_files / plain_files:8.2f}")


if __name__ == "__main__":
    main()
