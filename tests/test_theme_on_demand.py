"""The theme's script loads at the reader's first act: nothing of it on a first view, all of it once the reader acts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from seniorsite.page.page_scripts import THEME_LOADER, with_table_frames, with_theme_on_demand
from tests.helpers import BuildResult, site_pages, soup_of

BUNDLE = "/assets/javascripts/bundle."
TABLE_PAGE = "arbejdshaandbog/regler/"
# Each table's top and the top of what follows its frame, and how many frames the article holds.
TABLE_PLACES = """() => [[...document.querySelectorAll('article table')].map(table => {
    const frame = table.closest('.md-typeset__scrollwrap');
    return [Math.round(table.getBoundingClientRect().top), Math.round(frame.nextElementSibling.getBoundingClientRect().top)];
  }), document.querySelectorAll('article .md-typeset__scrollwrap').length]"""
# Where the header's language link and its search field (or, on a phone, its search button) are, and their width.
HEADER_PLACES = """() => {
    const box = el => el.getBoundingClientRect();
    const search = [...document.querySelectorAll('.md-header .md-search__input, .md-header label[for=__search]')]
      .map(el => Math.round(box(el).width)).reduce((a, b) => Math.max(a, b), 0);
    return {language: Math.round(box(document.querySelector('.md-header .sv-language')).left), search};
  }"""


@pytest.fixture
def phone_tab(browser: object) -> Iterator[tuple[object, list[str]]]:
    """A fresh phone-sized tab and every address it requests."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    yield context.new_page(), requested
    context.close()


def bundle_requests(requested: list[str]) -> int:
    """How many times the theme's script was asked for."""
    return sum(BUNDLE in url for url in requested)


def test_the_theme_tag_becomes_the_loader_naming_the_bundle() -> None:
    """The theme's tag is replaced by the loader's, which carries the bundle's address; other tags stay."""
    page = '<script src="../assets/javascripts/bundle.5f09ab12.min.js"></script><script src="../assets/javascripts/site.js"></script>'
    assert with_theme_on_demand(page) == (
        f'<script src="../{THEME_LOADER}" data-theme-bundle="../assets/javascripts/bundle.5f09ab12.min.js"></script>'
        '<script src="../assets/javascripts/site.js"></script>'
    )


def test_only_a_markdown_table_gets_the_theme_frame() -> None:
    """A table without a class is framed as the theme frames it; a table with a class is left alone."""
    assert with_table_frames("<table>\n<tr><td>1</td></tr>\n</table>") == (
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>\n<tr><td>1</td></tr>\n</table></div></div>'
    )
    assert with_table_frames('<table class="sv-own"><tr><td>1</td></tr></table>') == '<table class="sv-own"><tr><td>1</td></tr></table>'


def test_every_page_loads_the_theme_through_the_loader(built_site: BuildResult) -> None:
    """No built page asks for the bundle directly; each names it, once, for the loader."""
    for path in site_pages():
        soup = soup_of(built_site.site, path)
        assert not soup.find("script", src=lambda src: bool(src) and BUNDLE in "/" + src), path
        loaders = soup.find_all("script", src=lambda src: bool(src) and src.endswith(THEME_LOADER))
        assert len(loaders) == 1 and BUNDLE.lstrip("/") in loaders[0]["data-theme-bundle"], path


@pytest.mark.browser
def test_a_first_view_does_without_the_theme_and_a_scroll_brings_it(phone_tab: tuple[object, list[str]], site_url: str) -> None:
    """Loaded and left alone, the page asks for no bundle; the first scroll loads it once, and the contents follow the reader."""
    tab, requested = phone_tab
    tab.set_viewport_size({"width": 1280, "height": 800})
    tab.goto(site_url + TABLE_PAGE, wait_until="networkidle")
    assert bundle_requests(requested) == 0
    assert tab.locator(".md-sidebar--secondary .md-nav__link--active").count() == 0
    tab.locator("article h2").nth(2).scroll_into_view_if_needed()
    expect(tab.locator(".md-sidebar--secondary .md-nav__link--active").first).to_be_attached()
    tab.mouse.wheel(0, 200)
    assert bundle_requests(requested) == 1


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_nothing_moves_when_the_theme_starts(phone_tab: tuple[object, list[str]], site_url: str, width: int) -> None:
    """Each table is in its frame before the theme loads, in one frame after it, and in the same place; so is the header."""
    tab, requested = phone_tab
    tab.set_viewport_size({"width": width, "height": 800})
    tab.goto(site_url + TABLE_PAGE, wait_until="networkidle")
    before = tab.evaluate(TABLE_PLACES), tab.evaluate(HEADER_PLACES)
    assert before[0][1] == len(before[0][0]) > 0
    assert before[1]["search"] > 0, "the search field or button is in the header before the theme loads"
    tab.keyboard.press("Shift")
    expect(tab.locator("html")).to_have_attribute("data-sv-theme", "started")
    assert bundle_requests(requested) == 1
    assert (tab.evaluate(TABLE_PLACES), tab.evaluate(HEADER_PLACES)) == before


@pytest.mark.browser
def test_the_search_button_on_a_phone_opens_search_with_the_cursor_in_it(phone_tab: tuple[object, list[str]], site_url: str) -> None:
    """A tap on the header's search button, the page's first act, opens search ready to type in."""
    tab, _requested = phone_tab
    tab.goto(site_url + "faq/", wait_until="networkidle")
    tab.locator("label.md-header__button[for='__search']").click()
    expect(tab.locator("input.md-search__input")).to_be_focused()
    tab.keyboard.type("frist", delay=10)
    expect(tab.locator(".md-search-result__list > li a.md-search-result__link").first).to_be_visible()


@pytest.mark.browser
def test_the_key_that_loads_the_theme_opens_search(phone_tab: tuple[object, list[str]], site_url: str) -> None:
    """'/' as the first act of a page opens search with the cursor in it, and what is typed at once finds pages."""
    tab, requested = phone_tab
    tab.set_viewport_size({"width": 1280, "height": 800})
    tab.goto(site_url + "arbejdshaandbog/", wait_until="networkidle")
    tab.keyboard.press("/")
    tab.keyboard.type("seniorsamtale", delay=10)
    expect(tab.locator("input.md-search__input")).to_be_focused()
    expect(tab.locator("input.md-search__input")).to_have_value("seniorsamtale")
    expect(tab.locator(".md-search-result__list > li a.md-search-result__link").first).to_be_visible()
    assert bundle_requests(requested) == 1


@pytest.mark.browser
def test_the_key_that_loads_the_theme_turns_the_page(phone_tab: tuple[object, list[str]], site_url: str) -> None:
    """'n' as the first act goes to the next page, as the theme's own shortcut does."""
    tab, _requested = phone_tab
    tab.goto(site_url + "arbejdshaandbog/", wait_until="networkidle")
    next_page = tab.evaluate("document.querySelector('link[rel=next]').href")
    assert next_page.startswith(site_url) and next_page != tab.url
    tab.keyboard.press("n")
    expect(tab).to_have_url(next_page)


@pytest.mark.browser
def test_printing_before_the_theme_has_loaded_opens_every_answer(phone_tab: tuple[object, list[str]], site_url: str) -> None:
    """Printed as the first act, the questions page's paper holds every answer; afterwards they close again."""
    tab, requested = phone_tab
    tab.goto(site_url + "faq/", wait_until="networkidle")
    assert tab.locator("details").count() >= 2
    tab.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert tab.evaluate("[...document.querySelectorAll('details')].every(d => d.open)")
    tab.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert tab.evaluate("[...document.querySelectorAll('details')].every(d => !d.open)")
    assert bundle_requests(requested) == 0
