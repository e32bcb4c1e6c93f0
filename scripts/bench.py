"""Benchmark at scale: this site against a plain Material + i18n build of the same pages, with PASS/FAIL per target.

Per size (the real content, plus N made-up catalogue examples per language from scripts/synthetic_entries.py) both
builds run alternately, PDFs off, `--runs` times each; it prints median build time, the ratio, peak memory, site
size, bytes per page and search index bytes per language. At the real size it also times the PDFs and the Word files (a build with
them minus one without) and the live preview: seconds from saving an edit until Chromium shows it under `mkdocs
serve` with `make serve`'s environment. Usage: `make bench`, or `python scripts/bench.py --sizes 0,50 --runs 1`.
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
from dataclasses import dataclass
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_targets import Target, print_targets  # noqa: E402
from first_view import first_view_targets  # noqa: E402
from synthetic_entries import add_entries  # noqa: E402

from seniorsite.languages import LANGUAGES, language_prefix  # noqa: E402
from seniorsite.whole_site.search_index import SEARCH_INDEX  # noqa: E402
from tests.helpers import PROJECT_PARTS  # noqa: E402
from tests.live_preview import edit_to_screen_seconds, serve_environment  # noqa: E402

OWN_ONLY = ("hooks", "watch", "extra_css", "extra_javascript")
DEFAULT_SIZES = "0,50,200,500,2000"
# The targets of issue 11 (build and preview part).
REAL_SIZE_RATIO = 1.0
LARGE_SIZE, LARGE_SIZE_RATIO = 2000, 0.5
SMALL_SIZE, GROWTH_LIMIT = 200, 11.0
PREVIEW_SECONDS = 1.5
WORD_SECONDS = 10.0  # issue 19: the Word and OpenDocument files add at most 10 s to `make site`


@dataclass(frozen=True)
class Build:
    """One build: wall-clock seconds and the peak resident memory of the build process, in MiB."""

    seconds: float
    peak_mib: float


@dataclass(frozen=True)
class SiteSize:
    """What a built site weighs: all files, the HTML pages, and the search index per language."""

    total_bytes: int
    files: int
    pages: int
    page_bytes: int
    search_bytes: dict[str, int]


@dataclass(frozen=True)
class SizeResult:
    """Both builds of one size: every run and the size of the last site."""

    entries: int
    ours: list[Build]
    plain: list[Build]
    ours_site: SiteSize
    plain_site: SiteSize

    def median(self, side: str) -> float:
        """Return the median seconds of one side ('ours' or 'plain')."""
        return statistics.median(build.seconds for build in getattr(self, side))


def project_with_entries(target: Path, entries: int) -> Path:
    """Copy what a build needs and add entries made-up catalogue examples per language."""
    for part in PROJECT_PARTS:
        if (PROJECT / part).is_dir():
            shutil.copytree(PROJECT / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(PROJECT / part, target / part)
    add_entries(target, entries)
    return target


def plain_project(target: Path, source: Path) -> Path:
    """Write a copy of the content with the same theme and plugins but none of this project's code."""
    config = yaml.safe_load((source / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in OWN_ONLY:
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    shutil.copytree(source / "docs", target / "docs", ignore=shutil.ignore_patterns("javascripts", "stylesheets"))
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def timed_build(project: Path, site: Path, pdfs: bool = False, word: bool = False) -> Build:
    """Build a project once, strict, PDFs and Word files off unless asked; return its seconds and peak memory."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1693908000", "SENIORSITE_PDF": "1" if pdfs else "0",
                   "SENIORSITE_WORD": "1" if word else "0"}
    shutil.rmtree(site, ignore_errors=True)
    log = site.with_name(site.name + ".log")
    with log.open("wb") as output:
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                                   cwd=project, env=environment, stdout=output, stderr=subprocess.STDOUT)
        # wait4 gives this build's own peak memory (Linux: KiB), where RUSAGE_CHILDREN would give the largest so far.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise RuntimeError(f"the build of {project} failed:\n{log.read_text(encoding='utf-8')[-3000:]}")
    return Build(seconds, usage.ru_maxrss / 1024)


def size_of(site: Path) -> SiteSize:
    """Measure a built site: total bytes and files, HTML pages and their bytes, search index bytes per language."""
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    search = {language: (site / language_prefix(language) / SEARCH_INDEX) for language in LANGUAGES}
    return SiteSize(sum(p.stat().st_size for p in files), len(files), len(pages), sum(p.stat().st_size for p in pages),
                    {language: path.stat().st_size if path.exists() else 0 for language, path in search.items()})


def measure_size(scratch: Path, entries: int, runs: int) -> SizeResult:
    """Build this project and the plain one at one size, alternately, runs times each."""
    ours_project = project_with_entries(scratch / f"ours-{entries}", entries)
    plain = plain_project(scratch / f"plain-{entries}", ours_project)
    ours, base = [], []
    for run in range(runs):
        ours.append(timed_build(ours_project, scratch / "ours-site"))
        base.append(timed_build(plain, scratch / "plain-site"))
        print(f"  {entries} examples, run {run + 1}: this site {ours[-1].seconds:.2f} s, plain {base[-1].seconds:.2f} s", flush=True)
    result = SizeResult(entries, ours, base, size_of(scratch / "ours-site"), size_of(scratch / "plain-site"))
    shutil.rmtree(ours_project)
    shutil.rmtree(plain)
    return result


def seconds_with_and_without(scratch: Path, runs: int, part: str) -> tuple[float, float]:
    """Return the median seconds of a real-size build with one part ('pdfs' or 'word') and without it, alternately."""
    project = project_with_entries(scratch / part, 0)
    with_part, without = [], []
    for _ in range(runs):
        with_part.append(timed_build(project, scratch / f"{part}-site", **{part: True}).seconds)
        without.append(timed_build(project, scratch / f"{part}-site").seconds)
    return statistics.median(with_part), statistics.median(without)


def print_table(results: list[SizeResult]) -> None:
    """Print one row per size and side."""
    print(f"{'examples/lang':>13} {'side':>6} {'median s':>9} {'ratio':>6} {'peak MiB':>9} {'site KiB':>9} {'pages':>6} "
          f"{'B/page':>7} " + " ".join(f"{'search ' + language + ' KiB':>15}" for language in LANGUAGES))
    for result in results:
        ratio = result.median("ours") / result.median("plain")
        for side, builds, site in (("this", result.ours, result.ours_site), ("plain", result.plain, result.plain_site)):
            searches = " ".join(f"{site.search_bytes[language] / 1024:15.0f}" for language in LANGUAGES)
            print(f"{result.entries:13d} {side:>6} {statistics.median(b.seconds for b in builds):9.2f} "
                  f"{(ratio if side == 'this' else 1.0):6.2f} {max(b.peak_mib for b in builds):9.0f} {site.total_bytes / 1024:9.0f} "
                  f"{site.pages:6d} {site.page_bytes // max(site.pages, 1):7d} {searches}")
    print("(plain: the i18n plugin's one merged search index, under the Danish column)")


def build_targets(results: dict[int, SizeResult]) -> list[Target]:
    """Return the build-time targets the measured sizes allow."""
    targets = []
    if 0 in results:
        targets.append(Target.at_most("real site, build time against the plain build (no PDFs)",
                                      results[0].median("ours") / results[0].median("plain"), REAL_SIZE_RATIO, "×"))
    if LARGE_SIZE in results:
        large = results[LARGE_SIZE]
        targets.append(Target.at_most(f"{LARGE_SIZE} examples per language, build time against the plain build",
                                      large.median("ours") / large.median("plain"), LARGE_SIZE_RATIO, "×"))
        if SMALL_SIZE in results:
            targets.append(Target.at_most(f"build time at {LARGE_SIZE} examples against {SMALL_SIZE} (this site)",
                                          large.median("ours") / results[SMALL_SIZE].median("ours"), GROWTH_LIMIT, "×"))
    return targets


def main() -> None:
    """Run the benchmark; print the table, the PDF and preview times, and the targets."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="builds of each side per size")
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="made-up examples per language, comma-separated; 0 is the real site")
    parser.add_argument("--edits", type=int, default=3, help="edits timed under `mkdocs serve` (0: skip the preview)")
    parser.add_argument("--no-pdfs", action="store_true", help="skip timing the PDFs")
    parser.add_argument("--no-first-view", action="store_true", help="skip the first-view weight and Lighthouse")
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.sizes.split(",")]
    started = time.perf_counter()
    targets: list[Target] = []
    with tempfile.TemporaryDirectory() as scratch:
        scratch_dir = Path(scratch)
        results = {entries: measure_size(scratch_dir, entries, arguments.runs) for entries in sizes}
        pdfs = None if arguments.no_pdfs else seconds_with_and_without(scratch_dir, arguments.runs, "pdfs")
        word = seconds_with_and_without(scratch_dir, arguments.runs, "word")
        preview = []
        if arguments.edits:
            preview = edit_to_screen_seconds(project_with_entries(scratch_dir / "preview", 0), serve_environment(), arguments.edits)
        if not arguments.no_first_view:
            timed_build(PROJECT, scratch_dir / "first-view-site", pdfs=True, word=True)
            targets += [Target.told(*target) for target in first_view_targets(scratch_dir / "first-view-site")]
    print(f"\nruns: {arguments.runs} of each side, alternating; both languages per build; strict; PDFs off")
    print_table(list(results.values()))
    if pdfs:
        print(f"PDFs at the real size: a build takes {pdfs[0]:.2f} s with them, {pdfs[1]:.2f} s without: they add {pdfs[0] - pdfs[1]:.2f} s")
    print(f"Word and OpenDocument files at the real size: a build takes {word[0]:.2f} s with them, {word[1]:.2f} s without: they add {word[0] - word[1]:.2f} s")
    if preview:
        print(f"live preview (make serve): an edit shows in Chromium after {', '.join(f'{s:.2f}' for s in preview)} s "
              f"(median {statistics.median(preview):.2f} s)")
    targets[:0] = build_targets(results)
    targets.append(Target.at_most("the Word and OpenDocument files add to a build (real size, median)", word[0] - word[1], WORD_SECONDS, " s"))
    if preview:
        targets.append(Target.at_most("an edit shows under make serve (real size, median)", statistics.median(preview), PREVIEW_SECONDS, " s"))
    print(f"benchmark took {time.perf_counter() - started:.0f} s\n")
    print_targets(targets)


if __name__ == "__main__":
    main()
