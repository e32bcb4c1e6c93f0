"""Spell check of every page and data text, Danish and English, with cspell and the project's word list.

Run as `python -m seniorsite.editing.spelling` (or `make spelling`); exit status 1 when a word is unknown.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from seniorsite.editing.annotations import annotation, in_github_actions
from seniorsite.editing.spelling_text import prose_by_language
from seniorsite.languages import LANGUAGE_NAMES, LANGUAGES

CSPELL_CONFIG = ".cspell/cspell.json"
PROJECT_WORDS = "project-words.txt"
CSPELL = "node_modules/.bin/cspell"
# cspell's locale for each of the site's languages.
CSPELL_LOCALES = {"da": "da", "en": "en-GB"}
SUGGESTIONS = 3
CHECKED_SUFFIX = ".txt"  # each file is checked as plain text: the Markdown and YAML around the prose is already blanked
# cspell's plain report line: `path:line:column - Unknown word (word) Suggestions: [a, b]`.
REPORT_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+) - Unknown word \((?P<word>[^)]+)\)(?: Suggestions: \[(?P<suggestions>[^\]]*)\])?")


@dataclass(frozen=True, order=True)
class Misspelling:
    """One word the dictionaries and the project's word list do not know, where it is and what it may be."""

    file: str
    line: int
    word: str
    language: str
    suggestions: tuple[str, ...] = ()

    def __str__(self) -> str:
        """Say where the word is, that it is unknown, and what to do, e.g. `docs/x.md:14: "medarbejdre" is not a Danish word; …`."""
        advice = f"; did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        return (f'{self.file}:{self.line}: "{self.word}" is not {"an" if LANGUAGE_NAMES[self.language][0] in "AEIOU" else "a"} '
                f"{LANGUAGE_NAMES[self.language]} word{advice} (a name or term: add it to {PROJECT_WORDS})")


class SpellCheckerMissing(RuntimeError):
    """cspell is not installed: `make test` or `npm ci` installs it."""


def _run_cspell(project_dir: Path, folder: Path, language: str) -> str:
    """Run cspell once over every file in folder in one language; return its report."""
    cspell = project_dir / CSPELL
    if not cspell.exists():
        raise SpellCheckerMissing(f"{CSPELL} is missing; run `npm ci --ignore-scripts` (make test does it)")
    completed = subprocess.run(
        [str(cspell), "lint", "--no-progress", "--no-summary", "--no-color", "--no-gitignore", "--no-cache", "--show-suggestions",
         "--config", str(project_dir / CSPELL_CONFIG), "--locale", CSPELL_LOCALES[language],
         "--language-id", "plaintext", "--root", str(folder), f"**/*{CHECKED_SUFFIX}"],
        cwd=folder, capture_output=True, text=True, timeout=300, check=False,
    )
    # cspell exits 1 both for unknown words and for its own errors; only the first leave a report.
    if completed.returncode != 0 and not any(REPORT_LINE.match(row) for row in completed.stdout.splitlines()):
        raise RuntimeError(f"cspell failed: {completed.stderr.strip() or completed.stdout.strip()}")
    return completed.stdout


def misspellings(project_dir: Path) -> list[Misspelling]:
    """Return every unknown word in the project's pages and data texts, in each text's own language."""
    found = []
    for language, texts in prose_by_language(project_dir, LANGUAGES).items():
        with tempfile.TemporaryDirectory(prefix=f"spelling-{language}-") as folder:
            for name, text in texts.items():
                copy = Path(folder) / (name + CHECKED_SUFFIX)
                copy.parent.mkdir(parents=True, exist_ok=True)
                copy.write_text(text, encoding="utf-8")
            for row in _run_cspell(project_dir, Path(folder), language).splitlines():
                match = REPORT_LINE.match(row.strip())
                if match:
                    checked = (Path(folder) / match.group("path")).resolve()  # cspell names files relative to the folder
                    name = checked.relative_to(Path(folder).resolve()).as_posix().removesuffix(CHECKED_SUFFIX)
                    suggestions = tuple(s.strip() for s in (match.group("suggestions") or "").split(",") if s.strip())[:SUGGESTIONS]
                    found.append(Misspelling(name, int(match.group("line")), match.group("word"), language, suggestions))
    return sorted(found)


def main(project_dir: Path) -> int:
    """Print every unknown word; return 1 when there is one."""
    found = misspellings(project_dir)
    for misspelling in found:
        print(misspelling)
        if in_github_actions():
            print(annotation(misspelling.file, misspelling.line, str(misspelling)))
    print(f"{len(found)} unknown word{'s' if len(found) != 1 else ''} in the pages and data ({', '.join(LANGUAGE_NAMES[lang] for lang in LANGUAGES)})")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(Path.cwd()))
