"""The small downloads where the reader is: each catalogue example as its own PDF, each handbook chapter's checklist as its own Word file."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import odfdo
import pikepdf
import pytest
import yaml
from pdfua import Severity, validate
from pypdf import PdfReader

from seniorsite.data.catalogue import OVERVIEW_PAGES
from seniorsite.languages import LANGUAGES, language_prefix
from seniorsite.outputs.pdf.books import PDF_FOLDER, Chapter, example_books, nav_sources
from seniorsite.outputs.word.publish import WORD_FOLDER, end_of_list
from seniorsite.outputs.word.texts import HANDBOOK_FOLDER, checklist_key
from seniorsite.page.file_sizes import size_text
from seniorsite.strings import load_strings
from tests.helpers import PROJECT, BuildResult, soup_of
from tests.test_pdfs import A4, pdf_path, structure_types

EXAMPLES = sorted(page.stem for page in (PROJECT / "docs" / "inspiration").glob("*.md") if page.suffixes == [".md"] and page.stem not in OVERVIEW_PAGES)
CASES = [(slug, language) for slug in EXAMPLES for language in LANGUAGES]
IDS = [f"{slug}-{language}" for slug, language in CASES]
NAV = nav_sources(yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"])
# The handbook's chapters with a checklist, by their language-neutral source.
CHAPTERS = [source for source in NAV if source.startswith(HANDBOOK_FOLDER) and "{ #tjekliste }" in (PROJECT / "docs" / source).read_text(encoding="utf-8")]
CHAPTER_CASES = [(source, language) for source in CHAPTERS for language in LANGUAGES]
CHAPTER_IDS = [f"{checklist_key(source)}-{language}" for source, language in CHAPTER_CASES]
PAGES = {"da": ("side", "sider"), "en": ("page", "pages")}


def words(text: str) -> str:
    """Return text with its blank space as single spaces."""
    return " ".join(text.split())


def heading_text(tag: object) -> str:
    """Return a heading's text without its permalink sign."""
    return words(tag.get_text(" ")).removesuffix("¶").strip()


def page_path(source: str, language: str) -> str:
    """Return a built page's path below the site for a language-neutral source."""
    name = source.removesuffix(".md").removesuffix("index").rstrip("/")
    return language_prefix(language) + (name + "/" if name else "")


def example_link(site: Path, slug: str, language: str) -> tuple[object, Path]:
    """Return the example page's link to its own PDF (under the title) and the file it leads to."""
    page = language_prefix(language) + f"inspiration/{slug}/"
    links = soup_of(site, page).select("article h1 + .sv-download a[type='application/pdf']")
    own = [link for link in links if f"-eksempel-{slug}-{language}.pdf" in link["href"]]
    assert len(own) == 1, [link["href"] for link in links]
    return own[0], (site / page / own[0]["href"]).resolve()


@pytest.mark.parametrize(("slug", "language"), CASES, ids=IDS)
def test_each_example_page_offers_its_own_pdf_beside_the_whole_catalogue(built_site: BuildResult, slug: str, language: str) -> None:
    """'Hent eksemplet som PDF (1 side, 19 kB) · Hent hele kataloget som PDF (20 sider, 141 kB)': both files exist, and the facts are true."""
    t = load_strings(PROJECT / "overrides", language)
    site = built_site.site
    link, path = example_link(site, slug, language)
    assert path.is_file() and path.parent == (site / PDF_FOLDER).resolve()
    pages = len(PdfReader(path).pages)
    one, many = PAGES[language]
    assert link.get_text() == f"{t('pdf.download_example')} ({pages} {one if pages == 1 else many}, {size_text(path.stat().st_size, language)})"
    links = soup_of(site, language_prefix(language) + f"inspiration/{slug}/").select("article h1 + .sv-download a")
    assert [a.get_text().split(" (")[0] for a in links] == [t("pdf.download_example"), t("pdf.download_catalogue")]
    catalogue = pdf_path(site, "inspiration", language)
    assert (site / language_prefix(language) / f"inspiration/{slug}/" / links[1]["href"]).resolve() == catalogue.resolve()
    assert links[1].get_text().endswith(f"{size_text(catalogue.stat().st_size, language)})")


@pytest.mark.parametrize(("slug", "language"), CASES, ids=IDS)
def test_each_example_pdf_is_one_or_two_tagged_pages_in_its_language_with_its_title(built_site: BuildResult, slug: str, language: str) -> None:
    """One or two A4 pages; its language, the example's title as the document's title (shown in the window), tagged with headings and the facts' table, no lock."""
    site = built_site.site
    title = heading_text(soup_of(site, language_prefix(language) + f"inspiration/{slug}/").select_one("article h1"))
    _, path = example_link(site, slug, language)
    with pikepdf.open(path) as pdf:
        assert 1 <= len(pdf.pages) <= 2
        assert all(tuple(round(float(v)) for v in page.mediabox[2:]) == A4 for page in pdf.pages)
        assert str(pdf.Root.Lang) == language
        assert str(pdf.open_metadata()["dc:title"]) == title
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
        assert bool(pdf.Root.MarkInfo.Marked) is True
        assert {"H1", "H2", "P", "L", "LI", "Table", "TH", "TD", "Link"} <= structure_types(pdf)
        assert not pdf.is_encrypted


@pytest.mark.parametrize(("slug", "language"), CASES, ids=IDS)
def test_each_example_pdf_holds_the_example_its_source_and_address(built_site: BuildResult, slug: str, language: str) -> None:
    """It opens with the tool's name and the example's title, holds every heading of the page, and ends with the publisher, the date and the page's address."""
    t = load_strings(PROJECT / "overrides", language)
    site = built_site.site
    article = soup_of(site, language_prefix(language) + f"inspiration/{slug}/").select_one("article")
    _, path = example_link(site, slug, language)
    text = words(" ".join(page.extract_text() or "" for page in PdfReader(path).pages))
    title = heading_text(article.h1)
    assert text.startswith(f"{t('pdf.inspiration.title')} {title}"), text[:120]
    assert [heading_text(h) for h in article.select("h2:not(.sv-feedback__title)") if heading_text(h) not in text] == []
    edition = {"da": "Udgave fra 5. september 2023", "en": "Edition of 5 September 2023"}[language]
    assert t("footer.owner") in text and edition in text
    address = f"https://seniorpartnerskabet.github.io/seniorvaerktoejer/{language_prefix(language)}inspiration/{slug}/"
    assert address in text.replace(" ", "")
    other = {"da": "en", "en": "da"}[language]
    other_title = heading_text(soup_of(site, language_prefix(other) + f"inspiration/{slug}/").select_one("article h1"))
    assert other_title == title or other_title not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_pdfua_finds_no_errors_in_the_example_pdfs(built_site: BuildResult, language: str) -> None:
    """The pdfua package's PDF/UA-1 checks report no error in any example's own PDF."""
    errors = {}
    for slug in EXAMPLES:
        _, path = example_link(built_site.site, slug, language)
        report = validate(str(path))
        found = [f"{f.rule_id}: {f.message}" for f in report.findings if f.severity is Severity.ERROR]
        if found:
            errors[slug] = found
    assert errors == {}


def test_only_the_catalogues_examples_get_a_pdf_of_their_own() -> None:
    """An example page (in either language) is a book of one chapter, by its slug; the catalogue's front page and its index of tags are not."""
    chapters = [Chapter("inspiration/index.md", "Inspirationskatalog", "inspiration/", "<h1>Inspirationskatalog</h1>"),
                Chapter("inspiration/emner.md", "Emner", "inspiration/emner/", "<h1>Emner</h1>"),
                Chapter("inspiration/mentor-i-loenafdelingen.md", "Mentor", "en/inspiration/mentor-i-loenafdelingen/", "<h1>Mentor</h1>"),
                Chapter("arbejdshaandbog/roller.md", "Roller", "arbejdshaandbog/roller/", "<h1>Roller</h1>")]
    books = example_books(chapters, "en")
    assert [(book.key, book.file_name, book.example, [c.title for c in book.chapters]) for book in books] == [
        ("eksempel-mentor-i-loenafdelingen", "seniorvaerktoejer-eksempel-mentor-i-loenafdelingen-en.pdf", True, ["Mentor"])]


def checklist_items(site: Path, source: str, language: str) -> list[str]:
    """Return a chapter's checklist items as its page shows them."""
    heading = soup_of(site, page_path(source, language)).find(id="tjekliste")
    return [words(item.get_text()) for item in heading.find_next_sibling("ul").find_all("li", recursive=False)]


@pytest.mark.parametrize(("source", "language"), CHAPTER_CASES, ids=CHAPTER_IDS)
def test_each_checklist_is_offered_under_its_items_as_its_own_files(built_site: BuildResult, source: str, language: str) -> None:
    """Right under the checklist: its own Word and OpenDocument file with their true sizes, then all the handbook's checklists."""
    t = load_strings(PROJECT / "overrides", language)
    site = built_site.site
    stem = f"seniorvaerktoejer-{checklist_key(source)}-{language}"
    heading = soup_of(site, page_path(source, language)).find(id="tjekliste")
    own, combined = heading.find_next_sibling("ul").find_next_siblings("p", limit=2)
    assert "sv-download--word" in own["class"] and own.get_text().startswith(t("word.download_checklist"))
    assert "sv-download--word" in combined["class"] and combined.get_text().startswith(t("word.download_all"))
    assert all("seniorvaerktoejer-tjeklister-" in a["href"] for a in combined.select("a"))
    links = {a["data-word-file"]: a for a in own.select("a[data-word-file]")}
    assert set(links) == {"docx", "odt"}
    for kind, link in links.items():
        file = site / WORD_FOLDER / f"{stem}.{kind}"
        assert (site / page_path(source, language) / link["href"]).resolve() == file.resolve()
        assert link.get_text().endswith(f"({size_text(file.stat().st_size, language)})")


@pytest.mark.parametrize(("source", "language"), CHAPTER_CASES, ids=CHAPTER_IDS)
def test_each_checklists_files_hold_its_items_and_no_other_chapters(built_site: BuildResult, source: str, language: str) -> None:
    """The .docx and the .odt: titled 'Tjekliste: <chapter>', every item with its box to tick, none of another chapter's items."""
    site = built_site.site
    soup = soup_of(site, page_path(source, language))
    title = f"{heading_text(soup.find(id='tjekliste'))}: {heading_text(soup.select_one('article h1'))}"
    own = checklist_items(site, source, language)
    others = {item for other in CHAPTERS if other != source for item in checklist_items(site, other, language)} - set(own)
    stem = site / WORD_FOLDER / f"seniorvaerktoejer-{checklist_key(source)}-{language}"
    document = docx.Document(f"{stem}.docx")
    assert document.core_properties.title == title
    assert (document.paragraphs[0].style.name, document.paragraphs[0].text) == ("Heading 1", title)
    lines = [words(paragraph.text) for paragraph in document.paragraphs[1:]]
    assert lines == [f"☐ {item}" for item in own]
    odt = odfdo.Document(f"{stem}.odt")
    assert odt.meta.get_title() == title
    odt_text = words(" ".join(block.get_formatted_text() for block in odt.body.get_elements("descendant::text:h|descendant::text:p")))
    assert all(item in odt_text for item in own)
    assert [item for item in others if item in odt_text or item in " ".join(lines)] == []


def test_a_checklists_line_goes_after_its_list_nested_lists_and_all() -> None:
    """The place under a checklist is after the end of its first list, not after a list nested inside it."""
    html = '<h2 id="tjekliste">Tjekliste</h2>\n<ul><li>Et<ul><li>Under</li></ul></li><li>To</li></ul><p>Næste kapitel</p>'
    place = end_of_list(html, html.index("</h2>") + 5)
    assert html[:place].endswith("<li>To</li></ul>") and html[place:] == "<p>Næste kapitel</p>"
    assert end_of_list("<p>Ingen liste</p>", 0) == 0
    assert re.fullmatch(r"tjekliste-[a-z-]+", checklist_key("arbejdshaandbog/index.md")) and checklist_key("arbejdshaandbog/index.md") == "tjekliste-arbejdshaandbog"
