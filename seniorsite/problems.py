"""Problems found in an editor's files, worded for editors, and the error that carries them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, at one line, for one entry and field."""

    file: str
    line: int
    message: str
    entry: str = ""

    def __str__(self) -> str:
        """Render as `file:line: entry: message`, the form editors see."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.entry}: {self.message}" if self.entry else f"{where}: {self.message}"


class ContentError(Exception):
    """Raised with every problem found in one run, so an editor can fix them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        count = len(self.problems)
        heading = "1 problem must be fixed" if count == 1 else f"{count} problems must be fixed"
        super().__init__(heading + ":\n" + "\n".join(f"  {p}" for p in self.problems))
