"""WeasyPrint's warnings: a notice about the machine is said once and the PDF is written; a flaw in the document stops it."""

from __future__ import annotations

from pathlib import Path

import font_source_sans_pro
import pytest

from seniorsite.outputs.pdf.write import HARFBUZZ_NOTICE, LocalFetcher, machine_notice, new_notices, write_pdf
from seniorsite.problems import ContentError
from tests.helpers import PROJECT

SITE_URL = "https://example.org/seniorvaerktoejer/"
FONT_FOLDER = Path(font_source_sans_pro.font_directory)


def book(body: str, style: str = "") -> str:
    """Return a small book in the PDFs' own font, with the body and any extra style."""
    font = next(FONT_FOLDER.glob("*.ttf")).as_uri()
    return (f'<!doctype html><html lang="da"><head><title>Prøve</title><style>@font-face {{ font-family: Book; src: url("{font}") }}'
            f"body {{ font-family: Book }} {style}</style></head><body><h1>Prøve</h1>{body}</body></html>")


def write(html: str, tmp_path: Path) -> object:
    """Write the book as a PDF the way the build does, loading only the site's and the font's files."""
    return write_pdf(html, tmp_path / "proeve-da.pdf", LocalFetcher(SITE_URL, PROJECT / "docs", (FONT_FOLDER,)))


def test_a_missing_harfbuzz_subset_is_a_notice_and_the_pdf_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without HarfBuzz-Subset WeasyPrint warns that it uses fontTools: the PDF is still written and the notice is handed back."""
    import weasyprint.pdf.fonts

    monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)  # what WeasyPrint sees on a machine without the library
    written = write(book("<p>Seniorsamtalen er et tilbud.</p>"), tmp_path)
    assert written.notices == (HARFBUZZ_NOTICE,)  # one notice, though WeasyPrint warned once per font
    assert (tmp_path / "proeve-da.pdf").read_bytes().startswith(b"%PDF")
    assert written.facts.pages == 1


def test_the_deprecation_at_import_is_the_same_notice() -> None:
    """WeasyPrint's DeprecationWarning at import, when HarfBuzz-Subset is missing, is read as the same notice about the machine."""
    said = "HarfBuzz-Subset will be required by future versions of WeasyPrint. Please install this library with your package manager."
    assert machine_notice(said) == HARFBUZZ_NOTICE


@pytest.mark.parametrize(("body", "style", "problem"), [
    ('<p><img src="https://example.org/seniorvaerktoejer/assets/images/findes-ikke.png" alt="Et billede"></p>', "", "Failed to load image"),
    ("<p>Tekst</p>", "p { colour: red }", "unknown property"),
    ("<p>Et tegn uden glyf: \U000f0001</p>", "", ".notdef glyph rendered"),
    ('<p>Tekst</p><link rel="stylesheet" href="https://example.org/seniorvaerktoejer/assets/stylesheets/findes-ikke.css">', "", "Failed to load stylesheet"),
], ids=["image it cannot load", "unsupported CSS", "missing glyph", "stylesheet it cannot load"])
def test_a_warning_about_the_document_stops_the_pdf(body: str, style: str, problem: str, tmp_path: Path) -> None:
    """An image or stylesheet it cannot load, an unsupported CSS rule or a missing glyph stops the PDF, naming the file and the problem."""
    with pytest.raises(ContentError) as caught:
        write(book(body, style), tmp_path)
    assert any(item.file == "pdf/proeve-da.pdf" and problem in item.message for item in caught.value.problems), caught.value.problems
    assert not (tmp_path / "proeve-da.pdf").exists()


def test_each_notice_is_said_once_per_run() -> None:
    """Both languages' books may bring the same notice: the run prints it the first time only."""
    said: set[str] = set()
    assert new_notices([HARFBUZZ_NOTICE, HARFBUZZ_NOTICE], said) == [HARFBUZZ_NOTICE]
    assert new_notices([HARFBUZZ_NOTICE], said) == []
