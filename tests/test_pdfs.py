"""The ten PDFs: tagged, in their own language, with a true table of contents, and offered with their facts."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pikepdf
import pytest
from pdfua import Severity, validate
from pypdf import PdfReader

from seniorsite.languages import LANGUAGES, language_prefix
from seniorsite.outputs.pdf.books import FILE_PREFIX, PDF_FOLDER, SCREEN_ONLY, TOOL_FOLDERS, WHOLE_TOOLKIT
from seniorsite.page.file_sizes import size_text
from seniorsite.strings import load_strings
from tests.helpers import PROJECT, BuildResult, soup_of

BOOKS = (*TOOL_FOLDERS, WHOLE_TOOLKIT)
CASES = [(book, language) for book in BOOKS for language in LANGUAGES]
IDS = [f"{book}-{language}" for book, language in CASES]
OTHER = {"da": "en", "en": "da"}
# Words that only the web interface writes: the theme's edit and skip links, copy buttons, filter, permalinks.
SCREEN_WORDS = {
    "da": ("Redigér denne side", "Gå til indhold", "Kopiér teksten", "Filtrér eksemplerne", "Permanent link", "¶"),
    "en": ("Edit this page", "Skip to content", "Copy the text", "Filter the examples", "Permanent link", "¶"),
}
A4 = (595, 842)


def pdf_path(site: Path, book: str, language: str) -> Path:
    """Return where a book's PDF is built."""
    return site / PDF_FOLDER / f"{FILE_PREFIX}-{book}-{language}.pdf"


@cache
def page_texts(path: Path) -> tuple[str, ...]:
    """Return each page's extracted text, whitespace collapsed."""
    return tuple(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def chapter_pages(site: Path, book: str) -> list[str]:
    """Return the Danish page paths a book is made of, from the built site's folders."""
    folders = TOOL_FOLDERS if book == WHOLE_TOOLKIT else (book,)
    found = []
    for folder in folders:
        for index in sorted((site / folder).rglob("index.html")):
            path = index.parent.relative_to(site).as_posix() + "/"
            source = path.rstrip("/") + ".md" if path.count("/") > 1 else f"{folder}/index.md"
            if source not in SCREEN_ONLY:
                found.append(path)
    return found


def titles(site: Path, book: str, language: str) -> list[str]:
    """Return the h1 of every page in a book, in one language."""
    return [
        soup_of(site, language_prefix(language) + path).select_one("article h1").get_text(" ", strip=True).removesuffix("¶").strip()
        for path in chapter_pages(site, book)
    ]


def structure_elements(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Return every element of the PDF's structure tree."""
    found: list[pikepdf.Dictionary] = []
    stack = [pdf.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            stack.extend(node)
        elif isinstance(node, pikepdf.Dictionary):
            if "/S" in node:
                found.append(node)
            if "/K" in node:
                stack.append(node.K)
    return found


def structure_types(pdf: pikepdf.Pdf) -> set[str]:
    """Return every structure element type in the PDF's structure tree."""
    return {str(element.S).lstrip("/") for element in structure_elements(pdf)}


@pytest.mark.parametrize(("book", "language"), CASES, ids=IDS)
def test_each_pdf_is_tagged_in_its_language_with_its_title(built_site: BuildResult, book: str, language: str) -> None:
    """Language, title shown in the window, marked content, a structure tree with headings and lists, bookmarks, no lock."""
    t = load_strings(PROJECT / "overrides", language)
    with pikepdf.open(pdf_path(built_site.site, book, language)) as pdf:
        assert str(pdf.Root.Lang) == language
        assert str(pdf.open_metadata()["dc:title"]) == t(f"pdf.{book}.title")
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
        assert bool(pdf.Root.MarkInfo.Marked) is True
        types = structure_types(pdf)
        assert {"H2", "H3", "P", "L", "LI", "Link", "Figure"} <= types, types
        assert all(str(e.get("/Alt", "")).strip() for e in structure_elements(pdf) if e.S == "/Figure")  # the logo says what it is
        assert not pdf.is_encrypted and "/Encrypt" not in pdf.trailer
        with pdf.open_outline() as outline:
            assert len(outline.root) >= 2
        assert all(tuple(round(float(v)) for v in page.mediabox[2:]) == A4 for page in pdf.pages)
        fonts = [font for page in pdf.pages for font in (page.Resources.get("/Font") or {}).values()]
        assert fonts and all("/FontFile2" in f.DescendantFonts[0].FontDescriptor or "/FontFile3" in f.DescendantFonts[0].FontDescriptor
                             for f in fonts if "/DescendantFonts" in f)


@pytest.mark.parametrize(("book", "language"), CASES, ids=IDS)
def test_each_pdf_holds_its_own_language_and_no_web_interface(built_site: BuildResult, book: str, language: str) -> None:
    """Every chapter title of the book in this language is in the text, none of the other's, and no screen-only words."""
    texts = page_texts(pdf_path(built_site.site, book, language))
    whole = " ".join(texts)
    own = titles(built_site.site, book, language)
    other = set(titles(built_site.site, book, OTHER[language])) - set(own)
    assert [title for title in own if title not in whole] == []
    assert [title for title in other if title in whole] == []
    assert [(number, word) for number, text in enumerate(texts, 1) for word in SCREEN_WORDS[language] if word in text] == []


@pytest.mark.parametrize(("book", "language"), CASES, ids=IDS)
def test_cover_and_every_page_say_what_and_where(built_site: BuildResult, book: str, language: str) -> None:
    """The cover names the tool, the publisher and the build's date; each later page says 'Side n af N'."""
    t = load_strings(PROJECT / "overrides", language)
    texts = page_texts(pdf_path(built_site.site, book, language))
    edition = {"da": "Udgave fra 5. september 2023", "en": "Edition of 5 September 2023"}[language]
    assert t(f"pdf.{book}.title") in texts[0] and t("footer.owner") in texts[0] and edition in texts[0]
    page_of = {"da": "Side {n} af {total}", "en": "Page {n} of {total}"}[language]
    assert all(page_of.format(n=n, total=len(texts)) in text for n, text in enumerate(texts, 1) if n > 1)
    assert page_of.format(n=1, total=len(texts)) not in texts[0]


@pytest.mark.parametrize(("book", "language"), CASES, ids=IDS)
def test_the_contents_page_numbers_match_where_the_chapters_start(built_site: BuildResult, book: str, language: str) -> None:
    """Each chapter in the contents points at the page that opens with that chapter's title."""
    texts = page_texts(pdf_path(built_site.site, book, language))
    contents = texts[1]
    checked = 0
    for title in titles(built_site.site, book, language):
        found = re.search(re.escape(title) + r"\s*\.*\s*(\d+)", contents)
        if found is None:  # the contents of the whole toolkit run over two pages
            found = re.search(re.escape(title) + r"\s*\.*\s*(\d+)", texts[2])
        assert found, f"{title} is not in the contents"
        page = int(found.group(1))
        body = texts[page - 1]
        assert body.startswith(title), f"{title}: the contents say page {page}, which reads: {body[:120]}"
        checked += 1
    assert checked >= 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_examples_each_start_a_page_with_their_facts_as_a_table(built_site: BuildResult, language: str) -> None:
    """Each example opens its own page, its facts a table with row headers."""
    path = pdf_path(built_site.site, "inspiration", language)
    texts = page_texts(path)
    index_title = titles(built_site.site, "inspiration", language)[chapter_pages(built_site.site, "inspiration").index("inspiration/")]
    examples = [title for title in titles(built_site.site, "inspiration", language) if title != index_title]
    first_fact = soup_of(built_site.site, language_prefix(language) + "inspiration/").select_one(".sv-card a")["href"]
    label = soup_of(built_site.site, language_prefix(language) + "inspiration/" + first_fact).select_one("dl.sv-facts dt").get_text(strip=True)
    starts = [n for title in examples for n, text in enumerate(texts) if text.startswith(f"{title} {label}")]
    assert len(set(starts)) == len(starts) == len(examples) >= 10
    with pikepdf.open(path) as pdf:
        assert {"Table", "TR", "TH", "TD"} <= structure_types(pdf)
        elements = structure_elements(pdf)
        header_ids = {str(e.ID) for e in elements if e.S == "/TH" and "/ID" in e}
        cells = [e for e in elements if e.S == "/TD"]
        # Each fact's value names its row header (PDF/UA's /Headers and /ID), so a screen reader reads "Område: Dagtilbud".
        assert cells and all({str(h) for h in e.A.Headers} <= header_ids and len(e.A.Headers) for e in cells)


@pytest.mark.parametrize("language", LANGUAGES)
def test_links_stay_clickable(built_site: BuildResult, language: str) -> None:
    """External links open their address; links between chapters jump inside the PDF."""
    with pikepdf.open(pdf_path(built_site.site, WHOLE_TOOLKIT, language)) as pdf:
        links = [a for page in pdf.pages for a in page.get("/Annots") or [] if a.Subtype == "/Link"]
        external = [str(a.A.URI) for a in links if "/A" in a and "/URI" in a.A]
        internal = [a for a in links if "/Dest" in a or ("/A" in a and "/D" in a.A)]
    assert any(url.startswith("https://") for url in external)
    assert len(internal) > 20


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_conversation_template_has_every_question(built_site: BuildResult, language: str) -> None:
    """The template's PDF holds every question from data/conversation.yml in its language."""
    from seniorsite.data.site_data import SiteDataCache

    data, _ = SiteDataCache().get(PROJECT)
    whole = " ".join(page_texts(pdf_path(built_site.site, "samtaleskabelon", language)))
    missing = [q.text[language] for q in data.conversation.all_questions() if " ".join(q.text[language].split()) not in whole]
    assert missing == []


@pytest.mark.parametrize(("book", "language"), CASES, ids=IDS)
def test_pdfua_finds_no_errors(built_site: BuildResult, book: str, language: str) -> None:
    """The pdfua package (a subset of PDF/UA-1's machine-checkable rules) reports no error."""
    report = validate(str(pdf_path(built_site.site, book, language)))
    assert [f"{f.rule_id}: {f.message}" for f in report.findings if f.severity is Severity.ERROR] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_tool_pages_and_the_front_page_offer_the_pdfs_with_pages_and_size(built_site: BuildResult, language: str) -> None:
    """'Download som PDF (15 sider, 85 kB)': the link leads to the file, and its pages and size are true."""
    site = built_site.site
    word = {"da": "sider", "en": "pages"}[language]
    front = soup_of(site, language_prefix(language)).select(".sv-downloads a[type='application/pdf']")
    assert len(front) == len(BOOKS)
    for book in BOOKS:
        path = pdf_path(site, book, language)
        expected = f"({len(page_texts(path))} {word}, {size_text(path.stat().st_size, language)})"
        assert any(link.get_text().endswith(expected) and link["href"].endswith(path.name) for link in front), (book, expected)
        if book == WHOLE_TOOLKIT:
            continue
        page = language_prefix(language) + f"{book}/"
        link = soup_of(site, page).select_one("article h1 + .sv-download a")
        assert link.get_text().endswith(expected)
        assert (site / page / link["href"]).resolve() == path.resolve()


def test_a_pdf_that_would_load_another_host_stops_the_build(tmp_path: Path) -> None:
    """An image from another host is refused: the error names the PDF and the address, and no PDF is written."""
    from datetime import datetime

    import font_source_sans_pro

    from seniorsite.outputs.pdf.books import Chapter
    from seniorsite.outputs.pdf.publish import write_books
    from seniorsite.page.render import partials_environment
    from seniorsite.problems import ContentError

    site_url = "https://example.org/seniorvaerktoejer/"
    chapter = Chapter("arbejdshaandbog/index.md", "Om håndbogen", "arbejdshaandbog/",
                      '<h1 id="om">Om håndbogen</h1><p><img src="https://cdn.example.com/x.png" alt="Et billede"></p>')
    overrides = PROJECT / "overrides"
    with pytest.raises(ContentError) as caught:
        write_books([chapter], ["arbejdshaandbog/index.md"], "da", partials_environment(overrides), load_strings(overrides, "da"),
                    site_url, datetime(2023, 9, 5), tmp_path, PROJECT / "docs", Path(font_source_sans_pro.font_directory), PROJECT / "docs" / "assets" / "images" / "logo.svg")
    assert "pdf/seniorvaerktoejer-arbejdshaandbog-da.pdf: the PDF would load https://cdn.example.com/x.png, which is not a file of this site" in str(caught.value)
    assert str(caught.value).count("would load") == 2  # the tool's book and the whole toolkit; nothing else is refused
    assert not list(tmp_path.rglob("*.pdf"))
