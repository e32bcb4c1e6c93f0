"""Render the site's data into page fragments through the Jinja partials in overrides/."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from seniorsite.data.catalogue import CATALOGUE_FOLDER, FACETS, FILTER_FACETS, Entry
from seniorsite.data.conversation import FILE_FORMAT, FILE_VERSION, ROLES, Section
from seniorsite.data.events import Event, split_events
from seniorsite.data.policy import FILE_FORMAT as POLICY_FILE_FORMAT
from seniorsite.data.policy import FILE_VERSION as POLICY_FILE_VERSION
from seniorsite.data.site_data import SiteData
from seniorsite.data.year_cycle import Moment
from seniorsite.languages import LANGUAGES
from seniorsite.page import structured_data
from seniorsite.page.addresses import (
    CALENDAR_FOLDER,
    DOWNLOADS_PLACEHOLDER,
    FEED_NAME,
    POSTER_DOWNLOADS_PLACEHOLDER,
    YEAR_CYCLE_NAME,
    event_file_name,
)
from seniorsite.page.calendar_links import google_calendar_url, outlook_url
from seniorsite.page.dates import format_clock, format_day_of_year, format_when, month_name
from seniorsite.page.markers import MarkerRefused
from seniorsite.page.qr_code import qr_svg
from seniorsite.page.task_paths import steps_html, tasks_html
from seniorsite.strings import Translate

EVENTS_PAGE = "arrangementer/"
GLOSSARY_PAGE = "ordliste/"
PARTNERSHIP_SITE = "https://vpt.dk/"  # "Viden på tværs", where the partnership's events and recordings are published
TAGS_PAGE = f"{CATALOGUE_FOLDER}/emner/"
PARTIALS = "partials/data"
SINGLE_SLASH = re.compile(r"(?<!/)/(?!/)")


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
    events_url: str
    # What waits for translation, in the page's words (None when git cannot tell), worked out once per run on first
    # use by the editors' tools (seniorsite/editing/status_view.py); and where files are edited on GitHub.
    translation_items: Callable[[Translate, str], list[dict[str, str]] | None] | None = field(default=None)
    edit_base: str = ""
    home_url: str = ""  # the site's front page in the page's language, which the poster's QR code leads to
    page_source: str = ""  # the Danish page's file under docs/ (its twin's too), like opgaver/seniorsamtale.md: picks the page's task

    def _render(self, name: str, **context: object) -> str:
        """Render one partial with the page's language, strings and links."""
        template = self.environment.get_template(f"{PARTIALS}/{name}")
        return template.render(lang=self.language, t=self.t, root=self.root, **context)

    def _event_view(self, event: Event) -> dict[str, object]:
        """Return what a partial needs to show one event; an upcoming one gets Google and Outlook links."""
        upcoming = event.upcoming_at(self.now)
        event_url = f"{self.events_url}#{event.id}"
        return {
            "google": google_calendar_url(event, self.language, self.t, event_url) if upcoming else "",
            "outlook": outlook_url(event, self.language, self.t, event_url) if upcoming else "",
            "event": event,
            "when": format_when(event.start, event.end, self.language, self.t),
            "start_iso": event.start.isoformat(),
            # The description was checked to hold no HTML; it stays Markdown for the page to render.
            "description": Markup(event.description[self.language].strip()),
            "ics": f"{self.root}{CALENDAR_FOLDER}/{event_file_name(event)}",
            "upcoming": upcoming,  # only what is ahead offers "add to calendar"; a past event keeps its recording
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

    def _event_section(self, events: list[Event], empty_key: str, follow: bool = False) -> str:
        """Render a list of events, with its Event JSON-LD, or a sentence when it is empty (upcoming: and where to follow the partnership)."""
        jsonld = structured_data.script_tag(structured_data.event_list(events, self.language, self.page_url, self.t)) if events else ""
        return self._render("events.html", events=[self._event_view(e) for e in events], empty=self.t(empty_key), jsonld=jsonld,
                            follow=PARTNERSHIP_SITE if follow else "")

    def upcoming_events(self) -> str:
        """Render the upcoming events, soonest first."""
        return self._event_section(split_events(self.data.events, self.now)[0], "event.none_upcoming", follow=True)

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

    def _moment_view(self, moment: Moment) -> dict[str, object]:
        """Return what the year's partial needs to show one moment: its day, time, how often, text and link."""
        first_year = self.data.year_cycle.first_year
        times = (self.t("year_cycle.timed").format(start=format_clock(moment.start, self.language, self.t), end=format_clock(moment.end, self.language, self.t))
                 if moment.start and moment.end else self.t("year_cycle.all_day"))
        link = moment.link
        return {
            "moment": moment,
            "day": format_day_of_year(moment.month, moment.day, self.language, self.t),
            "times": times,
            "repeats": self.t("year_cycle.every-year" if moment.every == 1 else "year_cycle.every-second-year").format(year=first_year),
            # The description was checked to hold no HTML; it stays Markdown for the page to render.
            "description": Markup(moment.description[self.language].strip()),
            "link": f"{self.root}{link.address}" if link else "",
            "link_title": link.title.get(self.language, "") if link else "",
        }

    def year_cycle(self) -> str:
        """Render the senior effort's year month by month, each moment with its day, time, text and link."""
        months = [
            {"name": month_name(month, self.language), "id": month_name(month, "da").lower(), "moments": [self._moment_view(m) for m in moments]}
            for month, moments in self.data.year_cycle.by_month()
        ]
        return self._render("year-cycle.html", months=months)

    def year_cycle_calendar(self) -> str:
        """Render the links to download the year's calendar file and to subscribe to it."""
        file = f"{CALENDAR_FOLDER}/{YEAR_CYCLE_NAME}"
        return self._render("year-cycle-calendar.html", download=f"{self.root}{file}", address=f"{self.home_url}{file}" if self.home_url else "",
                            starts=self.t("year_cycle.starts").format(year=self.data.year_cycle.first_year))

    def _questions(self, section: Section) -> str:
        """Render one section's intro and numbered questions."""
        return self._render("conversation-questions.html", intro=Markup(section.intro[self.language].strip()), questions=section.questions)

    def conversation_manager(self) -> str:
        """Render the manager's preparation."""
        return self._questions(self.data.conversation.preparation[ROLES[0]])

    def conversation_employee(self) -> str:
        """Render the employee's preparation."""
        return self._questions(self.data.conversation.preparation[ROLES[1]])

    def conversation_themes(self) -> str:
        """Render the conversation theme by theme, each under its own heading."""
        themes = [{"section": theme, "body": Markup(self._questions(theme))} for theme in self.data.conversation.themes]
        return self._render("conversation-themes.html", themes=themes)

    def conversation_agreements(self) -> str:
        """Render the agreements and follow-up."""
        return self._questions(self.data.conversation.agreements)

    def conversation_form(self) -> str:
        """Render the whole template as a private form that saves to the reader's own file."""
        conversation = self.data.conversation
        return self._render(
            "conversation-form.html", preparation=[conversation.preparation[role] for role in ROLES], roles=ROLES,
            themes=conversation.themes, agreements=conversation.agreements, file_format=FILE_FORMAT, file_version=FILE_VERSION,
        )

    def policy_form(self) -> str:
        """Render the senior-policy builder: its parts as a private form whose draft is written as the reader answers."""
        return self._render("policy-form.html", parts=self.data.policy.parts, file_format=POLICY_FILE_FORMAT, file_version=POLICY_FILE_VERSION)

    def glossary(self) -> str:
        """Render the glossary in alphabetical order of the page's language."""
        other = next(language for language in LANGUAGES if language != self.language)
        return self._render(
            "glossary.html", terms=self.data.glossary.sorted_for(self.language), other=other,
            other_name=self.t(f"language.{other}"),
        )

    def _entry_href(self, entry: Entry) -> str:
        """Return the link from this page to an example's page."""
        return f"{self.root}{CATALOGUE_FOLDER}/{entry.slug}/"

    def catalogue(self) -> str:
        """Render the filter and every example as a card."""
        catalogue = self.data.catalogue
        cards = [{"entry": entry, "href": self._entry_href(entry)} for entry in catalogue.entries]
        count = self.t("catalogue.count_all").replace("{total}", str(len(cards)))
        filters = [catalogue.facets[name] for name in FILTER_FACETS]
        return self._render("catalogue.html", cards=cards, facets=catalogue.facets, filters=filters, count=count)

    def catalogue_tags(self) -> str:
        """Render every value of each filter facet with the examples that carry it."""
        catalogue = self.data.catalogue
        groups = [
            {"facet": catalogue.facets[name], "tags": [{"value": value, "entries": catalogue.entries_with(name, value.id)} for value in catalogue.facets[name].values]}
            for name in FILTER_FACETS
        ]
        return self._render("catalogue-tags.html", groups=groups)

    def catalogue_facts(self, slug: str) -> str:
        """Render an example's facts; the filter facets link to their tag on the tag page."""
        catalogue = self.data.catalogue
        entry = next(entry for entry in catalogue.entries if entry.slug == slug)
        rows = []
        for name in FACETS:
            facet = catalogue.facets[name]
            values = [
                {"label": facet.label(value, self.language), "href": f"{self.root}{TAGS_PAGE}#{name}-{value}" if name in FILTER_FACETS else ""}
                for value in entry.facets[name]
            ]
            rows.append({"title": facet.title[self.language], "links": values})
        return self._render("catalogue-facts.html", rows=rows)

    def downloads(self) -> str:
        """Return the place the front page's download list fills once the PDFs exist (see seniorsite/outputs/pdf)."""
        return DOWNLOADS_PLACEHOLDER

    def poster_qr(self) -> str:
        """Render the QR code of the toolkit's front page in the page's language, with the address under it."""
        if not self.home_url:
            raise ValueError("the poster's QR code needs the front page's address (PageRenderer.home_url)")
        label = self.t("poster.qr_label").replace("{address}", self.home_url)
        # The address may wrap after a single slash (after the host, after a folder), never inside a word.
        shown = Markup("/<wbr>").join(escape(part) for part in SINGLE_SLASH.split(self.home_url))
        return self._render("poster-qr.html", svg=Markup(qr_svg(self.home_url, label)), address=self.home_url, shown=shown)

    def poster_print(self) -> str:
        """Render the poster's print controls: A4 or A3, and the print button."""
        return self._render("poster-print.html")

    def poster_downloads(self) -> str:
        """Return the place the poster's page offers its PDFs once they exist (see seniorsite/outputs/pdf/publish.py)."""
        return POSTER_DOWNLOADS_PLACEHOLDER

    def translation_status(self) -> str:
        """Render what waits for translation (or that everything is translated), with links to edit it."""
        items = self.translation_items(self.t, self.edit_base) if self.translation_items else None
        return self._render("translation-status.html", known=items is not None, items=items or [])

    def path(self) -> str:
        """Render the steps of the task whose own page this is; on any other page the marker is refused."""
        task = self.data.paths.for_page(self.page_source)
        if task is None:
            raise MarkerRefused(f"shows a task's steps, but no path in data/paths.yml has 'page: {self.page_source}'; add the path, or remove the marker")
        return steps_html(task, self.root, self.language, self.t, self.environment)

    def tasks(self) -> str:
        """Render every task as a card linking to its page."""
        return tasks_html(self.data.paths, self.root, self.language, self.t, self.environment)

    def renderers(self) -> dict[str, Callable[[], str]]:
        """Map each marker name to the function that renders it."""
        return {
            "faq": self.faq,
            "events-upcoming": self.upcoming_events,
            "events-past": self.past_events,
            "calendar-feed": self.calendar_feed,
            "next-event": self.next_event,
            "conversation-manager": self.conversation_manager,
            "conversation-employee": self.conversation_employee,
            "conversation-themes": self.conversation_themes,
            "conversation-agreements": self.conversation_agreements,
            "conversation-form": self.conversation_form,
            "policy-form": self.policy_form,
            "glossary": self.glossary,
            "catalogue": self.catalogue,
            "catalogue-tags": self.catalogue_tags,
            "downloads": self.downloads,
            "poster-qr": self.poster_qr,
            "poster-print": self.poster_print,
            "poster-downloads": self.poster_downloads,
            "translation-status": self.translation_status,
            "year-cycle": self.year_cycle,
            "year-cycle-calendar": self.year_cycle_calendar,
            "path": self.path,
            "tasks": self.tasks,
        }
