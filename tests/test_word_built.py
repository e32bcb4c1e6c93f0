"""The built Word and OpenDocument files: every text in both languages, opened as a word processor would, and offered with its size."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import odfdo
import pytest
import yaml
from bs4 import BeautifulSoup

from seniorsite.languages import DOCUMENT_LANGUAGES, LANGUAGES, language_prefix
from seniorsite.outputs.pdf.books import nav_sources
from seniorsite.outputs.word.publish import WORD_FOLDER
from seniorsite.outputs.word.texts import CHECKLIST, CHECKLISTS, COPY_TEXT, HANDOUTS, HANDOUTS_CLASS, PAGE, SHELL, texts_with_pages
from seniorsite.page.file_sizes import size_text
from tests.helpers import PROJECT, BuildResult, soup_of

NAV = nav_sources(yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"])
# The texts cut from the pages; a form's shell (an empty record, filled in the browser) is tested with its form, and a chapter
# without a checklist has no checklist file of its own.
TEXTS = tuple(text for text in texts_with_pages(NAV) if text.shape != SHELL and (
    text.shape != CHECKLIST or "{ #tjekliste }" in (PROJECT / "docs" / text.pages[0]).read_text(encoding="utf-8")))
FILES = [(text, language) for text in TEXTS for language in LANGUAGES]
# What a written page adds around its content, which a whole page's file leaves out: its title, downloads, copy buttons, panel button, foot.
AROUND_THE_CONTENT = "article > h1, .sv-download, .sv-copy, .sv-details-opener, .sv-feedback, .md-source-file, .sv-page-owner, .sv-editors"


def words(text: str) -> str:
    """Return text with its blank space as single spaces."""
    return " ".join(text.split())


def docx_text(path: Path) -> str:
    """Return every paragraph's text of a .docx, as python-docx reads it."""
    return words(" ".join(paragraph.text for paragraph in docx.Document(str(path)).paragraphs))


def odt_text(path: Path) -> str:
    """Return every heading's and paragraph's text of an .odt, as odfdo reads it."""
    body = odfdo.Document(str(path)).body
    return words(" ".join(block.get_formatted_text() for block in body.get_elements("descendant::text:h|descendant::text:p")))


def page_path(source: str, language: str) -> str:
    """Return the built page's path below the site for a language-neutral source."""
    name = source.removesuffix(".md").removesuffix("index").rstrip("/")
    return language_prefix(language) + (name + "/" if name else "")


def expected_texts(site: Path, text: object, language: str) -> list[str]:
    """Return the paragraphs and list items of the text on its page, as the reader sees them there."""
    found = []
    for source in text.pages:
        soup = soup_of(site, page_path(source, language))
        heading = soup.find(id=text.section) if text.section else None
        if text.shape == CHECKLISTS and heading is None:
            continue
        if text.shape in (PAGE, HANDOUTS):
            for around in soup.select(AROUND_THE_CONTENT):
                around.decompose()
            block = soup.select_one(f".{HANDOUTS_CLASS}" if text.shape == HANDOUTS else "article")
            assert block is not None, (source, text.key)
            found += [words(item.get_text()) for item in block.find_all(["p", "li"]) if words(item.get_text())]
            continue
        block = (heading.find_next_sibling("div", class_="copy-text") if text.shape == COPY_TEXT
                 else soup.select_one(".sv-poster") if not text.section else heading.find_next_sibling(["ul", "ol", "div"]))
        assert block is not None, (source, text.key)
        found += [words(item.get_text()) for item in block.find_all(["p", "li"]) if words(item.get_text())]
    return found


@pytest.mark.parametrize(("text", "language"), FILES, ids=[f"{text.key}-{language}" for text, language in FILES])
def test_the_docx_opens_with_its_heading_language_title_and_all_its_text(built_site: BuildResult, text: object, language: str) -> None:
    """python-docx opens it: it starts with a first-level heading, says its language, has a title and holds every line of the page's text."""
    path = built_site.site / WORD_FOLDER / f"{text.file_stem(language)}.docx"
    document = docx.Document(str(path))
    assert document.paragraphs[0].style.name == "Heading 1"
    assert document.core_properties.title
    with zipfile.ZipFile(path) as archive:
        assert re.search(rf'<w:lang [^>]*w:val="{DOCUMENT_LANGUAGES[language]}"', archive.read("word/styles.xml").decode("utf-8"))
    content = docx_text(path)
    for line in expected_texts(built_site.site, text, language):
        assert words(line.replace("☐ ", "")) in content.replace("☐ ", ""), (text.key, line)


@pytest.mark.parametrize(("text", "language"), FILES, ids=[f"{text.key}-{language}" for text, language in FILES])
def test_the_odt_opens_with_its_heading_language_title_and_all_its_text(built_site: BuildResult, text: object, language: str) -> None:
    """odfdo opens it: a first-level heading, its language and title, and every line of the page's text."""
    path = built_site.site / WORD_FOLDER / f"{text.file_stem(language)}.odt"
    document = odfdo.Document(str(path))
    assert document.body.headers[0].level in (1, "1")
    assert document.meta.get_title()
    assert document.meta.get_language() == DOCUMENT_LANGUAGES[language].split("-")[0] or document.meta.get_language() == DOCUMENT_LANGUAGES[language]
    content = odt_text(path)
    for line in expected_texts(built_site.site, text, language):
        assert words(line) in content, (text.key, line)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_offers_its_texts_files_with_their_real_size(built_site: BuildResult, language: str) -> None:
    """Under each text's heading: a Word and an OpenDocument link, to a file that exists, with its size as the reader sees sizes."""
    offered = 0
    for text in TEXTS:
        for source in text.pages:
            soup: BeautifulSoup = soup_of(built_site.site, page_path(source, language))
            if text.section and soup.find(id=text.section) is None:
                continue
            links = {link["data-word-file"]: link for link in soup.select("p.sv-download--word a[data-word-file]")
                     if text.file_stem(language) in link["href"]}
            assert set(links) == {"docx", "odt"}, (source, text.key)
            for kind, link in links.items():
                file = built_site.site / WORD_FOLDER / f"{text.file_stem(language)}.{kind}"
                assert re.search(rf"\({re.escape(size_text(file.stat().st_size, language))}\)$", link.get_text()), link.get_text()
                offered += 1
    assert offered >= 2 * (len(TEXTS) + 5)  # the checklists are offered on every handbook chapter


WORKSHOP_GUIDE = next(text for text in TEXTS if text.shape == PAGE and text.key == "workshop")
WORKSHOP_HANDOUTS = next(text for text in TEXTS if text.shape == HANDOUTS)


def docx_tables(path: Path) -> list[list[list[str]]]:
    """Return every table of a .docx as rows of cell texts."""
    return [[[words(cell.text) for cell in row.cells] for row in table.rows] for table in docx.Document(str(path)).tables]


def page_table(site: Path, source: str, language: str, section: str) -> list[list[str]]:
    """Return the rows (header row first) of the first table under a section of a built page, as cell texts."""
    table = soup_of(site, page_path(source, language)).find(id=section).find_next("table")
    return [[words(cell.get_text()) for cell in row.find_all(["th", "td"])] for row in table.find_all("tr")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_workshop_guides_files_hold_its_agenda_row_by_row(built_site: BuildResult, language: str) -> None:
    """The guide's Word file has the agenda as a table (time, minutes, item, method, who), row for row; its OpenDocument file every cell."""
    agenda = page_table(built_site.site, WORKSHOP_GUIDE.pages[0], language, "dagsorden")
    assert len(agenda) == 10  # the header and nine items from 13:00 to 15:30
    stem = built_site.site / WORD_FOLDER / WORKSHOP_GUIDE.file_stem(language)
    assert agenda in docx_tables(stem.with_suffix(".docx"))
    content = odt_text(stem.with_suffix(".odt"))
    assert all(cell in content for row in agenda for cell in row)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_handouts_file_holds_every_handout_under_its_heading_in_order(built_site: BuildResult, language: str) -> None:
    """One file: the page's title as heading 1, then each handout's heading as heading 2 in the page's order, the decision sheet's table with it."""
    soup = soup_of(built_site.site, page_path(WORKSHOP_HANDOUTS.pages[0], language))
    headings = [words(h.get_text()).removesuffix("¶").strip() for h in soup.select(f".{HANDOUTS_CLASS} > h2")]
    assert len(headings) == 8  # the invitation, the agenda, five worksheets and the decision sheet
    stem = built_site.site / WORD_FOLDER / WORKSHOP_HANDOUTS.file_stem(language)
    document = docx.Document(str(stem.with_suffix(".docx")))
    styled = [(paragraph.style.name, paragraph.text) for paragraph in document.paragraphs if paragraph.style.name.startswith("Heading")]
    assert styled[0] == ("Heading 1", words(soup.select_one("article h1").get_text()).removesuffix("¶").strip())
    assert [text for style, text in styled if style == "Heading 2"] == headings
    decisions = page_table(built_site.site, WORKSHOP_HANDOUTS.pages[0], language, "ark-beslutninger")
    assert [row[0] for row in decisions if row[0]] in [[row[0] for row in table if row[0]] for table in docx_tables(stem.with_suffix(".docx"))]
    odt_headers = [(str(header.level), words(header.get_formatted_text())) for header in odfdo.Document(str(stem.with_suffix(".odt"))).body.headers]
    assert [text for level, text in odt_headers if level == "2"] == headings
