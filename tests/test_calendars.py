"""Calendar files that every reader reads at the right hour, and that subscribers keep current."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import vobject
from bs4 import BeautifulSoup
from icalendar import Calendar

from seniorsite.data.events import LOCAL_ZONE, Event, load_events
from seniorsite.data.site_data import load_site_data
from seniorsite.languages import LANGUAGES, language_prefix
from seniorsite.outputs.calendars import build_calendar, event_change_times
from seniorsite.page.calendar_links import google_calendar_url, outlook_url
from seniorsite.strings import load_strings
from tests.helpers import BUILD_MOMENT, PROJECT, BuildResult

EVENTS = {event.id: event for event in load_site_data(PROJECT).events}
STAMP = datetime(2025, 1, 2, 9, 0, tzinfo=LOCAL_ZONE)


def utc_span_by_icalendar(data: bytes) -> dict[str, tuple[object, object]]:
    """Read every event's start and end with icalendar, in UTC (dates stay dates)."""
    spans = {}
    for item in Calendar.from_ical(data).walk("VEVENT"):
        start, end = item.decoded("DTSTART"), item.decoded("DTEND")
        as_utc = (lambda moment: moment.astimezone(UTC) if isinstance(moment, datetime) else moment)
        spans[str(item["UID"]).split("@")[0]] = (as_utc(start), as_utc(end))
    return spans


def utc_span_by_vobject(data: bytes) -> dict[str, tuple[object, object]]:
    """Read every event's start and end with vobject, an independent reader, in UTC."""
    spans = {}
    for item in vobject.readOne(data.decode("utf-8")).vevent_list:
        start, end = item.dtstart.value, item.dtend.value
        as_utc = (lambda moment: moment.astimezone(UTC) if isinstance(moment, datetime) else moment)
        spans[item.uid.value.split("@")[0]] = (as_utc(start), as_utc(end))
    return spans


def expected_span(event: Event) -> tuple[object, object]:
    """The event's start and end as the data means them: Danish time in UTC, or dates with an exclusive end."""
    if event.all_day:
        return event.start, event.end + timedelta(days=1)
    return event.starts_at.astimezone(UTC), event.ends_at.astimezone(UTC)


@pytest.mark.parametrize("language", LANGUAGES)
def test_two_readers_agree_on_every_built_calendar_file(built_site: BuildResult, language: str) -> None:
    """icalendar and vobject give the same UTC start and end for every event in every .ics, equal to the data."""
    files = sorted(f for f in (built_site.site / language_prefix(language) / "kalender").glob("*.ics") if f.name != "aarshjul.ics")  # the year: test_year_cycle.py
    assert len(files) == len(EVENTS) + 1
    for file in files:
        data = file.read_bytes()
        by_icalendar, by_vobject = utc_span_by_icalendar(data), utc_span_by_vobject(data)
        assert by_icalendar == by_vobject, file.name
        assert by_icalendar == {event_id: expected_span(EVENTS[event_id]) for event_id in by_icalendar}


def test_the_webinar_starts_at_11_utc_in_both_readers(built_site: BuildResult) -> None:
    """13:00 Danish summer time is 11:00 UTC, whichever library reads the file."""
    data = (built_site.site / "kalender" / "webinar-2023-09-14.ics").read_bytes()
    expected = (datetime(2023, 9, 14, 11, 0, tzinfo=UTC), datetime(2023, 9, 14, 12, 30, tzinfo=UTC))
    assert utc_span_by_icalendar(data)["webinar-2023-09-14"] == expected
    assert utc_span_by_vobject(data)["webinar-2023-09-14"] == expected


def test_the_time_zone_is_written_as_yearly_rules(built_site: BuildResult) -> None:
    """VTIMEZONE Europe/Copenhagen: summer and winter time by RRULE from before the first event, no RDATE list."""
    zone = Calendar.from_ical((built_site.site / "kalender" / "seniorvaerktoejer.ics").read_bytes()).walk("VTIMEZONE")[0]
    assert str(zone["TZID"]) == "Europe/Copenhagen"
    rules = {part.name: part for part in zone.subcomponents}
    assert set(rules) == {"DAYLIGHT", "STANDARD"}
    assert dict(rules["DAYLIGHT"]["RRULE"]) == {"FREQ": ["YEARLY"], "BYMONTH": [3], "BYDAY": ["-1SU"]}
    assert dict(rules["STANDARD"]["RRULE"]) == {"FREQ": ["YEARLY"], "BYMONTH": [10], "BYDAY": ["-1SU"]}
    assert all("RDATE" not in part for part in zone.subcomponents)
    first_event = min(event.starts_at for event in EVENTS.values())
    assert all(part.decoded("DTSTART") < first_event.replace(tzinfo=None) for part in zone.subcomponents)
    text = (built_site.site / "kalender" / "webinar-2023-09-14.ics").read_text(encoding="utf-8")
    assert "DTSTART;TZID=Europe/Copenhagen:20230914T130000" in text


def winter_summer_and_whole_day() -> list[Event]:
    """Three events that test both offsets and a whole day."""
    def event(event_id: str, start: date | datetime, end: date | datetime) -> Event:
        return Event(event_id, "meeting", {"da": event_id, "en": event_id}, {"da": "Tekst.", "en": "Text."}, start, end)
    return [
        event("vinter", datetime(2025, 1, 15, 10, 0, tzinfo=LOCAL_ZONE), datetime(2025, 1, 15, 11, 30, tzinfo=LOCAL_ZONE)),
        event("sommer", datetime(2025, 7, 1, 10, 0, tzinfo=LOCAL_ZONE), datetime(2025, 7, 1, 11, 30, tzinfo=LOCAL_ZONE)),
        event("hel-dag", date(2025, 3, 30), date(2025, 3, 30)),
    ]


def test_winter_summer_and_a_whole_day_read_alike_in_both_readers() -> None:
    """10:00 in January is 09:00 UTC, in July 08:00 UTC; a whole day is a date with an exclusive end."""
    events = winter_summer_and_whole_day()
    data = build_calendar(events, "da", "x", "example.org", STAMP, "https://example.org/", {e.id: STAMP for e in events}, feed=True)
    expected = {
        "vinter": (datetime(2025, 1, 15, 9, 0, tzinfo=UTC), datetime(2025, 1, 15, 10, 30, tzinfo=UTC)),
        "sommer": (datetime(2025, 7, 1, 8, 0, tzinfo=UTC), datetime(2025, 7, 1, 9, 30, tzinfo=UTC)),
        "hel-dag": (date(2025, 3, 30), date(2025, 3, 31)),
    }
    assert utc_span_by_icalendar(data) == expected
    assert utc_span_by_vobject(data) == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_feed_asks_subscribers_to_refresh_daily(built_site: BuildResult, language: str) -> None:
    """The language's feed carries REFRESH-INTERVAL and X-PUBLISHED-TTL of a day and its time zone's name."""
    text = (built_site.site / language_prefix(language) / "kalender" / "seniorvaerktoejer.ics").read_bytes().decode("utf-8")
    assert "REFRESH-INTERVAL;VALUE=DURATION:P1D\r\n" in text
    assert "X-PUBLISHED-TTL:P1D\r\n" in text
    assert "X-WR-TIMEZONE:Europe/Copenhagen\r\n" in text


def test_dtstamp_is_the_build_moment(built_site: BuildResult) -> None:
    """DTSTAMP comes from SOURCE_DATE_EPOCH, so that two builds write the same files."""
    for item in Calendar.from_ical((built_site.site / "kalender" / "seniorvaerktoejer.ics").read_bytes()).walk("VEVENT"):
        assert item.decoded("DTSTAMP") == BUILD_MOMENT.astimezone(UTC)


def git(repo: Path, *args: str, when: str | None = None) -> None:
    """Run git in a scratch repository, dated when given."""
    environment = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if when:
        environment |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *args], cwd=repo, env=environment, check=True, capture_output=True)


def test_a_changed_event_keeps_its_uid_and_gets_a_later_last_modified(tmp_path: Path) -> None:
    """Moving the webinar an hour in a later commit: same UID, LAST-MODIFIED from that commit; others unchanged."""
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    events_file = repo / "data" / "events.yml"
    shutil.copy(PROJECT / "data" / "events.yml", events_file)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "events", when="2024-01-10T12:00:00+00:00")

    def calendar_now() -> dict[str, object]:
        events, problems = load_events(events_file, "data/events.yml", PROJECT / "schemas")
        assert problems == []
        modified = event_change_times(list(events), events_file, STAMP)
        data = build_calendar(list(events), "da", "x", "example.org", STAMP, "https://example.org/", modified, feed=True)
        return {str(item["UID"]): item for item in Calendar.from_ical(data).walk("VEVENT")}

    before = calendar_now()
    events_file.write_text(events_file.read_text(encoding="utf-8").replace('start: "2023-09-14T13:00"', 'start: "2023-09-14T12:00"'), encoding="utf-8")
    git(repo, "commit", "-qam", "webinar an hour earlier", when="2024-03-01T08:00:00+00:00")
    after = calendar_now()
    webinar = "webinar-2023-09-14@example.org"
    assert set(before) == set(after)
    assert before[webinar].decoded("LAST-MODIFIED") == datetime(2024, 1, 10, 12, 0, tzinfo=UTC)
    assert after[webinar].decoded("LAST-MODIFIED") == datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
    assert after[webinar].decoded("DTSTART").hour == 12
    others = [uid for uid in after if uid != webinar]
    assert all(after[uid].decoded("LAST-MODIFIED") == before[uid].decoded("LAST-MODIFIED") for uid in others)


def test_without_git_last_modified_is_the_build_moment(tmp_path: Path) -> None:
    """Outside a git checkout (a downloaded copy) LAST-MODIFIED falls back to the build moment."""
    shutil.copy(PROJECT / "data" / "events.yml", tmp_path / "events.yml")
    events, _ = load_events(tmp_path / "events.yml", "data/events.yml", PROJECT / "schemas")
    assert set(event_change_times(list(events), tmp_path / "events.yml", STAMP).values()) == {STAMP}


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_upcoming_event_offers_google_and_outlook_links(built_site: BuildResult, language: str) -> None:
    """The webinar (upcoming at the build moment) links to Google Calendar and Outlook.com, filled in; past events do not."""
    soup = BeautifulSoup((built_site.site / language_prefix(language) / "arrangementer" / "index.html").read_text(encoding="utf-8"), "html.parser")
    webinar = soup.find(id="webinar-2023-09-14").find_parent(class_="sv-event")
    links = {urlsplit(a["href"]).hostname: a["href"] for a in webinar.find_all("a", href=True) if a["href"].startswith("https://")}
    google = parse_qs(urlsplit(links["calendar.google.com"]).query)
    assert google["text"] == [EVENTS["webinar-2023-09-14"].title[language]]
    assert google["dates"] == ["20230914T110000Z/20230914T123000Z"]
    assert google["details"][0].endswith(f"{language_prefix(language)}arrangementer/#webinar-2023-09-14")
    outlook = parse_qs(urlsplit(links["outlook.live.com"]).query)
    assert (outlook["startdt"], outlook["enddt"], outlook["subject"]) == (["2023-09-14T11:00:00Z"], ["2023-09-14T12:30:00Z"], [EVENTS["webinar-2023-09-14"].title[language]])
    past = soup.find(id="lancering-2023-09-04").find_parent(class_="sv-event")
    assert not any("google.com" in a["href"] or "live.com" in a["href"] for a in past.find_all("a", href=True))


def test_a_whole_day_event_links_with_dates() -> None:
    """A whole day goes to Google as two dates (end exclusive) and to Outlook as an all-day event."""
    event = winter_summer_and_whole_day()[2]
    t = load_strings(PROJECT / "overrides", "en")
    assert parse_qs(urlsplit(google_calendar_url(event, "en", t, "https://example.org/")).query)["dates"] == ["20250330/20250331"]
    outlook = parse_qs(urlsplit(outlook_url(event, "en", t, "https://example.org/")).query)
    assert (outlook["startdt"], outlook["enddt"], outlook["allday"]) == (["2025-03-30"], ["2025-03-31"], ["true"])
