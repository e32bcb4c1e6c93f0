"""Events from data/events.yml: checked, placed in Danish local time, split into upcoming and past."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from seniorsite.data.data_files import duplicate_id_problems, load_data_file
from seniorsite.data.yaml_source import line_of
from seniorsite.languages import TIMEZONE
from seniorsite.problems import Problem

EVENT_NOUNS = {"events": "event"}
LOCAL_ZONE = ZoneInfo(TIMEZONE)


@dataclass(frozen=True)
class Event:
    """One event; whole-day events have dates, others have times in Danish local time."""

    id: str
    kind: str
    title: dict[str, str]
    description: dict[str, str]
    start: date | datetime
    end: date | datetime
    location: dict[str, str] | None = None
    online: bool = False
    registration: str | None = None
    recording: str | None = None
    # The event's first and last line in data/events.yml (for when it last changed, from git).
    lines: tuple[int, int] = (0, 0)

    @property
    def all_day(self) -> bool:
        """True when the event runs whole days rather than between two times."""
        return not isinstance(self.start, datetime)

    @property
    def starts_at(self) -> datetime:
        """The moment the event begins, as an aware datetime."""
        if isinstance(self.start, datetime):
            return self.start
        return datetime.combine(self.start, time(0), LOCAL_ZONE)

    def upcoming_at(self, now: datetime) -> bool:
        """True while the event is not over yet at `now`."""
        return self.ends_at > now

    @property
    def ends_at(self) -> datetime:
        """The moment the event is over, as an aware datetime (midnight after a whole day)."""
        if isinstance(self.end, datetime):
            return self.end
        return datetime.combine(self.end + timedelta(days=1), time(0), LOCAL_ZONE)


def build_moment(environ: dict[str, str] | None = None) -> datetime:
    """Return the build's 'now': SOURCE_DATE_EPOCH when set, so that builds reproduce."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).astimezone(LOCAL_ZONE)
    return datetime.now(tz=LOCAL_ZONE)


def parse_moment(text: str) -> date | datetime:
    """Read '2023-09-14' as a date or '2023-09-14T13:00' as Danish local time; ValueError if unreal."""
    if "T" in text:
        return datetime.fromisoformat(text).replace(tzinfo=LOCAL_ZONE)
    return date.fromisoformat(text)


def _moment_pattern(schema_dir: Path) -> re.Pattern[str]:
    """Return the schema's pattern for 'start' and 'end', so the code and the schema agree."""
    schema = json.loads((schema_dir / "events.schema.json").read_text(encoding="utf-8"))
    return re.compile(schema["properties"]["events"]["items"]["properties"]["start"]["pattern"])


def _moments(entry: Any, pattern: re.Pattern[str]) -> dict[str, date | datetime | str | None]:
    """Parse 'start' and 'end'; a field the schema rejects is None, an unreal date is its text."""
    moments: dict[str, date | datetime | str | None] = {}
    for field in ("start", "end"):
        text = entry.get(field) if isinstance(entry, dict) else None
        if not isinstance(text, str) or not pattern.fullmatch(text):
            moments[field] = None
            continue
        try:
            moments[field] = parse_moment(text)
        except ValueError:
            moments[field] = text
    return moments


def _date_problems(entry: Any, moments: dict, problem: Callable[[str, str], Problem]) -> list[Problem]:
    """Check that the dates exist, that a timed event has an end, and that the end is not first."""
    problems = [
        problem(field, f"'{field}' {value} is not a real date and time; check the day, month and hour")
        for field, value in moments.items() if isinstance(value, str)
    ]
    start, end = moments["start"], moments["end"]
    if problems or start is None:
        return problems
    if "end" not in entry and isinstance(start, datetime):
        return [problem("start", "'end' is missing; an event with a start time needs an end time, like 2023-09-14T14:30")]
    if end is None:
        return []
    if isinstance(start, datetime) != isinstance(end, datetime):
        return [problem("end", "'end' must be written like 'start': both dates (a whole day) or both dates with times")]
    if end < start:
        return [problem("end", f"'end' {entry['end']} is before 'start' {entry['start']}")]
    return []


def _event(entry: dict, moments: dict, lines: tuple[int, int]) -> Event:
    """Build an Event from an entry that passed every check."""
    return Event(
        id=entry["id"], kind=entry["kind"], title=dict(entry["title"]), description=dict(entry["description"]),
        start=moments["start"], end=moments["end"] or moments["start"],
        location=dict(entry["location"]) if "location" in entry else None,
        online=bool(entry.get("online", False)), registration=entry.get("registration"), recording=entry.get("recording"),
        lines=lines,
    )


def load_events(path: Path, shown_as: str, schema_dir: Path) -> tuple[tuple[Event, ...] | None, list[Problem]]:
    """Load and check the events file; return the events (None when it has problems) and every problem."""
    document, namer, problems = load_data_file(path, shown_as, schema_dir, "events.schema.json", EVENT_NOUNS)
    entries = document.get("events") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        return None, problems
    problems += duplicate_id_problems(document, "events", shown_as, namer)
    pattern = _moment_pattern(schema_dir)
    parsed = []
    for index, entry in enumerate(entries):
        def problem(field: str, message: str, index: int = index) -> Problem:
            return Problem(shown_as, line_of(document, ["events", index, field]), message, namer(["events", index]))

        moments = _moments(entry, pattern)
        problems += _date_problems(entry, moments, problem)
        parsed.append((entry, moments))
    if problems:
        return None, problems
    # An entry runs from its own first line to the line before the next entry (or the end of the file).
    starts = [*entries.item_lines, path.read_text(encoding="utf-8-sig").count("\n") + 1]
    return tuple(_event(entry, moments, (starts[i], starts[i + 1] - 1)) for i, (entry, moments) in enumerate(parsed)), []


def split_events(events: tuple[Event, ...], now: datetime) -> tuple[list[Event], list[Event]]:
    """Split into upcoming (soonest first) and past (newest first) as seen at `now`."""
    upcoming = sorted((e for e in events if e.upcoming_at(now)), key=lambda e: (e.starts_at, e.id))
    past = sorted((e for e in events if not e.upcoming_at(now)), key=lambda e: (e.starts_at, e.id), reverse=True)
    return upcoming, past
