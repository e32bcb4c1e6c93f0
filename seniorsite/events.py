"""Events from data/events.yml: checked, placed in Danish local time, split into upcoming and past."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from seniorsite.data_files import duplicate_id_problems, load_data_file
from seniorsite.languages import TIMEZONE
from seniorsite.problems import Problem
from seniorsite.yaml_source import line_of

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
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).astimezone(LOCAL_ZONE)
    return datetime.now(tz=LOCAL_ZONE)


def parse_moment(text: str) -> date | datetime:
    """Read '2023-09-14' as a date or '2023-09-14T13:00' as Danish local time; ValueError if unreal."""
    if "T" in text:
        return datetime.fromisoformat(text).replace(tzinfo=LOCAL_ZONE)
    return date.fromisoformat(text)


def _moment_problems(entry: dict, field: str) -> tuple[date | datetime | None, str | None]:
    """Parse one moment field; return it or a sentence saying why it is not a real date."""
    try:
        return parse_moment(entry[field]), None
    except ValueError:
        return None, f"'{field}' {entry[field]} is not a real date and time; check the day, month and hour"


def _event_from_entry(entry: dict, index: int, document: dict, shown_as: str, entry_name: str) -> tuple[Event | None, list[Problem]]:
    """Build one Event from a schema-valid entry, or return the problems with its dates."""
    def problem(field: str, message: str) -> Problem:
        return Problem(shown_as, line_of(document, ["events", index, field]), message, entry_name)

    start, reason = _moment_problems(entry, "start")
    if reason:
        return None, [problem("start", reason)]
    if "end" not in entry:
        if isinstance(start, datetime):
            return None, [problem("start", "'end' is missing; an event with a start time needs an end time, like 2023-09-14T14:30")]
        end = start
    else:
        end, reason = _moment_problems(entry, "end")
        if reason:
            return None, [problem("end", reason)]
        if isinstance(start, datetime) != isinstance(end, datetime):
            return None, [problem("end", "'end' must be written like 'start': both dates (a whole day) or both dates with times")]
        if end < start:
            return None, [problem("end", f"'end' {entry['end']} is before 'start' {entry['start']}")]
    event = Event(
        id=entry["id"], kind=entry["kind"], title=dict(entry["title"]), description=dict(entry["description"]),
        start=start, end=end, location=dict(entry["location"]) if "location" in entry else None,
        online=bool(entry.get("online", False)), registration=entry.get("registration"), recording=entry.get("recording"),
    )
    return event, []


def load_events(path: Path, shown_as: str, schema_dir: Path) -> tuple[tuple[Event, ...] | None, list[Problem]]:
    """Load and check the events file; return the events (None when it has problems) and every problem."""
    document, namer, problems = load_data_file(path, shown_as, schema_dir, "events.schema.json", EVENT_NOUNS)
    if problems or document is None:
        return None, problems
    problems += duplicate_id_problems(document, "events", shown_as, namer)
    events = []
    for index, entry in enumerate(document["events"]):
        event, event_problems = _event_from_entry(entry, index, document, shown_as, namer(["events", index]))
        problems += event_problems
        if event:
            events.append(event)
    return (None, problems) if problems else (tuple(events), [])


def split_events(events: tuple[Event, ...], now: datetime) -> tuple[list[Event], list[Event]]:
    """Split into upcoming (soonest first) and past (newest first) as seen at `now`."""
    upcoming = sorted((e for e in events if e.ends_at > now), key=lambda e: (e.starts_at, e.id))
    past = sorted((e for e in events if e.ends_at <= now), key=lambda e: (e.starts_at, e.id), reverse=True)
    return upcoming, past
