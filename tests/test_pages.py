"""Well-formed pages, working links, per-language sitemaps, safe and reproducible publishing."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from seniorsite.languages import LANGUAGES, language_prefix
from seniorsite.outputs.word.texts import SHELL, texts_with_pages
from seniorsite.whole_site.links import check_site
from tests.helpers import BUILD_MOMENT, PROJECT, BuildResult, copy_project, site_pages, soup_of
from tests.test_small_downloads import EXAMPLES
from tests.test_word_built import NAV
from tests.test_word_built import TEXTS as WORD_FILE_TEXTS

SHELLS = [text for text in texts_with_pages(NAV) if text.shape == SHELL]

SITE_URL = "https://seniorpartnerskabet.github.io/seniorvaerktoejer/"
DANISH_TITLES = ["Arbejdshåndbog", "Samtaleskabelon", "Inspirationskatalog", "Kommunikationsværktøj", "Viden på tværs", "Vejledning til Rammeaftale"]



def language_of(path: str) -> str:
    """The language a page path belongs to."""
    return next((lang for lang in LANGUAGES if language_prefix(lang) and path.startswith(language_prefix(lang))), "da")


@pytest.mark.parametrize("path", site_pages())
def test_each_page_is_well_formed(built_site: BuildResult, path: str) -> None:
    """One h1, the page's language on <html>, a meta description, and a canonical URL (not on 404s)."""
    soup = soup_of(built_site.site, path)
    assert len(soup.find_all("h1")) == 1
    assert soup.html["lang"] == language_of(path)
    assert soup.find("meta", attrs={"name": "description"})["content"].strip()
    if not path.endswith("404.html"):
        assert soup.find("link", rel="canonical")["href"] == SITE_URL + path


@pytest.mark.parametrize("path", [p for p in site_pages() if not p.endswith("404.html")])
def test_each_page_names_its_twins_with_absolute_hreflang(built_site: BuildResult, path: str) -> None:
    """hreflang alternates are absolute, cover both languages and x-default, and point at built pages."""
    soup = soup_of(built_site.site, path)
    alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate", hreflang=True)}
    assert set(alternates) == {*LANGUAGES, "x-default"}
    assert alternates["x-default"] == alternates["da"]
    assert SITE_URL + path in alternates.values()
    for href in alternates.values():
        assert href.startswith(SITE_URL)
        assert (built_site.site / href.removeprefix(SITE_URL) / "index.html").is_file()


@pytest.mark.parametrize("path", [p for p in site_pages() if p.startswith("en/")])
def test_danish_titles_in_english_pages_carry_their_language(built_site: BuildResult, path: str) -> None:
    """Where an English page names a Danish work, that passage is marked lang="da" for screen readers."""
    article = soup_of(built_site.site, path).select_one("article")
    for text in article.find_all(string=True):
        for title in DANISH_TITLES:
            if title in text and text.parent.name not in ("script",):
                assert text.find_parent(attrs={"lang": "da"}) is not None, (path, title, str(text)[:80])


def test_each_language_has_a_404_page(built_site: BuildResult) -> None:
    """The 404 page exists in Danish and English, each in its own language, linking to both front pages."""
    for language, heading in (("da", "Siden findes ikke"), ("en", "Page not found")):
        soup = soup_of(built_site.site, language_prefix(language) + "404.html")
        assert soup.html["lang"] == language and soup.h1.get_text(strip=True) == heading
        assert {a["hreflang"] for a in soup.select("article a[hreflang]")} == set(LANGUAGES)


def test_each_sitemap_is_valid_and_holds_its_language(built_site: BuildResult) -> None:
    """sitemap.xml and en/sitemap.xml parse as sitemaps of their own language's pages (no 404 for either)."""
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    for language in LANGUAGES:
        root = ElementTree.parse(built_site.site / language_prefix(language) / "sitemap.xml").getroot()
        assert root.tag == f"{namespace}urlset"
        locations = [url.findtext(f"{namespace}loc") for url in root]
        assert locations and all(loc.startswith(SITE_URL + language_prefix(language)) for loc in locations)
        assert all(language_of(loc.removeprefix(SITE_URL)) == language for loc in locations)


def test_every_internal_link_and_anchor_resolves(built_site: BuildResult) -> None:
    """Links to pages, anchors, calendar files and assets all resolve, in both languages."""
    broken, external, checked = check_site(built_site.site, SITE_URL)
    assert broken == []
    assert checked > 300
    assert "https://vpt.dk/" in external["om/index.html"] and "mailto:navi@kl.dk" in external["en/om/index.html"]


def test_the_link_check_finds_a_broken_link_and_anchor(built_site: BuildResult, tmp_path: Path) -> None:
    """A link to a missing page and to a missing anchor are both reported with the page that holds them."""
    site = tmp_path / "site"
    shutil.copytree(built_site.site, site)
    page = site / "faq" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</article>", '<a href="../findes-ikke/">x</a><a href="../om/#intet-anker">y</a><a href="../kalender/mangler.ics">z</a></article>'), encoding="utf-8")
    broken, _, _ = check_site(site, SITE_URL)
    assert broken == [
        "faq/index.html: ../findes-ikke/ (no such file)",
        "faq/index.html: ../om/#intet-anker (no such anchor)",
        "faq/index.html: ../kalender/mangler.ics (no such file)",
    ]


def make_site(project: Path, pdfs: bool = True, check: str = "") -> subprocess.CompletedProcess[str]:
    """Run `make site` in a project copy, reusing this checkout's virtual environment (check: options for the system-package check)."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": str(int(BUILD_MOMENT.timestamp())), "SENIORSITE_PDF": "1" if pdfs else "0"}
    return subprocess.run(["make", "site", f"SYSTEM_CHECK_ARGS={check}"], cwd=project, env=environment, capture_output=True, text=True, timeout=300)


def test_a_late_failure_never_replaces_the_published_site(tmp_path: Path) -> None:
    """A broken link, which strict mode reports only after MkDocs has written every page, leaves site/ as it was."""
    project = copy_project(tmp_path / "project")
    for name in ("Makefile", "requirements.txt"):
        shutil.copy2(PROJECT / name, project / name)  # keeps the times, so make does not reinstall
    shutil.copytree(PROJECT / "scripts", project / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    (project / ".venv").symlink_to(PROJECT / ".venv")
    old_site = project / "site"
    old_site.mkdir()
    (old_site / "index.html").write_text("the published site", encoding="utf-8")
    about = project / "docs" / "om.md"
    good = about.read_text(encoding="utf-8")
    about.write_text(good + "\n[Mangler](findes-ikke.md)\n", encoding="utf-8")
    failed = make_site(project, pdfs=False)  # the PDFs come before the failure; leaving them out only saves time
    assert failed.returncode != 0
    assert "findes-ikke.md" in failed.stdout + failed.stderr
    assert "Offline copy:" in failed.stdout + failed.stderr  # the failure came after the build's very last step
    assert sorted(p.name for p in old_site.iterdir()) == ["index.html"]
    assert (old_site / "index.html").read_text(encoding="utf-8") == "the published site"
    about.write_text(good, encoding="utf-8")
    # As on a machine without HarfBuzz-Subset: the check names it and the build goes on, PDFs and all.
    fixed = make_site(project, check="--no-install --look-for harfbuzz-subset=libharfbuzz-subset-findes-ikke.so.0")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "`make site` goes on without\n  - HarfBuzz-Subset" in fixed.stdout
    assert "Seniorværktøjer" in (old_site / "index.html").read_text(encoding="utf-8")
    assert (old_site / "en" / "index.html").is_file()
    books = (7 + len(EXAMPLES)) * len(LANGUAGES)  # five books and two posters, and each catalogue example alone, per language
    assert len(list((old_site / "pdf").glob("*.pdf"))) == books
    files = (len(WORD_FILE_TEXTS) + len(SHELLS)) * len(LANGUAGES)  # every text, chapter checklist and form's shell in each language
    assert len(list((old_site / "dokumenter").glob("*.docx"))) == len(list((old_site / "dokumenter").glob("*.odt"))) == files
    assert (old_site / "seniorvaerktoejer-offline.zip").is_file()


@pytest.mark.parametrize(("language", "name"), [("da", "Søg"), ("en", "Search")])
def test_the_search_dialog_and_toggle_have_names(built_site: BuildResult, language: str, name: str) -> None:
    """The theme's search dialog is named, and its toggle has a text label, in the page's language."""
    soup = soup_of(built_site.site, language_prefix(language) + "faq/")
    assert soup.select_one(".md-search[role=dialog]")["aria-label"] == name
    assert soup.select_one("label.md-search__overlay[for=__search]").get_text(strip=True) == name
