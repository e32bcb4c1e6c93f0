"""iCalendar files made with the icalendar library: one per event and one feed per language."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, vDuration
from icalendar import Event as CalendarEvent

from seniorsite.data.events import Event
from seniorsite.data.git_times import last_change, line_change_times
from seniorsite.data.safe_text import markdown_to_text
from seniorsite.languages import LANGUAGES, TIMEZONE, language_prefix
from seniorsite.outputs.time_zone import copenhagen_timezone
from seniorsite.page.addresses import CALENDAR_FOLDER, FEED_NAME, event_file_name
from seniorsite.strings import Translate

# Subscribers' calendar programs fetch the feed again once a day.
REFRESH = timedelta(days=1)


def event_change_times(events: list[Event], events_file: Path, fallback: datetime) -> dict[str, datetime]:
    """Return when each event's lines in the data last changed (git), or the fallback when unknown."""
    times = line_change_times(events_file)
    return {event.id: last_change(times, *event.lines, fallback) for event in events}


def _calendar_event(event: Event, language: str, uid_domain: str, stamp: datetime, page_url: str, modified: datetime) -> CalendarEvent:
    """Build the VEVENT for one event; its UID never changes, LAST-MODIFIED says when it did."""
    item = CalendarEvent()
    item.add("uid", f"{event.id}@{uid_domain}")
    item.add("dtstamp", stamp.astimezone(UTC))
    item.add("last-modified", modified.astimezone(UTC))
    item.add("summary", event.title[language])
    item.add("description", markdown_to_text(event.description[language]))
    item.add("url", f"{page_url}#{event.id}")
    if event.location:
        item.add("location", event.location[language])
    item.add("dtstart", event.start)
    # iCalendar's end of a whole-day event is the day after (exclusive); a timed end is as written.
    item.add("dtend", event.end + timedelta(days=1) if isinstance(event.end, date) and not isinstance(event.end, datetime) else event.end)
    return item


def build_calendar(
    events: list[Event], language: str, name: str, uid_domain: str, stamp: datetime, page_url: str,
    modified: dict[str, datetime], feed: bool = False,
) -> bytes:
    """Return an iCalendar file of the events, with Europe/Copenhagen as yearly rules; a feed asks for daily refresh."""
    calendar = Calendar()
    calendar.add("prodid", f"-//Seniorpartnerskabet//Seniorvaerktoejer//{language.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIMEZONE)
    if feed:
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(REFRESH))
    if any(not event.all_day for event in events):
        calendar.add_component(copenhagen_timezone())
    for event in events:
        calendar.add_component(_calendar_event(event, language, uid_domain, stamp, page_url, modified[event.id]))
    return calendar.to_ical()


def write_calendars(
    folder: Path, events: list[Event], language: str, t: Translate, uid_domain: str, stamp: datetime, page_url: str,
    modified: dict[str, datetime],
) -> list[Path]:
    """Write one file per event and one feed of all events into folder; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for event in events:
        path = folder / event_file_name(event)
        path.write_bytes(build_calendar([event], language, event.title[language], uid_domain, stamp, page_url, modified))
        written.append(path)
    feed = folder / FEED_NAME
    feed.write_bytes(build_calendar(events, language, t("event.feed_name"), uid_domain, stamp, page_url, modified, feed=True))
    written.append(feed)
    return written


def write_every_calendar(site_dir: Path, events: list[Event], strings: dict[str, Translate], site_url: str, events_page: str,
                         uid_domain: str, stamp: datetime, events_file: Path) -> None:
    """Write each language's calendars into its kalender/ folder, the events in order, dated by git (one git call for all)."""
    ordered = sorted(events, key=lambda event: (event.starts_at, event.id))
    modified = event_change_times(ordered, events_file, stamp)
    for language in LANGUAGES:
        write_calendars(site_dir / language_prefix(language) / CALENDAR_FOLDER, ordered, language, strings[language],
                        uid_domain, stamp, f"{site_url}{language_prefix(language)}{events_page}", modified)
