"""The page's foot and the footer, as a Danish public site has them: "Var siden nyttig?", the owner and review date, the authorities."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml

from seniorsite.data.page_reviews import next_review, overdue_pages, page_reviews
from seniorsite.editing import reviews as review_report
from seniorsite.languages import LANGUAGES, language_prefix
from tests.helpers import PROJECT, BuildResult, build, copy_project, site_pages, soup_of

CONFIG = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
PAGES = [path for path in site_pages() if not path.endswith("404.html")]
QUESTION = {"da": "Var siden nyttig?", "en": "Was this page useful?"}


def language_of(path: str) -> str:
    """Return the language of a page's path below the site root."""
    return "en" if path.startswith("en/") else "da"


@pytest.mark.parametrize("path", PAGES)
def test_every_page_asks_whether_it_was_useful_with_nothing_tracked(built_site: BuildResult, path: str) -> None:
    """Two answers that open a prefilled e-mail naming the page, and a link to a prefilled issue; no form, no script, no request."""
    soup = soup_of(built_site.site, path)
    box = soup.select_one("article .sv-feedback")
    assert box is not None and box.h2.get_text(strip=True) == QUESTION[language_of(path)]
    assert not box.find_all(["form", "script", "img", "iframe"])
    answers = box.select(".sv-feedback__answers a")
    assert len(answers) == 2
    canonical = soup.find("link", rel="canonical")["href"]
    title = soup.title.get_text().split(" - ")[0].strip()  # the page's title, as the browser's tab shows it
    for answer in answers:
        address = urlsplit(answer["href"])
        assert address.scheme == "mailto" and unquote(address.path).split(",") == CONFIG["extra"]["feedback"]["to"]
        fields = parse_qs(address.query)
        assert title in fields["subject"][0] and canonical in fields["body"][0]
    issue = box.select_one(".sv-feedback__note a")["href"]
    assert issue.startswith(CONFIG["repo_url"] + "/issues/new?template=rettelse.yml") and title in parse_qs(urlsplit(issue).query)["title"][0]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_names_its_owner_and_review_date(built_site: BuildResult, path: str) -> None:
    """The owner and the review date of the Danish page, written in the page's language, in both twins."""
    source = ("index" if not path.removeprefix("en/") else path.removeprefix("en/").rstrip("/"))
    candidates = [PROJECT / "docs" / f"{source}.md", PROJECT / "docs" / source / "index.md"]
    danish = next(candidate for candidate in candidates if candidate.exists())
    front = yaml.safe_load(danish.read_text(encoding="utf-8").split("---")[1])
    line = soup_of(built_site.site, path).select_one("article .sv-page-owner")
    assert line is not None, path
    assert front["owner"] in line.get_text() and line.time["datetime"] == str(front["review"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_footer_names_the_authorities_and_the_other_language(built_site: BuildResult, language: str) -> None:
    """KL and Forhandlingsfællesskabet with their sites, and the same page in the other language."""
    soup = soup_of(built_site.site, language_prefix(language) + "faq/")
    more = soup.select_one("footer .sv-footer-more")
    assert [a["href"] for a in more.select("a[href^='https://']")] == [owner["url"] for owner in CONFIG["extra"]["owners"]]
    other = more.select_one("a[hreflang]")
    assert other["hreflang"] != language and other["href"].rstrip("/").endswith("faq")


def docs_with(tmp_path: Path, front: str, english_front: str = "description: x\nowner: KL\nreview: 2027-12-01") -> Path:
    """A docs folder with one page in both languages and the given front matter."""
    docs = tmp_path / "docs"
    docs.mkdir(parents=True)
    (docs / "om.md").write_text(f"---\n{front}\n---\n\n# Om\n", encoding="utf-8")
    (docs / "om.en.md").write_text(f"---\n{english_front}\n---\n\n# About\n", encoding="utf-8")
    return docs


@pytest.mark.parametrize(("front", "english", "expected"), [
    ("description: x", "description: x\nowner: KL\nreview: 2027-12-01", "docs/om.md:2: front matter: 'owner' is missing"),
    ("description: x\nowner: KL\nreview: 2027-02-30", "description: x\nowner: KL\nreview: 2027-02-30",
     "docs/om.md:4: front matter: 'review' must be a real day like 2027-12-01, not 2027-02-30"),
    ("description: x\nowner: KL\nreview: 1. december 2027", "description: x\nowner: KL\nreview: 2027-12-01", "docs/om.md:4"),
    ("description: x\nowner: KL\nreview: 2027-12-01", "description: x\nowner: KL\nreview: 2028-01-01",
     "docs/om.en.md:4: front matter: 'review' must be the same as on the Danish page (2027-12-01)"),
    ("description: x\nowner: KL\nreview: 2027-12-01", "description: x", "docs/om.en.md:2: front matter: 'owner' is missing"),
], ids=["no owner", "a day that does not exist", "a date written in words", "the English page's date differs", "missing on the English page"])
def test_a_missing_or_wrong_owner_or_review_date_is_named(tmp_path: Path, front: str, english: str, expected: str) -> None:
    """Each problem names the file, the line and the field, in words an editor understands."""
    _, problems = page_reviews(docs_with(tmp_path, front, english), PROJECT / "schemas")
    assert any(str(problem).startswith(expected) for problem in problems), [str(problem) for problem in problems]


def test_the_review_report_lists_pages_past_their_date_and_never_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """`make reviews` names each page past its date with its owner; it exits 0, so the nightly build goes on."""
    project = tmp_path / "project"
    docs_with(project, "description: x\nowner: Forhandlingsfællesskabet\nreview: 2026-11-01", "description: x\nowner: Forhandlingsfællesskabet\nreview: 2026-11-01")
    shutil.copytree(PROJECT / "schemas", project / "schemas")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796122800")  # 1 December 2026
    assert review_report.main(project) == 0
    out = capsys.readouterr().out
    assert "docs/om.md: review was due 2026-11-01 (30 days ago); owner: Forhandlingsfællesskabet" in out
    assert "1 of 1 pages past their review date (2026-12-01)" in out
    reviews, _ = page_reviews(PROJECT / "docs", PROJECT / "schemas")
    assert len(reviews) == len([p for p in (PROJECT / "docs").rglob("*.md") if not p.name.endswith(".en.md")])
    assert overdue_pages(reviews, date(2026, 12, 1)) == []  # the real pages are all within their date today


def test_a_new_page_is_reviewed_a_year_later() -> None:
    """The scaffold's date: the same day next year, and 28 February for 29 February."""
    assert next_review(date(2026, 12, 1)) == date(2027, 12, 1)
    assert next_review(date(2028, 2, 29)) == date(2029, 2, 28)


def test_a_page_without_its_owner_stops_the_build_before_any_page(tmp_path: Path) -> None:
    """Removed from a page, the owner stops the strict build at once, naming file, line and field; nothing is written."""
    project = copy_project(tmp_path / "project")
    about = project / "docs" / "om.md"
    about.write_text(about.read_text(encoding="utf-8").replace("owner: KL og Forhandlingsfællesskabet\n", "", 1), encoding="utf-8")
    result = build(project, tmp_path / "site", pdfs=False)
    assert result.returncode != 0
    assert "docs/om.md:2: front matter: 'owner' is missing" in result.output
    assert "docs/om.en.md" not in result.output  # the twin is fine; only the page that lacks it is named
    assert not (tmp_path / "site" / "om" / "index.html").exists()
