"""Where a page links to what the outputs stage writes later: the calendar files, the PDFs' download list and the poster's PDFs."""

from __future__ import annotations

from seniorsite.data.events import Event

CALENDAR_FOLDER = "kalender"
FEED_NAME = "seniorvaerktoejer.ics"
# The senior effort's year: its calendar file beside the feed, and the handbook page that shows it.
YEAR_CYCLE_NAME = "aarshjul.ics"
YEAR_CYCLE_PAGE = "arbejdshaandbog/aarshjul/"
# What the front page holds until the PDFs exist; kept here, free of WeasyPrint, so rendering a page never loads it.
DOWNLOADS_PLACEHOLDER = '<div class="sv-downloads" data-sv-downloads></div>'
# What the poster's page holds until its PDFs exist (seniorsite/outputs/pdf/publish.py puts the links there).
POSTER_DOWNLOADS_PLACEHOLDER = '<div class="sv-poster-downloads" data-sv-poster-downloads></div>'


def event_file_name(event: Event) -> str:
    """Return the file name of an event's own calendar file."""
    return f"{event.id}.ics"
