"""Write a language's books and each example's own PDF, and tell each page what to offer for download: name, pages and size (the poster's page its two sheets)."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup

from seniorsite.data.catalogue import entry_slug
from seniorsite.outputs.offline.copy_site import ZIP_NAME
from seniorsite.outputs.pdf.assemble import book_title, document_html
from seniorsite.outputs.pdf.books import (
    PDF_FOLDER,
    TOOL_FOLDERS,
    WHOLE_TOOLKIT,
    Book,
    Chapter,
    books_for,
    example_books,
    example_key,
    tool_folder,
)
from seniorsite.outputs.pdf.poster import PAPERS
from seniorsite.outputs.pdf.write import IMPORT_NOTICES, LocalFetcher, PdfFacts, WrittenPdf, write_pdf
from seniorsite.page.addresses import DOWNLOADS_PLACEHOLDER, POSTER_DOWNLOADS_PLACEHOLDER
from seniorsite.page.file_sizes import size_text
from seniorsite.problems import ContentError, Problem
from seniorsite.strings import Translate

DOWNLOAD_TEMPLATE = "partials/pdf/download.html"
DOWNLOADS_TEMPLATE = "partials/pdf/downloads.html"
POSTER_DOWNLOADS_TEMPLATE = "partials/pdf/poster-downloads.html"


def write_books(
    chapters: Iterable[Chapter], nav_order: Sequence[str], language: str, environment: Environment, t: Translate,
    site_url: str, moment: datetime, site_dir: Path, docs_dir: Path, font_folder: Path, logo: Path,
) -> tuple[dict[str, PdfFacts], tuple[str, ...]]:
    """Write every book of one language, and each catalogue example's own PDF, into site_dir/pdf/; return their facts by key, and WeasyPrint's notices about the machine."""
    chapters = tuple(chapters)
    # The longest first: the whole toolkit takes one core for most of the run while the others share the rest.
    books = sorted((*books_for(chapters, nav_order, language), *example_books(chapters, language)), key=lambda book: -len(book.chapters))
    jobs = [(document_html(book, environment, t, site_url, moment, font_folder, logo), site_dir / PDF_FOLDER / book.file_name, site_url, docs_dir, font_folder)
            for book in books]
    # WeasyPrint lays out on one core; the books are independent, so each core writes its own (forked: no re-import).
    with ProcessPoolExecutor(max_workers=min(len(jobs), os.cpu_count() or 1), mp_context=multiprocessing.get_context("fork")) as pool:
        results = list(pool.map(_write_one, jobs))
    problems = [problem for result in results if isinstance(result, list) for problem in result]
    if problems:
        raise ContentError(problems)
    written = {book.key: result for book, result in zip(books, results, strict=True) if isinstance(result, WrittenPdf)}
    notices = tuple(dict.fromkeys([*IMPORT_NOTICES, *(notice for result in written.values() for notice in result.notices)]))
    return {key: result.facts for key, result in written.items()}, notices


def _write_one(job: tuple[str, Path, str, Path, Path]) -> WrittenPdf | list[Problem]:
    """Write one book in a worker process; return its facts, or its problems for the parent to report."""
    html, target, site_url, docs_dir, font_folder = job
    try:
        return write_pdf(html, target, LocalFetcher(site_url, docs_dir, (font_folder,)))
    except ContentError as error:
        return list(error.problems)


def facts_text(facts: PdfFacts, language: str, t: Translate) -> str:
    """Return a file's pages and size: '24 sider, 310 kB', or '1 side, 15 kB'."""
    key = "pdf.facts_one" if facts.pages == 1 else "pdf.facts"
    return t(key).format(pages=facts.pages, size=size_text(facts.size, language))


def download_text(facts: PdfFacts, language: str, t: Translate) -> str:
    """Return the link text: 'Download som PDF (24 sider, 310 kB)'."""
    return f"{t('pdf.download')} ({facts_text(facts, language, t)})"


def download_box(facts: PdfFacts, root: str, language: str, t: Translate, environment: Environment, example: PdfFacts | None = None) -> str:
    """Return the download links a tool's page shows under its title: the tool's PDF; on an example's page the example's own first, then the whole catalogue."""
    items = [{"href": f"{root}{PDF_FOLDER}/{facts.name}", "text": download_text(facts, language, t)}]
    if example is not None:
        items = [{"href": f"{root}{PDF_FOLDER}/{example.name}", "text": f"{t('pdf.download_example')} ({facts_text(example, language, t)})"},
                 {**items[0], "text": f"{t('pdf.download_catalogue')} ({facts_text(facts, language, t)})"}]
    return environment.get_template(DOWNLOAD_TEMPLATE).render(items=items)


def downloads_list(facts: dict[str, PdfFacts], root: str, language: str, t: Translate, environment: Environment) -> str:
    """Return the front page's list: each tool's PDF, the whole toolkit, and the offline copy."""
    order = (*TOOL_FOLDERS, WHOLE_TOOLKIT)
    items = [
        {"title": t("pdf.whole") if key == WHOLE_TOOLKIT else book_title(Book(key, language, ()), t),
         "href": f"{root}{PDF_FOLDER}/{facts[key].name}", "text": download_text(facts[key], language, t)}
        for key in order if key in facts
    ]
    before, _, after = t("offline.download").partition("{size}")
    return environment.get_template(DOWNLOADS_TEMPLATE).render(
        items=items, zip_href=f"{root}{ZIP_NAME}", zip_before=before, zip_after=after, zip_help=t("offline.help"),
        size=Markup("<span data-offline-size></span>"),
    )


def with_downloads(output: str, page_url: str, url_in_language: str, facts: dict[str, PdfFacts], language: str,
                   t: Translate, environment: Environment, page_source: str) -> str:
    """Return a written page with its tool's PDF under the title (an example's page its own PDF too), and the front page's list filled in."""
    root = "../" * page_url.count("/")
    if DOWNLOADS_PLACEHOLDER in output:
        output = output.replace(DOWNLOADS_PLACEHOLDER, downloads_list(facts, root, language, t, environment))
    tool = tool_folder(url_in_language)
    if tool in facts:
        slug = entry_slug(page_source)
        example = facts.get(example_key(slug)) if slug else None
        output = output.replace("</h1>", "</h1>" + download_box(facts[tool], root, language, t, environment, example), 1)
    return output


def with_poster_downloads(output: str, page_url: str, facts: dict[str, PdfFacts], language: str, t: Translate,
                          environment: Environment) -> str:
    """Return a written page with the poster's PDFs where its page asks for them: 'Hent plakaten som PDF: A4 (1 side, 15 kB) · A3 (…)'."""
    if POSTER_DOWNLOADS_PLACEHOLDER not in output or not facts:
        return output
    root = "../" * page_url.count("/")
    items = [
        {"href": f"{root}{PDF_FOLDER}/{facts[paper.key].name}", "text": f"{paper.size} ({facts_text(facts[paper.key], language, t)})"}
        for paper in PAPERS if paper.key in facts
    ]
    offer = environment.get_template(POSTER_DOWNLOADS_TEMPLATE).render(lead=t("poster.download"), items=items)
    return output.replace(POSTER_DOWNLOADS_PLACEHOLDER, offer)
