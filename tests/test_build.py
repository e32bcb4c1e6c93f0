"""The whole site, built once in strict mode, as a reader would receive it."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from seniorsite.languages import LANGUAGES, language_prefix
from tests.helpers import BuildResult, build, copy_project, site_pages

PAGES = ["", "faq/", "arrangementer/", "om/"]
# Every page of one language (the 404 page is not in the index or sitemap).
ALL_PAGES = [path for path in site_pages() if not path.startswith("en/") and not path.endswith("404.html")]
TITLES = {
    "da": ["Seniorværktøjer", "Spørgsmål og svar", "Arrangementer", "Om Seniorpartnerskabet"],
    "en": ["Senior tools", "Questions and answers", "Events", "About the Senior Partnership"],
}


def page(site: Path, language: str, path: str) -> BeautifulSoup:
    """Parse one built page."""
    return BeautifulSoup((site / language_prefix(language) / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def json_ld(soup: BeautifulSoup) -> list[dict]:
    """Parse every JSON-LD block on a page."""
    return [json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_exists_in_the_language_with_its_title(built_site: BuildResult, language: str) -> None:
    """Each page is built in both languages, with the right lang attribute and heading."""
    for path, title in zip(PAGES, TITLES[language], strict=True):
        soup = page(built_site.site, language, path)
        assert soup.html["lang"] == language
        assert " ".join(soup.h1.get_text(" ").split()).removesuffix("¶").strip() == title


def test_navigation_titles_are_translated(built_site: BuildResult) -> None:
    """The English navigation uses English titles."""
    nav = page(built_site.site, "en", "faq/").select(".md-nav--primary .md-nav__link")
    labels = {link.get_text(" ", strip=True) for link in nav}
    assert {"Home", "Questions and answers", "Events", "About the Senior Partnership"} <= labels


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_language_selector_leads_to_the_same_page(built_site: BuildResult, language: str) -> None:
    """On every page, the header names the other language in that language, and links that page's twin."""
    other = {"da": ("en", "English"), "en": ("da", "Dansk")}[language]
    for path in PAGES:
        here = built_site.site / language_prefix(language) / path
        links = page(built_site.site, language, path).select(".md-header a.sv-language")
        assert [(link["hreflang"], link["lang"], link.get_text(strip=True)) for link in links] == [(other[0], other[0], other[1])], (language, path)
        target = (here / links[0]["href"]).resolve()
        assert target == (built_site.site / language_prefix(other[0]) / path).resolve(), (language, path)
        assert not page(built_site.site, language, path).select(".md-select, .md-header__source *")  # no menu, no repository link


@pytest.mark.parametrize(("language", "topic", "question"), [
    ("da", "Brug af værktøjerne", "Hvor skal vi starte?"),
    ("en", "Using the tools", "Where should we start?"),
])
def test_the_faq_page_groups_questions_with_anchors_and_json_ld(built_site: BuildResult, language: str, topic: str, question: str) -> None:
    """The FAQ shows its eighteen expandable questions under topic headings, each with an anchor, and FAQPage JSON-LD."""
    soup = page(built_site.site, language, "faq/")
    assert soup.find("h2", id="vaerktoejerne").get_text(strip=True).startswith(topic)
    items = soup.select("details.sv-faq")
    assert [item["id"] for item in items][:3] == ["tilpasse-vaerktoejerne", "hvor-starter-vi", "uden-net"] and len(items) == 18
    assert question in [item.summary.get_text(strip=True) for item in items]
    assert soup.select_one("#hvor-starter-vi a[href='../arbejdshaandbog/']"), "the answer's link to the handbook is resolved"
    (faq_page,) = json_ld(soup)
    assert faq_page["@type"] == "FAQPage" and faq_page["inLanguage"] == language
    assert len(faq_page["mainEntity"]) == 18


@pytest.mark.parametrize(("language", "when"), [
    ("da", "14. september 2023 kl. 13.00–14.30"),
    ("en", "14 September 2023, 13:00–14:30"),
])
def test_the_events_page_splits_upcoming_from_past(built_site: BuildResult, language: str, when: str) -> None:
    """Dated 5 September 2023: the webinar is upcoming, the rest past with the newest first."""
    soup = page(built_site.site, language, "arrangementer/")
    headings = [h["id"] for h in soup.find_all(["h2", "h3"]) if h.get("id")]
    upcoming, past = headings.index("kommende"), headings.index("tidligere")
    assert headings[upcoming + 1:past] == ["webinar-2023-09-14"]
    assert headings[past + 1:past + 6] == [
        "lancering-2023-09-04", "udviklingsdag-vest-2022-10-11", "udviklingsdag-oest-2022-09-29",
        "tilmeldingsfrist-2022-09-01", "kick-off-2022-06-22",
    ]
    assert soup.find("time", datetime="2023-09-14T13:00:00+02:00").get_text() == when
    events = [item for block in json_ld(soup) for item in block["@graph"]]
    assert len(events) == 6 and all(item["@type"] == "Event" for item in events)
    assert {item["inLanguage"] for item in events} == {language}


@pytest.mark.parametrize(("language", "label"), [("da", "Næste arrangement"), ("en", "Next event")])
def test_the_front_page_shows_the_next_event(built_site: BuildResult, language: str, label: str) -> None:
    """While the webinar is ahead, the front page names it in both languages."""
    box = page(built_site.site, language, "").select_one("aside.sv-next-event")
    assert box.h2.get_text(strip=True) == label
    assert box.find("a", href="arrangementer/#webinar-2023-09-14")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_calendar_file_parses_back_in_danish_time(built_site: BuildResult, language: str) -> None:
    """Every event's .ics and the language's feed parse, with the webinar at 13:00 Danish time."""
    folder = built_site.site / language_prefix(language) / "kalender"
    files = sorted(folder.glob("*.ics"))
    assert len(files) == 8  # each event's, the feed and the year's (aarshjul.ics)
    for path in files:
        Calendar.from_ical(path.read_bytes())
    feed = Calendar.from_ical((folder / "seniorvaerktoejer.ics").read_bytes())
    events = {str(item["UID"]): item for item in feed.walk("VEVENT")}
    assert len(events) == 6
    webinar = events["webinar-2023-09-14@seniorpartnerskabet.github.io"]
    start = webinar.decoded("DTSTART")
    assert (start.hour, start.minute, start.utcoffset()) == (13, 0, timedelta(hours=2))
    links = {a["href"] for a in page(built_site.site, language, "arrangementer/").find_all("a", href=True)}
    assert "../kalender/webinar-2023-09-14.ics" in links and "../kalender/seniorvaerktoejer.ics" in links


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_own_search_index(built_site: BuildResult, language: str) -> None:
    """The index a page searches holds that language's pages only, with that language's stemmer."""
    index = json.loads((built_site.site / language_prefix(language) / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [language]
    titles = [entry["title"] for entry in index["docs"] if "#" not in entry["location"]]
    assert set(TITLES[language]) <= set(titles) and len(titles) == len(ALL_PAGES)
    assert not any(entry["location"].startswith("en/") for entry in index["docs"])
    config = json.loads(page(built_site.site, language, "faq/").find("script", id="__config").string)
    assert config["base"] == (".." if language == "da" else "../../en/")


def test_each_language_has_its_own_sitemap(built_site: BuildResult) -> None:
    """Each language folder has a sitemap of its own pages, with hreflang alternates."""
    for language in LANGUAGES:
        sitemap = (built_site.site / language_prefix(language) / "sitemap.xml").read_text(encoding="utf-8")
        locations = re.findall(r"<loc>(.*?)</loc>", sitemap)
        assert len(locations) == len(ALL_PAGES)
        assert all(("/en/" in loc) == (language == "en") for loc in locations)
        assert 'hreflang="da"' in sitemap and 'hreflang="en"' in sitemap


THIRD_PARTY = [
    re.compile(r"""<(?:script|img|iframe|audio|video|source|embed)\b[^>]*\ssrc=["']?(?:https?:)?//""", re.I),
    re.compile(r"""<link\b(?=[^>]*\brel=["']?(?:stylesheet|preload|modulepreload|icon|preconnect|dns-prefetch))[^>]*\shref=["']?(?:https?:)?//""", re.I),
    re.compile(r"""url\(\s*["']?(?:https?:)?//""", re.I),
    re.compile(r"""@import\s+["'](?:https?:)?//""", re.I),
]


def third_party_references(site: Path) -> list[str]:
    """List every built file that makes the browser fetch something from another host."""
    found = []
    for path in site.rglob("*"):
        if path.suffix in {".html", ".css", ".js"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [f"{path.relative_to(site)}: {m.group(0)[:80]}" for pattern in THIRD_PARTY for m in pattern.finditer(text)]
    return found


def test_no_built_file_loads_anything_from_another_host(built_site: BuildResult) -> None:
    """No page, stylesheet or script asks another host for a font, script, style or image."""
    assert third_party_references(built_site.site) == []


def test_the_third_party_check_catches_a_cdn(tmp_path: Path) -> None:
    """The check above does find a web font, a CDN script and a CSS url() from elsewhere."""
    (tmp_path / "a.html").write_text('<link rel="stylesheet" href="https://fonts.googleapis.com/css"><script src="//cdn.example/x.js"></script>')
    (tmp_path / "b.css").write_text("body { background: url('https://example.org/x.png') }")
    assert len(third_party_references(tmp_path)) == 3


def test_data_is_loaded_once_for_both_languages(built_site: BuildResult) -> None:
    """The build log shows one data load, though both languages were built."""
    assert built_site.output.count("Loaded data: 18 questions, 6 events") == 1
    assert "Building 'en' documentation" in built_site.output


@pytest.fixture
def broken_copy(tmp_path: Path) -> Path:
    """A copy of the project that a test may break."""
    return copy_project(tmp_path / "project")


def test_a_missing_translation_stops_the_build(broken_copy: Path) -> None:
    """Deleting an English page stops the build with the page's name."""
    (broken_copy / "docs" / "om.en.md").unlink()
    result = build(broken_copy, broken_copy / "site", pdfs=False)
    assert result.returncode != 0
    assert "docs/om.md: the English version is missing; add docs/om.en.md" in result.output


def test_an_unknown_marker_stops_the_build(broken_copy: Path) -> None:
    """A misspelt marker stops the build naming page and line."""
    faq = broken_copy / "docs" / "faq.en.md"
    faq.write_text(faq.read_text(encoding="utf-8").replace("<!-- insert: faq -->", "<!-- insert: faqs -->"), encoding="utf-8")
    result = build(broken_copy, broken_copy / "site", pdfs=False)
    assert result.returncode != 0
    line = faq.read_text(encoding="utf-8").splitlines().index("<!-- insert: faqs -->") + 1
    assert f"docs/faq.en.md:{line}: the marker '<!-- insert: faqs -->' names no known data" in result.output


def test_broken_data_stops_the_build_with_every_message(broken_copy: Path) -> None:
    """A broken events file stops the build; the log names file, line, entry and field."""
    events = broken_copy / "data" / "events.yml"
    events.write_text(events.read_text(encoding="utf-8").replace('start: "2023-09-14T13:00"', 'start: "14/9 2023 13:00"'), encoding="utf-8")
    result = build(broken_copy, broken_copy / "site", pdfs=False)
    assert result.returncode != 0
    line = events.read_text(encoding="utf-8").splitlines().index('    start: "14/9 2023 13:00"') + 1
    assert f"data/events.yml:{line}: event \"webinar-2023-09-14\": 'start' must be a date and time like 2023-09-14T13:00" in result.output
    assert not (broken_copy / "site" / "arrangementer" / "index.html").exists()


def test_a_broken_link_stops_the_build(broken_copy: Path) -> None:
    """Strict mode with link validation turns a link to a missing page into a failure."""
    about = broken_copy / "docs" / "om.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[Mangler](findes-ikke.md)\n", encoding="utf-8")
    result = build(broken_copy, broken_copy / "site", pdfs=False)
    assert result.returncode != 0
    assert "findes-ikke.md" in result.output
