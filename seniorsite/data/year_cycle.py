"""The senior effort's year from data/year_cycle.yml: recurring moments, checked, in Danish local time."""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from seniorsite.data.data_files import duplicate_id_problems, load_data_file
from seniorsite.data.events import LOCAL_ZONE
from seniorsite.data.page_links import PageLink, page_link
from seniorsite.data.yaml_source import line_of
from seniorsite.problems import Problem

YEAR_CYCLE_NOUNS = {"moments": "moment"}
# How often a moment comes back, in years.
REPEATS = {"every-year": 1, "every-second-year": 2}
# A year without 29 February: a moment must come every year it repeats.
COMMON_YEAR = 2027
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


@dataclass(frozen=True)
class Moment:
    """One recurring moment of the year: a whole day, or a start and end time in Danish local time."""

    id: str
    month: int
    day: int
    every: int  # years between two occurrences: 1 or 2
    title: dict[str, str]
    description: dict[str, str]
    start: time | None = None
    end: time | None = None
    link: PageLink | None = None
    # The moment's first and last line in data/year_cycle.yml (for when it last changed, from git).
    lines: tuple[int, int] = (0, 0)

    @property
    def all_day(self) -> bool:
        """True when the moment has no times and lasts the whole day."""
        return self.start is None

    def first_start(self, first_year: int) -> date | datetime:
        """Return the first occurrence's start: a date, or an aware datetime in Danish local time."""
        day = date(first_year, self.month, self.day)
        return day if self.start is None else datetime.combine(day, self.start, LOCAL_ZONE)

    def first_end(self, first_year: int) -> date | datetime:
        """Return the first occurrence's end: the same date for a whole day, else the end time that day."""
        day = date(first_year, self.month, self.day)
        return day if self.end is None else datetime.combine(day, self.end, LOCAL_ZONE)

    def sort_key(self) -> tuple[int, int, time, str]:
        """Order moments through the year: by month, day and start time (a whole day first)."""
        return (self.month, self.day, self.start or time(0), self.id)


@dataclass(frozen=True)
class YearCycle:
    """Every moment of the year in the order of the year, and the year the calendar starts."""

    first_year: int
    moments: tuple[Moment, ...]
    first_year_line: int = 0  # the line of first_year, which dates every moment

    def by_month(self) -> list[tuple[int, list[Moment]]]:
        """Return each month that holds moments, with its moments, in the order of the year."""
        months: dict[int, list[Moment]] = {}
        for moment in self.moments:
            months.setdefault(moment.month, []).append(moment)
        return sorted(months.items())


def _patterns(schema_dir: Path) -> dict[str, re.Pattern[str]]:
    """Return the schema's patterns for 'start' (and 'end') and 'page', so the code and the schema agree."""
    schema = json.loads((schema_dir / "year-cycle.schema.json").read_text(encoding="utf-8"))
    fields = schema["properties"]["moments"]["items"]["properties"]
    return {name: re.compile(fields[name]["pattern"]) for name in ("start", "page")}


def _clock(text: Any, pattern: re.Pattern[str]) -> time | None:
    """Read "13:00" as a time; None for anything the schema refuses."""
    if not isinstance(text, str) or not pattern.fullmatch(text):
        return None
    return time.fromisoformat(text)


def _time_problems(entry: Any, clock: re.Pattern[str], problem: Callable[[str, str], Problem]) -> list[Problem]:
    """Check that the day exists in its month every year, and that a start has an end after it."""
    if not isinstance(entry, dict):
        return []
    problems = []
    month, day = entry.get("month"), entry.get("day")
    if isinstance(month, int) and isinstance(day, int) and 1 <= month <= 12 and 1 <= day <= 31:
        days_in_month = calendar.monthrange(COMMON_YEAR, month)[1]
        if day > days_in_month:
            name = MONTHS[month - 1]
            extra = " (29 February comes only in leap years; choose 28 February or 1 March)" if month == 2 and day == 29 else ""
            problems.append(problem("day", f"'day' {day} is not a day in {name}, which has {days_in_month} days{extra}"))
    start, end = _clock(entry.get("start"), clock), _clock(entry.get("end"), clock)
    if "start" in entry and "end" not in entry:
        problems.append(problem("start", "'end' is missing; a moment with a start time needs an end time, like \"15:30\""))
    elif "end" in entry and "start" not in entry:
        problems.append(problem("end", "'start' is missing; a moment with an end time needs a start time, like \"13:00\""))
    elif start is not None and end is not None and end <= start:
        problems.append(problem("end", f"'end' {entry['end']} is not after 'start' {entry['start']}; a moment starts and ends on the same day"))
    return problems


def _moment(entry: dict, link: PageLink | None, clock: re.Pattern[str], lines: tuple[int, int]) -> Moment:
    """Build a Moment from an entry that passed every check."""
    return Moment(
        id=entry["id"], month=entry["month"], day=entry["day"], every=REPEATS[entry["repeats"]],
        title=dict(entry["title"]), description=dict(entry["description"]),
        start=_clock(entry.get("start"), clock), end=_clock(entry.get("end"), clock), link=link, lines=lines,
    )


def load_year_cycle(path: Path, shown_as: str, schema_dir: Path, docs_dir: Path) -> tuple[YearCycle | None, list[Problem]]:
    """Load and check the year's moments; return the year (None when it has problems) and every problem."""
    document, namer, problems = load_data_file(path, shown_as, schema_dir, "year-cycle.schema.json", YEAR_CYCLE_NOUNS)
    entries = document.get("moments") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        return None, problems
    problems += duplicate_id_problems(document, "moments", shown_as, namer)
    patterns = _patterns(schema_dir)
    links: list[PageLink | None] = []
    for index, entry in enumerate(entries):
        def problem(field: str, message: str, index: int = index) -> Problem:
            return Problem(shown_as, line_of(document, ["moments", index, field]), message, namer(["moments", index]))

        problems += _time_problems(entry, patterns["start"], problem)
        target = entry.get("page") if isinstance(entry, dict) else None
        link, more = page_link(target, docs_dir, problem) if isinstance(target, str) and patterns["page"].fullmatch(target) else (None, [])
        problems += more
        links.append(link)
    if problems:
        return None, problems
    # An entry runs from its own first line to the line before the next entry (or the end of the file).
    starts = [*entries.item_lines, path.read_text(encoding="utf-8-sig").count("\n") + 1]
    moments = [_moment(entry, links[i], patterns["start"], (starts[i], starts[i + 1] - 1)) for i, entry in enumerate(entries)]
    return YearCycle(document["first_year"], tuple(sorted(moments, key=Moment.sort_key)), line_of(document, ["first_year"])), []
