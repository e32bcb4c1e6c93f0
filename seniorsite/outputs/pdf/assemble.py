"""Put a book together as one HTML document: cover, contents and chapters, through a Jinja partial."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup

from seniorsite.outputs.pdf.books import WHOLE_TOOLKIT, Book
from seniorsite.outputs.pdf.paper import chapter_id, paper_html
from seniorsite.page.dates import format_day
from seniorsite.strings import Translate

BOOK_TEMPLATE = "partials/pdf/book.html"
EXAMPLE_TEMPLATE = "partials/pdf/example.html"
# The embedded font's files in the font_source_sans_pro package (SIL OFL 1.1): weight, style, file.
FONT_FILES = ((400, "normal", "SourceSansPro-Regular.ttf"), (400, "italic", "SourceSansPro-It.ttf"),
              (700, "normal", "SourceSansPro-Bold.ttf"), (700, "italic", "SourceSansPro-BoldIt.ttf"))


@dataclass(frozen=True)
class PaperChapter:
    """A chapter ready for the template: its anchor, title and print HTML."""

    id: str
    title: str
    html: str


@dataclass(frozen=True)
class PaperPart:
    """A tool ready for the template: its key, its title and its chapters."""

    tool: str
    title: str
    chapters: tuple[PaperChapter, ...]


def font_faces(font_folder: Path) -> list[dict[str, str | int]]:
    """Return the @font-face entries for the embedded font, each a local file."""
    return [{"weight": weight, "style": style, "url": (font_folder / name).as_uri()} for weight, style, name in FONT_FILES]


def css_string(text: str) -> Markup:
    """Quote text as a CSS string that cannot end the style element (`<` is written as an escape)."""
    return Markup('"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ") + '"')


def book_title(book: Book, t: Translate) -> str:
    """Return a book's title in its language (an example's own PDF: the example's title)."""
    return book.chapters[0].title if book.example else t(f"pdf.{book.key}.title")


def document_html(book: Book, environment: Environment, t: Translate, site_url: str, moment: datetime, font_folder: Path, logo: Path) -> str:
    """Return the whole HTML document of a book, or of an example's own PDF."""
    return (example_html if book.example else book_html)(book, environment, t, site_url, moment, font_folder, logo)


def _document_fields(book: Book, t: Translate, moment: datetime, title: str, web_url: str, font_folder: Path, logo: Path) -> dict[str, object]:
    """Return what every PDF's template gets alike: language, title, metadata, edition, address, footer, fonts and logo."""
    return {
        "lang": book.language,
        "t": t,
        "title": title,
        "publisher": t("footer.owner"),
        "keywords": t("pdf.keywords"),
        "generator": "Seniorværktøjer (WeasyPrint)",
        "created": moment.isoformat(timespec="seconds"),
        "edition": t("pdf.edition").format(date=format_day(moment.date(), book.language, t)),
        "web_url": web_url,
        "footer_title": css_string(title),
        "page_of": Markup(f"{css_string(t('pdf.page') + ' ')} counter(page) {css_string(' ' + t('pdf.of') + ' ')} counter(pages)"),
        "fonts": font_faces(font_folder),
        "logo": logo.as_uri(),
    }


def example_html(book: Book, environment: Environment, t: Translate, site_url: str, moment: datetime, font_folder: Path, logo: Path) -> str:
    """Return one catalogue example as a short document: the tool's name, the example, its publisher and date, and its address."""
    chapter = book.chapters[0]
    title = book_title(book, t)
    web_url = site_url + chapter.url
    return environment.get_template(EXAMPLE_TEMPLATE).render(
        **_document_fields(book, t, moment, title, web_url, font_folder, logo),
        subtitle=f"{t(f'pdf.{book.parts[0].tool}.title')}: {title}",
        tool=t(f"pdf.{book.parts[0].tool}.title"),
        chapter=PaperChapter(chapter_id(chapter.source), title, paper_html(chapter.html, chapter.source, chapter.url, site_url, {})),
    )


def book_html(book: Book, environment: Environment, t: Translate, site_url: str, moment: datetime, font_folder: Path, logo: Path) -> str:
    """Return the whole HTML document of a book."""
    whole = book.key == WHOLE_TOOLKIT
    targets = {chapter.url: chapter_id(chapter.source) for chapter in book.chapters}
    parts = tuple(
        PaperPart(part.tool, t(f"pdf.{part.tool}.title"), tuple(
            PaperChapter(chapter_id(chapter.source), chapter.title,
                         paper_html(chapter.html, chapter.source, chapter.url, site_url, targets, heading_shift=2 if whole else 1))
            for chapter in part.chapters
        ))
        for part in book.parts
    )
    title = book_title(book, t)
    first_url = book.parts[0].chapters[0].url if book.parts and not whole else ""
    web_url = site_url + (first_url if not whole else ("" if book.language == "da" else f"{book.language}/"))
    return environment.get_template(BOOK_TEMPLATE).render(
        **_document_fields(book, t, moment, title, web_url, font_folder, logo),
        subtitle=t(f"pdf.{book.key}.subtitle"),
        running_title=Markup("string(tool)") if whole else css_string(title),
        whole=whole,
        parts=parts,
    )
