"""A reader's chrome: no maintainers' links in the reader's way, headings that never break inside a word, text at body size."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml

from seniorsite.languages import LANGUAGES, language_prefix
from tests.helpers import PROJECT, BuildResult, site_pages, soup_of

pytestmark = pytest.mark.browser
CONFIG = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
PHONE_WIDTHS = (320, 390)  # the narrowest phone and the common one (a title shrinks with the width; a section heading does not)
# Each heading, and whether any line box of it starts or ends inside a word: a word split over two lines.
BROKEN_HEADINGS = """() => [...document.querySelectorAll("article h1, article h2, article h3")].flatMap(heading => {
  const text = heading.textContent.replace(/\\s+/g, " ").trim();
  const range = document.createRange();
  const broken = [];
  let top = null;
  const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT, {
    acceptNode: node => node.parentElement.closest(".headerlink") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  let node, previous = "";
  while ((node = walker.nextNode())) {
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (!box) continue;
      const letter = node.data[i];
      if (top !== null && box.top > top + 2 && /\\S/.test(letter) && /[^\\s\\-\\u00ad]/.test(previous)) broken.push(text);
      if (box.width) top = box.top;
      previous = letter;
    }
  }
  const overflow = heading.scrollWidth > heading.clientWidth + 1 ? [text + " (wider than the page)"] : [];
  return [...new Set(broken), ...overflow];
})"""


@pytest.fixture(scope="module", params=PHONE_WIDTHS, ids=lambda width: f"{width}px")
def phone(request: pytest.FixtureRequest, browser: object) -> Iterator[object]:
    """One browser tab at a phone's width, reused for every page."""
    context = browser.new_context(viewport={"width": request.param, "height": 800})
    yield context.new_page()
    context.close()


def test_no_heading_breaks_inside_a_word_on_a_phone(phone: object, site_url: str) -> None:
    """At 320 and 390 px no page title or heading splits a word over two lines (the theme broke "Samtaleskabelo/n")."""
    broken = {}
    for path in site_pages():
        phone.goto(site_url + path, wait_until="load")
        found = phone.evaluate(BROKEN_HEADINGS)
        if found:
            broken[path] = found
    assert broken == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_summaries_answers_and_tables_are_at_body_size(browser: object, site_url: str, language: str) -> None:
    """"Kort fortalt", an FAQ answer and a table are as large as the text around them (18 px), not the theme's 12.8 px."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    sizes = {}
    for path, selector in (("arbejdshaandbog/rammeaftalen/", ".admonition.abstract p"), ("arbejdshaandbog/rammeaftalen/", "table td"),
                           ("faq/", "details.sv-faq p")):
        tab.goto(site_url + language_prefix(language) + path, wait_until="load")
        body = tab.evaluate("() => getComputedStyle(document.querySelector('article > p')).fontSize")
        sizes[selector] = (tab.evaluate(f"() => getComputedStyle(document.querySelector({selector!r})).fontSize"), body)
    context.close()
    assert all(size == body == "18px" for size, body in sizes.values()), sizes


@pytest.mark.parametrize("path", ["", "faq/", "samtaleskabelon/formular/", "inspiration/", "en/ordliste/"])
def test_editors_links_stand_in_one_line_at_the_foot(built_site: BuildResult, path: str) -> None:
    """No repository link in the header, no edit pencil or data link above the title; one line for editors after the content."""
    soup = soup_of(built_site.site, path)
    assert not soup.select(".md-header a[href^='https://github.com']") and not soup.select(".md-nav__source a")
    assert not soup.select(".md-content__button") and not soup.select("article h1 ~ a[rel=edit]")
    lines = soup.select("article .sv-editors")
    assert len(lines) == 1
    links = [a["href"] for a in lines[0].find_all("a")]
    assert links[0].startswith(CONFIG["repo_url"] + "/edit/main/docs/") and links[-1] == CONFIG["repo_url"]
    assert lines[0].find_previous("aside", class_="md-source-file") is not None  # after the page's date


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_for_editors_is_in_the_footer_not_the_navigation(built_site: BuildResult, language: str) -> None:
    """'Bidrag' / 'Contribute' leaves the main navigation for the footer, on every kind of page."""
    words = {"da": "Bidrag til siden", "en": "Contribute"}[language]
    for path in ("", "faq/", "arbejdshaandbog/roller/"):
        soup = soup_of(built_site.site, language_prefix(language) + path)
        assert not [a for a in soup.select("nav.md-nav--primary a") if a["href"].rstrip("/").endswith("bidrag")]
        footer = [a for a in soup.select(".sv-footer-links a") if a.get_text(strip=True) == words]
        assert len(footer) == 1 and footer[0]["href"].endswith("bidrag/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_term_opens_by_keyboard_and_tap_and_shows_its_explanation_on_focus(browser: object, site_url: str, language: str) -> None:
    """Tab to a term: its explanation shows beside it; Enter opens its glossary entry; a tap on a phone does too."""
    roles = site_url + language_prefix(language) + "arbejdshaandbog/roller/"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(roles, wait_until="load")
    for _ in range(300):
        tab.keyboard.press("Tab")
        if tab.evaluate("() => document.activeElement.classList.contains('sv-term')"):
            break
    term = tab.evaluate("() => ({title: document.activeElement.title, href: document.activeElement.href,"
                        " shown: getComputedStyle(document.activeElement, '::after').content})")
    assert term["title"] and term["shown"] == f'"{term["title"]}"'
    tab.keyboard.press("Enter")
    tab.wait_for_url(term["href"])
    assert tab.locator(f"dt#{term['href'].rsplit('#', 1)[1]}").is_visible()
    context.close()
    phone = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    tap = phone.new_page()
    tap.goto(roles, wait_until="load")
    first = tap.locator("article a.sv-term").first
    href = first.get_attribute("href")
    first.tap()
    tap.wait_for_url("**/ordliste/#" + href.rsplit("#", 1)[1])
    phone.close()
