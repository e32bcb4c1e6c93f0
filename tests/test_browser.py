"""The built site in headless Chromium: no errors, no requests elsewhere, language switch, search."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.helpers import SITE_PATH, search_results

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh browser page at desktop width that records console errors and every request."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.errors = []
    tab.requests = []
    tab.on("console", lambda message: tab.errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("request", lambda request: tab.requests.append(request.url))
    yield tab
    context.close()


def foreign(requests: list[str]) -> list[str]:
    """The requests that went anywhere but 127.0.0.1."""
    return [url for url in requests if urlsplit(url).hostname != "127.0.0.1" and not url.startswith(("data:", "blob:"))]


@pytest.mark.parametrize(("path", "heading"), [("", "Seniorværktøjer"), ("en/", "Senior tools")])
def test_the_front_page_loads_cleanly_and_stays_local(page: object, site_url: str, path: str, heading: str) -> None:
    """The front page in each language renders, logs no error, asks no other host for anything, and leaves the search index until search is used."""
    page.goto(site_url + path, wait_until="networkidle")
    assert page.locator("h1").inner_text().strip().removesuffix("¶") == heading
    assert page.locator("aside.sv-next-event").is_visible()
    assert page.errors == []
    assert foreign(page.requests) == []
    assert not any(url.endswith("search_index.json") for url in page.requests)


def switch_language(page: object, hreflang: str) -> None:
    """Follow the header's link to the other language, as a reader would."""
    with page.expect_navigation():
        page.locator(f".md-header a.sv-language[hreflang={hreflang}]").click()


@pytest.mark.parametrize(("start", "hreflang", "expected"), [
    ("faq/", "en", "en/faq/"),
    ("en/arrangementer/", "da", "arrangementer/"),
    ("", "en", "en/"),
])
def test_the_language_selector_keeps_the_page(page: object, site_url: str, start: str, hreflang: str, expected: str) -> None:
    """Switching language lands on the same page in the other language."""
    page.goto(site_url + start, wait_until="networkidle")
    switch_language(page, hreflang)
    assert page.url == site_url + expected
    assert page.locator("html").get_attribute("lang") == hreflang
    assert page.errors == []


def search(page: object, query: str) -> list[str]:
    """Search as a reader would and return the paths of the results."""
    paths = [urlsplit(address).path for address in search_results(page, query)]
    return ["/" + path.removeprefix(SITE_PATH) for path in paths]


def test_a_danish_search_returns_danish_pages_with_stemming(page: object, site_url: str) -> None:
    """'seniorsamtaler' finds the communication kit, which says only 'seniorsamtale'; no English page is listed."""
    page.goto(site_url + "faq/", wait_until="networkidle")
    found = search(page, "seniorsamtaler")
    assert "/kommunikation/" in found
    assert not any(path.startswith("/en/") for path in found)
    inflected = search(page, "seniorsamtalerne")
    assert "/kommunikation/" in inflected, "only stemming links 'seniorsamtalerne' to 'seniorsamtale'"
    assert not any(path.startswith("/en/") for path in inflected)
    assert page.errors == []


def test_an_english_search_returns_english_pages_only(page: object, site_url: str) -> None:
    """On an English page, search lists English pages only."""
    page.goto(site_url + "en/om/", wait_until="networkidle")
    found = search(page, "municipality")
    assert found and all(path.startswith("/en/") for path in found)
    assert page.errors == []
