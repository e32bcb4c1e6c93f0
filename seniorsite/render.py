"""Render the site's data into page fragments through the Jinja partials in overrides/."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from seniorsite import structured_data
from seniorsite.calendars import CALENDAR_FOLDER, FEED_NAME, event_file_name
from seniorsite.dates import format_when
from seniorsite.events import Event, split_events
from seniorsite.site_data import SiteData
from seniorsite.strings import Translate

EVENTS_PAGE = "arrangementer/"
PARTIALS = "partials/data"


def partials_environment(overrides_dir: Path) -> Environment:
    """Return a Jinja environment over overrides/ that escapes every value by default."""
    return Environment(
        loader=FileSystemLoader(str(overrides_dir)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@dataclass
class PageRenderer:
    """Renders each data marker for one page in one language."""

    environment: Environment
    data: SiteData
    language: str
    t: Translate
    now: datetime
    root: str
    page_url: str

    def _render(self, name: str, **context: object) -> str:
        """Render one partial with the page's language, strings and links."""
        template = self.environment.get_template(f"{PARTIALS}/{name}")
        return template.render(lang=self.language, t=self.t, root=self.root, **context)

    def _event_view(self, event: Event) -> dict[str, object]:
        """Return what a partial needs to show one event."""
        return {
            "event": event,
            "when": format_when(event.start, event.end, self.language, self.t),
            "start_iso": event.start.isoformat(),
            # The description was checked to hold no HTML; it stays Markdown for the page to render.
            "description": Markup(event.description[self.language].strip()),
            "ics": f"{self.root}{CALENDAR_FOLDER}/{event_file_name(event)}",
            "page": f"{self.root}{EVENTS_PAGE}#{event.id}",
        }

    def faq(self) -> str:
        """Render the FAQ grouped by topic, with its FAQPage JSON-LD."""
        groups = [
            (topic, [{"item": q, "answer": Markup(q.answer[self.language].strip())} for q in questions])
            for topic, questions in self.data.faq.grouped()
        ]
        jsonld = structured_data.script_tag(structured_data.faq_page(self.data.faq, self.language))
        return self._render("faq.html", groups=groups, jsonld=jsonld)

    def _event_section(self, events: list[Event], empty_key: str) -> str:
        """Render a list of events, with its Event JSON-LD, or a sentence when it is empty."""
        jsonld = structured_data.script_tag(structured_data.event_list(events, self.language, self.page_url, self.t)) if events else ""
        return self._render("events.html", events=[self._event_view(e) for e in events], empty=self.t(empty_key), jsonld=jsonld)

    def upcoming_events(self) -> str:
        """Render the upcoming events, soonest first."""
        return self._event_section(split_events(self.data.events, self.now)[0], "event.none_upcoming")

    def past_events(self) -> str:
        """Render the past events, newest first."""
        return self._event_section(split_events(self.data.events, self.now)[1], "event.none_past")

    def calendar_feed(self) -> str:
        """Render the link to the language's calendar feed."""
        return self._render("calendar-feed.html", feed=f"{self.root}{CALENDAR_FOLDER}/{FEED_NAME}")

    def next_event(self) -> str:
        """Render the next upcoming event, or nothing when none is coming."""
        upcoming = split_events(self.data.events, self.now)[0]
        if not upcoming:
            return ""
        return self._render("next-event.html", events_page=f"{self.root}{EVENTS_PAGE}", **self._event_view(upcoming[0]))

    def renderers(self) -> dict[str, Callable[[], str]]:
        """Map each marker name to the function that renders it."""
        return {
            "faq": self.faq,
            "events-upcoming": self.upcoming_events,
            "events-past": self.past_events,
            "calendar-feed": self.calendar_feed,
            "next-event": self.next_event,
        }
