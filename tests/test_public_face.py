"""A Danish public site's face: the language as a word, a print button on every page, quiet glossary marks, text to read."""

from __future__ import annotations

import pytest

from seniorsite.languages import LANGUAGES, language_prefix
from seniorsite.page.page_parts import link_first_terms
from tests.helpers import BuildResult, site_pages, soup_of

PRINT_TEXT = {"da": "Udskriv siden", "en": "Print this page"}
CONTENT_PAGES = [p for p in site_pages() if not p.endswith("404.html")]
TERM = '<abbr title="Tillidsrepræsentant">TR</abbr>'


def test_a_term_in_the_lead_reads_plain_and_its_next_mention_is_linked() -> None:
    """The paragraph right under the title carries no mark; the term's next mention does, once."""
    html = f'<h1 id="x">Titel</h1>\n<p>Til {TERM} og HR.</p>\n<p>Spørg din {TERM}.</p>\n<p>Igen {TERM}.</p>'
    linked = link_first_terms(html, {"TR": "tr"}, "../ordliste/")
    lead, second, third = linked.split("\n")[1:]
    assert lead == "<p>Til TR og HR.</p>"
    assert second == '<p>Spørg din <a class="sv-term" href="../ordliste/#tr" title="Tillidsrepræsentant">TR</a>.</p>'
    assert third == "<p>Igen TR.</p>"


def test_a_page_that_opens_with_a_box_keeps_its_first_mark() -> None:
    """Only a paragraph right under the title is a lead: a summary box's first term is still linked."""
    html = f'<h1>Titel</h1>\n<div class="admonition"><p class="admonition-title">Kort</p><p>{TERM}</p></div>'
    assert 'class="sv-term"' in link_first_terms(html, {"TR": "tr"}, "../ordliste/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_front_pages_first_paragraph_has_no_glossary_mark(built_site: BuildResult, language: str) -> None:
    """The front page's lead reads without a single dotted line."""
    lead = soup_of(built_site.site, language_prefix(language)).select_one("article h1").find_next_sibling()
    assert lead.name == "p" and lead.get_text(strip=True) and not lead.select("a.sv-term, abbr")


@pytest.mark.parametrize("path", CONTENT_PAGES)
def test_every_page_offers_to_print_it_and_marks_each_term_once(built_site: BuildResult, path: str) -> None:
    """One print button in the page's language above the title; no glossary term is marked twice; no repository link."""
    soup = soup_of(built_site.site, path)
    language = "en" if path.startswith("en/") else "da"
    buttons = soup.select("article button[data-sv-print]")
    assert [button.get_text(strip=True) for button in buttons] == [PRINT_TEXT[language]]
    assert buttons[0]["type"] == "button"
    terms = [link.get_text() for link in soup.select("article a.sv-term")]
    assert len(terms) == len(set(terms)), path
    assert not soup.select("header a[href*='github.com']")


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_print_button_opens_the_print_dialogue(browser: object, site_url: str, language: str, width: int) -> None:
    """Pressing 'Udskriv siden' asks the browser to print, once; it sits beside the title, not over it."""
    context = browser.new_context(viewport={"width": width, "height": 844})
    tab = context.new_page()
    tab.add_init_script("window.print = () => { window.svPrinted = (window.svPrinted || 0) + 1; };")
    tab.goto(site_url + language_prefix(language) + "arbejdshaandbog/roller/", wait_until="load")
    button = tab.get_by_role("button", name=PRINT_TEXT[language])
    button.click()
    assert tab.evaluate("() => window.svPrinted") == 1
    box = button.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24
    overlaps = tab.evaluate("""() => { const button = document.querySelector("[data-sv-print]").getBoundingClientRect();
        const range = document.createRange(); range.selectNodeContents(document.querySelector("article h1"));
        return [...range.getClientRects()].some(line => line.left < button.right && line.right > button.left
            && line.top < button.bottom && line.bottom > button.top); }""")
    assert not overlaps  # the title's words flow beside the button or below it, never under it
    context.close()


@pytest.mark.browser
def test_without_scripts_no_dead_print_button_shows(browser: object, site_url: str) -> None:
    """A browser without JavaScript shows no print button that would do nothing."""
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "faq/", wait_until="load")
    assert tab.locator("button[data-sv-print]").count() == 1 and not tab.locator("button[data-sv-print]").is_visible()
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_body_text_is_large_with_a_readable_line_length(browser: object, site_url: str, width: int) -> None:
    """A chapter's text is at least 18 px with at least 1.5 line height, and a line holds at most about 80 characters."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.goto(site_url + "arbejdshaandbog/roller/", wait_until="load")
    text = tab.evaluate("""() => { const p = document.querySelector("article h2 ~ p"); const style = getComputedStyle(p);
        return {size: parseFloat(style.fontSize), line: parseFloat(style.lineHeight), width: p.getBoundingClientRect().width}; }""")
    context.close()
    assert text["size"] >= 18 and text["line"] >= 1.5 * text["size"]
    assert text["width"] / (0.5 * text["size"]) <= 80  # an average character is about half the font size wide


@pytest.mark.browser
def test_a_glossary_term_is_marked_by_a_quiet_dotted_line(browser: object, site_url: str) -> None:
    """A term reads in the text's colour with a thin dotted line in a lighter tone, never a link's full underline."""
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(site_url + "arbejdshaandbog/", wait_until="load")
    mark = tab.evaluate("""() => { const style = getComputedStyle(document.querySelector("article a.sv-term"));
        return [style.textDecorationStyle, style.textDecorationThickness, style.color === style.textDecorationColor]; }""")
    context.close()
    assert mark == ["dotted", "1px", False]
