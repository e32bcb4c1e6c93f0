"""Write a book's HTML as a tagged PDF/UA-1 file with WeasyPrint, loading nothing but local files."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from seniorsite.pdf.books import PDF_FOLDER
from seniorsite.problems import ContentError, Problem

PDF_VARIANT = "pdf/ua-1"


@dataclass(frozen=True)
class PdfFacts:
    """What a reader is told before downloading: the file's name, its pages and its size in bytes."""

    name: str
    pages: int
    size: int


class LocalFetcher(URLFetcher):
    """Load the site's own files (and the font) from disk; refuse any other address and remember it."""

    def __init__(self, site_url: str, docs_dir: Path, allowed: tuple[Path, ...]) -> None:
        """Map the site's address onto docs/ and allow files under the given folders only."""
        super().__init__(allowed_protocols=("file", "data"))
        self.site_url = site_url
        self.docs_dir = docs_dir
        self.allowed = tuple(folder.resolve() for folder in (docs_dir, *allowed))
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        """Return a local file for WeasyPrint, or refuse the address."""
        asked = url
        if url.startswith(self.site_url):
            url = (self.docs_dir / unquote(urlsplit(url).path.removeprefix(urlsplit(self.site_url).path))).as_uri()
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if url.startswith("file://"):
            path = Path(unquote(urlsplit(url).path)).resolve()
            if path.is_file() and any(path.is_relative_to(folder) for folder in self.allowed):
                return super().fetch(url, headers)
        self.refused.append(asked)
        raise ValueError(f"not a file of this site: {asked}")


class WarningCollector(logging.Handler):
    """Collect what WeasyPrint warns about, so that a flawed PDF stops the build instead of passing."""

    def __init__(self) -> None:
        """Start with no warnings."""
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Remember one warning."""
        self.messages.append(record.getMessage())


@contextmanager
def collected_warnings() -> Iterator[WarningCollector]:
    """Collect WeasyPrint's warnings for the duration of the block."""
    logger = logging.getLogger("weasyprint")
    collector = WarningCollector()
    logger.addHandler(collector)
    try:
        yield collector
    finally:
        logger.removeHandler(collector)


def write_pdf(html: str, target: Path, fetcher: LocalFetcher) -> PdfFacts:
    """Render the HTML to target as PDF/UA-1 and return its facts; any warning or refused file is an error."""
    with collected_warnings() as warnings:
        document = HTML(string=html, base_url=fetcher.site_url, url_fetcher=fetcher).render(pdf_variant=PDF_VARIANT)
        # The identifier comes from the content, so the same input always gives the same bytes.
        data = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=hashlib.sha256(html.encode()).hexdigest()[:32].encode())
    where = f"{PDF_FOLDER}/{target.name}"
    problems = [Problem(where, 0, f"WeasyPrint: {message}") for message in warnings.messages]
    problems += [Problem(where, 0, f"the PDF would load {url}, which is not a file of this site") for url in fetcher.refused]
    if problems:
        raise ContentError(problems)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return PdfFacts(target.name, len(document.pages), len(data))
