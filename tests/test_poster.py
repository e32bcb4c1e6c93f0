"""The poster: its QR code, its page in both languages, its PDFs on A4 and A3, and the browser's print of it, sized to the paper."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from pdfua import Severity, validate
from pypdf import PdfReader

from seniorsite.data.site_data import load_site_data
from seniorsite.languages import LANGUAGES, language_prefix
from seniorsite.outputs.pdf.books import PDF_FOLDER
from seniorsite.page.file_sizes import size_text
from seniorsite.page.qr_code import qr_png, qr_svg
from seniorsite.strings import load_strings
from tests.helpers import PROJECT, BuildResult, soup_of

PAGE = "kommunikation/plakat/"
SITE_URL = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
STRINGS = {language: load_strings(PROJECT / "overrides", language) for language in LANGUAGES}
DETAILS = load_site_data(PROJECT).details
POSTER_FIELDS = ("kommune", "alder", "kontakt-navn", "kontakt-email", "kontakt-telefon", "intranet-link")
HEADINGS = {"da": "Hvordan vil du have dit arbejdsliv de næste år?", "en": "How do you want your working life to be in the coming years?"}
TITLES = {"da": "Plakat om seniorindsatsen", "en": "Poster about the senior effort"}
SHEETS = {"a4": (595, 842), "a3": (842, 1191)}  # points, portrait
CASES = [(paper, language) for paper in SHEETS for language in LANGUAGES]
IDS = [f"{paper}-{language}" for paper, language in CASES]
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]}}
# Every element the reader could see that is neither the poster, inside it, nor one of the boxes that hold it.
VISIBLE_BESIDE_POSTER = """() => {
  const poster = document.querySelector(".sv-poster");
  return Array.from(document.body.querySelectorAll("*")).filter((element) => {
    if (poster.contains(element) || element.contains(poster)) { return false; }
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return style.display !== "none" && style.visibility !== "hidden" && box.width > 0 && box.height > 0;
  }).map((element) => element.tagName.toLowerCase() + "." + String(element.className));
}"""
# Stands in for the browser's print dialog, which headless Chromium cannot show: counts the calls on <html>.
COUNT_PRINTS = "window.print = function () { var root = document.documentElement; root.dataset.printed = String(Number(root.dataset.printed || 0) + 1); };"


def home(language: str) -> str:
    """Return the toolkit's front page in a language, where the QR code leads."""
    return SITE_URL + language_prefix(language)


def poster_pdf(site: Path, paper: str, language: str) -> Path:
    """Return where the build writes one poster PDF."""
    return site / PDF_FOLDER / f"seniorvaerktoejer-plakat-{paper}-{language}.pdf"


def text_of(pdf: bytes | Path) -> str:
    """Return a PDF's text, whitespace collapsed."""
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    return " ".join(" ".join((page.extract_text() or "") for page in reader.pages).split())


def sheets_of(pdf: bytes) -> list[tuple[int, int]]:
    """Return each page's size in points."""
    return [tuple(round(float(value)) for value in page.mediabox[2:]) for page in PdfReader(io.BytesIO(pdf)).pages]


def structure(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Return every element of a PDF's structure tree."""
    found, stack = [], [pdf.Root.StructTreeRoot]
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


# ---------------------------------------------------------------------------------------------------------------
# The QR code
# ---------------------------------------------------------------------------------------------------------------

def test_the_qr_svg_is_scalable_named_and_drawn_in_the_text_colour() -> None:
    """An inline <svg role=img> with its name as aria-label and title, a viewBox and no fixed size, no XML declaration."""
    label = 'QR-kode til "Seniorværktøjer" & mere: https://example.org/'
    svg = qr_svg("https://example.org/", label)
    opening = svg[: svg.index(">") + 1]
    assert svg.startswith("<svg ") and svg.endswith("</svg>") and "<?xml" not in svg
    assert 'role="img"' in opening and 'aria-label="QR-kode til &#34;Seniorværktøjer&#34; &amp; mere: https://example.org/"' in opening
    assert re.search(r'viewBox="0 0 (\d+) \1"', opening)
    assert not re.search(r"\s(width|height)=", opening)
    assert "<title>QR-kode til &#34;Seniorværktøjer&#34; &amp; mere: https://example.org/</title>" in svg.replace('"', "&#34;")
    assert 'stroke="currentColor"' in svg and "#000" not in svg


def test_the_qr_png_is_a_png_with_its_quiet_zone() -> None:
    """A PNG (its signature first), its corners light: the border the QR standard asks for."""
    png = qr_png("https://example.org/")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("L")
    assert image.width == image.height >= 200
    assert all(image.getpixel(corner) == 255 for corner in ((0, 0), (image.width - 1, 0), (0, image.height - 1), (20, 20)))


def test_the_same_address_gives_the_same_code() -> None:
    """A build writes the same bytes every time, as the rest of the site does."""
    assert qr_svg("https://example.org/", "x") == qr_svg("https://example.org/", "x")
    assert qr_png("https://example.org/") == qr_png("https://example.org/")


# ---------------------------------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_the_poster_page_shows_the_qr_code_of_its_front_page_with_the_address_under_it(built_site: BuildResult, language: str) -> None:
    """The QR svg is named 'QR-kode til Seniorværktøjer: <address>' (or the English), and the address is written under it."""
    soup = soup_of(built_site.site, language_prefix(language) + PAGE)
    poster = soup.select_one("article .sv-poster")
    assert poster.select_one("h3").get_text(" ", strip=True).removesuffix("¶").strip() == HEADINGS[language]
    svg = poster.select_one("figure.sv-poster__qr svg")
    label = STRINGS[language]("poster.qr_label").replace("{address}", home(language))
    assert svg["role"] == "img" and svg["aria-label"] == label and svg.title.get_text() == label
    caption = poster.select_one("figure.sv-poster__qr figcaption a")
    assert caption.get_text() == caption["href"] == home(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_poster_holds_the_offer_and_the_contact_to_fill_in(built_site: BuildResult, language: str) -> None:
    """Each detail the poster asks for is a prompt the panel fills in; the panel and the print controls are on the page."""
    soup = soup_of(built_site.site, language_prefix(language) + PAGE)
    fields = [span["data-field"] for span in soup.select("article .sv-poster .sv-fill")]
    assert sorted(fields) == sorted(POSTER_FIELDS)
    assert sorted(soup.select_one("[data-details-opener] #sv-details")["data-fields"].split()) == sorted(POSTER_FIELDS)
    controls = soup.select_one("[data-poster-print]")
    assert controls.has_attr("hidden") and controls.fieldset.legend.get_text() == STRINGS[language]("poster.paper")
    assert [radio["value"] for radio in controls.select("input[type=radio]")] == ["a4", "a3"]
    assert controls.button.get_text() == STRINGS[language]("poster.print")
    sources = {tag.get("src") or tag.get("href") for tag in soup.select("script[src], link[rel=stylesheet]")}
    assert any(source.endswith("/poster.js") for source in sources) and any(source.endswith("/poster.css") for source in sources)


def test_only_the_poster_page_loads_the_poster_script_and_stylesheet(built_site: BuildResult) -> None:
    """The communication kit's own page links to the poster and loads neither file."""
    for language in LANGUAGES:
        soup = soup_of(built_site.site, language_prefix(language) + "kommunikation/")
        assert not soup.select("script[src$='/poster.js'], link[href$='/poster.css']")
        section = soup.select_one("h2#plakat")
        link = section.find_next("a", href=re.compile("plakat/"))
        assert link is not None and link.find_previous("h2") is section
        assert section.find_next("div", class_="copy-text").find_previous("h2") is not section  # the poster's text is on its page


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_poster_page_offers_both_pdfs_with_their_pages_and_size(built_site: BuildResult, language: str) -> None:
    """'Hent plakaten som PDF: A4 (1 side, 15 kB) · A3 (1 side, 15 kB)', before the poster, each link to its file."""
    site = built_site.site
    offer = soup_of(site, language_prefix(language) + PAGE).select_one("article p.sv-download:has(a[href*='plakat'])")
    page = {"da": "side", "en": "page"}[language]
    sizes = {paper: size_text(poster_pdf(site, paper, language).stat().st_size, language) for paper in SHEETS}
    expected = f"{STRINGS[language]('poster.download')} A4 (1 {page}, {sizes['a4']}) · A3 (1 {page}, {sizes['a3']})"
    assert " ".join(offer.get_text().split()) == expected
    for link, paper in zip(offer.select("a[type='application/pdf']"), SHEETS, strict=True):
        assert (site / language_prefix(language) / PAGE / link["href"]).resolve() == poster_pdf(site, paper, language).resolve()
    assert offer.find_next("div", class_="sv-poster") is not None


# ---------------------------------------------------------------------------------------------------------------
# The PDFs
# ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("paper", "language"), CASES, ids=IDS)
def test_each_poster_pdf_is_one_sheet_with_the_heading_and_the_prompts(built_site: BuildResult, paper: str, language: str) -> None:
    """Exactly one page of A4 (595 × 842 pt) or A3 (842 × 1191 pt), holding the heading, every prompt and the address."""
    path = poster_pdf(built_site.site, paper, language)
    [(width, height)] = sheets_of(path.read_bytes())
    assert abs(width - SHEETS[paper][0]) <= 1 and abs(height - SHEETS[paper][1]) <= 1
    text = text_of(path)
    assert HEADINGS[language] in text
    assert [field for field in POSTER_FIELDS if DETAILS.by_id(field).prompt(language) not in text] == []
    assert home(language).replace("/", "") in text.replace("/", "").replace(" ", "")


@pytest.mark.parametrize(("paper", "language"), CASES, ids=IDS)
def test_each_poster_pdf_is_tagged_in_its_language_with_its_title_and_a_vector_code(built_site: BuildResult, paper: str, language: str) -> None:
    """Language, title, marked and tagged (PDF/UA), the QR code a named figure drawn as paths (no image), the book's font embedded."""
    path = poster_pdf(built_site.site, paper, language)
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == language
        assert str(pdf.open_metadata()["dc:title"]) == f"{TITLES[language]} ({paper.upper()})"
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
        assert bool(pdf.Root.MarkInfo.Marked) is True and "/StructTreeRoot" in pdf.Root
        elements = structure(pdf)
        assert {"H1", "P", "L", "LI", "Figure"} <= {str(element.S).lstrip("/") for element in elements}
        label = STRINGS[language]("poster.qr_label").replace("{address}", home(language))
        assert [str(element.Alt) for element in elements if element.S == "/Figure"] == [label]
        [page] = pdf.pages
        assert not [name for name, item in (page.Resources.get("/XObject") or {}).items() if item.get("/Subtype") == "/Image"]
        fonts = [str(font.BaseFont) for font in (page.Resources.get("/Font") or {}).values()]
        assert fonts and all("Book-Sans" in font for font in fonts)
    report = validate(str(path))
    assert [f"{finding.rule_id}: {finding.message}" for finding in report.findings if finding.severity is Severity.ERROR] == []


# ---------------------------------------------------------------------------------------------------------------
# Printing from the browser
# ---------------------------------------------------------------------------------------------------------------

@pytest.fixture
def poster_tab(browser: object) -> Iterator[object]:
    """A desktop-wide page whose print dialog is counted instead of shown."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(COUNT_PRINTS)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_in_print_only_the_poster_is_visible(poster_tab: object, site_url: str, language: str) -> None:
    """The header, the navigation, the intro, the panel and the print controls are gone on paper; the poster stays."""
    poster_tab.goto(site_url + language_prefix(language) + PAGE, wait_until="networkidle")
    assert poster_tab.locator("[data-poster-print]").is_visible()  # shown by poster.js on screen
    poster_tab.emulate_media(media="print")
    assert poster_tab.locator(".sv-poster").is_visible()
    assert poster_tab.evaluate(VISIBLE_BESIDE_POSTER) == []
    assert poster_tab.errors == []


@pytest.mark.browser
@pytest.mark.parametrize("paper", ["a3", "a4"])
def test_printing_gives_one_sheet_of_the_chosen_paper(poster_tab: object, site_url: str, paper: str) -> None:
    """Choosing A3 (or A4) and pressing the button sets the poster's paper and prints; the print is one page of that size."""
    poster_tab.goto(site_url + PAGE, wait_until="networkidle")
    poster_tab.check(f"input[name='sv-poster-paper'][value='{paper}']")
    poster_tab.click("[data-poster-print-button]")
    assert poster_tab.get_attribute(".sv-poster", "data-paper") == paper
    assert poster_tab.get_attribute("html", "data-printed") == "1"
    [(width, height)] = sheets_of(poster_tab.pdf(prefer_css_page_size=True))
    assert abs(width - SHEETS[paper][0]) <= 1 and abs(height - SHEETS[paper][1]) <= 1
    assert poster_tab.errors == []


@pytest.mark.browser
def test_a_detail_typed_in_the_panel_is_printed_on_the_poster(poster_tab: object, site_url: str) -> None:
    """After filling in the municipality the printed poster names it; a detail left empty still prints its prompt."""
    poster_tab.goto(site_url + PAGE, wait_until="networkidle")
    poster_tab.click("[data-details-opener] > button")
    poster_tab.fill("#sv-detail-kommune", "Prøveby Kommune")
    text = text_of(poster_tab.pdf(prefer_css_page_size=True))
    assert "I Prøveby Kommune vil vi gerne have" in text
    assert DETAILS.by_id("kommune").prompt("da") not in text and DETAILS.by_id("alder").prompt("da") in text


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_poster_page_passes_axe_in_the_dark_scheme_too(browser: object, site_url: str, language: str) -> None:
    """The poster keeps its paper's light colours in the dark scheme: nothing against WCAG 2.2 AA, on a phone and a desktop."""
    for width in (390, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme="dark")
        page = context.new_page()
        page.goto(site_url + language_prefix(language) + PAGE, wait_until="load")
        result = Axe().run(page, options=WCAG_AA)
        context.close()
        assert [f"{v['id']}: {[node['target'] for node in v['nodes']]}" for v in result.response["violations"]] == [], width
