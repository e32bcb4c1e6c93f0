"""Where a page links to what the outputs stage writes later: the calendar files and the PDFs' download list."""

from __future__ import annotations

from seniorsite.data.events import Event

CALENDAR_FOLDER = "kalender"
FEED_NAME = "seniorvaerktoejer.ics"
# What the front page holds until the PDFs exist; kept here, free of WeasyPrint, so rendering a page never loads it.
DOWNLOADS_PLACEHOLDER = '<div class="sv-downloads" data-sv-downloads></div>'


def event_file_name(event: Event) -> str:
    """Return the file name of an event's own calendar file."""
    return f"{event.id}.ics"
