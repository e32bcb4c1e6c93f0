"""iCalendar files made with the icalendar library: one per event and one feed per language."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from seniorsite.events import Event
from seniorsite.safe_text import markdown_to_text
from seniorsite.strings import Translate

CALENDAR_FOLDER = "kalender"
FEED_NAME = "seniorvaerktoejer.ics"


def event_file_name(event: Event) -> str:
    """Return the file name of an event's own calendar file."""
    return f"{event.id}.ics"


def _calendar_event(event: Event, language: str, uid_domain: str, stamp: datetime, page_url: str) -> CalendarEvent:
    """Build the VEVENT for one event; its UID never changes between builds."""
    item = CalendarEvent()
    item.add("uid", f"{event.id}@{uid_domain}")
    item.add("dtstamp", stamp)
    item.add("summary", event.title[language])
    item.add("description", markdown_to_text(event.description[language]))
    item.add("url", f"{page_url}#{event.id}")
    if event.location:
        item.add("location", event.location[language])
    item.add("dtstart", event.start)
    # iCalendar's end of a whole-day event is the day after (exclusive); a timed end is as written.
    item.add("dtend", event.end + timedelta(days=1) if isinstance(event.end, date) and not isinstance(event.end, datetime) else event.end)
    return item


def build_calendar(events: list[Event], language: str, name: str, uid_domain: str, stamp: datetime, page_url: str) -> bytes:
    """Return an iCalendar file holding the given events, with the time zones they use."""
    calendar = Calendar()
    calendar.add("prodid", f"-//Seniorpartnerskabet//Seniorvaerktoejer//{language.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(_calendar_event(event, language, uid_domain, stamp, page_url))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def write_calendars(folder: Path, events: list[Event], language: str, t: Translate, uid_domain: str, stamp: datetime, page_url: str) -> list[Path]:
    """Write one file per event and one feed of all events into folder; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for event in events:
        path = folder / event_file_name(event)
        path.write_bytes(build_calendar([event], language, event.title[language], uid_domain, stamp, page_url))
        written.append(path)
    feed = folder / FEED_NAME
    feed.write_bytes(build_calendar(events, language, t("event.feed_name"), uid_domain, stamp, page_url))
    written.append(feed)
    return written
