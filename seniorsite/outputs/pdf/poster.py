"""The poster as PDFs: the poster page's `.sv-poster` block, alone on one sheet of A4 and one of A3, in the page's language."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from jinja2 import Environment

from seniorsite.languages import DEFAULT_LANGUAGE
from seniorsite.outputs.pdf.assemble import font_faces
from seniorsite.outputs.pdf.books import FILE_PREFIX, PDF_FOLDER, Chapter
from seniorsite.outputs.pdf.paper import paper_html
from seniorsite.outputs.pdf.write import LocalFetcher, PdfFacts, write_pdf
from seniorsite.problems import ContentError, Problem
from seniorsite.strings import Translate

POSTER_SOURCE = "kommunikation/plakat.md"  # the poster's page, by its language-neutral source
POSTER_BLOCK = ".sv-poster"
POSTER_TEMPLATE = "partials/pdf/poster.html"
A4_TYPE_PT = 18  # the poster's body text on A4; every other size is a multiple of it


@dataclass(frozen=True)
class Paper:
    """One sheet the poster is printed on: its key, its CSS size, its margin and how much larger than A4 its type is."""

    key: str
    size: str
    margin_mm: int
    height_mm: int  # the sheet's height less its margins, and a millimetre to spare, so the poster never runs onto a second sheet
    scale: float

    @property
    def type_pt(self) -> float:
        """Return the size of the poster's body text on this paper, in points."""
        return round(A4_TYPE_PT * self.scale, 2)


# A3 is A4 scaled by √2: twice the area, the same shape.
PAPERS = (Paper("a4", "A4", 12, 297 - 2 * 12 - 1, 1.0), Paper("a3", "A3", 16, 420 - 2 * 16 - 1, 2 ** 0.5))


def poster_file_name(paper: Paper, language: str) -> str:
    """Return a poster's file name, naming the paper and the language."""
    return f"{FILE_PREFIX}-plakat-{paper.key}-{language}.pdf"


def poster_block(html: str) -> str | None:
    """Return the poster's block from a rendered page, or None when the page holds none."""
    block = BeautifulSoup(html, "html.parser").select_one(POSTER_BLOCK)
    return str(block) if block else None


def sheet_html(block: str, url: str, site_url: str) -> str:
    """Return the poster's block as it goes on paper: no web interface, the glossary's links as plain words, its heading the document's first."""
    soup = BeautifulSoup(paper_html(block, POSTER_SOURCE, url, site_url, {}), "html.parser")
    for term in soup.select("a.sv-term"):
        term.unwrap()
    heading = soup.find(["h2", "h3", "h4"])
    if isinstance(heading, Tag):
        heading.name = "h1"
    return str(soup)


def poster_html(block: str, paper: Paper, title: str, language: str, environment: Environment, t: Translate,
                moment: datetime, font_folder: Path) -> str:
    """Return the whole HTML document of one poster on one paper."""
    return environment.get_template(POSTER_TEMPLATE).render(
        lang=language,
        title=f"{title} ({paper.size})",
        publisher=t("footer.owner"),
        keywords=t("pdf.keywords"),
        generator="Seniorværktøjer (WeasyPrint)",
        created=moment.isoformat(timespec="seconds"),
        paper=paper,
        fonts=font_faces(font_folder),
        poster=block,
    )


def write_posters(chapters: Iterable[Chapter], language: str, environment: Environment, t: Translate, site_url: str,
                  moment: datetime, site_dir: Path, docs_dir: Path, font_folder: Path) -> dict[str, PdfFacts]:
    """Write the language's poster on A4 and on A3 into site_dir/pdf/; return each file's facts by paper ('a4', 'a3'), none without a poster page."""
    page = next((chapter for chapter in chapters if chapter.source == POSTER_SOURCE), None)
    block = poster_block(page.html) if page else None
    if page is None or block is None:
        return {}
    sheet = sheet_html(block, page.url, site_url)
    written = {}
    for paper in PAPERS:
        target = site_dir / PDF_FOLDER / poster_file_name(paper, language)
        html = poster_html(sheet, paper, page.title, language, environment, t, moment, font_folder)
        facts = write_pdf(html, target, LocalFetcher(site_url, docs_dir, (font_folder,))).facts
        if facts.pages != 1:
            source = POSTER_SOURCE if language == DEFAULT_LANGUAGE else POSTER_SOURCE.removesuffix(".md") + f".{language}.md"
            raise ContentError([Problem(f"{PDF_FOLDER}/{target.name}", 0, f"the poster runs over {facts.pages} pages; shorten its text in docs/{source}")])
        written[paper.key] = facts
    return written
