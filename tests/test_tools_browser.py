"""The tools' scripts in headless Chromium: the catalogue filter, copy buttons, dark scheme, no script."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from seniorsite.data.site_data import load_site_data
from tests.helpers import PROJECT

pytestmark = pytest.mark.browser
ENTRIES = load_site_data(PROJECT).catalogue.entries
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
# One page of every kind, for the dark scheme (the light scheme is checked on every page).
PAGE_KINDS = ["", "arbejdshaandbog/roller/", "samtaleskabelon/", "samtaleskabelon/formular/", "arbejdshaandbog/seniorpolitik/", "inspiration/", f"inspiration/{ENTRIES[0].slug}/",
              "inspiration/emner/", "kommunikation/", "faq/", "arrangementer/", "ordliste/", "en/", "en/inspiration/", "en/kommunikation/", "404.html"]


@pytest.fixture
def tab(browser: object) -> Iterator[object]:
    """A phone-width page that records script errors."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def visible_titles(page: object) -> list[str]:
    """Return the titles of the catalogue cards the reader can see."""
    return page.locator("li.sv-card:visible h3").all_inner_texts()


def expected_titles(language: str, **facets: str) -> list[str]:
    """Return the titles of the examples that carry every given facet value."""
    return [e.title[language] for e in ENTRIES if all(value in e.facets[name] for name, value in facets.items())]


def test_the_filter_narrows_the_cards_and_keeps_the_choice_in_the_address(tab: object, site_url: str) -> None:
    """Choosing a sector shows only its examples at once, says how many, and puts the choice in the URL."""
    tab.goto(site_url + "inspiration/", wait_until="networkidle")
    assert tab.locator("form.sv-filter").is_visible()
    assert visible_titles(tab) == expected_titles("da")
    sector = next(value for e in ENTRIES for value in e.facets["sectors"])
    tab.select_option("#sv-filter-sectors", sector)
    wanted = expected_titles("da", sectors=sector)
    assert 0 < len(wanted) < len(ENTRIES)
    assert visible_titles(tab) == wanted
    assert tab.locator(".sv-catalogue__count[role=status]").inner_text() == f"Viser {len(wanted)} af {len(ENTRIES)} eksempler"
    assert f"sectors={sector}" in tab.url
    assert tab.errors == []


def test_a_shared_filtered_address_opens_filtered(tab: object, site_url: str) -> None:
    """Opening an address with a filter in it shows the filtered view, in English too."""
    entry = ENTRIES[0]
    solution, theme = entry.facets["solution"][0], entry.facets["themes"][0]
    tab.goto(f"{site_url}en/inspiration/?solution={solution}&themes={theme}", wait_until="networkidle")
    assert tab.locator("#sv-filter-solution").input_value() == solution
    assert visible_titles(tab) == expected_titles("en", solution=solution, themes=theme)
    tab.locator("form.sv-filter button[type=reset]").click()
    expect(tab.locator("li.sv-card:visible")).to_have_count(len(ENTRIES), timeout=3_000)  # the policy forbids wait_for_function's eval
    assert visible_titles(tab) == expected_titles("en")
    assert "?" not in tab.url


def test_a_filter_with_no_match_says_so(tab: object, site_url: str) -> None:
    """A combination no example has leaves no card and a sentence saying so."""
    used = {(e.facets["solution"][0], s) for e in ENTRIES for s in e.facets["sectors"]}
    solutions = {e.facets["solution"][0] for e in ENTRIES}
    sectors = {s for e in ENTRIES for s in e.facets["sectors"]}
    solution, sector = next((a, b) for a in sorted(solutions) for b in sorted(sectors) if (a, b) not in used)
    tab.goto(f"{site_url}inspiration/?solution={solution}&sectors={sector}", wait_until="networkidle")
    assert visible_titles(tab) == []
    assert "Ingen eksempler passer" in tab.locator(".sv-catalogue__count").inner_text()


def test_without_javascript_the_catalogue_is_a_complete_list(browser: object, site_url: str) -> None:
    """With scripts off, every example is listed and no dead filter or copy button is shown."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + "inspiration/?sectors=skole")
    assert len(visible_titles(page)) == len(ENTRIES)
    assert not page.locator("form.sv-filter").is_visible()
    page.goto(site_url + "kommunikation/")
    assert page.locator("div.copy-text").count() >= 6
    assert page.locator(".sv-copy__button:visible").count() == 0
    context.close()


@pytest.mark.parametrize(("path", "done"), [("kommunikation/", "Kopieret"), ("en/kommunikation/", "Copied")])
def test_a_copy_button_copies_its_text_by_keyboard_and_says_so(browser: object, site_url: str, path: str, done: str) -> None:
    """Tab to the first copy button, press Enter: the clipboard holds the text and the status says so."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    button = page.locator(".sv-copy__button").first
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('sv-copy__button')"):
            break
    assert button.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    status = page.locator(".sv-copy__status").first
    status.filter(has_text=done).wait_for(timeout=3_000)
    copied = page.evaluate("navigator.clipboard.readText()")
    expected = page.locator("div.copy-text").first.inner_text().strip()
    assert copied == expected and len(copied) > 50
    assert button.get_attribute("aria-describedby")
    context.close()


def test_the_dark_scheme_follows_the_system(browser: object, site_url: str) -> None:
    """A reader whose system is dark gets the dark scheme, it follows a change of the setting, and nothing is stored."""
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(site_url, wait_until="networkidle")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.emulate_media(color_scheme="light")  # the system's setting changes while the page is open
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.emulate_media(color_scheme="dark")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    context.close()


RUNNING_ANIMATIONS = "() => document.getAnimations().filter(animation => animation.playState === 'running').length"


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_a_page_is_painted_in_its_scheme_from_the_start(browser: object, site_url: str, scheme: str) -> None:
    """No page is first painted light and then faded to dark: when it has loaded, no colour is on its way anywhere."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 844})
    page = context.new_page()
    for path in PAGE_KINDS:
        page.goto(site_url + path, wait_until="load")
        assert page.evaluate(RUNNING_ANIMATIONS) == 0, path
    context.close()


@pytest.fixture(scope="module")
def dark_tab(browser: object) -> Iterator[object]:
    """A dark-scheme page at phone width, reused across the kinds of page."""
    context = browser.new_context(color_scheme="dark", viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", PAGE_KINDS)
def test_every_kind_of_page_passes_axe_in_the_dark_scheme(dark_tab: object, site_url: str, path: str) -> None:
    """axe-core finds nothing against WCAG 2.1 AA in the dark scheme."""
    dark_tab.goto(site_url + path, wait_until="load")
    assert dark_tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    result = Axe().run(dark_tab, options=WCAG_AA)
    assert [f"{v['id']}: {n['target']}" for v in result.response["violations"] for n in v["nodes"]] == []
