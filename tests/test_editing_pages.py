"""What editors see on the pages: links to the data files a page is made from, and when its content last changed."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from seniorsite.data.events import LOCAL_ZONE
from tests.helpers import PROJECT, BuildResult, build, copy_project, soup_of

CONFIG = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
DATA_EDIT = f"{CONFIG['repo_url']}/edit/main/data/"
# Page (Danish path; English under en/) -> (data file, Danish link words, English link words).
DATA_PAGES = {
    "faq/": ("faq.yml", "Ret spørgsmålene", "Edit the questions"),
    "arrangementer/": ("events.yml", "Ret arrangementerne", "Edit the events"),
    "samtaleskabelon/": ("conversation.yml", "Ret spørgsmålene", "Edit the questions"),
    "samtaleskabelon/formular/": ("conversation.yml", "Ret spørgsmålene", "Edit the questions"),
    "arbejdshaandbog/seniorpolitik/": ("policy.yml", "Ret spørgsmålene", "Edit the questions"),
    "ordliste/": ("glossary.yml", "Ret ordlisten", "Edit the glossary"),
    "inspiration/": ("catalogue.yml", "Ret emnerne", "Edit the topics"),
    "inspiration/emner/": ("catalogue.yml", "Ret emnerne", "Edit the topics"),
}
PAGES_WITHOUT_DATA = ("", "arbejdshaandbog/roller/", "om/", "kommunikation/")
MONTHS = {"da": "januar februar marts april maj juni juli august september oktober november december".split(),
          "en": "January February March April May June July August September October November December".split()}


def written_date(moment: datetime, language: str) -> str:
    """Write a date as the page should: '5. september 2023' in Danish, '5 September 2023' in English."""
    day = moment.astimezone(LOCAL_ZONE)
    month = MONTHS[language][day.month - 1]
    return f"{day.day}. {month} {day.year}" if language == "da" else f"{day.day} {month} {day.year}"


def git_last_commit(*paths: str) -> datetime:
    """Return the last commit time of any of paths, asked of git directly."""
    seconds = subprocess.run(["git", "log", "-1", "--format=%ct", "--", *paths], cwd=PROJECT, capture_output=True, text=True, check=True).stdout
    return datetime.fromtimestamp(int(seconds), LOCAL_ZONE)


def updated_text(site: Path, path: str) -> str:
    """Return the page's 'last updated' line as a reader sees it."""
    aside = soup_of(site, path).select_one("aside.md-source-file")
    assert aside is not None, f"{path} shows no date"
    return aside.get_text(" ", strip=True)


@pytest.mark.parametrize("page", sorted(DATA_PAGES))
@pytest.mark.parametrize("language", ["da", "en"])
def test_a_data_page_links_to_its_data_file(built_site: BuildResult, page: str, language: str) -> None:
    """In the editors' line at the foot, after the page's own edit link, a page made from data opens its data file in GitHub's editor."""
    data_file, danish, english = DATA_PAGES[page]
    soup = soup_of(built_site.site, ("" if language == "da" else "en/") + page)
    links = soup.select("a.sv-data-edit")
    assert [(a["href"], a.get_text(strip=True)) for a in links] == [(DATA_EDIT + data_file, danish if language == "da" else english)]
    assert links[0].find_parent(class_="sv-editors") is not None and f"(data/{data_file})" in links[0].find_parent().get_text()
    own = soup.select_one('.sv-editors a[rel="edit"]')
    assert own is not None and "/edit/main/docs/" in own["href"], "the page's own edit link is gone"


@pytest.mark.parametrize("page", PAGES_WITHOUT_DATA)
def test_a_page_of_prose_has_no_data_link(built_site: BuildResult, page: str) -> None:
    """Pages written in Markdown alone keep just their own edit link."""
    assert not soup_of(built_site.site, page).select("a.sv-data-edit")


@pytest.mark.parametrize(("page", "sources"), [
    ("arbejdshaandbog/roller/", ("docs/arbejdshaandbog/roller.md",)),
    ("faq/", ("docs/faq.md", "data/faq.yml")),
    ("arrangementer/", ("docs/arrangementer.md", "data/events.yml")),
])
def test_a_page_shows_when_its_content_last_changed(built_site: BuildResult, page: str, sources: tuple[str, ...]) -> None:
    """The date is git's last commit of the page's file or of the data it shows, written in each language."""
    moment = git_last_commit(*sources)
    assert updated_text(built_site.site, page) == f"Senest ændret: {written_date(moment, 'da')}"
    english_sources = tuple(s.replace(".md", ".en.md") if s.startswith("docs/") else s for s in sources)
    assert updated_text(built_site.site, "en/" + page) == f"Last updated: {written_date(git_last_commit(*english_sources), 'en')}"


def test_every_page_shows_a_date(built_site: BuildResult) -> None:
    """No page is without its 'last updated' line, in either language."""
    pages = [p for p in built_site.site.rglob("index.html") if "assets" not in p.parts]
    missing = [str(p.relative_to(built_site.site)) for p in pages if soup_of(built_site.site, str(p.parent.relative_to(built_site.site)) + "/").select_one("aside.md-source-file time") is None]
    assert len(pages) > 40 and not missing


def test_without_git_the_files_own_time_is_shown(tmp_path: Path) -> None:
    """Built from a source tarball (no git history), a page shows its file's modification date, and the build passes."""
    project = copy_project(tmp_path / "project")
    os.utime(project / "docs" / "om.md", (datetime(2021, 3, 3, 12, tzinfo=LOCAL_ZONE).timestamp(),) * 2)
    os.utime(project / "docs" / "om.en.md", (datetime(2020, 1, 15, 12, tzinfo=LOCAL_ZONE).timestamp(),) * 2)
    result = build(project, tmp_path / "site", pdfs=False)
    assert result.returncode == 0, result.output[-3000:]
    assert updated_text(result.site, "om/") == "Senest ændret: 3. marts 2021"
    assert updated_text(result.site, "en/om/") == "Last updated: 15 January 2020"
