"""The HovedMED workshop kit: the facilitation guide and its handouts, on screen, in print, in the handbook's PDF and cut out as files."""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup, Tag
from pypdf import PdfReader

from seniorsite.languages import LANGUAGES, language_prefix
from seniorsite.outputs.pdf.books import FILE_PREFIX, PDF_FOLDER
from seniorsite.outputs.word.publish import write_texts
from seniorsite.outputs.word.texts import HANDOUTS, PAGE, WORKSHOP_HANDOUTS, RenderedPage, WordText, text_html
from seniorsite.problems import ContentError
from tests.helpers import BuildResult, site_pages, soup_of

GUIDE = "arbejdshaandbog/workshop/"
SHEETS = "arbejdshaandbog/workshop-materialer/"
SPAN = re.compile(r"^(\d{2})([.:])(\d{2})–(\d{2})[.:](\d{2})$")
CLOCK_SEPARATOR = {"da": ".", "en": ":"}  # as the site writes times: 13.00 in Danish, 13:00 in English
BREAK = {"da": "Pause", "en": "Break"}
STEPS = ("trin-1-analyse", "trin-2-maal", "trin-3-tiltag", "trin-4-kommunikation", "trin-5-opfoelgning")
EXERCISES = ("oevelse-1-analyse", "oevelse-2-maal", "oevelse-3-tiltag", "oevelse-4-kommunikation", "oevelse-5-opfoelgning")
HANDOUT_IDS = ("invitation-til-moedet", "ark-dagsorden", "ark-1-analyse", "ark-2-maal", "ark-3-tiltag", "ark-4-kommunikation",
               "ark-5-opfoelgning", "ark-beslutninger")
LABELS = {"da": ("Formål:", "Spørgsmål:", "Metode:", "Tid:", "Skriv ned:"), "en": ("Aim:", "Questions:", "Method:", "Time:", "Write down:")}
MINUTES = {"da": re.compile(r"(\d+) minutter"), "en": re.compile(r"(\d+) minutes")}
DECISION_HEADERS = {"da": ["Hvad", "Hvem", "Senest"], "en": ["What", "Who", "By when"]}
SUMMARY = {"da": "Kort fortalt", "en": "In brief"}
CHECKLIST = {"da": "Tjekliste", "en": "Checklist"}
EXAMPLE = {"da": "Eksempel", "en": "Example"}
REAL_MUNICIPALITIES = ("Odsherred", "Køge", "Rødovre")
SITE_URL = "https://example.org/site/"
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]}}


def words(text: str) -> str:
    """Return text with its blank space as single spaces and without a heading's permalink sign."""
    return " ".join(text.split()).removesuffix("¶").strip()


def page(site: Path, language: str, path: str) -> BeautifulSoup:
    """Return one built page in one language."""
    return soup_of(site, language_prefix(language) + path)


def section(soup: BeautifulSoup, heading_id: str) -> list[Tag]:
    """Return the elements under a heading, up to the next heading of its level or higher."""
    heading = soup.find(id=heading_id)
    assert isinstance(heading, Tag), heading_id
    level = int(heading.name[1])
    found = []
    for sibling in heading.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name) and int(sibling.name[1]) <= level:
            break
        found.append(sibling)
    return found


def table_of(parts: list[Tag]) -> Tag:
    """Return the first table among a section's parts: the build writes each in the theme's scroll frame."""
    return next(part.find("table") for part in parts if "md-typeset__scrollwrap" in part.get("class", []))


def rows(table: Tag) -> list[list[Tag]]:
    """Return a table's body rows as lists of cells."""
    return [row.find_all("td") for row in table.select("tbody tr")]


def minutes_of(clock: str) -> tuple[int, int, str]:
    """Return a time span's start and end in minutes after midnight, and the clock's separator."""
    found = SPAN.match(clock)
    assert found, clock
    start_hour, separator, start_minute, end_hour, end_minute = found.groups()
    return int(start_hour) * 60 + int(start_minute), int(end_hour) * 60 + int(end_minute), separator


def agenda(soup: BeautifulSoup) -> list[list[Tag]]:
    """Return the guide's agenda rows: time, minutes, item, method, who."""
    table = table_of(section(soup, "dagsorden"))
    return rows(table)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_agenda_runs_150_minutes_from_13_to_15_30_with_one_break(built_site: BuildResult, language: str) -> None:
    """Each row starts where the last ended, its minutes are its clock times' difference, and together they make 150 with a 15-minute break."""
    soup = page(built_site.site, language, GUIDE)
    items = agenda(soup)
    headers = [words(cell.get_text()) for cell in soup.find(id="dagsorden").find_next("table").select("thead th")]
    assert headers == (["Tid", "Minutter", "Punkt", "Metode", "Hvem"] if language == "da" else ["Time", "Minutes", "Item", "Method", "Who"])
    spans = [minutes_of(words(row[0].get_text())) for row in items]
    assert {separator for _, _, separator in spans} == {CLOCK_SEPARATOR[language]}
    assert spans[0][0] == 13 * 60 and spans[-1][1] == 15 * 60 + 30
    assert all(earlier[1] == later[0] for earlier, later in zip(spans, spans[1:], strict=False))
    minutes = [int(words(row[1].get_text())) for row in items]
    assert minutes == [end - start for start, end, _ in spans]
    assert sum(minutes) == 150
    breaks = [int(words(row[1].get_text())) for row in items if words(row[2].get_text()) == BREAK[language]]
    assert breaks == [15]
    assert all(words(row[3].get_text()) and words(row[4].get_text()) for row in items)  # a method and who for every item


@pytest.mark.parametrize("language", LANGUAGES)
def test_five_exercises_one_per_handbook_step_each_with_aim_questions_method_time_and_notes(built_site: BuildResult, language: str) -> None:
    """Exercise n links to step n; it says its aim, questions, method, minutes (the agenda's) and what to write down; the method's minutes add up."""
    soup = page(built_site.site, language, GUIDE)
    assert [h3["id"] for h3 in section(soup, "oevelser") if h3.name == "h3"] == list(EXERCISES)
    booked = {row[2].find("a")["href"].removeprefix("#"): int(words(row[1].get_text())) for row in agenda(soup) if row[2].find("a")}
    for exercise, step in zip(EXERCISES, STEPS, strict=True):
        parts = section(soup, exercise)
        assert any(link["href"].endswith(f"fra-politik-til-praksis/#{step}") for part in parts for link in part.find_all("a", href=True)), exercise
        labels = [words(bold.get_text()) for part in parts for bold in part.find_all("strong")]
        assert [label for label in labels if label in LABELS[language]] == list(LABELS[language]), exercise
        questions = next(part for part in parts if part.name == "ol").find_all("li")
        assert len(questions) == 3 and all(words(question.get_text()).endswith("?") for question in questions), exercise
        time = next(part for part in parts if part.name == "p" and words(part.get_text()).startswith(LABELS[language][3]))
        assert int(MINUTES[language].search(time.get_text()).group(1)) == booked[exercise], exercise
        method = next(part for part in parts if part.name == "p" and words(part.get_text()).startswith(LABELS[language][2]))
        steps = [int(number) for number in MINUTES[language].findall(method.get_text())]
        assert not steps or sum(steps) == booked[exercise], (exercise, steps)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_decisions_table_has_what_who_and_by_when_to_fill_in(built_site: BuildResult, language: str) -> None:
    """Under the decisions heading: a table of what, who and by when, each task named, who and when left empty to write in."""
    soup = page(built_site.site, language, GUIDE)
    table = table_of(section(soup, "beslutninger"))
    assert [words(th.get_text()) for th in table.select("thead th")] == DECISION_HEADERS[language]
    tasks = rows(table)
    assert len(tasks) >= 5
    assert all(words(task[0].get_text()) and not words(task[1].get_text()) and not words(task[2].get_text()) for task in tasks)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_is_a_chapter_with_a_summary_a_labelled_example_and_a_checklist(built_site: BuildResult, language: str) -> None:
    """Like every chapter: the summary first, the checklist last; its case is labelled an example, and no real municipality is named."""
    soup = page(built_site.site, language, GUIDE)
    article = soup.select_one("article")
    first = next(block for block in article.find_all(["p", "div", "h2"], recursive=False) if "sv-download" not in block.get("class", []))
    assert "admonition" in first["class"] and SUMMARY[language] in first.get_text()
    last = [h2 for h2 in article.find_all("h2", recursive=False)][-1]
    assert (words(last.get_text()), last["id"]) == (CHECKLIST[language], "tjekliste")
    assert len(last.find_next_sibling("ul").find_all("li")) >= 4
    example = article.select_one(".admonition.example")
    assert words(example.select_one(".admonition-title").get_text()) == EXAMPLE[language]
    for path in (GUIDE, SHEETS):
        text = page(built_site.site, language, path).select_one("article").get_text(" ")
        assert not [name for name in REAL_MUNICIPALITIES if name in text], path


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_links_the_handbook_the_template_the_kit_and_its_handouts(built_site: BuildResult, language: str) -> None:
    """From the guide a reader reaches every chapter it builds on, the conversation template, the communication kit and the handouts; and back."""
    def targets(path: str) -> set[str]:
        """Return the site paths (no language prefix) that a page's article links to."""
        base = "/" + language_prefix(language) + path
        found = {urlsplit(urljoin(base, link["href"])).path for link in page(built_site.site, language, path).select("article a[href]")}
        return {target.removeprefix("/" + language_prefix(language)) for target in found}

    linked = targets(GUIDE)
    for chapter in ("roller/", "fra-politik-til-praksis/", "rammeaftalen/", "regler/", "opfoelgning/", "workshop-materialer/"):
        assert "arbejdshaandbog/" + chapter in linked, chapter
    assert {"samtaleskabelon/", "kommunikation/", "inspiration/"} <= linked
    assert {GUIDE, "arbejdshaandbog/fra-politik-til-praksis/"} <= targets(SHEETS)
    assert GUIDE in targets("arbejdshaandbog/") and GUIDE in targets("arbejdshaandbog/aarshjul/")  # the chapter before it


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_handouts_are_the_guides_agenda_and_questions_each_a_section(built_site: BuildResult, language: str) -> None:
    """Eight handouts, each a heading with an id; the agenda's times and items and each worksheet's questions are the guide's, word for word."""
    guide, sheets = page(built_site.site, language, GUIDE), page(built_site.site, language, SHEETS)
    block = sheets.select_one(".sv-handouts")
    assert [h2["id"] for h2 in block.find_all("h2", recursive=False)] == list(HANDOUT_IDS)
    participants = table_of(section(sheets, "ark-dagsorden"))
    assert [[words(cell.get_text()) for cell in row] for row in rows(participants)] == [
        [words(row[0].get_text()), words(row[2].get_text())] for row in agenda(guide)]
    for exercise, sheet in zip(EXERCISES, HANDOUT_IDS[2:7], strict=True):
        asked = [words(li.get_text()) for li in next(part for part in section(guide, exercise) if part.name == "ol").find_all("li")]
        printed = [words(li.get_text()) for li in next(part for part in section(sheets, sheet) if part.name == "ol").find_all("li")]
        assert printed == asked, sheet
        assert any("sv-write" in part.get("class", []) for part in section(sheets, sheet)), sheet  # room for what the group writes down
    decisions = rows(table_of(section(sheets, "ark-beslutninger")))
    guide_decisions = rows(table_of(section(guide, "beslutninger")))
    assert len([row for row in decisions if words(row[0].get_text())]) == len(guide_decisions)
    assert len([row for row in decisions if not any(words(cell.get_text()) for cell in row)]) >= 2  # empty rows for more
    invitation = section(sheets, "invitation-til-moedet")
    assert any("copy-text" in part.get("class", []) for part in invitation)


def test_only_the_handouts_pages_load_the_handouts_stylesheet(built_site: BuildResult) -> None:
    """handouts.css on the handouts page in both languages and on no other page, so no other first view grows."""
    holding = {path for path in site_pages() if soup_of(built_site.site, path).select("link[rel=stylesheet][href$='/handouts.css']")}
    assert holding == {language_prefix(language) + SHEETS for language in LANGUAGES}


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_printing_the_handouts_puts_each_on_its_own_sheet_with_lines_to_write_on(browser: object, site_url: str, language: str) -> None:
    """In print only the handouts show, each after the first on a new page, questions with lines; Chromium's PDF has one sheet per handout."""
    context = browser.new_context(viewport={"width": 794, "height": 1123})
    tab = context.new_page()
    tab.goto(site_url + language_prefix(language) + SHEETS, wait_until="networkidle")
    lines = "() => getComputedStyle(document.querySelector('.sv-handouts > ol > li'), '::after').content"
    assert tab.evaluate(lines) in ("none", "normal")  # on screen a worksheet is text, no lines
    tab.emulate_media(media="print")
    shown = tab.evaluate("""() => [...document.querySelectorAll('article > *')]
        .filter(el => getComputedStyle(el).display !== 'none').map(el => el.className)""")
    assert shown == ["sv-handouts"]
    breaks = tab.evaluate("() => [...document.querySelectorAll('.sv-handouts > h2')].map(h => getComputedStyle(h).breakBefore)")
    assert breaks == ["auto"] + ["page"] * (len(HANDOUT_IDS) - 1)
    assert tab.evaluate(lines) == '""'
    assert tab.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.sv-handouts > ol > li'), '::after').height)") > 90  # 2.7 cm
    headings = [words(text) for text in tab.locator(".sv-handouts > h2").all_inner_texts()]
    pdf = PdfReader(io.BytesIO(tab.pdf(format="A4")))
    texts = [words(sheet.extract_text() or "") for sheet in pdf.pages]
    context.close()
    assert len(texts) == len(HANDOUT_IDS)
    assert [text.startswith(heading) for text, heading in zip(texts, headings, strict=True)] == [True] * len(HANDOUT_IDS)


@pytest.mark.browser
def test_printing_the_guide_still_prints_the_whole_guide(browser: object, site_url: str) -> None:
    """The handouts' print rules stay on their page: the guide prints its title, agenda and checklist."""
    context = browser.new_context(viewport={"width": 794, "height": 1123})
    tab = context.new_page()
    tab.goto(site_url + GUIDE, wait_until="networkidle")
    tab.emulate_media(media="print")
    for selector in ("article h1", "#dagsorden", "#tjekliste"):
        assert tab.locator(selector).is_visible(), selector
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", [language_prefix(language) + path for language in LANGUAGES for path in (GUIDE, SHEETS)])
def test_the_workshop_pages_pass_axe_in_the_dark_scheme(browser: object, site_url: str, path: str, width: int) -> None:
    """axe-core finds nothing against WCAG 2.2 AA in the dark scheme, on a phone and a desktop (the light scheme is checked on every page)."""
    context = browser.new_context(color_scheme="dark", viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.goto(site_url + path, wait_until="networkidle")
    assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    result = Axe().run(tab, options=WCAG_AA)
    context.close()
    assert [f"{v['id']}: {n['target']}" for v in result.response["violations"] for n in v["nodes"]] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_handbooks_pdf_holds_the_guide_and_starts_each_handout_on_a_new_page(built_site: BuildResult, language: str) -> None:
    """The guide and the handouts are chapters of the handbook's PDF; each handout begins its own page, in order."""
    reader = PdfReader(built_site.site / PDF_FOLDER / f"{FILE_PREFIX}-arbejdshaandbog-{language}.pdf")
    texts = [words(sheet.extract_text() or "") for sheet in reader.pages]
    title = words(page(built_site.site, language, GUIDE).select_one("article h1").get_text())
    assert any(text.startswith(title) for text in texts)
    sheets = page(built_site.site, language, SHEETS)
    headings = [words(h2.get_text()) for h2 in sheets.select(".sv-handouts > h2")]
    starts = [next((index for index, text in enumerate(texts) if text.startswith(heading)), None) for heading in headings]
    assert None not in starts, list(zip(headings, starts, strict=True))
    assert starts == sorted(set(starts)) and len(set(starts)) == len(headings)


GUIDE_HTML = """<h1 id="workshop">Workshop<a class="headerlink" href="#workshop">¶</a></h1>
<div class="admonition abstract"><p class="admonition-title">Kort fortalt</p><p>Se <a href="../roller/">roller</a>.</p></div>
<h2 id="dagsorden">Dagsorden</h2><table><tr><td>13.00–13.10</td></tr></table>
<p class="sv-copy" hidden><button type="button">Kopiér teksten</button></p><div class="copy-text"><p>Tekst</p></div>"""
SHEETS_HTML = """<h1 id="ark">Ark</h1><p>Om arkene.</p>
<div class="sv-handouts"><h2 id="a">Dagsorden</h2><p>Punkt</p><h2 id="b">Arbejdsark 1</h2><ol><li>Spørgsmål?</li></ol></div><p>Tilbage</p>"""


def test_a_whole_page_becomes_its_title_and_everything_under_it_without_the_screens_parts() -> None:
    """The PAGE shape: the page's title as heading 1, a box's title bold, no permalink or copy button, links made absolute."""
    text = WordText("workshop", ("arbejdshaandbog/workshop.md",), "", PAGE)
    pages = {"arbejdshaandbog/workshop.md": RenderedPage("Workshop", "arbejdshaandbog/workshop/", GUIDE_HTML)}
    title, html = text_html(text, pages, SITE_URL, lambda key: "Tjeklister")
    assert title == "Workshop" and html.startswith("<h1>Workshop</h1>")
    assert '<p><strong>Kort fortalt</strong></p>' in html and 'href="https://example.org/site/arbejdshaandbog/roller/"' in html
    assert "13.00–13.10" in html and "<p>Tekst</p>" in html
    assert "¶" not in html and "Kopiér" not in html and "admonition-title" not in html


def test_the_handouts_become_one_document_each_under_its_heading_and_nothing_around_them() -> None:
    """The HANDOUTS shape: the page's title, then the handouts block only; without the block there is no file and the build names the page."""
    text = WordText("workshop-materialer", (WORKSHOP_HANDOUTS,), "", HANDOUTS)
    pages = {WORKSHOP_HANDOUTS: RenderedPage("Ark", "arbejdshaandbog/workshop-materialer/", SHEETS_HTML)}
    title, html = text_html(text, pages, SITE_URL, lambda key: "Tjeklister")
    soup = BeautifulSoup(html, "html.parser")
    assert title == "Ark"
    assert [(h.name, h.get_text()) for h in soup.find_all(["h1", "h2"])] == [("h1", "Ark"), ("h2", "Dagsorden"), ("h2", "Arbejdsark 1")]
    assert "Om arkene" not in html and "Tilbage" not in html and "<li>Spørgsmål?</li>" in html
    without = {WORKSHOP_HANDOUTS: RenderedPage("Ark", "arbejdshaandbog/workshop-materialer/", "<h1>Ark</h1><p>Intet</p>")}
    assert text_html(text, without, SITE_URL, lambda key: "Tjeklister") is None
    with pytest.raises(ContentError) as caught:
        write_texts(without, [], "da", lambda key: key, SITE_URL, None, Path("/nonexistent"))
    named = [problem for problem in caught.value.problems if problem.file == f"docs/{WORKSHOP_HANDOUTS}"]
    assert any("seniorvaerktoejer-workshop-materialer-da" in problem.message for problem in named)
