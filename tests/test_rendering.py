"""Rendering the data: dates per language, FAQ and event fragments, JSON-LD, markers, calendars."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from seniorsite.data.events import LOCAL_ZONE, Event, build_moment, parse_moment, split_events
from seniorsite.data.faq import Faq, Question, Topic
from seniorsite.data.site_data import SiteData, load_site_data
from seniorsite.languages import LANGUAGES
from seniorsite.outputs.calendars import build_calendar
from seniorsite.page.dates import format_when
from seniorsite.page.markers import replace_markers
from seniorsite.page.render import PageRenderer, partials_environment
from seniorsite.page.structured_data import script_tag
from seniorsite.problems import ContentError
from seniorsite.strings import load_strings
from tests.helpers import BUILD_MOMENT, PROJECT

OVERRIDES = PROJECT / "overrides"


def renderer(language: str, data: SiteData | None = None, now: datetime = BUILD_MOMENT) -> PageRenderer:
    """Return a renderer for the events page of one language."""
    return PageRenderer(
        environment=partials_environment(OVERRIDES), data=data or load_site_data(PROJECT), language=language,
        t=load_strings(OVERRIDES, language), now=now, root="../", page_url="https://example.org/arrangementer/",
        events_url="https://example.org/arrangementer/",
    )


@pytest.mark.parametrize(("language", "expected"), [
    ("da", "14. september 2023 kl. 13.00–14.30"),
    ("en", "14 September 2023, 13:00–14:30"),
])
def test_a_timed_event_is_written_the_languages_way(language: str, expected: str) -> None:
    """A webinar's time reads as each language writes it."""
    start, end = parse_moment("2023-09-14T13:00"), parse_moment("2023-09-14T14:30")
    assert format_when(start, end, language, load_strings(OVERRIDES, language)) == expected


@pytest.mark.parametrize(("language", "one_day", "two_days"), [
    ("da", "1. september 2022", "29. september 2022 – 30. september 2022"),
    ("en", "1 September 2022", "29 September 2022 – 30 September 2022"),
])
def test_whole_days_are_written_as_dates(language: str, one_day: str, two_days: str) -> None:
    """A deadline shows its date alone; a two-day event shows both dates."""
    t = load_strings(OVERRIDES, language)
    assert format_when(date(2022, 9, 1), date(2022, 9, 1), language, t) == one_day
    assert format_when(date(2022, 9, 29), date(2022, 9, 30), language, t) == two_days


def test_strings_exist_in_both_languages_with_the_same_keys() -> None:
    """Every interface string of the site is given in Danish and in English."""
    keys = {
        language: set(re.findall(r'^\s*"([^"]+)":', (OVERRIDES / f"partials/languages/site-{language}.html").read_text(encoding="utf-8"), re.M))
        for language in ("da", "en")
    }
    assert keys["da"] == keys["en"]
    assert len(keys["da"]) > 20


def test_an_unknown_string_key_fails_loudly() -> None:
    """Asking for a string no language file defines raises instead of showing nothing."""
    with pytest.raises(KeyError, match="event.nonsense"):
        load_strings(OVERRIDES, "da")("event.nonsense")


def test_upcoming_and_past_are_split_by_the_build_moment() -> None:
    """Upcoming runs soonest first, past newest first; a whole-day event is upcoming all its day."""
    events = load_site_data(PROJECT).events
    upcoming, past = split_events(events, BUILD_MOMENT)
    assert [e.id for e in upcoming] == ["webinar-2023-09-14"]
    assert [e.id for e in past][:2] == ["lancering-2023-09-04", "udviklingsdag-vest-2022-10-11"]
    on_launch_day = datetime(2023, 9, 4, 23, 59, tzinfo=LOCAL_ZONE)
    assert [e.id for e in split_events(events, on_launch_day)[0]] == ["lancering-2023-09-04", "webinar-2023-09-14"]
    during_webinar = datetime(2023, 9, 14, 14, 0, tzinfo=LOCAL_ZONE)
    assert [e.id for e in split_events(events, during_webinar)[0]] == ["webinar-2023-09-14"]


def test_the_build_moment_comes_from_source_date_epoch() -> None:
    """SOURCE_DATE_EPOCH fixes 'now', in Danish time, so builds reproduce."""
    moment = build_moment({"SOURCE_DATE_EPOCH": "1693908000"})
    assert moment == datetime(2023, 9, 5, 12, 0, tzinfo=LOCAL_ZONE)
    assert moment.utcoffset() == timedelta(hours=2)


def test_the_events_fragment_shows_times_links_and_json_ld() -> None:
    """The upcoming list shows the webinar with its local time, calendar file and recording link."""
    html = renderer("da").upcoming_events()
    assert "### Åbent webinar om erfaringerne fra Seniorpartnerskabet { #webinar-2023-09-14 }" in html
    assert '<time datetime="2023-09-14T13:00:00+02:00">14. september 2023 kl. 13.00–14.30</time>' in html
    assert 'href="../kalender/webinar-2023-09-14.ics" download' in html
    assert 'href="https://vpt.dk/"' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1))
    assert data["@graph"][0]["@type"] == "Event"
    assert data["@graph"][0]["startDate"] == "2023-09-14T13:00:00+02:00"


def test_no_upcoming_events_says_so_in_each_language() -> None:
    """With nothing ahead, the list says so and the front page shows no next event."""
    later = datetime(2026, 1, 1, tzinfo=LOCAL_ZONE)
    assert "Der er ingen kommende arrangementer" in renderer("da", now=later).upcoming_events()
    assert "There are no upcoming events" in renderer("en", now=later).upcoming_events()
    assert renderer("da", now=later).next_event() == ""
    for language, follow in (("da", "Følg Seniorpartnerskabet på vpt.dk"), ("en", "Follow the Senior Partnership on vpt.dk")):
        empty = BeautifulSoup(renderer(language, now=later).upcoming_events(), "html.parser").select_one(".sv-events__empty a")
        assert empty["href"] == "https://vpt.dk/" and empty.get_text().startswith(follow)


def test_a_past_event_offers_no_calendar_file_but_keeps_its_recording() -> None:
    """Only what is ahead can be added to a calendar; once the webinar is over, its recording stays and its calendar button goes."""
    after_webinar = datetime(2023, 10, 1, tzinfo=LOCAL_ZONE)
    for language in LANGUAGES:
        past = BeautifulSoup(renderer(language, now=after_webinar).past_events(), "html.parser")
        assert past.select(".sv-event") and not past.select('.sv-event__actions a[href$=".ics"]')
        webinar = next(event for event in past.select(".sv-event") if "{ #webinar-2023-09-14 }" in event.get_text())
        assert webinar.select_one('.sv-event__actions a[href="https://vpt.dk/"]')  # the recording
    upcoming = BeautifulSoup(renderer("da").upcoming_events(), "html.parser")
    assert upcoming.select_one('.sv-event__actions a[href="../kalender/webinar-2023-09-14.ics"][download]')


def test_the_next_event_links_to_its_place_on_the_events_page() -> None:
    """The front page box names the next event and links to it and to its calendar file."""
    html = renderer("en").next_event()
    assert "Next event" in html
    assert 'href="../arrangementer/#webinar-2023-09-14"' in html
    assert "14 September 2023, 13:00–14:30" in html


def test_faq_is_grouped_by_topic_with_an_anchor_per_question() -> None:
    """Each topic is a heading; each question an expandable item with its own id; JSON-LD lists them."""
    html = renderer("en").faq()
    assert html.index("## Using the tools { #vaerktoejerne }") < html.index('id="tilpasse-vaerktoejerne"') < html.index("## HovedMED and the senior policy { #hovedmed }")
    assert html.count('<details class="sv-faq question" id=') == 18
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1))
    assert data["@type"] == "FAQPage" and len(data["mainEntity"]) == 18
    assert data["mainEntity"][0]["acceptedAnswer"]["text"].startswith("<p>Yes. The tools are made")


def test_text_from_data_is_escaped_where_it_becomes_html() -> None:
    """A question with markup characters is shown as text, never as markup."""
    faq = Faq(
        (Topic("t", {"da": "A & B", "en": "A & B"}),),
        (Question("q", "t", {"da": 'Hvad er "x" & <y>?', "en": "What?"}, {"da": "Svar", "en": "Answer"}),),
    )
    data = replace(load_site_data(PROJECT), faq=faq)
    html = renderer("da", data=data).faq()
    assert "<summary>Hvad er &#34;x&#34; &amp; &lt;y&gt;?</summary>" in html
    assert "## A &amp; B" in html


def test_json_ld_cannot_close_its_script_tag() -> None:
    """Text with </script> inside JSON-LD is escaped so it cannot end the element."""
    tag = str(script_tag({"name": "</script><script>alert(1)</script>"}))
    assert tag.count("</script>") == 1
    assert json.loads(tag.removeprefix('<script type="application/ld+json">').removesuffix("</script>"))["name"].startswith("</script>")


def test_markers_are_replaced_and_an_unknown_one_stops_the_build() -> None:
    """A known marker becomes its rendering; a misspelt one names page, line and the known markers."""
    assert "RENDERED" in replace_markers("# T\n\n<!-- insert: faq -->\n", {"faq": lambda: "RENDERED"}, "docs/faq.md")
    with pytest.raises(ContentError, match=r"docs/faq.md:3: the marker '<!-- insert: faqs -->' names no known data; use one of: faq"):
        replace_markers("# T\n\n<!-- insert: faqs -->\n", {"faq": lambda: ""}, "docs/faq.md")


def test_other_html_comments_are_left_alone() -> None:
    """An ordinary comment is not a marker."""
    assert replace_markers("<!-- a note -->\n", {}, "docs/x.md") == "<!-- a note -->\n"


def calendar_for(event: Event, language: str = "da") -> Calendar:
    """Build and parse back the calendar of one event."""
    stamp = datetime(2023, 9, 5, 12, tzinfo=LOCAL_ZONE)
    return Calendar.from_ical(build_calendar([event], language, "x", "example.org", stamp, "https://example.org/arrangementer/", {event.id: stamp}))


def test_a_calendar_file_keeps_danish_local_time_and_a_stable_uid() -> None:
    """The webinar's .ics holds 13:00–14:30 Europe/Copenhagen with a time zone and a fixed UID."""
    webinar = next(e for e in load_site_data(PROJECT).events if e.id == "webinar-2023-09-14")
    item = calendar_for(webinar).walk("VEVENT")[0]
    start, end = item.decoded("DTSTART"), item.decoded("DTEND")
    assert (start.hour, start.minute, end.hour, end.minute) == (13, 0, 14, 30)
    assert str(start.tzinfo) == "Europe/Copenhagen" and start.utcoffset() == timedelta(hours=2)
    assert str(item["UID"]) == "webinar-2023-09-14@example.org"
    assert calendar_for(webinar).walk("VTIMEZONE")[0]["TZID"] == "Europe/Copenhagen"
    assert calendar_for(webinar).to_ical() == calendar_for(webinar).to_ical()


def test_a_whole_day_event_ends_the_next_day_in_the_calendar() -> None:
    """iCalendar's end of a whole day is exclusive: the deadline runs 1 to 2 September."""
    deadline = next(e for e in load_site_data(PROJECT).events if e.id == "tilmeldingsfrist-2022-09-01")
    item = calendar_for(deadline, "en").walk("VEVENT")[0]
    assert item.decoded("DTSTART") == date(2022, 9, 1)
    assert item.decoded("DTEND") == date(2022, 9, 2)
    assert str(item["SUMMARY"]) == "Deadline for signing up to the Senior Partnership"


def test_calendar_and_json_ld_descriptions_are_plain_text() -> None:
    """Markdown in a description (emphasis, a language mark, a link) becomes plain words in the .ics file."""
    webinar = next(e for e in load_site_data(PROJECT).events if e.id == "webinar-2023-09-14")
    description = str(calendar_for(webinar, "en").walk("VEVENT")[0]["DESCRIPTION"])
    assert description.endswith("the recording is on the Senior Partnership's page at vpt.dk (Viden på tværs).")
    assert "*" not in description and "{" not in description and "\n" not in description
