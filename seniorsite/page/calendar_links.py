"""'Add to calendar' links for Google Calendar and Outlook.com: plain links the reader chooses to follow."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from urllib.parse import quote, urlencode

from seniorsite.data.events import Event
from seniorsite.data.safe_text import markdown_to_text
from seniorsite.strings import Translate

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK = "https://outlook.live.com/calendar/0/action/compose"


def _details(event: Event, language: str, event_url: str) -> str:
    """Return the event's description as plain text, with a link back to its page."""
    return f"{markdown_to_text(event.description[language])}\n\n{event_url}"


def _place(event: Event, language: str, t: Translate) -> str:
    """Return where the event is, or 'Online'."""
    return event.location[language] if event.location else (t("event.online") if event.online else "")


def _last_day_exclusive(event: Event) -> date:
    """Return the day after a whole-day event's last day (calendars count the end exclusively)."""
    return event.end + timedelta(days=1)


def google_calendar_url(event: Event, language: str, t: Translate, event_url: str) -> str:
    """Return a Google Calendar link that opens the event filled in: title, UTC time, place, text."""
    if event.all_day:
        dates = f"{event.start:%Y%m%d}/{_last_day_exclusive(event):%Y%m%d}"
    else:
        dates = f"{event.starts_at.astimezone(UTC):%Y%m%dT%H%M%SZ}/{event.ends_at.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    query = {"action": "TEMPLATE", "text": event.title[language], "dates": dates,
             "details": _details(event, language, event_url), "location": _place(event, language, t)}
    return f"{GOOGLE}?{urlencode(query, quote_via=quote)}"


def outlook_url(event: Event, language: str, t: Translate, event_url: str) -> str:
    """Return an Outlook.com link that opens the event filled in: title, UTC time, place, text."""
    if event.all_day:
        times = {"startdt": event.start.isoformat(), "enddt": _last_day_exclusive(event).isoformat(), "allday": "true"}
    else:
        times = {"startdt": _utc(event.starts_at), "enddt": _utc(event.ends_at), "allday": "false"}
    query = {"rru": "addevent", "subject": event.title[language], **times,
             "body": _details(event, language, event_url), "location": _place(event, language, t)}
    return f"{OUTLOOK}?{urlencode(query, quote_via=quote)}"


def _utc(moment: datetime) -> str:
    """Write a moment in UTC, like 2023-09-14T11:00:00Z."""
    return f"{moment.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}"
