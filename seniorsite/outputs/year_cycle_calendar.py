"""The senior effort's year as an iCalendar file per language: each moment a yearly recurring event (icalendar library)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, vDuration
from icalendar import Event as CalendarEvent

from seniorsite.data.git_times import last_change, line_change_times
from seniorsite.data.safe_text import markdown_to_text
from seniorsite.data.year_cycle import Moment, YearCycle
from seniorsite.languages import LANGUAGES, TIMEZONE, language_prefix
from seniorsite.outputs.calendars import REFRESH
from seniorsite.outputs.time_zone import copenhagen_timezone
from seniorsite.page.addresses import CALENDAR_FOLDER, YEAR_CYCLE_NAME, YEAR_CYCLE_PAGE
from seniorsite.strings import Translate

# Kept apart from the events' UIDs, which are the events' ids.
UID_PREFIX = "aarshjul-"


def moment_change_times(year: YearCycle, year_file: Path, fallback: datetime) -> dict[str, datetime]:
    """Return when each moment's lines (or first_year, which dates them all) last changed in git; the fallback when unknown."""
    times = line_change_times(year_file)
    first_year = last_change(times, year.first_year_line, year.first_year_line, fallback)
    return {moment.id: max(last_change(times, *moment.lines, fallback), first_year) for moment in year.moments}


def _description(moment: Moment, language: str, t: Translate, site_url: str) -> str:
    """Return the moment's text as plain text, with the address of the page that explains it."""
    text = markdown_to_text(moment.description[language])
    if moment.link is None:
        return text
    return f"{text}\n\n{t('year_cycle.read_more')}: {site_url}{language_prefix(language)}{moment.link.address}"


def _calendar_event(moment: Moment, first_year: int, language: str, t: Translate, uid_domain: str, stamp: datetime,
                    site_url: str, modified: datetime) -> CalendarEvent:
    """Build the VEVENT of one moment: first in first_year, then every year or every second year."""
    item = CalendarEvent()
    item.add("uid", f"{UID_PREFIX}{moment.id}@{uid_domain}")
    item.add("dtstamp", stamp.astimezone(UTC))
    item.add("last-modified", modified.astimezone(UTC))
    item.add("summary", moment.title[language])
    item.add("description", _description(moment, language, t, site_url))
    item.add("url", f"{site_url}{language_prefix(language)}{YEAR_CYCLE_PAGE}#{moment.id}")
    start, end = moment.first_start(first_year), moment.first_end(first_year)
    item.add("dtstart", start)
    # iCalendar's end of a whole day is the next day (exclusive); a timed moment ends at its end time that day.
    item.add("dtend", end if isinstance(end, datetime) else end + timedelta(days=1))
    if moment.all_day:
        item.add("transp", "TRANSPARENT")  # a reminder for the day, not a meeting: it leaves the day free
    rule: dict[str, object] = {"freq": "yearly"}
    if moment.every > 1:
        rule["interval"] = moment.every
    item.add("rrule", rule)
    return item


def build_year_calendar(year: YearCycle, language: str, t: Translate, uid_domain: str, stamp: datetime, site_url: str,
                        modified: dict[str, datetime]) -> bytes:
    """Return the year's iCalendar file in one language, with Europe/Copenhagen as yearly rules and a daily refresh."""
    calendar = Calendar()
    calendar.add("prodid", f"-//Seniorpartnerskabet//Seniorvaerktoejer aarshjul//{language.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", t("year_cycle.calendar_name"))
    calendar.add("x-wr-caldesc", t("year_cycle.calendar_description"))
    calendar.add("x-wr-timezone", TIMEZONE)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    if any(not moment.all_day for moment in year.moments):
        calendar.add_component(copenhagen_timezone())
    for moment in year.moments:
        calendar.add_component(_calendar_event(moment, year.first_year, language, t, uid_domain, stamp, site_url, modified[moment.id]))
    return calendar.to_ical()


def write_year_calendars(site_dir: Path, year: YearCycle, strings: dict[str, Translate], site_url: str, uid_domain: str,
                         stamp: datetime, year_file: Path) -> list[Path]:
    """Write each language's year file into its kalender/ folder, dated by git (one git call for all); return the paths."""
    modified = moment_change_times(year, year_file, stamp)
    written = []
    for language in LANGUAGES:
        path = site_dir / language_prefix(language) / CALENDAR_FOLDER / YEAR_CYCLE_NAME
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(build_year_calendar(year, language, strings[language], uid_domain, stamp, site_url, modified))
        written.append(path)
    return written

