"""Translation status: for every page and data text, both languages there, which changed last, headings alike.

Run as `python -m seniorsite.editing.translation_status` (or `make translations`).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from seniorsite.data.headings import heading_mismatch, markdown_headings
from seniorsite.data.site_data import DOCS_DIR
from seniorsite.data.translations import missing_translations, page_twin
from seniorsite.editing.annotations import annotation, in_github_actions, problem_annotation
from seniorsite.editing.data_texts import TRANSLATED_DATA_FILES, translated_fields
from seniorsite.editing.git_history import data_line_times
from seniorsite.languages import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES
from seniorsite.page.last_changed import git_change_times
from seniorsite.problems import Problem

UNKNOWN = "unknown"
# Two texts changed within this time of each other count as changed together (one edit, two commits).
SAME_CHANGE = timedelta(hours=1)


@dataclass(frozen=True)
class TwinStatus:
    """One page or data text in every language: where each is, when each last changed, whether headings match."""

    kind: str  # "page" or "data"
    name: str
    files: dict[str, str]  # language → file, only for the languages that exist
    lines: dict[str, int]
    changed: dict[str, datetime | None]  # None: git cannot say
    headings: str = ""  # '' when they match (or for data), else how they differ
    entry: str = ""  # for data: the entry and field, like 'question "hvem-tilmelder" answer'

    @property
    def missing(self) -> list[str]:
        """Return the languages this text lacks."""
        return [language for language in LANGUAGES if language not in self.files]

    @property
    def known(self) -> bool:
        """True when git dates every language's text."""
        return not self.missing and all(self.changed.get(language) for language in LANGUAGES)

    @property
    def newest(self) -> str:
        """Return the language changed last, '' when they changed together or git cannot say."""
        if not self.known or self.lag <= SAME_CHANGE:
            return ""
        return max(LANGUAGES, key=lambda language: self.changed[language])  # type: ignore[arg-type,return-value]

    @property
    def older(self) -> str:
        """Return the language whose text waits for translation ('' when none does)."""
        return next((language for language in LANGUAGES if self.newest and language != self.newest), "")

    @property
    def lag(self) -> timedelta:
        """Return how long before the newest text the other one last changed."""
        moments = [self.changed[language] for language in LANGUAGES]
        return max(moments) - min(moments) if all(moments) else timedelta(0)  # type: ignore[type-var,operator]


@dataclass
class TranslationStatus:
    """Every page's and data text's status, and the problems a missing twin makes."""

    twins: list[TwinStatus]
    problems: list[Problem] = field(default_factory=list)
    git_known: bool = True

    @property
    def waiting(self) -> list[TwinStatus]:
        """Return what waits for translation: texts whose other language is older than them."""
        return [twin for twin in self.twins if twin.older]


def _page_statuses(project_dir: Path, times: dict[str, datetime]) -> list[TwinStatus]:
    """Return the status of every page pair in docs/, dated by each file's last commit (times)."""
    docs = project_dir / DOCS_DIR
    suffixes = tuple(f".{language}.md" for language in LANGUAGES if language != DEFAULT_LANGUAGE)
    danish_pages = sorted({
        page.with_name(page.name.rsplit(".", 2)[0] + ".md") if page.name.endswith(suffixes) else page
        for page in docs.rglob("*.md")
    })
    statuses = []
    for danish in danish_pages:
        twins = {language: page_twin(danish, language) for language in LANGUAGES}
        files = {language: f"{DOCS_DIR}/{path.relative_to(docs).as_posix()}" for language, path in twins.items() if path.exists()}
        headings = ""
        if len(files) == len(LANGUAGES):
            headings = heading_mismatch(*(markdown_headings(twins[language].read_text(encoding="utf-8")) for language in LANGUAGES))
        statuses.append(TwinStatus(
            "page", f"{DOCS_DIR}/{danish.relative_to(docs).as_posix()}", files, dict.fromkeys(files, 1),
            {language: times.get(file) for language, file in files.items()}, headings,
        ))
    return statuses


def _text_changed(times: dict[int, datetime] | None, first_line: int, last_line: int) -> datetime | None:
    """Return when a text's lines last changed; None when git cannot date one of them (a shallow clone, an edit not committed yet)."""
    moments = [times.get(line) for line in range(first_line, last_line + 1)] if times else [None]
    return None if None in moments else max(moment for moment in moments if moment is not None)


def _data_statuses(project_dir: Path) -> tuple[list[TwinStatus], list[Problem]]:
    """Return the status of every text per language in the data files, and a problem for each missing one."""
    statuses, problems = [], []
    for data_file in TRANSLATED_DATA_FILES:
        times = data_line_times(project_dir, data_file)
        for translated in translated_fields(project_dir, data_file):
            texts = translated.texts
            changed = {language: _text_changed(times, text.first_line, text.last_line) for language, text in texts.items()}
            status = TwinStatus(
                "data", f"{data_file}:{translated.line}", dict.fromkeys(texts, data_file),
                {language: text.first_line for language, text in texts.items()}, changed, entry=f"{translated.entry} {translated.field}".strip(),
            )
            statuses.append(status)
            problems += [
                Problem(data_file, translated.line, f"the {LANGUAGE_NAMES[language]} text of '{translated.field}' is missing; add {language}: with the text", translated.entry)
                for language in status.missing
            ]
    return statuses, problems


def translation_status(project_dir: Path, file_times: dict[str, datetime] | None = None) -> TranslationStatus:
    """Return the translation status of every page and data text of a project (file_times: git's, when already read)."""
    pages = _page_statuses(project_dir, git_change_times(project_dir) if file_times is None else file_times)
    data, problems = _data_statuses(project_dir)
    twins = pages + data
    return TranslationStatus(
        twins, missing_translations(project_dir / DOCS_DIR, LANGUAGES) + problems,
        git_known=any(twin.known for twin in twins),
    )


def age_in_words(lag: timedelta) -> str:
    """Say a time span in plain English: '12 days', '1 day', '5 hours'."""
    if lag >= timedelta(days=1):
        return f"{lag.days} day{'s' if lag.days != 1 else ''}"
    hours = max(1, int(lag.total_seconds() // 3600))
    return f"{hours} hour{'s' if hours != 1 else ''}"


def _row(twin: TwinStatus) -> list[str]:
    """Return one table row: what, languages there, changed last, older by, headings."""
    present = "+".join(twin.files) if not twin.missing else f"MISSING {'+'.join(twin.missing)}"
    if twin.missing or not twin.known:
        last, lag = (UNKNOWN if not twin.missing else "-"), "-"
    elif twin.newest:
        last, lag = LANGUAGE_NAMES[twin.newest], age_in_words(twin.lag)
    else:
        last, lag = "both together", "-"
    headings = "-" if twin.kind == "data" or twin.missing else (twin.headings or "match")
    return [f"{twin.name} {twin.entry}".strip(), present, last, lag, headings]


def status_table(status: TranslationStatus) -> str:
    """Return the status as a plain text table, pages first, then data texts."""
    header = ["text", "languages", "changed last", "other older by", "headings"]
    rows = [header] + [_row(twin) for twin in status.twins]
    widths = [max(len(row[column]) for row in rows) for column in range(len(header) - 1)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[-1] for row in rows]
    lines.insert(1, "-" * len(lines[0]))
    waiting, unknown = len(status.waiting), sum(1 for twin in status.twins if not twin.known and not twin.missing)
    summary = f"{len(status.twins)} texts: {waiting} wait for translation, {len(status.problems)} missing, {unknown} without a git date"
    return "\n".join([*lines, "", summary])


def github_annotations(status: TranslationStatus) -> list[str]:
    """Return a GitHub warning for every translation older than its source, and an error for every missing twin."""
    annotations = [problem_annotation(problem) for problem in status.problems]
    for twin in status.waiting:
        older, newer = twin.older, twin.newest
        where = twin.files[newer] if twin.kind == "page" else f"line {twin.lines[newer]}"
        what = "text" if twin.kind == "page" else f"text of {twin.entry}"
        annotations.append(annotation(
            twin.files[older], twin.lines[older],
            f"The {LANGUAGE_NAMES[older]} {what} is {age_in_words(twin.lag)} older than the {LANGUAGE_NAMES[newer]} one ({where}); update the translation",
            "warning",
        ))
    return annotations


class StatusOncePerRun:
    """The translation status, worked out from git at most once per build run (each language's build reuses it)."""

    def __init__(self, project_dir: Path):
        self.project_dir = project_dir
        self._status: TranslationStatus | None = None
        self._file_times: dict[str, datetime] | None = None
        self.computed = 0

    def reset(self, file_times: dict[str, datetime] | None = None) -> None:
        """Forget the status, so the next build run works it out afresh (from the run's git times, when given)."""
        self._status = None
        self._file_times = file_times

    def __call__(self) -> TranslationStatus:
        """Return the status, working it out on the first call of a run."""
        if self._status is None:
            self._status = translation_status(self.project_dir, self._file_times)
            self.computed += 1
        return self._status


def main(project_dir: Path) -> int:
    """Print the status table (and GitHub annotations in GitHub Actions); return 1 when a twin is missing."""
    status = translation_status(project_dir)
    print(status_table(status))
    if not status.git_known:
        print("Git history is missing (no .git or a shallow clone): the dates are unknown.")
    for problem in status.problems:
        print(f"missing: {problem}")
    if in_github_actions():
        print("\n".join(github_annotations(status)))
    return 1 if status.problems else 0


if __name__ == "__main__":
    sys.exit(main(Path.cwd()))
