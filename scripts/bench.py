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
OWN_ONLY = ("hooks", "watch", "extra_css", "extra_javascript")


def plain_project(target: Path) -> Path:
    """Write a copy of the content with the same theme and plugins but none of this project's code."""
    config = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in OWN_ONLY:
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    shutil.copytree(PROJECT / "docs", target / "docs", ignore=shutil.ignore_patterns("javascripts", "stylesheets"))
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def timed_build(project: Path, site: Path) -> float:
    """Build a project once, strict, and return the wall-clock seconds it took."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1693908000"}
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
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as scratch:
        scratch_dir = Path(scratch)
        plain = plain_project(scratch_dir / "plain")
        ours_times, plain_times = [], []
        for _ in range(runs):
            ours_times.append(timed_build(PROJECT, scratch_dir / "ours-site"))
            plain_times.append(timed_build(plain, scratch_dir / "plain-site"))
        ours_size, ours_files = size_of(scratch_dir / "ours-site")
        plain_size, plain_files = size_of(scratch_dir / "plain-site")
    ours, base = statistics.median(ours_times), statistics.median(plain_times)
    print(f"runs: {runs} of each, alternating; both languages per build")
    print(f"{'':26}{'this site':>12}{'plain':>12}{'ratio':>8}")
    print(f"{'build time, median (s)':26}{ours:12.2f}{base:12.2f}{ours / base:8.2f}")
    print(f"{'site size (KiB)':26}{ours_size / 1024:12.0f}{plain_size / 1024:12.0f}{ours_size / plain_size:8.2f}")
    print(f"{'files':26}{ours_files:12d}{plain_files:12d}{ours_files / plain_files:8.2f}")


if __name__ == "__main__":
    main()
