"""The senior effort's year: its data, its calendar file per language (read alike by two readers, recurring), and its page."""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
import vobject
from bs4 import BeautifulSoup
from dateutil.rrule import rrulestr
from icalendar import Calendar

from seniorsite.data.events import LOCAL_ZONE
from seniorsite.data.site_data import load_site_data
from seniorsite.data.year_cycle import Moment, YearCycle, load_year_cycle
from seniorsite.languages import LANGUAGES, language_prefix
from seniorsite.outputs.year_cycle_calendar import build_year_calendar, moment_change_times
from seniorsite.page.dates import format_clock, format_day_of_year
from seniorsite.strings import load_strings
from tests.helpers import BUILD_MOMENT, PROJECT, BuildResult, soup_of

YEAR = load_site_data(PROJECT).year_cycle
MOMENTS = {moment.id: moment for moment in YEAR.moments}
SITE_URL = "https://seniorpartnerskabet.github.io/seniorvaerktoejer/"
UID_DOMAIN = "seniorpartnerskabet.github.io"
STRINGS = {language: load_strings(PROJECT / "overrides", language) for language in LANGUAGES}
STAMP = datetime(2026, 12, 1, 12, 0, tzinfo=LOCAL_ZONE)
# The moments that test both offsets: 19 January 14:00 is winter time (UTC+1), 20 April 13:00 summer time (UTC+2).
WINTER, SUMMER = "fortael-om-seniorindsatsen", "hovedmed-droefter-seniorpolitikken"
CALENDAR_NAME = {"da": "Årshjul for seniorindsatsen", "en": "The senior effort's year"}
PAGE = "arbejdshaandbog/aarshjul/"


def year_file(site: Path, language: str) -> bytes:
    """Return the bytes of a language's built year file."""
    return (site / language_prefix(language) / "kalender" / "aarshjul.ics").read_bytes()


def moment_id(uid: str) -> str:
    """Return the moment's id from its calendar UID (aarshjul-<id>@<host>)."""
    return uid.split("@")[0].removeprefix("aarshjul-")


def in_utc(moment: date | datetime) -> date | datetime:
    """Return a time in UTC; a date (a whole day) stays a date."""
    return moment.astimezone(UTC) if isinstance(moment, datetime) else moment


def first_spans_by_icalendar(data: bytes) -> dict[str, tuple[object, object]]:
    """Read every moment's first start and end with icalendar, in UTC."""
    return {moment_id(str(item["UID"])): (in_utc(item.decoded("DTSTART")), in_utc(item.decoded("DTEND")))
            for item in Calendar.from_ical(data).walk("VEVENT")}


def first_spans_by_vobject(data: bytes) -> dict[str, tuple[object, object]]:
    """Read every moment's first start and end with vobject (which uses the file's own VTIMEZONE), in UTC."""
    return {moment_id(item.uid.value): (in_utc(item.dtstart.value), in_utc(item.dtend.value))
            for item in vobject.readOne(data.decode("utf-8")).vevent_list}


def next_starts_by_icalendar(data: bytes, count: int = 3) -> dict[str, list[object]]:
    """Expand every moment's RRULE from its DTSTART with dateutil, as icalendar decodes them, in UTC."""
    starts = {}
    for item in Calendar.from_ical(data).walk("VEVENT"):
        start = item.decoded("DTSTART")
        first = start if isinstance(start, datetime) else datetime.combine(start, time(0))
        rule = rrulestr(item["RRULE"].to_ical().decode("ascii"), dtstart=first)
        starts[moment_id(str(item["UID"]))] = [in_utc(s) if isinstance(start, datetime) else s.date() for s in itertools.islice(rule, count)]
    return starts


def next_starts_by_vobject(data: bytes, count: int = 3) -> dict[str, list[object]]:
    """Expand every moment with vobject's own rruleset, in UTC (a whole day as its date)."""
    starts = {}
    for item in vobject.readOne(data.decode("utf-8")).vevent_list:
        whole_day = not isinstance(item.dtstart.value, datetime)
        occurrences = itertools.islice(item.getrruleset(), count)
        starts[moment_id(item.uid.value)] = [s.date() if whole_day else in_utc(s) for s in occurrences]
    return starts


def expected_starts(moment: Moment, first_year: int, count: int = 3) -> list[object]:
    """The moment's first starts as the data means them: its day every year or second year, Danish time in UTC."""
    years = [first_year + index * moment.every for index in range(count)]
    if moment.all_day:
        return [date(year, moment.month, moment.day) for year in years]
    return [datetime(year, moment.month, moment.day, moment.start.hour, moment.start.minute, tzinfo=LOCAL_ZONE).astimezone(UTC) for year in years]


def expected_first_span(moment: Moment) -> tuple[object, object]:
    """The first occurrence's start and end: UTC times, or the day and the next day (exclusive) for a whole day."""
    start, end = moment.first_start(YEAR.first_year), moment.first_end(YEAR.first_year)
    if moment.all_day:
        return start, end + timedelta(days=1)
    return start.astimezone(UTC), end.astimezone(UTC)


# The calendar file, as built


@pytest.mark.parametrize("language", LANGUAGES)
def test_two_readers_agree_on_every_first_date_and_time(built_site: BuildResult, language: str) -> None:
    """icalendar and vobject read the same first start and end for every moment, in UTC, equal to the data."""
    data = year_file(built_site.site, language)
    by_icalendar, by_vobject = first_spans_by_icalendar(data), first_spans_by_vobject(data)
    assert set(by_icalendar) == set(MOMENTS)
    assert by_icalendar == by_vobject
    assert by_icalendar == {moment_id: expected_first_span(moment) for moment_id, moment in MOMENTS.items()}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_moment_recurs_alike_in_both_readers(built_site: BuildResult, language: str) -> None:
    """The next three occurrences from vobject's rruleset and from dateutil over icalendar's RRULE are the same, yearly or every second year."""
    data = year_file(built_site.site, language)
    by_vobject, by_icalendar = next_starts_by_vobject(data), next_starts_by_icalendar(data)
    assert by_vobject == by_icalendar
    assert by_vobject == {moment_id: expected_starts(moment, YEAR.first_year) for moment_id, moment in MOMENTS.items()}
    rules = {moment_id(str(item["UID"])): dict(item["RRULE"]) for item in Calendar.from_ical(data).walk("VEVENT")}
    assert rules[SUMMER] == {"FREQ": ["YEARLY"], "INTERVAL": [2]}
    assert all(rule == {"FREQ": ["YEARLY"]} for moment_id, rule in rules.items() if MOMENTS[moment_id].every == 1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_winter_and_the_summer_moment_land_at_the_right_utc_hour(built_site: BuildResult, language: str) -> None:
    """14:00 in January is 13:00 UTC every year; 13:00 in April is 11:00 UTC, in 2027, 2029 and 2031."""
    data = year_file(built_site.site, language)
    winter = [datetime(year, 1, 19, 13, 0, tzinfo=UTC) for year in (2027, 2028, 2029)]
    summer = [datetime(year, 4, 20, 11, 0, tzinfo=UTC) for year in (2027, 2029, 2031)]
    for reader in (next_starts_by_vobject, next_starts_by_icalendar):
        starts = reader(data)
        assert (starts[WINTER], starts[SUMMER]) == (winter, summer), reader.__name__
    spans = first_spans_by_vobject(data)
    assert spans[WINTER][1] - spans[WINTER][0] == timedelta(minutes=30)
    assert spans[SUMMER][1] - spans[SUMMER][0] == timedelta(hours=2, minutes=30)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_file_is_written_as_calendar_programs_expect(built_site: BuildResult, language: str) -> None:
    """Timed moments carry TZID=Europe/Copenhagen, whole days VALUE=DATE with the next day as end; the feed refreshes daily."""
    text = year_file(built_site.site, language).decode("utf-8")
    unfolded = text.replace("\r\n ", "")
    for line in ("DTSTART;TZID=Europe/Copenhagen:20270119T140000", "DTEND;TZID=Europe/Copenhagen:20270119T143000",
                 "DTSTART;TZID=Europe/Copenhagen:20270420T130000", "DTEND;TZID=Europe/Copenhagen:20270420T153000",
                 "DTSTART;VALUE=DATE:20271001", "DTEND;VALUE=DATE:20271002", "RRULE:FREQ=YEARLY;INTERVAL=2",
                 "REFRESH-INTERVAL;VALUE=DURATION:P1D", "X-PUBLISHED-TTL:P1D", "X-WR-TIMEZONE:Europe/Copenhagen",
                 f"X-WR-CALNAME:{CALENDAR_NAME[language]}"):
        assert f"\r\n{line}\r\n" in unfolded, line
    zone = Calendar.from_ical(text.encode("utf-8")).walk("VTIMEZONE")
    assert [str(part["TZID"]) for part in zone] == ["Europe/Copenhagen"]
    assert all("RDATE" not in part for part in zone[0].subcomponents)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_own_titles_and_links(built_site: BuildResult, language: str) -> None:
    """Every moment's SUMMARY is its title in the file's language; its URL is the page's anchor, its DESCRIPTION plain text ending in the explaining page."""
    items = {moment_id(str(item["UID"])): item for item in Calendar.from_ical(year_file(built_site.site, language)).walk("VEVENT")}
    prefix = f"{SITE_URL}{language_prefix(language)}"
    for moment in MOMENTS.values():
        item = items[moment.id]
        assert str(item["SUMMARY"]) == moment.title[language]
        assert str(item["URL"]) == f"{prefix}{PAGE}#{moment.id}"
        description = str(item["DESCRIPTION"])
        assert " ".join(moment.description[language].split()) in " ".join(description.split())
        assert "<" not in description and "**" not in description
        assert description.endswith(f"{STRINGS[language]('year_cycle.read_more')}: {prefix}{moment.link.address}")
    titles = {language: {str(item["SUMMARY"]) for item in Calendar.from_ical(year_file(built_site.site, language)).walk("VEVENT")} for language in LANGUAGES}
    assert titles["da"].isdisjoint(titles["en"])


def test_both_languages_share_uids_and_the_build_moment(built_site: BuildResult) -> None:
    """The UIDs are the same in both files and never the events' UIDs; DTSTAMP is SOURCE_DATE_EPOCH's moment."""
    uids = {}
    for language in LANGUAGES:
        items = Calendar.from_ical(year_file(built_site.site, language)).walk("VEVENT")
        uids[language] = {str(item["UID"]) for item in items}
        assert {item.decoded("DTSTAMP") for item in items} == {BUILD_MOMENT.astimezone(UTC)}
    assert uids["da"] == uids["en"] == {f"aarshjul-{moment_id}@{UID_DOMAIN}" for moment_id in MOMENTS}
    feed = Calendar.from_ical((built_site.site / "kalender" / "seniorvaerktoejer.ics").read_bytes())
    assert uids["da"].isdisjoint(str(item["UID"]) for item in feed.walk("VEVENT"))


def test_the_same_data_gives_the_same_bytes() -> None:
    """Two builds of the file from the same data and moment are byte-identical (the year starts at first_year, not at the build)."""
    modified = dict.fromkeys(MOMENTS, STAMP)
    once = build_year_calendar(YEAR, "da", STRINGS["da"], UID_DOMAIN, STAMP, SITE_URL, modified)
    again = build_year_calendar(load_site_data(PROJECT).year_cycle, "da", STRINGS["da"], UID_DOMAIN, STAMP, SITE_URL, dict(modified))
    assert once == again


def git(repo: Path, *args: str, when: str | None = None) -> None:
    """Run git in a scratch repository, dated when given."""
    environment = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if when:
        environment |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *args], cwd=repo, env=environment, check=True, capture_output=True)


def test_a_changed_moment_keeps_its_uid_and_gets_a_later_last_modified(tmp_path: Path) -> None:
    """Moving the HovedMED meeting an hour: same UID, LAST-MODIFIED from that commit, others unchanged; a new first_year dates them all."""
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    data_file = repo / "data" / "year_cycle.yml"
    shutil.copy(PROJECT / "data" / "year_cycle.yml", data_file)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "year", when="2026-01-10T12:00:00+00:00")

    def calendar_now() -> dict[str, object]:
        year, problems = load_year_cycle(data_file, "data/year_cycle.yml", PROJECT / "schemas", PROJECT / "docs")
        assert problems == []
        data = build_year_calendar(year, "da", STRINGS["da"], UID_DOMAIN, STAMP, SITE_URL, moment_change_times(year, data_file, STAMP))
        return {moment_id(str(item["UID"])): item for item in Calendar.from_ical(data).walk("VEVENT")}

    before = calendar_now()
    text = data_file.read_text(encoding="utf-8")
    data_file.write_text(text.replace('start: "13:00"\n    end: "15:30"', 'start: "12:00"\n    end: "14:30"'), encoding="utf-8")
    git(repo, "commit", "-qam", "an hour earlier", when="2026-03-01T08:00:00+00:00")
    after = calendar_now()
    assert set(before) == set(after) == set(MOMENTS)
    assert before[SUMMER].decoded("LAST-MODIFIED") == datetime(2026, 1, 10, 12, 0, tzinfo=UTC)
    assert after[SUMMER].decoded("LAST-MODIFIED") == datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    assert after[SUMMER].decoded("DTSTART").hour == 12
    assert all(after[other].decoded("LAST-MODIFIED") == before[other].decoded("LAST-MODIFIED") for other in MOMENTS if other != SUMMER)
    data_file.write_text(data_file.read_text(encoding="utf-8").replace("first_year: 2027", "first_year: 2028"), encoding="utf-8")
    git(repo, "commit", "-qam", "a year later", when="2026-06-01T08:00:00+00:00")
    later = calendar_now()
    assert {item.decoded("LAST-MODIFIED") for item in later.values()} == {datetime(2026, 6, 1, 8, 0, tzinfo=UTC)}
    assert {item.decoded("DTSTART").year for item in later.values()} == {2028}


def test_a_made_up_year_reads_alike_in_both_readers() -> None:
    """Without the site's data: a winter and a summer time, a whole day, every second year; both readers agree with the data."""
    def moment(moment_id: str, month: int, day: int, start: time | None, end: time | None, every: int) -> Moment:
        return Moment(moment_id, month, day, every, {"da": moment_id, "en": moment_id}, {"da": "Tekst.", "en": "Text."}, start, end)

    year = YearCycle(2030, (moment("vinter", 12, 2, time(9, 0), time(10, 0), 1), moment("sommer", 6, 15, time(9, 0), time(10, 0), 2),
                            moment("hel-dag", 3, 31, None, None, 1)))
    data = build_year_calendar(year, "en", STRINGS["en"], UID_DOMAIN, STAMP, SITE_URL, dict.fromkeys(["vinter", "sommer", "hel-dag"], STAMP))
    assert next_starts_by_vobject(data) == next_starts_by_icalendar(data) == {
        "vinter": [datetime(y, 12, 2, 8, 0, tzinfo=UTC) for y in (2030, 2031, 2032)],
        "sommer": [datetime(y, 6, 15, 7, 0, tzinfo=UTC) for y in (2030, 2032, 2034)],
        "hel-dag": [date(y, 3, 31) for y in (2030, 2031, 2032)],
    }
    assert first_spans_by_vobject(data)["hel-dag"] == (date(2030, 3, 31), date(2030, 4, 1))


# The page


def article(site: Path, language: str) -> BeautifulSoup:
    """Return the article of the year's page in one language."""
    return soup_of(site, language_prefix(language) + PAGE).select_one("article")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_lists_every_moment_by_month(built_site: BuildResult, language: str) -> None:
    """Each moment is a heading under its month, in the order of the year, with its day, time, how often, text and link."""
    body = article(built_site.site, language)
    headings = [(h.name, h.get("id")) for h in body.find_all(["h3", "h4"])]
    expected = []
    for month, moments in YEAR.by_month():
        expected.append(("h3", {1: "januar", 2: "februar", 4: "april", 9: "september", 10: "oktober", 11: "november"}[month]))
        expected += [("h4", moment.id) for moment in moments]
    assert headings == expected
    t = STRINGS[language]
    for moment in YEAR.moments:
        block = body.find("h4", id=moment.id).find_parent(class_="sv-moment")
        assert block.h4.get_text(" ", strip=True).removesuffix("¶").strip() == moment.title[language]
        times = (t("year_cycle.all_day") if moment.all_day else
                 t("year_cycle.timed").format(start=format_clock(moment.start, language, t), end=format_clock(moment.end, language, t)))
        repeats = t("year_cycle.every-year") if moment.every == 1 else t("year_cycle.every-second-year").format(year=YEAR.first_year)
        assert [dd.get_text(strip=True) for dd in block.select("dd")] == [format_day_of_year(moment.month, moment.day, language, t), times, repeats]
        assert " ".join(moment.description[language].split()) in " ".join(block.get_text().split())  # no separator: a glossary term sits inside a sentence
        link = block.select_one(".sv-moment__link a")
        assert link["href"] == "../../" + moment.link.address
        assert link.get_text(strip=True) == f"{t('year_cycle.read_more')}: {moment.link.title[language]}"


def test_the_page_shows_times_in_each_languages_way(built_site: BuildResult) -> None:
    """The winter moment reads 19. januar, kl. 14.00–14.30 in Danish and 19 January, 14:00–14:30 in English."""
    shown = {language: [dd.get_text(strip=True) for dd in article(built_site.site, language).find("h4", id=WINTER).find_parent(class_="sv-moment").select("dd")]
             for language in LANGUAGES}
    assert shown["da"] == ["19. januar", "kl. 14.00–14.30", "Hvert år"]
    assert shown["en"] == ["19 January", "14:00–14:30", "Every year"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_offers_the_file_and_its_address(built_site: BuildResult, language: str) -> None:
    """The page links its language's file for download and shows the full address to subscribe to; both exist."""
    body = article(built_site.site, language)
    box = body.select_one(".sv-year-calendar")
    download = box.find("a", download=True)
    assert download["href"] == "../../kalender/aarshjul.ics"
    assert (built_site.site / language_prefix(language) / PAGE / download["href"]).resolve() == (built_site.site / language_prefix(language) / "kalender" / "aarshjul.ics").resolve()
    address = f"{SITE_URL}{language_prefix(language)}kalender/aarshjul.ics"
    assert box.find("a", href=address).get_text(strip=True) == address
    assert str(YEAR.first_year) in box.get_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_is_a_handbook_chapter(built_site: BuildResult, language: str) -> None:
    """It opens with the summary box, ends with the checklist, and the nav leads to it from the follow-up chapter."""
    body = article(built_site.site, language)
    for foot in body.select(".sv-feedback, .md-source-file, .sv-page-owner, .sv-editors"):
        foot.decompose()
    first = next(block for block in body.find_all(["div", "p"], recursive=False) if "sv-download" not in block.get("class", []))
    assert "admonition" in first.get("class", [])
    last = body.find_all("h2")[-1]
    assert last["id"] == "tjekliste" and len(last.find_next_sibling("ul").find_all("li")) >= 4
    previous = soup_of(built_site.site, language_prefix(language) + "arbejdshaandbog/opfoelgning/")
    assert previous.select_one("a.md-footer__link--next")["href"] == "../aarshjul/"



@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_foot_opens_the_data_file(built_site: BuildResult, language: str) -> None:
    """In the editors' line, the page made from the year's data opens data/year_cycle.yml in GitHub's editor."""
    links = soup_of(built_site.site, language_prefix(language) + PAGE).select("a.sv-data-edit")
    assert [(a["href"].rsplit("/main/", 1)[-1], a.get_text(strip=True)) for a in links] == [("data/year_cycle.yml", STRINGS[language]("edit.data.year_cycle"))]


# Bad data (the corpus in tests/broken_data/year_cycle-*.yml is run by test_data_validation.py)


def broken(tmp_path: Path, old: str, new: str) -> list[str]:
    """Load the real year with one text replaced; return the problems as editors read them."""
    path = tmp_path / "year_cycle.yml"
    text = (PROJECT / "data" / "year_cycle.yml").read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    year, problems = load_year_cycle(path, "data/year_cycle.yml", PROJECT / "schemas", PROJECT / "docs")
    assert year is None
    return [str(problem) for problem in problems]


def line_with(text: str) -> int:
    """Return the line of the real data file that holds text."""
    lines = (PROJECT / "data" / "year_cycle.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def test_a_link_to_a_page_that_does_not_exist_is_named(tmp_path: Path) -> None:
    """A page that is not under docs/ is refused with the file the editor should look for."""
    line = line_with("page: arbejdshaandbog/opfoelgning.md#indikatorer")
    assert broken(tmp_path, "page: arbejdshaandbog/opfoelgning.md#indikatorer", "page: arbejdshaandbog/opfolgning.md#indikatorer") == [
        f"data/year_cycle.yml:{line}: moment \"tal-om-alder\": 'page' arbejdshaandbog/opfolgning.md#indikatorer leads nowhere: "
        "docs/arbejdshaandbog/opfolgning.md does not exist",
        f"data/year_cycle.yml:{line}: moment \"tal-om-alder\": 'page' arbejdshaandbog/opfolgning.md#indikatorer leads nowhere: "
        "docs/arbejdshaandbog/opfolgning.en.md does not exist",
    ]


def test_a_link_to_a_heading_that_does_not_exist_is_named(tmp_path: Path) -> None:
    """A heading id that neither twin has is refused for each twin."""
    line = line_with("page: samtaleskabelon/index.md#aftaler")
    assert broken(tmp_path, "page: samtaleskabelon/index.md#aftaler", "page: samtaleskabelon/index.md#aftalerne") == [
        f"data/year_cycle.yml:{line}: moment \"opfoelgning-paa-aftaler\": 'page' samtaleskabelon/index.md#aftalerne leads nowhere: "
        f"docs/samtaleskabelon/{name} has no heading with {{ #aftalerne }}"
        for name in ("index.md", "index.en.md")
    ]


def test_the_real_year_is_complete() -> None:
    """Seven moments from 2027, each with texts in both languages and a link; a timed one in winter and one in summer; one every second year."""
    assert YEAR.first_year == 2027 and len(YEAR.moments) == 7
    assert [moment.sort_key() for moment in YEAR.moments] == sorted(moment.sort_key() for moment in YEAR.moments)
    offsets = {moment.id: moment.first_start(YEAR.first_year).utcoffset() for moment in YEAR.moments if not moment.all_day}
    assert offsets == {WINTER: timedelta(hours=1), SUMMER: timedelta(hours=2)}
    assert [moment.id for moment in YEAR.moments if moment.every == 2] == [SUMMER]
    assert all(moment.link and set(moment.link.title) == set(LANGUAGES) for moment in YEAR.moments)
