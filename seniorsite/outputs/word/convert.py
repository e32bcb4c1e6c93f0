"""Write each HTML fragment as a .docx and an .odt with pandoc, its placeholders as spans in the Placeholder style."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from bs4 import BeautifulSoup

from seniorsite.languages import DOCUMENT_LANGUAGES
from seniorsite.outputs.word.reference import PLACEHOLDER_STYLE, pandoc_path, reference_files, rewrite_zip
from seniorsite.page.fill_in import FILL_CLASS
from seniorsite.problems import ContentError, Problem

FORMATS = ("docx", "odt")
# The language each document declares (its spelling checker and hyphenation), by the site's language.
FIELD_SELECTOR = f"span.{FILL_CLASS}"
HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's white space; a no-break space stays
# Where pandoc keeps each format's title property; it writes the element empty when no title is given.
TITLE_ENTRIES = {"docx": "docProps/core.xml", "odt": "meta.xml"}
EMPTY_TITLE = re.compile(rb"<dc:title\s*/>|<dc:title>\s*</dc:title>")
MOST_WORKERS = 4
SHORT_MESSAGE = 300
BACKTRACE = "HasCallStack backtrace:"


@dataclass(frozen=True)
class WordJob:
    """One document to write: its HTML fragment, its title for the properties, its language and its path without suffix."""

    html: str
    title: str
    language: str
    stem: Path


@dataclass(frozen=True)
class WordFacts:
    """The files one job wrote: their names and sizes in bytes."""

    docx_name: str
    docx_size: int
    odt_name: str
    odt_size: int


def pandoc_html(fragment: str) -> str:
    """Return the fragment with each placeholder as a pandoc span in the Placeholder style, holding its prompt's text only.

    The prompt's HTML white space is collapsed as a browser shows it, and a space at its edge moves outside the span:
    pandoc would write a line break inside as three runs and an edge space as a run of its own.
    """
    soup = BeautifulSoup(fragment, "html.parser")
    for field in soup.select(FIELD_SELECTOR):
        shown = HTML_SPACE.sub(" ", field.get_text())
        field.attrs = {"data-custom-style": PLACEHOLDER_STYLE}
        field.string = shown.strip(" ")
        if shown.startswith(" "):
            field.insert_before(" ")
        if shown.endswith(" "):
            field.insert_after(" ")
    return str(soup)


def _with_title(title: str, entry: str) -> Callable[[bytes], bytes]:
    """Return an edit that puts the title into a properties file's empty dc:title."""
    def edit(xml: bytes) -> bytes:
        """Fill the empty dc:title; fail loudly if pandoc no longer writes one."""
        filled, count = EMPTY_TITLE.subn(b"<dc:title>" + escape(title).encode() + b"</dc:title>", xml, count=1)
        if count != 1:
            raise ValueError(f"pandoc wrote no empty dc:title in {entry}")
        return filled
    return edit


def _pandoc_problem(job: WordJob, suffix: str, stderr: str) -> Problem:
    """Return pandoc's failure as a problem of the job's file: its message, short, without the backtrace."""
    said = stderr.split(BACKTRACE)[0]  # pandoc 3.9 follows its message with a Haskell backtrace, no help to an editor
    message = " ".join(said.split())[:SHORT_MESSAGE] or "pandoc failed without a message"
    return Problem(file=job.stem.name, line=0, message=f"pandoc could not write the .{suffix} file: {message}")


def word_file(job: WordJob, suffix: str) -> Path:
    """Return the path of a job's file in one format (its stem may hold dots, so no with_suffix)."""
    return job.stem.parent / f"{job.stem.name}.{suffix}"


def write_one(job: WordJob, suffix: str, reference: Path, environment: dict[str, str]) -> Problem | None:
    """Write one job in one format with pandoc, then set its title property; return the problem if pandoc failed."""
    target = word_file(job, suffix)
    # --data-dir: pandoc's own defaults and our reference documents, never templates in the user's ~/.local/share/pandoc.
    command = [pandoc_path(), "--from=html", f"--to={suffix}", f"--reference-doc={reference}", f"--data-dir={reference.parent}",
               f"--metadata=lang:{DOCUMENT_LANGUAGES[job.language]}", f"--output={target}"]
    result = subprocess.run(command, input=pandoc_html(job.html), capture_output=True, text=True, encoding="utf-8", env=environment)
    if result.returncode != 0:
        return _pandoc_problem(job, suffix, result.stderr)
    # The title goes into the properties afterwards: with `title` metadata pandoc also prints it as a Title paragraph
    # (docx: always; odt: its template), and title-meta or pagetitle do not reach either format's dc:title.
    entry = TITLE_ENTRIES[suffix]
    rewrite_zip(target.read_bytes(), target, {entry: _with_title(job.title, entry)})
    return None


def pandoc_environment(moment: datetime) -> dict[str, str]:
    """Return pandoc's environment: ours, with the build's moment as SOURCE_DATE_EPOCH so the files are reproducible."""
    return {**os.environ, "SOURCE_DATE_EPOCH": str(int(moment.timestamp()))}


def _facts(job: WordJob) -> WordFacts:
    """Return the names and sizes of the files one job wrote."""
    docx, odt = (word_file(job, suffix) for suffix in FORMATS)
    return WordFacts(docx_name=docx.name, docx_size=docx.stat().st_size, odt_name=odt.name, odt_size=odt.stat().st_size)


def write_word_files(jobs: Sequence[WordJob], moment: datetime, workdir: Path) -> list[WordFacts]:
    """Write every job as .docx and .odt in parallel, styled by reference documents made in workdir; return their facts.

    Every pandoc failure is collected and raised together as one ContentError, each naming its job's file.
    """
    references = dict(zip(FORMATS, reference_files(workdir), strict=True))
    environment = pandoc_environment(moment)
    tasks = [(job, suffix) for job in jobs for suffix in FORMATS]
    workers = max(2, min(MOST_WORKERS, os.cpu_count() or 2))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        outcomes = list(pool.map(lambda task: write_one(task[0], task[1], references[task[1]], environment), tasks))
    problems = [problem for problem in outcomes if problem]
    if problems:
        raise ContentError(problems)
    return [_facts(job) for job in jobs]
