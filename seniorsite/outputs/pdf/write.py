"""Write a book's HTML as a tagged PDF/UA-1 file with WeasyPrint, loading nothing but local files."""

from __future__ import annotations

import hashlib
import logging
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from seniorsite.outputs.pdf.books import PDF_FOLDER
from seniorsite.problems import ContentError, Problem

PDF_VARIANT = "pdf/ua-1"
HARFBUZZ_NOTICE = ("WeasyPrint: HarfBuzz-Subset is missing, so the PDFs' fonts are subset with fontTools instead: the same PDFs, "
                   "written more slowly. `python3 scripts/system_packages.py build` says how to install it.")
# What WeasyPrint says about the machine, not the document (a slower fallback library, a deprecation): the start of its
# message, and what the build prints once instead. Any other warning is about the document and stops the build.
MACHINE_NOTICES = {
    "Using fontTools instead of HarfBuzz-Subset": HARFBUZZ_NOTICE,
    "HarfBuzz-Subset will be required": HARFBUZZ_NOTICE,
}


def machine_notice(message: str) -> str | None:
    """Return what to print once for a notice about the machine, or None if the message is about the document."""
    return next((notice for start, notice in MACHINE_NOTICES.items() if message.startswith(start)), None)


def _import_weasyprint() -> tuple[str, ...]:
    """Import WeasyPrint and return its deprecation notices about the machine (it warns at import when a library is missing)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        import weasyprint  # noqa: F401
    notices = []
    for warning in caught:
        notice = machine_notice(str(warning.message)) if issubclass(warning.category, DeprecationWarning) else None
        if notice is None:
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
        else:
            notices.append(notice)
    return tuple(dict.fromkeys(notices))


IMPORT_NOTICES = _import_weasyprint()
from weasyprint import HTML  # noqa: E402  (imported above, with its notices caught)
from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: E402


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


@dataclass(frozen=True)
class WrittenPdf:
    """A PDF written: its facts for the pages, and what WeasyPrint noted about the machine while writing it."""

    facts: PdfFacts
    notices: tuple[str, ...]


class WarningCollector(logging.Handler):
    """Collect what WeasyPrint warns about: notices about the machine apart, so that only a flawed document stops the build."""

    def __init__(self) -> None:
        """Start with no warnings."""
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.notices: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Remember one warning, as a notice about the machine or a problem of the document."""
        message = record.getMessage()
        notice = machine_notice(message)
        if notice is None:
            self.messages.append(message)
        elif notice not in self.notices:
            self.notices.append(notice)


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


def write_pdf(html: str, target: Path, fetcher: LocalFetcher) -> WrittenPdf:
    """Render the HTML to target as PDF/UA-1; a warning about the document or a refused file is an error, a notice about the machine is returned."""
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
    return WrittenPdf(PdfFacts(target.name, len(document.pages), len(data)), tuple(warnings.notices))


def new_notices(notices: Iterable[str], said: set[str]) -> list[str]:
    """Return the notices not yet in said, in order, and add them to it (so each is printed once per run)."""
    fresh = [notice for notice in dict.fromkeys(notices) if notice not in said]
    said.update(fresh)
    return fresh
